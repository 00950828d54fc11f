"""The toolbar of a report over a date range: "From" and "to" pickers, "Show report" (F5)
and a one-line summary, shared by the capacity and the template compliance reports."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDateEdit, QLabel, QMainWindow, QToolBar

from clinic_app.gui.common import dates
from clinic_app.gui.common.export_dialog import to_date

CONTEXT = "PeriodToolbar"


def tr(text: str) -> str:
    """Translate in this module's context."""
    return QCoreApplication.translate(CONTEXT, text)


class PeriodToolbar:
    """Adds the period toolbar to ``window``; ``show_report`` runs on "Show report" (F5).

    ``date_from``, ``date_to``, ``refresh_action`` and ``summary`` are the window's to use.
    """

    def __init__(
        self,
        window: QMainWindow,
        name: str,
        first: QDate,
        last: QDate,
        show_report: Callable[[], None],
    ) -> None:
        self.date_from = QDateEdit(first)
        self.date_to = QDateEdit(last)
        toolbar = QToolBar(tr("Report"), window)
        toolbar.setObjectName(name)
        window.addToolBar(toolbar)
        for edit, text in ((self.date_from, tr(" &From ")), (self.date_to, tr(" &to "))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(dates.date_edit_format())
            label = QLabel(text)
            label.setBuddy(edit)
            edit.setAccessibleName(text.replace("&", "").strip())
            toolbar.addWidget(label)
            toolbar.addWidget(edit)
        self.refresh_action = QAction(tr("&Show report"), window)
        self.refresh_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.refresh_action.triggered.connect(show_report)
        toolbar.addAction(self.refresh_action)
        window.addAction(self.refresh_action)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        toolbar.addSeparator()
        toolbar.addWidget(self.summary)

    def period(self) -> tuple[date, date]:
        """The chosen first and last day."""
        return to_date(self.date_from.date()), to_date(self.date_to.date())

    def set_period(self, first: date, last: date) -> None:
        """Choose the period."""
        self.date_from.setDate(QDate(first.year, first.month, first.day))
        self.date_to.setDate(QDate(last.year, last.month, last.day))
