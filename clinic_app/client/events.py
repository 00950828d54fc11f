"""Following a clinic server's change stream (``GET /api/v1/events``) into a local feed.

``EventFollower`` runs on a daemon thread of its own: it opens the server-sent event stream
with the session token of the user logged in at this desk, and hands every ``change`` event's
payload to ``ChangeFeed.receive`` (so the desk's screens follow another desk's change the way
they follow a change of their own process: ``gui/common/live_changes.py``). It never blocks
the caller's thread.

- No user logged in (before the login, while the screen is locked and the token dropped):
  it waits until one is.
- The token is refused (401: ended, revoked; the server also ends an open stream when its
  session ends): it reports it (``on_refused``) and waits for a new login.
- The connection drops or the server restarts: it reconnects with a growing pause
  (``FIRST_PAUSE`` doubling up to ``LONGEST_PAUSE``), and after reconnecting publishes
  "everything changed", because changes made meanwhile were not heard.
- The logged-in user changes (a token is dropped or a new one issued): the open stream is
  closed at once, so a locked desk hears nothing more; a new stream opens with the new token.
"""

from __future__ import annotations

import logging
import socket
import threading
from collections.abc import Callable

import httpx

from clinic_app.service_api import EVENTS_PATH
from clinic_app.services.changes import ChangeFeed

log = logging.getLogger(__name__)

FIRST_PAUSE = 0.25
LONGEST_PAUSE = 10.0
# The server sends a keep-alive comment every 15 s; a stream silent for this long is dead.
READ_TIMEOUT = 45.0


class TokenSource:
    """What the follower needs of the connection: the desk's current token and a way to
    wait for it to change (a login, a logout, a lock)."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._token: str | None = None
        self._generation = 0

    def set(self, token: str | None) -> None:
        """The desk's token is now ``token`` (None: nobody is logged in here)."""
        with self._changed:
            if token != self._token:
                self._token = token
                self._generation += 1
                self._changed.notify_all()

    def current(self) -> tuple[int, str | None]:
        """(generation, token): the generation changes whenever the token does."""
        with self._changed:
            return self._generation, self._token

    def wait_for_change(self, generation: int, timeout: float | None) -> None:
        """Return when the token is no longer that of ``generation`` (or after ``timeout``)."""
        with self._changed:
            self._changed.wait_for(lambda: self._generation != generation, timeout)

    def wake(self) -> None:
        """Wake every waiter (to stop)."""
        with self._changed:
            self._generation += 1
            self._changed.notify_all()


class EventFollower:
    """The server's change events, published into ``feed`` (see the module's text)."""

    def __init__(
        self,
        base_url: str,
        tokens: TokenSource,
        feed: ChangeFeed,
        *,
        transport: httpx.BaseTransport | None = None,
        first_pause: float = FIRST_PAUSE,
        longest_pause: float = LONGEST_PAUSE,
        on_refused: Callable[[str], None] | None = None,
    ) -> None:
        self._base_url = base_url.rstrip("/")
        self._tokens = tokens
        self._feed = feed
        self._transport = transport
        self._first_pause = first_pause
        self._longest_pause = longest_pause
        self._on_refused = on_refused
        self._stopped = threading.Event()
        self._thread: threading.Thread | None = None
        self._response: httpx.Response | None = None
        self._response_lock = threading.Lock()
        self.connected = threading.Event()  # set while a stream is open (tests wait on it)
        self.connections = 0  # streams opened so far

    def start(self) -> None:
        """Start following (once)."""
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._run, name="clinic-events", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop following and wait for the thread (at most ``timeout`` seconds)."""
        self._stopped.set()
        self._tokens.wake()
        self._close_stream()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def token_changed(self) -> None:
        """The desk's token changed: close the open stream now (a new one opens for the new
        token, if any). Called by the connection on every login, logout and drop."""
        self._close_stream()

    def _close_stream(self) -> None:
        with self._response_lock:
            response = self._response
        if response is None:
            return
        # The reader is blocked in recv() on another thread; closing the response does not
        # wake it, shutting the socket down does (it then sees the stream end).
        stream = response.extensions.get("network_stream")
        sock = stream.get_extra_info("socket") if stream is not None else None
        try:
            if isinstance(sock, socket.socket):
                sock.shutdown(socket.SHUT_RDWR)
            else:
                response.close()
        except OSError:  # already closed
            log.debug("closing the event stream", exc_info=True)

    def _run(self) -> None:
        pause = self._first_pause
        heard_before = False
        with httpx.Client(
            base_url=self._base_url,
            transport=self._transport,
            timeout=httpx.Timeout(10.0, read=READ_TIMEOUT),
        ) as client:
            while not self._stopped.is_set():
                generation, token = self._tokens.current()
                if token is None:
                    self._tokens.wait_for_change(generation, None)
                    continue
                outcome = self._follow(client, generation, token, reconnected=heard_before)
                if outcome == "refused":
                    # The token ended: say so (the window asks for the login), then wait for
                    # another login rather than knocking again.
                    if self._on_refused is not None:
                        try:
                            self._on_refused(token)
                        except Exception:  # the watcher's failure is its own
                            log.exception("reporting an ended session failed")
                    self._tokens.wait_for_change(generation, None)
                    continue
                if outcome == "heard":
                    heard_before = True
                    pause = self._first_pause
                if self._stopped.is_set():
                    break
                if self._tokens.current()[0] != generation:
                    continue  # a new token: reconnect at once
                self._tokens.wait_for_change(generation, pause)
                pause = min(pause * 2, self._longest_pause)

    def _follow(
        self, client: httpx.Client, generation: int, token: str, *, reconnected: bool
    ) -> str:
        """One stream: 'refused' (401), 'heard' (it was open), or 'failed'."""
        headers = {"Authorization": f"Bearer {token}", "Accept": "text/event-stream"}
        opened = False
        try:
            with client.stream("GET", EVENTS_PATH, headers=headers) as response:
                if response.status_code == 401:
                    return "refused"
                if response.status_code != 200:
                    log.warning("the event stream answered %s", response.status_code)
                    return "failed"
                with self._response_lock:
                    self._response = response
                if self._tokens.current()[0] != generation:
                    return "heard"  # the token changed while connecting
                opened = True
                self.connections += 1
                self.connected.set()
                if reconnected:
                    # Changes made while the stream was down were not heard: reload all.
                    self._feed.receive(None)
                self._read(response, generation)
        except (httpx.HTTPError, OSError, RuntimeError) as error:
            if not self._stopped.is_set():
                log.info("the event stream ended: %s", type(error).__name__)
        finally:
            self.connected.clear()
            with self._response_lock:
                self._response = None
        return "heard" if opened else "failed"

    def _read(self, response: httpx.Response, generation: int) -> None:
        event = ""
        data: list[str] = []
        for line in response.iter_lines():
            if self._stopped.is_set() or self._tokens.current()[0] != generation:
                return
            if not line:  # the end of one event
                if event == "change" and data:
                    self._feed.receive("\n".join(data))
                event, data = "", []
            elif line.startswith(":"):
                continue  # a comment: connected, keep-alive
            else:
                name, _, value = line.partition(":")
                value = value.removeprefix(" ")
                if name == "event":
                    event = value
                elif name == "data":
                    data.append(value)
