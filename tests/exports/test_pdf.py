"""PDF exports opened back: page count and size (QtPdf), text per page (pypdf, pure Python)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest

from clinic_app.exports import ExportOptions, export_sessions
from clinic_app.exports.daily_list_print import write_day_list_pdf
from clinic_app.services.results import DayList, LabView
from tests.exports.conftest import IRON_FINDINGS, LONDON, MakeSession, many_sessions

ROOT = Path(__file__).resolve().parents[2]
A4_POINTS = (595, 842)
LETTER_POINTS = (612, 792)


def pdf_pages(path: Path) -> list[tuple[int, int]]:
    """Page sizes in points (width, height), via QtPdf."""
    from PySide6.QtPdf import QPdfDocument

    from clinic_app.exports.pdf_export import ensure_gui_application

    ensure_gui_application()
    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    sizes = []
    for page in range(document.pageCount()):
        size = document.pagePointSize(page)
        sizes.append((round(size.width()), round(size.height())))
    document.close()
    return sizes


def pdf_page_texts(path: Path) -> list[str]:
    """The text of each page of a PDF, extracted by pypdf (no system tool needed).

    Qt places each word separately; pypdf marks the gaps with tabs, so runs of blanks become
    one space, as a reader sees them.
    """
    from pypdf import PdfReader

    return [re.sub(r"[ \t]+", " ", page.extract_text()) for page in PdfReader(path).pages]


def pdf_text(path: Path) -> str:
    """The text of a whole PDF, pages separated by form feeds as ``pdftotext`` does."""
    return "\f".join(pdf_page_texts(path))


def test_schedule_pdf_landscape_a4(tmp_path: Path, session_factory: MakeSession) -> None:
    sessions = [
        session_factory(1, name="Alice Archer"),
        session_factory(2, name="<b>Bob</b> Baker", chair="Chair 2", findings=IRON_FINDINGS),
    ]
    target = tmp_path / "schedule.pdf"
    options = ExportOptions(
        title="Sessions 2026-11-24", clinic_name="Test clinic", generated_at=datetime.now(LONDON)
    )
    assert export_sessions(sessions, target, "pdf", options=options) == 2
    pages = pdf_pages(target)
    assert pages == [(A4_POINTS[1], A4_POINTS[0])]  # landscape
    text = pdf_text(target)
    assert "Test clinic" in text
    assert "Alice Archer" in text
    assert "<b>Bob</b> Baker" in text  # plain text, never markup
    assert "CO-THERAPY" in text
    assert "Override by nina.nurse" in text


def test_schedule_pdf_letter_and_many_pages(tmp_path: Path) -> None:
    target = tmp_path / "long.pdf"
    options = ExportOptions(page_size="Letter", clinic_name="Test clinic")
    assert export_sessions(many_sessions(300), target, "pdf", options=options) == 300
    pages = pdf_pages(target)
    assert len(pages) > 5
    assert set(pages) == {(LETTER_POINTS[1], LETTER_POINTS[0])}
    text = pdf_text(target)
    assert "Patient 300" in text
    assert "Page 2" in text


def test_empty_schedule_pdf_says_so(tmp_path: Path) -> None:
    target = tmp_path / "empty.pdf"
    assert export_sessions([], target, "pdf") == 0
    assert len(pdf_pages(target)) == 1
    assert "No sessions" in pdf_text(target)


@pytest.mark.parametrize(("page_size", "points"), [("A4", A4_POINTS), ("Letter", LETTER_POINTS)])
def test_daily_list_chairs_share_a_page_and_pages_say_of_how_many(
    tmp_path: Path, session_factory: MakeSession, page_size: str, points: tuple[int, int]
) -> None:
    day = date(2026, 11, 24)
    lab = LabView(
        id=9,
        patient_id=1,
        mrn="M001",
        patient_name="Alice Archer",
        tests=("calcium", "creatinine"),
        start=datetime(2026, 11, 23, 17, 45, tzinfo=LONDON),
        end=datetime(2026, 11, 23, 18, 0, tzinfo=LONDON),
        status="booked",
        due_from=date(2026, 10, 25),
        due_to=date(2026, 11, 23),
        labels=("before Zoledronic acid",),
    )
    day_list = DayList(
        day,
        (
            session_factory(1, chair="Chair 10"),
            session_factory(2, name="Bob Baker", chair="Chair 2", findings=IRON_FINDINGS),
            session_factory(3, name="Carol Cooper", chair="Chair 2", status="cancelled"),
        ),
        (),
        (lab,),
    )
    target = tmp_path / "day.pdf"
    pages = write_day_list_pdf(
        day_list,
        target,
        clinic_name="Riverside",
        printed_at=datetime(2026, 11, 24, 7, 0, tzinfo=LONDON),
        page_size=page_size,
    )
    assert pages == 2  # Chair 2 then Chair 10 (natural order) on one page; the lab station
    assert pdf_pages(target) == [(points[1], points[0])] * 2
    chunks = pdf_page_texts(target)
    assert len(chunks) == 2
    assert "Chair 2" in chunks[0] and "Bob Baker" in chunks[0] and "Carol Cooper" in chunks[0]
    assert "CO-THERAPY" in chunks[0]
    assert chunks[0].index("Chair 2") < chunks[0].index("Chair 10")
    assert "Alice Archer" in chunks[0]
    assert "Due and not done" in chunks[1] and "calcium, creatinine" in chunks[1]
    for number, chunk in enumerate(chunks, start=1):
        assert "Riverside" in chunk and "Tuesday 24 November 2026" in chunk
        assert f"Page {number} of 2" in chunk


def test_a_long_chair_continues_on_the_next_page_by_name(
    tmp_path: Path, session_factory: MakeSession
) -> None:
    day = date(2026, 11, 24)
    sessions = tuple(
        session_factory(n, name=f"Patient {n:02d}", chair="Chair 1") for n in range(1, 61)
    )
    target = tmp_path / "long.pdf"
    pages = write_day_list_pdf(
        DayList(day, sessions, ()),
        target,
        clinic_name="Riverside",
        printed_at=datetime(2026, 11, 24, 7, 0, tzinfo=LONDON),
    )
    chunks = pdf_page_texts(target)
    assert pages == len(chunks) > 1
    assert "Chair 1 (continued)" in chunks[1]
    assert f"Page {pages} of {pages}" in chunks[-1]


def test_empty_daily_list_prints_one_page(tmp_path: Path) -> None:
    target = tmp_path / "empty-day.pdf"
    pages = write_day_list_pdf(
        DayList(date(2026, 11, 24), (), ()),
        target,
        clinic_name="Riverside",
        printed_at=datetime(2026, 11, 24, 7, 0, tzinfo=LONDON),
    )
    assert pages == 1
    assert "Nothing is booked" in pdf_text(target)


def test_a_head_less_application_outlives_the_export_that_made_it(tmp_path: Path) -> None:
    """A process with no Qt application (the CLI) gets one for its first PDF; nothing in the
    exports holds it, yet it stays the process's application: a second PDF and a widget
    later still work."""
    script = f"""
import gc, sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from clinic_app.exports import export_sessions
from tests.exports.conftest import many_sessions

assert QCoreApplication.instance() is None
folder = Path({str(tmp_path)!r})
assert export_sessions(many_sessions(3), folder / "first.pdf", "pdf") == 3
gc.collect()
from PySide6.QtWidgets import QApplication, QLabel
assert isinstance(QCoreApplication.instance(), QApplication)
assert export_sessions(many_sessions(2), folder / "second.pdf", "pdf") == 2
assert QLabel("still here").text() == "still here"
print("ok")
"""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120
    )
    assert (done.returncode, done.stdout) == (0, "ok\n"), done.stderr
    assert [p.name for p in sorted(tmp_path.iterdir())] == ["first.pdf", "second.pdf"]
