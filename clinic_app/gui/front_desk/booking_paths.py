"""Booking and moving from the main window: the ways a session gets into the grid or moves.

A new booking starts from the menu or toolbar (at the selected cell when it is free), from a
free cell activated in the grid, or from a patient window; a series is the same dialog with
more doses. A move is the Move dialog (Ctrl+M) or a drag and drop, which asks the service
directly and falls back to the Move dialog when the move needs a clinical override. Every path
ends on the session's day with the session selected.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from clinic_app.domain.errors import RuleRefusalError
from clinic_app.gui import wording
from clinic_app.gui.front_desk.actions import make_action, tr
from clinic_app.services.actor import Permission
from clinic_app.services.results import BookingOutcome, SessionView
from clinic_app.services.session_actions import may_move

if TYPE_CHECKING:
    from clinic_app.gui.booking.booking_dialog import BookingPrefill
    from clinic_app.gui.main_window import MainWindow


class BookingPaths:
    """New bookings, series and moves, with their actions."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window
        icons = window.icons
        self.new_booking_action = make_action(
            window,
            icons,
            tr("&New booking…"),
            self.new_booking,
            (tr("Ctrl+N"),),
            "book",
            tr("Book a session (at the selected chair and time)"),
        )
        self.series_action = make_action(
            window,
            icons,
            tr("Book a &series…"),
            lambda: self.new_booking(doses=2),
            (tr("Ctrl+Shift+N"),),
            None,
            tr("Book the next doses or an iron course in one go"),
        )
        self.move_action = make_action(
            window,
            icons,
            tr("&Move…"),
            self.move_selected,
            (tr("Ctrl+M"),),
            "move",
            tr("Move the selected session to another time or chair"),
        )

    def update_actions(self, session: SessionView | None) -> None:
        """Booking needs the booking permission; a move, a session the service would move."""
        actor = self._window.actor
        can_book = actor.can(Permission.BOOK)
        self.new_booking_action.setEnabled(can_book)
        self.series_action.setEnabled(can_book)
        # What a session's status allows is the booking service's rule: ask it.
        self.move_action.setEnabled(session is not None and may_move(actor, session.status))
        # No path a role cannot finish: a manager cannot even start dragging a session.
        grid_view = self._window.grid_view
        grid_view.setDragEnabled(may_move(actor, "booked"))
        grid_view.setAcceptDrops(may_move(actor, "booked"))

    # ------------------------------------------------------------------ booking

    def default_start(self) -> datetime:
        """09:00 on the day shown: where a booking without a chosen cell starts."""
        return datetime.combine(self._window.day, datetime.min.time()).replace(hour=9)

    def book_at_slot(self, chair_id: int, start: datetime) -> None:
        """A free cell activated in the grid: book at its chair and time (if the user books)."""
        from clinic_app.gui.booking.booking_dialog import BookingPrefill

        if not self._window.actor.can(Permission.BOOK):
            return
        chair = next((c for c in self._window.grid_model.chairs if c.id == chair_id), None)
        self.new_booking(prefill=BookingPrefill(start=start, chair=chair.name if chair else None))

    def new_booking(self, *, doses: int = 1, prefill: BookingPrefill | None = None) -> None:
        """Open the booking dialog (at the selected chair and time, when there is one)."""
        from clinic_app.gui.booking.booking_dialog import BookingDialog, BookingPrefill

        window = self._window
        if not window.actor.can(Permission.BOOK):
            return  # the actions are disabled; a patient window's request lands here too
        if prefill is None:
            prefill = self._prefill_from_selection(doses)
        elif doses != prefill.doses:
            prefill = BookingPrefill(
                prefill.mrn, prefill.therapy, prefill.start, prefill.chair, doses
            )
        outcomes = BookingDialog.ask(
            window,
            window.services,
            window.actor,
            window.runner,
            window.icons,
            prefill,
            today=window.clinic_today(),
        )
        if not outcomes:
            return
        window.feedback.report(tr("Booked"), outcomes)
        first = outcomes[0].session
        self.show_session_day(first)

    def _prefill_from_selection(self, doses: int) -> BookingPrefill:
        """The selected cell's time, and its chair when the cell is free."""
        from clinic_app.gui.booking.booking_dialog import BookingPrefill

        grid_model = self._window.grid_model
        index = self._window.grid_view.currentIndex()
        chair = grid_model.chair_at(index.column()) if index.isValid() else None
        start = grid_model.time_at(index.row()) if index.isValid() else self.default_start()
        free = index.isValid() and grid_model.block_at(index.row(), index.column()) is None
        return BookingPrefill(
            start=start, chair=chair.name if chair and free else None, doses=doses
        )

    def show_session_day(self, session: SessionView) -> None:
        """Show the session's day with the session selected."""
        window = self._window
        window.navigation.select_after_load = session.id
        if window.day != session.start.date():
            window.go_to(session.start.date())
        else:
            window.reload(select_session=session.id)

    # ------------------------------------------------------------------ moving

    def move_selected(self) -> None:
        """Move the selected session with the Move dialog (Ctrl+M)."""
        session = self._window.selected_session()
        if session is None or session.status != "booked":
            self._window.feedback.show_banner("info", tr("Select a booked session to move it"))
            return
        self.ask_move(session)

    def ask_move(
        self, session: SessionView, start: datetime | None = None, chair: str | None = None
    ) -> None:
        """The Move dialog for ``session``, at ``start`` and ``chair`` when given."""
        from clinic_app.gui.booking.move_dialog import MoveDialog

        window = self._window
        outcome = MoveDialog.ask(
            window,
            window.services,
            window.actor,
            window.runner,
            window.icons,
            session,
            start=start,
            chair=chair,
        )
        if outcome is None:
            return
        window.feedback.report(tr("Moved"), [outcome])
        self.show_session_day(outcome.session)

    def session_dropped(self, session_id: int, chair_id: int, start: datetime) -> None:
        """A session was dropped on a chair and time: ask the service to move it there.

        A move the service refuses changes nothing and is explained; a move that needs a
        clinical override opens the Move dialog with the target filled in.
        """
        window = self._window
        if not may_move(window.actor, "booked"):
            return
        session = self._session(session_id)
        chair = next((c for c in window.grid_model.chairs if c.id == chair_id), None)
        if session is None or chair is None:
            return
        if chair.id == session.chair_id and start == session.start.replace(tzinfo=None):
            return
        booking, actor = window.services.booking, window.actor
        window.statusBar().showMessage(tr("Moving…"))

        def job() -> BookingOutcome:
            return booking.move(actor, session_id, start, chair=chair.name)

        def done(outcome: BookingOutcome) -> None:
            window.feedback.report(tr("Moved"), [outcome])
            self.show_session_day(outcome.session)

        def failed(error: BaseException) -> None:
            if isinstance(error, RuleRefusalError) and error.overridable and error.findings:
                self.ask_move(session, start, chair.name)
                return
            explanation = wording.explain_error(error)
            window.feedback.show_banner(
                "error",
                tr("Not moved: %1").replace("%1", explanation.headline),
                explanation.detail,
            )
            window.action_done.emit(explanation.headline)
            window.reload()

        window.runner.run(job, done, failed, context=window)

    def _session(self, session_id: int) -> SessionView | None:
        day_list = self._window.day_list
        if day_list is None:
            return None
        return next((s for s in day_list.sessions if s.id == session_id), None)
