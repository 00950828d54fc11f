"""Telling whoever recorded a fact (an outside exposure, a result) which booked sessions it now
stops, and why: the ``SessionNotice`` objects the services return, listed in a dialog."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from clinic_app.gui import wording
from clinic_app.services.visit_views import SessionNotice


def _tr(text: str) -> str:
    return QCoreApplication.translate("StoppedSessions", text)


def notice_lines(notices: Sequence[SessionNotice]) -> list[str]:
    """One line per (session, finding): when, chair, therapy, patient, then why."""
    lines = []
    for notice in notices:
        head = (
            _tr("%1 %2, %3: %4 for %5 (%6)")
            .replace("%1", wording.short_day_label(notice.start.date()))
            .replace("%2", wording.hhmm(notice.start))
            .replace("%3", notice.chair)
            .replace("%4", notice.therapy_name)
            .replace("%5", notice.patient_name)
            .replace("%6", notice.mrn)
        )
        for finding in notice.findings:
            lines.append(
                f"{head} \u2014 {wording.severity_label(finding.severity)}: "
                f"{wording.readable_dates(finding.message)} "
                + _tr("(rule %1)").replace("%1", finding.rule)
            )
    return lines


def notice_summary(notices: Sequence[SessionNotice]) -> str:
    """A one-line headline: how many booked sessions are now stopped."""
    return wording.count(
        len(notices),
        _tr("1 booked session cannot go ahead as it stands"),
        _tr("{n} booked sessions cannot go ahead as they stand"),
    )


class StoppedSessionsDialog(QDialog):
    """Lists the booked sessions a newly recorded fact stops, with every reason."""

    def __init__(
        self, notices: Sequence[SessionNotice], what: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("Booked sessions now stopped"))
        intro = QLabel(
            _tr(
                "%1. They stay booked and show it on the grid and the daily list; a nurse "
                "decides at check-in (override with a reason, or rebook). %2"
            )
            .replace("%1", notice_summary(notices))
            .replace("%2", what),
            self,
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("stoppedSessions")
        self.list.setWordWrap(True)
        self.list.addItems(notice_lines(notices))
        self.list.setAccessibleName(_tr("Sessions now stopped"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(720, 300)

    @classmethod
    def tell(cls, parent: QWidget | None, notices: Sequence[SessionNotice], what: str) -> None:
        """Show the notices modally (nothing when there are none; tests replace this)."""
        if not notices:
            return
        dialog = cls(notices, what, parent)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()
