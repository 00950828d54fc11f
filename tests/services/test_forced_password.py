"""Forcing a password change: administrators only, audited, cleared by the user's own."""

from __future__ import annotations

import pytest

from clinic_app.bootstrap import Services
from clinic_app.domain.errors import PermissionDeniedError
from clinic_app.services.actor import Actor, Role
from tests.conftest import ADMIN
from tests.services.conftest import log_in


def test_a_forced_password_change_is_set_audited_and_cleared_by_the_user(
    services: Services,
) -> None:
    services.auth.add_user(ADMIN, "pat.desk", "front-desk", "a long password 1")
    pat = Actor("pat.desk", Role.FRONT_DESK)
    log_in(services, "pat.desk", "a long password 1")
    assert services.auth.password_change_required(pat) is False
    view = services.auth.require_password_change(ADMIN, "pat.desk")
    assert view.must_change_password is True
    assert services.auth.password_change_required(pat) is True
    entry = next(e for e in services.audit.entries(ADMIN) if e.action == "force-password")
    assert entry.before == {"username": "pat.desk", "must_change_password": False}
    assert entry.after == {"username": "pat.desk", "must_change_password": True}
    # An administrator resetting the password does not answer the requirement; the user does.
    services.auth.set_password(ADMIN, "pat.desk", "a reset password 2")
    log_in(services, "pat.desk", "a reset password 2")  # a reset ends the user's sessions
    assert services.auth.password_change_required(pat) is True
    services.auth.set_password(pat, "pat.desk", "my own password 3")
    assert services.auth.password_change_required(pat) is False
    with pytest.raises(PermissionDeniedError):
        services.auth.require_password_change(pat, "pat.desk")
