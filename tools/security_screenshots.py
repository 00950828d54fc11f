"""Screenshots of the login dialog and the audit trail for the README.

``python -m tools.security_screenshots DIR`` (default ``resources/screenshots``).

Seeds the demo clinic into a temporary SQLite database on a scripted clock (Monday
2026-11-23, Europe/London), plays a morning at the desk through the real services (logins, a
wrong password, a cancellation, a refused audit read), then writes ``login.png`` (a wrong
password explained, a new password being typed) and ``audit-view.png`` (the manager's audit
trail in clinic time, the nurse's override selected). Runs offscreen unless a display
platform is chosen with ``QT_QPA_PLATFORM``. The demo accounts' password is the published demo
one; no real password is involved.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from clinic_app.bootstrap import Services, open_services
from clinic_app.domain.errors import ClinicError

LONDON = ZoneInfo("Europe/London")
START = datetime(2026, 11, 23, 6, 40, tzinfo=LONDON)
ADMIN_PASSWORD = "screenshot-admin-only"


class ScriptedClock:
    """A clock that moves a little on every reading and can jump to the next scene."""

    def __init__(self, start: datetime, step: timedelta = timedelta(seconds=2)) -> None:
        self._now = start
        self._step = step

    def __call__(self) -> datetime:
        self._now += self._step
        return self._now

    def jump(self, hour: int, minute: int) -> None:
        """Go on at ``hour:minute`` on the same day."""
        self._now = self._now.replace(hour=hour, minute=minute, second=0)


def play_morning(services: Services, clock: ScriptedClock) -> None:
    """Seed the demo clinic and write a plausible morning into the audit trail."""
    from clinic_app.services.auth import AuthenticationError
    from clinic_app.services.demo_data import DEMO_PASSWORD, seed_demo

    admin = services.auth.create_first_admin("clinic.admin", ADMIN_PASSWORD, "Clinic Admin")
    seed_demo(services, admin)
    clock.jump(7, 52)
    desk = services.auth.authenticate("demo.desk", DEMO_PASSWORD)
    clock.jump(8, 10)
    today = START.date()
    sessions = services.queries.sessions_between(desk, today, today + timedelta(days=14))
    booked = [s for s in sessions if s.status == "booked" and not s.overridden and s.id is not None]
    if booked:
        cancelled = booked.pop()
        assert cancelled.id is not None
        services.booking.cancel(desk, cancelled.id, "Patient phoned: unwell, will rebook")
    clock.jump(8, 31)
    with contextlib.suppress(AuthenticationError):  # a typo first: audited as a failure
        services.auth.authenticate("demo.nurse", "demo-pasword")
    nurse = services.auth.authenticate("demo.nurse", DEMO_PASSWORD)
    on_day: list[date] = sorted({s.start.date() for s in booked})
    first = [s for s in booked if on_day and s.start.date() == on_day[0]]
    if first and first[0].id is not None:
        with contextlib.suppress(ClinicError):
            services.booking.set_status(nurse, first[0].id, "arrived")
    clock.jump(9, 3)
    with contextlib.suppress(ClinicError):  # refused and audited: that is the point
        list(services.audit.entries(desk))
    clock.jump(9, 5)
    services.auth.authenticate("demo.manager", DEMO_PASSWORD)


def take(out_dir: Path) -> list[Path]:
    """Write ``login.png`` and ``audit-view.png`` into ``out_dir``; returns the paths."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from clinic_app.gui.admin.audit_view import AuditWindow
    from clinic_app.gui.resources import stylesheet
    from clinic_app.gui.session.login_dialog import LoginDialog
    from clinic_app.services.actor import Actor, Role

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setStyleSheet(stylesheet())
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as folder:
        clock = ScriptedClock(START)
        services = open_services(f"sqlite:///{Path(folder) / 'demo.sqlite3'}", clock=clock)
        try:
            play_morning(services, clock)

            login = LoginDialog(services, username="demo.desk")
            login.resize(440, login.sizeHint().height())
            login.show()
            login.password.setText("demo-pasword")
            login.try_login()
            login.password.setText("demo-password")
            login.password.setFocus()
            login.resize(440, login.sizeHint().height())
            for _ in range(5):
                app.processEvents()
            path = out_dir / "login.png"
            login.grab().save(str(path))
            written.append(path)
            login.close()

            manager = Actor("demo.manager", Role.MANAGER)
            window = AuditWindow(services, manager, zone=LONDON, load=False)
            window.resize(1280, 720)
            window.show()
            window.refresh()
            window.wait(20_000)
            for _ in range(10):
                app.processEvents()
            model = window.model
            rows = [r for r in range(model.rowCount()) if model.entry(r).action == "cancel"]
            if rows:
                window.table.selectRow(rows[0])
            window.table.scrollToTop()
            window.table.setFocus()
            for _ in range(5):
                app.processEvents()
            path = out_dir / "audit-view.png"
            window.grab().save(str(path))
            written.append(path)
            window.close()
        finally:
            services.engine.dispose()
    return written


def main(argv: list[str] | None = None) -> int:
    """Command line: the output folder (default ``resources/screenshots``)."""
    args = sys.argv[1:] if argv is None else argv
    out_dir = Path(args[0]) if args else Path("resources") / "screenshots"
    for path in take(out_dir):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
