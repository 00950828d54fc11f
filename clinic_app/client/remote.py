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
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

from clinic_app import service_api as api
from clinic_app.client.errors import RemoteUnavailableError
from clinic_app.domain.catalog import Catalog
from clinic_app.domain.errors import InvalidInputError
from clinic_app.services.actor import Actor, Role
from clinic_app.services.auth import AuthenticationError
from clinic_app.services.clock import Clock, system_clock
from clinic_app.services.context import rules_file
from clinic_app.services.rulebook import RuleBook

TIMEOUT = httpx.Timeout(30.0, connect=5.0)


class RemoteServerError(RuntimeError):
    """The server failed with an internal error (a bug on the server; see its log)."""

    def __init__(self, message: str, incident: str | None) -> None:
        super().__init__(message)
        self.incident = incident


@dataclass
class RemoteContext:
    """What the shells read from ``Services.ctx``: the shipped catalog and a clock."""

    catalog: Catalog
    clock: Clock = field(default=system_clock)


class _Connection:
    """The HTTP client, the session tokens by user, and the request/answer handling."""

    def __init__(self, base_url: str, transport: httpx.BaseTransport | None) -> None:
        self.http = httpx.Client(
            base_url=base_url.rstrip("/"), timeout=TIMEOUT, transport=transport
        )
        self.tokens: dict[str, str] = {}
        self.current: str | None = None

    def token_for(self, actor: Actor | None) -> str:
        name = actor.username if isinstance(actor, Actor) else self.current
        token = self.tokens.get(name or "")
        if token is None:
            raise AuthenticationError(f"{name or 'nobody'} is not logged in to the clinic server")
        return token

    def send(
        self,
        method: str,
        path: str,
        *,
        body: object = None,
        token: str | None = None,
        idempotency_key: str | None = None,
    ) -> httpx.Response:
        """One request; sent once more (same key) when the connection fails."""
        headers = {}
        if token is not None:
            headers["Authorization"] = f"Bearer {token}"
        if idempotency_key is not None:
            headers[api.IDEMPOTENCY_HEADER] = idempotency_key
        for attempt in (1, 2):
            try:
                response = self.http.request(method, path, json=body, headers=headers)
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


def _method(connection: _Connection, endpoint: api.Endpoint) -> Callable[..., Any]:
    def call(*args: Any, **kwargs: Any) -> Any:
        bound = endpoint.signature.bind(None, *args, **kwargs)
        values = dict(bound.arguments)
        values.pop("self", None)
        actor = values.pop("actor", None)
        body = {
            name: endpoint.parameters[name].dump_python(value, mode="json", warnings=False)
            for name, value in values.items()
        }
        key = str(uuid.uuid4()) if endpoint.kind is api.WRITE else None
        response = connection.send(
            "POST", endpoint.path, body=body, token=connection.token_for(actor), idempotency_key=key
        )
        result = endpoint.result.validate_json(response.content)
        return iter(result) if endpoint.returns_iterator else result

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
            if not hasattr(type(self), method):  # RemoteAuth answers authenticate itself
                setattr(self, method, _server_only(name, method, reason))


class RemoteAuth(RemoteService):
    """The auth service plus logging in and out (a session token per user)."""

    def __init__(self, connection: _Connection) -> None:
        super().__init__(connection, "auth")
        self._connection = connection

    def authenticate(self, username: str, password: str) -> Actor:
        """Log in on the server; the token is kept for calls made as this user."""
        response = self._connection.send(
            "POST", api.LOGIN_PATH, body={"username": username, "password": password}
        )
        data = response.json()
        actor = Actor(data["actor"]["username"], Role(data["actor"]["role"]))
        self._connection.tokens[actor.username] = data["token"]
        self._connection.current = actor.username
        return actor

    def logout(self, actor: Actor | None = None) -> None:
        """End the session of ``actor`` (by default the last user who logged in)."""
        token = self._connection.token_for(actor)
        self._connection.send("POST", api.LOGOUT_PATH, token=token)
        name = actor.username if actor else self._connection.current
        self._connection.tokens.pop(name or "", None)

    def has_users(self) -> bool:
        """True once the server's clinic has users (its health says so; no token needed)."""
        ready: bool = self._connection.send("GET", api.HEALTH_PATH).json()["ready"]
        return ready


class RemoteServices:
    """The attributes of ``bootstrap.Services`` that the shells use, served by a clinic server."""

    created = False
    schema_upgrade = None
    database_file = None

    def __init__(
        self,
        base_url: str,
        *,
        transport: httpx.BaseTransport | None = None,
        clock: Clock = system_clock,
    ) -> None:
        self._connection = _Connection(base_url, transport)
        self.ctx = RemoteContext(RuleBook.from_file(rules_file()).catalog, clock)
        self.auth = RemoteAuth(self._connection)
        for name in api.SERVICE_CLASSES:
            if name != "auth":
                setattr(self, name, RemoteService(self._connection, name))

    @property
    def server_url(self) -> str:
        """The server's base URL (for messages)."""
        return str(self._connection.http.base_url)

    def close(self) -> None:
        """Log every user out and close the connection."""
        for username in list(self._connection.tokens):
            # Unreachable or already ended: the session ends on the server anyway (idle expiry).
            with contextlib.suppress(RemoteUnavailableError, AuthenticationError):
                self.auth.logout(Actor(username, Role.FRONT_DESK))
        self._connection.http.close()
