"""``clinic-app settings ...``: every change previewed with --dry-run, refused with exit 4 when
future bookings no longer fit (unless --yes, which lists them for rebooking), exit 2 for bad
input, exit 5 for anyone but an administrator."""

from __future__ import annotations

import json

import pytest

from clinic_app.bootstrap import Services, open_services
from clinic_app.services.clock import fixed_clock
from tests.cli.test_cli import make_clinic, run
from tests.conftest import NOW


@pytest.fixture
def cli_clinic(db_url: str) -> Services:
    services = open_services(db_url, clock=fixed_clock(NOW))
    make_clinic(services)
    return services


def _book_christmas_eve(services: Services) -> None:
    code, _, err = run(
        services,
        "book",
        "--mrn",
        "M001",
        "--therapy",
        "denosumab",
        "--start",
        "2026-12-24 10:00",
        "--chair",
        "Chair 1",
    )
    assert code == 0, err


def test_close_a_booked_day_preview_refusal_and_confirmation(cli_clinic: Services) -> None:
    _book_christmas_eve(cli_clinic)
    argv = ("settings", "close", "2026-12-24", "--reason", "Christmas Eve")
    code, out, err = run(cli_clinic, *argv, "--dry-run", user="ada")
    assert code == 0, err
    assert out.startswith("preview (nothing changed): closed on 2026-12-24")
    assert "2026-12-24 10:00-" in out and "M001 Alice Archer (Chair 1)" in out
    code, out, err = run(cli_clinic, *argv, user="ada")
    assert code == 4 and "M001" in err and "confirm" in err
    code, out, err = run(cli_clinic, *argv, "--yes", "--json", user="ada")
    assert code == 0, err
    result = json.loads(out)
    assert result["applied"] is True
    assert [(a["kind"], a["mrn"]) for a in result["affected"]] == [("session", "M001")]
    code, out, _ = run(cli_clinic, "settings", "affected", user="nina")
    assert code == 0 and "M001" in out


def test_show_hours_and_chairs(cli_clinic: Services) -> None:
    code, _, err = run(cli_clinic, "settings", "hours", "saturday", "09:00", "13:00", user="ada")
    assert code == 0, err
    assert run(cli_clinic, "settings", "hours", "fri", "--closed", user="ada")[0] == 0
    assert run(cli_clinic, "settings", "chair", "add", "Chair 3", user="ada")[0] == 0
    assert run(cli_clinic, "settings", "chair", "rename", "Chair 3", "Recliner", user="ada")[0] == 0
    assert run(cli_clinic, "settings", "chair", "retire", "Recliner", user="ada")[0] == 0
    assert run(cli_clinic, "settings", "lab-capacity", "3", user="ada")[0] == 0
    code, out, err = run(cli_clinic, "settings", "show", "--json", user="nina")
    assert code == 0, err
    shown = json.loads(out)
    assert shown["hours"]["Saturday"] == ["09:00", "13:00"]
    assert shown["hours"]["Friday"] is None
    assert {"name": "Recliner", "retired": True} in shown["chairs"]
    assert shown["lab_station"]["draws_per_slot"] == 3


def test_bank_holidays_and_time_zone(cli_clinic: Services) -> None:
    code, out, err = run(
        cli_clinic, "settings", "holidays", "GB", "2027", "--subdivision", "ENG", user="ada"
    )
    assert code == 0, err
    code, out, _ = run(cli_clinic, "settings", "show", user="ada")
    assert "2027-05-31 Spring Bank Holiday" in out
    assert run(cli_clinic, "settings", "timezone", "Europe/Dublin", user="ada")[0] == 0
    assert "(Europe/Dublin)" in run(cli_clinic, "settings", "show", user="ada")[1]


@pytest.mark.parametrize(
    "argv",
    [
        ("settings", "hours", "someday", "09:00", "13:00"),
        ("settings", "hours", "mon", "13:00", "09:00"),
        ("settings", "hours", "mon"),
        ("settings", "close", "2026-02-30"),
        ("settings", "holidays", "XX", "2027"),
        ("settings", "timezone", "Mars/Olympus"),
        ("settings", "lab-capacity", "0"),
        ("settings", "chair", "retire", "No such chair"),
        ("settings", "chair", "rename", "Chair 1"),
    ],
)
def test_bad_input_exit_2(cli_clinic: Services, argv: tuple[str, ...]) -> None:
    code, _, err = run(cli_clinic, *argv, user="ada")
    assert code == 2, err


def test_not_an_administrator_exit_5(cli_clinic: Services) -> None:
    for argv in (
        ("settings", "close", "2026-12-24"),
        ("settings", "hours", "sat", "09:00", "12:00"),
        ("settings", "timezone", "Europe/Paris"),
        ("settings", "chair", "retire", "Chair 1"),
    ):
        code, _, err = run(cli_clinic, *argv, user="mia")
        assert code == 5 and "may not" in err


def test_a_series_moves_a_dose_off_a_bank_holiday(cli_clinic: Services) -> None:
    assert run(cli_clinic, "settings", "holidays", "GB", "2026", "2028", user="ada")[0] == 0
    argv = (
        "book",
        "--mrn",
        "M001",
        "--therapy",
        "zoledronic-acid",
        "--start",
        "2026-12-24 10:00",
        "--chair",
        "Chair 1",
        "--count",
        "3",
        "--every",
        "12 months",
    )
    code, _, err = run(cli_clinic, *argv)
    assert code == 4 and "dose 3 of 3" in err
    code, out, err = run(cli_clinic, *argv, "--next-open-day", "--json")
    assert code == 0, err
    sessions = json.loads(out)["sessions"]
    assert [(s["start"][:10], s["moved_from"]) for s in sessions] == [
        ("2026-12-24", None),
        ("2027-12-24", None),
        ("2028-12-27", "2028-12-24"),
    ]
