"""The prescriber and the prescriber consulted in the exports: the CSV/XLSX column contract
(the README's columns in the README's order, ``prescriber`` appended at the end), the override
cell, and the PDF schedule's findings column."""

from __future__ import annotations

import csv
import dataclasses
import unicodedata
from pathlib import Path

import pypdf
from openpyxl import load_workbook

from clinic_app.domain.findings import Severity
from clinic_app.exports import ExportOptions, export_sessions
from clinic_app.exports.csv_export import COLUMNS
from clinic_app.services.results import FindingView, PrescriberView
from tests.exports.conftest import IRON_FINDINGS, MakeSession

# The stable contract as documented before the prescriber: never reordered, only appended to.
DOCUMENTED = (
    "session_id",
    "date",
    "start",
    "end",
    "chair",
    "mrn",
    "patient",
    "therapy",
    "therapy_name",
    "status",
    "worst_finding",
    "findings",
    "overrides",
    "course_id",
)
CONSULTED = FindingView(
    "E2",
    Severity.BLOCK,
    "Ferric carboxymaltose while on denosumab",
    "P",
    overridden_by="nina.nurse",
    override_reason="Hb 72",
    consulted="Dr Ann Lee",
)


def test_columns_are_only_appended_to() -> None:
    assert COLUMNS[: len(DOCUMENTED)] == DOCUMENTED
    assert COLUMNS[len(DOCUMENTED) :] == ("prescriber",)


def test_csv_and_xlsx_carry_the_prescriber_and_the_consulted(
    tmp_path: Path, session_factory: MakeSession
) -> None:
    named = dataclasses.replace(
        session_factory(1, findings=(CONSULTED, *IRON_FINDINGS)),
        prescriber=PrescriberView("Dr Kim Park", "Haematology clinic", "=1+1"),
    )
    older = session_factory(2, name="Bob Baker", findings=IRON_FINDINGS)
    path = tmp_path / "sessions.csv"
    export_sessions([named, older], path, "csv")
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[0]["overrides"] == (
        "E2 by nina.nurse: Hb 72 (prescriber consulted: Dr Ann Lee); "
        "E3 by nina.nurse: Hb 74; haematology agrees"
    )
    # A contact starting like a formula stays text (the cell as a whole is not one).
    assert rows[0]["prescriber"] == "Dr Kim Park, Haematology clinic, =1+1"
    # An override recorded before anyone was named reads as it always did.
    assert rows[1]["overrides"] == "E3 by nina.nurse: Hb 74; haematology agrees"
    assert rows[1]["prescriber"] == ""

    xlsx = tmp_path / "sessions.xlsx"
    export_sessions([named, older], xlsx, "xlsx")
    sheet = load_workbook(xlsx, read_only=True)["sessions"]
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][-1] == "prescriber"
    assert values[1][-1] == "Dr Kim Park, Haematology clinic, =1+1"


def test_pdf_schedule_shows_the_consulted_and_the_prescriber(
    tmp_path: Path, session_factory: MakeSession
) -> None:
    view = dataclasses.replace(
        session_factory(1, findings=(CONSULTED,)),
        prescriber=PrescriberView("Dr Kim Park", "Haematology clinic"),
    )
    path = tmp_path / "schedule.pdf"
    export_sessions([view], path, "pdf", options=ExportOptions(title="Sessions"))
    text = " ".join(
        unicodedata.normalize("NFKC", page.extract_text() or "")
        for page in pypdf.PdfReader(path).pages
    )
    flat = " ".join(text.split())
    assert "prescriber consulted: Dr Ann Lee" in flat
    assert "Prescriber: Dr Kim Park, Haematology clinic" in flat
