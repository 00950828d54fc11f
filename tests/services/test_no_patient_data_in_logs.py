"""Patient data never reaches the log file, even when the database refuses a statement."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from clinic_app.bootstrap import Services
from clinic_app.log_setup import configure_logging, scrub
from clinic_app.services.booking import BookingRequest
from tests.conftest import DESK, NURSE

SECRET_NAME = "Zebediah Quixote-Wolfenstein"
SECRET_MRN = "ZQW424242"


def test_scrub_removes_quoted_values() -> None:
    text_ = (
        "duplicate key\nDETAIL:  Key (mrn)=(ZQW424242) already exists.\n[parameters: {'n': 'Zeb'}]"
    )
    cleaned = scrub(text_)
    assert "ZQW424242" not in cleaned and "Zeb" not in cleaned
    assert "DETAIL: [withheld]" in cleaned
    assert scrub("Key (mrn)=(X1) exists") == "Key (mrn)=([withheld]) exists"


def test_booking_flow_and_db_errors_log_no_patient_data(clinic: Services, tmp_path: Path) -> None:
    log_file = configure_logging(tmp_path, level=logging.DEBUG)
    logger = logging.getLogger("clinic_app.test")
    try:
        clinic.setup.add_patient(DESK, mrn=SECRET_MRN, name=SECRET_NAME, date_of_birth="1950-01-01")
        clinic.booking.book(NURSE, BookingRequest(SECRET_MRN, "denosumab", "2026-11-24T09:00"))
        with pytest.raises(DBAPIError) as caught, clinic.engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO patients (mrn, name, date_of_birth, notes, created_at) "
                    "VALUES (:m, :n, '1950-01-01', '', CURRENT_TIMESTAMP)"
                ),
                {"m": SECRET_MRN, "n": SECRET_NAME},
            )
        try:
            raise caught.value
        except DBAPIError:
            logger.exception("the database refused a statement")
        logger.error("refused: %s", caught.value)
    finally:
        for handler in list(logging.getLogger().handlers):
            if getattr(handler, "baseFilename", "") == str(log_file):
                handler.close()
                logging.getLogger().removeHandler(handler)
    written = log_file.read_text(encoding="utf-8")
    assert "the database refused a statement" in written
    assert SECRET_MRN not in written
    assert SECRET_NAME not in written
