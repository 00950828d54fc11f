"""``user deactivate``, ``user activate`` and ``user role``: administrators only, audited, the
last active administrator kept, the user's clinic-server sessions ended."""

from __future__ import annotations

import pytest

from clinic_app.bootstrap import Services, open_services
from clinic_app.services.clock import fixed_clock
from clinic_app.services.sessions import SessionExpiredError
from tests.cli.test_cli import PASSWORD, USERS, make_clinic, run
from tests.conftest import NOW


@pytest.fixture
def cli_clinic(db_url: str) -> Services:
    services = open_services(db_url, clock=fixed_clock(NOW))
    make_clinic(services)
    return services


def test_deactivate_ends_sessions_and_logins_then_activate(cli_clinic: Services) -> None:
    issued = cli_clinic.sessions.login(USERS["fred"], PASSWORD, client="10.0.0.5")
    code, out, err = run(cli_clinic, "user", "deactivate", USERS["fred"], user="ada")
    assert code == 0, err
    assert out.strip() == f"user {USERS['fred']}: front-desk, deactivated"
    with pytest.raises(SessionExpiredError):
        cli_clinic.sessions.actor_for(issued.token)
    code, _, err = run(cli_clinic, "day", "2026-11-24", user="fred")
    assert code == 5, err
    code, out, err = run(cli_clinic, "user", "activate", USERS["fred"], user="ada")
    assert (code, out.strip()) == (0, f"user {USERS['fred']}: front-desk, active"), err
    assert run(cli_clinic, "day", "2026-11-24", user="fred")[0] == 0


def test_role_change_ends_sessions(cli_clinic: Services) -> None:
    issued = cli_clinic.sessions.login(USERS["fred"], PASSWORD, client="10.0.0.5")
    code, out, err = run(cli_clinic, "user", "role", USERS["fred"], "nurse", user="ada")
    assert (code, out.strip()) == (0, f"user {USERS['fred']}: nurse, active"), err
    with pytest.raises(SessionExpiredError):
        cli_clinic.sessions.actor_for(issued.token)
    entries = cli_clinic.audit.entries(cli_clinic.auth.authenticate(USERS["ada"], PASSWORD))
    assert "role" in [e.action for e in entries]


def test_not_an_administrator_exit_5(cli_clinic: Services) -> None:
    for argv in (("deactivate", USERS["fred"]), ("activate", USERS["fred"])):
        code, _, err = run(cli_clinic, "user", *argv, user="nina")
        assert code == 5 and "may not" in err
    code, _, err = run(cli_clinic, "user", "role", USERS["nina"], "admin", user="nina")
    assert code == 5 and "may not" in err


def test_last_admin_unknown_user_and_bad_role_exit_2(cli_clinic: Services) -> None:
    code, _, err = run(cli_clinic, "user", "deactivate", USERS["ada"], user="ada")
    assert code == 2 and "last active administrator" in err
    code, _, err = run(cli_clinic, "user", "role", USERS["ada"], "manager", user="ada")
    assert code == 2 and "last active administrator" in err
    code, _, err = run(cli_clinic, "user", "deactivate", "nobody.here", user="ada")
    assert code == 2 and "no user named" in err
    code, _, err = run(cli_clinic, "user", "role", USERS["fred"], "boss", user="ada")
    assert code == 2 and "invalid choice" in err


def test_forced_password_change_blocks_everything_until_a_new_password(
    cli_clinic: Services,
) -> None:
    code, out, err = run(cli_clinic, "user", "force-password", USERS["fred"], user="ada")
    assert (code, out.strip()) == (
        0,
        f"user {USERS['fred']}: must set a new password at the next login",
    ), err
    code, _, err = run(cli_clinic, "day", "2026-11-24", user="fred")
    assert code == 5 and "must set a new password" in err
    code, out, err = run(cli_clinic, "user", "password", USERS["fred"], user="fred")
    assert code == 0, err
    assert run(cli_clinic, "day", "2026-11-24", user="fred")[0] == 0
    admin = cli_clinic.auth.authenticate(USERS["ada"], PASSWORD)
    actions = [e.action for e in cli_clinic.audit.entries(admin) if e.entity == "user"]
    assert "force-password" in actions
    forced = next(e for e in cli_clinic.audit.entries(admin) if e.action == "password")
    assert forced.after == {"username": USERS["fred"], "forced": True}


def test_only_an_administrator_forces_a_password_change(cli_clinic: Services) -> None:
    code, _, err = run(cli_clinic, "user", "force-password", USERS["fred"], user="nina")
    assert code == 5 and "may not" in err
