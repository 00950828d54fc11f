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
        self.settings_action = make_action(
            window,
            icons,
            tr("Clinic &settings…"),
            self.open_settings,
            (),
            None,
            tr("Opening hours, closed dates, time zone, lab capacity, chairs (administrators)"),
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

        self.waitlist_action = make_action(
            window,
            icons,
            tr("&Waitlist…"),
            self.open_waitlist,
            (tr("Ctrl+Shift+I"),),
            None,
            tr("Patients waiting for an earlier slot; offers of freed slots"),
        )

    def update_actions(self) -> None:
        """Disabled rather than hidden, so people see what exists; the services refuse anyway."""
        actor = self._window.actor
        self.patient_action.setEnabled(True)
        self.audit_action.setEnabled(actor.can(Permission.EXPORT))
        self.users_action.setEnabled(actor.can(Permission.ADMINISTER))
        self.settings_action.setEnabled(actor.can(Permission.ADMINISTER))

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

    def open_settings(self) -> QWidget | None:
        """The clinic settings window (administrators)."""
        if not self.settings_action.isEnabled():
            return None
        from clinic_app.gui.admin.clinic_settings_window import ClinicSettingsWindow

        window = self._window
        services, actor = window.services, window.actor
        return self._open("settings", lambda: ClinicSettingsWindow(services, actor, window))

    def open_waitlist(self) -> QWidget:
        """The waitlist window (every role reads it; the desk and nurses change it)."""
        from clinic_app.gui.waitlist.waitlist_window import WaitlistWindow

        window = self._window
        services, actor, runner = window.services, window.actor, window.runner
        shown = self._open("waitlist", lambda: WaitlistWindow(services, actor, runner, window))
        assert isinstance(shown, WaitlistWindow)
        return shown

    def offer_freed_slot(self, session_id: int) -> None:
        """A session was cancelled or did not show: when someone on the waitlist fits its slot
        under every rule, open the waitlist with the offer and its one-step Book."""
        window = self._window
        if not window.actor.can(Permission.BOOK):
            return
        waitlist, actor = window.services.waitlist, window.actor

        def done(offer: object) -> None:
            if offer is None:
                return
            from clinic_app.gui.waitlist.waitlist_window import WaitlistWindow

            shown = self.open_waitlist()
            assert isinstance(shown, WaitlistWindow)
            shown.changed.connect(window.reload, Qt.ConnectionType.UniqueConnection)
            shown.show_offer(offer)  # type: ignore[arg-type]

        window.runner.run(
            lambda: waitlist.offer_for_session(actor, session_id),
            done,
            window.feedback.action_failed,
            context=window,
        )

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
