"""The waitlist on the command line: add, list, offers for a cancelled session, take in one
step, withdraw; the exit codes of the README's table (2 invalid, 3 clinical rule, 5 role).

SQLite only: the CLI creates login roles on PostgreSQL with fixed names shared by the whole
cluster; the service tests cover both databases.
"""

from __future__ import annotations

import json

import pytest

from clinic_app.bootstrap import Services, open_services
from clinic_app.services.clock import fixed_clock
from tests.cli.test_cli import make_clinic, run
from tests.conftest import NOW

SLOT = "2026-11-26 10:00"


@pytest.fixture
def cli_clinic(sqlite_url: str) -> Services:
    services = open_services(sqlite_url, clock=fixed_clock(NOW))
    make_clinic(services)
    for mrn, name in (("M002", "Bob Baker"), ("M003", "Carol Cooper")):
        code, _, err = run(
            services, "patient", "add", "--mrn", mrn, "--name", name, "--dob", "1950-01-01"
        )
        assert code == 0, err
    # M001 on denosumab last month: IV iron in the freed slot is refused (E-rules).
    code, _, err = run(
        services,
        "exposure",
        "add",
        "--mrn",
        "M001",
        "--drug",
        "denosumab",
        "--date",
        "2026-11-01",
        user="fred",
    )
    assert code == 0, err
    return services


def _add(services: Services, mrn: str, therapy: str, user: str = "fred") -> tuple[int, str, str]:
    return run(
        services,
        "waitlist",
        "add",
        "--mrn",
        mrn,
        "--therapy",
        therapy,
        "--earliest",
        "2026-11-24",
        "--latest",
        "2026-12-31",
        "--json",
        user=user,
    )


def test_cancel_offer_take(cli_clinic: Services) -> None:
    s = cli_clinic
    code, out, err = _add(s, "M001", "ferric-carboxymaltose")
    assert code == 0, err
    refused = json.loads(out)["id"]
    code, out, err = _add(s, "M002", "zoledronic-acid", user="nina")
    assert code == 0, err
    fits = json.loads(out)["id"]
    code, out, err = run(
        s, "book", "--mrn", "M003", "--therapy", "zoledronic-acid", "--start", SLOT, "--chair",
        "Chair 1", "--json",
    )  # fmt: skip
    assert code == 0, err
    session = json.loads(out)["id"]
    assert run(s, "cancel", str(session), "--reason", "unwell")[0] == 0

    code, out, err = run(s, "waitlist", "offers", "--session", str(session), "--json", user="fred")
    assert code == 0, err
    offer = json.loads(out)["offer"]
    assert offer["entry"]["id"] == fits
    assert offer["chair"] == "Chair 1"

    # The refused entry cannot be taken: exit 3, nothing written.
    code, _, err = run(
        s, "waitlist", "take", str(refused), "--chair", "Chair 1", "--start", SLOT, user="fred"
    )
    assert code == 3, err
    code, out, err = run(
        s, "waitlist", "take", str(fits), "--chair", "Chair 1", "--start", SLOT, user="fred"
    )
    assert code == 0, err
    assert f"booked from waitlist entry {fits}" in out
    code, out, _ = run(s, "waitlist", "list", "--json", user="mia")
    assert [e["id"] for e in json.loads(out)["entries"]] == [refused]
    code, out, _ = run(s, "waitlist", "list", "--all", user="mia")
    assert f"entry {fits}: M002 Bob Baker, zoledronic-acid" in out and "booked" in out


def test_withdraw_roles_and_bad_input(cli_clinic: Services) -> None:
    s = cli_clinic
    assert _add(s, "M002", "zoledronic-acid", user="mia")[0] == 5
    code, out, err = _add(s, "M002", "zoledronic-acid")
    assert code == 0, err
    entry = json.loads(out)["id"]
    assert run(s, "waitlist", "withdraw", str(entry), user="mia")[0] == 5
    code, out, err = run(s, "waitlist", "withdraw", str(entry), "--reason", "moved", user="fred")
    assert code == 0, err
    assert "withdrawn" in out
    assert run(s, "waitlist", "withdraw", str(entry), user="fred")[0] == 2
    assert run(s, "waitlist", "offers", user="fred")[0] == 2
    code, out, _ = run(s, "waitlist", "offers", "--chair", "Chair 1", "--start", SLOT)
    assert code == 0 and "no waiting patient fits" in out
    code, _, err = run(
        s, "waitlist", "add", "--mrn", "M002", "--therapy", "zoledronic-acid", "--earliest",
        "2026-12-31", "--latest", "2026-12-01",
    )  # fmt: skip
    assert code == 2 and "latest" in err
