"""The nurses' daily list: today's sessions by time and chair, the lab draws to do, printing.

A separate window (``DailyListWindow(services, actor, parent=None)``). Status changes
(arrived, in chair, completed, no-show, back to booked, cancelled with a reason) go through
``BookingService.set_status`` / ``cancel`` (audited there) and are reachable from the
toolbar, the context menu and the keyboard (Ctrl+1 ... Ctrl+5, Ctrl+0). Print, print preview
and "Save as PDF" paint one clean page per chair (``exports.daily_list_print``).
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QItemSelectionModel, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QSplitter,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from clinic_app.bootstrap import Services
from clinic_app.domain.errors import ClinicError
from clinic_app.exports.daily_list_print import render_day_list, write_day_list_pdf
from clinic_app.exports.pdf_export import PageSize, page_layout
from clinic_app.gui import wording
from clinic_app.gui.check_in.override_dialog import set_status_through_gate
from clinic_app.gui.common import dates
from clinic_app.gui.common.clinic_day import clinic_today
from clinic_app.gui.common.export_dialog import show_error, to_date
from clinic_app.gui.common.live_changes import follow_changes, shows_change
from clinic_app.gui.common.save_pdf import save_pdf
from clinic_app.gui.common.shortcuts import STATUS_KEYS
from clinic_app.gui.common.urgent_banner import urgent_by_mrn, urgent_line
from clinic_app.gui.daily_list.daily_list_model import (
    DailyListModel,
    LabListModel,
    SessionColumn,
)
from clinic_app.gui.daily_list.nurse_tools import NurseTools
from clinic_app.gui.daily_list.replan_dialog import ReplanDialog
from clinic_app.gui.resources import IconSet
from clinic_app.gui.results.record_dialog import DrawToRecord
from clinic_app.gui.results.results_window import ResultsWindow
from clinic_app.services.actor import Actor, Permission
from clinic_app.services.booking import MAX_REASON
from clinic_app.services.day_replan import ReplanProposal
from clinic_app.services.results import DayList, LabView, SessionView, flagged_sessions
from clinic_app.services.session_actions import may_set_status
from clinic_app.services.staffing import DayAssignmentView

CONFIRMATION_MS = 15_000  # how long "Eve Evans is now in chair" stays in the status bar
# (status, shortcut) of the status actions, in toolbar order: the keys every window shares.
STATUS_ACTIONS = tuple(STATUS_KEYS.items())


class CancelReasonDialog(QDialog):
    """Asks why a session is cancelled; OK stays disabled until a reason is typed."""

    def __init__(self, view: SessionView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Cancel session"))
        about = QLabel(
            self.tr("Cancel %1's %2 at %3 in %4?")
            .replace("%1", view.patient_name)
            .replace("%2", view.therapy_name)
            .replace("%3", f"{view.start:%H:%M}")
            .replace("%4", view.chair)
        )
        about.setTextFormat(Qt.TextFormat.PlainText)
        about.setWordWrap(True)
        prompt = QLabel(self.tr("&Reason (required; it is kept in the audit trail):"))
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        prompt.setBuddy(self.reason)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Cancel &session"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("&Keep it"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(prompt)
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)
        self._update()

    def reason_text(self) -> str:
        """The typed reason on one line (the service refuses line breaks in a reason)."""
        return " ".join(self.reason.toPlainText().split())

    def _update(self) -> None:
        text = self.reason_text()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(0 < len(text) <= MAX_REASON)

    @classmethod
    def ask(cls, parent: QWidget | None, view: SessionView) -> str | None:
        """The reason, or None when the user keeps the session (tests replace this)."""
        dialog = cls(view, parent)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.reason_text()
        return None


class DailyListWindow(QMainWindow):
    """The daily list of one clinic day, for the nurses.

    Signals:
        status_changed(int, str): a session's id and its new status, after the service
            saved it.
        day_loaded(object): the ``DayList`` now shown.
    """

    status_changed = Signal(int, str)
    day_loaded = Signal(object)

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.actor = actor
        self.clinic_name = services.setup.clinic_name()
        self.day_list = DayList(date.min, (), ())
        # The day's nurse assignment (None until read); the nurse filter shows one nurse's
        # patients ("my patients today").
        self.assignment: DayAssignmentView | None = None
        self._results_window: ResultsWindow | None = None
        self.setWindowTitle(self.tr("Daily list"))
        self.resize(1366, 768)

        self.model = DailyListModel(self)
        self.lab_model = LabListModel(self)
        self.table = QTableView()
        self.table.setObjectName("dailyListTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.setAccessibleName(self.tr("Sessions of the day"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.lab_table = QTableView()
        self.lab_table.setObjectName("labTable")
        self.lab_table.setModel(self.lab_model)
        self.lab_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.lab_table.setTabKeyNavigation(False)
        self.lab_table.verticalHeader().setVisible(False)
        self.lab_table.horizontalHeader().setStretchLastSection(True)
        self.lab_table.setAccessibleName(self.tr("Lab draws"))

        self.banner = QLabel()
        self.banner.setObjectName("cotherapyBanner")
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "QLabel#cotherapyBanner { background: #b00020; color: white; font-weight: bold;"
            " padding: 6px 10px; border-radius: 3px; }"
        )
        self.details = QLabel()
        self.details.setObjectName("sessionDetails")
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setStyleSheet(
            "QLabel#sessionDetails { background: #f6f7f9; border: 1px solid #d0d4da;"
            " padding: 6px; }"
        )
        # The day's counts sit in a permanent label, so a reload never wipes a confirmation.
        self.counts_label = QLabel()
        self.counts_label.setTextFormat(Qt.TextFormat.PlainText)
        self.statusBar().addPermanentWidget(self.counts_label)
        self.lab_heading = QLabel()
        self.lab_heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.lab_heading.font()
        font.setBold(True)
        self.lab_heading.setFont(font)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.banner)
        # The day's nurses beside the table: drop a patient on a nurse to hand her over.
        self.nurse_tools = NurseTools(self)
        beside = QSplitter(Qt.Orientation.Horizontal)
        beside.addWidget(self.table)
        beside.addWidget(self.nurse_tools.panel)
        beside.setStretchFactor(0, 5)
        beside.setStretchFactor(1, 1)
        top_layout.addWidget(beside, 1)
        top_layout.addWidget(self.details)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.lab_heading)
        bottom_layout.addWidget(self.lab_table, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(splitter)
        self.setCentralWidget(central)

        self._build_toolbars()
        self.table.selectionModel().currentRowChanged.connect(self._selection_changed)
        self.go_to(clinic_today(services, actor))
        # Another window's or desk's change to the day on screen reloads it (live refresh).
        self.live_changes = follow_changes(
            self,
            services.ctx.feed,
            lambda change: shows_change(
                change,
                [self.day()],
                {s.mrn for s in self.day_list.sessions} | {x.mrn for x in self.day_list.labs},
            ),
            self.refresh,
            views=(self.table, self.lab_table),
        )

    # ------------------------------------------------------------------ building

    def _build_toolbars(self) -> None:
        nav = QToolBar(self.tr("Day"))
        nav.setObjectName("dayToolbar")
        self.addToolBar(nav)
        self.previous_action = QAction(self.tr("\u25c0 &Previous day"), self)
        self.previous_action.setShortcut(QKeySequence("Alt+Left"))
        self.previous_action.triggered.connect(lambda: self.go_to(self.day() - timedelta(1)))
        self.next_action = QAction(self.tr("&Next day \u25b6"), self)
        self.next_action.setShortcut(QKeySequence("Alt+Right"))
        self.next_action.triggered.connect(lambda: self.go_to(self.day() + timedelta(1)))
        self.today_action = QAction(self.tr("&Today"), self)
        self.today_action.setShortcut(QKeySequence("Alt+Home"))
        self.today_action.triggered.connect(
            lambda: self.go_to(clinic_today(self.services, self.actor))
        )
        self.refresh_action = QAction(self.tr("&Refresh"), self)
        self.refresh_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.refresh_action.triggered.connect(self.refresh)
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(dates.date_edit_format())
        self.date_edit.setAccessibleName(self.tr("Day shown"))
        self.date_edit.dateChanged.connect(self._date_edited)
        nav.addAction(self.previous_action)
        nav.addWidget(self.date_edit)
        nav.addAction(self.next_action)
        nav.addAction(self.today_action)
        nav.addAction(self.refresh_action)
        self.replan_action = QAction(self.tr("Re-plan &day..."), self)
        self.replan_action.setShortcut(QKeySequence("Ctrl+Shift+J"))
        self.replan_action.setToolTip(
            self.tr("Late sessions or a nurse off sick: propose the changes (Ctrl+Shift+J)")
        )
        self.replan_action.triggered.connect(lambda: self.replan_day())
        nav.addAction(self.replan_action)
        self.addAction(self.replan_action)
        nav.addSeparator()
        self.nurse_filter = QComboBox()
        self.nurse_filter.setObjectName("nurseFilter")
        self.nurse_filter.setAccessibleName(self.tr("Show the patients of"))
        self.nurse_filter.setToolTip(self.tr("Everyone's patients, or one nurse's patients today"))
        self.nurse_filter.addItem(self.tr("All patients"), "")
        self.nurse_filter.currentIndexChanged.connect(lambda _index: self._apply_nurse_filter())
        nav.addWidget(self.nurse_filter)
        nav.addAction(self.nurse_tools.mine_action)

        status_bar = QToolBar(self.tr("Status"))
        status_bar.setObjectName("statusToolbar")
        self.addToolBar(status_bar)
        labels = {
            "arrived": self.tr("&Arrived"),
            "in-chair": self.tr("&In chair"),
            "completed": self.tr("&Completed"),
            "no-show": self.tr("N&o-show"),
            "cancelled": self.tr("Ca&ncel..."),
            "booked": self.tr("&Back to booked"),
        }
        self.status_actions: dict[str, QAction] = {}
        for status, shortcut in STATUS_ACTIONS:
            action = QAction(labels[status], self)
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.setToolTip(
                f"{action.text().replace('&', '')} ({QKeySequence(shortcut).toString()})"
            )
            action.triggered.connect(lambda _=False, s=status: self.change_status(s))
            self.status_actions[status] = action
            status_bar.addAction(action)
            self.addAction(action)

        results_bar = QToolBar(self.tr("Results"))
        results_bar.setObjectName("resultsToolbar")
        self.addToolBar(results_bar)
        self.results_action = QAction(self.tr("Res&ults list..."), self)
        self.results_action.setShortcut(QKeySequence("Ctrl+Shift+R"))
        self.results_action.triggered.connect(lambda: self.open_results())
        self.record_results_action = QAction(self.tr("Record resul&ts..."), self)
        self.record_results_action.setShortcut(QKeySequence("Ctrl+Shift+T"))
        self.record_results_action.setToolTip(
            self.tr("Record the results of the selected lab draw (Ctrl+Shift+T)")
        )
        self.record_results_action.triggered.connect(lambda: self.record_results())
        # Nurses record results; other roles do not get the action at all.
        self.record_results_action.setVisible(self.actor.can(Permission.RECORD_RESULTS))
        results_bar.addAction(self.results_action)
        if self.actor.can(Permission.RECORD_RESULTS):
            results_bar.addAction(self.record_results_action)
        self.addAction(self.results_action)
        self.addAction(self.record_results_action)

        print_bar = QToolBar(self.tr("Print"), self)
        print_bar.setObjectName("printToolbar")
        # Two rows that fit 1366 px: the day and printing, then the status and results.
        self.insertToolBar(status_bar, print_bar)
        self.insertToolBarBreak(status_bar)
        self.page_size = QComboBox()
        self.page_size.addItem(self.tr("A4"), PageSize.A4.value)
        self.page_size.addItem(self.tr("Letter"), PageSize.LETTER.value)
        self.page_size.setAccessibleName(self.tr("Paper size"))
        self.preview_action = QAction(self.tr("Print pre&view..."), self)
        self.preview_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.preview_action.triggered.connect(self.print_preview)
        self.print_action = QAction(self.tr("&Print..."), self)
        self.print_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        self.print_action.triggered.connect(self.print_list)
        self.pdf_action = QAction(self.tr("&Save as PDF..."), self)
        self.pdf_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))
        self.pdf_action.triggered.connect(lambda: self.save_pdf())
        print_bar.addWidget(self.page_size)
        for action in (self.preview_action, self.print_action, self.pdf_action):
            print_bar.addAction(action)
            self.addAction(action)
        print_bar.addWidget(self.nurse_tools.print_button)
        for action in (self.previous_action, self.next_action, self.today_action):
            self.addAction(action)

    # ------------------------------------------------------------------ the day

    def day(self) -> date:
        """The day shown."""
        return self.day_list.day

    def go_to(self, day: date) -> None:
        """Show ``day``."""
        self.date_edit.blockSignals(True)
        self.date_edit.setDate(QDate(day.year, day.month, day.day))
        self.date_edit.blockSignals(False)
        self._load(day)

    def _date_edited(self, value: QDate) -> None:
        self._load(to_date(value))

    def refresh(self) -> None:
        """Read the day again (other desks may have changed it)."""
        self._load(self.day())

    def _load(self, day: date) -> None:
        selected = self.selected_session()
        try:
            day_list = self.services.queries.day(self.actor, day)
            alerts = self.services.lab_results.open_alerts(self.actor)
            assignment = self.services.staffing.assignment(self.actor, day)
        except ClinicError as error:
            show_error(self, self.tr("Daily list"), str(error))
            return
        urgent = urgent_by_mrn(alerts)
        self.model.set_urgent({mrn: tuple(map(urgent_line, a)) for mrn, a in urgent.items()})
        self.assignment = assignment
        self.model.set_assignment(assignment)
        self.set_day_list(day_list)
        self.nurse_tools.set_assignment(assignment)
        self._fill_nurse_filter()
        self._apply_nurse_filter()
        if selected is not None and day == selected.start.date():
            self.select_session(selected.id)
        else:
            self.select_session(self.next_patient())
            self.table.scrollTo(self.table.currentIndex())

    def next_patient(self) -> int | None:
        """The session a nurse looks at first: the earliest one still to come or in the
        chair (on today's list, one that has not ended yet), else the day's first."""
        sessions = self.model.sessions()
        now = self.services.ctx.clock()
        waiting = [s for s in sessions if s.status in ("booked", "arrived", "in-chair")]
        upcoming = [s for s in waiting if s.end > now] or waiting or list(sessions)
        return upcoming[0].id if upcoming else None

    def _fill_nurse_filter(self) -> None:
        """The day's nurses in the filter, keeping the one chosen when she works that day."""
        chosen = self.nurse_filter.currentData() or ""
        names = [n.nurse for n in self.assignment.nurses] if self.assignment else []
        self.nurse_filter.blockSignals(True)
        self.nurse_filter.clear()
        self.nurse_filter.addItem(self.tr("All patients"), "")
        for name in names:
            self.nurse_filter.addItem(self.tr("%1's patients").replace("%1", name), name)
        self.nurse_filter.setCurrentIndex(max(0, self.nurse_filter.findData(chosen)))
        self.nurse_filter.setEnabled(bool(names))
        self.nurse_filter.blockSignals(False)

    def chosen_nurse(self) -> str:
        """The nurse whose patients are shown ("" for everyone's)."""
        return str(self.nurse_filter.currentData() or "")

    def _apply_nurse_filter(self) -> None:
        """Show every session, or the chosen nurse's patients (``looked_after_by``)."""
        name = self.chosen_nurse()
        if not name or self.assignment is None:
            self.model.set_sessions(self.day_list.sessions)
        else:
            mine = {s.session_id for s in self.assignment.sessions if s.looked_after_by(name)}
            self.model.set_sessions([v for v in self.day_list.sessions if v.id in mine])
        # A session filtered out is no longer current: the details and actions follow.
        self._selection_changed()

    def set_day_list(self, day_list: DayList) -> None:
        """Show ``day_list`` (the tables, the co-therapy banner, the counts)."""
        self.day_list = day_list
        self.model.set_day(day_list)
        self.lab_model.set_day(day_list)
        self.setWindowTitle(
            self.tr("Daily list - %1 - %2")
            .replace("%1", dates.long_date(day_list.day))
            .replace("%2", self.clinic_name)
        )
        flagged = flagged_sessions(self.model.sessions())
        if flagged:
            names = ", ".join(f"{v.patient_name} ({v.start:%H:%M}, {v.chair})" for v in flagged)
            self.banner.setText(
                "\u26a0 "
                + self.tr("CO-THERAPY flags today (%1): ").replace("%1", str(len(flagged)))
                + names
            )
            self.banner.show()
        else:
            self.banner.hide()
        overdue = self.lab_model.overdue_count()
        self.lab_heading.setText(
            self.tr("Lab draws: %1 due today, %2 due and not done")
            .replace("%1", str(len(day_list.labs)))
            .replace("%2", str(overdue))
        )
        self.counts_label.setText(
            self.tr("%1 sessions, %2 with a co-therapy flag, %3 lab draws, %4 overdue")
            .replace("%1", str(len(day_list.sessions)))
            .replace("%2", str(len(flagged)))
            .replace("%3", str(len(day_list.labs)))
            .replace("%4", str(overdue))
        )
        self._fit_columns()
        self._selection_changed()
        self.day_loaded.emit(day_list)

    def _fit_columns(self) -> None:
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        caps = (
            (SessionColumn.FINDINGS, 220),
            (SessionColumn.PATIENT, 220),
            (SessionColumn.STATUS, 170),
            (SessionColumn.THERAPY, 200),
        )
        for column, cap in caps:
            if header.sectionSize(column) > cap:
                header.resizeSection(column, cap)
        self.lab_table.resizeColumnsToContents()

    # ------------------------------------------------------------------ selection

    def selected_session(self) -> SessionView | None:
        """The session of the current row, if any."""
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.session(index.row())

    def select_session(self, session_id: int | None) -> None:
        """Make the row of ``session_id`` current (and selected)."""
        row = self.model.row_of(session_id)
        if row is None:
            return
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    def _selection_changed(self, *_: QModelIndex) -> None:
        view = self.selected_session()
        self.nurse_tools.update_actions()
        for status, action in self.status_actions.items():
            action.setEnabled(view is not None and self._may_change(view, status))
        if view is None:
            self.details.setText(self.tr("Select a session to see its findings and override."))
            return
        lines = [
            f"{view.start:%H:%M}\u2013{view.end:%H:%M}  {view.chair}  {view.patient_name} "
            f"({view.mrn})  {view.therapy_name}"
        ]
        if view.cotherapy_flagged:
            lines.append("\u26a0 " + self.tr("CO-THERAPY FLAG"))
        lines += ["\u26a0 " + line for line in self.model.urgent_for(view.mrn)]
        for f in view.findings:
            line = f"{f.severity.value} {f.rule}: {f.message}"
            if f.overridden_by:
                line += "\n    " + self.tr("Override by %1: %2").replace(
                    "%1", f.overridden_by
                ).replace("%2", f.override_reason or "")
                if f.consulted:
                    line += "\n    " + self.tr("Prescriber consulted: %1").replace(
                        "%1", f.consulted
                    )
            lines.append(line)
        if not view.findings:
            lines.append(self.tr("No findings."))
        if view.prescriber:
            lines.append(self.tr("Prescriber: %1").replace("%1", view.prescriber.describe()))
        if view.status_reason:
            lines.append(self.tr("Status reason: %1").replace("%1", view.status_reason))
        self.details.setText("\n".join(lines))

    def _may_change(self, view: SessionView, status: str) -> bool:
        # The booking service says which statuses the session may take now (its table, and
        # whether the session's day has come), and the role whether this user may.
        return may_set_status(self.services.booking, self.actor, view, status)

    def _context_menu(self, point: QPoint) -> None:
        index = self.table.indexAt(point)
        if not index.isValid():
            return
        self.table.setCurrentIndex(index)
        menu = QMenu(self)
        for action in self.status_actions.values():
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.nurse_tools.reassign_action)
        menu.exec(self.table.viewport().mapToGlobal(point))

    # ------------------------------------------------------------------ status changes

    def change_status(self, status: str) -> bool:
        """Set the selected session's status through the booking service; True when saved."""
        view = self.selected_session()
        if view is None or view.id is None or not self._may_change(view, status):
            return False
        try:
            if status == "cancelled":
                reason = CancelReasonDialog.ask(self, view)
                if reason is None:
                    return False
                self.services.booking.cancel(self.actor, view.id, reason)
            else:
                session_id = view.id
                saved = set_status_through_gate(
                    self,
                    self.actor,
                    IconSet(),
                    view,
                    status,
                    lambda reason, consulted: self.services.booking.set_status(
                        self.actor,
                        session_id,
                        status,
                        override_reason=reason,
                        consulted=consulted,
                    ),
                )
                if saved is None:  # the check-in gate stopped it and no override was given
                    self.refresh()
                    return False
        except ClinicError as error:
            show_error(self, self.tr("Status not changed"), str(error))
            self.refresh()
            return False
        self.refresh()
        self.select_session(view.id)
        self.statusBar().showMessage(
            self.tr("%1 is now %2")
            .replace("%1", view.patient_name)
            .replace("%2", wording.status_label(status)),
            CONFIRMATION_MS,
        )
        self.status_changed.emit(view.id, status)
        return True

    # ------------------------------------------------------------------ re-plan

    def replan_day(self) -> ReplanProposal | None:
        """The day-of re-plan dialog for the day shown; the applied proposal, or None."""
        view = self.selected_session()
        applied = ReplanDialog.ask(
            self,
            self.services,
            self.actor,
            self.day(),
            self.day_list.sessions,
            view.id if view is not None else None,
        )
        self.refresh()
        if applied is not None:
            self.statusBar().showMessage(
                self.tr("Re-plan applied: %1 session(s) moved").replace(
                    "%1", str(len(applied.moves))
                ),
                CONFIRMATION_MS,
            )
        return applied

    # ------------------------------------------------------------------ results

    def open_results(self) -> ResultsWindow:
        """The nurses' results list, as a window of its own."""
        if self._results_window is None:
            self._results_window = ResultsWindow(self.services, self.actor, self)
            self._results_window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self._results_window.destroyed.connect(lambda *_: self._forget_results())
            self._results_window.recorded.connect(lambda _outcome: self.refresh())
        self._results_window.show()
        self._results_window.raise_()
        return self._results_window

    def _forget_results(self) -> None:
        self._results_window = None

    def selected_lab(self) -> LabView | None:
        """The lab draw of the lab table's current row, if any."""
        index = self.lab_table.currentIndex()
        if not index.isValid():
            return None
        return self.lab_model.lab(index.row())

    def record_results(self) -> bool:
        """Record the results of the selected lab draw (nurses); True when saved."""
        lab = self.selected_lab()
        if lab is None or lab.id is None or not self.actor.can(Permission.RECORD_RESULTS):
            self.statusBar().showMessage(self.tr("Select a lab draw to record its results"), 5000)
            return False
        window = self.open_results()
        saved = window.record_draw(DrawToRecord.of_lab(lab)) is not None
        self.refresh()
        return saved

    # ------------------------------------------------------------------ printing

    def _configured_printer(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(page_layout(self.page_size.currentData(), landscape=True))
        printer.setDocName(self.tr("Daily list %1").replace("%1", self.day().isoformat()))
        return printer

    def paint_on(self, printer: QPrinter) -> int:
        """Paint the daily list on ``printer`` (preview or paper); returns the pages."""
        return render_day_list(
            printer,
            self.day_list,
            clinic_name=self.clinic_name,
            printed_at=self.services.ctx.clock(),
        )

    def print_preview(self) -> None:
        """Show the print preview (from which the user can print)."""
        printer = self._configured_printer()
        preview = QPrintPreviewDialog(printer, self)
        preview.setWindowTitle(self.tr("Print preview - daily list"))
        preview.paintRequested.connect(self.paint_on)
        preview.resize(1100, 760)
        preview.exec()

    def print_list(self) -> None:
        """Print after the usual print dialog."""
        printer = self._configured_printer()
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.paint_on(printer)

    def save_pdf(self, path: Path | None = None) -> Path | None:
        """Save the printed daily list as a PDF (asks where unless ``path`` is given)."""
        day_list, page_size = self.day_list, self.page_size.currentData()
        return save_pdf(
            self,
            title=self.tr("Save daily list as PDF"),
            suggested_name=f"daily-list-{self.day().isoformat()}.pdf",
            write=lambda target: write_day_list_pdf(
                day_list,
                target,
                clinic_name=self.clinic_name,
                printed_at=self.services.ctx.clock(),
                page_size=page_size,
            ),
            path=path,
        )
