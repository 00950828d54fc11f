"""Screenshots of the daily list, clinic settings and audit view at 1366x768 and 1920x1080.

    .venv/bin/python -m tools.admin_screenshots DIR

Offscreen, on the demo clinic (as ``tools.screenshots``): the daily list of the fullest demo
day with its nurse column, the settings window's closed dates after a bank-holiday preview,
and the audit trail of the demo's set-up.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

SIZES = {"": (1366, 768), "-1920": (1920, 1080)}


def take(out_dir: Path) -> list[Path]:
    """Write the PNGs into ``out_dir``; returns their paths."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication, QWidget

    from clinic_app.gui.admin.audit_view import AuditWindow
    from clinic_app.gui.admin.clinic_settings_window import ClinicSettingsWindow
    from clinic_app.gui.daily_list.daily_list_window import DailyListWindow
    from clinic_app.gui.resources import stylesheet
    from tools.screenshots import ADMIN, NURSE, demo_services, fullest_day, wait_until

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setStyleSheet(stylesheet())
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as folder:
        services = demo_services(Path(folder))
        try:
            day = fullest_day(services)
            for suffix, (width, height) in SIZES.items():
                windows: dict[str, QWidget] = {}
                daily = DailyListWindow(services, NURSE)
                daily.go_to(day)
                windows["daily-list"] = daily
                windows["clinic-settings"] = ClinicSettingsWindow(services, ADMIN)
                windows["audit-view"] = AuditWindow(services, ADMIN)
                for name, window in windows.items():
                    window.resize(width, height)
                    window.show()
                    wait_until(lambda: True)
                    runner = getattr(window, "_runner", None)
                    if runner is not None:
                        wait_until(lambda r=runner: not r.busy)
                    path = out_dir / f"{name}{suffix}.png"
                    window.grab().save(str(path))
                    written.append(path)
                    window.close()
        finally:
            services.engine.dispose()
    return written


def main(argv: list[str] | None = None) -> int:
    """Write the screenshots into the folder given (default: resources/screenshots)."""
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else Path(__file__).resolve().parents[1] / "resources/screenshots"
    for path in take(out):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
