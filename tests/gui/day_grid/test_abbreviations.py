"""Short blocks: therapy abbreviations and names that shorten to initials before eliding."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetrics

from clinic_app.domain.rule_parameters import load_rules_file
from clinic_app.gui.day_grid.abbreviations import fitted_name, therapy_abbreviation
from clinic_app.resource_files import resource_path


def test_every_catalog_therapy_has_a_distinct_short_abbreviation(qapp: object) -> None:
    catalog, _ = load_rules_file(resource_path("clinical_rules.toml"))
    found = {t.code: therapy_abbreviation(t.code, t.name) for t in catalog}
    assert found["ferric-carboxymaltose"] == "FCM"
    assert len(set(found.values())) == len(found)
    assert all(1 <= len(short) <= 6 for short in found.values())
    assert therapy_abbreviation("new-drug", "Romosozumab (monthly)") == "RM"


def test_a_name_gives_way_initials_first(qapp: object) -> None:
    metrics = QFontMetrics(QFont())
    name = "Priyanka Hargreaves"
    assert fitted_name(name, metrics, 1000) == name
    initials = metrics.horizontalAdvance("P. Hargreaves")
    assert fitted_name(name, metrics, initials) == "P. Hargreaves"
    assert fitted_name(name, metrics, metrics.horizontalAdvance("Hargreaves")) == "Hargreaves"
    tight = fitted_name(name, metrics, metrics.horizontalAdvance("Hargr"))
    assert tight.endswith("…") and tight.startswith("Har")
    assert fitted_name("Anna Maria Lopez", metrics, metrics.horizontalAdvance("A. M. Lopez")) == (
        "A. M. Lopez"
    )
