"""The booking dialog against the real services: keyboard booking, live findings, override."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date, datetime

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from clinic_app.bootstrap import Services
from clinic_app.domain.findings import Severity
from clinic_app.gui.booking.booking_dialog import BookingDialog, BookingPrefill
from clinic_app.gui.common.finding_model import MESSAGE_COLUMN, RULE_ROLE
from clinic_app.gui.resources import IconSet
from clinic_app.gui.tasks import TaskRunner
from clinic_app.services.actor import Actor
from clinic_app.services.booking import BookingRequest
from tests.conftest import DESK, NURSE

TODAY = date(2026, 11, 23)
TUESDAY_TEN = datetime(2026, 11, 24, 10, 0)


@pytest.fixture
def open_dialog(
    qtbot: QtBot, clinic: Services, runner: TaskRunner, icons: IconSet
) -> Iterator[object]:
    """Opens a booking dialog (non-modally, shown and active) for an actor and a prefill."""

    def make(actor: Actor = NURSE, prefill: BookingPrefill | None = None) -> BookingDialog:
        dialog = BookingDialog(clinic, actor, runner, icons, prefill, today=TODAY)
        qtbot.addWidget(dialog)
        with qtbot.waitActive(dialog):
            dialog.show()
            dialog.activateWindow()
        return dialog

    yield make
    runner.wait(10_000)


def wait_for_check(qtbot: QtBot, dialog: BookingDialog) -> None:
    """Wait for the live check (debounced, on a worker thread) to be on screen."""
    qtbot.waitUntil(lambda: dialog.safety.state not in ("pending", "none"), timeout=10_000)


def findings_on_screen(dialog: BookingDialog) -> list[tuple[str, str]]:
    model = dialog.safety.findings_model
    return [
        (model.index(r, 0).data(), model.index(r, 0).data(RULE_ROLE))
        for r in range(model.rowCount())
    ]


def test_book_a_session_end_to_end_from_the_keyboard(
    qtbot: QtBot, clinic: Services, open_dialog: object
) -> None:
    dialog = open_dialog(NURSE, BookingPrefill(start=TUESDAY_TEN))  # type: ignore[operator]
    assert dialog.book_button.isEnabled() is False
    qtbot.keyClicks(dialog.picker.search_edit, "M002")
    qtbot.waitUntil(lambda: dialog.picker.model.rowCount() == 1)
    qtbot.keyClick(dialog.picker.search_edit, Qt.Key.Key_Return)
    assert dialog.patient is not None and dialog.patient.mrn == "M002"
    assert dialog.therapy_combo.hasFocus()
    qtbot.keyClicks(dialog.therapy_combo, "Zol")
    assert dialog.therapy_code() == "zoledronic-acid"
    wait_for_check(qtbot, dialog)
    assert dialog.safety.state == "ok"
    assert dialog.book_button.isEnabled()
    # The lab draw the booking adds is listed before saving.
    new_labs = dialog.safety.labs_model.new_labs()
    assert new_labs and "calcium" in new_labs[0].tests
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == QDialog.DialogCode.Accepted
    booked = dialog.outcomes[0].session
    assert (booked.mrn, booked.therapy) == ("M002", "zoledronic-acid")
    stored = [s for s in clinic.queries.day(NURSE, "2026-11-24").sessions if s.mrn == "M002"]
    assert [(s.therapy, s.start.strftime("%H:%M"), s.status) for s in stored] == [
        ("zoledronic-acid", "10:00", "booked")
    ]


def test_no_therapy_is_chosen_for_the_clerk(
    qtbot: QtBot, clinic: Services, open_dialog: object
) -> None:
    dialog = open_dialog(NURSE, BookingPrefill(mrn="M002", start=TUESDAY_TEN))  # type: ignore[operator]
    assert dialog.patient is not None and dialog.therapy_code() is None
    assert dialog.request() is None
    assert dialog.safety.banner.headline.text() == "Choose a therapy"
    assert not dialog.book_button.isEnabled()
    dialog.find_slots()
    assert dialog.safety.banner.headline.text() == "Choose a therapy first"
    dialog.book()  # Ctrl+Enter with nothing chosen books nothing
    assert dialog.outcomes == []
    dialog.therapy_combo.setCurrentIndex(dialog.therapy_combo.findData("zoledronic-acid"))
    wait_for_check(qtbot, dialog)
    assert dialog.safety.state == "ok" and dialog.book_button.isEnabled()


def test_live_block_appears_when_therapy_changes_to_iron_for_patient_on_denosumab(
    qtbot: QtBot, clinic: Services, open_dialog: object
) -> None:
    clinic.setup.add_exposure(
        DESK, mrn="M001", drug="denosumab", last_dose="2026-10-01", where="GP"
    )
    dialog = open_dialog(  # type: ignore[operator]
        NURSE, BookingPrefill(mrn="M001", therapy="zoledronic-acid", start=TUESDAY_TEN)
    )
    wait_for_check(qtbot, dialog)
    assert dialog.safety.state == "ok" or dialog.safety.state == "override"
    before = findings_on_screen(dialog)
    assert ("BLOCK", "E2") not in before

    dialog.therapy_combo.setCurrentIndex(dialog.therapy_combo.findData("ferric-carboxymaltose"))
    assert dialog.safety.state == "pending"  # debounced: nothing asked yet
    with qtbot.waitSignal(dialog.check_finished, timeout=10_000):
        pass
    shown = findings_on_screen(dialog)
    assert ("BLOCK", "E2") in shown
    assert dialog.safety.state == "override"
    assert dialog.safety.banner.headline.text() == "Needs a clinical override"
    # The finding reads as a sentence; the rule id and its evidence stay on screen, on the
    # details line under it.
    text = dialog.safety.findings_model.index(0, MESSAGE_COLUMN).data()
    sentence, *_, details = text.splitlines()
    assert not sentence.startswith(("BLOCK", "E2", "E3"))
    assert details.startswith("Rule E") and "evidence" in details
    # A nurse gets the reason field; Book waits for a reason.
    assert dialog.safety.override_shown
    assert not dialog.book_button.isEnabled()


def test_override_the_block_as_a_nurse(qtbot: QtBot, clinic: Services, open_dialog: object) -> None:
    clinic.setup.add_exposure(
        DESK, mrn="M001", drug="denosumab", last_dose="2026-10-01", where="GP"
    )
    dialog = open_dialog(  # type: ignore[operator]
        NURSE, BookingPrefill(mrn="M001", therapy="ferric-carboxymaltose", start=TUESDAY_TEN)
    )
    wait_for_check(qtbot, dialog)
    assert dialog.safety.state == "override"
    qtbot.keyClicks(dialog.safety.override_edit, "Hb 68, haematology advised; phosphate checks")
    assert not dialog.book_button.isEnabled()  # the prescriber consulted is still missing
    qtbot.keyClicks(dialog.safety.consulted_edit, "Dr Ann Lee")
    assert dialog.book_button.isEnabled()
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.mouseClick(dialog.book_button, Qt.MouseButton.LeftButton)
    session = dialog.outcomes[0].session
    blocks = [f for f in session.findings if f.severity is Severity.BLOCK]
    assert blocks and all(f.overridden_by == NURSE.username for f in blocks)
    assert blocks[0].override_reason == "Hb 68, haematology advised; phosphate checks"
    assert blocks[0].consulted == "Dr Ann Lee"


def test_front_desk_sees_needs_override_without_reason_field(
    qtbot: QtBot, clinic: Services, open_dialog: object
) -> None:
    clinic.setup.add_exposure(
        DESK, mrn="M001", drug="denosumab", last_dose="2026-10-01", where="GP"
    )
    dialog = open_dialog(  # type: ignore[operator]
        DESK, BookingPrefill(mrn="M001", therapy="ferric-carboxymaltose", start=TUESDAY_TEN)
    )
    wait_for_check(qtbot, dialog)
    assert dialog.safety.state == "override"
    assert not dialog.safety.override_shown
    assert "only a nurse can give" in dialog.safety.banner.detail.text()
    assert not dialog.book_button.isEnabled()
    dialog.book()  # the shortcut path does nothing while Book is disabled
    assert dialog.outcomes == []


def test_conflict_disables_book_and_is_explained(
    qtbot: QtBot, clinic: Services, open_dialog: object, book: object
) -> None:
    book("M002", "zoledronic-acid", "2026-11-24T10:00", "Chair 1")  # type: ignore[operator]
    dialog = open_dialog(  # type: ignore[operator]
        NURSE,
        BookingPrefill(mrn="M001", therapy="zoledronic-acid", start=TUESDAY_TEN, chair="Chair 1"),
    )
    wait_for_check(qtbot, dialog)
    assert dialog.safety.state == "problem"
    assert dialog.safety.banner.headline.text() == "That chair is already taken then"
    assert "Chair 1 is taken" in dialog.safety.banner.detail.text()
    assert not dialog.book_button.isEnabled()
    # Any free chair: books in another chair.
    dialog.chair_combo.setCurrentIndex(0)
    wait_for_check(qtbot, dialog)
    assert dialog.safety.state == "ok"


def test_time_in_the_past_is_explained(qtbot: QtBot, clinic: Services, open_dialog: object) -> None:
    dialog = open_dialog(  # type: ignore[operator]
        NURSE,
        BookingPrefill(mrn="M001", therapy="zoledronic-acid", start=datetime(2026, 11, 20, 9)),
    )
    wait_for_check(qtbot, dialog)
    assert dialog.safety.state == "problem"
    assert "in the past" in dialog.safety.banner.detail.text()
    assert not dialog.book_button.isEnabled()


def test_find_next_free_slots_and_take_one(
    qtbot: QtBot, clinic: Services, open_dialog: object
) -> None:
    dialog = open_dialog(  # type: ignore[operator]
        NURSE, BookingPrefill(mrn="M003", therapy="denosumab", start=TUESDAY_TEN)
    )
    with qtbot.waitSignal(dialog.slots_found, timeout=10_000):
        qtbot.keyClick(dialog, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert dialog.slot_model.rowCount() == 12
    first = dialog.slot_model.item(0)
    assert first.start.replace(tzinfo=None) == TUESDAY_TEN
    dialog.slot_view.setCurrentIndex(dialog.slot_model.index(2, 0))
    third = dialog.slot_model.item(2)
    qtbot.keyClick(dialog.slot_view, Qt.Key.Key_Return)  # takes the slot, does not book
    assert dialog.outcomes == []
    assert dialog.start() == third.start.replace(tzinfo=None)
    assert dialog.chair() == third.chair
    wait_for_check(qtbot, dialog)
    assert dialog.safety.state == "ok"


def test_no_slot_says_which_rule_refuses_and_the_first_slot_that_passes(
    qtbot: QtBot, clinic: Services, open_dialog: object
) -> None:
    clinic.booking.book(
        NURSE, BookingRequest("M002", "zoledronic-acid", "2026-11-24T09:00", chair="Chair 1")
    )
    dialog = open_dialog(  # type: ignore[operator]
        DESK,
        BookingPrefill(mrn="M002", therapy="zoledronic-acid", start=datetime(2026, 12, 1, 10)),
    )
    with qtbot.waitSignal(dialog.slots_found, timeout=20_000):
        dialog.find_slots()
    assert dialog.slot_model.rowCount() == 0
    hint = dialog.slot_hint.text()
    # A3: the yearly dose is refused for 11 months; the way on is its first open slot.
    assert "No free slot in the next 120 days" in hint
    assert "Tue 24 Nov 2026" in hint and "2026-" not in hint  # the dose that refuses
    assert "The first slot that passes: " in hint
    assert "October 2027" in hint, hint


def test_new_patient_inline_shows_errors_next_to_the_field(
    qtbot: QtBot, clinic: Services, open_dialog: object
) -> None:
    dialog = open_dialog(NURSE, BookingPrefill(start=TUESDAY_TEN))  # type: ignore[operator]
    qtbot.keyClicks(dialog.picker.search_edit, "Erin <b>Evans</b>")
    qtbot.mouseClick(dialog.new_patient_button, Qt.MouseButton.LeftButton)
    form = dialog.new_patient_form
    assert dialog.patient_stack.currentWidget() is form
    assert form.name_edit.text() == "Erin <b>Evans</b>"  # taken over from the search
    form.mrn_edit.setText("M005")
    form.dob_edit.setText("2030-01-01")
    assert form.submit() is None
    assert form.errors["dob"].isVisibleTo(form)
    assert "in the future" in form.errors["dob"].text()
    assert not form.errors["mrn"].isVisibleTo(form)
    form.mrn_edit.setText("M001")
    form.dob_edit.setText("1980-02-02")
    assert form.submit() is None
    assert "already exists" in form.errors["mrn"].text()
    form.mrn_edit.setText("M005")
    patient = form.submit()
    assert patient is not None and patient.mrn == "M005"
    assert dialog.patient == patient
    # Patient-entered text is shown as plain text, never as HTML.
    assert dialog.selected_label.textFormat() == Qt.TextFormat.PlainText
    assert "<b>Evans</b>" in dialog.selected_label.text()


def test_book_a_series(qtbot: QtBot, clinic: Services, open_dialog: object) -> None:
    dialog = open_dialog(  # type: ignore[operator]
        NURSE,
        BookingPrefill(mrn="M004", therapy="iron-sucrose", start=TUESDAY_TEN, doses=3),
    )
    dialog.every_spin.setValue(1)
    dialog.every_unit.setCurrentIndex(dialog.every_unit.findData("weeks"))
    wait_for_check(qtbot, dialog)
    assert dialog.safety.state in ("ok", "override"), dialog.safety.banner.text()
    if dialog.safety.state == "override":
        dialog.safety.override_edit.setText("course agreed with haematology")
        dialog.safety.consulted_edit.setText("Dr Ann Lee")
        wait_for_check(qtbot, dialog)
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        dialog.book()
    starts = [o.session.start.strftime("%Y-%m-%d %H:%M") for o in dialog.outcomes]
    assert starts == ["2026-11-24 10:00", "2026-12-01 10:00", "2026-12-08 10:00"]
    assert len({o.session.course_id for o in dialog.outcomes}) == 1


def test_closing_while_a_check_runs_is_harmless(
    qtbot: QtBot, clinic: Services, icons: IconSet
) -> None:
    # One worker, held by a job that waits for the test: the check cannot answer before the
    # dialog is gone, whatever the machine's speed.
    runner = TaskRunner(threads=1)
    release = threading.Event()
    runner.run(lambda: release.wait(10), lambda _: None, lambda _: None)
    dialog = BookingDialog(
        clinic, NURSE, runner, icons, BookingPrefill(mrn="M001", start=TUESDAY_TEN), today=TODAY
    )
    answers: list[object] = []
    dialog.check_finished.connect(lambda: answers.append("answered"))
    dialog.show()
    dialog.run_check()
    dialog.reject()
    dialog.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(dialog)
    release.set()
    with qtbot.waitSignal(runner.busy_changed, timeout=10_000) as idle:
        pass
    assert idle.args == [False] and not runner.busy
    assert answers == []  # the answer for the closed dialog was dropped, not delivered
    assert clinic.queries.day(NURSE, TUESDAY_TEN.date()).sessions == ()


def test_the_patient_s_booked_sessions_and_recent_doses_are_shown(
    qtbot: QtBot, clinic: Services, open_dialog: object
) -> None:
    clinic.setup.add_exposure(
        DESK, mrn="M001", drug="denosumab", last_dose="2026-10-01", where="GP surgery"
    )
    clinic.booking.book(
        NURSE, BookingRequest("M001", "zoledronic-acid", "2026-12-01T09:00", chair="Chair 1")
    )
    dialog = open_dialog(NURSE, BookingPrefill(mrn="M001", start=TUESDAY_TEN))  # type: ignore[operator]
    qtbot.waitUntil(lambda: "Booked:" in dialog.history_label.text(), timeout=10_000)
    text = dialog.history_label.text()
    assert "Booked: Tue 1 Dec 2026 09:00 Zoledronic acid" in text
    assert "Recent doses: Denosumab Thu 1 Oct 2026 (GP surgery)" in text
    dialog.choose_patient(clinic.setup.patient(NURSE, "M002"))
    qtbot.waitUntil(lambda: "nothing from today on" in dialog.history_label.text())
    assert "Recent doses: none recorded." in dialog.history_label.text()


def test_a_series_skipping_a_bank_holiday(
    qtbot: QtBot, clinic: Services, open_dialog: object
) -> None:
    from clinic_app.services.actor import Role

    admin = Actor("ada.admin", Role.ADMIN)
    clinic.settings.import_bank_holidays(admin, "GB", 2026, 2028, subdivision="ENG")
    dialog = open_dialog(  # type: ignore[operator]
        NURSE,
        BookingPrefill(
            mrn="M002", therapy="zoledronic-acid", start=datetime(2026, 12, 24, 10), doses=3
        ),
    )
    dialog.every_spin.setValue(12)
    dialog.every_unit.setCurrentIndex(dialog.every_unit.findData("months"))
    wait_for_check(qtbot, dialog)
    # 24 December 2028 is a Sunday: refused until "next open day" is chosen.
    assert dialog.safety.state == "problem"
    assert dialog.next_open_day.isEnabled()
    dialog.next_open_day.setChecked(True)
    qtbot.waitUntil(lambda: dialog.series_dates.isVisible(), timeout=10_000)
    wait_for_check(qtbot, dialog)
    assert dialog.series_dates.text() == (
        "Dose dates: Thu 24 Dec 2026; Fri 24 Dec 2027; "
        "Wed 27 Dec 2028 (moved from Sun 24 Dec 2028, closed)"
    )
    assert dialog.safety.state == "ok", dialog.safety.banner.text()
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        dialog.book()
    starts = [o.session.start.strftime("%Y-%m-%d %H:%M") for o in dialog.outcomes]
    assert starts == ["2026-12-24 10:00", "2027-12-24 10:00", "2028-12-27 10:00"]


def test_lab_rows_take_one_line_each(qtbot: QtBot, clinic: Services, open_dialog: object) -> None:
    # Iron for a patient on denosumab: the baseline draw and the follow-ups of co-therapy.
    clinic.setup.add_exposure(
        DESK, mrn="M002", drug="denosumab", last_dose="2026-05-01", where="GP"
    )
    dialog = open_dialog(  # type: ignore[operator]
        NURSE, BookingPrefill(mrn="M002", therapy="ferric-carboxymaltose", start=TUESDAY_TEN)
    )
    wait_for_check(qtbot, dialog)
    view = dialog.safety.labs_view
    assert dialog.safety.labs_model.rowCount() >= 2  # baseline and follow-ups
    single = view.verticalHeader().defaultSectionSize()  # a row of one line of text
    assert not view.wordWrap()
    assert all(view.rowHeight(r) <= single for r in range(dialog.safety.labs_model.rowCount()))
    # What is cut in the row is whole in its tooltip.
    why = dialog.safety.labs_model.index(0, 3)
    assert why.data() and why.data() in " ".join(str(why.data(Qt.ItemDataRole.ToolTipRole)).split())
