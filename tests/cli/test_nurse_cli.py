"""The nurse rota on the command line (issue 14): the manager keeps it, a nurse conflict is
the scheduling-conflict exit code with the time and the next free start, the day's load."""

from __future__ import annotations

import json

from clinic_app.bootstrap import Services
from clinic_app.cli import EXIT_CONFLICT, EXIT_FORBIDDEN, EXIT_OK
from tests.cli.test_cli import cli_clinic, run

__all__ = ["cli_clinic"]


def book(services: Services, mrn: str, chair: str) -> tuple[int, str, str]:
    return run(
        services,
        "book",
        "--mrn",
        mrn,
        "--therapy",
        "zoledronic-acid",
        "--start",
        "2026-11-24T09:00",
        "--chair",
        chair,
    )


def test_the_rota_from_the_command_line_and_a_nurse_conflict_exits_4(
    cli_clinic: Services,
) -> None:
    code, out, err = run(cli_clinic, "rota", "2026-11-24")
    assert code == EXIT_OK, err
    assert "no nurse rota for 2026-11-24" in out
    assert run(cli_clinic, "nurse", "add", "Nora Night", user="nina")[0] == EXIT_FORBIDDEN
    assert run(cli_clinic, "nurse", "add", "Nora Night", user="mia")[0] == EXIT_OK
    code, out, err = run(
        cli_clinic,
        "shift",
        "set",
        "Nora Night",
        "2026-11-24",
        "08:00",
        "16:00",
        "--break",
        "12:00-12:30",
        user="mia",
    )
    assert code == EXIT_OK, err
    assert "Nora Night 2026-11-24 08:00-16:00 (breaks 12:00-12:30)" in out
    assert run(cli_clinic, "nurse", "ratio", "3", user="mia")[1].startswith("nurse ratio: 3")
    code, _, err = run(
        cli_clinic,
        "patient",
        "add",
        "--mrn",
        "M002",
        "--name",
        "Bob Baker",
        "--dob",
        "1948-07-01",
        user="fred",
    )
    assert code == EXIT_OK, err
    assert book(cli_clinic, "M001", "Chair 1")[0] == EXIT_OK
    code, out, err = book(cli_clinic, "M002", "Chair 2")
    assert code == EXIT_CONFLICT
    assert "no nurse free to start an infusion at 09:00" in err + out
    assert "10:00 is free" in err + out
    code, out, err = run(cli_clinic, "rota", "2026-11-24", "--json")
    assert code == EXIT_OK, err
    data = json.loads(out)
    assert data["nurse_checked"] and data["ratio"] == 3 and data["over"] == []
    assert data["shifts"] == [
        {"nurse": "Nora Night", "start": "08:00", "end": "16:00", "breaks": ["12:00-12:30"]}
    ]
    nine = next(p for p in data["load"] if p["at"] == "09:00")
    assert (nine["exclusive"], nine["needed"], nine["on_duty"]) == (1, 1, 1)
    code, out, err = run(cli_clinic, "nurse", "assignment", "2026-11-24")
    assert code == EXIT_OK, err
    assert "Nora Night" in out and "hand-offs: 0" in out
    code, out, err = run(cli_clinic, "nurse", "patients", "Nora Night", "2026-11-24")
    assert code == EXIT_OK and "1 patients" in out and "M001" in out
