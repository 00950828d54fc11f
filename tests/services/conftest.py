"""The contract suite: every service test runs on the in-process services and on the remote
adapter (issue 11: "one contract suite runs every service test against both adapters").

``services`` (and ``clinic`` on top of it) is parametrized by ``adapter``:

- ``in-process``: ``bootstrap.Services`` on the test database, as the one-PC app uses it;
- ``remote``: ``RemoteServices`` talking HTTP to the real FastAPI application
  (``clinic_app.server.app.create_app``) over the same database, through Starlette's in-process
  ASGI transport (no socket, no process start: the whole suite's remote half costs seconds,
  not a server start per test). Requests, responses, routing, idempotency keys, pydantic
  validation and the errors' wire format are the server's own.

On the remote side every ``Actor`` a test acts as is a real user with a real session token:
the first call as an actor the clinic does not know yet adds that user (administrator-made,
as ``user add`` does) and logs them in through ``POST /api/v1/login``.

A test that reaches below the service interface to *check* what a call did (``services.engine``
or ``services.ctx``: SQL, the ORM, the change feed, the clock) still runs remotely: the
``engine`` and ``ctx`` it reads are the server's (the same process, the same database), and the
calls under test travel over HTTP. A test that needs what only exists in-process (a method
``service_api.EXCLUDED`` keeps on the server, the server-only ``sessions``/``idempotency``
services, a transaction spanning several calls, a user table without the remote's users, a
fault injected into the service objects) carries ``@pytest.mark.in_process("why")`` and runs
in-process only.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from argon2 import PasswordHasher, Type
from starlette.testclient import TestClient

from clinic_app import service_api as api
from clinic_app.bootstrap import Services, open_services
from clinic_app.client.remote import RemoteServices, _Connection
from clinic_app.server.app import create_app
from clinic_app.services.actor import Actor
from clinic_app.services.clock import fixed_clock
from clinic_app.services.sessions import SessionExpiredError
from tests.conftest import ADMIN, DESK, MANAGER, NOW, NURSE, fresh_migrated

ADAPTERS = ("in-process", "remote")
PASSWORD = "contract suite password"
BASE_URL = "http://clinic.test"


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "adapter" not in metafunc.fixturenames:
        return
    marker = metafunc.definition.get_closest_marker("in_process")
    if marker is not None and not (marker.args or marker.kwargs.get("reason")):
        raise pytest.UsageError(f"{metafunc.definition.nodeid}: in_process needs a reason")
    adapters = ADAPTERS[:1] if marker is not None else ADAPTERS
    metafunc.parametrize("adapter", adapters)


class _ProvisioningConnection(_Connection):
    """The remote adapter's connection, adding and logging in each test actor on first use."""

    backstage: Services
    remote: RemoteServices

    def token_for(self, actor: Actor | None) -> str:
        if isinstance(actor, Actor) and actor.username not in self.tokens:
            sign_in(self.backstage, self.remote, actor)
        return super().token_for(actor)

    def send(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        """As a desk does when its session ran out (the tests move the clock by days): log in
        again and send once more."""
        try:
            return super().send(method, path, **kwargs)
        except SessionExpiredError:
            token = kwargs.get("token")
            user = next((name for name, t in self.tokens.items() if t == token), None)
            if user is None or path == api.LOGOUT_PATH:
                raise
            del self.tokens[user]
            with cheap_hashing(self.backstage):
                self.remote.auth.authenticate(user, PASSWORD)
            return super().send(method, path, **{**kwargs, "token": self.tokens[user]})


class ContractRemote(RemoteServices):
    """The remote adapter over a real server application, for the service tests.

    ``engine`` and ``ctx`` are the server's (read by tests that check the database after a
    remote call); every service attribute is the remote adapter's.
    """

    connection_type = _ProvisioningConnection

    def __init__(self, backstage: Services, client: TestClient) -> None:
        super().__init__(BASE_URL, transport=client._transport, clock=backstage.ctx.clock)
        assert isinstance(self._connection, _ProvisioningConnection)
        self._connection.backstage = backstage
        self._connection.remote = self
        self.backstage = backstage
        self.engine = backstage.engine
        self.rules = backstage.rules
        self.ctx = backstage.ctx  # type: ignore[assignment]


# The harness's own users get argon2id at the lowest cost while they are added and log in:
# 8 full-cost hashes per test (~90 ms each here) were most of the remote half's time. The
# services' hasher is swapped back at once, so every test's own users and logins pay full cost.
CHEAP = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1, type=Type.ID)


@contextlib.contextmanager
def cheap_hashing(backstage: Services) -> Iterator[None]:
    saved = backstage.auth._hasher, backstage.sessions._hasher
    backstage.auth._hasher = backstage.sessions._hasher = CHEAP
    try:
        yield
    finally:
        backstage.auth._hasher, backstage.sessions._hasher = saved


def sign_in(backstage: Services, remote: RemoteServices, actor: Actor) -> None:
    """Make ``actor`` a real user of the test clinic (if not yet) and log in over HTTP."""
    with cheap_hashing(backstage):
        known = {user.username for user in backstage.auth.users(ADMIN)}
        if actor.username not in known:
            backstage.auth.add_user(ADMIN, actor.username, actor.role, PASSWORD)
        remote.auth.authenticate(actor.username, PASSWORD)


def as_user(services: Services, *actors: Actor) -> None:
    """On the remote adapter, add and log in these actors now (before a test counts rows)."""
    if isinstance(services, ContractRemote):
        for actor in actors:
            if actor.username not in services._connection.tokens:
                sign_in(services.backstage, services, actor)


def log_in(services: Services, username: str, password: str) -> None:
    """On the remote adapter, log ``username`` in with its own password (a test's user whose
    password the harness does not know); in process there is nothing to do."""
    if isinstance(services, ContractRemote):
        services.auth.authenticate(username, password)


@pytest.fixture
def adapter() -> str:  # replaced by pytest_generate_tests' parametrization
    return "in-process"


@pytest.fixture
def services(db_url: str, adapter: str, request: pytest.FixtureRequest) -> Iterator[Services]:
    """Services on a fresh database at NOW with an empty clinic, through ``adapter``."""
    built = open_services(fresh_migrated(db_url, request), clock=fixed_clock(NOW))
    built.setup.init_clinic(ADMIN, name="Test clinic", timezone="Europe/London")
    if adapter == "in-process":
        yield built
        built.engine.dispose()
        return
    with TestClient(create_app(built), base_url=BASE_URL, raise_server_exceptions=False) as client:
        remote = ContractRemote(built, client)
        as_user(remote, ADMIN, DESK, NURSE, MANAGER)  # before the test watches feed or rows
        try:
            yield remote  # type: ignore[misc]  # the same interface, over HTTP
        finally:
            remote._connection.http.close()
    built.engine.dispose()
