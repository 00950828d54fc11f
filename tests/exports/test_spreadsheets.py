"""CSV and Excel exports opened back; hostile patient names never become formulas."""

from __future__ import annotations

import csv
import zipfile
from pathlib import Path

import openpyxl
import pytest

from clinic_app.exports import ExportFormat, export_sessions
from clinic_app.exports.csv_export import COLUMNS, safe_cell, write_sessions_csv
from clinic_app.exports.xlsx_export import SHEET_NAME
from tests.exports.conftest import HOSTILE_NAMES, IRON_FINDINGS, MakeSession


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def read_xlsx(path: Path) -> tuple[tuple[object, ...], list[tuple[object, ...]], list[str]]:
    workbook = openpyxl.load_workbook(path)
    sheet = workbook[SHEET_NAME]
    rows = list(sheet.iter_rows(values_only=True))
    types = [cell.data_type for row in sheet.iter_rows(min_row=2) for cell in row]
    return rows[0], rows[1:], types


def test_csv_round_trip(tmp_path: Path, session_factory: MakeSession) -> None:
    sessions = [
        session_factory(1),
        session_factory(
            2,
            name="Bob Baker",
            therapy="ferric-carboxymaltose",
            therapy_name="Ferric carboxymaltose",
            chair="Chair 2",
            findings=IRON_FINDINGS,
        ),
    ]
    target = tmp_path / "out.csv"
    assert export_sessions(iter(sessions), target, "csv") == 2
    rows = read_csv(target)
    assert tuple(rows[0]) == COLUMNS
    assert rows[0]["session_id"] == "1"
    assert rows[0]["date"] == "2026-11-24"
    assert rows[0]["start"] == "2026-11-24T09:00+00:00"  # clinic zone, ISO
    assert rows[0]["end"] == "2026-11-24T10:00+00:00"
    assert rows[1]["worst_finding"] == "BLOCK"
    assert "E3" in rows[1]["findings"] and "E2" in rows[1]["findings"]
    assert rows[1]["overrides"] == "E3 by nina.nurse: Hb 74; haematology agrees"


def test_summer_times_carry_the_summer_offset(tmp_path: Path, session_factory: MakeSession) -> None:
    from datetime import datetime

    from tests.exports.conftest import LONDON

    target = tmp_path / "summer.csv"
    export_sessions(
        [session_factory(start=datetime(2026, 7, 1, 9, 0, tzinfo=LONDON))], target, "csv"
    )
    assert read_csv(target)[0]["start"] == "2026-07-01T09:00+01:00"


def test_the_repeated_autumn_hour_keeps_both_offsets(
    tmp_path: Path, session_factory: MakeSession
) -> None:
    """The two 01:30 of the autumn change compare equal in one zone: the export's cache of
    formatted times must still write each with its own offset."""
    from datetime import datetime

    from tests.exports.conftest import LONDON

    first = datetime(2026, 10, 25, 1, 30, tzinfo=LONDON)
    second = first.replace(fold=1)
    assert first == second  # the trap: same wall time, same zone object
    target = tmp_path / "autumn.csv"
    export_sessions(
        [session_factory(1, start=first), session_factory(2, start=second)], target, "csv"
    )
    assert [row["start"] for row in read_csv(target)] == [
        "2026-10-25T01:30+01:00",
        "2026-10-25T01:30+00:00",
    ]


def test_xlsx_round_trip(tmp_path: Path, session_factory: MakeSession) -> None:
    sessions = [session_factory(n, name=f"Patient {n}") for n in range(1, 4)]
    target = tmp_path / "out.xlsx"
    assert export_sessions(sessions, target, ExportFormat.XLSX) == 3
    header, rows, _ = read_xlsx(target)
    assert header == COLUMNS
    assert [r[0] for r in rows] == [1, 2, 3]
    assert rows[0][COLUMNS.index("patient")] == "Patient 1"
    assert rows[2][COLUMNS.index("start")] == "2026-11-24T09:00+00:00"
    # No finding, override, course or prescriber: blank cells, not empty strings.
    for column in ("worst_finding", "findings", "overrides", "course_id", "prescriber"):
        assert rows[0][COLUMNS.index(column)] is None


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_safe_cell_neutralises_formula_starts(name: str) -> None:
    assert safe_cell(name) == "'" + name
    assert safe_cell("Alice =1") == "Alice =1"
    assert safe_cell(None) == ""


def test_csv_formula_injection(tmp_path: Path, session_factory: MakeSession) -> None:
    sessions = [session_factory(n, name=name) for n, name in enumerate(HOSTILE_NAMES, 1)]
    target = tmp_path / "hostile.csv"
    export_sessions(sessions, target, "csv")
    patients = [row["patient"] for row in read_csv(target)]
    assert patients == ["'" + name for name in HOSTILE_NAMES]
    for cell in patients:
        assert cell[0] == "'"  # no cell starts with =, +, -, @, tab or CR


def test_xlsx_formula_injection(tmp_path: Path, session_factory: MakeSession) -> None:
    sessions = [session_factory(n, name=name) for n, name in enumerate(HOSTILE_NAMES, 1)]
    target = tmp_path / "hostile.xlsx"
    export_sessions(sessions, target, "xlsx")
    _, rows, types = read_xlsx(target)
    # XlsxWriter stores a carriage return as Excel's escape _x000D_; openpyxl keeps it as is.
    patients = [str(row[COLUMNS.index("patient")]).replace("_x000D_", "\r") for row in rows]
    assert patients == ["'" + name for name in HOSTILE_NAMES]
    assert "f" not in types  # openpyxl's data type for a formula cell
    with zipfile.ZipFile(target) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml and "<f " not in sheet_xml


def test_legacy_csv_writer_is_atomic(tmp_path: Path, session_factory: MakeSession) -> None:
    target = tmp_path / "legacy.csv"
    assert write_sessions_csv([session_factory()], target) == 1
    assert [p.name for p in tmp_path.iterdir()] == ["legacy.csv"]
