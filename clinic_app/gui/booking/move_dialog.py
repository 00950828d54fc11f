"""Moving a booked session to another time or chair, with the same live safety check.

The live check is the booking service's ``check_move``: every scheduling and clinical check
runs, nothing is written, and a move that needs an override comes back as findings and lab
draws (not an exception) so the nurse can see them and give the reason. Dropping a session
on the grid opens this dialog when the move needs a clinical override.
"""

from __future__ import annotations

from datetime import date, datetime, time

from PySide6.QtCore import QDate, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from clinic_app.bootstrap import Services
from clinic_app.domain.errors import RuleRefusalError, SchedulingConflictError
from clinic_app.gui import wording
from clinic_app.gui.common import dates
from clinic_app.gui.common.finding_model import FindingRow
from clinic_app.gui.common.safety_panel import SafetyPanel
from clinic_app.gui.resources import IconSet
from clinic_app.gui.tasks import TaskRunner
from clinic_app.services.actor import Actor, Permission
from clinic_app.services.results import BookingOutcome, CheckResult, FindingView, SessionView

CHECK_DELAY_MS = 250


class MoveDialog(QDialog):
    """New date, time and chair for one booked session; Move is enabled when the service agrees.

    Signals:
        check_finished(): a dry run answered and is on screen.
    """

    check_finished = Signal()

    def __init__(
        self,
        services: Services,
        actor: Actor,
        runner: TaskRunner,
        icons: IconSet,
        session: SessionView,
        *,
        start: datetime | None = None,
        chair: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.actor = actor
        self.runner = runner
        self.session = session
        self.outcome: BookingOutcome | None = None
        self._saving = False
        self.setWindowTitle(self.tr("Move session"))
        summary = QLabel(self)
        summary.setTextFormat(Qt.TextFormat.PlainText)
        summary.setWordWrap(True)
        summary.setObjectName("selectedPatient")
        summary.setText(
            self.tr("%1 (%2): %3, now %4 %5-%6 in %7")
            .replace("%1", session.patient_name)
            .replace("%2", session.mrn)
            .replace("%3", session.therapy_name)
            .replace("%4", wording.short_day_label(session.start.date()))
            .replace("%5", wording.hhmm(session.start))
            .replace("%6", wording.hhmm(session.end))
            .replace("%7", session.chair)
        )
        target = start or session.start.replace(tzinfo=None)
        self.date_edit = QDateEdit(QDate(target.year, target.month, target.day), self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(dates.date_edit_format())
        self.time_edit = QTimeEdit(QTime(target.hour, target.minute), self)
        self.time_edit.setDisplayFormat(dates.TIME_FORMAT)
        self.chair_combo = QComboBox(self)
        self.chair_combo.addItem(self.tr("Any free chair"), None)
        for chair_view in services.setup.chairs(actor):
            self.chair_combo.addItem(chair_view.name, chair_view.name)
        index = self.chair_combo.findData(chair or session.chair)
        self.chair_combo.setCurrentIndex(max(0, index))
        when = QHBoxLayout()
        when.addWidget(self.date_edit, 1)
        when.addWidget(self.time_edit)
        form = QFormLayout()
        date_label = QLabel(self.tr("New &date and time:"), self)
        date_label.setBuddy(self.date_edit)
        chair_label = QLabel(self.tr("C&hair:"), self)
        chair_label.setBuddy(self.chair_combo)
        form.addRow(date_label, when)
        form.addRow(chair_label, self.chair_combo)
        self.safety = SafetyPanel(
            icons,
            can_override=actor.can(Permission.OVERRIDE),
            verb=self.tr("moved"),
            alternative=self.tr("choose another date"),
            parent=self,
        )
        self.safety.labs_title.setText(self.tr("Lab draws after the move"))
        self.buttons = QDialogButtonBox(self)
        self.move_button = self.buttons.addButton(
            self.tr("&Move"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.move_button.setIcon(icons.icon("move"))
        self.move_button.setDefault(True)
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        close.setAutoDefault(False)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addLayout(form)
        layout.addWidget(self.safety, 1)
        layout.addWidget(self.buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(CHECK_DELAY_MS)
        self._timer.timeout.connect(self.run_check)
        for signal in (
            self.date_edit.dateChanged,
            self.time_edit.timeChanged,
            self.chair_combo.currentIndexChanged,
        ):
            signal.connect(self.schedule_check)
        # The check does not depend on the reason: typing it only decides whether Move is enabled.
        self.safety.override_changed.connect(lambda _text: self._update_move_button())
        self.move_button.clicked.connect(self.move_session)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence(self.tr("Ctrl+Return")), self, self.move_session)
        self.resize(900, 600)
        self.move_button.setEnabled(False)
        self.safety.show_idle(self.tr("Checking…"))
        self.safety.show_pending()
        self.date_edit.setFocus()
        self._timer.start()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        services: Services,
        actor: Actor,
        runner: TaskRunner,
        icons: IconSet,
        session: SessionView,
        *,
        start: datetime | None = None,
        chair: str | None = None,
    ) -> BookingOutcome | None:
        """Show the dialog modally; the move's outcome, or None when not moved."""
        dialog = cls(
            services, actor, runner, icons, session, start=start, chair=chair, parent=parent
        )
        try:
            return dialog.outcome if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    def start(self) -> datetime:
        """The new start (naive local wall-clock time)."""
        day = self.date_edit.date().toPython()
        moment = self.time_edit.time().toPython()
        assert isinstance(day, date) and isinstance(moment, time)
        return datetime.combine(day, moment.replace(second=0, microsecond=0))

    def chair(self) -> str | None:
        """The chosen chair, or None for any free chair."""
        data = self.chair_combo.currentData()
        return str(data) if data else None

    def schedule_check(self) -> None:
        """Re-run the dry run after a short pause."""
        self.safety.show_pending()
        self._timer.start()

    def run_check(self) -> None:
        """The service's check of the move (``check_move``), on a worker thread."""
        self._timer.stop()
        session_id, start, chair = self.session.id, self.start(), self.chair()
        booking, actor = self.services.booking, self.actor
        assert session_id is not None

        def job() -> CheckResult:
            return booking.check_move(actor, session_id, start, chair=chair)

        self.runner.run(
            job, self._show_check, self._show_error, key=f"move-check-{id(self)}", context=self
        )

    def _show_check(self, result: CheckResult) -> None:
        if result.conflict is not None:
            conflict = SchedulingConflictError(result.conflict_kind or "", result.conflict)
            self.safety.show_problem(wording.explain_error(conflict))
            self._finish()
            return
        rows = [FindingRow(f) for f in result.findings]
        self.safety.show_answer(
            rows,
            result.labs,
            refused=result.hard_refused,
            needs_override=result.needs_override,
        )
        self._finish()

    def _show_error(self, error: BaseException) -> None:
        rows: list[FindingRow] = []
        if isinstance(error, RuleRefusalError):
            rows = [FindingRow(FindingView.of(f)) for f in error.findings]
        self.safety.show_problem(wording.explain_error(error), rows)
        self._finish()

    def _finish(self) -> None:
        self._update_move_button()
        self.check_finished.emit()

    def _update_move_button(self) -> None:
        self.move_button.setEnabled(self.safety.can_save() and not self._saving)

    def move_session(self) -> None:
        """Move through the service; a refusal is explained in place."""
        if self._saving or not self.move_button.isEnabled():
            return
        session_id, start, chair = self.session.id, self.start(), self.chair()
        reason = self.safety.override_reason()
        consulted = self.safety.consulted() if reason else None
        booking, actor = self.services.booking, self.actor
        assert session_id is not None
        self._saving = True
        self.move_button.setEnabled(False)

        def job() -> BookingOutcome:
            return booking.move(
                actor, session_id, start, chair=chair, override_reason=reason, consulted=consulted
            )

        self.runner.run(job, self._moved, self._move_failed, context=self)

    def _moved(self, outcome: BookingOutcome) -> None:
        self._saving = False
        self.outcome = outcome
        self.accept()

    def _move_failed(self, error: BaseException) -> None:
        self._saving = False
        self._show_error(error)
