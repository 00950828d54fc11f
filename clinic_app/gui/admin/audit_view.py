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
from datetime import UTC, date, datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
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
from clinic_app.gui.common import dates
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


def tr(text: str) -> str:
    """Translate ``text`` in the audit view's context."""
    return QCoreApplication.translate("AuditView", text)


def action_text(action: str) -> str:
    """An audit action in words (an unknown one as recorded)."""
    words = {
        "create": tr("added"),
        "update": tr("changed"),
        "change": tr("changed"),
        "remove": tr("removed"),
        "book": tr("booked"),
        "move": tr("moved"),
        "cancel": tr("cancelled"),
        "status": tr("status changed"),
        "override": tr("override recorded"),
        "login": tr("logged in"),
        "login-failed": tr("login failed"),
        "login-locked": tr("login while locked"),
        "logout": tr("logged out"),
        "password": tr("password set"),
        "force-password": tr("new password required"),
        "unforce-password": tr("new password no longer required"),
        "role": tr("role changed"),
        "activate": tr("reactivated"),
        "deactivate": tr("deactivated"),
        "denied": tr("refused (no permission)"),
        "export": tr("exported"),
        "import": tr("imported"),
        "retire": tr("retired"),
        "reinstate": tr("back in use"),
        "lab-create": tr("lab draw booked"),
        "lab-move": tr("lab draw moved"),
        "lab-cancel": tr("lab draw cancelled"),
        "lab-complete": tr("lab draw done"),
        "rule-change": tr("rule changed"),
        "rule-reset": tr("rule reset"),
        "result-alert": tr("result alert"),
        "record-weight": tr("weight recorded"),
        "record-result": tr("result recorded"),
        "recheck": tr("re-checked"),
        "print-letters": tr("letters printed"),
        "check-in-override": tr("check-in override"),
        "acknowledge-alert": tr("alert acknowledged"),
    }
    return words.get(action, action)


def record_text(entry: AuditEntry) -> str:
    """What the entry is about: "session 16", "opening hours Monday", "clinic"."""
    names = {
        "patient": tr("patient"),
        "session": tr("session"),
        "lab": tr("lab draw"),
        "lab_appointment": tr("lab draw"),
        "exposure": tr("outside exposure"),
        "chair": tr("chair"),
        "clinic": tr("clinic settings"),
        "closed_date": tr("closed date"),
        "opening_hours": tr("opening hours"),
        "lab_station": tr("lab station"),
        "user": tr("user"),
        "permission": tr("permission"),
        "rule": tr("rule"),
    }
    word = names.get(entry.entity, entry.entity.replace("_", " "))
    if (
        entry.entity == "opening_hours"
        and entry.entity_id is not None
        and 0 <= entry.entity_id <= 6
    ):
        days = (
            tr("Monday"),
            tr("Tuesday"),
            tr("Wednesday"),
            tr("Thursday"),
            tr("Friday"),
            tr("Saturday"),
            tr("Sunday"),
        )
        return f"{word} {days[entry.entity_id]}"
    # A record kept without an id is named by what it recorded (a chair's or user's name, a
    # closed day) when both sides agree on it.
    if entry.entity == "clinic":
        return word
    for key in ("name", "username", "day") if entry.entity_id is None else ():
        sides = [side for side in (entry.before, entry.after) if isinstance(side, dict)]
        values = {str(side[key]) for side in sides if key in side}
        if len(values) == 1 and all(key in side for side in sides):
            return f"{word} {values.pop()}"
    if entry.entity_id is None:
        return word
    return f"{word} {entry.entity_id}"


def patient_text(entry: AuditEntry) -> str:
    """The patient's MRN and name ("" when the entry concerns no patient)."""
    if entry.patient_id is None:
        return ""
    if entry.patient_mrn is None:
        return tr("patient record {id} (not found)").format(id=entry.patient_id)
    return f"{entry.patient_mrn} {entry.patient_name or ''}".strip()


def value_text(value: Any, zone: tzinfo = UTC) -> str:
    """One recorded value in words: lists joined, yes/no, nothing as a dash, a recorded
    moment (ISO 8601 with its offset) in ``zone``."""
    if value is None or value is MISSING:
        return "-"
    if isinstance(value, bool):
        return tr("yes") if value else tr("no")
    if isinstance(value, list):
        return ", ".join(value_text(v, zone) for v in value) if value else "-"
    if isinstance(value, dict):
        return ", ".join(
            f"{field_label(k)} {value_text(v, zone)}" for k, v in sorted(value.items())
        )
    text = str(value)
    if len(text) >= 19 and text[10] == "T" and ("+" in text[19:] or text.endswith("Z")):
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            return text
        if moment.tzinfo is not None:
            return dates.short_date_time(moment.astimezone(zone))
    # Times of day are stored as HH:MM:SS: the seconds are always zero.
    if len(text) == 8 and text[2] == ":" and text[5] == ":" and text.endswith(":00"):
        return text[:5]
    return text


def field_label(key: str) -> str:
    """A recorded key in words ("last_dose" -> "last dose"; "start_utc" -> "start": its
    value is shown in the clinic's zone)."""
    return key.removesuffix("_utc").replace("_", " ")


def field_changes(entry: AuditEntry, zone: tzinfo = UTC) -> list[tuple[str, str | None, str]]:
    """(field, before or None when only the after is recorded, after) for each field that an
    entry records as changed, added or removed; keys in order."""
    before, after = entry.before, entry.after
    if not isinstance(before, dict) and not isinstance(after, dict):
        return []
    if not isinstance(after, dict):
        return [(field_label(k), value_text(v, zone), "-") for k, v in sorted(before.items())]
    if not isinstance(before, dict):
        return [(field_label(k), None, value_text(v, zone)) for k, v in sorted(after.items())]
    return [
        (field_label(k), value_text(old, zone), value_text(new, zone))
        for k, old, new in changed_values(entry)
    ]


def changes_text(entry: AuditEntry, zone: tzinfo = UTC) -> str:
    """The field-by-field change on one line: "opens: 08:00 -> 09:00; reason: Christmas"."""
    parts = []
    for field, old, new in field_changes(entry, zone):
        parts.append(f"{field}: {new}" if old is None else f"{field}: {old} → {new}")
    return "; ".join(parts)


class AuditColumn(enum.IntEnum):
    """The columns of the audit table."""

    TIME = 0
    USER = 1
    ACTION = 2
    RECORD = 3
    PATIENT = 4
    CHANGES = 5


class AuditTableModel(RowTableModel[AuditEntry]):
    """Audit entries, newest first as the service returns them; read-only.

    Times are shown in ``zone`` (UTC unless the clinic's zone is given); the header says which.
    Actions and records in words, the patient by MRN and name, the change field by field.
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

    @property
    def zone(self) -> tzinfo:
        """The time zone the times are shown in."""
        return self._zone

    def zone_name(self) -> str:
        """The name of the time zone the times are shown in."""
        return "UTC" if self._zone in (UTC,) else str(self._zone)

    def time_text(self, entry: AuditEntry) -> str:
        """``2026-11-23 07:00:00`` in the model's zone."""
        return dates.short_date_time_seconds(entry.at.astimezone(self._zone))

    def headers(self) -> list[str]:
        """The :class:`AuditColumn` titles; the time column names its zone."""
        return [
            self.tr("Time ({zone})").format(zone=self.zone_name()),
            self.tr("User"),
            self.tr("Action"),
            self.tr("Record"),
            self.tr("Patient"),
            self.tr("Changes"),
        ]

    def cell(self, entry: AuditEntry, column: int, role: int) -> Any:
        """Plain-text cells; the change list also as a tooltip; ``ENTRY_ROLE`` the entry."""
        if role == ENTRY_ROLE:
            return entry
        if role == Qt.ItemDataRole.ToolTipRole and column == AuditColumn.CHANGES:
            return (
                "\n".join(
                    f"{f}: {new}" if old is None else f"{f}: {old} \u2192 {new}"
                    for f, old, new in field_changes(entry, self._zone)
                )
                or None
            )
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        if column == AuditColumn.TIME:
            return self.time_text(entry)
        if column == AuditColumn.USER:
            return entry.actor
        if column == AuditColumn.ACTION:
            return action_text(entry.action)
        if column == AuditColumn.RECORD:
            return record_text(entry)
        if column == AuditColumn.PATIENT:
            return patient_text(entry)
        if column == AuditColumn.CHANGES:
            return changes_text(entry, self._zone)
        return None


def _clinic_zone(services: Services, actor: Actor) -> tzinfo:
    """The clinic's zone for the times (UTC, and the header says so, when it cannot be read)."""
    try:
        return services.queries.calendar(actor).tz
    except ClinicError:
        return UTC


def _optional_date(label: str, parent: QWidget, today: date) -> tuple[QCheckBox, QDateEdit]:
    check = QCheckBox(label, parent)
    edit = QDateEdit(QDate(today.year, today.month, today.day), parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(dates.date_edit_format())
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
        zone: tzinfo | None = None,
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
        if zone is None:
            zone = _clinic_zone(services, actor)
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
            metrics.horizontalAdvance(
                dates.short_date_time_seconds(datetime(2026, 11, 25, 23, 59, 59))
            ),
            metrics.horizontalAdvance(str(self.model.headerData(0, Qt.Orientation.Horizontal))),
        )
        # Actions, records and patients are sized to their longest text (never cut); the
        # change list takes the rest and shows everything in its tooltip and the details.
        for column, width in ((AuditColumn.TIME, time_width), (AuditColumn.USER, 110)):
            self.table.setColumnWidth(int(column), width)
        for column in (AuditColumn.ACTION, AuditColumn.RECORD, AuditColumn.PATIENT):
            header.setSectionResizeMode(int(column), QHeaderView.ResizeMode.ResizeToContents)
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
            self.tr("Entry {id}: {user}, {action}: {record}, at {time} ({zone})").format(
                id=entry.id,
                user=entry.actor,
                action=action_text(entry.action),
                record=record_text(entry),
                time=self.model.time_text(entry),
                zone=self.model.zone_name(),
            ),
        ]
        if entry.patient_id is not None:
            lines.append(self.tr("Patient: {patient}").format(patient=patient_text(entry)))
        changes = field_changes(entry, self.model.zone)
        if changes:
            lines.append(self.tr("Changes:"))
            for field, old, new in changes:
                if old is None:
                    lines.append(f"  {field}: {new}")
                else:
                    lines.append(f"  {field}: {old} \u2192 {new}")
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
