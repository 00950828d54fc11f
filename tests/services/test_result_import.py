"""Importing results from the laboratory: golden CSV and HL7 v2 ORU^R01 files, and hostile
files refused line by line with nothing written (issue 12), on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from clinic_app.bootstrap import Services
from clinic_app.services.booking import BookingRequest
from clinic_app.services.clock import fixed_clock
from clinic_app.services.lab_results import ImportRefusedError
from tests.conftest import DESK, LONDON, NURSE

pytestmark = pytest.mark.in_process(
    "lab_results.import_file reads a path on the server's disk: server-only (service_api.EXCLUDED)"
)

DATA = Path(__file__).parents[1] / "data" / "lab_results"
MONDAY = date(2026, 12, 14)
# Every result of the golden files: (mrn, lab, test, value, unit, drawn at, flag).
GOLDEN = [
    ("M001", 1, "calcium", 2.34, "mmol/L", "2026-12-09 17:30", "N"),
    ("M001", 1, "creatinine", 78.0, "umol/L", "2026-12-09 17:30", "N"),
    ("M001", 1, "vitamin-d", 42.0, "nmol/L", "2026-12-09 17:30", "L"),
    ("M002", 2, "calcium", 1.85, "mmol/L", "2026-12-09 17:45", "LL"),
]


@pytest.fixture
def drawn(clinic: Services) -> Services:
    """Zoledronic acid for M001 and M002 on Monday; their draws (ids 1 and 2) on Wednesday
    evening; the clock just after the draws."""
    for mrn, chair in (("M001", "Chair 1"), ("M002", "Chair 2")):
        clinic.booking.book(DESK, BookingRequest(mrn, "zoledronic-acid", f"{MONDAY}T10:00", chair))
    _, labs1 = clinic.queries.patient_schedule(NURSE, "M001")
    _, labs2 = clinic.queries.patient_schedule(NURSE, "M002")
    assert [lab.id for lab in labs1 + labs2] == [1, 2], "the golden files name draws 1 and 2"
    clinic.ctx.clock = fixed_clock(datetime(2026, 12, 9, 18, 30, tzinfo=LONDON))
    return clinic


def stored(services: Services) -> list[tuple[object, ...]]:
    rows = []
    for mrn in ("M001", "M002"):
        for r in services.lab_results.patient_results(NURSE, mrn):
            rows.append(
                (
                    r.mrn,
                    r.lab_id,
                    r.test,
                    r.value,
                    r.unit,
                    f"{r.drawn_at:%Y-%m-%d %H:%M}",
                    r.lab_flag,
                )
            )
    return sorted(rows)


@pytest.mark.parametrize("name", ["golden.hl7", "golden.csv"])
def test_golden_file(drawn: Services, name: str) -> None:
    imported = drawn.lab_results.import_file(NURSE, DATA / name)
    assert imported.source == name
    assert stored(drawn) == GOLDEN
    results = drawn.lab_results.patient_results(NURSE, "M001")
    assert {r.import_source for r in results} == {name}
    assert {r.entered_by for r in results} == {NURSE.username}
    # The severe calcium of M002 is URGENT (R3) and stops M002's zoledronic acid (A8).
    assert [(a.mrn, a.rule, a.level) for a in imported.recorded.alerts] == [
        ("M002", "R3", "URGENT")
    ]
    assert [(n.mrn, [f.rule for f in n.findings]) for n in imported.recorded.stopped_sessions] == [
        ("M002", ["A8"])
    ]
    _, labs = drawn.queries.patient_schedule(NURSE, "M001")
    assert {lab.status for lab in labs} == {"completed"}


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "wrong_units.csv",
            [
                "line 2: unit: creatinine is recorded in umol/L (SI), got 'mg/dL'",
                "line 4: unit: vitamin-d is recorded in nmol/L (SI), got 'ng/mL'",
            ],
        ),
        (
            "unknown_patient.csv",
            ["line 3: mrn: unknown patient: no patient with MRN 'Z999'"],
        ),
        (
            "duplicate.csv",
            ["line 4: test: duplicate result: lab draw 1 already has a calcium result"],
        ),
        ("truncated.csv", ["line 3: unit: missing (line truncated or empty field)"]),
        (
            "truncated.hl7",
            [
                "message 1, OBX 2: unit: creatinine is recorded in umol/L (SI), got ''",
                "message 2: OBX: no result segment (truncated?)",
            ],
        ),
        ("not_a_result.hl7", ["message 1: MSH-9: not an ORU^R01 result message (ADT^A01)"]),
    ],
)
def test_hostile_file_is_refused_line_by_line_with_nothing_written(
    drawn: Services, name: str, expected: list[str]
) -> None:
    with pytest.raises(ImportRefusedError) as refused:
        drawn.lab_results.import_file(NURSE, DATA / name)
    assert [p.describe() for p in refused.value.problems] == expected
    assert stored(drawn) == []
    _, labs = drawn.queries.patient_schedule(NURSE, "M001")
    assert {lab.status for lab in labs} == {"booked"}


def test_a_result_already_on_file_is_a_duplicate(drawn: Services) -> None:
    drawn.lab_results.import_file(NURSE, DATA / "golden.csv")
    with pytest.raises(ImportRefusedError) as refused:
        drawn.lab_results.import_file(NURSE, DATA / "golden.hl7")
    assert len(refused.value.problems) == 4
    assert all("duplicate result" in p.problem for p in refused.value.problems)
    assert len(stored(drawn)) == 4


def test_results_import_through_the_cli(drawn: Services, tmp_path: Path) -> None:
    from tests.services.test_cotherapy_story import cli

    code, out, err = cli(drawn, "results", "import", str(DATA / "wrong_units.csv"))
    assert code == 2
    assert "nothing imported" in err and "line 2: unit" in err and "line 4: unit" in err
    code, out, err = cli(drawn, "results", "import", str(DATA / "golden.hl7"))
    assert code == 0, err
    assert "imported 4 results from golden.hl7" in out
    assert "URGENT" in out and "NOW STOPPED" in out and "A8" in out
    code, out, err = cli(drawn, "results")
    assert code == 0, err
    assert "URGENT" in out and "Sessions that cannot go ahead" in out
    code, out, err = cli(drawn, "results", "import", str(DATA / "golden.hl7"), user="fred")
    assert code == 5
