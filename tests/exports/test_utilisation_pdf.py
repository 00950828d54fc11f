"""The utilisation report as PDF, read back with pypdf: its words and every number in them.

The report is made up by hand (no database), so each expected figure below is worked out here
from the minutes, independently of the code that formats it.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import QRectF
from PySide6.QtGui import QPageSize, QPainter, QPdfWriter

from clinic_app.exports.utilisation_chart import paint_chair_chart, paint_day_chart
from clinic_app.exports.utilisation_pdf import write_utilisation_pdf
from clinic_app.services.reports import (
    ChairDay,
    ChairUtilisation,
    DayUtilisation,
    MonthFindings,
    TherapyCount,
    Utilisation,
)
from tests.exports.conftest import LONDON

MONDAY, TUESDAY = date(2026, 11, 23), date(2026, 11, 24)
# Monday: two chairs open 10 h each; Chair 1 booked 3 h, Chair 2 booked 2 h of which 1 h was a
# no-show. Tuesday: closed.
CHAIR_DAYS = (
    ChairDay(MONDAY, 1, "Chair 1", 600, 180, 0, 2),
    ChairDay(MONDAY, 2, "Chair 2", 600, 120, 60, 2),
)
DAYS = (
    DayUtilisation(MONDAY, True, 1200, 300, 60, 4, CHAIR_DAYS),
    DayUtilisation(TUESDAY, False, 0, 0, 0, 0, ()),
)
CHAIRS = (
    ChairUtilisation(1, "Chair 1", True, 600, 180, 0, 2),
    ChairUtilisation(2, "Chair 2", False, 600, 120, 60, 2),
)
REPORT = Utilisation(
    clinic_name="Riverside Infusions",
    first=MONDAY,
    last=TUESDAY,
    days=DAYS,
    chairs=CHAIRS,
    therapies=(
        TherapyCount("zoledronic-acid", "Zoledronic acid", 3, 2, 1, 1),
        TherapyCount("ferric-derisomaltose", "Ferric derisomaltose", 1, 0, 0, 0),
    ),
    months=(MonthFindings(date(2026, 11, 1), 2, 3, 1, 1),),
    sessions=4,
    cancelled=1,
    attended=2,
    no_shows=1,
)
GENERATED = datetime(2026, 11, 25, 8, 30, tzinfo=LONDON)


def pdf_text(path: Path) -> str:
    """The whole PDF's text with every run of white space as one space (Qt places words one
    by one; pypdf marks the gaps with tabs and line breaks) and ligatures spelt out."""
    pages = [page.extract_text() for page in PdfReader(path).pages]
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", " ".join(pages)))


def test_the_report_pdf_states_every_figure(tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    pages = write_utilisation_pdf(REPORT, target, generated_at=GENERATED)
    assert pages == len(PdfReader(target).pages) >= 1
    text = pdf_text(target)
    for phrase in (
        "Riverside Infusions",
        "Mon 23 Nov 2026 – Tue 24 Nov 2026",
        "Utilisation report",
        # Key figures: 2 x 600 min = 20 h available; 300 min = 5 h booked; 5 / 20 = 25 %.
        "Chair-hours available 20.0",
        "Chair-hours booked 5.0",
        "Utilisation 25 %",
        "Sessions (not cancelled) 4",
        "Cancelled sessions 1",
        # 1 no-show of 1 + 2 sessions whose day came: 33 %.
        "No-show rate 33 % (1 / 3)",
        "Sessions with a co-therapy flag 2",
        "Clinical overrides 1",
        # Per chair: 180 of 600 min = 3.0 of 10.0 h, 30 %; 120 of 600 = 20 %, 1.0 h no-show.
        "Chair 1 10.0 3.0 30 % 2 0.0",
        "Chair 2 (inactive) 10.0 2.0 20 % 2 1.0",
        # Per therapy, per month, per day (the closed Tuesday with no sessions is left out).
        "Zoledronic acid 3 2 1 1",
        "Ferric derisomaltose 1 0 0 0",
        "2026-11 2 3 1 1",
        "Mon 23 Nov 2026 20.0 5.0 25 % 4 1.0",
        "generated Wed 25 Nov 2026, 08:30",
    ):
        assert phrase in text, phrase
    assert "Tue 2026-11-24" not in text


def _paint_to_pdf(path: Path, paint: object) -> str:
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(96)
    painter = QPainter(writer)
    assert callable(paint)
    paint(painter, QRectF(0, 0, 700, 300))
    painter.end()
    return pdf_text(path)


def test_the_day_chart_labels_its_axis_days_and_percentages(qapp: object, tmp_path: Path) -> None:
    text = _paint_to_pdf(tmp_path / "days.pdf", lambda p, r: paint_day_chart(p, r, DAYS))
    assert "Chair-hours per day" in text
    assert "Available" in text and "Booked" in text and "of which no-show" in text
    # The tallest bar is 20 h available: the axis runs 0 to 20 h in quarters.
    assert "0 h 5 h 10 h 15 h 20 h" in text
    assert "25 %" in text  # Monday's utilisation above its bar
    assert "Mon" in text and "23 Nov" in text
    assert "24 Nov" not in text  # a closed day without sessions gets no bar


def test_the_day_chart_says_when_there_is_no_open_day(qapp: object, tmp_path: Path) -> None:
    text = _paint_to_pdf(tmp_path / "none.pdf", lambda p, r: paint_day_chart(p, r, DAYS[1:]))
    assert "No open days" in text


def test_the_chair_chart_gives_each_chair_its_share(qapp: object, tmp_path: Path) -> None:
    text = _paint_to_pdf(tmp_path / "chairs.pdf", lambda p, r: paint_chair_chart(p, r, CHAIRS))
    assert "Utilisation per chair" in text
    assert "Chair 1 30 % (3.0 of 10.0 h)" in text
    assert "Chair 2 20 % (2.0 of 10.0 h)" in text
    empty = _paint_to_pdf(tmp_path / "empty.pdf", lambda p, r: paint_chair_chart(p, r, ()))
    assert "No chairs" in empty
