"""A real clinic server process per test, and the service interface through either adapter.

``served`` prepares the test clinic (as ``tests.conftest.clinic`` does, plus the four test
users with passwords), then starts ``tests.server.run_server`` on a free loopback port and
waits for its health route. ``any_services`` is parametrized over the in-process services and
the remote adapter logged in as the four test users: a test written against it runs on both.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from clinic_app.bootstrap import Services, open_services
from clinic_app.client import RemoteServices
from clinic_app.services.clock import fixed_clock
from tests.conftest import ADMIN, DESK, MANAGER, NOW, NURSE, app_role_url

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "correct horse battery staple"
USERS = (DESK, NURSE, MANAGER)


@dataclass
class Server:
    """A running server process and its base URL."""

    url: str
    process: subprocess.Popen[bytes]
    log: Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def seed(url: str) -> None:
    """The test clinic of ``tests.conftest.clinic`` and its users, with passwords."""
    services = open_services(url, clock=fixed_clock(NOW))
    try:
        admin = services.auth.create_first_admin(ADMIN.username, PASSWORD)
        services.setup.init_clinic(admin, name="Test clinic", timezone="Europe/London")
        for actor in USERS:
            services.auth.add_user(admin, actor.username, actor.role, PASSWORD)
        for name in ("Chair 1", "Chair 2", "Chair 3"):
            services.setup.add_chair(admin, name)
        for mrn, name, dob, sex in (
            ("M001", "Alice Archer", "1950-03-14", "F"),
            ("M002", "Bob Baker", "1948-07-01", "M"),
            ("M003", "Carol Cooper", "1962-11-30", "F"),
            ("M004", "Dan Dawson", "1971-01-05", "M"),
        ):
            services.setup.add_patient(DESK, mrn=mrn, name=name, date_of_birth=dob, sex=sex)
    finally:
        services.close()


def start_server(url: str, log: Path) -> Server:
    """The server process on ``url``; on PostgreSQL connected as the database's app role
    (revision 0011), as ``clinic-app serve`` must be, never as the owner."""
    url = app_role_url(url)
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "tests.server.run_server", url, str(port), NOW.isoformat()],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited: {log.read_text(errors='replace')[-2000:]}")
        try:
            if httpx.get(f"{base}/api/v1/health", timeout=2).status_code == 200:
                return Server(base, process, log)
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    process.kill()
    raise RuntimeError("server did not answer within 60 s")


def stop_server(server: Server) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()


@pytest.fixture
def served(db_url: str, tmp_path: Path) -> Iterator[Server]:
    """A server process on a fresh test clinic (SQLite file or PostgreSQL database)."""
    seed(db_url)
    server = start_server(db_url, tmp_path / "server.log")
    try:
        yield server
    finally:
        stop_server(server)


def logged_in(url: str, *, transport: httpx.BaseTransport | None = None) -> RemoteServices:
    """The remote adapter with the four test users logged in."""
    remote = RemoteServices(url, transport=transport, clock=fixed_clock(NOW))
    for actor in (ADMIN, *USERS):
        remote.auth.authenticate(actor.username, PASSWORD)
    return remote


@pytest.fixture(params=["in-process", "remote"])
def any_services(request: pytest.FixtureRequest, db_url: str, tmp_path: Path) -> Iterator[Services]:
    """The test clinic's services: in-process, or the remote adapter on a server process."""
    seed(db_url)
    if request.param == "in-process":
        services = open_services(db_url, clock=fixed_clock(NOW), create=False)
        yield services
        services.close()
        return
    server = start_server(db_url, tmp_path / "server.log")
    try:
        remote = logged_in(server.url)
        try:
            yield remote  # type: ignore[misc]  # the same interface, reached over HTTP
        finally:
            remote.close()
    finally:
        stop_server(server)
