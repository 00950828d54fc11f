"""The windows the main window opens beside itself: patients, the results list, the audit
trail and the users.

One window per patient (opening it again brings it to the front), and one of each tool
window. They act for the user who opened them, so they are closed when another user takes
over, and with the main window.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from clinic_app.gui.front_desk.actions import make_action, tr
from clinic_app.services.actor import Permission

if TYPE_CHECKING:
    from clinic_app.gui.main_window import MainWindow
    from clinic_app.gui.patient.patient_dialog import PatientDialog


class ToolWindows:
    """Patient windows and the tool windows, with the actions that open them."""

    def __init__(self, window: MainWindow) -> None:

        self._window = window
        self.windows: dict[str, QWidget] = {}
        self.patient_windows: list[PatientDialog] = []
        icons = window.icons
        self.patient_action = make_action(
            window,
            icons,
            tr("&Patient…"),
            self.open_patient,
            (tr("Ctrl+P"),),
            "patient",
            tr("Open the selected session's patient"),
        )
        self.find_patient_action = make_action(
            window,
            icons,
            tr("&Find patient…"),
            self.find_patient,
            (tr("Ctrl+F"),),
            "find",
            tr("Find a patient by name, MRN, date of birth or phone"),
        )
        self.audit_action = make_action(
            window,
            icons,
            tr("&Audit trail"),
            self.open_audit,
            (tr("Ctrl+Shift+A"),),
            None,
            tr("Who changed what, and when (managers and administrators)"),
        )
        self.users_action = make_action(
            window,
            icons,
            tr("&Users…"),
            self.open_users,
            (tr("Ctrl+Shift+U"),),
            None,
            tr("Add users and set passwords (administrators)"),
        )
        self.results_action = make_action(
            window,
            icons,
            tr("&Results list…"),
            self.open_results,
            (tr("Ctrl+Shift+R"),),
            None,
            tr("URGENT and low results, results not back, sessions that cannot go ahead"),
        )

    def update_actions(self) -> None:
        """Disabled rather than hidden, so people see what exists; the services refuse anyway."""
        actor = self._window.actor
        self.patient_action.setEnabled(True)
        self.audit_action.setEnabled(actor.can(Permission.EXPORT))
        self.users_action.setEnabled(actor.can(Permission.ADMINISTER))

    # ------------------------------------------------------------------ patients

    def open_patient(self, mrn: str | None = None) -> PatientDialog | None:
        """Open the patient view of ``mrn``, the selected session's patient, or a search."""
        from clinic_app.gui.booking.booking_dialog import BookingPrefill
        from clinic_app.gui.patient.patient_dialog import PatientDialog

        window = self._window
        if mrn is None:
            session = window.selected_session()
            if session is None:
                self.find_patient()
                return None
            mrn = session.mrn
        for shown in self.patient_windows:
            if shown.mrn == mrn and shown.isVisible():
                shown.raise_()
                shown.activateWindow()
                return shown
        patient = PatientDialog(
            window.services, window.actor, window.runner, window.icons, mrn, window
        )
        patient.book_requested.connect(
            lambda value: window.booking_paths.new_booking(
                prefill=BookingPrefill(mrn=value, start=window.booking_paths.default_start())
            )
        )
        patient.finished.connect(lambda _result, w=patient: self._forget_patient_window(w))
        self.patient_windows.append(patient)
        patient.show()
        return patient

    def _forget_patient_window(self, patient: PatientDialog) -> None:
        if patient in self.patient_windows:
            self.patient_windows.remove(patient)
        patient.deleteLater()

    def find_patient(self) -> None:
        """Find a patient by name or MRN and open their view (Ctrl+F)."""
        from clinic_app.gui.patient.find_patient_dialog import FindPatientDialog

        window = self._window
        patient = FindPatientDialog.ask(window, window.services, window.actor)
        if patient is not None:
            self.open_patient(patient.mrn)

    # ------------------------------------------------------------------ tool windows

    def _open(self, key: str, build: Callable[[], QWidget]) -> QWidget:
        shown = self.windows.get(key)
        if shown is None:
            shown = build()
            shown.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.windows[key] = shown
            shown.destroyed.connect(lambda *_: self.windows.pop(key, None))
        shown.show()
        shown.raise_()
        shown.activateWindow()
        return shown

    def open_audit(self) -> QWidget | None:
        """The audit trail window (managers and administrators)."""
        if not self.audit_action.isEnabled():
            return None
        from clinic_app.gui.admin.audit_view import AuditWindow

        window = self._window
        # Times in the trail are shown in the clinic's zone (UTC until the calendar loads).
        zone = window.calendar.tz if window.calendar is not None else UTC
        services, actor = window.services, window.actor
        return self._open("audit", lambda: AuditWindow(services, actor, window, zone=zone))

    def open_results(self) -> QWidget:
        """The nurses' results list (every role reads it; nurses record)."""
        from clinic_app.gui.results.results_window import ResultsWindow

        window = self._window
        services, actor = window.services, window.actor
        return self._open("results", lambda: ResultsWindow(services, actor, window))

    def open_users(self) -> QWidget | None:
        """The users window (administrators)."""
        if not self.users_action.isEnabled():
            return None
        from clinic_app.gui.admin.user_admin import UserAdminWindow

        window = self._window
        services, actor = window.services, window.actor
        return self._open("users", lambda: UserAdminWindow(services, actor, window))

    # ------------------------------------------------------------------ closing

    def close_for_new_user(self) -> None:
        """Another user takes over: nothing stays open that acts for the one before."""
        for shown in list(self.windows.values()):
            shown.close()
        self.windows.clear()
        for patient in list(self.patient_windows):
            patient.reject()

    def close_all(self) -> None:
        """The main window closes: its patient and tool windows close with it."""
        for patient in self.patient_windows:
            patient.close()
        for shown in list(self.windows.values()):
            shown.close()
