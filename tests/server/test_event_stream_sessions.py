"""The event stream and session expiry: listening never keeps a session alive, and a stream
whose token's session ends stops (``SessionService.is_open``)."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from clinic_app.bootstrap import open_services
from clinic_app.services.sessions import IDLE_TIMEOUT, TOUCH_INTERVAL
from tests.conftest import NOW

PASSWORD = "a sound password"


class MovableClock:
    """A clock the test moves forward."""

    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> datetime:
        return self.now


def test_is_open_answers_without_sliding_the_idle_expiry(tmp_path: Path) -> None:
    clock = MovableClock()
    services = open_services(f"sqlite:///{tmp_path / 'c.sqlite3'}", clock=clock)
    try:
        admin = services.auth.create_first_admin("ada", PASSWORD)
        services.auth.add_user(admin, "fred", "front-desk", PASSWORD)
        issued = services.sessions.login("fred", PASSWORD, client="desk-1")
        assert services.sessions.is_open(issued.token)
        assert not services.sessions.is_open("not a token") and not services.sessions.is_open("")
        # Asked every few minutes for longer than the idle timeout: the session still ends.
        step = TOUCH_INTERVAL * 3
        while clock.now + step < NOW + IDLE_TIMEOUT:
            clock.now += step
            assert services.sessions.is_open(issued.token)
        clock.now = NOW + IDLE_TIMEOUT + timedelta(seconds=1)
        assert not services.sessions.is_open(issued.token)
        # A used session (actor_for) stays open; revoking it closes it.
        clock.now = NOW
        again = services.sessions.login("fred", PASSWORD, client="desk-1")
        assert services.sessions.actor_for(again.token).username == "fred"
        services.auth.deactivate_user(admin, "fred")
        assert not services.sessions.is_open(again.token)
    finally:
        services.close()
