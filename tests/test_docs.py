"""docs/clinical-rules.md agrees with the shipped rules file: every rule id, severity, evidence.

The document is the specification a clinician reads; the TOML is what the app runs. A rule
added, removed or changed in one and not the other fails here, and so does a passage that
still calls a rule the app runs "planned". docs/architecture.md names files by their path; a
file moved or renamed without the guide following it fails here too.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from clinic_app.domain.rule_parameters import (
    RULE_IDS,
    RuleDescription,
    describe_rules,
    load_rules_file,
)
from clinic_app.resource_files import resource_path

DOCS = Path(__file__).resolve().parent.parent / "docs"
# Words that say a thing is not in the app yet.
PLANNED = re.compile(r"\bplanned\b|\bnot (?:yet )?(?:built|implemented)\b", re.IGNORECASE)
# Every rule the app runs, D1 (the catalog's check) included.
SHIPPED_IDS = frozenset(RULE_IDS) | {"D1"}
_SHIPPED_ID = re.compile(r"\b(" + "|".join(sorted(SHIPPED_IDS, key=len, reverse=True)) + r")\b")
# A number as written: 35, 2.10, 0.8 (never the digits of an id like A3 or D5p).
_NUMBER = re.compile(r"(?<![A-Za-z0-9.])\d+(?:\.\d+)?")
# A file named by its path in the architecture guide: `services/booking.py`, `gui/tasks.py`.
_NAMED_FILE = re.compile(r"`([\w.-]+(?:/[\w.-]+)+\.(?:py|toml|md))`")


def _doc() -> str:
    return (DOCS / "clinical-rules.md").read_text(encoding="utf-8")


def _numbers(text: str) -> set[Decimal]:
    """The numbers of ``text`` by value: "2.10" and "2.1" are one number, "35" and "35.0" too."""
    return {Decimal(n).normalize() for n in _NUMBER.findall(text)}


def _rule_rows(text: str) -> dict[str, list[list[str]]]:
    """Table rows whose first cell is a rule id in backticks, by id (cells stripped)."""
    rows: dict[str, list[list[str]]] = {}
    for line in text.splitlines():
        match = re.match(r"^\| `([A-Z][0-9]+[a-z]*)` \|", line)
        if match:
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            rows.setdefault(match.group(1), []).append(cells)
    return rows


def _sections(text: str) -> list[tuple[str, str]]:
    """(heading, body) of each "## " section; the text before the first is heading ""."""
    parts = re.split(r"^(## .*)$", text, flags=re.MULTILINE)
    sections = [("", parts[0])]
    sections += [(parts[i], parts[i + 1]) for i in range(1, len(parts) - 1, 2)]
    return sections


def _implemented_part(text: str) -> str:
    """The document without any section whose heading says it is planned."""
    return "".join(h + body for h, body in _sections(text) if not PLANNED.search(h))


def _planned_part(text: str) -> str:
    """The sections whose heading says they are planned (none once everything is built)."""
    return "".join(h + body for h, body in _sections(text) if PLANNED.search(h))


def _passages(text: str) -> list[str]:
    """Headings, table rows, list items and paragraphs, each as one string."""
    passages: list[str] = []
    current: list[str] = []
    for line in text.splitlines():
        single = line.startswith(("#", "|"))
        starts = single or not line.strip() or re.match(r"^(- |\d+\. )", line)
        if starts and current:
            passages.append(" ".join(current))
            current = []
        if single:
            passages.append(line)
        elif line.strip():
            current.append(line.strip())
    if current:
        passages.append(" ".join(current))
    return passages


def _shipped_rules_called_planned(text: str) -> list[tuple[str, str]]:
    """(rule id, passage) for each shipped rule a "planned"/"not built" passage names."""
    return [
        (rule_id, passage)
        for passage in _passages(text)
        if PLANNED.search(passage)
        for rule_id in dict.fromkeys(_SHIPPED_ID.findall(passage))
    ]


def _shipped() -> tuple[RuleDescription, ...]:
    _, params = load_rules_file(resource_path("clinical_rules.toml"))
    return describe_rules(params)


@pytest.mark.parametrize("rule", _shipped(), ids=lambda r: r.rule_id)
def test_every_shipped_rule_has_one_row_with_its_default_and_evidence(
    rule: RuleDescription,
) -> None:
    rows = _rule_rows(_implemented_part(_doc())).get(rule.rule_id, [])
    assert len(rows) == 1, f"{rule.rule_id}: expected one row in clinical-rules.md"
    cells = rows[0]
    default, evidence = cells[2].replace("*", ""), cells[3]
    assert default.startswith(rule.severity), (rule.rule_id, default)
    assert evidence.startswith(rule.evidence.value), (rule.rule_id, evidence)
    # Every number of the rule's settings appears in its row, by value (ids like A3 aside).
    row_numbers = _numbers(" | ".join(cells[1:]))
    for setting in rule.parameters:
        for number in _numbers(setting):
            assert number in row_numbers, (rule.rule_id, setting, number)


def test_no_row_for_a_rule_the_app_does_not_run() -> None:
    documented = set(_rule_rows(_implemented_part(_doc()))) - {"D1"}  # D1 is a catalog check
    assert documented == set(RULE_IDS)


def test_planned_rules_are_not_yet_rules_of_the_app() -> None:
    planned = set(_rule_rows(_planned_part(_doc())))
    assert not planned & SHIPPED_IDS


def test_no_passage_calls_a_shipped_rule_planned() -> None:
    assert _shipped_rules_called_planned(_doc()) == []


def test_the_checks_themselves_catch_what_they_are_for() -> None:
    sample = (
        "## 11. Planned, not built yet\n\n| `A6` | zoledronic acid | **HARD** | L |\n\n"
        "- Whether a contraindication (A6, B6, planned) should be HARD\n  or BLOCK.\n\n"
        "Exactly 6 months + 2 weeks is not yet C2.\n"
    )
    assert set(_rule_rows(_planned_part(sample))) == {"A6"}
    assert "A6" not in _rule_rows(_implemented_part(sample))
    claims = {rule_id for rule_id, _ in _shipped_rules_called_planned(sample)}
    assert claims == {"A6", "B6"}  # "not yet C2" is a window, not a plan
    assert Decimal("2.1") in _numbers("below 2.10 mmol/L")
    assert Decimal("35.0") in _numbers("below 35 mL/min")
    assert Decimal("2.1") not in _numbers("day 2, 1 to 30 days, A3 E6")
    assert _numbers("A3w D5p E6 R1") == set()


def test_readme_links_the_documentation() -> None:
    readme = (DOCS.parent / "README.md").read_text(encoding="utf-8")
    assert "docs/clinical-rules.md" in readme and "docs/architecture.md" in readme


def named_files_missing(text: str, root: Path) -> list[str]:
    """The files ``text`` names by path that exist neither in ``root`` nor in the package."""
    return [
        name
        for name in sorted(set(_NAMED_FILE.findall(text)))
        if not any((base / name).is_file() for base in (root, root / "clinic_app"))
    ]


def test_the_architecture_guide_names_files_that_exist() -> None:
    text = (DOCS / "architecture.md").read_text(encoding="utf-8")
    assert len(set(_NAMED_FILE.findall(text))) > 30  # the guide names its files by path
    assert named_files_missing(text, DOCS.parent) == []
    # A moved file is caught: the check is not vacuous.
    moved = text.replace("`gui/main_window.py`", "`gui/window.py`")
    assert named_files_missing(moved, DOCS.parent) == ["gui/window.py"]


# A deployment file named in the README: `resources/deploy/clinic-server@.service`.
_DEPLOY_FILE = re.compile(r"`(resources/deploy/[\w.@-]+)`")


def deploy_files_missing(text: str, root: Path) -> list[str]:
    """The files under resources/deploy/ that ``text`` names and that do not exist."""
    return [n for n in sorted(set(_DEPLOY_FILE.findall(text))) if not (root / n).is_file()]


def test_the_readme_deployment_section_names_files_that_exist_and_every_one_of_them() -> None:
    root = DOCS.parent
    readme = (root / "README.md").read_text(encoding="utf-8")
    named = set(_DEPLOY_FILE.findall(readme))
    shipped = {f"resources/deploy/{p.name}" for p in (root / "resources" / "deploy").iterdir()}
    assert deploy_files_missing(readme, root) == []
    assert shipped <= named, shipped - named  # each example file is explained in the README
    # A renamed file is caught: the check is not vacuous.
    renamed = readme.replace("`resources/deploy/haproxy.cfg`", "`resources/deploy/lb.cfg`")
    assert deploy_files_missing(renamed, root) == ["resources/deploy/lb.cfg"]
