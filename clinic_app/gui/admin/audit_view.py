"""The audit trail window for managers and administrators: filter, read, export to CSV.

The rows come from :meth:`clinic_app.services.audit_queries.AuditQueries.entries`, loaded on a
worker thread (the trail grows without end). The service checks the permission; a role that
may not read the trail gets the refusal as a message in the window. Before/after values can
hold what patients told the desk, so every cell and the details pane are plain text, and the
CSV cells are neutralised against spreadsheet formulas.
"""

from __future__ import annotations

import csv
import enum
import json
from collections.abc import Iterable, Sequence
from datetime import UTC, date, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QDate,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clinic_app.domain.errors import ClinicError
from clinic_app.exports.atomic_file import atomic_output
from clinic_app.exports.csv_export import safe_cell
from clinic_app.gui.common.form_fields import error_label, plain_label, show_error
from clinic_app.gui.common.row_table_model import RowTableModel
from clinic_app.gui.tasks import TaskRunner
from clinic_app.gui.wording import explain_error
from clinic_app.services.actor import Actor
from clinic_app.services.audit_queries import AuditEntry

if TYPE_CHECKING:
    from clinic_app.bootstrap import Services

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 31
LIMIT = 5000

MISSING: Any = object()  # a key that one side of an entry does not record

# The CSV columns are an interface (a privacy officer's spreadsheet reads them): not translated.
AUDIT_CSV_COLUMNS = (
    "id",
    "at_utc",
    "actor",
    "action",
    "entity",
    "entity_id",
    "patient_id",
    "before",
    "after",
)


def compact_json(value: Any) -> str:
    """Before/after values on one line, keys sorted ('' for none)."""
    if value is None:
        return ""
    return json.dumps(
        value, sort_keys=True, ensure_ascii=False, default=str, separators=(", ", ": ")
    )


def changed_values(entry: AuditEntry) -> list[tuple[str, Any, Any]]:
    """(key, before, after) for each key whose value differs, when both sides are objects.

    A key that one side does not record has the value ``MISSING`` there.
    """
    before, after = entry.before, entry.after
    if not isinstance(before, dict) or not isinstance(after, dict):
        return []
    keys = sorted(set(before) | set(after))
    return [
        (k, before.get(k, MISSING), after.get(k, MISSING))
        for k in keys
        if before.get(k, MISSING) != after.get(k, MISSING)
    ]


def audit_values(entry: AuditEntry) -> list[object]:
    """One entry's raw values in ``AUDIT_CSV_COLUMNS`` order (time as ISO 8601 UTC)."""
    return [
        entry.id,
        entry.at.astimezone(UTC).isoformat(timespec="seconds"),
        entry.actor,
        entry.action,
        entry.entity,
        "" if entry.entity_id is None else entry.entity_id,
        "" if entry.patient_id is None else entry.patient_id,
        compact_json(entry.before),
        compact_json(entry.after),
    ]


def write_audit_csv(entries: Iterable[AuditEntry], path: Path) -> int:
    """Write entries to ``path`` as UTF-8 CSV (all or nothing); every cell formula-safe.

    Returns the number of entries written.
    """
    count = 0
    with atomic_output(path, ".csv") as tmp, tmp.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(AUDIT_CSV_COLUMNS)
        for entry in entries:
            writer.writerow([safe_cell(v) for v in audit_values(entry)])
            count += 1
    return count


class AuditColumn(enum.IntEnum):
    """The columns of the audit table."""

    TIME = 0
    USER = 1
    ACTION = 2
    ENTITY = 3
    ENTITY_ID = 4
    PATIENT = 5
    BEFORE = 6
    AFTER = 7


class AuditTableModel(RowTableModel[AuditEntry]):
    """Audit entries, newest first as the service returns them; read-only.

    Times are shown in ``zone`` (UTC unless the clinic's zone is given); the header says which.
    ``ENTRY_ROLE`` returns the row's :class:`AuditEntry`.
    """

    def __init__(self, parent: QObject | None = None, *, zone: tzinfo = UTC) -> None:
        super().__init__(parent)
        self._zone = zone

    def set_entries(self, entries: Sequence[AuditEntry]) -> None:
        """Replace every row (one reset: a new query result replaces the old one)."""
        self.set_rows(entries)

    def entries(self) -> list[AuditEntry]:
        """The entries shown, in order."""
        return self.rows()

    def entry(self, row: int) -> AuditEntry:
        """The entry of ``row``."""
        return self.item(row)

    def zone_name(self) -> str:
        """The name of the time zone the times are shown in."""
        return "UTC" if self._zone in (UTC,) else str(self._zone)

    def time_text(self, entry: AuditEntry) -> str:
        """``2026-11-23 07:00:00`` in the model's zone."""
        return entry.at.astimezone(self._zone).strftime("%Y-%m-%d %H:%M:%S")

    def headers(self) -> list[str]:
        """The :class:`AuditColumn` titles; the time column names its zone."""
        return [
            self.tr("Time ({zone})").format(zone=self.zone_name()),
            self.tr("User"),
            self.tr("Action"),
            self.tr("Record"),
            self.tr("Record id"),
            self.tr("Patient id"),
            self.tr("Before"),
            self.tr("After"),
        ]

    def cell(self, entry: AuditEntry, column: int, role: int) -> Any:
        """Plain-text cells; ids right-aligned; ``ENTRY_ROLE`` gives the entry."""
        if role == ENTRY_ROLE:
            return entry
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in (AuditColumn.ENTITY_ID, AuditColumn.PATIENT):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        if column == AuditColumn.TIME:
            return self.time_text(entry)
        if column == AuditColumn.USER:
            return entry.actor
        if column == AuditColumn.ACTION:
            return entry.action
        if column == AuditColumn.ENTITY:
            return entry.entity
        if column == AuditColumn.ENTITY_ID:
            return "" if entry.entity_id is None else str(entry.entity_id)
        if column == AuditColumn.PATIENT:
            return "" if entry.patient_id is None else str(entry.patient_id)
        if column == AuditColumn.BEFORE:
            return compact_json(entry.before)
        if column == AuditColumn.AFTER:
            return compact_json(entry.after)
        return None


def _optional_date(label: str, parent: QWidget, today: date) -> tuple[QCheckBox, QDateEdit]:
    check = QCheckBox(label, parent)
    edit = QDateEdit(QDate(today.year, today.month, today.day), parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setEnabled(False)
    check.toggled.connect(edit.setEnabled)
    return check, edit


class AuditWindow(QWidget):
    """The audit trail: filters (patient MRN, user, dates), the entries, details and CSV export.

    Signals:
        loaded(int): a query finished; the number of entries now shown.
        load_failed(str): a query was refused or failed; the message shown.
        exported(str): the shown entries were written to the CSV file at this path.
    """

    loaded = Signal(int)
    load_failed = Signal(str)
    exported = Signal(str)

    def __init__(
        self,
        services: Services,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        zone: tzinfo = UTC,
        load: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setObjectName("auditWindow")
        self.setWindowTitle(self.tr("Audit trail - clinic_app"))
        self.resize(1100, 650)
        self._services = services
        self._actor = actor
        self._runner = TaskRunner(self)
        self._runner.busy_changed.connect(self._busy)
        self.model = AuditTableModel(self, zone=zone)
        today = services.ctx.clock().astimezone(zone).date()

        self.mrn = QLineEdit(self)
        self.mrn.setObjectName("mrn")
        self.mrn.setPlaceholderText(self.tr("any patient"))
        self.mrn.setClearButtonEnabled(True)
        self.user = QLineEdit(self)
        self.user.setObjectName("user")
        self.user.setPlaceholderText(self.tr("any user"))
        self.user.setClearButtonEnabled(True)
        self.from_check, self.date_from = _optional_date(self.tr("&From:"), self, today)
        self.to_check, self.date_to = _optional_date(self.tr("T&o:"), self, today)
        self.refresh_button = QPushButton(self.tr("&Refresh"), self)
        self.refresh_button.setToolTip(self.tr("Apply the filters and load again (F5)"))
        self.refresh_button.clicked.connect(self.refresh)
        for field in (self.mrn, self.user):
            field.returnPressed.connect(self.refresh)

        filters = QHBoxLayout()
        mrn_label = QLabel(self.tr("&Patient MRN:"), self)
        mrn_label.setBuddy(self.mrn)
        user_label = QLabel(self.tr("&User:"), self)
        user_label.setBuddy(self.user)
        for widget in (
            mrn_label,
            self.mrn,
            user_label,
            self.user,
            self.from_check,
            self.date_from,
            self.to_check,
            self.date_to,
        ):
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(self.refresh_button)

        self.status = plain_label("", self, name="hint")
        self.error = error_label(self)

        self.table = QTableView(self)
        self.table.setObjectName("auditTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(22)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        metrics = self.table.fontMetrics()
        time_width = 24 + max(
            metrics.horizontalAdvance("2026-11-23 07:00:00"),
            metrics.horizontalAdvance(str(self.model.headerData(0, Qt.Orientation.Horizontal))),
        )
        for column, width in (
            (AuditColumn.TIME, time_width),
            (AuditColumn.USER, 110),
            (AuditColumn.ACTION, 95),
            (AuditColumn.ENTITY, 115),
            (AuditColumn.ENTITY_ID, 80),
            (AuditColumn.PATIENT, 80),
            (AuditColumn.BEFORE, 200),
        ):
            self.table.setColumnWidth(int(column), width)
        self.table.selectionModel().currentRowChanged.connect(self._show_details)

        self.details = QPlainTextEdit(self)
        self.details.setObjectName("auditDetails")
        self.details.setReadOnly(True)
        self.details.setPlaceholderText(self.tr("Select an entry to see everything it recorded."))
        self.details.setTabChangesFocus(True)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        self.export_button = QPushButton(self.tr("&Export to CSV..."), self)
        self.export_button.clicked.connect(lambda: self.export_csv())
        close_button = QPushButton(self.tr("&Close"), self)
        close_button.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.export_button)
        bottom.addWidget(close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.error)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

        refresh_action = QAction(self.tr("Refresh"), self)
        refresh_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        refresh_action.triggered.connect(self.refresh)
        close_action = QAction(self.tr("Close"), self)
        close_action.setShortcuts(
            [QKeySequence(QKeySequence.StandardKey.Close), QKeySequence(Qt.Key.Key_Escape)]
        )
        close_action.triggered.connect(self.close)
        self.addActions([refresh_action, close_action])
        self.setTabOrder(self.refresh_button, self.table)
        self.setTabOrder(self.table, self.details)
        self.setTabOrder(self.details, self.export_button)

        self.export_button.setEnabled(False)
        if load:
            self.refresh()

    # ------------------------------------------------------------------ loading

    def filters(self) -> dict[str, Any]:
        """The current filters as keyword arguments of ``AuditQueries.entries``."""
        return {
            "mrn": self.mrn.text().strip() or None,
            "user": self.user.text().strip() or None,
            "date_from": self.date_from.date().toPython() if self.from_check.isChecked() else None,
            "date_to": self.date_to.date().toPython() if self.to_check.isChecked() else None,
        }

    def refresh(self) -> None:
        """Load the entries that match the filters (on a worker thread)."""
        query = self.filters()
        first, last = query["date_from"], query["date_to"]
        if first is not None and last is not None and last < first:
            self._fail(self.tr("The 'to' date is before the 'from' date."))
            return
        show_error(self.error, "")
        self.status.setText(self.tr("Loading..."))
        services, actor = self._services, self._actor

        def fetch() -> list[AuditEntry]:
            return list(services.audit.entries(actor, limit=LIMIT, **query))

        self._runner.run(fetch, self._loaded, self._failed, key="audit")

    def wait(self, msecs: int = 10_000) -> bool:
        """Wait for a running query (its result still arrives through the event loop)."""
        return self._runner.wait(msecs)

    def _busy(self, busy: bool) -> None:
        self.refresh_button.setEnabled(not busy)

    def _loaded(self, entries: list[AuditEntry]) -> None:
        self.model.set_entries(entries)
        self.details.clear()
        count = len(entries)
        text = self.tr("{count} entries, newest first. Times in {zone}.").format(
            count=count, zone=self.model.zone_name()
        )
        if count >= LIMIT:
            text += " " + self.tr("Only the newest {limit} are shown: narrow the filters.").format(
                limit=LIMIT
            )
        self.status.setText(text)
        self.export_button.setEnabled(count > 0)
        if count:
            self.table.selectRow(0)
        self.loaded.emit(count)

    def _failed(self, error: BaseException) -> None:
        words = explain_error(error)
        self._fail(f"{words.headline}: {words.detail}")

    def _fail(self, message: str) -> None:
        self.model.set_entries([])
        self.details.clear()
        self.status.setText("")
        self.export_button.setEnabled(False)
        show_error(self.error, message)
        self.load_failed.emit(message)

    def _show_details(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            self.details.clear()
            return
        entry = self.model.entry(current.row())
        lines = [
            self.tr("Entry {id}: {user} {action} {entity} {entity_id} at {time} {zone}").format(
                id=entry.id,
                user=entry.actor,
                action=entry.action,
                entity=entry.entity,
                entity_id="" if entry.entity_id is None else entry.entity_id,
                time=self.model.time_text(entry),
                zone=self.model.zone_name(),
            ),
        ]
        if entry.patient_id is not None:
            lines.append(self.tr("Patient id: {id}").format(id=entry.patient_id))
        changes = changed_values(entry)
        if changes:
            lines.append(self.tr("Changed:"))
            absent = self.tr("(not recorded)")

            def text(value: Any) -> str:
                if value is MISSING:
                    return absent
                return json.dumps(value, ensure_ascii=False, default=str)

            lines.extend(f"  {key}: {text(old)} -> {text(new)}" for key, old, new in changes)
        for title, value in ((self.tr("Before:"), entry.before), (self.tr("After:"), entry.after)):
            if value is not None:
                lines.append(title)
                lines.append(
                    json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False, default=str)
                )
        self.details.setPlainText("\n".join(lines))

    # ------------------------------------------------------------------ export

    def export_csv(self, path: Path | str | None = None) -> int | None:
        """Write the entries shown to a CSV file (asks where when ``path`` is None).

        Returns the number written, or None when cancelled or failed (the failure is shown).
        """
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Export the audit trail to"),
                "audit-trail.csv",
                self.tr("CSV files (*.csv)"),
            )
            if not chosen:
                return None
            path = Path(chosen)
            if path.suffix.lower() != ".csv":
                path = path.with_name(path.name + ".csv")
        target = Path(path)
        try:
            count = write_audit_csv(self.model.entries(), target)
            filters = {
                k: (v.isoformat() if hasattr(v, "isoformat") else v)
                for k, v in self.filters().items()
            }
            self._services.audit.record_export(
                self._actor, rows=count, file_name=target.name, filters=filters
            )
        except ClinicError as error:
            target.unlink(missing_ok=True)  # an export that cannot be recorded is not kept
            show_error(self.error, str(error))
            return None
        except OSError as error:
            show_error(
                self.error,
                self.tr("The file could not be written: {error}").format(
                    error=error.strerror or error
                ),
            )
            return None
        show_error(self.error, "")
        self.status.setText(
            self.tr("{count} entries exported to {file}.").format(count=count, file=target.name)
        )
        self.exported.emit(str(target))
        return count
