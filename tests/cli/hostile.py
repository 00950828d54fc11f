"""Helpers for the hostile-input suites: a seeded clinic, a dump of its tables, one CLI run.

The contract every hostile case checks: an exit code the README lists for an answer (0, 2, 3,
4 or 5; never 1 with a reachable database, never 70), no traceback, and on a refusal nothing
written: every table but the audit trail (which records refused attempts on purpose) is
unchanged, and no file appeared in the scratch folder.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from clinic_app.bootstrap import Services, open_services
from clinic_app.cli import main
from clinic_app.persistence.models import Base
from clinic_app.services.actor import Actor
from clinic_app.services.booking import BookingRequest
from clinic_app.services.clock import fixed_clock
from tests.cli.test_cli import PASSWORD, USERS, make_clinic
from tests.conftest import NOW

AUDIT_TABLE = "audit_log"
ANSWER_CODES = frozenset({0, 2, 3, 4, 5})

Dump = dict[str, list[tuple[object, ...]]]


@dataclass
class Seeded:
    """A clinic on a SQLite file: users ada (admin), fred (desk), nina (nurse), mia (manager);
    Chair 1 and 2; patients M001 to M005; session ``session_id`` booked for M001 (and one for
    each of M003 to M005); and a
    scratch folder for files the commands may write, holding one file ``a-file.txt``."""

    services: Services
    session_id: int
    scratch: Path
    actors: dict[str, Actor]

    def __repr__(self) -> str:  # short, for hypothesis' reports of a failing example
        return f"Seeded({self.scratch.parent})"


def seed(folder: Path) -> Seeded:
    """Build the seeded clinic in ``folder``."""
    services = open_services(f"sqlite:///{folder / 'clinic.sqlite3'}", clock=fixed_clock(NOW))
    make_clinic(services)
    nurse = services.auth.authenticate(USERS["nina"], PASSWORD)
    services.setup.add_patient(nurse, mrn="M002", name="Bob Baker", date_of_birth="1948-07-01")
    services.setup.add_exposure(
        nurse, mrn="M002", drug="denosumab", last_dose="2026-10-01", where="GP"
    )
    outcome = services.booking.book(
        nurse, BookingRequest("M001", "zoledronic-acid", "2026-11-24T09:00", "Chair 1")
    )
    assert outcome.session.id is not None
    # More sessions (and their labs) for move, cancel and status to act on.
    for mrn, name, therapy, start in (
        ("M003", "Carol Cooper", "ibandronate", "2026-11-25T10:00"),
        ("M004", "Dan Dawson", "ferric-carboxymaltose", "2026-11-26T10:00"),
        ("M005", "Eve Evans", "denosumab", "2026-11-27T11:00"),
    ):
        services.setup.add_patient(nurse, mrn=mrn, name=name, date_of_birth="1955-05-05")
        services.booking.book(nurse, BookingRequest(mrn, therapy, start, "Chair 2"))
    scratch = folder / "scratch"
    scratch.mkdir()
    (scratch / "a-file.txt").write_text("not a folder\n", encoding="utf-8")
    actors = {
        name: services.auth.authenticate(USERS[name], PASSWORD)
        for name in ("ada", "fred", "nina", "mia")
    }
    return Seeded(services, outcome.session.id, scratch, actors)


def dump(services: Services) -> Dump:
    """Every row of every table but the audit trail, in primary-key order."""
    with services.engine.connect() as conn:
        return {
            table.name: [
                tuple(row) for row in conn.execute(select(table).order_by(*table.primary_key))
            ]
            for table in Base.metadata.sorted_tables
            if table.name != AUDIT_TABLE
        }


def files_under(folder: Path) -> set[str]:
    """Every path below ``folder`` (files and folders), relative to it."""
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


def run_cli(
    services: Services, argv: list[str], *, actor: Actor | None = None, user: str | None = None
) -> tuple[int, str, str]:
    """Run ``clinic-app ARGV`` in-process; as ``actor`` (already logged in) or ``--user``."""
    out, err = io.StringIO(), io.StringIO()
    full = ["--user", USERS.get(user, user), *argv] if user else list(argv)
    saved = {k: os.environ.get(k) for k in ("CLINIC_APP_PASSWORD", "CLINIC_APP_NEW_PASSWORD")}
    os.environ["CLINIC_APP_PASSWORD"] = PASSWORD
    os.environ["CLINIC_APP_NEW_PASSWORD"] = PASSWORD
    try:
        code = main(full, out=out, err=err, services=services, actor=actor)
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    return code, out.getvalue(), err.getvalue()


def assert_clean_answer(code: int, out: str, err: str) -> None:
    """An answer from the contract's table, and no traceback anywhere."""
    assert code in ANSWER_CODES, (code, out[-2000:], err[-2000:])
    assert "Traceback" not in out and "Traceback" not in err, (out[-2000:], err[-2000:])
    assert "internal error" not in err, err[-2000:]
