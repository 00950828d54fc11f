"""A property-based fuzz of every CLI command's arguments (hypothesis).

The argument lists are generated from the parser itself: each command's options and
positionals, with values drawn from strategies that mix realistic values (codes, MRNs, dates
near the clinic's today) with hostile ones (far dates, huge numbers, control characters, NUL,
megabyte strings, deep JSON, paths that are folders or lead nowhere). Every run must answer
with a code of the contract (0, 2, 3, 4 or 5: never 1 on a reachable database, never 70),
print no traceback, and, unless it succeeded, change no table but the audit trail and write
no file. Commands that only read must change nothing even when they succeed.

One SQLite clinic is seeded for the module; the commands run in-process as an already
logged-in user (logging in is tested elsewhere and would cost an argon2 hash per example).
CLINIC_APP_FUZZ_EXAMPLES sets the examples per test (default 100, about two minutes in all on
an idle machine; 600 passed once, in half an hour on a busy one).
"""

from __future__ import annotations

import argparse
import json
import os
import tomllib
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from clinic_app.cli import build_parser
from clinic_app.domain.rule_parameters import RULE_IDS
from clinic_app.services.context import rules_file
from tests.cli.hostile import (
    Seeded,
    assert_clean_answer,
    dump,
    files_under,
    run_cli,
    seed,
)

EXAMPLES = int(os.environ.get("CLINIC_APP_FUZZ_EXAMPLES", "100"))

# --- the commands, from the parser -----------------------------------------------------------


def _leaf_commands(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], list[argparse.Action]]]:
    """Every runnable command (``("rules", "set")``...) with its own arguments."""
    own: list[argparse.Action] = []
    subcommands: dict[str, argparse.ArgumentParser] = {}
    for action in parser._actions:  # argparse keeps no public list of its arguments
        if isinstance(action, argparse._SubParsersAction):
            subcommands.update(action.choices)
        elif not isinstance(action, argparse._HelpAction):
            own.append(action)
    if not path:
        own = []  # --db and --user are fuzzed by their own cases, not per command
    if subcommands:
        for name, sub in subcommands.items():
            for sub_path, actions in _leaf_commands(sub, (*path, name)):
                yield sub_path, own + actions
    else:
        yield path, own


# ``serve`` runs a server until it is stopped: not a command that answers; its refusals are
# tested in tests/server/test_server_process.py.
COMMANDS = {path: args for path, args in _leaf_commands(build_parser()) if path != ("serve",)}

# Who runs each command by default (the role that may); other roles are drawn now and then.
DEFAULT_USER = {
    ("init",): "ada",
    ("demo",): "ada",
    ("user", "add"): "ada",
    ("rules", "list"): "mia",
    ("rules", "set"): "ada",
    ("rules", "reset"): "ada",
    ("backup",): "ada",
    ("restore",): "ada",
    ("chair", "add"): "ada",
    ("patient", "add"): "fred",
    ("exposure", "add"): "fred",
    ("export",): "mia",
}
# Commands that only read: even their successes must leave every table as it was.
READ_ONLY = {("init",), ("rules", "list"), ("check",), ("slots",), ("day",)}

# --- values -----------------------------------------------------------------------------------

_RAW_RULES = tomllib.loads(rules_file().read_text(encoding="utf-8"))
THERAPY_CODES = sorted(t["code"] for t in _RAW_RULES["catalog"]["therapy"])
ORAL = {t["code"] for t in _RAW_RULES["catalog"]["therapy"] if t.get("chair_minutes") is None}
RULE_KEYS = sorted(
    {key for table in _RAW_RULES["rules"].values() if isinstance(table, dict) for key in table}
)
CONTROL = [chr(c) for c in range(32)] + ["\x7f", "\u202e", "\u2066", "\u200b", "\ufeff", "\u0085"]
ODD = [
    "",
    " ",
    "\x00",
    "-",
    "--",
    "=1+1",
    "@SUM(A1)",
    "'; DROP TABLE patients; --",
    "NULL",
    "\n",
    "%s%n",
    "{}",
    "nan",
    "inf",
    "-1",
    "0",
    "1e309",
    "💉",
    "Ｍ００１",
]

hostile_text = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.sampled_from([*CONTROL, *"aZ0 -=+@'\"%;/\\"]), max_size=20),
    st.sampled_from(ODD),
    st.integers(300, 1_100_000).map(lambda n: "x" * n),
)


def _iso_minutes(moment: Any) -> str:
    return str(moment.isoformat(timespec="minutes"))


dates = st.one_of(
    st.dates(date(2026, 11, 1), date(2027, 12, 31)).map(date.isoformat),
    st.dates().map(date.isoformat),
    st.sampled_from(
        [
            "1900-01-01",
            "1899-12-31",
            "2199-12-31",
            "2200-01-01",
            "0001-01-01",
            "9999-12-31",
            "2027-02-29",
            "2026-13-01",
            "20261124",
            "2026-11-24T10:00",
            "２０２６-11-24",
        ]
    ),
    hostile_text,
)
near_times = st.builds(
    lambda day, hour, minute: f"{day.isoformat()}T{hour:02d}:{minute:02d}",
    st.dates(date(2026, 11, 23), date(2027, 6, 30)),
    st.integers(6, 19),
    st.sampled_from([0, 15, 30, 45]),
)
times = st.one_of(
    near_times,
    near_times,
    st.datetimes().map(_iso_minutes),
    st.datetimes(timezones=st.timezones()).map(_iso_minutes),
    st.sampled_from(
        [
            "2027-03-28T01:30",  # skipped by the clocks going forward in London
            "2026-10-25T01:30",  # repeated when they go back
            "9999-12-31T23:59",
            "0001-01-01T00:00",
            "2026-11-24T24:00",
            "2026-11-24",
        ]
    ),
    hostile_text,
)
numbers = st.one_of(
    st.integers(-3, 30).map(str),
    st.integers(-(10**30), 10**30).map(str),
    hostile_text,
)
intervals = st.one_of(
    st.builds(
        lambda count, unit: f"{count} {unit}",
        st.one_of(st.integers(-5, 40), st.integers(-(10**25), 10**25)),
        st.sampled_from(["day", "days", "weeks", "months", "year", "years", "hours", ""]),
    ),
    hostile_text,
)
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**15), 10**15)
    | st.floats()
    | st.sampled_from(["HARD", "BLOCK", "WARN", "INFO", "hb", "phosphate", "denosumab"])
    | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)
periods = st.dictionaries(
    st.sampled_from(["months", "weeks", "days", "years"]),
    st.one_of(st.integers(-2, 60), st.integers(0, 10**13)),
    min_size=1,
    max_size=3,
)
rule_changes = st.one_of(
    st.dictionaries(
        st.sampled_from(RULE_KEYS), st.one_of(json_values, periods), min_size=1, max_size=3
    ).map(json.dumps),
    json_values.map(json.dumps),
    st.integers(1, 3000).map(lambda depth: "[" * depth + "]" * depth),
    hostile_text,
)
rule_ids = st.one_of(st.sampled_from(RULE_IDS), hostile_text)
mrns = st.one_of(st.sampled_from(["M001", "M002", "M003"]), hostile_text)
chairs = st.one_of(st.sampled_from(["Chair 1", "Chair 2", "Chair 9"]), hostile_text)
codes = st.one_of(st.sampled_from(THERAPY_CODES), hostile_text)
file_names = st.one_of(
    st.text(
        alphabet=st.characters(blacklist_categories=["Cs"], blacklist_characters="/\x00"),
        max_size=30,
    ),
    st.sampled_from(
        ["", ".", "..", "a-file.txt", "a-file.txt/x.csv", "missing/x.csv", "x" * 300, "n\x00.csv"]
    ),
)


TEST_CODES = list(_RAW_RULES["rules"]["test_codes"])
SEVERITIES = ["HARD", "BLOCK", "WARN", "INFO"]
LONGEST = 36_525  # days in the longest period a setting may hold (a century)


def _sane_setting(value: object) -> st.SearchStrategy[object]:
    """Another valid-looking value of a rule setting's shape, extremes of the range included."""
    if isinstance(value, bool):
        return st.booleans()
    if isinstance(value, int):
        return st.one_of(st.integers(0, 3 * value + 10), st.sampled_from([0, 1, LONGEST]))
    if isinstance(value, str):
        pool = SEVERITIES if value in SEVERITIES else [*THERAPY_CODES, *TEST_CODES]
        return st.sampled_from(pool)
    if isinstance(value, list):
        element = value[0] if value else "calcium"
        if isinstance(element, str):
            return st.lists(st.sampled_from(TEST_CODES + THERAPY_CODES), max_size=5, unique=True)
        return st.lists(_sane_setting(element), max_size=5)
    if isinstance(value, dict) and set(value) <= {"months", "weeks", "days"}:
        return st.dictionaries(
            st.sampled_from(["months", "weeks", "days"]),
            st.one_of(st.integers(0, 30), st.sampled_from([1200, 5217, LONGEST])),
            min_size=1,
            max_size=3,
        )
    if isinstance(value, dict) and value:
        return st.dictionaries(
            st.sampled_from(sorted(value)),
            _sane_setting(next(iter(value.values()))),
            min_size=1,
            max_size=len(value),
        )
    return json_values


def sane_change(rule: str) -> st.SearchStrategy[str]:
    """A change to ``rule`` in its own shape: the keys it has, values like its defaults."""
    table = _RAW_RULES["rules"].get(rule)
    if not isinstance(table, dict):
        return rule_changes
    keys = sorted(k for k in table if k not in ("title", "source", "evidence"))
    return st.sampled_from(keys).flatmap(
        lambda key: _sane_setting(table[key]).map(lambda value: json.dumps({key: value}))
    )


plain_text = st.text(
    alphabet=st.characters(whitelist_categories=["Lu", "Ll", "Nd", "Zs"], max_codepoint=0x24F),
    min_size=1,
    max_size=24,
).filter(str.strip)
SANE: dict[str, st.SearchStrategy[str]] = {
    "date": st.dates(date(2026, 11, 20), date(2027, 3, 31)).map(date.isoformat),
    "dob": st.dates(date(1920, 1, 1), date(2020, 1, 1)).map(date.isoformat),
    "after": st.dates(date(2026, 11, 20), date(2027, 3, 31)).map(date.isoformat),
    "date_from": st.dates(date(2026, 11, 1), date(2026, 12, 31)).map(date.isoformat),
    "date_to": st.dates(date(2026, 12, 1), date(2027, 6, 30)).map(date.isoformat),
    "date_of_last_dose": st.dates(date(2024, 1, 1), date(2026, 11, 22)).map(date.isoformat),
    "start": near_times,
    "every": st.builds(
        lambda count, unit: f"{count} {unit}",
        st.integers(1, 14),
        st.sampled_from(["days", "weeks", "months", "year"]),
    ),
    "rule": st.sampled_from(RULE_IDS),
    "mrn": st.sampled_from(["M001", "M002", "M003", "M004", "M005"]),
    "new_mrn": st.uuids().map(lambda u: f"N{u.hex[:10]}"),
    "chair": st.sampled_from(["Chair 1", "Chair 2"]),
    "therapy": st.sampled_from([t for t in THERAPY_CODES if t not in ORAL]),
    "drug": st.sampled_from(THERAPY_CODES),
    "id": st.integers(1, 6).map(str),
    "count": st.integers(1, 4).map(str),
    "phone": st.sampled_from(["+44 20 7946 0000", "020 7946 0000"]),
    "name": st.from_regex(r"[a-z][a-z0-9.]{0,10}", fullmatch=True),
    "status": st.sampled_from(["booked", "arrived", "in-chair", "completed", "no-show"]),
}
HOSTILE: dict[str, st.SearchStrategy[str]] = {
    "date": dates,
    "dob": dates,
    "after": dates,
    "date_from": dates,
    "date_to": dates,
    "ongoing_since": dates,
    "start": times,
    "every": intervals,
    "change": rule_changes,
    "rule": rule_ids,
    "mrn": mrns,
    "chair": chairs,
    "therapy": codes,
    "drug": codes,
    "status": st.one_of(
        st.sampled_from(["booked", "arrived", "in-chair", "completed", "no-show"]), hostile_text
    ),
}


def value_strategy(
    action: argparse.Action, scratch: str, *, sane: bool, drawn: dict[str, str]
) -> st.SearchStrategy[str]:
    """Values for one argument, by its name, type and choices: realistic ones when ``sane``,
    else hostile ones. ``drawn`` holds the values drawn before it (a rule change follows its
    rule's shape)."""
    dest = "date_of_last_dose" if dest_is_last_dose(action) else action.dest
    if dest == "mrn" and drawn.get("command") == "patient add":
        dest = "new_mrn"
    if action.choices is not None:
        choices = st.sampled_from([str(c) for c in action.choices])
        return choices if sane else st.one_of(choices, hostile_text)
    if dest in ("path", "out"):
        names = st.from_regex(r"[a-z][a-z0-9-]{0,12}\.(csv|xlsx|pdf|ics|sqlite3)", fullmatch=True)
        return (names if sane else file_names).map(lambda name: f"{scratch}/{name}")
    if sane:
        if dest == "change":
            return sane_change(drawn.get("rule", "E3"))
        if dest in SANE:
            return SANE[dest]
        return numbers if action.type is int else plain_text
    if action.type is int:
        return numbers
    return HOSTILE.get(dest, hostile_text)


def dest_is_last_dose(action: argparse.Action) -> bool:
    """``exposure add --date`` and ``--ongoing-since``: dates in the past."""
    return action.dest in ("ongoing_since",) or "--date" in action.option_strings


def _needed(dest: str, drawn: dict[str, str], sane: bool) -> bool:
    """A realistic series always says how far apart its doses are."""
    return sane and dest == "every" and drawn.get("count", "1") != "1"


def _out_of_place(dest: str, drawn: dict[str, str]) -> bool:
    """A realistic booking gives a regimen for zoledronic acid only."""
    return dest == "regimen" and drawn.get("therapy") != "zoledronic-acid"


@st.composite
def command_lines(
    draw: st.DrawFn, path: tuple[str, ...], actions: list[argparse.Action], scratch: str
) -> list[str]:
    """One argument list for the command at ``path``.

    A third of the lists are all realistic, a third realistic but for one hostile argument,
    and a third hostile throughout; otherwise almost no list would get past the first check
    and the deeper layers would never see a strange value.
    """
    mode = draw(st.sampled_from(["sane", "one", "any"]), label="mode")
    hostile_at = draw(st.integers(0, max(len(actions) - 1, 0)), label="hostile argument")
    argv = list(path)
    options: list[str] = []
    drawn: dict[str, str] = {"command": " ".join(path)}
    for index, action in enumerate(actions):
        sane = mode == "sane" or (mode == "one" and index != hostile_at)
        if mode == "any":
            sane = draw(st.booleans())
        if action.option_strings and not (
            action.required or _needed(action.dest, drawn, sane) or draw(st.booleans())
        ):
            continue
        if sane and _out_of_place(action.dest, drawn):
            continue
        if action.nargs == 0:
            options.append(max(action.option_strings, key=len))
            continue
        value = draw(value_strategy(action, scratch, sane=sane, drawn=drawn))
        drawn[action.dest] = value
        if not action.option_strings:
            argv.append(value)
        elif draw(st.booleans()):
            options.append(f"{max(action.option_strings, key=len)}={value}")
        else:
            options += [max(action.option_strings, key=len), value]
    return argv + options


# --- the property -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Seeded]:
    built = seed(tmp_path_factory.mktemp("fuzz"))
    yield built
    built.services.engine.dispose()


def run_and_check(seeded: Seeded, data: st.DataObject, path: tuple[str, ...]) -> None:
    """Draw and run one command line for ``path``; check the contract."""
    argv = data.draw(command_lines(path, COMMANDS[path], str(seeded.scratch)), label="argv")
    default = DEFAULT_USER.get(path, "nina")
    user = data.draw(st.sampled_from([default] * 4 + ["ada", "fred", "nina", "mia"]), label="user")
    before, files = dump(seeded.services), files_under(seeded.scratch)
    code, out, err = run_cli(seeded.services, argv, actor=seeded.actors[user])
    event(f"exit {code}")  # pytest --hypothesis-show-statistics shows how far the runs got
    assert_clean_answer(code, out, err)
    if code != 0 or path in READ_ONLY:
        assert dump(seeded.services) == before, (argv, code, err[-500:])
    if code != 0:
        assert files_under(seeded.scratch) == files, (argv, code, err[-500:])


FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.mark.slow
@pytest.mark.parametrize("path", sorted(COMMANDS), ids=" ".join)
@FUZZ
@given(data=st.data())
def test_every_command_answers_within_the_contract(
    seeded: Seeded, path: tuple[str, ...], data: st.DataObject
) -> None:
    run_and_check(seeded, data, path)


@pytest.mark.slow
@FUZZ
@given(data=st.data())
def test_sequences_of_commands_answer_within_the_contract(
    seeded: Seeded, data: st.DataObject
) -> None:
    """Commands in any order: e.g. a rule changed to an extreme but valid setting, then
    bookings, slots and the daily list on what the earlier commands left behind."""
    for path in data.draw(st.lists(st.sampled_from(sorted(COMMANDS)), min_size=2, max_size=6)):
        run_and_check(seeded, data, path)
