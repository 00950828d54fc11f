"""The nurses' results list window (rules file, section 7, issue 12).

What needs a nurse about results, from ``LabResultsService.results_list``: URGENT alerts (R3),
low values after iron (R2: call the prescriber), results due but not back (R4), and booked
sessions that cannot go ahead and why. Nurses record a draw's results ("Record results…"),
import a laboratory file ("Import…", CSV or HL7 ORU^R01, all or nothing) and acknowledge an
alert with a note; other roles read the list (the actions they may not use are hidden, and
the service refuses them anyway). After a save, the sessions the new results stop are named.

Keyboard: F5 refresh, Ctrl+R record results, Ctrl+I import, Ctrl+K acknowledge, Ctrl+W close.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMainWindow,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from clinic_app.bootstrap import Services
from clinic_app.domain.errors import ClinicError
from clinic_app.gui import wording
from clinic_app.gui.common.export_dialog import show_error
from clinic_app.gui.common.live_changes import follow_changes
from clinic_app.gui.common.stopped_sessions import StoppedSessionsDialog
from clinic_app.gui.results.alert_dialogs import AcknowledgeDialog, ImportRefusedDialog
from clinic_app.gui.results.record_dialog import DrawToRecord, RecordResultsDialog
from clinic_app.gui.results.results_model import (
    ResultsColumn,
    ResultsListModel,
    ResultsListRow,
    RowKind,
)
from clinic_app.services.actor import Actor, Permission
from clinic_app.services.changes import ChangeKind
from clinic_app.services.lab_results import ImportRefusedError
from clinic_app.services.visit_views import ResultsList, ResultsOutcome, SessionNotice

RESULTS_SHORTCUT = "Ctrl+Shift+R"  # opens this window from the main window and daily list


class ResultsWindow(QMainWindow):
    """The nurses' results list.

    Signals:
        listing_loaded(object): the ``ResultsList`` now shown.
        recorded(object): a ``ResultsOutcome`` the nurse saved (typed or imported).
        acknowledged(object): the ``AlertView`` acknowledged.
    """

    listing_loaded = Signal(object)
    recorded = Signal(object)
    acknowledged = Signal(object)

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.actor = actor
        self.listing: ResultsList | None = None
        self.may_record = actor.can(Permission.RECORD_RESULTS)
        self.setObjectName("resultsWindow")
        self.setWindowTitle(self.tr("Results list"))
        self.resize(1366, 768)
        self.model = ResultsListModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("resultsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setAccessibleName(self.tr("Results needing a nurse"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(ResultsColumn.WHAT, QHeaderView.ResizeMode.Stretch)
        # Wrapped text needs the rows to follow the columns' widths (the lists are short).
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        self.summary = QLabel(self)
        self.summary.setObjectName("resultsSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        self.details = QLabel(self)
        self.details.setObjectName("resultDetails")
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setStyleSheet(
            "QLabel#resultDetails { background: #f6f7f9; border: 1px solid #d0d4da; padding: 6px; }"
        )
        self.details.setMinimumHeight(70)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details)
        self.setCentralWidget(central)
        self._build_actions()
        self.table.selectionModel().currentRowChanged.connect(self._selection_changed)
        self.refresh()
        # Results, draws and sessions changed anywhere reload the list (live refresh).
        self.live_changes = follow_changes(
            self,
            services.ctx.feed,
            lambda change: change.touches(ChangeKind.RESULT, ChangeKind.LAB, ChangeKind.SESSION),
            self.refresh,
            views=(self.table,),
        )

    def _action(self, text: str, shortcut: str | QKeySequence.StandardKey, tip: str) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setStatusTip(tip)
        action.setToolTip(f"{text.replace('&', '')} ({action.shortcut().toString()})")
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        tr = self.tr
        self.refresh_action = self._action(
            tr("&Refresh"), QKeySequence.StandardKey.Refresh, tr("Read the list again")
        )
        self.refresh_action.triggered.connect(self.refresh)
        self.record_action = self._action(
            tr("Record &results…"),
            "Ctrl+R",
            tr("Type the results of the selected draw that is not back"),
        )
        self.record_action.triggered.connect(lambda: self.record_selected())
        self.import_action = self._action(
            tr("&Import…"), "Ctrl+I", tr("Import a laboratory file (CSV or HL7), all or nothing")
        )
        self.import_action.triggered.connect(lambda: self.import_file())
        self.ack_action = self._action(
            tr("&Acknowledge…"), "Ctrl+K", tr("Acknowledge the selected alert with a note")
        )
        self.ack_action.triggered.connect(lambda: self.acknowledge_selected())
        self.close_action = self._action(tr("&Close"), QKeySequence.StandardKey.Close, "")
        self.close_action.triggered.connect(self.close)
        bar = QToolBar(tr("Results"), self)
        bar.setObjectName("resultsToolbar")
        bar.setMovable(False)
        bar.addAction(self.refresh_action)
        # Nurses record; other roles only read: what they may not do is not offered.
        for action in (self.record_action, self.import_action, self.ack_action):
            action.setVisible(self.may_record)
            if self.may_record:
                bar.addAction(action)
        self.addToolBar(bar)

    def showEvent(self, event: QShowEvent) -> None:
        """Once the table has its real width, let wrapped rows take their height."""
        super().showEvent(event)
        QTimer.singleShot(0, self.table.resizeRowsToContents)

    # ------------------------------------------------------------------ the list

    def refresh(self) -> None:
        """Read the list again from the service."""
        try:
            listing = self.services.lab_results.results_list(self.actor)
        except ClinicError as error:
            show_error(self, self.tr("Results list"), str(error))
            return
        self.set_listing(listing)

    def set_listing(self, listing: ResultsList) -> None:
        """Show ``listing``."""
        self.listing = listing
        self.model.set_listing(listing)
        self.setWindowTitle(
            self.tr("Results list - %1").replace("%1", wording.day_label(listing.today))
        )
        stopped = wording.count(
            len(listing.stopped_sessions),
            self.tr("1 session that cannot go ahead"),
            self.tr("{n} sessions that cannot go ahead"),
        )
        self.summary.setText(
            self.tr("%1 URGENT, %2 low after iron (call the prescriber), %3 not back, %4")
            .replace("%1", str(len(listing.urgent)))
            .replace("%2", str(len(listing.alerts)))
            .replace("%3", str(len(listing.not_back)))
            .replace("%4", stopped)
        )
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for column, cap in ((ResultsColumn.WHEN, 320), (ResultsColumn.TO_DO, 330)):
            if header.sectionSize(column) > cap:
                header.resizeSection(column, cap)
        self.table.resizeRowsToContents()
        self._selection_changed()
        self.listing_loaded.emit(listing)

    def selected_row(self) -> ResultsListRow | None:
        """The row the cursor is on, if any."""
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.item(index.row())

    def select_row(self, row: int) -> None:
        """Put the cursor on ``row``."""
        self.table.selectRow(row)

    def _selection_changed(self, *_: QModelIndex) -> None:
        row = self.selected_row()
        self.record_action.setEnabled(
            self.may_record and row is not None and row.kind is RowKind.NOT_BACK
        )
        self.ack_action.setEnabled(
            self.may_record and row is not None and row.kind in (RowKind.URGENT, RowKind.ALERT)
        )
        self.import_action.setEnabled(self.may_record)
        if row is None:
            self.details.setText(
                self.tr("Select a line to see it in full.")
                if self.model.rowCount()
                else self.tr("Nothing needs a nurse about results today.")
            )
            return
        lines = [
            f"{self.model.kind_label(row)}  {row.patient_name} ({row.mrn})",
            self.model.data(self.model.index(self.table.currentIndex().row(), ResultsColumn.WHAT)),
            self.model.to_do(row),
        ]
        self.details.setText("\n".join(str(line) for line in lines))

    # ------------------------------------------------------------------ nurses' actions

    def record_selected(self) -> ResultsOutcome | None:
        """Record the results of the selected draw that is not back."""
        row = self.selected_row()
        if not self.may_record or row is None or row.missing is None:
            return None
        return self.record_draw(DrawToRecord.of_missing(row.missing))

    def record_draw(self, draw: DrawToRecord) -> ResultsOutcome | None:
        """Open the record dialog for ``draw``; tell the nurse what the results stopped."""
        try:
            units = self.services.lab_results.test_units(self.actor)
        except ClinicError as error:
            show_error(self, self.tr("Record results"), str(error))
            return None
        answer = RecordResultsDialog.ask(self, self.services, self.actor, draw, units)
        if answer is None:
            return None
        outcome, notices = answer
        self._saved(outcome, notices)
        return outcome

    def import_file(self, path: Path | None = None) -> ResultsOutcome | None:
        """Import a laboratory file (asks which unless ``path`` is given); a refused file is
        listed line by line and nothing is imported."""
        if not self.may_record:
            return None
        if path is None:
            chosen, _filter = QFileDialog.getOpenFileName(
                self,
                self.tr("Import laboratory results"),
                "",
                self.tr("Laboratory files (*.csv *.hl7 *.txt);;All files (*)"),
            )
            if not chosen:
                return None
            path = Path(chosen)
        try:
            imported = self.services.lab_results.import_file(self.actor, path)
        except ImportRefusedError as refused:
            ImportRefusedDialog.tell(self, refused.source, refused.problems)
            self.statusBar().showMessage(
                self.tr("Nothing imported from %1").replace("%1", refused.source), 10_000
            )
            return None
        except ClinicError as error:
            show_error(self, self.tr("Import"), str(error))
            return None
        self._saved(imported.recorded, imported.recorded.stopped_sessions)
        self.statusBar().showMessage(
            self.tr("%1 results imported from %2")
            .replace("%1", str(len(imported.recorded.results)))
            .replace("%2", imported.source),
            10_000,
        )
        return imported.recorded

    def _saved(self, outcome: ResultsOutcome, notices: tuple[SessionNotice, ...]) -> None:
        self.refresh()
        raised = ", ".join(f"{a.level} {a.rule}" for a in outcome.alerts)
        message = self.tr("%1 results recorded").replace("%1", str(len(outcome.results)))
        if raised:
            message += self.tr("; alerts raised: %1").replace("%1", raised)
        if outcome.clearance is not None:
            message += "; " + outcome.clearance.text
        self.statusBar().showMessage(message, 15_000)
        self.recorded.emit(outcome)
        StoppedSessionsDialog.tell(self, notices, self.tr("The results just recorded stop them."))

    def acknowledge_selected(self) -> bool:
        """Acknowledge the selected URGENT or ALERT with a note."""
        row = self.selected_row()
        if not self.may_record or row is None or row.alert is None:
            return False
        note = AcknowledgeDialog.ask(self, row.alert)
        if note is None:
            return False
        try:
            done = self.services.lab_results.acknowledge(self.actor, row.alert.id, note)
        except ClinicError as error:
            show_error(self, self.tr("Alert not acknowledged"), str(error))
            self.refresh()
            return False
        self.refresh()
        self.statusBar().showMessage(
            self.tr("Alert acknowledged: %1 (%2)")
            .replace("%1", done.patient_name)
            .replace("%2", done.mrn),
            10_000,
        )
        self.acknowledged.emit(done)
        return True
