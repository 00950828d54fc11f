"""The clinic settings window (pytest-qt): every change previewed, affected bookings listed
before confirming and after saving, nothing changed when the confirmation is declined."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from pytestqt.qtbot import QtBot

from clinic_app.bootstrap import Services, open_services
from clinic_app.gui.admin.clinic_settings_window import (
    AffectedBookingsModel,
    ChairsModel,
    ClinicSettingsWindow,
    ClosedDatesModel,
)
from clinic_app.services.booking import BookingRequest
from clinic_app.services.clinic_settings import SettingsChange
from clinic_app.services.clock import fixed_clock
from tests.conftest import ADMIN, DESK, MANAGER, NOW


@pytest.fixture
def clinic(sqlite_url: str) -> Iterator[Services]:
    services = open_services(sqlite_url, clock=fixed_clock(NOW))
    services.setup.init_clinic(ADMIN, name="Test clinic", timezone="Europe/London")
    for name in ("Chair 1", "Chair 2"):
        services.setup.add_chair(ADMIN, name)
    services.setup.add_patient(
        DESK, mrn="M001", name="Alice Archer", date_of_birth="1950-03-14", sex="F"
    )
    yield services
    services.engine.dispose()


def _window(qtbot: QtBot, services: Services, actor: Any = ADMIN) -> ClinicSettingsWindow:
    window = ClinicSettingsWindow(services, actor)
    qtbot.addWidget(window)
    window.show()
    return window


def _cells(model: Any, row: int) -> list[str]:
    return [model.data(model.index(row, c)) for c in range(model.columnCount())]


def test_the_models_pass_the_model_tester(qtmodeltester: Any, clinic: Services) -> None:
    clinic.booking.book(DESK, BookingRequest("M001", "denosumab", "2026-12-24 10:00", "Chair 1"))
    change = clinic.settings.add_closed_date(ADMIN, "2026-12-24", "Christmas Eve", dry_run=True)
    view = clinic.settings.clinic_settings(ADMIN)
    for model, rows in (
        (AffectedBookingsModel(), change.affected),
        (ClosedDatesModel(), view.closed_dates),
        (ChairsModel(), view.chairs),
    ):
        model.set_rows(rows)
        qtmodeltester.check(model)


def test_a_closed_date_added_lists_the_affected_bookings(
    qtbot: QtBot, clinic: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    booked = clinic.booking.book(
        DESK, BookingRequest("M001", "denosumab", "2026-12-24 10:00", "Chair 1")
    )
    window = _window(qtbot, clinic)
    window.tabs.setCurrentIndex(1)
    window.closed_day.setDate(QDate(2026, 12, 24))
    window.closed_reason.setText("Christmas Eve")

    asked: list[SettingsChange] = []

    def decline(change: SettingsChange, parent: Any = None) -> bool:
        asked.append(change)
        return False

    monkeypatch.setattr(ClinicSettingsWindow, "confirm", staticmethod(decline))
    qtbot.mouseClick(window.add_closed_button, Qt.MouseButton.LeftButton)
    assert [a.id for a in asked[0].affected] == [booked.session.id]  # shown before confirming
    assert window.status.text() == "Nothing was changed."
    assert clinic.settings.clinic_settings(ADMIN).closed_dates == ()

    monkeypatch.setattr(ClinicSettingsWindow, "confirm", staticmethod(lambda c, p=None: True))
    qtbot.mouseClick(window.add_closed_button, Qt.MouseButton.LeftButton)
    assert [c.day for c in clinic.settings.clinic_settings(ADMIN).closed_dates] == [
        date(2026, 12, 24)
    ]
    assert window.affected_model.rowCount() == 1
    when, kind, patient, place, problem = _cells(window.affected_model, 0)
    assert (when, kind, patient, place) == (
        "Thu 24 Dec 2026 10:00-10:20",
        "Session",
        "M001 Alice Archer",
        "Chair 1",
    )
    assert "closed on 2026-12-24" in problem
    assert "1 booking(s) to rebook" in window.status.text()
    assert _cells(window.closed_model, 0) == ["Thu 24 Dec 2026", "Christmas Eve"]


def test_hours_saved_only_for_the_changed_day(qtbot: QtBot, clinic: Services) -> None:
    window = _window(qtbot, clinic)
    assert window.open_checks[0].isChecked() and not window.open_checks[6].isChecked()
    window.open_checks[5].setChecked(True)
    window.opens[5].setTime(QTime(9, 0))
    window.closes[5].setTime(QTime(13, 0))
    assert window.save_hours() == 1
    saturday = clinic.settings.clinic_settings(ADMIN).hours[5]
    assert saturday is not None and (saturday.opens.hour, saturday.closes.hour) == (9, 13)
    assert "No booking is affected" in window.status.text()


def test_chairs_added_renamed_retired_by_keyboard_and_buttons(
    qtbot: QtBot, clinic: Services
) -> None:
    window = _window(qtbot, clinic)
    window.tabs.setCurrentIndex(2)
    qtbot.keyClicks(window.chair_name, "Recliner")
    qtbot.mouseClick(window.add_chair_button, Qt.MouseButton.LeftButton)
    assert [c.name for c in clinic.setup.chairs(DESK)] == ["Chair 1", "Chair 2", "Recliner"]
    window.chairs_table.selectRow(2)
    assert window.retire_chair()
    assert _cells(window.chairs_model, 2) == ["Recliner", "retired (no new bookings)"]
    assert "Recliner" not in [c.name for c in clinic.setup.chairs(DESK)]


def test_a_manager_sees_the_refusal(qtbot: QtBot, clinic: Services) -> None:
    window = _window(qtbot, clinic, MANAGER)
    window.country.setText("GB")
    assert not window.import_holidays()
    assert window.error.text().startswith("Not permitted for your role")
    assert clinic.settings.clinic_settings(ADMIN).closed_dates == ()
