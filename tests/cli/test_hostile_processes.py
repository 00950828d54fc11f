"""Hostile input to a real ``clinic-app`` process (argv bytes, the log file, exit statuses),
and the safety net that turns a bug into one line and exit 70."""

from __future__ import annotations

import io
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from clinic_app import cli
from clinic_app.log_setup import configure_logging
from tests.cli.hostile import Seeded, dump, files_under, run_cli, seed
from tests.cli.test_cli import PASSWORD, USERS

BUG = (
    "import sys\n"
    "import clinic_app.cli as cli\n"
    "def handler(*_):\n"
    "    raise RuntimeError('a bug, quoting nothing')\n"
    "cli.cmd_day = handler\n"
    "raise SystemExit(cli.main(sys.argv[1:]))\n"
)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Seeded]:
    built = seed(tmp_path_factory.mktemp("processes"))
    yield built
    built.services.engine.dispose()


def clinic_app(
    seeded: Seeded, home: Path, *argv: str | bytes, code: str | None = None
) -> subprocess.CompletedProcess[bytes]:
    """Run ``clinic-app ARGV`` (or the Python ``code`` with ARGV) as a separate process."""
    env = dict(
        os.environ,
        CLINIC_APP_DB=str(seeded.services.engine.url),
        CLINIC_APP_PASSWORD=PASSWORD,
        HOME=str(home),
        XDG_STATE_HOME=str(home / "state"),
        XDG_DATA_HOME=str(home / "data"),
    )
    command: list[str | bytes] = [sys.executable, *(["-c", code] if code else ["-m", "clinic_app"])]
    return subprocess.run([*command, *argv], env=env, capture_output=True, timeout=120, check=False)


def test_far_date_in_a_real_process(seeded: Seeded, tmp_path: Path) -> None:
    done = clinic_app(seeded, tmp_path, "--user", USERS["nina"], "day", "9999-12-31")
    assert done.returncode == 2
    assert done.stdout == b""
    assert done.stderr == (
        b"invalid input: date: 9999-12-31 is outside the clinic's calendar "
        b"(1900-01-01 to 2199-12-31)\n"
    )


def test_invalid_utf8_bytes_in_argv_are_refused_naming_the_argument(
    seeded: Seeded, tmp_path: Path
) -> None:
    before = dump(seeded.services)
    done = clinic_app(
        seeded,
        tmp_path,
        "--user",
        USERS["fred"],
        "patient",
        "add",
        "--mrn",
        "M77",
        "--name",
        b"Al\xffce",
        "--dob",
        "1950-01-01",
    )
    assert (done.returncode, done.stdout) == (2, b"")
    assert done.stderr == b"invalid input: --name: is not valid UTF-8 text\n"
    assert dump(seeded.services) == before


def test_a_usage_error_exits_2(seeded: Seeded, tmp_path: Path) -> None:
    done = clinic_app(seeded, tmp_path, "--user", USERS["nina"], "status", "1", "asleep")
    assert done.returncode == 2
    assert b"invalid choice: 'asleep'" in done.stderr
    assert b"Traceback" not in done.stderr


def test_a_bug_is_one_line_exit_70_and_its_traceback_is_in_the_log(
    seeded: Seeded, tmp_path: Path
) -> None:
    done = clinic_app(seeded, tmp_path, "--user", USERS["nina"], "day", "2026-11-24", code=BUG)
    log_file = tmp_path / "state" / "clinic_app" / "log" / "clinic_app.log"
    assert done.returncode == 70
    assert done.stdout == b""
    assert done.stderr.decode() == (
        f"internal error (a bug): RuntimeError; details in {log_file}\n"
    )
    logged = log_file.read_text(encoding="utf-8")
    assert "Traceback" in logged and "RuntimeError: a bug, quoting nothing" in logged


@pytest.fixture
def log_to(tmp_path: Path) -> Iterator[Path]:
    """The root logger writes to a file in ``tmp_path`` for one test."""
    root = logging.getLogger()
    before = list(root.handlers)
    path = configure_logging(tmp_path / "log")
    yield path
    for handler in root.handlers[:]:
        if handler not in before:
            root.removeHandler(handler)
            handler.close()


def test_the_safety_net_in_process(
    seeded: Seeded, log_to: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def handler(*_: object) -> int:
        raise KeyError("not a user's mistake")

    monkeypatch.setattr(cli, "cmd_day", handler)
    before, files = dump(seeded.services), files_under(seeded.scratch)
    code, out, err = run_cli(seeded.services, ["day", "2026-11-24"], user="nina")
    assert (code, out) == (70, "")
    assert err == f"internal error (a bug): KeyError; details in {log_to}\n"
    assert "Traceback" in log_to.read_text(encoding="utf-8")
    assert dump(seeded.services) == before and files_under(seeded.scratch) == files


def test_without_a_log_file_the_bug_still_shows_no_traceback(
    seeded: Seeded, monkeypatch: pytest.MonkeyPatch
) -> None:
    def handler(*_: object) -> int:
        raise ZeroDivisionError

    monkeypatch.setattr(cli, "cmd_day", handler)
    root = logging.getLogger()
    monkeypatch.setattr(root, "handlers", [])
    err = io.StringIO()
    code = cli.main(
        ["day", "2026-11-24"],
        out=io.StringIO(),
        err=err,
        services=seeded.services,
        actor=seeded.actors["nina"],
    )
    assert code == 70
    assert err.getvalue() == (
        "internal error (a bug): ZeroDivisionError; no log file to hold the details\n"
    )


# --- the whole program in-process: --db and --user as given, the database opened for real ----


@pytest.fixture
def own_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Data and log folders in ``tmp_path``; the log handlers main() adds are removed after."""
    for name, sub in (("HOME", ""), ("XDG_STATE_HOME", "state"), ("XDG_DATA_HOME", "data")):
        monkeypatch.setenv(name, str(tmp_path / sub))
    monkeypatch.setenv("CLINIC_APP_PASSWORD", PASSWORD)
    monkeypatch.delenv("CLINIC_APP_DB", raising=False)
    root = logging.getLogger()
    before = list(root.handlers)
    yield tmp_path
    for handler in root.handlers[:]:
        if handler not in before:
            root.removeHandler(handler)
            handler.close()


def whole_program(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize(
    ("url", "code", "words"),
    [
        ("oracle://x/y", 2, "invalid input: database 'oracle' is not supported"),
        ("mysql://x/y", 2, "invalid input: database 'mysql' is not supported"),
        ("not a url", 2, "invalid input: database URL 'not a url' is not a URL"),
        ("://", 2, "is not a URL"),
        ("x" * 5000, 2, "is not a URL"),
        # A desk command never opens PostgreSQL itself: it goes through the clinic server.
        ("postgresql+psycopg://nobody@127.0.0.1:1/clinic", 2, "goes through the clinic server"),
    ],
)
def test_database_urls(own_home: Path, url: str, code: int, words: str) -> None:
    got, out, err = whole_program("--db", url, "--user", "nina", "day", "2026-11-24")
    assert (got, out) == (code, "")
    assert err.startswith("invalid input: " if code == 2 else "cannot use")
    assert words in err and "Traceback" not in err
    assert not (own_home / "data").exists()


def test_an_unreachable_postgresql_for_the_owner(own_home: Path) -> None:
    """The owner's migrate does connect; nothing answers there, so it cannot (1)."""
    url = "postgresql+psycopg://nobody@127.0.0.1:1/clinic"
    got, out, err = whole_program("--db", url, "migrate")
    assert (got, out) == (1, "")
    assert err.startswith("cannot use the database") and "Traceback" not in err
    assert not (own_home / "data").exists()


def test_a_file_that_is_not_a_database(own_home: Path) -> None:
    text = own_home / "notes.sqlite3"
    text.write_text("hello, not a database\n", encoding="utf-8")
    got, _, err = whole_program("--db", f"sqlite:///{text}", "--user", "nina", "day", "2026-11-24")
    assert got == 2 and "Traceback" not in err
    assert text.read_text(encoding="utf-8") == "hello, not a database\n"


def test_a_mistyped_sqlite_path_creates_nothing(own_home: Path) -> None:
    """A missing database is one that cannot be reached (1); only init creates one."""
    missing = own_home / "missing-folder" / "clinic.sqlite3"
    got, _, err = whole_program(
        "--db", f"sqlite:///{missing}", "--user", "nina", "day", "2026-11-24"
    )
    assert got == 1 and "Traceback" not in err
    assert "no clinic database at" in err
    assert not missing.parent.exists()


@pytest.mark.parametrize(
    ("user", "words"),
    [
        ("", "invalid input: user: every command except init needs --user NAME"),
        ("   ", "invalid input: user: every command except init needs --user NAME"),
        ("nobody", "not permitted: unknown user or wrong password"),
        ("NINA", "not permitted: unknown user or wrong password"),
        ("nina\x00", "not permitted: unknown user or wrong password"),
        ("n" * 100_000, "not permitted: unknown user or wrong password"),
    ],
)
def test_odd_user_names(seeded: Seeded, user: str, words: str) -> None:
    before = dump(seeded.services)
    code, out, err = run_cli(seeded.services, ["--user", user, "day", "2026-11-24"])
    assert code == (2 if words.startswith("invalid") else 5)
    assert out == "" and err == words + "\n"
    assert dump(seeded.services) == before


@pytest.mark.postgres
def test_a_user_command_on_a_postgresql_url_is_sent_to_the_server(
    pg_url: str, own_home: Path
) -> None:
    """Revision 0011: no user is a PostgreSQL login; a user's command given the database's URL
    is a usage error (2) naming --server, before anything connects."""
    got, out, err = whole_program(
        "--db", pg_url, "--user", "nobody.hostile.x9", "day", "2026-11-24"
    )
    assert (got, out) == (2, ""), err
    assert err.startswith("invalid input: --db: 'day' on PostgreSQL goes through the clinic")


def test_ctrl_c_is_interrupted_exit_130(seeded: Seeded, monkeypatch: pytest.MonkeyPatch) -> None:
    def handler(*_: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "cmd_day", handler)
    code, out, err = run_cli(seeded.services, ["day", "2026-11-24"], actor=seeded.actors["nina"])
    assert (code, out, err) == (130, "", "interrupted\n")
