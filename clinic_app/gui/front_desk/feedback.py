"""What the main window tells the user: the banner above the grid and the status bar.

Outcomes and refusals (in clerk words, ``gui/wording.explain_error``) go to the banner and the
status bar, and out on the window's ``action_done`` signal; the status bar also says who is
acting and when a call is running.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from clinic_app.gui import wording
from clinic_app.gui.day_grid.summary import outcome_feedback
from clinic_app.gui.front_desk.actions import make_action, tr
from clinic_app.services.results import BookingOutcome

if TYPE_CHECKING:
    from clinic_app.gui.main_window import MainWindow

MESSAGE_MS = 10_000  # how long a status bar message stays


class StatusFeedback:
    """The banner, the status bar's messages, and its "Acting as" and "Working…" labels."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window
        self.dismiss_action = make_action(
            window, window.icons, tr("&Dismiss message"), window.banner.hide, (tr("Esc"),)
        )
        self.who_label = QLabel(window)
        self.who_label.setObjectName("actingAs")
        self.who_label.setTextFormat(Qt.TextFormat.PlainText)
        self.busy_label = QLabel(tr("Working…"), window)
        self.busy_label.hide()

    def build_status_bar(self) -> None:
        """Put the labels in the status bar; the busy label follows the task runner."""
        window = self._window
        self.show_actor()
        window.runner.busy_changed.connect(self.busy_label.setVisible)
        window.statusBar().addPermanentWidget(self.busy_label)
        window.statusBar().addPermanentWidget(self.who_label)

    def show_actor(self) -> None:
        """Say whom the window acts for."""
        from clinic_app.gui.admin.user_admin import role_label

        actor = self._window.actor
        self.who_label.setText(
            tr("Acting as %1 (%2)")
            .replace("%1", actor.username)
            .replace("%2", role_label(actor.role))
        )

    def show_banner(self, level: str, headline: str, detail: str = "") -> None:
        """Explain an outcome or refusal above the grid, and in the status bar."""
        self._window.banner.show_message(level, headline, detail)
        self._window.statusBar().showMessage(headline, MESSAGE_MS)

    def show_message(self, text: str) -> None:
        """A short outcome in the status bar only, announced as done."""
        self._window.statusBar().showMessage(text, MESSAGE_MS)
        self._window.action_done.emit(text)

    def report(self, verb: str, outcomes: list[BookingOutcome]) -> None:
        """The outcome of booking actions: what was done and what the checks found."""
        feedback = outcome_feedback(verb, outcomes)
        self.show_banner(feedback.level, feedback.headline, feedback.detail)
        self._window.action_done.emit(feedback.headline)

    def announce(self, level: str, headline: str, detail: str = "") -> None:
        """A banner that is also the end of an action (``action_done``)."""
        self.show_banner(level, headline, detail)
        self._window.action_done.emit(headline)

    def action_failed(self, error: BaseException) -> None:
        """A refused or failed action, in clerk words."""
        explanation = wording.explain_error(error)
        self.announce("error", explanation.headline, explanation.detail)
