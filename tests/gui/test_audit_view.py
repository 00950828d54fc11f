"""The audit trail window: model tester, cells written by real service calls, filters, CSV."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from clinic_app.bootstrap import Services, open_services
from clinic_app.gui.admin.audit_view import (
    AUDIT_CSV_COLUMNS,
    ENTRY_ROLE,
    AuditColumn,
    AuditTableModel,
    AuditWindow,
)
from clinic_app.services.auth import AuthenticationError
from clinic_app.services.clock import fixed_clock
from tests.conftest import ADMIN, DESK, MANAGER, NOW

PATIENTS = (
    ("M001", "Alice Archer", "1950-03-14"),
    ("M002", "Bob <b>Baker</b>", "1948-07-01"),
    ("M003", "Carol Cooper", "1962-11-30"),
)


@pytest.fixture
def audited(sqlite_url: str) -> Iterator[Services]:
    """A fresh clinic whose audit trail holds the set-up, a chair and three patient adds."""
    services = open_services(sqlite_url, clock=fixed_clock(NOW))
    services.setup.init_clinic(ADMIN, name="Test clinic", timezone="Europe/London")
    services.setup.add_chair(ADMIN, "Chair 1")
    for mrn, name, dob in PATIENTS:
        services.setup.add_patient(DESK, mrn=mrn, name=name, date_of_birth=dob)
    yield services
    services.engine.dispose()


def cells(model: AuditTableModel, row: int) -> list[str]:
    return [model.data(model.index(row, int(c))) for c in AuditColumn]


def open_window(qtbot: QtBot, services: Services, actor: Any, **kwargs: Any) -> AuditWindow:
    window = AuditWindow(services, actor, load=False, **kwargs)
    qtbot.addWidget(window)
    window.show()
    return window


def load(qtbot: QtBot, window: AuditWindow) -> int:
    with qtbot.waitSignal(window.loaded, timeout=10_000) as blocker:
        window.refresh()
    return int(blocker.args[0])


def test_audit_model_passes_the_model_tester(qtmodeltester: Any, audited: Services) -> None:
    model = AuditTableModel()
    model.set_entries(list(audited.audit.entries(MANAGER)))
    assert model.rowCount() == 5
    qtmodeltester.check(model)
    model.set_entries([])
    qtmodeltester.check(model)


def test_audit_model_content(qapp: Any, audited: Services) -> None:
    model = AuditTableModel()
    entries = list(audited.audit.entries(MANAGER))
    model.set_entries(entries)
    patient = entries[0].patient_id
    assert patient is not None

    assert model.headerData(0, Qt.Orientation.Horizontal) == "Time (UTC)"
    # The patient by MRN and name, the action in words, the change field by field.
    assert cells(model, 0) == [
        "Mon 23 Nov 2026, 07:00:00",
        "fred.desk",
        "added",
        f"patient {entries[0].entity_id}",
        "M003 Carol Cooper",
        "dob: 1962-11-30; mrn: M003; name: Carol Cooper",
    ]
    assert cells(model, 3)[1:5] == ["ada.admin", "added", f"chair {entries[3].entity_id}", ""]
    assert cells(model, 4)[1:4] == ["ada.admin", "added", "clinic settings"]
    assert cells(model, 4)[5] == "name: Test clinic; timezone: Europe/London"
    assert model.data(model.index(0, 0), ENTRY_ROLE) is entries[0]


def test_times_in_the_clinic_zone_say_so(qapp: Any, audited: Services) -> None:
    model = AuditTableModel(zone=ZoneInfo("America/New_York"))
    model.set_entries(list(audited.audit.entries(MANAGER)))
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Time (America/New_York)"
    assert model.data(model.index(0, 0)) == "Mon 23 Nov 2026, 02:00:00"


def test_the_manager_sees_the_entries_and_the_details(qtbot: QtBot, audited: Services) -> None:
    window = open_window(qtbot, audited, MANAGER)
    assert load(qtbot, window) == 5
    assert "5 entries" in window.status.text()
    assert not window.error.isVisible()
    assert window.export_button.isEnabled()

    # Bob's name holds markup: shown literally, never rendered.
    window.table.selectRow(1)
    details = window.details.toPlainText()
    assert "Bob <b>Baker</b>" in details
    assert "Patient: M002 Bob <b>Baker</b>" in details
    assert "  mrn: M002" in details
    assert "{" not in details  # a change list, not JSON
    assert window.model.data(window.model.index(1, int(AuditColumn.CHANGES))).count("<b>") == 1


def test_filters_by_patient_user_and_dates(qtbot: QtBot, audited: Services) -> None:
    window = open_window(qtbot, audited, MANAGER)

    window.mrn.setText("M002")
    assert load(qtbot, window) == 1
    assert cells(window.model, 0)[4] == "M002 Bob <b>Baker</b>"

    window.mrn.clear()
    window.user.setText("ada.admin")
    assert load(qtbot, window) == 2
    assert {cells(window.model, r)[1] for r in range(2)} == {"ada.admin"}

    window.user.clear()
    window.from_check.setChecked(True)
    window.date_from.setDate(QDate(2026, 11, 24))
    assert load(qtbot, window) == 0
    assert not window.export_button.isEnabled()

    window.date_from.setDate(QDate(2026, 11, 23))
    window.to_check.setChecked(True)
    window.date_to.setDate(QDate(2026, 11, 23))
    assert load(qtbot, window) == 5


def test_to_before_from_is_explained(qtbot: QtBot, audited: Services) -> None:
    window = open_window(qtbot, audited, MANAGER)
    window.from_check.setChecked(True)
    window.date_from.setDate(QDate(2026, 11, 24))
    window.to_check.setChecked(True)
    window.date_to.setDate(QDate(2026, 11, 23))
    with qtbot.waitSignal(window.load_failed, timeout=20_000):
        window.refresh()
    assert "before" in window.error.text()


def test_an_unknown_mrn_is_a_message(qtbot: QtBot, audited: Services) -> None:
    window = open_window(qtbot, audited, MANAGER)
    window.mrn.setText("M999")
    with qtbot.waitSignal(window.load_failed, timeout=10_000) as blocker:
        window.refresh()
    assert "M999" in blocker.args[0]
    assert window.error.isVisible()
    assert window.model.rowCount() == 0


def test_front_desk_is_refused_with_a_message(qtbot: QtBot, audited: Services) -> None:
    window = open_window(qtbot, audited, DESK)
    with qtbot.waitSignal(window.load_failed, timeout=10_000) as blocker:
        window.refresh()

    assert blocker.args[0].startswith("Not permitted for your role")
    assert window.error.isVisible()
    assert "front-desk" in window.error.text()
    assert window.model.rowCount() == 0
    assert not window.export_button.isEnabled()
    refusals = [e for e in audited.audit.entries(ADMIN, user=DESK.username) if e.action == "denied"]
    assert len(refusals) == 1


def test_the_window_loads_on_opening(qtbot: QtBot, audited: Services) -> None:
    window = AuditWindow(audited, MANAGER)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.loaded, timeout=10_000) as blocker:
        pass
    assert blocker.args == [5]


def test_export_to_csv_neutralises_formulas(
    qtbot: QtBot, audited: Services, tmp_path: Path
) -> None:
    # A login name typed at the login screen lands in the trail as typed.
    with pytest.raises(AuthenticationError):
        audited.auth.authenticate('=HYPERLINK("http://evil.example")', "x")
    window = open_window(qtbot, audited, MANAGER)
    assert load(qtbot, window) == 6
    target = tmp_path / "audit.csv"

    with qtbot.waitSignal(window.exported) as blocker:
        assert window.export_csv(target) == 6

    assert blocker.args == [str(target)]
    with target.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert tuple(rows[0]) == AUDIT_CSV_COLUMNS
    assert len(rows) == 7
    assert rows[1][1:5] == [
        "2026-11-23T07:00:00+00:00",
        '\'=HYPERLINK("http://evil.example")',
        "login-failed",
        "user",
    ]
    assert rows[2][7] == ""
    assert rows[2][8] == '{"dob": "1962-11-30", "mrn": "M003", "name": "Carol Cooper"}'
    # Exporting the trail is itself recorded: who, how many rows, which file.
    exports = [e for e in audited.audit.entries(MANAGER) if e.action == "export"]
    assert exports[0].actor == MANAGER.username
    assert exports[0].after["what"] == "audit trail"
    assert exports[0].after["rows"] == 6
    assert exports[0].after["file"] == "audit.csv"
    assert "6 entries exported" in window.status.text()


def test_export_failure_is_a_message(qtbot: QtBot, audited: Services, tmp_path: Path) -> None:
    window = open_window(qtbot, audited, MANAGER)
    load(qtbot, window)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    assert window.export_csv(blocker / "audit.csv") is None
    assert window.error.isVisible()
    assert "could not be written" in window.error.text()


def test_a_change_lists_each_field_before_and_after_in_clinic_time(
    qtbot: QtBot, audited: Services
) -> None:
    audited.settings.set_opening_hours(ADMIN, 0, "09:00", "17:00")
    audited.settings.retire_chair(ADMIN, "Chair 1")
    window = open_window(qtbot, audited, MANAGER)  # no zone given: the clinic's own
    assert load(qtbot, window) == 7
    assert window.model.headerData(0, Qt.Orientation.Horizontal) == "Time (Europe/London)"
    retired, hours = cells(window.model, 0), cells(window.model, 1)
    assert retired[2:4] == ["retired", "chair Chair 1"]
    assert retired[5] == "active: yes \u2192 no"
    assert hours[2:4] == ["changed", "opening hours Monday"]
    assert hours[5] == "closes: 18:00 \u2192 17:00; opens: 08:00 \u2192 09:00"
