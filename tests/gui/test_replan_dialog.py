"""The daily list's "Re-plan day..." (issue 14): the change table (model tester and cells),
apply on confirmation through the service, a nurse off sick shown but not applied until the
rota says so, and the window's action opening the dialog for the day and session shown."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from clinic_app.bootstrap import Services
from clinic_app.gui.daily_list import daily_list_window
from clinic_app.gui.daily_list.daily_list_window import DailyListWindow
from clinic_app.gui.daily_list.replan_dialog import ReplanDialog
from clinic_app.gui.daily_list.replan_model import ReplanColumn, ReplanModel
from clinic_app.services.booking import BookingRequest
from tests.conftest import DESK, MANAGER, NURSE

DAY = date(2026, 11, 25)
SHOTS = Path("/tmp/replan-shots")


@pytest.fixture
def day(clinic: Services) -> tuple[int, int, int]:
    for name in ("Nora Night", "Olga Other"):
        clinic.staffing.add_nurse(MANAGER, name)
        clinic.staffing.set_shift(MANAGER, name, DAY, "08:00", "16:00")
    ids = []
    for mrn, at, chair in (("M001", "09:00", "Chair 1"), ("M002", "10:00", "Chair 1"),
                           ("M003", "10:00", "Chair 2")):  # fmt: skip
        outcome = clinic.booking.book(
            DESK, BookingRequest(mrn, "zoledronic-acid", f"{DAY} {at}", chair=chair)
        )
        assert outcome.session.id is not None
        ids.append(outcome.session.id)
    return ids[0], ids[1], ids[2]


def cells(model: ReplanModel, row: int) -> list[str]:
    return [model.data(model.index(row, int(c))) for c in ReplanColumn]


def test_the_change_model_passes_the_model_tester(
    qtmodeltester: Any, clinic: Services, day: tuple[int, int, int]
) -> None:
    model = ReplanModel()
    qtmodeltester.check(model)
    model.set_proposal(clinic.booking.propose_replan(NURSE, DAY, (), {day[0]: 20}))
    qtmodeltester.check(model)
    assert model.rowCount() == 3


def test_the_dialog_proposes_shows_and_applies_on_confirmation(
    qtbot: QtBot, clinic: Services, day: tuple[int, int, int]
) -> None:
    first, second, _third = day
    sessions = clinic.queries.day(NURSE, DAY).sessions
    dialog = ReplanDialog(clinic, NURSE, DAY, sessions, selected=first)
    qtbot.addWidget(dialog)
    dialog.late_minutes.setValue(20)
    dialog.propose()
    assert dialog.chosen_late() == {first: 20}
    model = dialog.model
    assert [cells(model, r)[:5] for r in range(model.rowCount())] == [
        ["Alice Archer", "M001", "Zoledronic acid", "Chair 1 09:00", "Chair 1 09:20"],
        ["Bob Baker", "M002", "Zoledronic acid", "Chair 1 10:00", "Chair 1 10:20"],
        ["Carol Cooper", "M003", "Zoledronic acid", "Chair 2 10:00", "Chair 2 10:00"],
    ]
    reasons = [cells(model, r)[ReplanColumn.REASON] for r in range(3)]
    assert reasons == ["Running late", "Its chair is taken then", "Another nurse"]
    assert " → " in cells(model, 2)[ReplanColumn.NURSE]
    assert dialog.apply_button.isEnabled()
    dialog.show()
    qtbot.waitExposed(dialog)
    SHOTS.mkdir(exist_ok=True)
    assert dialog.grab().save(str(SHOTS / "replan_late.png"))

    # A nurse off sick: shown, not applied until a manager takes her off the rota.
    dialog.sick.setCurrentIndex(dialog.sick.findData("Olga Other"))
    dialog.propose()
    assert not dialog.apply_button.isEnabled()
    assert "takes Olga Other off the rota" in dialog.summary.text()
    assert dialog.grab().save(str(SHOTS / "replan_sick.png"))

    dialog.sick.setCurrentIndex(0)
    dialog.propose()
    assert dialog.apply()
    assert dialog.applied is not None and dialog.result() == ReplanDialog.DialogCode.Accepted
    starts = {v.id: f"{v.start:%H:%M}" for v in clinic.queries.day(NURSE, DAY).sessions}
    assert (starts[first], starts[second]) == ("09:20", "10:20")


def test_a_manager_sees_the_re_plan_but_cannot_apply_it(
    qtbot: QtBot, clinic: Services, day: tuple[int, int, int]
) -> None:
    dialog = ReplanDialog(clinic, MANAGER, DAY, clinic.queries.day(MANAGER, DAY).sessions, day[0])
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 3 and not dialog.apply_button.isEnabled()
    assert "may look at the re-plan" in dialog.summary.text()
    assert not dialog.apply()


def test_the_window_action_opens_it_for_the_day_and_session_shown(
    qtbot: QtBot, clinic: Services, day: tuple[int, int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    window = DailyListWindow(clinic, NURSE)
    qtbot.addWidget(window)
    window.go_to(DAY)
    window.select_session(day[1])
    asked: list[tuple[date, int | None]] = []

    def ask(_parent: Any, _services: Any, _actor: Any, shown: date, _sessions: Any,
            selected: int | None = None) -> None:  # fmt: skip
        asked.append((shown, selected))

    monkeypatch.setattr(daily_list_window.ReplanDialog, "ask", ask)
    assert window.replan_action.shortcut().toString() == "Ctrl+Shift+J"
    window.replan_action.trigger()
    assert asked == [(DAY, day[1])]
