"""Exports stream (sessions are taken one at a time) and never leave a partial file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from clinic_app.exports import ExportCancelledError, ExportFormat, export_sessions
from clinic_app.services.results import SessionView
from tests.exports.conftest import many_sessions

FORMATS = [f.value for f in ExportFormat]


@pytest.mark.parametrize("fmt", FORMATS)
def test_sessions_are_consumed_lazily(tmp_path: Path, fmt: str) -> None:
    consumed: list[int] = []
    seen_when_reported: list[tuple[int, int]] = []

    def progress(rows: int, last: SessionView) -> None:
        # when row n is reported, the source has produced at most one session more
        seen_when_reported.append((rows, len(consumed)))

    count = 2000 if fmt != "pdf" else 400
    written = export_sessions(
        many_sessions(count, consumed), tmp_path / f"out.{fmt}", fmt, progress=progress
    )
    assert written == count
    assert len(seen_when_reported) == count
    assert all(produced <= rows + 1 for rows, produced in seen_when_reported)


@pytest.mark.parametrize("fmt", FORMATS)
def test_cancelled_midway_leaves_no_file(tmp_path: Path, fmt: str) -> None:
    consumed: list[int] = []
    target = tmp_path / f"out.{fmt}"
    with pytest.raises(ExportCancelledError):
        export_sessions(
            many_sessions(10_000, consumed),
            target,
            fmt,
            cancelled=lambda: len(consumed) >= 150,
        )
    assert list(tmp_path.iterdir()) == []
    assert len(consumed) < 200  # it stopped soon after the cancellation, not at the end


@pytest.mark.parametrize("fmt", FORMATS)
def test_cancelling_keeps_an_existing_file(tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"out.{fmt}"
    target.write_bytes(b"earlier export")
    with pytest.raises(ExportCancelledError):
        export_sessions(many_sessions(50), target, fmt, cancelled=lambda: True)
    assert target.read_bytes() == b"earlier export"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_an_error_in_the_source_leaves_no_file(tmp_path: Path) -> None:
    def broken() -> Iterator[SessionView]:
        yield from many_sessions(10)
        raise RuntimeError("database went away")

    with pytest.raises(RuntimeError):
        export_sessions(broken(), tmp_path / "out.xlsx", "xlsx")
    assert list(tmp_path.iterdir()) == []


def test_unknown_format_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        export_sessions([], tmp_path / "out.doc", "doc")
    assert list(tmp_path.iterdir()) == []
