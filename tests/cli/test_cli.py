"""The headless CLI as the acceptance interface: JSON shapes, exit codes, nothing written."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from clinic_app.bootstrap import Services, open_services
from clinic_app.cli import main
from clinic_app.services.clock import fixed_clock
from tests.conftest import NOW, login_name

PASSWORD = "correct horse battery"
# The test users by short name. On PostgreSQL each is a cluster-wide login role, so the real
# names carry this run's tag (dropped with the test database).
USERS = {short: login_name(short) for short in ("ada", "fred", "nina", "mia")}


def run(services: Services, *argv: str, user: str | None = "nina") -> tuple[int, str, str]:
    """Run the CLI in-process as ``user``, a short name of USERS (all share PASSWORD)."""
    out, err = io.StringIO(), io.StringIO()
    args = ["--user", USERS.get(user, user), *argv] if user else list(argv)
    old = {k: os.environ.get(k) for k in ("CLINIC_APP_PASSWORD", "CLINIC_APP_NEW_PASSWORD")}
    os.environ["CLINIC_APP_PASSWORD"] = PASSWORD
    os.environ["CLINIC_APP_NEW_PASSWORD"] = PASSWORD
    try:
        code = main(args, out=out, err=err, services=services)
    finally:
        for key, value in old.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    return code, out.getvalue(), err.getvalue()


def make_clinic(services: Services) -> None:
    """init with a first admin, users for every role, two chairs, one patient."""
    code, out, err = run(
        services, "init", "--admin", USERS["ada"], "--timezone", "Europe/London", user=None
    )
    assert code == 0, err
    for name, role in (("fred", "front-desk"), ("nina", "nurse"), ("mia", "manager")):
        assert run(services, "user", "add", USERS[name], "--role", role, user="ada")[0] == 0
    for chair in ("Chair 1", "Chair 2"):
        assert run(services, "chair", "add", chair, user="ada")[0] == 0
    code, _, err = run(
        services,
        "patient",
        "add",
        "--mrn",
        "M001",
        "--name",
        "Alice Archer",
        "--dob",
        "1950-03-14",
        "--sex",
        "F",
        user="fred",
    )
    assert code == 0, err


@pytest.fixture
def cli_clinic(db_url: str) -> Services:
    services = open_services(db_url, clock=fixed_clock(NOW))
    make_clinic(services)
    return services


def session_count(services: Services, day: str = "2026-11-24") -> int:
    code, out, _ = run(services, "day", day, "--json")
    assert code == 0
    return len(json.loads(out)["sessions"])


def test_book_json_shape(cli_clinic: Services) -> None:
    code, out, err = run(
        cli_clinic,
        "book",
        "--mrn",
        "M001",
        "--therapy",
        "zoledronic-acid",
        "--start",
        "2026-11-24T09:00",
        "--chair",
        "Chair 1",
        "--json",
    )
    assert code == 0, err
    data = json.loads(out)
    assert data["ok"] is True
    assert isinstance(data["id"], int)
    assert (data["chair"], data["start"], data["end"], data["therapy"]) == (
        "Chair 1",
        "2026-11-24T09:00",
        "2026-11-24T10:00",
        "zoledronic-acid",
    )
    assert isinstance(data["findings"], list)
    assert isinstance(data["labs"], list)


def test_day_json_shape_includes_cancelled(cli_clinic: Services) -> None:
    code, out, _ = run(
        cli_clinic,
        "book",
        "--mrn",
        "M001",
        "--therapy",
        "denosumab",
        "--start",
        "2026-11-24T09:00",
        "--json",
    )
    sid = json.loads(out)["id"]
    assert run(cli_clinic, "cancel", str(sid), "--reason", "unwell")[0] == 0
    code, out, _ = run(cli_clinic, "day", "2026-11-24", "--json")
    data = json.loads(out)
    assert data["date"] == "2026-11-24"
    (session,) = data["sessions"]
    assert set(session) >= {
        "id",
        "mrn",
        "patient",
        "chair",
        "therapy",
        "start",
        "end",
        "status",
        "findings",
    }
    assert session["status"] == "cancelled"
    assert "labs" in data


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("--start", "2026-13-01T09:00", "--therapy", "denosumab", "--mrn", "M001"), "start"),
        (("--start", "2026-11-24T09:00", "--therapy", "unobtainium", "--mrn", "M001"), "therapy"),
        (("--start", "2026-11-24T09:00", "--therapy", "denosumab", "--mrn", "NOBODY"), "mrn"),
    ],
)
def test_invalid_input_exit_2_nothing_written(
    cli_clinic: Services, args: tuple[str, ...], words: str
) -> None:
    code, out, err = run(cli_clinic, "book", *args)
    assert code == 2
    assert err.startswith("invalid input: " + words)
    assert "Traceback" not in err
    assert session_count(cli_clinic) == 0


def test_conflict_exit_4(cli_clinic: Services) -> None:
    assert (
        run(
            cli_clinic,
            "book",
            "--mrn",
            "M001",
            "--therapy",
            "denosumab",
            "--start",
            "2026-11-24T09:00",
            "--chair",
            "Chair 1",
        )[0]
        == 0
    )
    run(cli_clinic, "patient", "add", "--mrn", "M002", "--name", "Bob", "--dob", "1940-01-01")
    code, out, err = run(
        cli_clinic,
        "book",
        "--mrn",
        "M002",
        "--therapy",
        "denosumab",
        "--start",
        "2026-11-24T09:00",
        "--chair",
        "Chair 1",
        "--json",
    )
    assert code == 4
    assert json.loads(out)["conflict"] == "chair"
    assert "Chair 1 is taken" in err


def test_slots_lists_free_times(cli_clinic: Services) -> None:
    code, out, _ = run(
        cli_clinic,
        "slots",
        "--mrn",
        "M001",
        "--therapy",
        "ibandronate",
        "--after",
        "2026-11-24",
        "--count",
        "3",
        "--json",
    )
    assert code == 0
    slots = json.loads(out)["slots"]
    assert [s["start"] for s in slots] == [
        "2026-11-24T08:00",
        "2026-11-24T08:15",
        "2026-11-24T08:30",
    ]


def test_export_csv(cli_clinic: Services, tmp_path: Path) -> None:
    run(
        cli_clinic, "book", "--mrn", "M001", "--therapy", "denosumab", "--start", "2026-11-24T09:00"
    )
    target = tmp_path / "out.csv"
    code, out, _ = run(
        cli_clinic,
        "export",
        "--from",
        "2026-11-23",
        "--to",
        "2026-11-30",
        "--format",
        "csv",
        "--out",
        str(target),
        user="mia",
    )
    assert code == 0
    lines = target.read_text().splitlines()
    assert lines[0].startswith("session_id,date,start,end,chair,mrn")
    assert len(lines) == 2


def test_a_postgres_url_is_only_for_the_owners_and_the_servers_commands() -> None:
    """Revision 0011: no user is a PostgreSQL login; desks and the CLI go through --server."""
    out, err = io.StringIO(), io.StringIO()
    url = "postgresql+psycopg://fred@127.0.0.1:1/clinic"
    code = main(["--db", url, "--user", "fred", "day", "2026-11-24"], out=out, err=err)
    assert code == 2
    assert "'day' on PostgreSQL goes through the clinic server: use --server URL" in err.getvalue()
    # The window too: it opens nothing (no login dialog) and says where to go.
    out, err = io.StringIO(), io.StringIO()
    assert main(["--db", url], out=out, err=err) == 2
    assert "the window on PostgreSQL goes through the clinic server" in err.getvalue()


def test_unusable_database_url_exit_2(tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    code = main(["--db", "oracle://x/y", "--user", "x", "day", "2026-11-24"], out=out, err=err)
    assert code == 2
    assert "not supported" in err.getvalue()


def _cli_process(url: str, *argv: str) -> subprocess.Popen[str]:
    """A desk's CLI process: on SQLite on the file, else through the clinic server at ``url``."""
    where = "CLINIC_APP_SERVER" if url.startswith("http") else "CLINIC_APP_DB"
    env = dict(os.environ, CLINIC_APP_PASSWORD=PASSWORD)
    env.pop("CLINIC_APP_DB" if where == "CLINIC_APP_SERVER" else "CLINIC_APP_SERVER", None)
    env[where] = url
    return subprocess.Popen(
        [sys.executable, "-m", "clinic_app", "--user", USERS["fred"], *argv],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.slow
def test_two_processes_race_for_one_chair(db_url: str, tmp_path: Path) -> None:
    """Two desks book the same chair and time at once: exactly one wins, the other exit 4.

    On PostgreSQL the desks go through one clinic server (connected as the app role): a desk
    is never given a PostgreSQL URL (revision 0011)."""
    from tests.server.conftest import start_server, stop_server

    services = open_services(db_url)
    make_clinic(services)
    for mrn in ("R1", "R2"):
        assert (
            run(services, "patient", "add", "--mrn", mrn, "--name", mrn, "--dob", "1950-01-01")[0]
            == 0
        )
    services.engine.dispose()
    server = (
        start_server(db_url, tmp_path / "server.log") if db_url.startswith("postgres") else None
    )
    try:
        _race(db_url if server is None else server.url, db_url)
    finally:
        if server is not None:
            stop_server(server)


def _race(target: str, db_url: str) -> None:
    start = "2031-03-04T10:00"  # a Tuesday, in the future for real clocks
    procs = [
        _cli_process(
            target,
            "book",
            "--mrn",
            mrn,
            "--therapy",
            "zoledronic-acid",
            "--start",
            start,
            "--chair",
            "Chair 1",
        )
        for mrn in ("R1", "R2")
    ]
    results = [
        (p.wait(timeout=120), p.stdout.read(), p.stderr.read())  # type: ignore[union-attr]
        for p in procs
    ]
    codes = sorted(code for code, _, _ in results)
    assert codes == [0, 4], results
    loser = next(err for code, _, err in results if code == 4)
    assert "conflict" in loser
    services = open_services(db_url)
    code, out, _ = run(services, "day", "2031-03-04", "--json")
    assert [s["mrn"] for s in json.loads(out)["sessions"]] in (["R1"], ["R2"])
    services.engine.dispose()


def test_commands_need_a_user(cli_clinic: Services) -> None:
    code, _, err = run(cli_clinic, "day", "2026-11-24", user=None)
    assert code == 2
    assert "--user" in err


def test_wrong_password_is_refused(cli_clinic: Services) -> None:
    out, err = io.StringIO(), io.StringIO()
    os.environ["CLINIC_APP_PASSWORD"] = "not the password"
    try:
        code = main(
            ["--user", USERS["nina"], "day", "2026-11-24"], out=out, err=err, services=cli_clinic
        )
    finally:
        os.environ.pop("CLINIC_APP_PASSWORD")
    assert code == 5
    assert "unknown user or wrong password" in err.getvalue()


def test_manager_may_not_book(cli_clinic: Services) -> None:
    code, _, err = run(
        cli_clinic,
        "book",
        "--mrn",
        "M001",
        "--therapy",
        "denosumab",
        "--start",
        "2026-11-24T09:00",
        user="mia",
    )
    assert code == 5
    assert "may not" in err
    assert session_count(cli_clinic) == 0


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "ics"])
def test_export_formats_and_the_export_is_audited(
    cli_clinic: Services, tmp_path: Path, fmt: str
) -> None:
    run(
        cli_clinic, "book", "--mrn", "M001", "--therapy", "denosumab", "--start", "2026-11-24T09:00"
    )
    target = tmp_path / f"out.{fmt}"
    code, out, err = run(
        cli_clinic,
        "export",
        "--from",
        "2026-11-23",
        "--to",
        "2026-11-30",
        "--format",
        fmt,
        "--out",
        str(target),
        user="mia",
    )
    assert code == 0, err
    assert target.stat().st_size > 0
    exports = [
        e
        for e in cli_clinic.audit.entries(cli_clinic.auth.authenticate(USERS["ada"], PASSWORD))
        if e.action == "export"
    ]
    assert exports[0].actor == USERS["mia"]
    assert exports[0].after["format"] == fmt and exports[0].after["rows"] == 1


def test_nurse_may_not_export(cli_clinic: Services, tmp_path: Path) -> None:
    code, _, err = run(
        cli_clinic,
        "export",
        "--from",
        "2026-11-23",
        "--to",
        "2026-11-30",
        "--out",
        str(tmp_path / "x.csv"),
    )
    assert code == 5
    assert not (tmp_path / "x.csv").exists()


def test_front_desk_override_is_not_permitted_exit_5_and_audited(cli_clinic: Services) -> None:
    """The role may not override (5), whatever the rules would say (3 is for the rules)."""
    admin = cli_clinic.auth.authenticate(USERS["ada"], PASSWORD)
    denied_before = [e for e in cli_clinic.audit.entries(admin) if e.action == "denied"]
    code, out, err = run(
        cli_clinic,
        "book",
        "--mrn",
        "M001",
        "--therapy",
        "denosumab",
        "--start",
        "2026-11-24T09:00",
        "--override",
        "I think it is fine",
        user="fred",
    )
    assert (code, out) == (5, "")
    assert err == (
        "not permitted: a user with the role 'front-desk' may not record a clinical override\n"
    )
    assert session_count(cli_clinic) == 0
    denied = [e for e in cli_clinic.audit.entries(admin) if e.action == "denied"]
    assert len(denied) == len(denied_before) + 1
    assert denied[-1].actor == USERS["fred"] and denied[-1].after["permission"] == "OVERRIDE"
