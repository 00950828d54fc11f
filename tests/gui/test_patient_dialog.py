"""The patient view: details as plain text, outside exposures, the timeline with findings."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from clinic_app.bootstrap import Services
from clinic_app.gui.dialogs.patient_dialog import PatientDialog
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
    assert dialog.timeline_model.index(row, 4).data().startswith("BLOCK")


def test_book_for_this_patient_asks_the_window(
    qtbot: QtBot, clinic: Services, runner: TaskRunner, icons: IconSet
) -> None:
    dialog = open_patient(qtbot, clinic, runner, icons, "M002")
    with qtbot.waitSignal(dialog.book_requested, timeout=1_000) as blocker:
        qtbot.mouseClick(dialog.book_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["M002"]
