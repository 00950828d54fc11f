"""Putting the first day on screen imports nothing that only a later action needs.

Start-up time is mostly imports (issue 10: < 1 s to the first day on the big database). The
file writers' libraries (XlsxWriter, icalendar), the HL7 parser (hl7apy), Alembic (only to
create or upgrade a database), the report windows and the dialogs are imported when first
used. A fresh process
opens the main window on an existing database, waits for the first day and lists what it
imported. (Opening the windows from their menus afterwards: tests/gui/test_daily_list.py,
test_main_window.py and the other window tests.)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from clinic_app.bootstrap import open_services
from clinic_app.services.demo_data import seed_demo
from tests.conftest import ADMIN

ROOT = Path(__file__).resolve().parents[2]

NOT_ON_START = (
    "alembic",
    "mako",
    "xlsxwriter",
    "icalendar",
    "hl7apy",
    "httpx",  # the remote adapter's client: only with --server
    "clinic_app.client.remote",
    "clinic_app.exports.pdf_export",
    "clinic_app.gui.daily_list.daily_list_window",
    "clinic_app.gui.common.export_dialog",
    "clinic_app.gui.reports.utilisation_view",
    "clinic_app.gui.reports.template_view",
    "clinic_app.gui.reports.compliance_view",
    "clinic_app.gui.front_desk.letters_action",
    "clinic_app.gui.booking.booking_dialog",
    "clinic_app.gui.patient.patient_dialog",
    "clinic_app.gui.booking.move_dialog",
    "clinic_app.gui.check_in.override_dialog",
)

PROBE = """\
import json, sys
import clinic_app.cli  # the entry point's module, as `clinic-app` starts
from clinic_app.bootstrap import open_services
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication
from clinic_app.gui.main_window import MainWindow
from clinic_app.services.actor import Actor, Role

app = QApplication([])
services = open_services({url!r}, create=False)
window = MainWindow(services, Actor("ada.admin", Role.ADMIN))
window.show()
loop = QEventLoop()
window.day_loaded.connect(loop.quit)
QTimer.singleShot(60_000, loop.quit)
loop.exec()
on_start = sorted(sys.modules)
window.close()
services.engine.dispose()
print(json.dumps({{"on_start": on_start}}))
"""


def test_the_first_day_imports_no_writer_library_dialog_or_alembic(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'clinic.sqlite3'}"
    services = open_services(url)
    seed_demo(services, ADMIN)  # a clinic with chairs and a diary
    services.engine.dispose()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(PROBE.format(url=url))],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    modules = json.loads(done.stdout.strip().splitlines()[-1])
    loaded = [
        name
        for name in modules["on_start"]
        if any(name == lazy or name.startswith(lazy + ".") for lazy in NOT_ON_START)
    ]
    assert loaded == []
    assert "clinic_app.gui.main_window" in modules["on_start"]
