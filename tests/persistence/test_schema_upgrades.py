"""A database made by each earlier release upgrades on start with every row intact.

The fixtures in tests/fixtures/schema_revisions/ were made by the old code of each revision
(see the README there and tools/make_revision_fixtures.py). Each test opens a copy with
today's app, which upgrades it to the newest schema, and compares every table row by row.

Every revision that was ever the newest of a landed release has a fixture, the newest
revision included: whoever adds a migration adds the fixture its own code makes, or this
fails. The only exceptions are the revisions in ``NEVER_RELEASED``, which landed on main
together with a later one, so no database in the field is at them.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from clinic_app.bootstrap import open_services
from clinic_app.persistence.migrate import head_revision, known_revisions
from clinic_app.services.actor import Actor, Role

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "schema_revisions"
REVISIONS = sorted(known_revisions())
FIXTURE_PASSWORD = "fixture password 1"

# Revisions no release ever had as its newest, with the later revision they landed with (the
# README of the fixtures lists the same). Only a revision that landed in the same merge as a
# later one belongs here; the newest revision never does.
NEVER_RELEASED = {
    "0005": "landed with 0007 (bounded interval search, with lab results and prescribers)",
    "0006": "landed with 0007 (lab results, with prescribers)",
    "0011": "landed with 0014 (the clinic server's role, with nurses and the waitlist)",
    "0012": "landed with 0014 (nurses and shifts, with the waitlist)",
    "0013": "landed with 0014 (forced password change, with the waitlist)",
}
RELEASED = [r for r in REVISIONS if r not in NEVER_RELEASED]

Rows = dict[str, list[tuple[object, ...]]]


def fixture(revision: str) -> Path:
    return FIXTURES / f"clinic-{revision}.sqlite3"


def all_rows(path: Path, columns: dict[str, list[str]]) -> Rows:
    """Every row of these tables, of these columns only (what an older file had), sorted."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {
            table: sorted(
                connection.execute(
                    f'SELECT {", ".join(f"{c!r}" for c in names)} FROM "{table}"'
                ).fetchall(),
                key=repr,
            )
            for table, names in columns.items()
        }
    finally:
        connection.close()


def column_names(path: Path) -> dict[str, list[str]]:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [
            name
            for (name,) in connection.execute(
                # SQLite's own tables (sqlite_sequence, sqlite_stat1 that ANALYZE rewrites)
                # hold no clinic data.
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name != 'alembic_version' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
            )
        ]
        return {
            t: [row[1] for row in connection.execute(f'PRAGMA table_info("{t}")')] for t in tables
        }
    finally:
        connection.close()


def revision_of(path: Path) -> str:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        (revision,) = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    finally:
        connection.close()
    return str(revision)


def test_there_is_a_fixture_for_every_released_revision() -> None:
    made = sorted(p.name for p in FIXTURES.glob("clinic-*.sqlite3"))
    assert made == [fixture(r).name for r in RELEASED], "one fixture per released revision"
    for revision in RELEASED:
        assert revision_of(fixture(revision)) == revision


def test_the_newest_revision_has_a_fixture() -> None:
    """A new migration fails this until the fixture its own code makes is added
    (tools/make_revision_fixtures.py, README in the fixture folder)."""
    assert head_revision() == REVISIONS[-1]
    assert head_revision() not in NEVER_RELEASED
    assert revision_of(fixture(head_revision())) == head_revision()


def test_only_revisions_that_landed_with_a_later_released_one_lack_a_fixture() -> None:
    for revision, reason in NEVER_RELEASED.items():
        assert revision in REVISIONS, f"{revision} is not a revision"
        assert not fixture(revision).exists(), f"{revision} has a fixture: it was released"
        landed_with = re.fullmatch(r"landed with (\d{4})\b.*", reason)
        assert landed_with, f"{revision}: say which revision it landed with, not {reason!r}"
        later = landed_with.group(1)
        assert later > revision and later in RELEASED, (revision, later)


@pytest.mark.parametrize("revision", RELEASED)
def test_every_table_of_the_fixture_holds_rows(revision: str) -> None:
    rows = all_rows(fixture(revision), column_names(fixture(revision)))
    assert rows and all(rows.values()), {t: len(r) for t, r in rows.items()}


@pytest.mark.parametrize("revision", RELEASED)
def test_a_database_of_each_revision_upgrades_with_every_row_intact(
    revision: str, tmp_path: Path
) -> None:
    path = tmp_path / "clinic.sqlite3"
    shutil.copyfile(fixture(revision), path)
    old_columns = column_names(path)
    before = all_rows(path, old_columns)

    services = open_services(f"sqlite:///{path}", create=False)
    try:
        assert revision_of(path) == head_revision()
        assert all_rows(path, old_columns) == before
        upgraded = services.schema_upgrade
        if revision == head_revision():
            assert upgraded is None
        else:
            assert upgraded is not None
            assert (upgraded.from_revision, upgraded.to_revision) == (revision, head_revision())
        assert not services.created
        # Today's app reads what the old version wrote: the day of the zoledronic acid dose.
        reader = Actor("reader", Role.MANAGER)
        day = services.queries.day(reader, date(2026, 11, 26))
        assert [(s.mrn, s.therapy) for s in day.sessions] == [("F003", "zoledronic-acid")]
        if "users" in old_columns:  # and its users still log in with their passwords
            assert services.auth.authenticate("nina.nurse", FIXTURE_PASSWORD).role is Role.NURSE
        if "lab_results" in old_columns:  # its results, and the alert still open (0006 on)
            results = services.lab_results.patient_results(reader, "F001")
            assert sorted((r.drawn_at.date(), r.test, r.value) for r in results) == [
                (date(2026, 11, 26), "calcium", 2.31),
                (date(2026, 11, 26), "creatinine", 64.0),
                (date(2026, 11, 26), "phosphate", 1.02),
                (date(2026, 12, 8), "calcium", 2.12),
                (date(2026, 12, 8), "phosphate", 0.30),
            ]
            assert [(a.rule, a.level) for a in services.lab_results.open_alerts(reader)] == [
                ("R2", "ALERT")
            ]
        if "phone" in old_columns["clinic_settings"]:  # the clinic's phone (0007 on)
            assert services.setup.clinic_phone() == "01632 960999"
    finally:
        services.engine.dispose()


@pytest.mark.parametrize("revision", [r for r in RELEASED if r != head_revision()])
def test_an_upgrade_is_preceded_by_a_backup_next_to_the_database(
    revision: str, tmp_path: Path
) -> None:
    path = tmp_path / "clinic.sqlite3"
    shutil.copyfile(fixture(revision), path)
    old_columns = column_names(path)
    before = all_rows(path, old_columns)
    services = open_services(f"sqlite:///{path}", create=False)
    services.engine.dispose()
    upgrade = services.schema_upgrade
    assert upgrade is not None and upgrade.backup is not None
    backup = upgrade.backup
    assert backup.parent == tmp_path
    assert backup.name.startswith(f"clinic.before-upgrade-from-{revision}.")
    assert backup.suffix == ".sqlite3"
    # The copy is the database as it was: the old revision, every row.
    assert revision_of(backup) == revision
    assert all_rows(backup, old_columns) == before
    assert not Path(f"{backup}-wal").exists()  # one self-contained file


def test_no_backup_when_nothing_is_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "clinic.sqlite3"
    shutil.copyfile(fixture(head_revision()), path)
    services = open_services(f"sqlite:///{path}", create=False)
    services.engine.dispose()
    assert services.schema_upgrade is None
    assert sorted(p.name for p in tmp_path.iterdir()) == ["clinic.sqlite3"]


def test_a_database_whose_backup_fails_is_not_upgraded(tmp_path: Path) -> None:
    """A file whose pages are damaged fails the backup's integrity check: no upgrade."""
    from clinic_app.persistence.database_errors import UnusableDatabaseError

    path = tmp_path / "clinic.sqlite3"
    data = bytearray(fixture("0003").read_bytes())
    page = 4096
    data[20 * page : 22 * page] = b"\xff" * (2 * page)  # data pages, not the schema
    path.write_bytes(bytes(data))
    with pytest.raises(UnusableDatabaseError, match="was not upgraded: no backup could be taken"):
        open_services(f"sqlite:///{path}", create=False)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["clinic.sqlite3"]  # no backup left
    assert revision_of(path) == "0003"
