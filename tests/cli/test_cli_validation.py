"""Hostile input through the CLI: invalid input exits 2, names the field and writes nothing.

The checks live in the services (the GUI shares them); these tests show that the command
line reaches them. Users get names unique to the test, and their PostgreSQL login roles are
dropped afterwards, so parallel runs on one server never collide.
"""

from __future__ import annotations

import io
import itertools
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from clinic_app.bootstrap import Services, open_services
from clinic_app.cli import main
from clinic_app.services.actor import Actor, Role
from clinic_app.services.clock import fixed_clock
from tests.conftest import NOW
from tests.db_counts import row_counts

PASSWORD = "correct horse battery"
_serial = itertools.count()


@dataclass(frozen=True)
class CliClinic:
    """A clinic with two chairs and one patient, and a user of each role (unique names)."""

    services: Services
    admin: str
    desk: str
    nurse: str

    def run(self, *argv: str, user: str | None = None) -> tuple[int, str, str]:
        """The CLI in-process as ``user`` (the nurse unless told)."""
        out, err = io.StringIO(), io.StringIO()
        saved = {k: os.environ.get(k) for k in ("CLINIC_APP_PASSWORD", "CLINIC_APP_USER")}
        os.environ["CLINIC_APP_PASSWORD"] = PASSWORD
        os.environ.pop("CLINIC_APP_USER", None)
        try:
            code = main(
                ["--user", user or self.nurse, *argv], out=out, err=err, services=self.services
            )
        finally:
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value
        return code, out.getvalue(), err.getvalue()

    def row_counts(self) -> dict[str, int]:
        """Rows per table, logins left out: a refused command changes none of them."""
        return row_counts(self.services, logins=False)


@pytest.fixture
def cli(db_url: str) -> Iterator[CliClinic]:
    services = open_services(db_url, clock=fixed_clock(NOW))
    suffix = f"{os.getpid()}x{next(_serial)}"
    names = {role: f"v{suffix}.{role}" for role in ("admin", "front-desk", "nurse")}
    admin = services.auth.create_first_admin(names["admin"], PASSWORD)
    services.setup.init_clinic(admin, name="Test clinic", timezone="Europe/London")
    services.auth.add_user(admin, names["front-desk"], "front-desk", PASSWORD)
    services.auth.add_user(admin, names["nurse"], "nurse", PASSWORD)
    for chair in ("Chair 1", "Chair 2"):
        services.setup.add_chair(admin, chair)
    clinic = CliClinic(services, names["admin"], names["front-desk"], names["nurse"])
    code, _, err = clinic.run(
        "patient", "add", "--mrn", "M001", "--name", "Alice Archer", "--dob", "1950-03-14"
    )
    assert code == 0, err
    yield clinic
    services.engine.dispose()
    if db_url.startswith("postgresql"):  # users are no roles (revision 0011): none to drop
        cleanup = create_engine(db_url, poolclass=NullPool, isolation_level="AUTOCOMMIT")
        with cleanup.connect() as conn:
            made = conn.scalars(
                text("SELECT rolname FROM pg_roles WHERE rolname = ANY(:n)"),
                {"n": list(names.values())},
            ).all()
        cleanup.dispose()
        assert made == []


def test_a_name_cannot_forge_a_line_of_the_daily_list(cli: CliClinic) -> None:
    forged = "Eve\n  09:00-10:00  Chair 2    M666       Mallory"
    before = cli.row_counts()
    code, _, err = cli.run(
        "patient", "add", "--mrn", "M002", "--name", forged, "--dob", "1960-01-01"
    )
    assert code == 2
    assert err.startswith("invalid input: name: contains a control or formatting character")
    assert "U+000A" in err and "Traceback" not in err
    code, _, err = cli.run(
        "patient", "add", "--mrn", "M002", "--name", "Eve \u202eyllaM", "--dob", "1960-01-01"
    )
    assert code == 2 and "U+202E" in err
    assert cli.row_counts() == before
    code, out, _ = cli.run(
        "book", "--mrn", "M001", "--therapy", "denosumab", "--start", "2026-11-24T09:00"
    )
    assert code == 0
    code, out, _ = cli.run("day", "2026-11-24")
    assert code == 0
    assert len(out.splitlines()) == 2  # the date and the one session, nothing forged
    code, out, _ = cli.run("day", "2026-11-24", "--json")
    assert [s["patient"] for s in json.loads(out)["sessions"]] == ["Alice Archer"]


@pytest.mark.parametrize(
    "course",
    ["x" * 41, "iron\x1b]0;owned\x07", "course\u202e", "x" * 100_000],
    ids=["41 characters", "terminal escape", "bidi override", "100 kB"],
)
def test_book_course_is_checked(cli: CliClinic, course: str) -> None:
    before = cli.row_counts()
    code, out, err = cli.run(
        "book",
        "--mrn",
        "M001",
        "--therapy",
        "denosumab",
        "--start",
        "2026-11-24T09:00",
        "--course",
        course,
    )
    assert code == 2, err
    assert err.startswith("invalid input: course: ")
    assert "Traceback" not in err and out == ""
    assert cli.row_counts() == before


@pytest.mark.parametrize("count", ["0", "-5", "25", str(10**30)])
def test_book_count_outside_one_to_the_cap_is_refused(cli: CliClinic, count: str) -> None:
    before = cli.row_counts()
    for every in ((), ("--every", "3 months")):
        code, out, err = cli.run(
            "book",
            "--mrn",
            "M001",
            "--therapy",
            "ibandronate",
            "--start",
            "2026-11-24T09:00",
            "--count",
            count,
            *every,
        )
        assert code == 2, err
        assert err.startswith("invalid input: count: ")
        assert "1 to 24" in err and "Traceback" not in err
    assert cli.row_counts() == before


def test_book_count_one_books_one_and_a_series_books_each_dose(cli: CliClinic) -> None:
    code, out, err = cli.run(
        "book", "--mrn", "M001", "--therapy", "ibandronate", "--start", "2026-11-24T09:00",
        "--count", "1", "--json",
    )  # fmt: skip
    assert code == 0, err
    assert json.loads(out)["start"] == "2026-11-24T09:00"
    code, out, err = cli.run(
        "book", "--mrn", "M001", "--therapy", "ibandronate", "--start", "2027-02-24T09:00",
        "--count", "2", "--every", "3 months", "--json",
    )  # fmt: skip
    assert code == 0, err
    assert [s["start"] for s in json.loads(out)["sessions"]] == [
        "2027-02-24T09:00",
        "2027-05-24T09:00",
    ]


def test_status_refusals_exit_2_and_name_the_next_statuses(cli: CliClinic) -> None:
    # Iron sucrose without antiresorptive exposure: no result gates its check-in (R1).
    code, out, err = cli.run(
        "book", "--mrn", "M001", "--therapy", "iron-sucrose", "--start", "2026-11-23T09:00",
        "--json",
    )  # fmt: skip
    assert code == 0, err
    today = str(json.loads(out)["id"])
    code, out, err = cli.run(
        "book", "--mrn", "M001", "--therapy", "iron-sucrose", "--start", "2026-11-24T09:00",
        "--json",
    )  # fmt: skip
    assert code == 0, err
    tomorrow = str(json.loads(out)["id"])
    before = cli.row_counts()
    code, _, err = cli.run("status", today, "completed")
    assert code == 2
    assert err == (
        "invalid input: status: this session is booked; "
        "it can become arrived, in the chair, a no-show or cancelled\n"
    )
    code, _, err = cli.run("status", tomorrow, "arrived")
    assert code == 2
    assert "has not come yet" in err and "it can become cancelled" in err
    assert cli.row_counts() == before
    assert cli.run("status", today, "arrived")[0] == 0


def test_day_output_on_both_clock_changes(cli: CliClinic) -> None:
    admin = Actor(cli.admin, Role.ADMIN)
    cli.services.setup.set_opening_hours(admin, 6, "00:00", "04:00")  # Sunday nights
    for mrn, name in (("M002", "Bob Baker"), ("M003", "Carol Cooper")):
        code, _, err = cli.run(
            "patient", "add", "--mrn", mrn, "--name", name, "--dob", "1948-07-01"
        )
        assert code == 0, err

    def book(mrn: str, start: str, chair: str) -> None:
        code, _, err = cli.run(
            "book", "--mrn", mrn, "--therapy", "zoledronic-acid", "--start", start,
            "--chair", chair,
        )  # fmt: skip
        assert code == 0, err

    # 31 October 2027: 02:00 BST -> 01:00 GMT. Without an offset 01:30 is refused.
    code, _, err = cli.run(
        "book", "--mrn", "M001", "--therapy", "zoledronic-acid", "--start", "2027-10-31T01:30"
    )
    assert code == 2
    assert "2027-10-31T01:30+01:00" in err and "2027-10-31T01:30+00:00" in err
    book("M001", "2027-10-31T01:30+01:00", "Chair 1")
    book("M002", "2027-10-31T01:30+00:00", "Chair 1")
    code, out, _ = cli.run("day", "2027-10-31")
    lines = out.splitlines()
    assert lines[1].startswith("  01:30 BST-01:30 GMT  Chair 1    M001")
    assert lines[2].startswith("  01:30 GMT-02:30  Chair 1    M002")
    code, out, _ = cli.run("day", "2027-10-31", "--json")
    assert [(s["start"], s["end"]) for s in json.loads(out)["sessions"]] == [
        ("2027-10-31T01:30+01:00", "2027-10-31T01:30+00:00"),
        ("2027-10-31T01:30+00:00", "2027-10-31T02:30"),
    ]
    # 28 March 2027: 01:00 GMT -> 02:00 BST. The end of a 00:30 hour is 02:30 BST.
    code, _, err = cli.run(
        "book", "--mrn", "M003", "--therapy", "zoledronic-acid", "--start", "2027-03-28T01:30"
    )
    assert code == 2 and "invalid input: start: 2027-03-28 01:30 does not exist" in err
    book("M003", "2027-03-28T00:30", "Chair 2")
    code, out, _ = cli.run("day", "2027-03-28")
    assert out.splitlines()[1].startswith("  00:30-02:30  Chair 2    M003")
