"""The CLI of issue 12: the recorder of an exposure is told, the check-in gate, results."""

from __future__ import annotations

from datetime import datetime

from clinic_app.bootstrap import Services
from clinic_app.services.booking import BookingRequest
from clinic_app.services.clock import fixed_clock
from tests.conftest import DESK, LONDON
from tests.services.test_cotherapy_story import cli


def test_recording_an_exposure_prints_the_sessions_it_stops(clinic: Services) -> None:
    iron = clinic.booking.book(
        DESK, BookingRequest("M001", "ferric-carboxymaltose", "2026-12-10T10:00", "Chair 1")
    )
    args = ("exposure", "add", "--mrn", "M001", "--drug", "denosumab", "--date", "2026-10-26")
    code, out, err = cli(clinic, *args, "--where", "GP", user="fred")
    assert code == 0, err
    assert "NOW STOPPED" in out
    assert f"session {iron.session.id} (Ferric carboxymaltose, 2026-12-10 10:00" in out
    assert "BLOCK E2" in out and "BLOCK E3" in out

    code, _, err = cli(
        clinic, "exposure", "add", "--mrn", "M001", "--drug", "denosumab",
        "--ongoing-since", "2025-01-01", user="fred",
    )  # fmt: skip
    assert code == 2 and "ongoing-since" in err
    code, out, err = cli(
        clinic, "exposure", "add", "--mrn", "M001", "--drug", "zoledronic-acid",
        "--last-dose-unknown", user="fred",
    )  # fmt: skip
    assert code == 0, err
    assert "last dose unknown" in out


def test_check_in_through_the_cli(clinic: Services) -> None:
    iron = clinic.booking.book(
        DESK, BookingRequest("M001", "ferric-carboxymaltose", "2026-12-10T10:00", "Chair 1")
    )
    sid = str(iron.session.id)
    code, _, err = cli(clinic, "status", sid, "arrived")
    assert code == 2 and "which has not come yet" in err
    clinic.ctx.clock = fixed_clock(datetime(2026, 12, 10, 9, tzinfo=LONDON))
    code, _, err = cli(clinic, "status", sid, "arrived")
    assert code == 3
    assert "R1" in err and "no phosphate result on file" in err
    code, out, err = cli(
        clinic,
        "status",
        sid,
        "arrived",
        "--override",
        "phosphate 1.1 by phone",
        "--consulted",
        "Dr Grey",
    )
    assert code == 0, err
    assert "override by nina" in out
