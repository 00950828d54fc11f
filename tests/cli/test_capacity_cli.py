"""The capacity report on the command line (issue 14): a table for people, JSON with the load
per 15 minutes, managers only, the period's bounds as invalid input."""

from __future__ import annotations

import json

from clinic_app.bootstrap import Services
from clinic_app.cli import EXIT_FORBIDDEN, EXIT_INVALID, EXIT_OK
from tests.cli.test_cli import cli_clinic, run

__all__ = ["cli_clinic"]


def seed(services: Services) -> None:
    """One nurse 08:00-16:00 on Tuesday 2026-11-24 and one zoledronic acid infusion (60 chair
    minutes: 10 set-up, 5 take-down) at 09:00 on Chair 1; the patient on the waitlist."""
    assert run(services, "nurse", "add", "Nora Night", user="mia")[0] == EXIT_OK
    code, _, err = run(
        services, "shift", "set", "Nora Night", "2026-11-24", "08:00", "16:00", user="mia"
    )
    assert code == EXIT_OK, err
    code, _, err = run(
        services,
        "book",
        "--mrn",
        "M001",
        "--therapy",
        "zoledronic-acid",
        "--start",
        "2026-11-24T09:00",
        "--chair",
        "Chair 1",
    )
    assert code == EXIT_OK, err
    code, _, err = run(
        services,
        "waitlist",
        "add",
        "--mrn",
        "M001",
        "--therapy",
        "denosumab",
        "--earliest",
        "2026-11-25",
        "--latest",
        "2026-12-31",
        user="fred",
    )
    assert code == EXIT_OK, err


def test_the_capacity_report_as_a_table(cli_clinic: Services) -> None:
    seed(cli_clinic)
    code, out, err = run(cli_clinic, "report", "capacity", "2026-11-23", "2026-11-29", user="mia")
    assert code == EXIT_OK, err
    lines = out.splitlines()
    assert lines[0].startswith("Capacity 2026-11-23 to 2026-11-29, ")
    assert lines[0].endswith(" (nurse ratio 4)")
    # Two chairs x 10 h open; the Tuesday has 1 h booked: 5.0 %, 19 h idle, peak 1 set-up
    # (1 nurse needed of 1 on duty at 09:00), nothing over capacity.
    tuesday = next(line for line in lines if "2026-11-24" in line and "Tue" in line)
    assert tuesday.split() == [
        "Tue",
        "2026-11-24",
        "5.0",
        "1.0",
        "19.0",
        "1",
        "1",
        "1",
        "09:00",
        "0",
    ]
    monday = next(line for line in lines if line.startswith("Mon 2026-11-23"))
    assert monday.split()[2:] == ["0.0", "0.0", "20.0", "0", "0", "0", "-", "no", "rota"]
    assert "Sat 2026-11-28 closed" in lines
    assert any(line.startswith("total: utilisation 1.0 %, idle 99.0 chair-hours") for line in lines)
    assert any(
        line.startswith("waitlist on 2026-11-23: 1 waiting, 0 offered, 0 expired; waiting since")
        for line in lines
    )


def test_the_capacity_report_as_json(cli_clinic: Services) -> None:
    seed(cli_clinic)
    code, out, err = run(
        cli_clinic, "report", "capacity", "2026-11-24", "2026-11-24", "--json", user="ada"
    )
    assert code == EXIT_OK, err
    data = json.loads(out)
    (day,) = data["days"]
    assert (day["date"], day["open"], day["nurse_checked"]) == ("2026-11-24", True, True)
    assert day["utilisation"] == 60 / 1200
    assert (day["booked_chair_hours"], day["idle_chair_hours"]) == (1.0, 19.0)
    assert (day["peak_setups"], day["peak_needed"], day["peak_at"]) == (1, 1, "09:00")
    load = {p["at"]: p for p in day["load"]}
    assert load["09:00"] == {
        "at": "09:00",
        "exclusive": 1,
        "monitored": 0,
        "needed": 1,
        "on_duty": 1,
    }
    assert load["09:15"]["monitored"] == 1 and load["16:00"]["on_duty"] == 0
    assert data["waitlist"]["by_therapy"] == [{"therapy": "denosumab", "waiting": 1, "offered": 0}]


def test_the_capacity_report_is_for_managers_and_bounded(cli_clinic: Services) -> None:
    for user in ("fred", "nina"):
        code, _, err = run(cli_clinic, "report", "capacity", "2026-11-23", "2026-11-29", user=user)
        assert code == EXIT_FORBIDDEN, err
    code, _, err = run(cli_clinic, "report", "capacity", "2026-11-29", "2026-11-23", user="mia")
    assert code == EXIT_INVALID and "to" in err
    code, _, err = run(cli_clinic, "report", "capacity", "2026-01-01", "2027-01-02", user="mia")
    assert code == EXIT_INVALID and "366 days" in err
