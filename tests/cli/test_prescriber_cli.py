"""The prescriber in the loop on the command line: --prescriber on book and move,
--override REASON --consulted NAME, shown by ``day``; bad input exits 2 naming the field.

SQLite only: the CLI creates login roles on PostgreSQL with fixed names shared by the whole
cluster; the service tests cover both databases.
"""

from __future__ import annotations

import json

import pytest

from clinic_app.bootstrap import Services, open_services
from clinic_app.services.clock import fixed_clock
from tests.cli.test_cli import USERS, make_clinic, run
from tests.conftest import NOW

IRON = [
    "--mrn",
    "M001",
    "--therapy",
    "ferric-carboxymaltose",
    "--start",
    "2026-12-01T10:00",
    "--chair",
    "Chair 1",
]


@pytest.fixture
def cli_clinic(sqlite_url: str) -> Services:
    services = open_services(sqlite_url, clock=fixed_clock(NOW))
    make_clinic(services)
    code, _, err = run(
        services,
        "exposure",
        "add",
        "--mrn",
        "M001",
        "--drug",
        "denosumab",
        "--date",
        "2026-10-01",
        "--where",
        "Riverside Surgery",
        user="fred",
    )
    assert code == 0, err
    return services


def day_json(services: Services, day: str) -> dict[str, object]:
    code, out, err = run(services, "day", day, "--json")
    assert code == 0, err
    data: dict[str, object] = json.loads(out)
    return data


def test_book_names_the_prescriber(cli_clinic: Services) -> None:
    code, out, err = run(
        cli_clinic,
        "book",
        "--mrn",
        "M001",
        "--therapy",
        "zoledronic-acid",
        "--start",
        "2026-11-24T09:00",
        "--prescriber",
        "Dr Ann Lee",
        "--prescriber-practice",
        "Riverside Surgery",
        "--prescriber-contact",
        "020 7946 0000",
        user="fred",
    )
    assert code == 0, err
    assert "prescriber: Dr Ann Lee, Riverside Surgery, 020 7946 0000" in out
    (session,) = day_json(cli_clinic, "2026-11-24")["sessions"]  # type: ignore[misc]
    assert session["prescriber"] == {
        "name": "Dr Ann Lee",
        "practice": "Riverside Surgery",
        "contact": "020 7946 0000",
    }
    code, out, err = run(cli_clinic, "day", "2026-11-24")
    assert "prescriber: Dr Ann Lee, Riverside Surgery, 020 7946 0000" in out


def test_override_needs_the_prescriber_consulted(cli_clinic: Services) -> None:
    code, out, err = run(cli_clinic, "book", *IRON, "--override", "Hb 72; haematology agrees")
    assert code == 2
    assert "consulted" in err and "prescriber consulted" in err
    assert day_json(cli_clinic, "2026-12-01")["sessions"] == []

    code, out, err = run(
        cli_clinic,
        "book",
        *IRON,
        "--override",
        "Hb 72; haematology agrees",
        "--consulted",
        "Dr Ann Lee",
        "--json",
    )
    assert code == 0, err
    booked = json.loads(out)
    overrides = [f["override"] for f in booked["findings"] if "override" in f]
    assert overrides and all(o["consulted"] == "Dr Ann Lee" for o in overrides)

    code, out, err = run(cli_clinic, "day", "2026-12-01")
    assert code == 0, err
    expected = "Hb 72; haematology agrees; prescriber consulted: Dr Ann Lee]"
    assert f"[override by {USERS['nina']}: {expected}" in out


def test_refusal_tells_the_nurse_both_options(cli_clinic: Services) -> None:
    code, out, err = run(cli_clinic, "book", *IRON)
    assert code == 3
    assert "--override REASON --consulted PRESCRIBER" in err


def test_consulted_without_override_and_bad_text_exit_2(cli_clinic: Services) -> None:
    code, out, err = run(cli_clinic, "book", *IRON, "--consulted", "Dr Ann Lee")
    assert code == 2
    assert "consulted" in err
    code, out, err = run(cli_clinic, "book", *IRON, "--prescriber", "Dr Ann\x1bLee")
    assert code == 2
    assert "invalid input: prescriber:" in err
    code, out, err = run(cli_clinic, "book", *IRON, "--prescriber-practice", "Riverside Surgery")
    assert code == 2
    assert "invalid input: prescriber:" in err
    assert day_json(cli_clinic, "2026-12-01")["sessions"] == []


def test_move_carries_the_prescriber_and_the_consulted(cli_clinic: Services) -> None:
    code, out, err = run(
        cli_clinic,
        "book",
        "--mrn",
        "M001",
        "--therapy",
        "ferric-carboxymaltose",
        "--start",
        "2027-03-02T10:00",
        "--override",
        "Hb 70",
        "--consulted",
        "Dr Ann Lee",
        "--json",
    )
    assert code == 0, err
    session_id = json.loads(out)["id"]
    code, out, err = run(
        cli_clinic, "move", str(session_id), "--start", "2026-12-01T10:00", "--override", "ok"
    )
    assert code == 2
    assert "consulted" in err
    code, out, err = run(
        cli_clinic,
        "move",
        str(session_id),
        "--start",
        "2026-12-01T10:00",
        "--override",
        "ok now, phosphate checked",
        "--consulted",
        "Dr Bo Kim",
        "--prescriber",
        "Dr Bo Kim",
        "--json",
    )
    assert code == 0, err
    moved = json.loads(out)
    assert moved["prescriber"] == {"name": "Dr Bo Kim", "practice": "", "contact": ""}
    consulted = {f["override"]["consulted"] for f in moved["findings"] if "override" in f}
    assert "Dr Bo Kim" in consulted
