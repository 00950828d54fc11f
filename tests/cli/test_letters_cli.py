"""``clinic-app letters SESSION_ID --out DIR`` and ``clinic-app clinic set --phone``.

SQLite only (the CLI's login roles are cluster-wide on PostgreSQL); the service tests cover
both databases.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clinic_app.bootstrap import Services, open_services
from clinic_app.services.clock import fixed_clock
from tests.cli.test_cli import make_clinic, run
from tests.conftest import NOW


@pytest.fixture
def cli_clinic(sqlite_url: str) -> Services:
    services = open_services(sqlite_url, clock=fixed_clock(NOW))
    make_clinic(services)
    return services


def book(services: Services, therapy: str, *extra: str) -> int:
    code, out, err = run(
        services,
        "book",
        "--mrn",
        "M001",
        "--therapy",
        therapy,
        "--start",
        "2026-12-01T10:00",
        *extra,
        "--json",
    )
    assert code == 0, err
    session_id: int = json.loads(out)["id"]
    return session_id


def add_denosumab(services: Services) -> None:
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


def test_letters_written_for_iron_after_an_outside_antiresorptive(
    cli_clinic: Services, tmp_path: Path, qapp: object
) -> None:
    code, out, err = run(cli_clinic, "clinic", "set", "--phone", "020 7946 0123", user="ada")
    assert code == 0, err
    assert "020 7946 0123" in out
    add_denosumab(cli_clinic)
    session_id = book(
        cli_clinic, "ferric-carboxymaltose", "--override", "Hb 72", "--consulted", "Dr Ann Lee"
    )
    out_dir = tmp_path / "letters"
    out_dir.mkdir()  # the folder must exist, as for every --out
    code, out, err = run(cli_clinic, "letters", str(session_id), "--out", str(out_dir), user="fred")
    assert code == 0, err
    letter = out_dir / f"session-{session_id}-letter-to-prescriber.pdf"
    sheet = out_dir / f"session-{session_id}-patient-sheet.pdf"
    assert letter.read_bytes().startswith(b"%PDF") and sheet.read_bytes().startswith(b"%PDF")
    assert str(letter) in out and str(sheet) in out
    assert "no antiresorptive before Wed 24 Feb 2027" in out
    assert "no phone number" not in out


def test_a_clinic_without_a_phone_is_told(
    cli_clinic: Services, tmp_path: Path, qapp: object
) -> None:
    add_denosumab(cli_clinic)
    session_id = book(
        cli_clinic, "ferric-carboxymaltose", "--override", "Hb 72", "--consulted", "Dr Ann Lee"
    )
    code, out, err = run(cli_clinic, "letters", str(session_id), "--out", str(tmp_path))
    assert code == 0, err
    assert "no phone number" in out and "clinic set --phone" in out


def test_not_iron_or_no_outside_antiresorptive_exit_2_naming_the_field(
    cli_clinic: Services, tmp_path: Path
) -> None:
    zol = book(cli_clinic, "zoledronic-acid")
    code, out, err = run(cli_clinic, "letters", str(zol), "--out", str(tmp_path / "a"))
    assert code == 2
    assert "invalid input: session:" in err and "not IV iron" in err
    run(cli_clinic, "cancel", str(zol))
    iron = book(cli_clinic, "ferric-derisomaltose")
    code, out, err = run(cli_clinic, "letters", str(iron), "--out", str(tmp_path / "b"))
    assert code == 2
    assert "invalid input: exposure:" in err
    code, out, err = run(cli_clinic, "letters", "999", "--out", str(tmp_path / "c"))
    assert code == 2
    assert "session" in err
    assert not any((tmp_path / name).exists() for name in ("a", "b", "c"))


def test_managers_may_not_print_letters(cli_clinic: Services, tmp_path: Path) -> None:
    add_denosumab(cli_clinic)
    session_id = book(
        cli_clinic, "ferric-carboxymaltose", "--override", "Hb 72", "--consulted", "Dr Ann Lee"
    )
    code, out, err = run(
        cli_clinic, "letters", str(session_id), "--out", str(tmp_path / "m"), user="mia"
    )
    assert code == 5
    assert "not permitted" in err
    assert not (tmp_path / "m").exists()


def test_only_an_administrator_sets_the_clinic_phone(cli_clinic: Services) -> None:
    code, out, err = run(cli_clinic, "clinic", "set", "--phone", "020 7946 0123", user="nina")
    assert code == 5
    code, out, err = run(cli_clinic, "clinic", "set", "--phone", "not a phone!", user="ada")
    assert code == 2
    assert "phone" in err
    assert cli_clinic.setup.clinic_phone() is None
