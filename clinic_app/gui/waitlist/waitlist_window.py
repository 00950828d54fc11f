"""The Waitlist window: the list in order of joining, adding and withdrawing entries, and the
banner that offers a freed slot to the first patient every rule allows there, with a one-step
Book (``WaitlistService.take``).

Every service call runs on the task runner; the window only shows what the service answers
(the offer is the service's, found with the booking's own dry run).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDate, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clinic_app.gui.common import dates
from clinic_app.gui.common.row_table_model import RowTableModel
from clinic_app.gui.tasks import TaskRunner
from clinic_app.gui.wording import explain_error
from clinic_app.services.actor import Actor, Permission
from clinic_app.services.results import BookingOutcome
from clinic_app.services.waitlist import WaitlistEntryView, WaitlistOffer

if TYPE_CHECKING:
    from clinic_app.bootstrap import Services

CONTEXT = "Waitlist"


def tr(text: str) -> str:
    """Translate in the waitlist window's context."""
    return QCoreApplication.translate(CONTEXT, text)


def status_label(status: str) -> str:
    """A waitlist status in words."""
    return {
        "waiting": tr("Waiting"),
        "offered": tr("Offered"),
        "booked": tr("Booked"),
        "withdrawn": tr("Withdrawn"),
        "expired": tr("Expired"),
    }.get(status, status)


def _weekday_names(days: tuple[int, ...]) -> str:
    names = (tr("Mon"), tr("Tue"), tr("Wed"), tr("Thu"), tr("Fri"), tr("Sat"), tr("Sun"))
    return ", ".join(names[d] for d in days) if days else tr("Any day")


class WaitlistModel(RowTableModel[WaitlistEntryView]):
    """One row per entry, in order of joining; ``names`` gives a therapy code's name."""

    def __init__(self, parent: QObject | None = None, names: dict[str, str] | None = None) -> None:
        super().__init__(parent)
        self._names = names or {}

    def headers(self) -> list[str]:
        """Translated column titles."""
        return [
            tr("Patient"),
            tr("MRN"),
            tr("Therapy"),
            tr("Earliest"),
            tr("Latest"),
            tr("Preferred days"),
            tr("Status"),
            tr("Note"),
        ]

    def cell(self, item: WaitlistEntryView, column: int, role: int) -> Any:
        """What each column shows."""
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        values = (
            item.patient,
            item.mrn,
            self._names.get(item.therapy, item.therapy),
            dates.short_date(item.earliest),
            dates.short_date(item.latest),
            _weekday_names(item.preferred_weekdays),
            status_label(item.status),
            item.note,
        )
        return values[column]


class OfferBanner(QFrame):
    """ "Slot freed: offer to <patient> (fits the rules)" with Book and Dismiss."""

    book_requested = Signal()

    def __init__(self, parent: QWidget | None = None, names: dict[str, str] | None = None) -> None:
        super().__init__(parent)
        self._names = names or {}
        self.setObjectName("offerBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(tr("Waitlist offer"))
        self.offer: WaitlistOffer | None = None
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.book_button = QPushButton(tr("&Book"), self)
        self.book_button.clicked.connect(self.book_requested)
        self.dismiss_button = QPushButton(tr("&Dismiss"), self)
        self.dismiss_button.clicked.connect(self.clear)
        row = QHBoxLayout(self)
        row.addWidget(self.label, 1)
        row.addWidget(self.book_button)
        row.addWidget(self.dismiss_button)
        self.hide()

    def show_offer(self, offer: WaitlistOffer) -> None:
        """Offer the slot to the entry's patient."""
        self.offer = offer
        self.label.setText(
            tr("Slot freed: offer to %1 (fits the rules): %2, %3 at %4")
            .replace("%1", offer.entry.patient)
            .replace("%2", self._names.get(offer.entry.therapy, offer.entry.therapy))
            .replace("%3", offer.chair)
            .replace("%4", dates.short_date_time(offer.start))
        )
        self.book_button.setEnabled(True)
        self.show()
        self.book_button.setFocus()

    def clear(self) -> None:
        """Hide the offer."""
        self.offer = None
        self.hide()


class WaitlistWindow(QWidget):
    """List, add, withdraw; offers of freed slots with a one-step Book."""

    changed = Signal()

    def __init__(
        self,
        services: Services,
        actor: Actor,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(tr("Waitlist"))
        self._services = services
        self._actor = actor
        self._runner = runner
        names = {therapy.code: therapy.name for therapy in services.rules.catalog.bookable()}
        self.model = WaitlistModel(self, names)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.setWordWrap(False)
        self.table.setAccessibleName(tr("Waiting patients"))
        self.banner = OfferBanner(self, names)
        self.banner.book_requested.connect(self.book_offer)
        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)

        start = (
            QDate(today.year, today.month, today.day) if today is not None else QDate.currentDate()
        )
        self.mrn_edit = QLineEdit(self)
        self.mrn_edit.setPlaceholderText(tr("e.g. M001"))
        self.therapy_box = QComboBox(self)
        for therapy in services.rules.catalog.bookable():
            self.therapy_box.addItem(therapy.name, therapy.code)
        self.earliest_edit = QDateEdit(start, self)
        self.latest_edit = QDateEdit(start.addDays(28), self)
        for edit in (self.earliest_edit, self.latest_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(dates.date_edit_format())
        self.note_edit = QLineEdit(self)
        form = QFormLayout()
        for text, field in (
            (tr("&MRN:"), self.mrn_edit),
            (tr("&Therapy:"), self.therapy_box),
            (tr("&Earliest date:"), self.earliest_edit),
            (tr("&Latest date:"), self.latest_edit),
            (tr("N&ote:"), self.note_edit),
        ):
            label = QLabel(text, self)
            label.setBuddy(field)
            form.addRow(label, field)
        self.add_button = QPushButton(tr("&Add to waitlist"), self)
        self.add_button.clicked.connect(self.add_entry)
        self.withdraw_button = QPushButton(tr("&Withdraw selected"), self)
        self.withdraw_button.clicked.connect(self.withdraw_selected)
        self.refresh_button = QPushButton(tr("&Refresh"), self)
        self.refresh_button.clicked.connect(self.reload)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.withdraw_button)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.reload)
        may_book = actor.can(Permission.BOOK)
        for widget in (self.add_button, self.withdraw_button, self.banner.book_button):
            widget.setEnabled(may_book)
        self.task: int | None = None
        self.reload()

    # ----------------------------------------------------------------- service calls

    def _run(self, fn: Any, done: Any) -> None:
        def finished(result: object) -> None:
            self.task = None
            done(result)

        def failed(error: BaseException) -> None:
            self.task = None
            explanation = explain_error(error)
            self.message.setText(f"{explanation.headline} {explanation.detail}".strip())

        self.task = self._runner.run(fn, finished, failed, context=self)

    def reload(self) -> None:
        """Read the waitlist again."""
        waitlist, actor = self._services.waitlist, self._actor
        self._run(lambda: waitlist.entries(actor), self.model.set_rows)

    def add_entry(self) -> None:
        """Add the patient in the form to the waitlist."""
        waitlist, actor = self._services.waitlist, self._actor
        mrn = self.mrn_edit.text()
        therapy = str(self.therapy_box.currentData())
        earliest = self.earliest_edit.date().toPython()
        latest = self.latest_edit.date().toPython()
        assert isinstance(earliest, date) and isinstance(latest, date)
        note = self.note_edit.text()

        def done(entry: WaitlistEntryView) -> None:
            self.message.setText(tr("%1 is on the waitlist").replace("%1", entry.patient))
            self.mrn_edit.clear()
            self.note_edit.clear()
            self.changed.emit()
            self.reload()

        self._run(lambda: waitlist.add(actor, mrn, therapy, earliest, latest, note=note), done)

    def selected_entry(self) -> WaitlistEntryView | None:
        """The entry selected in the table."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.item(rows[0].row()) if rows else None

    def withdraw_selected(self) -> None:
        """Take the selected entry off the waitlist."""
        entry = self.selected_entry()
        if entry is None:
            self.message.setText(tr("Select an entry to withdraw it"))
            return
        waitlist, actor, entry_id = self._services.waitlist, self._actor, entry.id

        def done(view: WaitlistEntryView) -> None:
            self.message.setText(tr("%1 withdrawn from the waitlist").replace("%1", view.patient))
            self.changed.emit()
            self.reload()

        self._run(lambda: waitlist.withdraw(actor, entry_id), done)

    def slot_freed(self, session_id: int) -> None:
        """A session was cancelled or did not show: offer its slot (banner when someone fits)."""
        waitlist, actor = self._services.waitlist, self._actor
        self._run(lambda: waitlist.offer_for_session(actor, session_id), self.show_offer)

    def show_offer(self, offer: WaitlistOffer | None) -> None:
        """Show the offer, or say that nobody waiting fits."""
        if offer is None:
            self.banner.clear()
            self.message.setText(tr("Nobody on the waitlist fits the freed slot"))
            return
        self.banner.show_offer(offer)

    def book_offer(self) -> None:
        """Book the offer shown in one step."""
        offer = self.banner.offer
        if offer is None:
            return
        waitlist, actor = self._services.waitlist, self._actor
        self.banner.book_button.setEnabled(False)

        def done(outcome: BookingOutcome) -> None:
            self.banner.clear()
            self.message.setText(
                tr("Booked %1 at %2")
                .replace("%1", outcome.session.patient_name)
                .replace("%2", dates.short_date_time(outcome.session.start))
            )
            self.changed.emit()
            self.reload()

        self._run(lambda: waitlist.take(actor, offer.entry.id, offer.chair, offer.start), done)
