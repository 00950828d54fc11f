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
from pathlib import Path

from platformdirs import user_log_dir
from sqlalchemy.exc import DBAPIError

_DETAIL = re.compile(r"^(DETAIL|HINT|CONTEXT|WHERE):.*$", re.MULTILINE)
_KEY_VALUE = re.compile(r"Key \((?P<cols>[^)]*)\)=\([^)]*\)")
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


def configure_logging(log_dir: Path | None = None, level: int = logging.WARNING) -> Path:
    """Log to a rotating file in the user's log folder; returns the file's path."""
    folder = log_dir or Path(user_log_dir("clinic_app", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "clinic_app.log"
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=2_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(PatientDataFilter())
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(min(root.level or level, level))
    logging.getLogger("sqlalchemy").setLevel(logging.WARNING)
    return path
