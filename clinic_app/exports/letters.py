"""The letter to the outside prescriber and the patient sheet after IV iron, as PDF.

``IronLetterData`` in (from ``LetterService.letter_data``), PDFs out, painted with the same
``PageCanvas`` as the other PDF exports. Plain language: no rule ids, no severities; dates as
the clinic writes them (``clinic_dates``); the lab tests in words a patient knows. Every
string goes through Qt's translator (context ``Letters``).

``write_letter_pdfs`` writes both files, all or nothing. It checks no role and writes no audit:
that is ``LetterService.write_letters`` (services), which the CLI and the GUI call.
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import ExitStack
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QPagedPaintDevice

from clinic_app.domain.clinic_dates import clinic_date, clinic_date_time
from clinic_app.exports.atomic_file import atomic_output
from clinic_app.exports.pdf_export import (
    BODY,
    FLAG_TEXT,
    HEADING,
    SMALL,
    SUBTITLE,
    TITLE,
    Column,
    PageCanvas,
    PageHook,
    PageSize,
    RowStyle,
    TableRow,
    TextStyle,
    pdf_device,
)
from clinic_app.services.letters import IronLetterData, MonitoringDraw

# Lab test codes (rules file section 5) in words a patient or a GP reads without a legend;
# calcium and phosphate first, because they are what the letters are about.
TEST_WORDS = {
    "calcium": QT_TRANSLATE_NOOP("Letters", "calcium"),
    "phosphate": QT_TRANSLATE_NOOP("Letters", "phosphate"),
    "magnesium": QT_TRANSLATE_NOOP("Letters", "magnesium"),
    "creatinine": QT_TRANSLATE_NOOP("Letters", "kidney function (creatinine)"),
    "vitamin-d": QT_TRANSLATE_NOOP("Letters", "vitamin D"),
    "pth": QT_TRANSLATE_NOOP("Letters", "parathyroid hormone"),
    "hemoglobin": QT_TRANSLATE_NOOP("Letters", "haemoglobin"),
    "ferritin": QT_TRANSLATE_NOOP("Letters", "iron stores (ferritin)"),
    "tsat": QT_TRANSLATE_NOOP("Letters", "transferrin saturation"),
}
_FIRST = ("calcium", "phosphate")
BIG_BODY = TextStyle(11)  # the patient sheet is read by patients: a larger type
BIG_BOLD = TextStyle(11, bold=True)
WARNING = TextStyle(11, bold=True, colour=FLAG_TEXT.colour)


def tr(text: str) -> str:
    """Translate in the ``Letters`` context."""
    return QCoreApplication.translate("Letters", text)


def test_words(codes: Iterable[str]) -> str:
    """``calcium, phosphate, magnesium, kidney function (creatinine)``."""
    ordered = sorted(codes, key=lambda c: _FIRST.index(c) if c in _FIRST else len(_FIRST))
    return ", ".join(tr(str(TEST_WORDS.get(code, code))) for code in ordered)


# ---------------------------------------------------------------------- shared pieces


def _contact_line(data: IronLetterData) -> str:
    if data.clinic_phone:
        return tr("%1, phone %2").replace("%1", data.clinic_name).replace("%2", data.clinic_phone)
    return data.clinic_name


def _page_header(data: IronLetterData, title: str) -> PageHook:
    def paint(canvas: PageCanvas) -> None:
        canvas.text_pair(data.clinic_name, title, SUBTITLE)
        canvas.rule()

    return paint


def _dose_line(dose_name: str, when: str, given: bool) -> str:
    text = tr("%1 on %2 (given)") if given else tr("%1 on %2 (booked)")
    return text.replace("%1", dose_name).replace("%2", when)


def _exposure_line(drug: str, last: str | None, since: str | None, where: str) -> str:
    if last:
        text = tr("%1, last dose %2").replace("%1", drug).replace("%2", last)
    elif since:
        text = tr("%1, taken since %2").replace("%1", drug).replace("%2", since)
    else:
        text = tr("%1, date of the last dose not known").replace("%1", drug)
    if where:
        text += tr(", from %1").replace("%1", where)
    return text


def _exposure_lines(data: IronLetterData) -> list[str]:
    return [
        _exposure_line(
            a.drug_name,
            clinic_date(a.last_dose) if a.last_dose else None,
            clinic_date(a.ongoing_since) if a.ongoing_since else None,
            a.where_given,
        )
        for a in data.outside_antiresorptives
    ]


def _drug_names(data: IronLetterData) -> str:
    return ", ".join(dict.fromkeys(a.drug_name for a in data.outside_antiresorptives))


def _draw_rows(draws: Iterable[MonitoringDraw]) -> list[TableRow]:
    return [
        TableRow(
            (
                clinic_date_time(draw.start),
                test_words(draw.tests),
                "; ".join(draw.purposes) + (tr(" (done)") if draw.done else ""),
            ),
            RowStyle(),
        )
        for draw in draws
    ]


# ---------------------------------------------------------------------- the prescriber letter


def render_prescriber_letter(device: QPagedPaintDevice, data: IronLetterData) -> int:
    """Paint the letter to the outside prescriber on ``device``; returns the pages."""
    footer = (
        tr("%1 - letter about %2 (%3) - written %4")
        .replace("%1", data.clinic_name)
        .replace("%2", data.patient_name)
        .replace("%3", data.patient_mrn)
        .replace("%4", clinic_date(data.written_on))
    )
    header = _page_header(data, tr("Letter to the prescriber"))
    before = clinic_date(data.no_antiresorptive_before)
    with PageCanvas(device, footer=footer, header=header) as canvas:
        canvas.text(_contact_line(data), SMALL)
        canvas.text(tr("Date: %1").replace("%1", clinic_date(data.written_on)), BODY)
        canvas.space(3)
        for a in data.outside_antiresorptives:
            to = tr("To: the prescriber of %1").replace("%1", a.drug_name)
            if a.where_given:
                to += ", " + a.where_given
            canvas.text(to, BODY, after_mm=0.6)
        canvas.text(
            tr("About: %1, born %2, our record number %3")
            .replace("%1", data.patient_name)
            .replace("%2", clinic_date(data.patient_date_of_birth))
            .replace("%3", data.patient_mrn),
            BODY,
        )
        canvas.space(4)
        canvas.text(tr("IV iron given while on an antiresorptive"), TITLE, after_mm=3)
        canvas.text(tr("Dear colleague,"), BODY, after_mm=2)
        canvas.text(
            tr(
                "We have on record that %1 has this bone medicine (an antiresorptive) from you:"
            ).replace("%1", data.patient_name),
            BODY,
        )
        for line in _exposure_lines(data):
            canvas.text("\u2022 " + line, BODY, after_mm=0.6)
        canvas.space(2)
        canvas.text(tr("Our clinic gives this patient IV iron:"), BODY)
        for dose in data.iron_doses:
            canvas.text(
                "\u2022 " + _dose_line(dose.therapy_name, clinic_date(dose.start), dose.given),
                BODY,
                after_mm=0.6,
            )
        canvas.space(2)
        canvas.text(
            tr(
                "IV iron can make the phosphate and calcium in the blood fall in the weeks after "
                "the infusion, and an antiresorptive given in that time can make them fall "
                "further."
            ),
            BODY,
            after_mm=2,
        )
        canvas.text(
            tr(
                "Please: no antiresorptive before %1 without checking calcium and phosphate first."
            ).replace("%1", before),
            TextStyle(10.5, bold=True, colour=FLAG_TEXT.colour),
            after_mm=3,
        )
        canvas.text(tr("Blood tests we have booked"), HEADING)
        if data.monitoring:
            canvas.table(
                (
                    Column(tr("Date and time"), 26),
                    Column(tr("Tests"), 44),
                    Column(tr("Why"), 30),
                ),
                _draw_rows(data.monitoring),
            )
        else:
            canvas.text(tr("No blood tests are booked with us for this iron."), BODY)
        canvas.space(3)
        if data.prescriber is not None:
            canvas.text(
                tr("The iron was prescribed by %1.").replace("%1", data.prescriber.describe()),
                BODY,
            )
        if data.consulted:
            canvas.text(
                tr("Before going ahead our nurse discussed it with %1.").replace(
                    "%1", "; ".join(data.consulted)
                ),
                BODY,
            )
        canvas.text(tr("Questions about this letter: %1.").replace("%1", _contact_line(data)), BODY)
        canvas.space(4)
        canvas.text(tr("Yours sincerely,"), BODY, after_mm=1)
        canvas.text(data.clinic_name, BODY)
        return canvas.page


# ---------------------------------------------------------------------- the patient sheet


def render_patient_sheet(device: QPagedPaintDevice, data: IronLetterData) -> int:
    """Paint the patient sheet on ``device``; returns the pages."""
    footer = (
        tr("%1 - for %2 - written %3")
        .replace("%1", data.clinic_name)
        .replace("%2", data.patient_name)
        .replace("%3", clinic_date(data.written_on))
    )
    header = _page_header(data, tr("Information for you"))
    before = clinic_date(data.no_antiresorptive_before)
    drugs = _drug_names(data)
    with PageCanvas(device, footer=footer, header=header) as canvas:
        canvas.text(tr("After your iron infusion"), TITLE, after_mm=2)
        canvas.text(
            tr("For %1, born %2")
            .replace("%1", data.patient_name)
            .replace("%2", clinic_date(data.patient_date_of_birth)),
            BIG_BODY,
            after_mm=3,
        )
        canvas.text(tr("Your iron"), HEADING)
        for dose in data.iron_doses:
            if dose.given:
                text = tr("You had iron through a drip (%1) on %2.")
                when = clinic_date(dose.start)
            else:
                text = tr("Your iron through a drip (%1) is booked for %2.")
                when = clinic_date_time(dose.start)
            canvas.text(
                text.replace("%1", dose.therapy_name).replace("%2", when),
                BIG_BODY,
                after_mm=0.8,
            )
        canvas.text(
            tr(
                "You also have a bone medicine from another doctor (%1). Together, the iron and "
                "the bone medicine can lower the calcium and phosphate in your blood in the "
                "weeks after the iron."
            ).replace("%1", drugs),
            BIG_BODY,
            after_mm=3,
        )
        canvas.text(tr("Your bone medicine"), HEADING)
        canvas.text(
            tr(
                "No bone medicine (%1) before %2 without a check of your calcium and phosphate "
                "first. Show this sheet to the doctor who gives you your bone medicine."
            )
            .replace("%1", drugs)
            .replace("%2", before),
            WARNING,
            after_mm=3,
        )
        canvas.text(tr("Your blood tests"), HEADING)
        if data.monitoring:
            for draw in data.monitoring:
                line = (
                    tr("%1: %2")
                    .replace("%1", clinic_date_time(draw.start))
                    .replace("%2", test_words(draw.tests))
                )
                if draw.done:
                    line += tr(" (done)")
                canvas.text("\u2022 " + line, BIG_BODY, after_mm=0.8)
            canvas.text(tr("Please come to each one: the results keep you safe."), BIG_BODY)
        else:
            canvas.text(tr("No blood tests are booked with us."), BIG_BODY)
        canvas.space(2)
        canvas.text(tr("Call us if you notice"), HEADING)
        for symptom in (
            tr("tingling or numbness, for example around the mouth or in the fingers"),
            tr("muscle cramps or spasms"),
            tr("muscle weakness"),
            tr("bone pain"),
        ):
            canvas.text("\u2022 " + symptom, BIG_BODY, after_mm=0.8)
        canvas.space(2)
        canvas.text(tr("Whom to call"), HEADING)
        canvas.text(_contact_line(data), BIG_BOLD)
        canvas.text(tr("If you feel very unwell, get urgent medical help."), BIG_BODY)
        return canvas.page


# ---------------------------------------------------------------------- files


def letter_paths(out_dir: Path, session_id: int) -> tuple[Path, Path]:
    """Where ``write_letter_pdfs`` puts the two files (no patient name in a file name)."""
    return (
        out_dir / f"session-{session_id}-letter-to-prescriber.pdf",
        out_dir / f"session-{session_id}-patient-sheet.pdf",
    )


def write_letter_pdfs(
    data: IronLetterData, out_dir: Path, *, page_size: PageSize | str = PageSize.A4
) -> tuple[Path, Path]:
    """Write both PDFs of ``data`` into ``out_dir``: both or neither (temporary files are
    renamed into place only when both are painted)."""
    letter, sheet = letter_paths(out_dir, data.session_id)
    with ExitStack() as stack:
        tmp_letter = stack.enter_context(atomic_output(letter, ".pdf"))
        tmp_sheet = stack.enter_context(atomic_output(sheet, ".pdf"))
        with pdf_device(
            tmp_letter, page_size=page_size, landscape=False, title=tr("Letter to the prescriber")
        ) as device:
            render_prescriber_letter(device, data)
        with pdf_device(
            tmp_sheet, page_size=page_size, landscape=False, title=tr("After your iron infusion")
        ) as device:
            render_patient_sheet(device, data)
    return letter, sheet
