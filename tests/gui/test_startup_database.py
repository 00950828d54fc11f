"""The window's start on a database: only the first start on the default file creates one;
a database the user named must exist and be usable, else a message and the CLI's exit code."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from clinic_app import app as app_module
from clinic_app.bootstrap import Services
from clinic_app.gui import startup


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, qapp: Any) -> list[str]:
    """Messages run_gui shows (instead of a modal box), with this test's own data folder."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("CLINIC_APP_DB", raising=False)
    messages: list[str] = []

    def critical(parent: Any, title: str, text: str, *args: Any) -> QMessageBox.StandardButton:
        messages.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "critical", critical)
    return messages


@pytest.fixture
def sessions_started(monkeypatch: pytest.MonkeyPatch) -> list[Services]:
    """Databases on which the login / first administrator would have been asked (cancelled)."""
    asked: list[Services] = []

    def cancelled(services: Services, parent: Any = None) -> None:
        asked.append(services)

    monkeypatch.setattr(startup, "start_session", cancelled)
    return asked


def test_first_start_creates_the_default_database_and_asks_for_the_administrator(
    shown: list[str], sessions_started: list[Services], tmp_path: Path
) -> None:
    assert app_module.run_gui(None) == 0  # the first-administrator dialog was cancelled
    assert shown == []
    assert (tmp_path / "data" / "clinic_app" / "clinic.sqlite3").is_file()
    (services,) = sessions_started
    assert services.created and not services.auth.has_users()


def test_a_named_database_that_does_not_exist_is_not_created(
    shown: list[str], sessions_started: list[Services], tmp_path: Path
) -> None:
    missing = tmp_path / "typo" / "clinic.sqlite3"
    assert app_module.run_gui(f"sqlite:///{missing}") == 1
    (message,) = shown
    assert f"no clinic database at {missing}; create one with clinic-app init" in message
    assert sessions_started == []
    assert not missing.parent.exists()


def test_a_file_that_is_not_a_database_is_refused_with_exit_2(
    shown: list[str], sessions_started: list[Services], tmp_path: Path
) -> None:
    notes = tmp_path / "notes.sqlite3"
    notes.write_text("not a database")
    assert app_module.run_gui(f"sqlite:///{notes}") == 2
    (message,) = shown
    assert f"{notes} is not a SQLite database" in message
    assert notes.read_text() == "not a database"
    assert sessions_started == []


def test_an_upgrade_on_start_logs_where_the_backup_is(
    shown: list[str],
    sessions_started: list[Services],
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    import shutil

    fixtures = Path(__file__).resolve().parents[1] / "fixtures" / "schema_revisions"
    path = tmp_path / "clinic.sqlite3"
    shutil.copyfile(fixtures / "clinic-0003.sqlite3", path)
    assert app_module.run_gui(f"sqlite:///{path}") == 0
    (services,) = sessions_started
    upgrade = services.schema_upgrade
    assert upgrade is not None and upgrade.backup is not None and upgrade.backup.is_file()
    assert f"backed up to {upgrade.backup}" in caplog.text
    assert shown == []
