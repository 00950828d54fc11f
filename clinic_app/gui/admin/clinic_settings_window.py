"""The administrators' clinic settings window: opening hours, closed dates with a bank-holiday
import, time zone, lab-station capacity and chairs.

Every change goes through :class:`~clinic_app.services.clinic_settings.ClinicSettingsService`
twice: first as a dry run, whose list of future sessions and lab draws the change would leave
unworkable is shown for confirmation (:meth:`ClinicSettingsWindow.confirm`, replaceable in
tests); then, confirmed, for real. The bookings it affected stay listed in the window for
rebooking; nothing is moved or cancelled by a settings change.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from datetime import date, time
from typing import TYPE_CHECKING, Any
from zoneinfo import available_timezones

from PySide6.QtCore import QCoreApplication, QDate, Qt, QTime
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from clinic_app.domain.errors import ClinicError, InvalidInputError
from clinic_app.gui.common import dates
from clinic_app.gui.common.form_fields import error_label, plain_label, show_error
from clinic_app.gui.common.row_table_model import RowTableModel
from clinic_app.gui.wording import explain_error
from clinic_app.services.actor import Actor
from clinic_app.services.clinic_settings import (
    AffectedBooking,
    ClinicSettingsView,
    ClosedDateView,
    SettingsChange,
)
from clinic_app.services.results import ChairView

if TYPE_CHECKING:
    from clinic_app.bootstrap import Services

CONTEXT = "ClinicSettings"


def tr(text: str) -> str:
    """Translate ``text`` in this window's context."""
    return QCoreApplication.translate(CONTEXT, text)


def weekday_names() -> tuple[str, ...]:
    """Monday..Sunday in the user's language."""
    return (
        tr("Monday"),
        tr("Tuesday"),
        tr("Wednesday"),
        tr("Thursday"),
        tr("Friday"),
        tr("Saturday"),
        tr("Sunday"),
    )


def affected_kind(booking: AffectedBooking) -> str:
    """A session or a lab draw, in words."""
    return tr("Session") if booking.kind == "session" else tr("Lab draw")


def affected_line(booking: AffectedBooking) -> str:
    """One affected booking on one line (the confirmation's list)."""
    return tr("{kind} {day} {start}-{end}, {mrn} {patient}, {place}: {problem}").format(
        kind=affected_kind(booking),
        day=dates.short_date(booking.start.date()),
        start=dates.time_text(booking.start),
        end=dates.time_text(booking.end),
        mrn=booking.mrn,
        patient=booking.patient,
        place=booking.place,
        problem=booking.problem,
    )


class AffectedColumn(enum.IntEnum):
    """The columns of the affected-bookings table."""

    WHEN = 0
    KIND = 1
    PATIENT = 2
    PLACE = 3
    PROBLEM = 4


class AffectedBookingsModel(RowTableModel[AffectedBooking]):
    """Future bookings a settings change left unworkable, for rebooking; read-only."""

    def headers(self) -> list[str]:
        """The :class:`AffectedColumn` titles."""
        return [
            self.tr("When"),
            self.tr("What"),
            self.tr("Patient"),
            self.tr("Chair / station"),
            self.tr("Why it no longer fits"),
        ]

    def cell(self, item: AffectedBooking, column: int, role: int) -> Any:
        """Plain-text cells."""
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        if column == AffectedColumn.WHEN:
            return f"{item.start:%a %d %b %Y %H:%M}-{item.end:%H:%M}"
        if column == AffectedColumn.KIND:
            return affected_kind(item)
        if column == AffectedColumn.PATIENT:
            return f"{item.mrn} {item.patient}"
        if column == AffectedColumn.PLACE:
            return item.place
        if column == AffectedColumn.PROBLEM:
            return item.problem
        return None


class ClosedDatesModel(RowTableModel[ClosedDateView]):
    """The clinic's closed dates, in date order; read-only."""

    def headers(self) -> list[str]:
        """Date and reason."""
        return [self.tr("Date"), self.tr("Reason")]

    def cell(self, item: ClosedDateView, column: int, role: int) -> Any:
        """Plain-text cells."""
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        if column == 0:
            return dates.short_date(item.day)
        if column == 1:
            return item.reason
        return None


class ChairsModel(RowTableModel[ChairView]):
    """Every chair, retired ones included; read-only."""

    def headers(self) -> list[str]:
        """Name and state."""
        return [self.tr("Chair"), self.tr("State")]

    def cell(self, item: ChairView, column: int, role: int) -> Any:
        """Plain-text cells."""
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        if column == 0:
            return item.name
        if column == 1:
            return self.tr("in use") if item.active else self.tr("retired (no new bookings)")
        return None


def _table(model: RowTableModel[Any], parent: QWidget, name: str) -> QTableView:
    table = QTableView(parent)
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setTabKeyNavigation(False)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


class ClinicSettingsWindow(QWidget):
    """The clinic's settings for administrators (others may read them)."""

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setObjectName("clinicSettingsWindow")
        self.setWindowTitle(self.tr("Clinic settings - clinic_app"))
        self.resize(1000, 640)
        self._services = services
        self._actor = actor
        self.view: ClinicSettingsView | None = None
        self.last_change: SettingsChange | None = None

        self.error = error_label(self)
        self.status = plain_label("", self, name="hint")
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._hours_tab(), self.tr("&Opening hours"))
        self.tabs.addTab(self._closed_tab(), self.tr("Closed &dates"))
        self.tabs.addTab(self._chairs_tab(), self.tr("C&hairs"))
        self.tabs.addTab(self._clinic_tab(), self.tr("&Time zone and lab"))

        self.affected_model = AffectedBookingsModel(self)
        self.affected_table = _table(self.affected_model, self, "affectedTable")
        self.affected_title = QLabel(self.tr("Boo&kings to rebook after the last change:"), self)
        self.affected_title.setBuddy(self.affected_table)
        close = QPushButton(self.tr("&Close"), self)
        close.clicked.connect(self.close)

        layout = QVBoxLayout(self)
        layout.addWidget(self.error)
        layout.addWidget(self.tabs, 3)
        layout.addWidget(self.affected_title)
        layout.addWidget(self.affected_table, 2)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(close)
        layout.addLayout(bottom)

        close_action = QAction(self.tr("Close"), self)
        close_action.setShortcuts(
            [QKeySequence(QKeySequence.StandardKey.Close), QKeySequence(Qt.Key.Key_Escape)]
        )
        close_action.triggered.connect(self.close)
        self.addActions([close_action])
        self.refresh()

    # ------------------------------------------------------------------ tabs

    def _hours_tab(self) -> QWidget:
        tab = QWidget(self)
        grid = QGridLayout(tab)
        grid.addWidget(QLabel(self.tr("Day"), tab), 0, 0)
        grid.addWidget(QLabel(self.tr("Opens"), tab), 0, 1)
        grid.addWidget(QLabel(self.tr("Closes"), tab), 0, 2)
        self.open_checks: list[QCheckBox] = []
        self.opens: list[QTimeEdit] = []
        self.closes: list[QTimeEdit] = []
        for day, name in enumerate(weekday_names()):
            check = QCheckBox(name, tab)
            check.setToolTip(self.tr("Open on {day}s").format(day=name))
            opens, closes = QTimeEdit(tab), QTimeEdit(tab)
            for edit in (opens, closes):
                edit.setDisplayFormat(dates.TIME_FORMAT)
                check.toggled.connect(edit.setEnabled)
            opens.setAccessibleName(self.tr("{day} opens").format(day=name))
            closes.setAccessibleName(self.tr("{day} closes").format(day=name))
            grid.addWidget(check, day + 1, 0)
            grid.addWidget(opens, day + 1, 1)
            grid.addWidget(closes, day + 1, 2)
            self.open_checks.append(check)
            self.opens.append(opens)
            self.closes.append(closes)
        self.hours_button = QPushButton(self.tr("&Save opening hours..."), tab)
        self.hours_button.clicked.connect(lambda: self.save_hours())
        grid.addWidget(self.hours_button, 8, 0, 1, 3, Qt.AlignmentFlag.AlignLeft)
        grid.setColumnStretch(3, 1)
        grid.setRowStretch(9, 1)
        return tab

    def _closed_tab(self) -> QWidget:
        tab = QWidget(self)
        self.closed_model = ClosedDatesModel(self)
        self.closed_table = _table(self.closed_model, tab, "closedTable")
        today = self._services.ctx.clock().date()
        self.closed_day = QDateEdit(QDate(today.year, today.month, today.day), tab)
        self.closed_day.setCalendarPopup(True)
        self.closed_day.setDisplayFormat(dates.date_edit_format())
        self.closed_reason = QLineEdit(tab)
        self.closed_reason.setPlaceholderText(self.tr("e.g. staff training"))
        self.add_closed_button = QPushButton(self.tr("Clo&se the clinic that day..."), tab)
        self.add_closed_button.clicked.connect(lambda: self.add_closed_date())
        self.remove_closed_button = QPushButton(self.tr("Op&en again"), tab)
        self.remove_closed_button.clicked.connect(lambda: self.remove_closed_date())
        self.country = QLineEdit(tab)
        self.country.setMaxLength(3)
        self.country.setPlaceholderText("GB")
        self.subdivision = QLineEdit(tab)
        self.subdivision.setMaxLength(10)
        self.subdivision.setPlaceholderText(self.tr("e.g. ENG (optional)"))
        self.first_year, self.last_year = QSpinBox(tab), QSpinBox(tab)
        for spin in (self.first_year, self.last_year):
            spin.setRange(1900, 2199)
            spin.setValue(today.year + 1)
        self.import_button = QPushButton(self.tr("&Import bank holidays..."), tab)
        self.import_button.clicked.connect(lambda: self.import_holidays())

        form = QFormLayout()
        form.addRow(self.tr("D&ate:"), self.closed_day)
        form.addRow(self.tr("&Reason:"), self.closed_reason)
        row = QHBoxLayout()
        row.addWidget(self.add_closed_button)
        row.addWidget(self.remove_closed_button)
        row.addStretch(1)
        form.addRow(row)
        form.addRow(self.tr("Co&untry:"), self.country)
        form.addRow(self.tr("Re&gion:"), self.subdivision)
        years = QHBoxLayout()
        years_label = QLabel(self.tr("&Years:"), tab)
        years_label.setBuddy(self.first_year)
        years.addWidget(self.first_year)
        years.addWidget(QLabel(self.tr("to"), tab))
        years.addWidget(self.last_year)
        years.addStretch(1)
        form.addRow(years_label, years)
        form.addRow(self.import_button)
        layout = QHBoxLayout(tab)
        layout.addWidget(self.closed_table, 1)
        layout.addLayout(form)
        return tab

    def _chairs_tab(self) -> QWidget:
        tab = QWidget(self)
        self.chairs_model = ChairsModel(self)
        self.chairs_table = _table(self.chairs_model, tab, "chairsTable")
        self.chair_name = QLineEdit(tab)
        self.chair_name.setPlaceholderText(self.tr("a new chair, or the new name"))
        self.chair_name.setMinimumWidth(self.chair_name.fontMetrics().horizontalAdvance("M" * 18))
        self.add_chair_button = QPushButton(self.tr("&Add chair"), tab)
        self.add_chair_button.clicked.connect(lambda: self.add_chair())
        self.rename_chair_button = QPushButton(self.tr("Rena&me selected"), tab)
        self.rename_chair_button.clicked.connect(lambda: self.rename_chair())
        self.retire_chair_button = QPushButton(self.tr("&Retire selected..."), tab)
        self.retire_chair_button.clicked.connect(lambda: self.retire_chair())
        self.reinstate_chair_button = QPushButton(self.tr("&Use selected again"), tab)
        self.reinstate_chair_button.clicked.connect(lambda: self.reinstate_chair())
        side = QVBoxLayout()
        name_label = QLabel(self.tr("&Name:"), tab)
        name_label.setBuddy(self.chair_name)
        side.addWidget(name_label)
        side.addWidget(self.chair_name)
        for button in (
            self.add_chair_button,
            self.rename_chair_button,
            self.retire_chair_button,
            self.reinstate_chair_button,
        ):
            side.addWidget(button)
        side.addStretch(1)
        layout = QHBoxLayout(tab)
        layout.addWidget(self.chairs_table, 1)
        layout.addLayout(side)
        return tab

    def _clinic_tab(self) -> QWidget:
        tab = QWidget(self)
        self.timezone = QComboBox(tab)
        self.timezone.setEditable(True)
        self.timezone.addItems(sorted(available_timezones() - {"localtime"}))
        self.timezone_button = QPushButton(self.tr("S&et time zone..."), tab)
        self.timezone_button.clicked.connect(lambda: self.set_timezone())
        self.draws = QSpinBox(tab)
        self.draws.setRange(1, 50)
        self.lab_button = QPushButton(self.tr("Set &lab capacity..."), tab)
        self.lab_button.clicked.connect(lambda: self.set_lab_capacity())
        self.slot_note = plain_label("", tab, name="hint")
        form = QFormLayout(tab)
        zone_row = QHBoxLayout()
        zone_row.addWidget(self.timezone, 1)
        zone_row.addWidget(self.timezone_button)
        zone_label = QLabel(self.tr("Time &zone:"), tab)
        zone_label.setBuddy(self.timezone)
        form.addRow(zone_label, zone_row)
        lab_row = QHBoxLayout()
        lab_row.addWidget(self.draws)
        lab_row.addWidget(self.slot_note, 1)
        lab_row.addWidget(self.lab_button)
        draws_label = QLabel(self.tr("Draws &per slot:"), tab)
        draws_label.setBuddy(self.draws)
        form.addRow(draws_label, lab_row)
        return tab

    # ------------------------------------------------------------------ loading

    def refresh(self) -> bool:
        """Load the settings into every tab; False when they could not be read."""
        try:
            view = self._services.settings.clinic_settings(self._actor)
        except ClinicError as error:
            self._refused(error)
            return False
        self.view = view
        for day, hours in enumerate(view.hours):
            check = self.open_checks[day]
            check.setChecked(hours is not None)
            start = hours.opens if hours is not None else time(8)
            end = hours.closes if hours is not None else time(18)
            self.opens[day].setTime(QTime(start.hour, start.minute))
            self.closes[day].setTime(QTime(end.hour, end.minute))
            self.opens[day].setEnabled(hours is not None)
            self.closes[day].setEnabled(hours is not None)
        self.closed_model.set_rows(view.closed_dates)
        self.chairs_model.set_rows(view.chairs)
        self.timezone.setCurrentText(view.timezone)
        self.draws.setValue(view.draws_per_slot)
        self.slot_note.setText(
            self.tr("at the {station}, one slot = {minutes} min").format(
                station=view.lab_station, minutes=view.slot_minutes
            )
        )
        return True

    # ------------------------------------------------------------------ the change path

    @staticmethod
    def confirm(change: SettingsChange, parent: QWidget | None = None) -> bool:
        """Ask whether to make a change that leaves ``change.affected`` to rebook."""
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(tr("Bookings affected - clinic_app"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(
            tr(
                "{change}: {count} future booking(s) would no longer fit. They are kept and "
                "listed for rebooking. Make the change?"
            ).format(change=change.description, count=len(change.affected))
        )
        box.setDetailedText("\n".join(affected_line(a) for a in change.affected))
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes

    def _apply(self, call: Callable[..., SettingsChange], *, previews: bool = True) -> bool:
        """Preview ``call`` (a dry run), confirm when bookings are affected, then make it."""
        show_error(self.error, "")
        try:
            accept = False
            if previews:
                preview = call(dry_run=True)
                if preview.affected:
                    if not self.confirm(preview, self):
                        self.status.setText(self.tr("Nothing was changed."))
                        return False
                    accept = True
                change = call(accept_affected=accept)
            else:
                change = call()
        except ClinicError as error:
            self._refused(error)
            return False
        self.last_change = change
        self.affected_model.set_rows(change.affected)
        if change.affected:
            self.status.setText(
                self.tr("Saved: {change}. {count} booking(s) to rebook are listed below.").format(
                    change=change.description, count=len(change.affected)
                )
            )
        else:
            self.status.setText(
                self.tr("Saved: {change}. No booking is affected.").format(
                    change=change.description
                )
            )
        self.refresh()
        return True

    def _refused(self, error: ClinicError) -> None:
        if isinstance(error, InvalidInputError):
            show_error(self.error, str(error))
            return
        words = explain_error(error)
        show_error(self.error, f"{words.headline}: {words.detail}")

    # ------------------------------------------------------------------ actions

    def save_hours(self) -> int:
        """Save each weekday whose hours changed (each previewed); the number saved."""
        if self.view is None:
            return 0
        saved = 0
        service, actor = self._services.settings, self._actor
        for day, current in enumerate(self.view.hours):
            wanted: tuple[time, time] | None = None
            if self.open_checks[day].isChecked():
                opens_at, closes_at = self.opens[day].time(), self.closes[day].time()
                wanted = (
                    time(opens_at.hour(), opens_at.minute()),
                    time(closes_at.hour(), closes_at.minute()),
                )
            now = None if current is None else (current.opens, current.closes)
            if wanted == now:
                continue
            opens = None if wanted is None else wanted[0]
            closes = None if wanted is None else wanted[1]

            def call(
                *,
                day: int = day,
                opens: time | None = opens,
                closes: time | None = closes,
                **kw: Any,
            ) -> SettingsChange:
                return service.set_opening_hours(actor, day, opens, closes, **kw)

            if not self._apply(call):
                return saved
            saved += 1
        if saved == 0:
            self.status.setText(self.tr("The opening hours are unchanged."))
        return saved

    def add_closed_date(self) -> bool:
        """Close the clinic on the chosen date (previewed)."""
        picked = self.closed_day.date()
        day = date(picked.year(), picked.month(), picked.day())
        reason = self.closed_reason.text().strip()
        service, actor = self._services.settings, self._actor
        done = self._apply(lambda **kw: service.add_closed_date(actor, day, reason, **kw))
        if done:
            self.closed_reason.clear()
        return done

    def remove_closed_date(self) -> bool:
        """Open the clinic again on the selected closed date."""
        rows = self.closed_table.selectionModel().selectedRows()
        if not rows:
            show_error(self.error, self.tr("Select a closed date first."))
            return False
        day = self.closed_model.item(rows[0].row()).day
        service, actor = self._services.settings, self._actor
        return self._apply(lambda **kw: service.remove_closed_date(actor, day), previews=False)

    def import_holidays(self) -> bool:
        """Close the clinic on the country's bank holidays of the chosen years (previewed)."""
        country = self.country.text().strip() or "GB"
        region = self.subdivision.text().strip() or None
        first, last = self.first_year.value(), self.last_year.value()
        service, actor = self._services.settings, self._actor
        return self._apply(
            lambda **kw: service.import_bank_holidays(
                actor, country, first, last, subdivision=region, **kw
            )
        )

    def set_timezone(self) -> bool:
        """The clinic's time zone (previewed)."""
        zone = self.timezone.currentText().strip()
        service, actor = self._services.settings, self._actor
        return self._apply(lambda **kw: service.set_timezone(actor, zone, **kw))

    def set_lab_capacity(self) -> bool:
        """Draws per slot at the lab station (previewed)."""
        draws = self.draws.value()
        service, actor = self._services.settings, self._actor
        return self._apply(lambda **kw: service.set_lab_capacity(actor, draws, **kw))

    def _selected_chair(self) -> ChairView | None:
        rows = self.chairs_table.selectionModel().selectedRows()
        if not rows:
            show_error(self.error, self.tr("Select a chair first."))
            return None
        return self.chairs_model.item(rows[0].row())

    def add_chair(self) -> bool:
        """A new chair named in the name field."""
        name = self.chair_name.text().strip()
        service, actor = self._services.settings, self._actor
        done = self._apply(lambda **kw: service.add_chair(actor, name), previews=False)
        if done:
            self.chair_name.clear()
        return done

    def rename_chair(self) -> bool:
        """The selected chair gets the name in the name field."""
        chair = self._selected_chair()
        if chair is None:
            return False
        name = self.chair_name.text().strip()
        service, actor = self._services.settings, self._actor
        return self._apply(
            lambda **kw: service.rename_chair(actor, chair.name, name), previews=False
        )

    def retire_chair(self) -> bool:
        """The selected chair takes no new bookings (previewed)."""
        chair = self._selected_chair()
        if chair is None:
            return False
        service, actor = self._services.settings, self._actor
        return self._apply(lambda **kw: service.retire_chair(actor, chair.name, **kw))

    def reinstate_chair(self) -> bool:
        """The selected retired chair takes bookings again."""
        chair = self._selected_chair()
        if chair is None:
            return False
        service, actor = self._services.settings, self._actor
        return self._apply(lambda **kw: service.reinstate_chair(actor, chair.name), previews=False)
