"""The server process itself: every route needs a token (but login and health), idempotent
writes, the loopback/TLS refusal, and the CLI through ``--server``."""

from __future__ import annotations

import io
import json
import uuid
from pathlib import Path

import httpx
import pytest
from fastapi.routing import APIRoute

from clinic_app import cli
from clinic_app.bootstrap import open_services
from clinic_app.server.app import create_app
from clinic_app.services.clock import fixed_clock
from tests.conftest import DESK, NOW
from tests.server.conftest import PASSWORD, Server, logged_in

OPEN_ROUTES = {"/api/v1/login", "/api/v1/health"}
DOC_ROUTES = {"/openapi.json", "/docs", "/docs/oauth2-redirect", "/redoc"}


def _token(server: Server, username: str) -> str:
    answer = httpx.post(
        f"{server.url}/api/v1/login", json={"username": username, "password": PASSWORD}
    )
    assert answer.status_code == 200, answer.text
    token: str = answer.json()["token"]
    return token


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_every_route_but_login_and_health_needs_a_valid_token(served: Server, db_url: str) -> None:
    services = open_services(db_url, clock=fixed_clock(NOW), create=False)
    routes = [r for r in create_app(services).routes if isinstance(r, APIRoute)]
    services.close()
    checked = []
    for route in routes:
        if route.path in OPEN_ROUTES | DOC_ROUTES:
            continue
        (method,) = route.methods
        for headers in ({}, {"Authorization": "Bearer not-a-token"}, {"Authorization": "Basic x"}):
            answer = httpx.request(method, f"{served.url}{route.path}", json={}, headers=headers)
            assert answer.status_code == 401, (route.path, headers, answer.text)
            assert answer.json()["error"]["type"] in {"AuthenticationError", "SessionExpiredError"}
        checked.append(route.path)
    assert len(checked) > 50 and "/api/v1/logout" in checked
    assert httpx.get(f"{served.url}/api/v1/health").status_code == 200


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_the_same_key_twice_books_once_and_another_body_is_refused(served: Server) -> None:
    headers = {"Authorization": f"Bearer {_token(served, DESK.username)}"}
    key = str(uuid.uuid4())
    body = {"request": {"mrn": "M001", "therapy": "denosumab", "start": "2026-11-25T09:00"}}
    book = f"{served.url}/api/v1/booking/book"
    first = httpx.post(book, json=body, headers={**headers, "Idempotency-Key": key})
    again = httpx.post(book, json=body, headers={**headers, "Idempotency-Key": key})
    assert first.status_code == again.status_code == 200
    assert again.json() == first.json() and again.headers["Idempotent-Replayed"] == "true"
    day = httpx.post(
        f"{served.url}/api/v1/queries/day", json={"day": "2026-11-25"}, headers=headers
    )
    assert len(day.json()["sessions"]) == 1
    other = dict(body, request=dict(body["request"], start="2026-11-26T09:00"))
    refused = httpx.post(book, json=other, headers={**headers, "Idempotency-Key": key})
    assert refused.status_code == 422
    assert refused.json()["error"]["fields"]["field"] == "Idempotency-Key"
    # A refusal is an answer too: replayed, not run again.
    clash = {
        "request": {
            "mrn": "M002",
            "therapy": "denosumab",
            "start": "2026-11-25T09:00",
            "chair": first.json()["session"]["chair"],
        }
    }
    key2 = str(uuid.uuid4())
    one = httpx.post(book, json=clash, headers={**headers, "Idempotency-Key": key2})
    two = httpx.post(book, json=clash, headers={**headers, "Idempotency-Key": key2})
    assert one.status_code == two.status_code == 409 and one.json() == two.json()


class LoseFirstAnswer(httpx.HTTPTransport):
    """A real transport that delivers the first write, then drops its answer (a lost reply)."""

    def __init__(self) -> None:
        super().__init__()
        self.lost = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        if request.url.path.endswith("/booking/book") and self.lost == 0:
            response.read()
            self.lost += 1
            raise httpx.ReadError("connection reset after the server answered", request=request)
        return response


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_a_lost_answer_is_retried_with_its_key_and_books_once(served: Server) -> None:
    from clinic_app.services.booking import BookingRequest

    transport = LoseFirstAnswer()
    remote = logged_in(served.url, transport=transport)
    outcome = remote.booking.book(DESK, BookingRequest("M003", "denosumab", "2026-11-25T10:00"))
    assert transport.lost == 1 and outcome.session.id is not None
    sessions = remote.queries.day(DESK, "2026-11-25").sessions
    assert [s.mrn for s in sessions] == ["M003"]
    remote.close()


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_a_booking_reaches_the_event_stream(served: Server) -> None:
    headers = {"Authorization": f"Bearer {_token(served, DESK.username)}"}
    events = f"{served.url}/api/v1/events"
    with (
        httpx.Client(timeout=httpx.Timeout(10.0)) as client,
        client.stream("GET", events, headers=headers) as stream,
    ):
        assert stream.headers["content-type"].startswith("text/event-stream")
        lines = stream.iter_lines()
        assert next(lines) == ": connected"  # subscribed from here on
        body = {"request": {"mrn": "M002", "therapy": "denosumab", "start": "2026-11-26T09:00"}}
        booked = httpx.post(f"{served.url}/api/v1/booking/book", json=body, headers=headers)
        assert booked.status_code == 200
        event = next(line for line in lines if line.startswith("event:"))
        data = next(lines)
    assert event == "event: change"
    change = json.loads(data.removeprefix("data: "))
    assert "M002" in change["m"] and "2026-11-26" in change["d"] and "session" in change["k"]


def test_serve_refuses_a_network_bind_without_tls() -> None:
    err = io.StringIO()
    code = cli.main(["serve", "--db", "sqlite:///nowhere.sqlite3", "--host", "0.0.0.0"], err=err)
    assert code == cli.EXIT_INVALID
    assert "without TLS" in err.getvalue()


def test_serve_answers_bad_options_and_a_missing_database_with_the_cli_codes(
    tmp_path: Path,
) -> None:
    cert = tmp_path / "cert.pem"
    cert.write_text("not really a certificate")
    err = io.StringIO()
    half = cli.main(["serve", "--db", "sqlite:///x.sqlite3", "--tls-cert", str(cert)], err=err)
    assert half == cli.EXIT_INVALID and "go together" in err.getvalue()
    missing = tmp_path / "none.sqlite3"
    code = cli.main(["serve", "--db", f"sqlite:///{missing}"], err=err)
    assert code == cli.EXIT_DB and "cannot use the database" in err.getvalue()
    assert not missing.exists()


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_cli_books_and_lists_through_the_server(
    served: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLINIC_APP_PASSWORD", PASSWORD)
    out, err = io.StringIO(), io.StringIO()
    base = ["--server", served.url, "--user", DESK.username]
    code = cli.main(
        [*base, "book", "--mrn", "M004", "--therapy", "denosumab", "--start", "2026-11-25T11:00"],
        out=out,
        err=err,
    )
    assert code == cli.EXIT_OK, err.getvalue()
    assert "session 1" in out.getvalue() and "Dan Dawson" in out.getvalue()
    code = cli.main(
        [
            *base,
            "book",
            "--mrn",
            "M004",
            "--therapy",
            "nothing-such",
            "--start",
            "2026-11-25T13:00",
        ],
        out=out,
        err=err,
    )
    assert code == cli.EXIT_INVALID
    denied = cli.main(["--server", served.url, "--user", DESK.username, "backup", "x"], err=err)
    assert denied == cli.EXIT_INVALID and "runs on the server" in err.getvalue()
