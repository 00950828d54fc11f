"""The main window after login: the actor from start_session, role-based actions, user switch."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from clinic_app import app as app_module
from clinic_app.bootstrap import Services
from clinic_app.gui import startup
from clinic_app.gui.main_window import MainWindow
from clinic_app.gui.resources import IconSet
from clinic_app.gui.session.login_dialog import LoginDialog
from clinic_app.gui.tasks import TaskRunner
from clinic_app.services.actor import Actor
from tests.conftest import ADMIN, DESK, MANAGER, NURSE


def shown_window(
    qtbot: QtBot, clinic: Services, actor: Actor, runner: TaskRunner, icons: IconSet
) -> MainWindow:
    main = MainWindow(clinic, actor, runner=runner, icons=icons)
    qtbot.addWidget(main)
    with qtbot.waitSignal(main.day_loaded, timeout=10_000):
        main.show()
    return main


@pytest.fixture
def started(
    qtbot: QtBot, clinic: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[MainWindow]:
    """The window run_gui builds when start_session answers with the front desk."""
    asked: list[Services] = []

    def fake_start(services: Services, parent: Any = None) -> Actor:
        asked.append(services)
        return DESK

    monkeypatch.setattr(startup, "start_session", fake_start)
    settings = QSettings(str(tmp_path / "gui.ini"), QSettings.Format.IniFormat)
    main = app_module.open_main_window(clinic, settings)
    assert main is not None and asked == [clinic]
    qtbot.addWidget(main)
    with qtbot.waitSignal(main.day_loaded, timeout=10_000):
        main.show()
    yield main
    main.runner.wait(10_000)


def test_startup_builds_the_window_for_the_logged_in_actor(started: MainWindow) -> None:
    assert started.actor == DESK
    assert started.session_guard.actor == DESK
    assert started.who_label.text() == "Acting as fred.desk (Front desk)"
    # Front desk: may book, may not read the audit trail, administer users or export.
    assert started.new_booking_action.isEnabled()
    assert not started.audit_action.isEnabled()
    assert not started.users_action.isEnabled()
    assert started.open_audit() is None and started.open_users() is None
    reports = {a.text().replace("&", ""): a.isEnabled() for a in started.reports_actions}
    assert reports == {
        "Daily list": True,
        "Export schedule...": False,
        "Utilisation report": False,
        "Capacity report": False,
        "Slot template": True,
        "Template compliance report": False,
    }
    # Still there (disabled, not hidden), with shortcuts shown.
    menus = {a.text().replace("&", ""): a.menu() for a in started.menuBar().actions()}
    administration = menus["Administration"]
    assert administration is not None
    assert started.audit_action in administration.actions()
    assert started.users_action in administration.actions()
    settings_action = started.tool_windows.settings_action
    assert settings_action in administration.actions() and not settings_action.isEnabled()
    file_actions = menus["File"].actions()
    assert started.lock_action in file_actions and started.switch_user_action in file_actions
    assert started.lock_action.shortcut().toString() == "Ctrl+Shift+L"
    assert list(menus)[-1] == "Help"


def test_cancelled_login_builds_no_window(
    clinic: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(startup, "start_session", lambda services, parent=None: None)
    assert app_module.open_main_window(clinic) is None


def test_roles_enable_what_they_may_do(
    qtbot: QtBot, clinic: Services, runner: TaskRunner, icons: IconSet
) -> None:
    manager = shown_window(qtbot, clinic, MANAGER, runner, icons)
    assert manager.audit_action.isEnabled() and not manager.users_action.isEnabled()
    assert not manager.new_booking_action.isEnabled()
    admin = shown_window(qtbot, clinic, ADMIN, runner, icons)
    assert admin.audit_action.isEnabled() and admin.users_action.isEnabled()
    audit = admin.open_audit()
    users = admin.open_users()
    assert audit is not None and users is not None
    qtbot.waitExposed(audit)
    qtbot.waitExposed(users)
    assert admin.open_audit() is audit  # brought to the front, not opened twice
    runner.wait(10_000)
    audit.close()
    users.close()
    assert not manager.tool_windows.settings_action.isEnabled()
    settings = admin.tool_windows.open_settings()
    assert settings is not None
    qtbot.waitExposed(settings)
    assert settings.windowTitle() == "Clinic settings - clinic_app"
    settings.close()


def test_user_changed_switches_the_windows_actor(
    qtbot: QtBot,
    clinic: Services,
    runner: TaskRunner,
    icons: IconSet,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    main = shown_window(qtbot, clinic, NURSE, runner, icons)
    assert main.audit_action.isEnabled() is False
    assert main.new_booking_action.isEnabled()
    monkeypatch.setattr(LoginDialog, "ask", classmethod(lambda cls, *a, **k: MANAGER))
    with qtbot.waitSignal(main.actor_changed, timeout=20_000) as blocker:
        main.switch_user_action.trigger()
    assert blocker.args == [MANAGER]
    assert main.actor == MANAGER and main.week.actor == MANAGER
    assert main.who_label.text() == "Acting as mia.manager (Manager)"
    assert main.audit_action.isEnabled()
    assert not main.new_booking_action.isEnabled()
    reports = {a.text().replace("&", ""): a.isEnabled() for a in main.reports_actions}
    assert reports["Export schedule..."] is True
    titles = [a.text().replace("&", "") for a in main.menuBar().actions()]
    assert titles.count("Reports") == 1
    assert titles.index("Reports") < titles.index("Administration") < titles.index("Help")
    # The guard's own signal drives the same switch.
    with qtbot.waitSignal(main.actor_changed, timeout=20_000):
        main.session_guard.user_changed.emit(DESK)
    assert main.actor == DESK
    with qtbot.waitSignal(main.day_loaded, timeout=10_000):
        pass
    runner.wait(10_000)
