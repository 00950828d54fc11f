"""``ExportService.export``: the CLI's and the dialog's use case, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest
from icalendar import Calendar

from clinic_app.bootstrap import Services
from clinic_app.domain.errors import InvalidInputError, PermissionDeniedError
from clinic_app.exports import ExportCancelledError
from clinic_app.exports.csv_export import COLUMNS
from clinic_app.services.exports import ExportRequest
from tests.conftest import ADMIN, DESK, MANAGER, NURSE
from tests.report_seed import DAY, SeededDay, seed_day

pytestmark = pytest.mark.in_process(
    "exports.export writes files on the caller's disk: server-only (service_api.EXCLUDED)"
)


@pytest.fixture
def seeded(clinic: Services) -> tuple[Services, SeededDay]:
    return clinic, seed_day(clinic)


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    """A folder for the exports only (the SQLite database lives in tmp_path)."""
    folder = tmp_path / "exports"
    folder.mkdir()
    return folder


def csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_every_format(seeded: tuple[Services, SeededDay], out_dir: Path) -> None:
    services, _ = seeded
    for fmt in ("csv", "xlsx", "pdf", "ics"):
        target = out_dir / f"week.{fmt}"
        request = ExportRequest("2026-11-23", "2026-11-29", fmt, target)
        assert services.exports.export(MANAGER, request) == 5
        assert target.stat().st_size > 0
    rows = csv_rows(out_dir / "week.csv")
    assert [r["start"][11:16] for r in rows] == ["09:00", "09:00", "10:00", "11:00", "13:00"]
    assert [r["chair"] for r in rows[:2]] == ["Chair 1", "Chair 3"]
    sheet = openpyxl.load_workbook(out_dir / "week.xlsx").active
    assert sheet is not None
    assert tuple(next(sheet.iter_rows(values_only=True))) == COLUMNS
    assert sheet.max_row == 6
    events = list(Calendar.from_ical((out_dir / "week.ics").read_bytes()).walk("VEVENT"))
    assert len(events) == 5


def test_filters(seeded: tuple[Services, SeededDay], out_dir: Path) -> None:
    services, day = seeded
    target = out_dir / "f.csv"

    def ids(**filters: str) -> list[int]:
        services.exports.export(ADMIN, ExportRequest(DAY, DAY, "csv", target, **filters))
        return [int(r["session_id"]) for r in csv_rows(target)]

    assert ids(therapy="denosumab") == [day.completed, day.cancelled]
    assert ids(chair="Chair 3") == [day.iron, day.cancelled]
    assert ids(status="no-show") == [day.no_show]
    assert ids(therapy="denosumab", status="cancelled") == [day.cancelled]
    assert ids(chair="Chair 9") == []


def test_refusals_write_nothing(seeded: tuple[Services, SeededDay], out_dir: Path) -> None:
    services, _ = seeded
    target = out_dir / "x.csv"
    for actor in (NURSE, DESK):
        with pytest.raises(PermissionDeniedError):
            services.exports.export(actor, ExportRequest(DAY, DAY, "csv", target))
    for bad in (
        {"fmt": "docx"},
        {"therapy": "aspirin"},
        {"status": "lost"},
        {"date_to": "2026-11-01"},
    ):
        arguments = {"fmt": "csv", "date_to": DAY, "therapy": None, "status": None} | bad
        with pytest.raises(InvalidInputError):
            request = ExportRequest(
                DAY,
                arguments["date_to"],
                str(arguments["fmt"]),
                target,
                therapy=arguments["therapy"],
                status=arguments["status"],
            )
            services.exports.export(MANAGER, request)
    assert list(out_dir.iterdir()) == []


def test_cancelled_run_leaves_no_file(seeded: tuple[Services, SeededDay], out_dir: Path) -> None:
    services, _ = seeded
    seen: list[int] = []
    target = out_dir / "x.xlsx"
    with pytest.raises(ExportCancelledError):
        services.exports.export(
            MANAGER,
            ExportRequest("2026-11-01", "2026-12-31", "xlsx", target),
            progress=lambda rows, _: seen.append(rows),
            cancelled=lambda: len(seen) >= 2,
        )
    assert seen == [1, 2]
    assert list(out_dir.iterdir()) == []
