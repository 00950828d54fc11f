"""Opening a database from the command line: a clear message, the contract's exit code, and
nothing written, for every database the app cannot use; a log folder that cannot be written.

Exit codes: 1 the database cannot be reached (a missing SQLite file is one); 2 invalid input
(a --db that is not a usable clinic database: damaged, not SQLite, another app's, newer).
"""

from __future__ import annotations

import hashlib
import io
import shutil
import sqlite3
from pathlib import Path

import pytest

from clinic_app.bootstrap import open_services
from clinic_app.cli import main
from clinic_app.persistence.migrate import head_revision

PASSWORD = "correct horse battery"


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Log and data folders of this test only; the password of the test's administrator."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("CLINIC_APP_DB", raising=False)
    monkeypatch.setenv("CLINIC_APP_PASSWORD", PASSWORD)


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def clinic_file(folder: Path) -> Path:
    """A real clinic database with its first administrator ``ada``, checkpointed to one file."""
    path = folder / "clinic.sqlite3"
    code, _, err = cli("--db", f"sqlite:///{path}", "init", "--admin", "ada")
    assert code == 0, err
    return path


def files_in(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with a hash of its bytes."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and "state" not in p.parts
    }


def assert_clean_refusal(err: str) -> None:
    assert "Traceback" not in err
    assert err.count("\n") == 1, err  # one line that says it all


def test_a_file_that_is_not_a_database_exit_2_nothing_written(tmp_path: Path) -> None:
    notes = tmp_path / "notes.db"
    notes.write_text("shopping list: milk, eggs\n")
    before = files_in(tmp_path)
    code, out, err = cli("--db", f"sqlite:///{notes}", "--user", "ada", "day", "2026-11-24")
    assert code == 2
    assert err.startswith("invalid input: --db: ")
    assert f"{notes} is not a SQLite database" in err
    assert_clean_refusal(err)
    assert files_in(tmp_path) == before


@pytest.mark.parametrize("damage", ["truncated", "overwritten"])
def test_a_damaged_clinic_file_exit_2(tmp_path: Path, damage: str) -> None:
    good = clinic_file(tmp_path)
    data = good.read_bytes()
    page = 4096
    assert len(data) > 6 * page
    if damage == "truncated":  # e.g. a copy that stopped half-way
        data = data[: 2 * page + 100]
    else:  # a disk that returned garbage for a few pages
        data = data[: 3 * page] + b"\xff" * (2 * page) + data[5 * page :]
    good.write_bytes(data)
    before = files_in(tmp_path)
    code, out, err = cli("--db", f"sqlite:///{good}", "--user", "ada", "day", "2026-11-24")
    assert code == 2, err
    assert f"invalid input: --db: {good} is damaged (" in err
    assert "restore a backup" in err
    assert_clean_refusal(err)
    if damage == "truncated":  # refused before anything was opened for writing
        assert files_in(tmp_path) == before


def test_another_apps_sqlite_database_exit_2_untouched(tmp_path: Path) -> None:
    other = tmp_path / "recipes.sqlite3"
    connection = sqlite3.connect(other)
    connection.execute("CREATE TABLE recipes (name text)")
    connection.execute("INSERT INTO recipes VALUES ('soup')")
    connection.commit()
    connection.close()
    before = files_in(tmp_path)
    code, out, err = cli("--db", f"sqlite:///{other}", "--user", "ada", "day", "2026-11-24")
    assert code == 2
    assert f"{other} is not a clinic_app database (it holds other tables)" in err
    assert_clean_refusal(err)
    assert files_in(tmp_path) == before  # not even switched to WAL


def test_a_database_from_a_newer_version_exit_2_nothing_migrated(tmp_path: Path) -> None:
    path = clinic_file(tmp_path)
    newer = f"{int(head_revision()) + 1:04d}"
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = ?", (newer,))
    connection.commit()
    connection.close()
    before = files_in(tmp_path)
    code, out, err = cli("--db", f"sqlite:///{path}", "--user", "ada", "day", "2026-11-24")
    assert code == 2
    assert (
        f"this database was written by a newer version of clinic_app (revision {newer}; "
        f"this version knows up to {head_revision()})"
    ) in err
    assert_clean_refusal(err)
    assert files_in(tmp_path) == before


def test_a_database_newer_than_the_app_is_refused_by_every_opener(tmp_path: Path) -> None:
    """Not only the CLI: open_services itself refuses before migrating anything."""
    from clinic_app.persistence.database_errors import NewerSchemaError

    path = clinic_file(tmp_path)
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.commit()
    connection.close()
    with pytest.raises(NewerSchemaError) as caught:
        open_services(f"sqlite:///{path}")
    assert (caught.value.revision, caught.value.head) == ("9999", head_revision())


@pytest.mark.parametrize(
    "argv",
    [
        ("--user", "ada", "day", "2026-11-24"),
        ("--user", "ada", "chair", "add", "Chair 9"),
        ("--user", "ada", "demo"),
    ],
)
def test_a_mistyped_path_is_not_created_exit_1(tmp_path: Path, argv: tuple[str, ...]) -> None:
    missing = tmp_path / "no-such-folder" / "clinc.sqlite3"
    code, out, err = cli("--db", f"sqlite:///{missing}", *argv)
    assert code == 1
    assert err == (
        f"cannot use the database (--db): no clinic database at {missing}; "
        "create one with clinic-app init\n"
    )
    assert not missing.parent.exists()


def test_a_missing_file_in_an_existing_folder_is_not_created_either(tmp_path: Path) -> None:
    missing = tmp_path / "clinc.sqlite3"
    code, out, err = cli("--db", f"sqlite:///{missing}", "--user", "ada", "day", "2026-11-24")
    assert code == 1
    assert "no clinic database at" in err
    assert list(tmp_path.iterdir()) == [tmp_path / "state"]  # the log folder, nothing else


def test_an_empty_file_is_no_clinic_database(tmp_path: Path) -> None:
    empty = tmp_path / "empty.sqlite3"
    empty.touch()
    code, out, err = cli("--db", f"sqlite:///{empty}", "--user", "ada", "day", "2026-11-24")
    assert code == 1
    assert f"no clinic database at {empty}" in err
    assert empty.stat().st_size == 0


def test_the_environment_variable_is_named_when_it_points_nowhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLINIC_APP_DB", f"sqlite:///{tmp_path / 'typo.sqlite3'}")
    code, out, err = cli("--user", "ada", "day", "2026-11-24")
    assert code == 1
    assert err.startswith("cannot use the database (CLINIC_APP_DB): no clinic database at")


def test_init_creates_the_database_but_not_a_missing_folder(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder" / "clinic.sqlite3"
    code, out, err = cli("--db", f"sqlite:///{missing}", "init", "--admin", "ada")
    assert code == 2
    assert f"{missing} cannot be created: the folder {missing.parent} does not exist" in err
    assert not missing.parent.exists()
    assert clinic_file(tmp_path).is_file()  # in a folder that exists, init makes it


def test_init_on_the_default_database_makes_the_data_folder(tmp_path: Path) -> None:
    code, out, err = cli("init", "--admin", "ada")
    assert code == 0, err
    assert (tmp_path / "data" / "clinic_app" / "clinic.sqlite3").is_file()
    code, out, err = cli("--user", "ada", "day", "2026-11-24")
    assert code == 0, err


def test_a_log_folder_that_cannot_be_written_is_said_once_and_the_command_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = clinic_file(tmp_path)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the log folder would go")
    monkeypatch.setenv("XDG_STATE_HOME", str(blocker))
    code, out, err = cli("--db", f"sqlite:///{path}", "--user", "ada", "day", "2026-11-24")
    assert code == 0, err
    assert "nothing booked" in out
    log_file = blocker / "clinic_app" / "log" / "clinic_app.log"
    assert (
        err == f"clinic-app: cannot write the log file {log_file} (Not a directory); "
        "going on without a log\n"
    )


def test_an_upgrade_says_where_the_backup_of_the_old_database_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fixtures = Path(__file__).resolve().parents[1] / "fixtures" / "schema_revisions"
    path = tmp_path / "clinic.sqlite3"
    shutil.copyfile(fixtures / "clinic-0003.sqlite3", path)
    monkeypatch.setenv("CLINIC_APP_PASSWORD", "fixture password 1")  # the fixture's users'
    argv = ("--db", f"sqlite:///{path}", "--user", "nina.nurse", "day", "2026-11-26")
    code, out, err = cli(*argv)
    assert code == 0, err
    (backup,) = tmp_path.glob("clinic.before-upgrade-from-0003.*.sqlite3")
    assert err == (
        f"database schema upgraded from revision 0003 to {head_revision()}; "
        f"the database before it was backed up to {backup}\n"
    )
    assert "Carol Cooper" in out
    code, out, err = cli(*argv)  # the next start has nothing to upgrade
    assert (code, err) == (0, "")
