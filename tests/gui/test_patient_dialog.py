"""The patient view: details as plain text, outside exposures, the timeline with findings."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from clinic_app.bootstrap import Services
from clinic_app.gui.patient.patient_dialog import PatientDialog
from clinic_app.gui.resources import IconSet
from clinic_app.gui.tasks import TaskRunner
from clinic_app.services.results import BookingOutcome
from tests.conftest import DESK, NURSE


def open_patient(
    qtbot: QtBot, clinic: Services, runner: TaskRunner, icons: IconSet, mrn: str
) -> PatientDialog:
    dialog = PatientDialog(clinic, NURSE, runner, icons, mrn)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.show()
    return dialog


def test_details_are_plain_text(
    qtbot: QtBot, clinic: Services, runner: TaskRunner, icons: IconSet
) -> None:
    clinic.setup.add_patient(
        DESK,
        mrn="M009",
        name="<i>Ivy</i> Ingram",
        date_of_birth="1955-05-05",
        phone="01632 960001",
        notes="<a href='x'>prefers mornings</a>",
    )
    dialog = open_patient(qtbot, clinic, runner, icons, "M009")
    assert dialog.name_label.textFormat() == Qt.TextFormat.PlainText
    assert dialog.name_label.text() == "<i>Ivy</i> Ingram"
    assert dialog.notes_label.textFormat() == Qt.TextFormat.PlainText
    assert dialog.notes_label.text() == "<a href='x'>prefers mornings</a>"
    assert "MRN M009" in dialog.details_label.text()
    assert "phone 01632 960001" in dialog.details_label.text()


def test_one_mrn_label_and_the_age_beside_the_birth_date(
    qtbot: QtBot, clinic: Services, runner: TaskRunner, icons: IconSet
) -> None:
    clinic.setup.add_patient(DESK, mrn="MRN400001", name="Hana Hoang", date_of_birth="1950-12-02")
    dialog = open_patient(qtbot, clinic, runner, icons, "MRN400001")
    details = dialog.details_label.text()
    assert "MRN MRN400001" not in details
    assert details.startswith("MRN400001 · ")
    # The clock is 2026-11-24: she turns 76 on 2 December.
    assert "born Sat 2 Dec 1950, 75 years" in details


def test_record_an_exposure_and_see_the_timeline_rechecked(
    qtbot: QtBot,
    clinic: Services,
    runner: TaskRunner,
    icons: IconSet,
    book: Callable[..., BookingOutcome],
) -> None:
    book("M001", "ferric-carboxymaltose", "2026-11-25T10:00", "Chair 1")
    dialog = open_patient(qtbot, clinic, runner, icons, "M001")
    assert dialog.exposure_model.rowCount() == 0
    whats = [
        dialog.timeline_model.index(r, 1).data() for r in range(dialog.timeline_model.rowCount())
    ]
    assert "Ferric carboxymaltose" in whats
    assert any(w.startswith("Lab draw: ") for w in whats)

    # No date: the service's error shows under the date.
    dialog.drug_combo.setCurrentIndex(dialog.drug_combo.findData("denosumab"))
    assert dialog.add_exposure() is None
    assert dialog.exposure_errors["date"].isVisibleTo(dialog)
    assert "last dose" in dialog.exposure_errors["date"].text()

    dialog.exposure_date.setText("2026-10-01")
    dialog.where_edit.setText("GP surgery")
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        exposure = dialog.add_exposure()
    assert exposure is not None and exposure.drug == "denosumab"
    assert dialog.exposure_model.rowCount() == 1
    assert dialog.banner.headline.text() == "Exposure recorded: Denosumab"
    # The booked iron session was re-checked against the new exposure.
    row = next(
        r
        for r in range(dialog.timeline_model.rowCount())
        if dialog.timeline_model.index(r, 1).data() == "Ferric carboxymaltose"
    )
    assert dialog.timeline_model.index(row, 4).data() == "2 safety findings open"
    tooltip = dialog.timeline_model.index(row, 4).data(Qt.ItemDataRole.ToolTipRole)
    assert "Rule E2" in tooltip and "Rule E3" in tooltip  # the rule ids for clinicians
    # The columns fit the dialog as it opens: no sideways scrolling, what and findings wrap.
    view = dialog.timeline_view
    qtbot.waitUntil(lambda: view.horizontalHeader().length() <= view.viewport().width())
    assert not view.horizontalScrollBar().isVisible()
    assert view.wordWrap()


def test_book_for_this_patient_asks_the_window(
    qtbot: QtBot, clinic: Services, runner: TaskRunner, icons: IconSet
) -> None:
    dialog = open_patient(qtbot, clinic, runner, icons, "M002")
    with qtbot.waitSignal(dialog.book_requested, timeout=1_000) as blocker:
        qtbot.mouseClick(dialog.book_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["M002"]


def test_edit_an_exposure_shows_errors_by_field_then_saves(
    qtbot: QtBot,
    clinic: Services,
    runner: TaskRunner,
    icons: IconSet,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from clinic_app.gui.patient.exposure_dialogs import EditExposureDialog

    # "Ongoing since" is for oral bisphosphonates only (rules file, section 7).
    clinic.setup.add_exposure(
        DESK, mrn="M001", drug="alendronate", last_dose="2026-10-01", where="GP"
    )
    dialog = open_patient(qtbot, clinic, runner, icons, "M001")
    assert not dialog.edit_exposure_button.isEnabled()  # nothing selected yet
    dialog.exposure_view.setCurrentIndex(dialog.exposure_model.index(0, 0))
    assert dialog.edit_exposure_button.isEnabled() and dialog.remove_exposure_button.isEnabled()
    exposure = dialog.selected_exposure()
    assert exposure is not None

    edit = EditExposureDialog(clinic, NURSE, exposure, dialog)
    qtbot.addWidget(edit)
    assert edit.date_edit.text() == "2026-10-01" and edit.where_edit.text() == "GP"
    edit.date_edit.setText("1 Oct")
    assert edit.save() is None
    assert edit.errors["date"].isVisibleTo(edit)
    assert "not a date" in edit.errors["date"].text()
    assert not edit.errors["where"].isVisibleTo(edit)

    edit.ongoing_radio.setChecked(True)
    edit.date_edit.setText("2026-09-15")
    edit.where_edit.setText("St Mary's Hospital")
    changed = edit.save()
    assert changed is not None
    assert changed.ongoing_since is not None and changed.ongoing_since.isoformat() == "2026-09-15"
    assert changed.last_dose_date is None and changed.where_given == "St Mary's Hospital"

    # Through the window: the dialog's answer is reported and the list reloaded.
    monkeypatch.setattr(EditExposureDialog, "ask", classmethod(lambda cls, *a: changed))
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        assert dialog.edit_exposure() == changed
    assert dialog.banner.headline.text() == "Exposure corrected: Alendronate (oral)"
    assert dialog.exposure_model.index(0, 2).data() == "Tue 15 Sep 2026"


def test_remove_an_exposure_needs_a_reason(
    qtbot: QtBot,
    clinic: Services,
    runner: TaskRunner,
    icons: IconSet,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from clinic_app.gui.patient.exposure_dialogs import RemoveExposureDialog

    clinic.setup.add_exposure(
        DESK, mrn="M001", drug="denosumab", last_dose="2026-10-01", where="GP"
    )
    dialog = open_patient(qtbot, clinic, runner, icons, "M001")
    dialog.exposure_view.setCurrentIndex(dialog.exposure_model.index(0, 0))
    exposure = dialog.selected_exposure()
    assert exposure is not None

    remove = RemoveExposureDialog(clinic, NURSE, exposure, dialog)
    qtbot.addWidget(remove)
    assert remove.remove() is False  # no reason given
    assert remove.reason_error.isVisibleTo(remove)
    assert remove.reason_error.text()
    assert len(clinic.setup.exposures(NURSE, "M001")) == 1

    def fake_ask(
        cls: type, parent: object, services: Services, actor: object, item: object
    ) -> bool:
        real = RemoveExposureDialog(services, NURSE, exposure, dialog)
        real.reason_edit.setText("recorded for the wrong patient")
        return real.remove()

    monkeypatch.setattr(RemoveExposureDialog, "ask", classmethod(fake_ask))
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        assert dialog.remove_exposure() is True
    assert clinic.setup.exposures(NURSE, "M001") == []
    assert dialog.exposure_model.rowCount() == 0
    assert dialog.banner.headline.text() == "Exposure removed: Denosumab"


def test_find_patient_by_part_of_a_name(qtbot: QtBot, clinic: Services) -> None:
    from clinic_app.gui.patient.find_patient_dialog import FindPatientDialog

    dialog = FindPatientDialog(clinic, NURSE)
    qtbot.addWidget(dialog)
    dialog.picker.search_edit.setText("arch")
    dialog.picker.search_now()
    names = [dialog.picker.model.patient(r).name for r in range(dialog.picker.model.rowCount())]
    assert names == ["Alice Archer"]
    assert not dialog.error_label.isVisibleTo(dialog)


def test_next_doses_due_are_shown(
    qtbot: QtBot, clinic: Services, runner: TaskRunner, icons: IconSet
) -> None:
    clinic.setup.add_exposure(
        DESK, mrn="M002", drug="ibandronate", last_dose="2026-07-31", where="St Mary's"
    )
    clinic.setup.add_exposure(
        DESK, mrn="M002", drug="zoledronic-acid", last_dose="2026-03-01", where="St Mary's"
    )
    dialog = open_patient(qtbot, clinic, runner, icons, "M002")
    text = dialog.next_doses_label.text()
    assert (
        "Ibandronate IV: overdue since Saturday 31 October 2026; last dose Friday 31 July 2026"
        in text
    )
    assert (
        "Zoledronic acid: due in 98 days, on Monday 1 March 2027; "
        "next dose not before Monday 1 February 2027" in text
    )
    assert "2026-" not in text and "B2" not in text and "A3" not in text
    tooltip = dialog.next_doses_label.toolTip()
    assert "Rule B2" in tooltip and "Rule A3w" in tooltip
