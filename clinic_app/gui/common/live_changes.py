"""Live refresh: the services' change feed delivered on the GUI thread, debounced.

``LiveChanges`` subscribes to ``services.ctx.feed`` (``services/changes.py``). The feed calls
back on whatever thread committed (a worker of ``TaskRunner``, the PostgreSQL listener's
thread); the bridge re-emits through a queued signal, so its ``changed`` signal fires on the
GUI thread, once per quiet spell of ``DEBOUNCE_MS`` with every change of the spell merged.

``follow_changes`` is what a screen calls once: when a change it shows arrives, it calls the
screen's own reload method, keeping the scroll position and the current cell of the tables
given (restored when the screen's ``loaded`` signal says the new data is on screen).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date

from PySide6.QtCore import QModelIndex, QObject, Qt, QTimer, Signal, SignalInstance
from PySide6.QtWidgets import QAbstractItemView

from clinic_app.services.changes import Change, ChangeFeed

DEBOUNCE_MS = 200


class LiveChanges(QObject):
    """The change feed, on the GUI thread and debounced.

    Signals:
        changed(object): a :class:`Change` (the merge of every change of the spell).
    """

    changed = Signal(object)
    _arrived = Signal(object)

    def __init__(
        self, feed: ChangeFeed, parent: QObject | None = None, *, debounce_ms: int = DEBOUNCE_MS
    ) -> None:
        super().__init__(parent)
        self._pending: list[Change] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self._flush)
        self._arrived.connect(self._collect, Qt.ConnectionType.QueuedConnection)
        unsubscribe = feed.subscribe(self._from_any_thread)
        self._unsubscribe = unsubscribe
        # The lambda holds the unsubscribe function, not this object (already being deleted).
        self.destroyed.connect(lambda *_: unsubscribe())

    def stop(self) -> None:
        """Hear no more changes (also done when the object is destroyed)."""
        self._unsubscribe()
        self._timer.stop()
        self._pending.clear()

    def _from_any_thread(self, change: Change) -> None:
        self._arrived.emit(change)

    def _collect(self, change: Change) -> None:
        self._pending.append(change)
        self._timer.start()  # restarts: one refresh after the burst

    def _flush(self) -> None:
        if self._pending:
            change = Change.merge(self._pending)
            self._pending = []
            self.changed.emit(change)


class _Position:
    """Where a table was: its scroll bars and current cell."""

    def __init__(self, view: QAbstractItemView) -> None:
        self.view = view
        self.scroll = (view.horizontalScrollBar().value(), view.verticalScrollBar().value())
        current = view.currentIndex()
        self.cell = (current.row(), current.column()) if current.isValid() else None

    def restore(self) -> None:
        view, model = self.view, self.view.model()
        if self.cell is not None and model is not None and not view.currentIndex().isValid():
            row, column = self.cell
            if row < model.rowCount(QModelIndex()) and column < model.columnCount(QModelIndex()):
                view.setCurrentIndex(model.index(row, column))
        view.horizontalScrollBar().setValue(self.scroll[0])
        view.verticalScrollBar().setValue(self.scroll[1])


def follow_changes(
    owner: QObject,
    feed: ChangeFeed,
    relevant: Callable[[Change], bool],
    refresh: Callable[[], None],
    *,
    views: Sequence[QAbstractItemView] = (),
    loaded: SignalInstance | None = None,
) -> LiveChanges:
    """Call ``refresh()`` (on the GUI thread) whenever a change ``relevant`` accepts arrives.

    The scroll position and current cell of ``views`` are kept: taken before ``refresh`` and
    put back when ``loaded`` next fires (at once when no ``loaded`` is given: ``refresh`` is
    then synchronous). Returns the bridge, a child of ``owner``.
    """
    live = LiveChanges(feed, owner)
    waiting: list[_Position] = []

    def put_back(*_: object) -> None:
        for position in waiting:
            position.restore()
        waiting.clear()

    def on_change(change: Change) -> None:
        if not relevant(change):
            return
        waiting[:] = [_Position(view) for view in views]
        refresh()
        if loaded is None:
            put_back()

    if loaded is not None:
        loaded.connect(put_back)
    live.changed.connect(on_change)
    return live


def shows_change(change: Change, days: Iterable[date], mrns: Iterable[str] = ()) -> bool:
    """True when a screen showing ``days`` (and patients ``mrns`` on them) must reload: the
    change touches one of the days, or one of the patients (a result, an exposure, a patient's
    details change what their sessions show, whatever day the change itself was on)."""
    if change.touches_days(days):
        return True
    return any(change.touches_patient(mrn) for mrn in mrns)
