"""The selected session's commands: status changes and their menu, cancelling, the letters.

Which of them are enabled is the services' answer (``services/session_actions``: the status
table and the day rule the booking service enforces, and the user's role), asked again
whenever the selection or the user changes. A status change the check-in gate refuses shows
its findings; a nurse's override (reason and prescriber consulted) retries it.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from clinic_app.domain.errors import RuleRefusalError
from clinic_app.gui import wording
from clinic_app.gui.common.shortcuts import status_key
from clinic_app.gui.front_desk.actions import make_action, tr
from clinic_app.services.actor import Permission
from clinic_app.services.results import BookingOutcome, SessionView
from clinic_app.services.session_actions import may_cancel, may_set_status

if TYPE_CHECKING:
    from clinic_app.gui.main_window import MainWindow

STATUS_ACTIONS = (
    ("arrived", QT_TRANSLATE_NOOP("MainWindow", "Mark &arrived")),
    ("in-chair", QT_TRANSLATE_NOOP("MainWindow", "Mark &in chair")),
    ("completed", QT_TRANSLATE_NOOP("MainWindow", "Mark &completed")),
    ("no-show", QT_TRANSLATE_NOOP("MainWindow", "Mark &no-show")),
    ("booked", QT_TRANSLATE_NOOP("MainWindow", "Back to &booked")),
)


class SessionCommands:
    """Cancel, the status changes, the letters, and the grid's context menu."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window
        icons = window.icons
        self.cancel_action = make_action(
            window,
            icons,
            tr("&Cancel session…"),
            self.cancel_selected,
            (QKeySequence.StandardKey.Delete, status_key("cancelled")),
            "cancel",
            tr("Cancel the selected session, with a reason"),
        )
        self.letters_action = make_action(
            window,
            icons,
            tr("Print &letters…"),
            self.print_letters,
            (),
            None,
            tr("After IV iron: the letter to the outside prescriber and the patient sheet (PDF)"),
        )
        self.status_actions: dict[str, QAction] = {}
        for status, text in STATUS_ACTIONS:
            self.status_actions[status] = make_action(
                window,
                icons,
                tr(str(text)),
                functools.partial(self.set_status, status),
                (status_key(status),),
            )

    def update_actions(self, session: SessionView | None) -> None:
        """Enable what the services allow for ``session`` and the window's user now."""
        window = self._window
        booking, actor = window.services.booking, window.actor
        self.cancel_action.setEnabled(session is not None and may_cancel(booking, actor, session))
        # Letters follow IV iron; the service says when there is no outside antiresorptive.
        self.letters_action.setEnabled(
            session is not None
            and session.status not in ("cancelled", "no-show")
            and actor.can(Permission.PRINT_LETTERS)
            and self._is_iron(session.therapy)
        )
        # The booking service says which statuses the session may take now (its table, and
        # whether the session's day has come), and the role whether this user may.
        for target, action in self.status_actions.items():
            action.setEnabled(
                session is not None and may_set_status(booking, actor, session, target)
            )

    def _is_iron(self, code: str) -> bool:
        catalog = self._window.services.ctx.catalog
        return code in catalog and catalog.get(code).is_iron

    def context_menu(self, position: Any) -> None:
        """The grid's context menu at ``position``: the selected cell's actions."""
        window = self._window
        grid_view = window.grid_view
        index = grid_view.indexAt(position)
        if index.isValid():
            grid_view.setCurrentIndex(index)
        menu = QMenu(window)
        for action in (window.new_booking_action, window.move_action, self.cancel_action):
            menu.addAction(action)
        menu.addMenu(window.status_menu)
        menu.addAction(window.patient_action)
        menu.addAction(self.letters_action)
        menu.exec(grid_view.viewport().mapToGlobal(position))

    # ------------------------------------------------------------------ commands

    def print_letters(self) -> None:
        """Save the selected iron session's prescriber letter and patient sheet as PDFs."""
        from clinic_app.gui.front_desk.letters_action import save_letters

        window = self._window
        session = window.selected_session()
        if session is None or session.id is None:
            window.feedback.show_banner(
                "info", tr("Select an IV iron session to print its letters")
            )
            return
        save_letters(
            window, window.services, window.actor, window.runner, session, window.feedback.announce
        )

    def cancel_selected(self) -> None:
        """Cancel the selected session after asking for the reason (Delete)."""
        from clinic_app.gui.booking.cancel_dialog import CancelDialog

        window = self._window
        session = window.selected_session()
        if session is None or session.id is None:
            window.feedback.show_banner("info", tr("Select a session to cancel it"))
            return
        reason = CancelDialog.ask(window, session)
        if reason is None:
            return
        booking, actor, session_id = window.services.booking, window.actor, session.id

        def done(outcome: BookingOutcome) -> None:
            window.feedback.report(tr("Cancelled"), [outcome])
            window.reload()
            window.tool_windows.offer_freed_slot(session_id)

        window.runner.run(
            lambda: booking.cancel(actor, session_id, reason),
            done,
            window.feedback.action_failed,
            context=window,
        )

    def set_status(
        self,
        status: str,
        *,
        session: SessionView | None = None,
        override: tuple[str, str] | None = None,
    ) -> None:
        """Record arrived / in chair / completed / no-show for the selected session.

        When the check-in gate refuses, the findings are shown; a nurse's override (reason and
        prescriber consulted) retries the change with it."""
        from clinic_app.gui.check_in.override_dialog import CheckInOverrideDialog, is_gate_refusal

        window = self._window
        session = session or window.selected_session()
        if session is None or session.id is None:
            return
        booking, actor, session_id = window.services.booking, window.actor, session.id
        reason, consulted = override or (None, None)
        shown = session

        def done(outcome: BookingOutcome) -> None:
            window.feedback.show_message(
                tr("%1 (%2): %3")
                .replace("%1", outcome.session.patient_name)
                .replace("%2", outcome.session.mrn)
                .replace("%3", wording.status_label(outcome.session.status))
            )
            window.reload(select_session=session_id)
            if status == "no-show":
                window.tool_windows.offer_freed_slot(session_id)

        def failed(error: BaseException) -> None:
            if not is_gate_refusal(error, status):
                window.feedback.action_failed(error)
                return
            assert isinstance(error, RuleRefusalError)
            answer = CheckInOverrideDialog.ask(
                window, window.actor, window.icons, shown, status, error
            )
            if answer is None:
                window.feedback.action_failed(error)
                return
            self.set_status(status, session=shown, override=answer)

        window.runner.run(
            lambda: booking.set_status(
                actor, session_id, status, override_reason=reason, consulted=consulted
            ),
            done,
            failed,
            context=window,
        )
