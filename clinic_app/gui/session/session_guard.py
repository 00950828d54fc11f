"""Idle lock and user switching for a shared clinic PC.

The guard watches keyboard and mouse input application-wide. After the idle time it covers
every open window (the main window and any dialog on top of it) with an opaque cover, blanks
their titles, and shows a modal unlock prompt for the same user. Nothing underneath is closed
or reset: an open booking dialog keeps its half-typed text and its place, and is usable again
once the password is right. Someone else can log in from the prompt ("Switch user") or through
:meth:`SessionGuard.switch_user`; then the previous user's other windows are closed (their
unsaved changes belong to the previous user) and ``user_changed`` tells the main window to act
as the new user.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QToolTip, QVBoxLayout, QWidget

from clinic_app.gui.session.login_dialog import LoginDialog
from clinic_app.services.actor import Actor

if TYPE_CHECKING:
    from clinic_app.bootstrap import Services

DEFAULT_IDLE_MINUTES = 10.0

# Input that proves someone is at the PC (programmatic changes do not count).
_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
        QEvent.Type.TabletMove,
    }
)
_NOT_COVERED = frozenset(
    {
        Qt.WindowType.Popup,
        Qt.WindowType.ToolTip,
        Qt.WindowType.SplashScreen,
        Qt.WindowType.Desktop,
    }
)


def _monotonic_ms() -> int:
    return time.monotonic_ns() // 1_000_000


def _alive(widget: QObject | None) -> bool:
    return widget is not None and shiboken6.isValid(widget)


class LockCover(QWidget):
    """An opaque child that hides a window's contents while the session is locked.

    It follows the window's size and stays on top of children added while it is shown.
    """

    def __init__(self, window: QWidget, text: str) -> None:
        super().__init__(window)
        self.setObjectName("lockCover")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, palette.color(QPalette.ColorRole.Mid))
        self.setPalette(palette)
        self.label = QLabel(text, self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.label.setFont(font)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        self.setGeometry(window.rect())
        window.installEventFilter(self)
        self.show()
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Follow the window's size; stay above children the window adds meanwhile."""
        if watched is self.parent():
            kind = event.type()
            parent = self.parentWidget()
            if kind == QEvent.Type.Resize and parent is not None:
                self.setGeometry(parent.rect())
            elif kind == QEvent.Type.ChildAdded:
                QTimer.singleShot(0, self._raise_if_alive)
        return False

    def _raise_if_alive(self) -> None:
        if _alive(self):
            self.raise_()

    def remove(self) -> None:
        """Take the cover away (the window underneath is exactly as it was)."""
        parent = self.parentWidget()
        if parent is not None and _alive(parent):
            parent.removeEventFilter(self)
        self.hide()
        self.deleteLater()


class SessionGuard(QObject):
    """Locks the app after idle time, asks for the password again, and switches users.

    Any key press, mouse button, mouse move, wheel or touch anywhere in the application
    counts as activity. ``idle_ms`` (tests) overrides ``idle_minutes`` (default 10);
    ``clock_ms`` (tests) is the monotonic clock in milliseconds that measures the idle time.

    Signals:
        locked(): the windows were covered and the unlock prompt is shown (after the
            idle time, or :meth:`lock_now`).
        unlocked(Actor): the lock ended with a correct password: the same user (windows and
            their unsaved state untouched), or another user from the prompt's "Switch user"
            (then ``user_changed`` was emitted first).
        user_changed(Actor): a different user now acts (from :meth:`switch_user` or the
            unlock prompt). Every window other than the main window has been closed; the
            main window must take the new actor and rebuild what the role may see.
    """

    locked = Signal()
    unlocked = Signal(object)
    user_changed = Signal(object)

    def __init__(
        self,
        services: Services,
        window: QWidget,
        actor: Actor,
        *,
        idle_minutes: float = DEFAULT_IDLE_MINUTES,
        idle_ms: int | None = None,
        clock_ms: Callable[[], int] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent if parent is not None else window)
        self._services = services
        self._window = window
        self._actor = actor
        self._idle_ms = int(idle_ms if idle_ms is not None else idle_minutes * 60_000)
        self._is_locked = False
        self._paused = False
        self._covers: list[LockCover] = []
        self._titles: list[tuple[QWidget, str]] = []
        self._focus: QWidget | None = None
        self.prompt: LoginDialog | None = None
        self._clock_ms = clock_ms or _monotonic_ms
        self._last_input_ms = self._clock_ms()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.check_idle)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        window.destroyed.connect(self.stop)
        self._timer.start(self._idle_ms)

    # ------------------------------------------------------------------ state

    @property
    def actor(self) -> Actor:
        """The user the session currently acts for."""
        return self._actor

    @property
    def is_locked(self) -> bool:
        """True while the windows are covered and the unlock prompt waits."""
        return self._is_locked

    @property
    def idle_ms(self) -> int:
        """The idle time before locking, in milliseconds."""
        return self._idle_ms

    @idle_ms.setter
    def idle_ms(self, value: int) -> None:
        self._idle_ms = max(int(value), 1)
        if not self._is_locked and not self._paused:
            self._last_input_ms = self._clock_ms()
            self._timer.start(self._idle_ms)

    def stop(self) -> None:
        """Stop watching (at shutdown); an active lock stays until unlocked."""
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Note the moment of the latest keyboard or mouse input; never consumes events."""
        if event.type() in _INPUT_EVENTS and not self._is_locked:
            self._last_input_ms = self._clock_ms()
        return False

    def check_idle(self) -> None:
        """Lock when the idle time has passed since the latest input (the timer calls this)."""
        if self._is_locked or self._paused:
            return
        if not _alive(self._window) or not self._window.isVisible():
            self._restart_timer()  # the window is closed (the app is ending): nothing to lock
            return
        remaining = self._idle_ms - (self._clock_ms() - self._last_input_ms)
        if remaining > 0:
            self._timer.start(int(remaining))
            return
        self.lock_now()

    def _restart_timer(self) -> None:
        self._last_input_ms = self._clock_ms()
        self._timer.start(self._idle_ms)

    # ------------------------------------------------------------------ locking

    def lock_now(self) -> None:
        """Cover every window and ask the current user for the password (non-blocking)."""
        if self._is_locked:
            return
        self._is_locked = True
        self._timer.stop()
        focus = QApplication.focusWidget()
        self._focus = focus if isinstance(focus, QWidget) else None
        QToolTip.hideText()
        for _ in range(10):  # open menus and combo box lists may show patient names
            popup = QApplication.activePopupWidget()
            if popup is None:
                break
            popup.close()
        cover_text = self.tr(
            "Locked to protect patient data.\n{user} is logged in: enter the password to go on."
        ).format(user=self._actor.username)
        for window in self._windows_to_cover():
            self._covers.append(LockCover(window, cover_text))
            self._titles.append((window, window.windowTitle()))
            window.setWindowTitle(self.tr("clinic_app - locked"))
        self.prompt = self._make_prompt()
        self.prompt.show()
        self.prompt.raise_()
        self.prompt.activateWindow()
        self.locked.emit()

    def _windows_to_cover(self) -> list[QWidget]:
        windows = [
            w
            for w in QApplication.topLevelWidgets()
            if w.isVisible() and w.windowType() not in _NOT_COVERED and w is not self.prompt
        ]
        if self._window not in windows and _alive(self._window):
            windows.insert(0, self._window)  # also when minimised or not yet shown
        return windows

    def _make_prompt(self) -> LoginDialog:
        minutes = max(1, round(self._idle_ms / 60_000))
        prompt = LoginDialog(
            self._services,
            self._window,
            username=self._actor.username,
            message=self.tr(
                "The screen was locked after {minutes} min without use. Enter your password to "
                "go on where you left off, or switch user."
            ).format(minutes=minutes),
            fixed_username=True,
        )
        prompt.setWindowModality(Qt.WindowModality.ApplicationModal)
        prompt.accepted.connect(self._prompt_accepted)
        return prompt

    def _prompt_accepted(self) -> None:
        prompt = self.prompt
        self.prompt = None
        if prompt is None or prompt.actor is None:
            return
        actor = prompt.actor
        prompt.deleteLater()
        if actor != self._actor:
            self._close_other_windows()
            self._actor = actor
            self.user_changed.emit(actor)
        self._uncover()
        self.unlocked.emit(actor)

    def _uncover(self) -> None:
        for cover in self._covers:
            if _alive(cover):
                cover.remove()
        self._covers.clear()
        for window, title in self._titles:
            if _alive(window):
                window.setWindowTitle(title)
        self._titles.clear()
        self._is_locked = False
        focus = self._focus
        self._focus = None
        if _alive(focus) and focus is not None and focus.isVisible():
            focus.activateWindow()
            focus.setFocus(Qt.FocusReason.OtherFocusReason)
        self._restart_timer()

    # ------------------------------------------------------------------ switching

    def switch_user(self) -> Actor | None:
        """Let another user log in without closing the app; their Actor, or None if cancelled.

        When the user differs, the other windows are closed and ``user_changed`` is emitted.
        """
        self._paused = True
        self._timer.stop()
        try:
            actor = LoginDialog.ask(
                self._services,
                self._window,
                message=self.tr(
                    "Log in as another user. Windows other than the main window are closed "
                    "and their unsaved changes are lost."
                ),
            )
        finally:
            self._paused = False
            if not self._is_locked:
                self._restart_timer()
        if actor is not None and actor != self._actor:
            self._close_other_windows()
            self._actor = actor
            self.user_changed.emit(actor)
        return actor

    def _close_other_windows(self) -> None:
        """Close what the previous user left open (dialogs are rejected, never saved)."""
        for widget in QApplication.topLevelWidgets():
            if widget is self._window or widget is self.prompt or not widget.isVisible():
                continue
            if widget.windowType() in _NOT_COVERED:
                continue
            if isinstance(widget, LoginDialog):
                continue  # a switch-user dialog that is returning right now
            if isinstance(widget, QDialog):
                widget.reject()
            else:
                widget.close()
