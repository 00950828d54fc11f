"""Backups of a live SQLite database: taken while another process writes, then restored."""

from __future__ import annotations

import multiprocessing as mp
import sqlite3
from pathlib import Path

import pytest

from clinic_app.bootstrap import open_services
from clinic_app.domain.errors import PermissionDeniedError
from clinic_app.persistence.sqlite_backup import BackupError, integrity_problems
from clinic_app.services.clock import fixed_clock
from tests.conftest import ADMIN, DESK, MANAGER, NOW


def _writer(url: str, started: mp.synchronize.Event, stop: mp.synchronize.Event) -> None:
    services = open_services(url, clock=fixed_clock(NOW), migrate=False)
    index = 0
    while not stop.is_set() and index < 2000:
        services.setup.add_patient(
            DESK, mrn=f"W{index:05d}", name=f"Writer {index}", date_of_birth="1960-01-01"
        )
        index += 1
        if index == 5:
            started.set()
    services.engine.dispose()


def patient_count(path: Path) -> int:
    connection = sqlite3.connect(path)
    try:
        return int(connection.execute("SELECT count(*) FROM patients").fetchone()[0])
    finally:
        connection.close()


@pytest.mark.slow
def test_backup_while_another_process_writes_then_restore(tmp_path: Path) -> None:
    live = tmp_path / "live.sqlite3"
    url = f"sqlite:///{live}"
    services = open_services(url, clock=fixed_clock(NOW))
    services.setup.init_clinic(ADMIN)
    ctx = mp.get_context("spawn")
    started, stop = ctx.Event(), ctx.Event()
    writer = ctx.Process(target=_writer, args=(url, started, stop))
    writer.start()
    try:
        assert started.wait(timeout=60)
        copies = [tmp_path / f"backup-{i}.sqlite3" for i in range(3)]
        for copy in copies:
            services.backups.backup(ADMIN, copy)
    finally:
        stop.set()
        writer.join(timeout=60)
    assert writer.exitcode == 0
    for copy in copies:
        assert integrity_problems(copy) == []
    counts = [patient_count(c) for c in copies]
    assert counts == sorted(counts) and counts[0] >= 5  # each copy a consistent moment

    # Restore the first copy over the live database; it must be sound and match the copy.
    services.backups.restore(ADMIN, copies[0])
    services.engine.dispose()
    assert integrity_problems(live) == []
    assert patient_count(live) == counts[0]
    restored = open_services(url, clock=fixed_clock(NOW))
    assert restored.setup.is_initialised()
    actions = [e.action for e in restored.audit.entries(ADMIN)]
    assert "restore" in actions
    restored.engine.dispose()


def test_only_administrators_back_up(tmp_path: Path) -> None:
    services = open_services(f"sqlite:///{tmp_path / 'db.sqlite3'}", clock=fixed_clock(NOW))
    services.setup.init_clinic(ADMIN)
    with pytest.raises(PermissionDeniedError):
        services.backups.backup(MANAGER, tmp_path / "copy.sqlite3")
    assert not (tmp_path / "copy.sqlite3").exists()
    denied = [e for e in services.audit.entries(ADMIN) if e.action == "denied"]
    assert denied and denied[0].actor == MANAGER.username


def test_restore_refuses_a_file_that_is_not_a_clinic_database(tmp_path: Path) -> None:
    services = open_services(f"sqlite:///{tmp_path / 'db.sqlite3'}", clock=fixed_clock(NOW))
    services.setup.init_clinic(ADMIN)
    junk = tmp_path / "junk.sqlite3"
    sqlite3.connect(junk).execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(BackupError, match="not a clinic_app database"):
        services.backups.restore(ADMIN, junk)
    assert services.setup.is_initialised()


def test_backup_of_postgresql_points_to_pg_dump(db_url: str) -> None:
    services = open_services(db_url, clock=fixed_clock(NOW))
    services.setup.init_clinic(ADMIN)
    if services.ctx.db.dialect != "postgresql":
        pytest.skip("this test is about PostgreSQL deployments")
    with pytest.raises(BackupError, match="pg_dump"):
        services.backups.backup(ADMIN, "/tmp/never-written.sqlite3")
