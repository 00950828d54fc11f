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
from hypothesis import HealthCheck, given, settings
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

EXAMPLES = int(os.environ.get("CLINIC_APP_FUZZ_EXAMPLES", "120"))

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


COMMANDS = dict(_leaf_commands(build_parser()))

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


def value_strategy(action: argparse.Action, scratch: str) -> st.SearchStrategy[str]:
    """Values for one argument, chosen by its name, type and choices."""
    dest = action.dest
    if action.choices is not None:
        choices = [str(c) for c in action.choices]
        return st.one_of(st.sampled_from(choices), st.sampled_from(choices), hostile_text)
    if action.type is int:
        return numbers
    if dest in ("path", "out"):
        return file_names.map(lambda name: f"{scratch}/{name}")
    by_name: dict[str, st.SearchStrategy[str]] = {
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
            st.sampled_from(["booked", "arrived", "in-chair", "completed", "no-show"]),
            hostile_text,
        ),
    }
    return by_name.get(dest, hostile_text)


@st.composite
def command_lines(
    draw: st.DrawFn, path: tuple[str, ...], actions: list[argparse.Action], scratch: str
) -> list[str]:
    """One argument list for the command at ``path``."""
    argv = list(path)
    options: list[str] = []
    for action in actions:
        if not action.option_strings:
            argv.append(draw(value_strategy(action, scratch)))
            continue
        if not (action.required or draw(st.booleans())):
            continue
        option = max(action.option_strings, key=len)
        if action.nargs == 0:
            options.append(option)
            continue
        value = draw(value_strategy(action, scratch))
        if draw(st.booleans()):
            options.append(f"{option}={value}")
        else:
            options += [option, value]
    return argv + options


# --- the property -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Seeded]:
    built = seed(tmp_path_factory.mktemp("fuzz"))
    yield built
    built.services.engine.dispose()


@pytest.mark.slow
@pytest.mark.parametrize("path", sorted(COMMANDS), ids=" ".join)
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data())
def test_every_command_answers_within_the_contract(
    seeded: Seeded, path: tuple[str, ...], data: st.DataObject
) -> None:
    argv = data.draw(command_lines(path, COMMANDS[path], str(seeded.scratch)), label="argv")
    default = DEFAULT_USER.get(path, "nina")
    user = data.draw(st.sampled_from([default] * 4 + ["ada", "fred", "nina", "mia"]), label="user")
    before, files = dump(seeded.services), files_under(seeded.scratch)
    code, out, err = run_cli(seeded.services, argv, actor=seeded.actors[user])
    assert_clean_answer(code, out, err)
    if code != 0 or path in READ_ONLY:
        assert dump(seeded.services) == before, (argv, code, err[-500:])
    if code != 0:
        assert files_under(seeded.scratch) == files, (argv, code, err[-500:])
