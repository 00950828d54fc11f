"""The weekly slot template window (issue 14): the template in force, a day's use of it, and
building a new one.

``TemplateWindow(services, actor, parent=None, runner=None)``. Every role that sees the
schedule may open it: the "Week" tab is the template in force (a row per start time on the
15-minute grid, a column per open weekday, "2 x 75 min" in a cell, the therapies in its
tooltip); the "Day" tab lists one date's template starts, planned against filled, so the desk
sees which are still free. Managers and administrators build a new template ("Build
template...", Ctrl+B): a small dialog asks how many weeks of history and the solver's time
limit per weekday, ``services.templates.build`` runs on a worker (``TaskRunner``) under a busy
progress dialog, and the new template is shown. A refusal shows the service's message and
changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QProgressDialog,
    QSpinBox,
    QTableView,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from clinic_app.bootstrap import Services
from clinic_app.domain.catalog import Catalog
from clinic_app.domain.errors import ClinicError, InvalidInputError, PermissionDeniedError
from clinic_app.gui import wording
from clinic_app.gui.common import dates
from clinic_app.gui.common.clinic_day import clinic_today
from clinic_app.gui.common.export_dialog import show_error, to_date
from clinic_app.gui.common.row_table_model import ModelIndex, RowTableModel
from clinic_app.gui.common.tables import make_table
from clinic_app.gui.tasks import TaskRunner
from clinic_app.services.actor import Actor, Permission
from clinic_app.services.templates import TemplateSlotUse, TemplateStartView, TemplateView

GRID_MINUTES = 15
DEFAULT_WEEKS = 8
DEFAULT_TIME_LIMIT_S = 5
# The service's limits (``TemplateService.build``): the spin boxes never offer more.
MAX_WEEKS = 52
MAX_TIME_LIMIT_S = 60
_CENTRE = Qt.AlignmentFlag.AlignCenter
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _minutes(moment: time) -> int:
    return moment.hour * 60 + moment.minute


def _clock(minutes: int) -> str:
    return dates.time_text(datetime.combine(date.min, time(minutes // 60, minutes % 60)))


def therapy_names(catalog: Catalog, codes: Iterable[str]) -> str:
    """The therapies' names from the catalog (a code the catalog no longer has, as is)."""
    names = []
    for code in codes:
        try:
            names.append(catalog.get(code).name)
        except (KeyError, ClinicError):
            names.append(code)
    return ", ".join(names)


class TemplateGridModel(QAbstractTableModel):
    """The template in force as a grid: a row per start time on the 15-minute grid (from the
    earliest start to the latest), a column per weekday; a cell lists its starts as
    ``2 x 75 min``, the tooltip adds set-up, take-down and the therapies."""

    def __init__(self, catalog: Catalog, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._weekdays: list[int] = []
        self._times: list[int] = []  # minutes after midnight
        self._cells: dict[tuple[int, int], list[TemplateStartView]] = {}

    def set_template(self, template: TemplateView | None, open_weekdays: Iterable[int]) -> None:
        """Show ``template`` (None: no template, no rows) over the open weekdays (and any
        weekday the template has starts on)."""
        starts = template.starts if template is not None else ()
        self.beginResetModel()
        self._weekdays = sorted(set(open_weekdays) | {s.weekday for s in starts})
        self._cells = {}
        for start in starts:
            self._cells.setdefault((_minutes(start.start), start.weekday), []).append(start)
        if starts:
            first = min(_minutes(s.start) for s in starts)
            last = max(_minutes(s.start) for s in starts)
            first -= first % GRID_MINUTES
            self._times = list(range(first, last + 1, GRID_MINUTES))
        else:
            self._times = []
        self.endResetModel()

    def weekdays(self) -> list[int]:
        """The weekdays shown as columns (0 = Monday)."""
        return list(self._weekdays)

    def starts_at(self, row: int, column: int) -> list[TemplateStartView]:
        """The template's starts in a cell."""
        return list(self._cells.get((self._times[row], self._weekdays[column]), []))

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        """One row per start time on the grid."""
        return 0 if parent.isValid() else len(self._times)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        """One column per weekday."""
        return 0 if parent.isValid() else len(self._weekdays)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The starts of the cell (text, tooltip, accessible text, centred)."""
        if not index.isValid() or not self._in_range(index.row(), index.column()):
            return None
        starts = self.starts_at(index.row(), index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return "\n".join(self._short(s) for s in starts)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            when = (
                self.tr("%1 at %2")
                .replace("%1", wording.weekday_name(self._weekdays[index.column()]))
                .replace("%2", _clock(self._times[index.row()]))
            )
            what = "; ".join(self._short(s) for s in starts) or self.tr("no template start")
            return f"{when}: {what}"
        if role == Qt.ItemDataRole.ToolTipRole and starts:
            return wording.plain_tooltip("\n".join(self._long(s) for s in starts))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(_CENTRE.value)
        if role == Qt.ItemDataRole.FontRole and starts:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        """Weekdays across, start times down the side; a weekday's tooltip counts its starts."""
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(self._weekdays):
                return None
            weekday = self._weekdays[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return wording.weekday_name(weekday)
            if role == Qt.ItemDataRole.ToolTipRole:
                count = sum(
                    s.count
                    for (_, day), cell in self._cells.items()
                    if day == weekday
                    for s in cell
                )
                return wording.count(
                    count, self.tr("1 template start"), self.tr("{n} template starts")
                )
            return None
        if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._times):
            return _clock(self._times[section])
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        """Read-only, selectable cells (the keyboard walks the grid)."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def _in_range(self, row: int, column: int) -> bool:
        return 0 <= row < len(self._times) and 0 <= column < len(self._weekdays)

    def _short(self, start: TemplateStartView) -> str:
        return (
            self.tr("%1 x %2 min")
            .replace("%1", str(start.count))
            .replace("%2", str(start.chair_minutes))
        )

    def _long(self, start: TemplateStartView) -> str:
        return (
            self.tr("%1 (set-up %2 min, take-down %3 min): %4")
            .replace("%1", self._short(start))
            .replace("%2", str(start.setup_minutes))
            .replace("%3", str(start.takedown_minutes))
            .replace("%4", therapy_names(self._catalog, start.therapies))
        )


class TemplateDayModel(RowTableModel[TemplateSlotUse]):
    """One day's template starts: when, how long, how many planned, filled and still free."""

    def headers(self) -> list[str]:
        """The columns' titles."""
        return [
            self.tr("Start"),
            self.tr("Chair time"),
            self.tr("Planned"),
            self.tr("Filled"),
            self.tr("Still free"),
        ]

    def cell(self, item: TemplateSlotUse, column: int, role: int) -> Any:
        """Cell text, counts right-aligned; a full start says so in words."""
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            free = max(item.planned - item.filled, 0)
            texts = (
                wording.hhmm(item.start),
                self.tr("%1 min (set-up %2, take-down %3)")
                .replace("%1", str(item.chair_minutes))
                .replace("%2", str(item.setup_minutes))
                .replace("%3", str(item.takedown_minutes)),
                str(item.planned),
                str(item.filled),
                str(free) if free else self.tr("full"),
            )
            return texts[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 2:
            return int(_RIGHT.value)
        if role == Qt.ItemDataRole.FontRole and column == 4 and item.planned > item.filled:
            font = QFont()
            font.setBold(True)
            return font
        return None


@dataclass(frozen=True, slots=True)
class BuildChoice:
    """What the manager asked for: weeks of history and seconds per weekday."""

    weeks: int
    time_limit_s: int


class BuildTemplateDialog(QDialog):
    """Asks the weeks of history and the solver's time limit per weekday (both validated by
    their spin boxes' ranges, the service's limits)."""

    def __init__(self, parent: QWidget | None = None, *, open_weekdays: int = 5) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Build slot template"))
        self._open_weekdays = max(open_weekdays, 1)
        self.weeks_spin = QSpinBox(self)
        self.weeks_spin.setRange(1, MAX_WEEKS)
        self.weeks_spin.setValue(DEFAULT_WEEKS)
        self.weeks_spin.setSuffix(self.tr(" weeks"))
        self.weeks_spin.setAccessibleName(self.tr("Weeks of history"))
        self.limit_spin = QSpinBox(self)
        self.limit_spin.setRange(1, MAX_TIME_LIMIT_S)
        self.limit_spin.setValue(DEFAULT_TIME_LIMIT_S)
        self.limit_spin.setSuffix(self.tr(" s"))
        self.limit_spin.setAccessibleName(self.tr("Time limit per weekday in seconds"))
        explanation = QLabel(
            self.tr(
                "The template is worked out from the sessions of the last weeks (each weekday's "
                "average demand). It replaces the template in force for every desk."
            ),
            self,
        )
        explanation.setWordWrap(True)
        explanation.setTextFormat(Qt.TextFormat.PlainText)
        self.estimate = QLabel(self)
        self.estimate.setObjectName("hint")
        self.estimate.setTextFormat(Qt.TextFormat.PlainText)
        form = QFormLayout()
        weeks_label = QLabel(self.tr("&History:"), self)
        weeks_label.setBuddy(self.weeks_spin)
        limit_label = QLabel(self.tr("&Time limit per weekday:"), self)
        limit_label.setBuddy(self.limit_spin)
        form.addRow(weeks_label, self.weeks_spin)
        form.addRow(limit_label, self.limit_spin)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Build"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(self.estimate)
        layout.addWidget(buttons)
        self.limit_spin.valueChanged.connect(self._update_estimate)
        self._update_estimate()
        self.weeks_spin.setFocus()
        self.setMinimumWidth(420)

    def _update_estimate(self) -> None:
        self.estimate.setText(
            self.tr("At most about %1 s for %2 open weekdays.")
            .replace("%1", str(self.limit_spin.value() * self._open_weekdays))
            .replace("%2", str(self._open_weekdays))
        )

    def choice(self) -> BuildChoice:
        """The values as they stand."""
        return BuildChoice(self.weeks_spin.value(), self.limit_spin.value())

    @classmethod
    def ask(cls, parent: QWidget | None, *, open_weekdays: int = 5) -> BuildChoice | None:
        """Show the dialog modally; the choice, or None when cancelled (tests replace this)."""
        dialog = cls(parent, open_weekdays=open_weekdays)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.choice()
            return None
        finally:
            dialog.deleteLater()


def refusal_text(error: BaseException) -> str:
    """The service's refusal in words: a field or a role in clerk words, else its message."""
    if isinstance(error, InvalidInputError | PermissionDeniedError):
        explanation = wording.explain_error(error)
        return f"{explanation.headline}: {explanation.detail}"
    if isinstance(error, ClinicError):
        return str(error)
    explanation = wording.explain_error(error)
    return f"{explanation.headline}: {explanation.detail}"


@dataclass(frozen=True, slots=True)
class _Loaded:
    """The template in force and the clinic's open weekdays."""

    template: TemplateView | None
    open_weekdays: tuple[int, ...]


class TemplateWindow(QMainWindow):
    """The weekly slot template: the grid in force, a day's use, and (managers) a new build.

    Signals:
        template_shown(object): the ``TemplateView`` (or None) now shown.
        template_built(object): a new ``TemplateView`` was built and is shown.
        build_failed(str): why no template was built, in words.
        day_shown(object): the list of ``TemplateSlotUse`` of the chosen day, now shown.
    """

    template_shown = Signal(object)
    template_built = Signal(object)
    build_failed = Signal(str)
    day_shown = Signal(object)

    def __init__(
        self,
        services: Services,
        actor: Actor,
        parent: QWidget | None = None,
        runner: TaskRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.actor = actor
        self.runner = runner if runner is not None else TaskRunner(self)
        self.template: TemplateView | None = None
        self.open_weekdays: tuple[int, ...] = ()
        self.building = False
        self.setWindowTitle(self.tr("Slot template"))
        self.resize(1100, 700)

        toolbar = QToolBar(self.tr("Template"))
        toolbar.setObjectName("templateToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(toolbar)
        self.build_action = QAction(self.tr("&Build template..."), self)
        self.build_action.setShortcut(QKeySequence(self.tr("Ctrl+B")))
        self.build_action.triggered.connect(self.build_template)
        self.refresh_action = QAction(self.tr("&Refresh"), self)
        self.refresh_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.refresh_action.triggered.connect(self.refresh)
        for action in (self.build_action, self.refresh_action):
            toolbar.addAction(action)
            self.addAction(action)
        self.may_build = actor.can(Permission.PLAN_CAPACITY)
        self.build_note = QLabel()
        self.build_note.setTextFormat(Qt.TextFormat.PlainText)
        self.build_note.setObjectName("hint")
        if self.may_build:
            self.build_action.setToolTip(
                self.tr("Work out a new template from the clinic's history (Ctrl+B)")
            )
        else:
            reason = self.tr("Only managers and administrators may build a template.")
            self.build_action.setEnabled(False)
            self.build_action.setToolTip(reason)
            self.build_action.setStatusTip(reason)
            self.build_note.setText(reason)
        toolbar.addSeparator()
        toolbar.addWidget(self.build_note)

        self.header = QLabel(self.tr("Reading the template..."))
        self.header.setObjectName("templateHeader")
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.header.setWordWrap(True)

        self.grid_model = TemplateGridModel(services.ctx.catalog, self)
        self.grid = QTableView()
        self.grid.setModel(self.grid_model)
        self.grid.setAccessibleName(self.tr("Template starts per weekday and time"))
        self.grid.setAlternatingRowColors(True)
        self.grid.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.grid.setTabKeyNavigation(False)
        self.grid.setWordWrap(True)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.grid.verticalHeader().setDefaultAlignment(_RIGHT)
        self.grid.setVerticalScrollMode(QTableView.ScrollMode.ScrollPerPixel)

        today = clinic_today(services, actor)
        self.day_edit = QDateEdit(QDate(today.year, today.month, today.day))
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDisplayFormat(dates.date_edit_format())
        self.day_edit.setAccessibleName(self.tr("Day"))
        day_label = QLabel(self.tr("D&ay:"))
        day_label.setBuddy(self.day_edit)
        self.day_summary = QLabel()
        self.day_summary.setTextFormat(Qt.TextFormat.PlainText)
        self.day_model = TemplateDayModel(self)
        self.day_table = make_table(self.day_model, self)
        self.day_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.day_table.setAccessibleName(self.tr("Template starts of the day"))
        day_row = QHBoxLayout()
        day_row.addWidget(day_label)
        day_row.addWidget(self.day_edit)
        day_row.addSpacing(12)
        day_row.addWidget(self.day_summary, 1)
        day_page = QWidget()
        day_layout = QVBoxLayout(day_page)
        day_layout.addLayout(day_row)
        day_layout.addWidget(self.day_table, 1)

        self.tabs = QTabWidget()
        self.tabs.addTab(self.grid, self.tr("&Week"))
        self.tabs.addTab(day_page, self.tr("&Day"))

        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.header)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        self.setCentralWidget(central)

        self.progress = QProgressDialog(self.tr("Building the slot template..."), "", 0, 0, self)
        self.progress.setWindowTitle(self.tr("Slot template"))
        self.progress.setCancelButton(None)  # the solver stops at its own time limit
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(0)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.reset()  # stops the timer that would show it by itself
        self.progress.hide()

        self.day_edit.dateChanged.connect(lambda _day: self.show_day(self.day()))
        self.refresh()

    # ------------------------------------------------------------------ reading

    def day(self) -> date:
        """The day chosen on the "Day" tab."""
        return to_date(self.day_edit.date())

    def set_day(self, day: date) -> None:
        """Choose the day of the "Day" tab (its starts are read again on a worker)."""
        if day == self.day():
            self.show_day(day)
        else:
            self.day_edit.setDate(QDate(day.year, day.month, day.day))

    def refresh(self) -> None:
        """Read the template in force and the chosen day's use of it, on a worker (F5)."""
        services, actor = self.services, self.actor

        def job() -> _Loaded:
            calendar = services.queries.calendar(actor)
            weekdays = tuple(sorted(h.weekday for h in calendar.hours))
            return _Loaded(services.templates.current(actor), weekdays)

        self.runner.run(job, self._loaded, self._read_failed, key="template-current", context=self)
        self.show_day(self.day())

    def _loaded(self, loaded: _Loaded) -> None:
        self.open_weekdays = loaded.open_weekdays
        self.show_template(loaded.template)

    def _read_failed(self, error: BaseException) -> None:
        self.message.setText(refusal_text(error))

    def show_template(self, template: TemplateView | None) -> None:
        """Show ``template`` in the grid and its header line."""
        self.template = template
        self.grid_model.set_template(template, self.open_weekdays)
        self.header.setText(self.header_text(template))
        self.template_shown.emit(template)

    def header_text(self, template: TemplateView | None) -> str:
        """Built when, by whom, from which history; which weekdays the solver proved best."""
        if template is None:
            if self.may_build:
                return self.tr("No template yet: build one from the clinic's history (Ctrl+B).")
            return self.tr("No template yet: a manager builds one from the clinic's history.")
        weeks = ((template.history_to - template.history_from).days + 1 + 6) // 7
        built = (
            self.tr("Built %1 by %2 from the sessions of %3 to %4 (%5 weeks), %6 chairs.")
            .replace("%1", dates.short_date_time(template.built_at))
            .replace("%2", template.built_by)
            .replace("%3", dates.short_date(template.history_from))
            .replace("%4", dates.short_date(template.history_to))
            .replace("%5", str(weeks))
            .replace("%6", str(template.chairs))
        )
        days = {s.weekday for s in template.starts}
        optimal = [d for d in sorted(days) if d in template.optimal_weekdays]
        if not days:
            proof = self.tr("The history asks for no sessions: the template has no starts.")
        elif len(optimal) == len(days):
            proof = self.tr("Proven optimal on every weekday.")
        elif not optimal:
            proof = self.tr(
                "Best found within the time limit on every weekday (none proven optimal)."
            )
        else:
            proof = self.tr(
                "Proven optimal on %1; the best found within the time limit on the others."
            ).replace("%1", ", ".join(wording.short_weekday_name(d) for d in optimal))
        return f"{built} {proof}"

    def show_day(self, day: date) -> None:
        """List ``day``'s template starts, planned against filled (on a worker)."""
        templates, actor = self.services.templates, self.actor
        self.day_summary.setText(self.tr("Reading the day..."))
        self.runner.run(
            lambda: templates.day_slots(actor, day),
            lambda uses: self._day_ready(day, uses),
            self._day_failed,
            key="template-day",
            context=self,
        )

    def _day_ready(self, day: date, uses: Sequence[TemplateSlotUse]) -> None:
        self.day_model.set_rows(uses)
        planned = sum(u.planned for u in uses)
        filled = sum(min(u.filled, u.planned) for u in uses)
        if not uses:
            text = self.tr("%1: no template starts.").replace("%1", dates.short_date(day))
        else:
            text = (
                self.tr("%1: %2 template starts, %3 filled, %4 still free.")
                .replace("%1", dates.short_date(day))
                .replace("%2", str(planned))
                .replace("%3", str(filled))
                .replace("%4", str(planned - filled))
            )
        self.day_summary.setText(text)
        self.day_shown.emit(list(uses))

    def _day_failed(self, error: BaseException) -> None:
        self.day_model.set_rows([])
        self.day_summary.setText(refusal_text(error))

    # ------------------------------------------------------------------ building

    def build_template(self) -> None:
        """Ask weeks and time limit, then build on a worker (Ctrl+B; managers, admins)."""
        if self.building or not self.build_action.isEnabled():
            return
        choice = BuildTemplateDialog.ask(self, open_weekdays=len(self.open_weekdays) or 5)
        if choice is not None:
            self.start_build(choice)

    def start_build(self, choice: BuildChoice) -> None:
        """Run ``services.templates.build`` on the worker under the busy progress dialog."""
        templates, actor = self.services.templates, self.actor
        self.building = True
        self.build_action.setEnabled(False)
        self.progress.setLabelText(
            self.tr("Building the slot template from %1 weeks of sessions...").replace(
                "%1", str(choice.weeks)
            )
        )
        self.progress.show()
        self.runner.run(
            lambda: templates.build(
                actor, weeks=choice.weeks, time_limit_s=float(choice.time_limit_s)
            ),
            self._built,
            self._build_refused,
            key="template-build",
            context=self,
        )

    def _end_build(self) -> None:
        self.building = False
        self.build_action.setEnabled(self.may_build)
        self.progress.reset()
        self.progress.hide()

    def _built(self, template: TemplateView) -> None:
        self._end_build()
        self.message.setText(self.tr("A new template is in force."))
        self.show_template(template)
        self.show_day(self.day())
        self.template_built.emit(template)

    def _build_refused(self, error: BaseException) -> None:
        self._end_build()
        text = refusal_text(error)
        self.build_failed.emit(text)
        show_error(self, self.tr("No template built"), text)

    def closeEvent(self, event: Any) -> None:
        """Wait for a build still running before the window goes."""
        self.runner.wait(30_000)
        super().closeEvent(event)
