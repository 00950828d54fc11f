"""The prescriber in the booking dialog: the prescriber fields and the prescriber consulted next
to the override reason, reached from the keyboard, saved through the service."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from clinic_app.bootstrap import Services
from clinic_app.domain.findings import Severity
from clinic_app.gui.booking.booking_dialog import BookingDialog, BookingPrefill
from clinic_app.gui.resources import IconSet
from clinic_app.gui.tasks import TaskRunner
from clinic_app.services.actor import Actor
from clinic_app.services.results import PrescriberView
from tests.conftest import DESK, NURSE

TODAY = date(2026, 11, 23)
TUESDAY_TEN = datetime(2026, 11, 24, 10, 0)


@pytest.fixture
def open_dialog(
    qtbot: QtBot, clinic: Services, runner: TaskRunner, icons: IconSet
) -> Iterator[object]:
    def make(actor: Actor, prefill: BookingPrefill) -> BookingDialog:
        dialog = BookingDialog(clinic, actor, runner, icons, prefill, today=TODAY)
        qtbot.addWidget(dialog)
        with qtbot.waitActive(dialog):
            dialog.show()
            dialog.activateWindow()
        return dialog

    yield make
    runner.wait(10_000)


def wait_for_check(qtbot: QtBot, dialog: BookingDialog) -> None:
    qtbot.waitUntil(lambda: dialog.safety.state not in ("pending", "none"), timeout=10_000)


def focused() -> QLineEdit | None:
    widget = QApplication.focusWidget()
    return widget if isinstance(widget, QLineEdit) else None


def test_prescriber_fields_from_the_keyboard_are_saved(
    qtbot: QtBot, clinic: Services, open_dialog: object
) -> None:
    dialog = open_dialog(  # type: ignore[operator]
        DESK, BookingPrefill(mrn="M002", therapy="zoledronic-acid", start=TUESDAY_TEN)
    )
    wait_for_check(qtbot, dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    assert focused() is dialog.prescriber_edit
    qtbot.keyClicks(dialog.prescriber_edit, "Dr Ann Lee")
    qtbot.keyClick(dialog.prescriber_edit, Qt.Key.Key_Tab)
    assert focused() is dialog.practice_edit
    qtbot.keyClicks(dialog.practice_edit, "Riverside Surgery")
    qtbot.keyClick(dialog.practice_edit, Qt.Key.Key_Tab)
    assert focused() is dialog.contact_edit
    qtbot.keyClicks(dialog.contact_edit, "020 7946 0000")
    # Screen readers get a name for each field, not just a placeholder.
    assert dialog.practice_edit.accessibleName() == "Prescriber's practice"
    assert dialog.book_button.isEnabled()
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    expected = PrescriberView("Dr Ann Lee", "Riverside Surgery", "020 7946 0000")
    assert dialog.outcomes[0].session.prescriber == expected
    (stored,) = clinic.queries.day(NURSE, "2026-11-24").sessions
    assert stored.prescriber == expected


def test_override_needs_the_prescriber_consulted(
    qtbot: QtBot, clinic: Services, open_dialog: object
) -> None:
    clinic.setup.add_exposure(
        DESK, mrn="M001", drug="denosumab", last_dose="2026-10-01", where="GP"
    )
    dialog = open_dialog(  # type: ignore[operator]
        NURSE, BookingPrefill(mrn="M001", therapy="ferric-carboxymaltose", start=TUESDAY_TEN)
    )
    wait_for_check(qtbot, dialog)
    assert dialog.safety.state == "override"
    assert dialog.safety.consulted_edit.isVisible()
    assert dialog.safety.consulted_label.buddy() is dialog.safety.consulted_edit
    dialog.safety.override_edit.setFocus()
    qtbot.keyClicks(dialog.safety.override_edit, "Hb 68, haematology advised")
    assert not dialog.book_button.isEnabled()
    # Tab moves from the reason to the prescriber consulted, right under it.
    qtbot.keyClick(dialog.safety.override_edit, Qt.Key.Key_Tab)
    assert focused() is dialog.safety.consulted_edit
    qtbot.keyClicks(dialog.safety.consulted_edit, "Dr Ann Lee, haematology")
    assert dialog.book_button.isEnabled()
    # Its mnemonic (Alt+L) comes back to it from anywhere in the dialog.
    dialog.therapy_combo.setFocus()
    qtbot.keyClick(dialog, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    assert focused() is dialog.safety.consulted_edit
    request = dialog.request()
    assert request is not None and request.consulted == "Dr Ann Lee, haematology"
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    blocks = [f for f in dialog.outcomes[0].session.findings if f.severity is Severity.BLOCK]
    assert blocks and all(f.consulted == "Dr Ann Lee, haematology" for f in blocks)


def test_a_reason_alone_is_not_sent_until_the_consulted_is_typed(
    qtbot: QtBot, clinic: Services, open_dialog: object
) -> None:
    clinic.setup.add_exposure(
        DESK, mrn="M001", drug="denosumab", last_dose="2026-10-01", where="GP"
    )
    dialog = open_dialog(  # type: ignore[operator]
        NURSE, BookingPrefill(mrn="M001", therapy="ferric-carboxymaltose", start=TUESDAY_TEN)
    )
    wait_for_check(qtbot, dialog)
    dialog.safety.override_edit.setText("Hb 68")
    request = dialog.request()
    assert request is not None
    assert (request.override_reason, request.consulted) == (None, None)
    dialog.book()  # Book is disabled: nothing is sent, nothing saved
    assert clinic.queries.day(NURSE, "2026-11-24").sessions == ()
