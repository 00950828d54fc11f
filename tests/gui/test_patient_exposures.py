"""The patient view's exposure form follows section 7: injected drugs take a date or "last dose
unknown", "ongoing since" only oral bisphosphonates; unknown dates read "last dose unknown";
recording an exposure that stops a booked session names the session and why."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from clinic_app.bootstrap import Services
from clinic_app.gui.patient.exposure_dialogs import EditExposureDialog
from clinic_app.gui.patient.exposure_model import LAST_DOSE_COLUMN
from clinic_app.gui.patient.patient_dialog import PatientDialog
from clinic_app.gui.resources import IconSet
from clinic_app.gui.tasks import TaskRunner
from clinic_app.services.results import BookingOutcome
from tests.conftest import DESK, NURSE


def open_patient(
    qtbot: QtBot, clinic: Services, runner: TaskRunner, icons: IconSet, mrn: str
) -> PatientDialog:
    dialog = PatientDialog(clinic, DESK, runner, icons, mrn)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.show()
    return dialog


def choose(dialog: PatientDialog, drug: str) -> None:
    dialog.drug_combo.setCurrentIndex(dialog.drug_combo.findData(drug))


def test_the_date_choices_follow_the_drug(
    qtbot: QtBot, clinic: Services, runner: TaskRunner, icons: IconSet
) -> None:
    dialog = open_patient(qtbot, clinic, runner, icons, "M001")
    choose(dialog, "denosumab")
    assert dialog.unknown_radio.isEnabled() and not dialog.ongoing_radio.isEnabled()
    choose(dialog, "alendronate")
    assert dialog.ongoing_radio.isEnabled() and not dialog.unknown_radio.isEnabled()
    dialog.ongoing_radio.setChecked(True)
    choose(dialog, "zoledronic-acid")  # an injected drug: "ongoing since" no longer applies
    assert dialog.last_dose_radio.isChecked() and not dialog.ongoing_radio.isEnabled()
    dialog.unknown_radio.setChecked(True)
    assert not dialog.exposure_date.isEnabled()
    choose(dialog, "ferric-carboxymaltose")  # iron given elsewhere: a date only
    assert not dialog.unknown_radio.isEnabled() and not dialog.ongoing_radio.isEnabled()
    assert dialog.last_dose_radio.isChecked() and dialog.exposure_date.isEnabled()
    assert "&" in dialog.unknown_radio.text()  # Alt+U reaches it


def test_last_dose_unknown_is_recorded_and_shown_in_words(
    qtbot: QtBot, clinic: Services, runner: TaskRunner, icons: IconSet
) -> None:
    dialog = open_patient(qtbot, clinic, runner, icons, "M001")
    choose(dialog, "denosumab")
    dialog.unknown_radio.setChecked(True)
    dialog.where_edit.setText("GP surgery")
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        exposure = dialog.add_exposure()
    assert exposure is not None and exposure.last_dose_unknown
    (stored,) = clinic.setup.exposures(NURSE, "M001")
    assert stored.last_dose_unknown and stored.last_dose_date is None
    cell = dialog.exposure_model.data(dialog.exposure_model.index(0, LAST_DOSE_COLUMN))
    assert cell == "last dose unknown"
    assert dialog.last_dose_radio.isChecked()  # the form is ready for the next one


def test_an_exposure_that_stops_a_booked_session_names_it(
    qtbot: QtBot,
    clinic: Services,
    runner: TaskRunner,
    icons: IconSet,
    book: Callable[..., BookingOutcome],
) -> None:
    iron = book("M001", "ferric-carboxymaltose", "2026-11-25T10:00", "Chair 1").session
    dialog = open_patient(qtbot, clinic, runner, icons, "M001")
    choose(dialog, "denosumab")
    dialog.exposure_date.setText("2026-10-26")
    dialog.where_edit.setText("GP surgery")
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.add_exposure()
    assert dialog.banner.level == "warning"
    assert dialog.banner.headline.text() == "Exposure recorded: Denosumab"
    detail = dialog.banner.detail.text()
    assert detail.startswith("1 booked session cannot go ahead as it stands:")
    assert "Wed 25 Nov 10:00, Chair 1: Ferric carboxymaltose for Alice Archer (M001)" in detail
    assert "(rule E2)" in detail and "(rule E3)" in detail and "BLOCK: " in detail
    assert iron.id is not None


def test_edit_dialog_offers_ongoing_since_for_oral_drugs_only(
    qtbot: QtBot, clinic: Services
) -> None:
    injected = clinic.setup.record_exposure(
        DESK, mrn="M001", drug="denosumab", last_dose_unknown=True, where="GP"
    ).exposure
    oral = clinic.setup.add_exposure(
        DESK, mrn="M001", drug="alendronate", last_dose="2026-10-01", where="GP"
    )
    edit = EditExposureDialog(clinic, DESK, injected)
    qtbot.addWidget(edit)
    assert not edit.ongoing_radio.isEnabled()
    labels = [w.text() for w in edit.findChildren(type(edit.errors["date"]))]
    assert "Denosumab, last dose unknown, GP" in labels
    edit.date_edit.setText("2026-09-01")
    with qtbot.waitSignal(edit.accepted):
        edit.save()
    assert edit.result_view is not None and not edit.result_view.last_dose_unknown
    oral_edit = EditExposureDialog(clinic, DESK, oral)
    qtbot.addWidget(oral_edit)
    assert oral_edit.ongoing_radio.isEnabled()
