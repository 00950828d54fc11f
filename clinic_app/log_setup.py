"""The app's log file: technical events only, never patient data.

SQL parameters are hidden by the engine (``hide_parameters``); database error texts can still
quote values (PostgreSQL's ``DETAIL: Key (mrn)=(...)``), so every record written to the file
passes a filter that drops those details and replaces database exceptions by their type and
SQLSTATE.
"""

from __future__ import annotations

import logging
import logging.handlers
import re
import sys
from pathlib import Path
from typing import TextIO

from platformdirs import user_log_dir
from sqlalchemy.exc import DBAPIError

_DETAIL = re.compile(r"^(DETAIL|HINT|CONTEXT|WHERE):.*$", re.MULTILINE)
_KEY_VALUE = re.compile(r"Key \((?P<cols>[^)]*)\)=\([^)]*\)")
_HANDLER_NAME = "clinic_app.log_file"
_PARAMS = re.compile(r"\[parameters: .*?\]", re.DOTALL)


def scrub(text: str) -> str:
    """Text with database detail lines and quoted key values removed."""
    text = _DETAIL.sub(r"\1: [withheld]", text)
    text = _KEY_VALUE.sub(r"Key (\g<cols>)=([withheld])", text)
    return _PARAMS.sub("[parameters withheld]", text)


class PatientDataFilter(logging.Filter):
    """Rewrites records so that nothing a database quoted reaches the log file."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = scrub(record.getMessage())
        if record.exc_info and isinstance(record.exc_info[1], DBAPIError):
            error = record.exc_info[1]
            state = getattr(error.orig, "sqlstate", None) or "-"
            message += f" [{type(error.orig).__name__}, SQLSTATE {state}]"
            record.exc_info = None
            record.exc_text = None
        elif record.exc_text:
            record.exc_text = scrub(record.exc_text)
        record.msg, record.args = message, None
        return True


def configure_logging(
    log_dir: Path | None = None, level: int = logging.WARNING, *, warn: TextIO | None = None
) -> Path | None:
    """Log to a rotating file in the user's log folder; returns the file's path.

    A log folder that cannot be written does not stop the app: it says once, on ``warn``
    (stderr), where it could not log, goes on without a log file and returns None.
    """
    folder = log_dir or Path(user_log_dir("clinic_app", appauthor=False))
    path = folder / "clinic_app.log"
    root = logging.getLogger()
    for old in [h for h in root.handlers if h.get_name() == _HANDLER_NAME]:
        root.removeHandler(old)  # configured again (tests, a second run in one process)
        old.close()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=2_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError as error:
        reason = error.strerror or type(error).__name__
        print(
            f"clinic-app: cannot write the log file {path} ({reason}); going on without a log",
            file=warn or sys.stderr,
        )
        # Nothing falls through to Python's last-resort handler, which would not scrub.
        silent = logging.NullHandler()
        silent.set_name(_HANDLER_NAME)
        root.addHandler(silent)
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(PatientDataFilter())
    handler.set_name(_HANDLER_NAME)
    root.addHandler(handler)
    root.setLevel(min(root.level or level, level))
    logging.getLogger("sqlalchemy").setLevel(logging.WARNING)
    return path
