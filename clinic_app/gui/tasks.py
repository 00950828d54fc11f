"""Running service calls off the GUI thread and handing the result back to it.

Service calls open their own database session per call, so they can run on a worker thread.
The result (or the exception) comes back through a queued signal into the GUI thread, where the
callback runs. Callers that can be overtaken (the live safety check) pass a key: only the
newest call for a key delivers its result.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

Callback = Callable[[Any], None]
ErrorCallback = Callable[[BaseException], None]


class _Job(QRunnable):
    """One call on the pool; reports through the runner's ``_finished`` signal."""

    def __init__(self, runner: TaskRunner, token: int, fn: Callable[[], Any]) -> None:
        super().__init__()
        self._runner = runner
        self._token = token
        self._fn = fn

    def run(self) -> None:
        """Run the call on the worker thread; never raise into Qt."""
        try:
            result = self._fn()
        except BaseException as error:  # delivered to the caller's error callback
            self._runner._finished.emit(self._token, False, error)
        else:
            self._runner._finished.emit(self._token, True, result)


class TaskRunner(QObject):
    """Runs callables on a small thread pool; results arrive in the GUI thread.

    Signals:
        busy_changed(bool): True while any call is running.
    """

    busy_changed = Signal(bool)
    _finished = Signal(int, bool, object)

    def __init__(self, parent: QObject | None = None, *, threads: int = 2) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(threads)
        self._tokens = itertools.count(1)
        self._pending: dict[int, tuple[str | None, Callback, ErrorCallback, QObject | None]] = {}
        self._latest: dict[str, int] = {}
        self._finished.connect(self._deliver)

    @property
    def busy(self) -> bool:
        """True while a call is running or its result is not yet delivered."""
        return bool(self._pending)

    def run(
        self,
        fn: Callable[[], Any],
        on_done: Callback,
        on_error: ErrorCallback,
        *,
        key: str | None = None,
        context: QObject | None = None,
    ) -> int:
        """Start ``fn`` on a worker thread; returns the call's token.

        With ``key``, a newer call with the same key makes this one's result be dropped. With
        ``context`` (the widget that asked), the result is dropped once that widget is gone:
        a dialog closed while its check ran must not receive it.
        """
        token = next(self._tokens)
        was_busy = self.busy
        self._pending[token] = (key, on_done, on_error, context)
        if key is not None:
            self._latest[key] = token
        self._pool.start(_Job(self, token, fn))
        if not was_busy:
            self.busy_changed.emit(True)
        return token

    def wait(self, msecs: int = -1) -> bool:
        """Wait for the running calls (results are still delivered through the event loop)."""
        return bool(self._pool.waitForDone(msecs))

    @Slot(int, bool, object)
    def _deliver(self, token: int, ok: bool, payload: object) -> None:
        entry = self._pending.pop(token, None)
        if entry is None:
            return
        key, on_done, on_error, context = entry
        try:
            if key is not None and self._latest.get(key) != token:
                return  # overtaken by a newer call with the same key
            if context is not None and not shiboken6.isValid(context):
                return  # the widget that asked is gone
            if ok:
                on_done(payload)
            else:
                assert isinstance(payload, BaseException)
                on_error(payload)
        finally:
            if not self.busy:
                self.busy_changed.emit(False)
