"""Hostile input through the CLI, case by case: the contract's exit code, a message naming the
field, no traceback, and nothing written (tables apart from the audit trail, and files).

The database is seeded once for the module; every case here is refused, so none changes it.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from clinic_app.cli import main
from tests.cli.hostile import Seeded, assert_clean_answer, dump, files_under, run_cli, seed

FAR = "9999-12-31"


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Seeded]:
    built = seed(tmp_path_factory.mktemp("hostile"))
    yield built
    built.services.engine.dispose()


def refused(seeded: Seeded, user: str, argv: list[str], code: int, words: str) -> tuple[str, str]:
    """Run ``argv`` as ``user`` (a real login) and check the refusal; returns (out, err).

    ``{sid}`` in an argument stands for the seeded session's id.
    """
    argv = [a.replace("{sid}", str(seeded.session_id)) for a in argv]
    before, files = dump(seeded.services), files_under(seeded.scratch)
    got, out, err = run_cli(seeded.services, argv, user=user)
    assert_clean_answer(got, out, err)
    assert got == code, (got, out, err)
    assert words in err, err
    assert dump(seeded.services) == before
    assert files_under(seeded.scratch) == files
    return out, err


BOOK = ["book", "--mrn", "M001", "--therapy", "denosumab"]


@pytest.mark.parametrize(
    ("user", "argv", "words"),
    [
        ("nina", ["day", FAR], "date: 9999-12-31 is outside the clinic's calendar"),
        ("nina", ["day", "0001-01-01"], "date: 0001-01-01 is outside the clinic's calendar"),
        ("nina", ["day", "1899-12-31"], "date: 1899-12-31 is outside"),
        ("nina", ["day", "2200-01-01", "--json"], "date: 2200-01-01 is outside"),
        (
            "nina",
            ["slots", "--mrn", "M001", "--therapy", "denosumab", "--after", FAR],
            "after: 9999-12-31 is outside",
        ),
        ("nina", [*BOOK, "--start", f"{FAR}T10:00"], "start: 9999-12-31 is outside"),
        ("nina", [*BOOK, "--start", "0001-01-01T10:00"], "start: 0001-01-01 is outside"),
        ("nina", [*BOOK, "--start", "9999-12-31T23:59+14:00"], "start: 9999-12-31 is outside"),
        ("nina", ["check", *BOOK[1:], "--start", f"{FAR}T10:00"], "start: 9999-12-31"),
        ("nina", ["move", "{sid}", "--start", f"{FAR}T10:00"], "start: 9999-12-31 is outside"),
        (
            "mia",
            ["export", "--from", "0001-01-01", "--to", FAR, "--out", "x.csv"],
            "from: 0001-01-01 is outside",
        ),
        (
            "fred",
            ["patient", "add", "--mrn", "M9", "--name", "X", "--dob", "0001-01-01"],
            "dob: 0001-01-01 is outside",
        ),
        (
            "fred",
            ["exposure", "add", "--mrn", "M001", "--drug", "denosumab", "--date", "0001-01-01"],
            "date: 0001-01-01 is outside",
        ),
    ],
)
def test_dates_outside_the_clinics_calendar(
    seeded: Seeded, user: str, argv: list[str], words: str
) -> None:
    refused(seeded, user, argv, 2, f"invalid input: {words}")


def test_the_calendars_last_day_is_usable(seeded: Seeded) -> None:
    code, out, err = run_cli(seeded.services, ["day", "2199-12-31"], user="nina")
    assert (code, err) == (0, "")
    assert "2199-12-31" in out


HUGE_ID = "99999999999999999999"


@pytest.mark.parametrize(
    ("user", "argv"),
    [
        ("nina", ["cancel", HUGE_ID]),
        ("nina", ["cancel", str(2**63)]),
        ("nina", ["cancel", str(2**31)]),
        ("nina", ["cancel", "-1"]),
        ("nina", ["cancel", "0"]),
        ("nina", ["status", HUGE_ID, "arrived"]),
        ("nina", ["move", HUGE_ID, "--start", "2026-11-25T09:00"]),
        ("nina", ["move", "-" + HUGE_ID, "--start", "2026-11-25T09:00"]),
    ],
)
def test_ids_beyond_the_databases_integers(seeded: Seeded, user: str, argv: list[str]) -> None:
    refused(seeded, user, argv, 2, "invalid input: session: no session with id")


SERIES = [*BOOK[:4], "ibandronate", "--start", "2026-11-26T10:00", "--count", "2", "--every"]


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        ([*SERIES, "100000 years"], "every: the interval between doses is longer than a century"),
        ([*SERIES, "36526 days"], "every: the interval between doses is longer than a century"),
        ([*SERIES, "1201 months"], "every: the interval between doses is longer than a century"),
        (
            [*SERIES, "99999999999999999999 days"],
            "every: the interval between doses is longer than a century",
        ),
        ([*SERIES, "0 days"], "every: the interval between doses must be a positive number"),
        ([*SERIES, "² days"], "every: '² days' is not like '3 months'"),
        ([*SERIES, "-3 days"], "every: '-3 days' is not like"),
        ([*SERIES, "3 fortnights"], "every: '3 fortnights' is not like"),
        ([*SERIES, ""], "every: a series needs an interval"),
        (
            [*SERIES[:6], "2199-06-03T10:00", "--count", "3", "--every", "1 year"],
            "every: dose 2 of 3: 2200-06-03 is outside the clinic's calendar",
        ),
    ],
)
def test_series_intervals_out_of_range(seeded: Seeded, argv: list[str], words: str) -> None:
    refused(seeded, "nina", argv, 2, f"invalid input: {words}")


@pytest.mark.parametrize(
    ("rule", "change", "words"),
    [
        ("E3", '{"window": {"weeks": 1000000000000}}', "rule: rules.E3: 'window' must be"),
        ("E3", '{"window": {"weeks": 5218, "months": 1}}', "rule: rules.E3: 'window' must be"),
        ("D6", '{"max_doses": 1000000000000}', "rule: rules.D6: 'max_doses' must be"),
        ("E3", "[" * 60_000 + "]" * 60_000, "change: is longer than 10000 characters"),
        ("E3", "[" * 1_000 + "]" * 1_000, "change: nests deeper than 8 levels"),
        ("E3", '{"a":' * 9 + "1" + "}" * 9, "change: nests deeper than 8 levels"),
        ("E3", '{"window": {"weeks": ' + "9" * 5000 + "}}", "change: not usable JSON"),
        ("E3", '{"window": {"weeks": 1e400}}', "rule: rules.E3: 'window' must be"),
        ("E3", '{"window": {"weeks": NaN}}', "rule: rules.E3: 'window' must be"),
        ("E3", '{"window": {"weeks": 16}', "change: not JSON"),
        ("E3", "", "change: not JSON"),
        ("E3", "[]", "change: must be a JSON object"),
        ("E3", '"16 weeks"', "change: must be a JSON object"),
        ("E3", "{}", "change: give the keys to change"),
        ("E3", '{"window": "[[[[[[[[[[[[[[[[["}', "rule: rules.E3: 'window' must be"),
        ("Z9", '{"severity": "WARN"}', "rule: rules.Z9: no such rule to override"),
        ("", '{"severity": "WARN"}', "rule: give a rule id, e.g. E3"),
        (" ", '{"severity": "WARN"}', "rule: give a rule id, e.g. E3"),
    ],
)
def test_rule_settings_out_of_range(seeded: Seeded, rule: str, change: str, words: str) -> None:
    refused(seeded, "ada", ["rules", "set", rule, change], 2, f"invalid input: {words}")


BAD = "Al\udcffce"  # the byte 0xFF as Python decodes it from argv (a surrogate escape)


@pytest.mark.parametrize(
    ("user", "argv", "name"),
    [
        ("fred", ["patient", "add", "--mrn", "M9", "--name", BAD, "--dob", "1950-01-01"], "--name"),
        ("fred", ["patient", "add", "--mrn", BAD, "--name", "X", "--dob", "1950-01-01"], "--mrn"),
        ("nina", ["day", BAD], "date"),
        ("nina", ["cancel", "{sid}", "--reason", BAD], "--reason"),
        ("nina", [*BOOK, "--start", "2026-11-25T09:00", "--override", BAD], "--override"),
        ("ada", ["chair", "add", BAD], "name"),
        ("ada", ["user", "add", BAD, "--role", "nurse"], "name"),
        ("ada", ["rules", "set", "E3", '{"window": "' + BAD + '"}'], "change"),
        ("mia", ["export", "--from", "2026-11-23", "--to", "2026-11-30", "--out", BAD], "--out"),
        ("nina", ["--db", BAD, "day", "2026-11-24"], "--db"),
        (BAD, ["day", "2026-11-24"], "--user"),
    ],
)
def test_invalid_utf8_in_an_argument_is_named(
    seeded: Seeded, user: str, argv: list[str], name: str
) -> None:
    refused(seeded, user, argv, 2, f"invalid input: {name}: is not valid UTF-8 text")


@pytest.mark.parametrize("env", ["CLINIC_APP_USER", "CLINIC_APP_PASSWORD"])
def test_invalid_utf8_in_a_setting_is_named(
    seeded: Seeded, env: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = dump(seeded.services)
    monkeypatch.setenv(env, BAD)
    out, err = io.StringIO(), io.StringIO()
    code = main(["day", "2026-11-24"], out=out, err=err, services=seeded.services)
    assert (code, err.getvalue()) == (2, f"invalid input: {env}: is not valid UTF-8 text\n")
    assert dump(seeded.services) == before


def test_usage_errors_and_help_print_to_the_runs_streams(seeded: Seeded) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert main(["status", "1", "asleep"], out=out, err=err, services=seeded.services) == 2
    assert "argument status: invalid choice: 'asleep'" in err.getvalue()
    out, err = io.StringIO(), io.StringIO()
    assert main(["day", "--help"], out=out, err=err, services=seeded.services) == 0
    assert out.getvalue().startswith("usage: clinic-app day")


EXPORT = ["export", "--from", "2026-11-23", "--to", "2026-11-30", "--out"]


@pytest.mark.parametrize(
    ("out", "words"),
    [
        ("{scratch}", "out: {scratch} is a folder; give a file name in it"),
        ("{scratch}/missing/x.csv", "out: the folder {scratch}/missing does not exist"),
        ("{scratch}/a-file.txt/x.csv", "out: {scratch}/a-file.txt is not a folder"),
        ("/proc/x.csv", "out: /proc/x.csv cannot be written"),
        ("/dev/null", "out: /dev/null is not a regular file"),
        ("", "out: give the file's name"),
        ("   ", "out: give the file's name"),
        ("{scratch}/x\x00.csv", "out: a file name cannot hold a NUL character"),
        (
            "{scratch}/" + "x" * 300 + ".csv",
            "out: {scratch}/" + "x" * 300 + ".csv cannot be used: File name too long",
        ),
    ],
)
def test_export_to_a_place_that_cannot_take_the_file(seeded: Seeded, out: str, words: str) -> None:
    scratch = str(seeded.scratch)
    out, words = out.replace("{scratch}", scratch), words.replace("{scratch}", scratch)
    refused(seeded, "mia", [*EXPORT, out], 2, f"invalid input: {words}")


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into a read-only folder")
def test_export_into_a_read_only_folder(seeded: Seeded, tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        refused(seeded, "mia", [*EXPORT, str(locked / "x.csv")], 2, "cannot be written")
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o755)


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["backup", "{scratch}"], "path: {scratch} is a folder; give a file name in it"),
        (
            ["backup", "{scratch}/missing/b.sqlite3"],
            "path: the folder {scratch}/missing does not exist",
        ),
        (
            ["backup", "{scratch}/a-file.txt/b.sqlite3"],
            "path: {scratch}/a-file.txt is not a folder",
        ),
        (["backup", "{db}"], "path: {db} is the live database itself"),
        (["backup", "{db}-wal"], "path: {db}-wal is the live database itself"),
        (["backup", "/dev/null"], "path: /dev/null is not a regular file"),
        (["backup", ""], "path: give the file's name"),
        (["backup", "{scratch}/b\x00.sqlite3"], "path: a file name cannot hold a NUL"),
        (
            ["restore", "{scratch}/a-file.txt"],
            "{scratch}/a-file.txt cannot be restored: file is not a database",
        ),
        (["restore", "{scratch}/missing.sqlite3"], "path: {scratch}/missing.sqlite3 is not an"),
        (["restore", "{scratch}"], "path: {scratch} is not an existing file"),
        (["restore", "{scratch}/b\x00.sqlite3"], "path: a file name cannot hold a NUL"),
        (["restore", ""], "path: give the file's name"),
    ],
)
def test_backup_and_restore_paths(seeded: Seeded, argv: list[str], words: str) -> None:
    db = str(seeded.services.engine.url.database)
    argv = [a.replace("{scratch}", str(seeded.scratch)).replace("{db}", db) for a in argv]
    words = words.replace("{scratch}", str(seeded.scratch)).replace("{db}", db)
    refused(seeded, "ada", argv, 2, f"invalid input: {words}")


def test_restore_reads_the_file_named_even_with_uri_characters(
    seeded: Seeded, tmp_path: Path
) -> None:
    """'#' or '?' in a file name must not make SQLite open another file (a URI fragment)."""
    good = tmp_path / "copy.sqlite3"
    assert run_cli(seeded.services, ["backup", str(good)], user="ada")[0] == 0
    junk = tmp_path / "copy.sqlite3#not-a-backup"
    junk.write_bytes(b"not a database at all" * 100)
    refused(seeded, "ada", ["restore", str(junk)], 2, "file is not a database")


MB = "x" * 1_000_000
SLOTS = ["slots", "--mrn", "M001", "--therapy", "denosumab", "--after", "2026-11-24"]
PATIENT = ["patient", "add", "--dob", "1950-01-01"]
EXPOSURE = ["exposure", "add", "--mrn", "M001", "--drug", "denosumab", "--date", "2026-10-01"]
EXPORT_WEEK = EXPORT[:-1]


@pytest.mark.parametrize(
    ("user", "argv", "words"),
    [
        # empty
        ("nina", ["day", ""], "invalid input: date: '' is not a date"),
        ("nina", [*BOOK, "--start", ""], "invalid input: start: '' is not a date and time"),
        ("nina", ["book", "--mrn", "", *BOOK[3:], "--start", "2026-11-25T09:00"], "mrn:"),
        ("ada", ["chair", "add", ""], "invalid input: name: must not be empty"),
        ("ada", ["user", "add", "", "--role", "nurse"], "invalid input: username:"),
        ("ada", ["rules", "reset", ""], "invalid input: rule:"),
        ("fred", [*PATIENT, "--mrn", "M9", "--name", ""], "invalid input: name: must not be"),
        # a megabyte
        ("fred", [*PATIENT, "--mrn", "M9", "--name", MB], "invalid input: name: is longer than"),
        ("fred", [*PATIENT, "--mrn", MB, "--name", "X"], "invalid input: mrn: is longer than 40"),
        ("fred", [*PATIENT, "--mrn", "M9", "--name", "X", "--notes", MB], "notes: is longer"),
        ("fred", [*PATIENT, "--mrn", "M9", "--name", "X", "--phone", MB], "phone:"),
        ("ada", ["chair", "add", MB], "invalid input: name: is longer than"),
        ("nina", ["cancel", "{sid}", "--reason", MB], "invalid input: reason: is longer than"),
        ("nina", [*BOOK, "--start", "2026-11-25T09:00", "--override", MB], "override: is longer"),
        ("fred", [*EXPOSURE, "--where", MB], "invalid input: where"),
        ("ada", ["rules", "set", "E3", MB], "invalid input: change: is longer than"),
        ("nina", ["day", MB], "invalid input: date:"),
        ("mia", [*EXPORT_WEEK, "--therapy", MB, "--out", "x.csv"], "invalid input: therapy:"),
        # NUL and control characters
        ("fred", [*PATIENT, "--mrn", "M9", "--name", "A\x00B"], "name: contains a control"),
        ("fred", [*PATIENT, "--mrn", "M\x009", "--name", "X"], "invalid input: mrn:"),
        ("ada", ["chair", "add", "C\x00"], "invalid input: name: contains a control"),
        ("nina", ["day", "2026-11-24\x00"], "invalid input: date:"),
        ("nina", ["cancel", "{sid}", "--reason", "\x1b[2J"], "reason: contains a control"),
        # negative, zero and huge numbers
        ("nina", [*SLOTS, "--count", "0"], "invalid input: count: must be between 1 and 200"),
        ("nina", [*SLOTS, "--count", "-5"], "invalid input: count: must be between 1 and 200"),
        ("nina", [*SLOTS, "--count", str(10**30)], "invalid input: count: must be between"),
        ("nina", ["move", "0", "--start", "2026-11-25T09:00"], "session: no session with id"),
        # unknown codes
        ("nina", [*BOOK[:3], "--therapy", "unobtainium", "--start", "2026-11-25T09:00"], "therapy"),
        ("nina", [*BOOK[:3], "--therapy", "alendronate", "--start", "2026-11-25T09:00"], "therapy"),
        (
            "fred",
            [*EXPOSURE[:4], "--drug", "aspirin", "--date", "2026-10-01"],
            "invalid input: drug",
        ),
        ("mia", [*EXPORT_WEEK, "--therapy", "aspirin", "--out", "x.csv"], "invalid input: therapy"),
        ("mia", [*EXPORT_WEEK, "--status", "asleep", "--out", "x.csv"], "invalid input: status"),
        ("nina", [*BOOK, "--start", "2026-11-25T09:00", "--chair", "Chair 9"], "chair: no chair"),
        ("nina", [*BOOK[:2], "M404", *BOOK[3:], "--start", "2026-11-25T09:00"], "mrn: no patient"),
        ("ada", ["rules", "reset", "Z9"], "invalid input: rule: Z9 has no clinic change"),
        ("nina", [*BOOK, "--start", "2026-11-25T09:00", "--regimen", "prevention"], "regimen:"),
        # wrong types and shapes
        ("nina", ["cancel", "abc"], "argument id: invalid int value: 'abc'"),
        ("nina", ["move", "1.5", "--start", "2026-11-25T09:00"], "invalid int value: '1.5'"),
        ("nina", [*SLOTS, "--count", "many"], "argument --count: invalid int value: 'many'"),
        ("nina", ["status", "{sid}", "asleep"], "argument status: invalid choice: 'asleep'"),
        ("ada", ["user", "add", "zed", "--role", "wizard"], "argument --role: invalid choice"),
        ("mia", [*EXPORT_WEEK, "--format", "doc", "--out", "x.doc"], "--format: invalid choice"),
        ("nina", [*BOOK, "--start", "2026-11-25 09:00:00.123456+25:00"], "invalid input: start:"),
        ("nina", [*BOOK, "--start", "tomorrow"], "invalid input: start: 'tomorrow' is not a date"),
        ("fred", [*PATIENT[:2], "--dob", "1950-02-30", "--mrn", "M9", "--name", "X"], "dob:"),
        # a local time the clocks skip
        ("nina", [*BOOK, "--start", "2027-03-28T01:30"], "does not exist in Europe/London"),
        # init on a clinic that has users
        ("ada", ["init", "--admin", "zed"], "invalid input: admin: this clinic already has users"),
    ],
)
def test_own_hostile_cases(seeded: Seeded, user: str, argv: list[str], words: str) -> None:
    refused(seeded, user, argv, 2, words)


@pytest.mark.parametrize(
    ("user", "argv", "words"),
    [
        ("ada", ["init", "--timezone=--"], "timezone"),
        ("nina", ["day", "--chair=--", "2026-11-24"], ""),
        ("mia", ["export", "--from=--", "--to", "2026-11-30", "--out", "x.csv"], "from"),
    ],
)
def test_an_option_whose_value_is_two_dashes(
    seeded: Seeded, user: str, argv: list[str], words: str
) -> None:
    """argparse reads ``--timezone=--`` as an empty list (Python 3.11): it must reach the
    command as the text ``--`` and be refused or used like any other value, never exit 70."""
    code, out, err = run_cli(seeded.services, argv, user=user)
    assert_clean_answer(code, out, err)
    assert words in err
