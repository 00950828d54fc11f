"""The app's own view of its migrations, and opening a database without importing Alembic.

``migrate.shipped_revisions`` reads the migration files' ``revision``/``down_revision`` lines
instead of asking Alembic (whose import costs more than the rest of the database layer); these
tests hold it to Alembic's ScriptDirectory on the shipped folder and on a folder with one more
migration, so a migration written in a form the scan does not read fails here.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, event, text
from sqlalchemy.pool import NullPool

from clinic_app.persistence import migrate
from clinic_app.persistence.database_errors import UnusableDatabaseError
from clinic_app.persistence.opening import open_database

ROOT = Path(__file__).resolve().parents[2]


def alembic_view(folder: Path) -> tuple[dict[str, str | None], str | None]:
    """Every revision with its down revision, and the head, as Alembic reads ``folder``."""
    config = Config()
    config.set_main_option("script_location", str(folder))
    scripts = ScriptDirectory.from_config(config)
    chain = {}
    for script in scripts.walk_revisions():
        down = script.down_revision
        assert down is None or isinstance(down, str), "clinic_app's revisions form one line"
        chain[script.revision] = down
    return chain, scripts.get_current_head()


@pytest.fixture
def scan_of(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Let a test point the scan at another versions folder (the caches are cleared)."""
    migrate.shipped_revisions.cache_clear()
    migrate.head_revision.cache_clear()
    yield
    monkeypatch.undo()
    migrate.shipped_revisions.cache_clear()
    migrate.head_revision.cache_clear()


def test_the_scan_of_the_shipped_migrations_agrees_with_alembic() -> None:
    chain, head = alembic_view(migrate.MIGRATIONS)
    assert migrate.shipped_revisions() == chain
    assert migrate.head_revision() == head
    assert migrate.known_revisions() == frozenset(chain)


def test_a_new_migration_moves_the_head_for_the_scan_as_for_alembic(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, scan_of: None
) -> None:
    folder = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS, folder, ignore=shutil.ignore_patterns("__pycache__"))
    before = migrate.head_revision()
    after = f"{int(before) + 1:04d}"
    (folder / "versions" / f"{after}_next.py").write_text(
        textwrap.dedent(
            f'''\
            """A later migration."""

            revision: str = "{after}"
            down_revision: str | None = "{before}"
            branch_labels = None
            depends_on = None


            def upgrade() -> None:
                pass
            '''
        )
    )
    monkeypatch.setattr(migrate, "VERSIONS", folder / "versions")
    migrate.shipped_revisions.cache_clear()
    migrate.head_revision.cache_clear()
    chain, head = alembic_view(folder)
    assert head == after
    assert migrate.shipped_revisions() == chain
    assert migrate.head_revision() == after


def test_a_migration_without_a_revision_line_is_refused_not_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, scan_of: None
) -> None:
    versions = tmp_path / "versions"
    versions.mkdir()
    (versions / "0001_odd.py").write_text('REVISION = "0001"\n')
    monkeypatch.setattr(migrate, "VERSIONS", versions)
    with pytest.raises(RuntimeError, match=r"0001_odd\.py names no revision"):
        migrate.shipped_revisions()


def test_the_stored_revision_is_read_without_alembic(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'plain.sqlite3'}"
    engine = create_engine(url, poolclass=NullPool)
    assert migrate.current_revision(engine) is None  # no version table
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)"))
    assert migrate.current_revision(engine) is None  # a version table without a row
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO alembic_version VALUES ('0003'), ('0002')"))
    # Two rows (Alembic branches) are never clinic_app's: they read as one unknown name.
    assert migrate.current_revision(engine) == "0002,0003"
    with pytest.raises(UnusableDatabaseError, match="'0002,0003' is not ours"):
        migrate.check_known_revision("plain.sqlite3", "0002,0003")
    engine.dispose()


def test_opening_a_database_at_the_head_imports_no_alembic(tmp_path: Path) -> None:
    database = tmp_path / "clinic.sqlite3"
    open_database(f"sqlite:///{database}", create=True).engine.dispose()
    probe = textwrap.dedent(
        f"""\
        import sys
        from clinic_app.bootstrap import open_services
        services = open_services({f"sqlite:///{database}"!r}, create=False)
        assert services.schema_upgrade is None and not services.created
        services.engine.dispose()
        print(sorted(m for m in sys.modules if m.split(".")[0] in ("alembic", "mako")))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"


def test_upgrading_to_the_head_at_the_head_runs_no_migration(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'clinic.sqlite3'}"
    engine = open_database(url, create=True).engine
    statements: list[str] = []
    event.listen(engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    migrate.upgrade_to_head(engine)
    engine.dispose()
    # The version table's lookup and one read of it: no migration, no Alembic bookkeeping.
    sent = [s for s in statements if not s.startswith(("BEGIN", "PRAGMA"))]
    assert sent == ["SELECT version_num FROM alembic_version"], statements
