"""The utilisation report as a printable PDF: key figures, the two charts, then the tables."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QPagedPaintDevice

from clinic_app.exports import print_dates
from clinic_app.exports.pdf_export import (
    BODY,
    HEADING,
    SUBTITLE,
    TITLE,
    Column,
    PageCanvas,
    PageSize,
    TableRow,
    write_document_pdf,
)
from clinic_app.exports.utilisation_chart import paint_chair_chart, paint_day_chart, percent
from clinic_app.services.reports import Utilisation

_RIGHT = Qt.AlignmentFlag.AlignRight


def key_figures(report: Utilisation) -> list[tuple[str, str]]:
    """The report's headline numbers as (label, value) pairs, for the PDF and the window."""
    tr = QCoreApplication.translate
    rate = report.no_show_rate
    return [
        (tr("UtilisationReport", "Chair-hours available"), f"{report.available_hours:.1f}"),
        (tr("UtilisationReport", "Chair-hours booked"), f"{report.booked_hours:.1f}"),
        (tr("UtilisationReport", "Utilisation"), percent(report.utilisation)),
        (tr("UtilisationReport", "Sessions (not cancelled)"), str(report.sessions)),
        (tr("UtilisationReport", "Cancelled sessions"), str(report.cancelled)),
        (
            tr("UtilisationReport", "No-show rate"),
            percent(rate) + f"  ({report.no_shows} / {report.attended + report.no_shows})",
        ),
        (
            tr("UtilisationReport", "Sessions with a co-therapy flag"),
            str(sum(m.sessions_flagged for m in report.months)),
        ),
        (
            tr("UtilisationReport", "Clinical overrides"),
            str(sum(m.overrides for m in report.months)),
        ),
    ]


def render_utilisation(
    device: QPagedPaintDevice, report: Utilisation, *, generated_at: datetime
) -> int:
    """Paint the report on ``device``; returns the pages."""
    tr = QCoreApplication.translate
    period = f"{print_dates.short_date(report.first)} \u2013 {print_dates.short_date(report.last)}"

    def header(canvas: PageCanvas) -> None:
        canvas.text_pair(report.clinic_name, period, TITLE, after_mm=0.5)
        canvas.text(tr("UtilisationReport", "Utilisation report"), SUBTITLE, after_mm=0.8)
        canvas.rule("#303030")

    footer = (
        tr("UtilisationReport", "%1 - utilisation report - generated %2")
        .replace("%1", report.clinic_name)
        .replace("%2", print_dates.short_date_time(generated_at))
    )
    with PageCanvas(device, footer=footer, header=header) as canvas:
        canvas.table(
            (Column(tr("UtilisationReport", "Figure"), 3), Column("", 2, _RIGHT)),
            (TableRow(pair) for pair in key_figures(report)),
        )
        canvas.space(4)
        chart_height = canvas.mm(70)
        canvas.ensure(chart_height)
        paint_day_chart(
            canvas.painter,
            QRectF(0, canvas.y, canvas.width, chart_height),
            report.days,
            scale=canvas.scale,
        )
        canvas.y += chart_height + canvas.mm(4)
        chair_height = canvas.mm(min(12 + 7 * len(report.chairs), 95))
        canvas.ensure(chair_height)
        paint_chair_chart(
            canvas.painter,
            QRectF(0, canvas.y, canvas.width, chair_height),
            report.chairs,
            scale=canvas.scale,
        )
        canvas.y += chair_height + canvas.mm(4)

        canvas.text(tr("UtilisationReport", "Per chair"), HEADING)
        canvas.table(
            (
                Column(tr("UtilisationReport", "Chair"), 3),
                Column(tr("UtilisationReport", "Available h"), 2, _RIGHT),
                Column(tr("UtilisationReport", "Booked h"), 2, _RIGHT),
                Column(tr("UtilisationReport", "Utilisation"), 2, _RIGHT),
                Column(tr("UtilisationReport", "Sessions"), 2, _RIGHT),
                Column(tr("UtilisationReport", "No-show h"), 2, _RIGHT),
            ),
            (
                TableRow(
                    (
                        c.chair + ("" if c.active else " " + tr("UtilisationReport", "(inactive)")),
                        f"{c.available_hours:.1f}",
                        f"{c.booked_hours:.1f}",
                        percent(c.utilisation),
                        str(c.sessions),
                        f"{c.no_show_minutes / 60:.1f}",
                    )
                )
                for c in report.chairs
            ),
        )
        canvas.space(4)
        canvas.text(tr("UtilisationReport", "Sessions per therapy"), HEADING)
        canvas.table(
            (
                Column(tr("UtilisationReport", "Therapy"), 4),
                Column(tr("UtilisationReport", "Sessions"), 2, _RIGHT),
                Column(tr("UtilisationReport", "Completed"), 2, _RIGHT),
                Column(tr("UtilisationReport", "No-shows"), 2, _RIGHT),
                Column(tr("UtilisationReport", "Cancelled"), 2, _RIGHT),
            ),
            (
                TableRow(
                    (
                        t.therapy_name,
                        str(t.sessions),
                        str(t.completed),
                        str(t.no_shows),
                        str(t.cancelled),
                    )
                )
                for t in report.therapies
            ),
        )
        canvas.space(4)
        canvas.text(tr("UtilisationReport", "Co-therapy findings and overrides per month"), HEADING)
        canvas.table(
            (
                Column(tr("UtilisationReport", "Month"), 2),
                Column(tr("UtilisationReport", "Sessions flagged"), 2, _RIGHT),
                Column(tr("UtilisationReport", "Co-therapy findings"), 2, _RIGHT),
                Column(tr("UtilisationReport", "Overrides"), 2, _RIGHT),
                Column(tr("UtilisationReport", "Co-therapy overrides"), 2, _RIGHT),
            ),
            (
                TableRow(
                    (
                        m.label,
                        str(m.sessions_flagged),
                        str(m.cotherapy_findings),
                        str(m.overrides),
                        str(m.cotherapy_overrides),
                    )
                )
                for m in report.months
            ),
        )
        canvas.space(4)
        canvas.text(tr("UtilisationReport", "Per day"), HEADING)
        canvas.table(
            (
                Column(tr("UtilisationReport", "Date"), 3),
                Column(tr("UtilisationReport", "Available h"), 2, _RIGHT),
                Column(tr("UtilisationReport", "Booked h"), 2, _RIGHT),
                Column(tr("UtilisationReport", "Utilisation"), 2, _RIGHT),
                Column(tr("UtilisationReport", "Sessions"), 2, _RIGHT),
                Column(tr("UtilisationReport", "No-show h"), 2, _RIGHT),
            ),
            (
                TableRow(
                    (
                        print_dates.short_date(d.day),
                        f"{d.available_hours:.1f}",
                        f"{d.booked_hours:.1f}",
                        percent(d.utilisation),
                        str(d.sessions),
                        f"{d.no_show_minutes / 60:.1f}",
                    )
                )
                for d in report.days
                if d.open or d.sessions
            ),
        )
        if not report.days:
            canvas.text(tr("UtilisationReport", "No days in this period."), BODY)
        return canvas.page


def write_utilisation_pdf(
    report: Utilisation,
    path: Path,
    *,
    generated_at: datetime,
    page_size: PageSize | str = PageSize.A4,
) -> int:
    """Save the report as a portrait PDF at ``path``; returns the pages."""
    pages: list[int] = []
    title = QCoreApplication.translate("UtilisationReport", "Utilisation report")
    write_document_pdf(
        path,
        lambda device: pages.append(render_utilisation(device, report, generated_at=generated_at)),
        page_size=page_size,
        landscape=False,
        title=title,
    )
    return pages[0]
