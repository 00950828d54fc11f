"""``RemoteServices``: the service interface of a clinic server, called with httpx.

Every exposed method of ``clinic_app.service_api`` becomes a method of the same name and
signature; the arguments travel as the server's request model, the result comes back as the
same dataclasses (pydantic, from the method's return annotation), and an error comes back as
the same exception type with the same fields. A write carries a fresh ``Idempotency-Key``; on
a lost connection it is sent once more with the same key, so it never runs twice.

The ``actor`` argument picks whose session token is used: the client keeps the token of every
user who logged in through it (one at a desk; several in the contract tests).
"""

from __future__ import annotations

import contextlib
import inspect
import logging
import threading
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx

from clinic_app import service_api as api
from clinic_app.client.errors import RemoteUnavailableError
from clinic_app.client.events import EventFollower, TokenSource
from clinic_app.domain.catalog import Catalog
from clinic_app.domain.errors import InvalidInputError
from clinic_app.services.actor import Actor, Role
from clinic_app.services.auth import AuthenticationError
from clinic_app.services.changes import ChangeFeed
from clinic_app.services.clock import Clock, system_clock
from clinic_app.services.context import rules_file
from clinic_app.services.exports import (
    ExportPlan,
    ExportRequest,
    filter_sessions,
    write_planned,
)
from clinic_app.services.letters import (
    IronLetterData,
    LetterFiles,
    check_page_size,
    paint_letters,
)
from clinic_app.services.results import SessionView
from clinic_app.services.rulebook import RuleBook
from clinic_app.services.sessions import SessionExpiredError
from clinic_app.services.validation import require_file_target

if TYPE_CHECKING:
    from clinic_app.exports.session_export import CancelCheck, ProgressCallback

TIMEOUT = httpx.Timeout(30.0, connect=5.0)
# An export over the server asks for a week of sessions at a time (one request each).
EXPORT_BATCH_DAYS = 7
_log = logging.getLogger(__name__)


class RemoteServerError(RuntimeError):
    """The server failed with an internal error (a bug on the server; see its log)."""

    def __init__(self, message: str, incident: str | None) -> None:
        super().__init__(message)
        self.incident = incident


@dataclass
class RemoteContext:
    """What the shells read from ``Services.ctx``: the shipped catalog, a clock, and the
    change feed the server's event stream is published into."""

    catalog: Catalog
    clock: Clock = field(default=system_clock)
    feed: ChangeFeed = field(default_factory=ChangeFeed)


class _Connection:
    """The HTTP client, the session tokens by user, and the request/answer handling."""

    def __init__(self, base_url: str, transport: httpx.BaseTransport | None) -> None:
        self.http = httpx.Client(
            base_url=base_url.rstrip("/"), timeout=TIMEOUT, transport=transport
        )
        self.transport = transport
        self.tokens: dict[str, str] = {}
        self.current: str | None = None
        # The token of the user now at this desk, for the event stream (events.py).
        self.desk_token = TokenSource()
        self._lock = threading.Lock()
        self._ended_watchers: list[Callable[[str], None]] = []
        self._token_watchers: list[Callable[[], None]] = []

    def token_for(self, actor: Actor | None) -> str:
        name = actor.username if isinstance(actor, Actor) else self.current
        token = self.tokens.get(name or "")
        if token is None:
            raise AuthenticationError(f"{name or 'nobody'} is not logged in to the clinic server")
        return token

    def keep(self, username: str, token: str) -> None:
        """``username`` logged in: calls as them use ``token``; they are the desk's user."""
        with self._lock:
            self.tokens[username] = token
            self.current = username
        self._tokens_changed()

    def forget(self, username: str, token: str | None = None) -> str | None:
        """Stop using ``username``'s token (only ``token``, when given: a newer login's stays);
        returns the token forgotten."""
        with self._lock:
            held = self.tokens.get(username)
            if held is None or (token is not None and held != token):
                return None
            del self.tokens[username]
        self._tokens_changed()
        return held

    def _tokens_changed(self) -> None:
        with self._lock:
            desk = self.tokens.get(self.current or "")
            watchers = list(self._token_watchers)
        self.desk_token.set(desk)
        for watcher in watchers:
            watcher()

    def on_tokens_changed(self, watcher: Callable[[], None]) -> None:
        """Call ``watcher()`` after every login, logout or drop."""
        with self._lock:
            self._token_watchers.append(watcher)

    def watch_session_end(self, watcher: Callable[[str], None]) -> Callable[[], None]:
        """Call ``watcher(username)`` (on the calling thread) when the server refuses a
        user's token (expired, revoked); returns the function that stops watching."""
        with self._lock:
            self._ended_watchers.append(watcher)

        def unwatch() -> None:
            with self._lock:
                if watcher in self._ended_watchers:
                    self._ended_watchers.remove(watcher)

        return unwatch

    def token_refused(self, token: str) -> None:
        """The server refused ``token`` (whoever's it is): as ``session_ended``."""
        with self._lock:
            names = [name for name, held in self.tokens.items() if held == token]
        for name in names:
            self.session_ended(name, token)

    def session_ended(self, username: str, token: str) -> None:
        """The server refused ``token`` of ``username``: forget it and tell the watchers."""
        if self.forget(username, token) is None:
            return  # already dropped or replaced by a newer login: nothing ended now
        with self._lock:
            watchers = list(self._ended_watchers)
        for watcher in watchers:
            try:
                watcher(username)
            except Exception:  # a watcher's failure is its own
                _log.exception("a session-end watcher failed")

    def send(
        self,
        method: str,
        path: str,
        *,
        body: object = None,
        token: str | None = None,
        idempotency_key: str | None = None,
        read_timeout: float | None = None,
    ) -> httpx.Response:
        """One request; sent once more (same key) when the connection fails. ``read_timeout``
        replaces the usual wait for the answer (``api.SLOW_CALLS``)."""
        headers = {}
        if token is not None:
            headers["Authorization"] = f"Bearer {token}"
        if idempotency_key is not None:
            headers[api.IDEMPOTENCY_HEADER] = idempotency_key
        for attempt in (1, 2):
            try:
                response = self.http.request(
                    method,
                    path,
                    json=body,
                    headers=headers,
                    timeout=TIMEOUT
                    if read_timeout is None
                    else httpx.Timeout(read_timeout, connect=5.0),
                )
                break
            except httpx.TransportError as error:
                if attempt == 2:
                    raise RemoteUnavailableError(
                        f"the clinic server at {self.http.base_url} did not answer: {error}"
                    ) from error
        if response.status_code >= 400:
            raise _error_of(response)
        return response


def _error_of(response: httpx.Response) -> Exception:
    try:
        body = response.json()
    except ValueError:
        body = None
    error = api.rebuild_error(body)
    if error is not None:
        return error
    detail = body.get("error", {}) if isinstance(body, dict) else {}
    detail = detail if isinstance(detail, dict) else {}
    return RemoteServerError(
        str(detail.get("message") or f"the server answered {response.status_code}"),
        detail.get("incident"),
    )


def _to_wire(endpoint: api.Endpoint, name: str, value: object) -> object:
    """An argument as JSON, or invalid input naming it (as the in-process service would refuse
    it) when it cannot be sent: a Python object JSON has no form for, or nesting deeper than
    the serializer goes."""
    try:
        return endpoint.parameters[name].dump_python(value, mode="json", warnings=False)
    except (ValueError, TypeError, RecursionError) as error:  # PydanticSerializationError too
        raise InvalidInputError(name, f"not expressible as JSON: {error}"[:300]) from None


def _method(connection: _Connection, endpoint: api.Endpoint) -> Callable[..., Any]:
    def call(*args: Any, **kwargs: Any) -> Any:
        bound = endpoint.signature.bind(None, *args, **kwargs)
        values = dict(bound.arguments)
        values.pop("self", None)
        actor = values.pop("actor", None)
        body = {name: _to_wire(endpoint, name, value) for name, value in values.items()}
        key = str(uuid.uuid4()) if endpoint.kind is api.WRITE else None
        name = actor.username if isinstance(actor, Actor) else connection.current
        token = connection.token_for(actor)
        try:
            response = connection.send(
                "POST",
                endpoint.path,
                body=body,
                token=token,
                idempotency_key=key,
                read_timeout=api.SLOW_CALLS.get((endpoint.service, endpoint.method)),
            )
        except SessionExpiredError:
            connection.session_ended(name or "", token)
            raise
        return endpoint.load_result(response.content)

    call.__name__ = endpoint.method
    call.__doc__ = inspect.getdoc(endpoint.function)
    call.__signature__ = endpoint.signature.replace(  # type: ignore[attr-defined]
        parameters=[p for name, p in endpoint.signature.parameters.items() if name != "self"]
    )
    return call


def _server_only(service: str, method: str, reason: str) -> Callable[..., Any]:
    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise InvalidInputError("server", f"{service}.{method} runs on the server only: {reason}")

    refuse.__name__ = method
    return refuse


class RemoteService:
    """One service's methods, called on the server."""

    def __init__(self, connection: _Connection, name: str) -> None:
        self._name = name
        for endpoint in api.endpoints():
            if endpoint.service == name:
                setattr(self, endpoint.method, _method(connection, endpoint))
        for method, reason in api.EXCLUDED.get(name, {}).items():
            if not hasattr(type(self), method):  # e.g. RemoteAuth answers authenticate itself
                setattr(self, method, _server_only(name, method, reason))


class RemoteAuth(RemoteService):
    """The auth service plus logging in and out (a session token per user)."""

    def __init__(self, connection: _Connection) -> None:
        super().__init__(connection, "auth")
        self._connection = connection
        self._set_password_on_server = vars(self).pop("set_password")

    def set_password(self, actor: Actor, username: str, password: str) -> None:
        """As the service's; the server ends every session of the user (a stolen token must
        not outlive the old password), so a user changing their own password here - at a forced
        change right after login, say - is logged in again with it and keeps working."""
        self._set_password_on_server(actor, username, password)
        if actor.username == username and username in self._connection.tokens:
            self.authenticate(username, password)

    def authenticate(self, username: str, password: str) -> Actor:
        """Log in on the server; the token is kept for calls made as this user."""
        response = self._connection.send(
            "POST", api.LOGIN_PATH, body={"username": username, "password": password}
        )
        data = response.json()
        actor = Actor(data["actor"]["username"], Role(data["actor"]["role"]))
        earlier = self._connection.tokens.get(actor.username)
        self._connection.keep(actor.username, data["token"])
        if earlier is not None and earlier != data["token"]:
            self._end_in_background(earlier)  # e.g. unlocking: one session per user here
        return actor

    def logout(self, actor: Actor | None = None) -> None:
        """End the session of ``actor`` (by default the last user who logged in)."""
        token = self._connection.token_for(actor)
        name = actor.username if actor else self._connection.current
        self._connection.forget(name or "", token)
        self._connection.send("POST", api.LOGOUT_PATH, token=token)

    def release(self, actor: Actor) -> None:
        """Drop ``actor``'s token now and end its session on the server in the background
        (the screen locks, another user takes the desk): the caller never waits for the
        network, and nothing more is called or heard with that token."""
        token = self._connection.forget(actor.username)
        if token is not None:
            self._end_in_background(token)

    def _end_in_background(self, token: str) -> None:
        def end() -> None:
            # Unreachable or already ended: the session ends on the server anyway (idle).
            with contextlib.suppress(RemoteUnavailableError, AuthenticationError):
                self._connection.send("POST", api.LOGOUT_PATH, token=token)

        threading.Thread(target=end, name="clinic-logout", daemon=True).start()

    def has_users(self) -> bool:
        """True once the server's clinic has users (its health says so; no token needed)."""
        ready: bool = self._connection.send("GET", api.HEALTH_PATH).json()["ready"]
        return ready


class RemoteLetters(RemoteService):
    """The letter service; ``write_letters`` paints the PDFs at this desk."""

    def __init__(self, connection: _Connection) -> None:
        super().__init__(connection, "letters")

    def write_letters(
        self, actor: Actor, session_id: int, out_dir: str | Path, *, page_size: str = "A4"
    ) -> LetterFiles:
        """The letters of an iron session into ``out_dir`` on this computer, audited on the
        server: the data comes from ``letter_data`` (the same checks), the PDFs are painted
        here (``paint_letters``), and ``record_printed`` audits them (file names only)."""
        check_page_size(page_size)
        data: IronLetterData = self.letter_data(actor, session_id)  # type: ignore[attr-defined]
        letter, sheet = paint_letters(data, out_dir, page_size=page_size)
        self.record_printed(actor, session_id, [letter.name, sheet.name])  # type: ignore[attr-defined]
        return LetterFiles(letter, sheet, data)


class RemoteExports(RemoteService):
    """The export service; ``export`` writes the file at this desk."""

    def __init__(self, connection: _Connection, queries: RemoteService) -> None:
        super().__init__(connection, "exports")
        self._queries = queries

    def export(
        self,
        actor: Actor,
        request: ExportRequest,
        *,
        progress: ProgressCallback | None = None,
        cancelled: CancelCheck | None = None,
    ) -> int:
        """Export as ``ExportService.export`` does, with the file written here: the server
        checks and plans it (permission, format, dates, filters), the sessions come a week
        at a time (memory stays small however long the range), the file is written
        atomically (a cancel or a failure leaves none), and the server audits it."""
        plan: ExportPlan = self.plan(  # type: ignore[attr-defined]
            actor,
            request.date_from,
            request.date_to,
            request.fmt,
            therapy=request.therapy,
            chair=request.chair,
            status=request.status,
            page_size=request.page_size,
        )
        out_path = require_file_target("out", request.out_path)
        sessions = filter_sessions(
            self._weeks(actor, plan.first, plan.last),
            therapy=plan.therapy,
            chair=plan.chair,
            status=plan.status,
        )
        written = write_planned(plan, sessions, out_path, progress=progress, cancelled=cancelled)
        self.record_written(actor, plan, written, out_path.name)  # type: ignore[attr-defined]
        return written

    def _weeks(self, actor: Actor, first: date, last: date) -> Iterator[SessionView]:
        day = first
        while day <= last:
            end = min(day + timedelta(days=EXPORT_BATCH_DAYS - 1), last)
            yield from self._queries.sessions_between(actor, day, end)  # type: ignore[attr-defined]
            day = end + timedelta(days=1)


class RemoteServices:
    """The attributes of ``bootstrap.Services`` that the shells use, served by a clinic server."""

    created = False
    schema_upgrade = None
    database_file = None
    connection_type: type[_Connection] = _Connection

    def __init__(
        self,
        base_url: str,
        *,
        transport: httpx.BaseTransport | None = None,
        clock: Clock = system_clock,
    ) -> None:
        self._connection = self.connection_type(base_url, transport)
        self.change_listener: EventFollower | None = None
        self.ctx = RemoteContext(RuleBook.from_file(rules_file()).catalog, clock)
        self.auth = RemoteAuth(self._connection)
        self.letters = RemoteLetters(self._connection)
        self.queries = RemoteService(self._connection, "queries")
        self.exports = RemoteExports(self._connection, self.queries)
        for name in api.SERVICE_CLASSES:
            if name not in ("auth", "letters", "queries", "exports"):
                setattr(self, name, RemoteService(self._connection, name))

    @property
    def server_url(self) -> str:
        """The server's base URL (for messages)."""
        return str(self._connection.http.base_url)

    def start_change_listener(self) -> EventFollower:
        """Follow the server's change events into ``ctx.feed`` (a daemon thread; the stream
        opens once a user is logged in). Starting twice starts one follower."""
        if self.change_listener is None:
            connection = self._connection
            follower = EventFollower(
                str(connection.http.base_url),
                connection.desk_token,
                self.ctx.feed,
                transport=connection.transport,
                on_refused=connection.token_refused,
            )
            connection.on_tokens_changed(follower.token_changed)
            follower.start()
            self.change_listener = follower
        return self.change_listener

    def watch_session_end(self, watcher: Callable[[str], None]) -> Callable[[], None]:
        """Call ``watcher(username)`` when the server refuses that user's token (expired,
        revoked: deactivated, role changed, password reset). It runs on the thread whose call
        was refused (often a worker): a GUI watcher must hop to its own thread. Returns the
        function that stops watching."""
        return self._connection.watch_session_end(watcher)

    def close(self) -> None:
        """Stop following events, log every user out and close the connection."""
        if self.change_listener is not None:
            self.change_listener.stop()
            self.change_listener = None
        for username in list(self._connection.tokens):
            # Unreachable or already ended: the session ends on the server anyway (idle expiry).
            with contextlib.suppress(RemoteUnavailableError, AuthenticationError):
                self.auth.logout(Actor(username, Role.FRONT_DESK))
        self._connection.http.close()
