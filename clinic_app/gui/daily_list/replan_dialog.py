"""The "Re-plan day..." dialog of the daily list (issue 14).

The nurse says who is off sick and which session runs late, and by how much; the dialog asks
``BookingService.propose_replan`` and shows the changes (``ReplanModel``): from -> to chair,
time and nurse, and why; a session the day cannot keep needs a new day. "Apply changes" is
the confirmation: ``apply_replan`` makes every change in one transaction or none, and a
refusal (a clinical rule, a day changed since) is shown as the service words it.

A nurse off sick is taken off the rota by a manager (the rota): until then her name here
only shows what the day would look like, and the changes cannot be applied.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clinic_app.bootstrap import Services
from clinic_app.domain.errors import ClinicError
from clinic_app.gui.common.export_dialog import show_error
from clinic_app.gui.daily_list.replan_model import ReplanModel
from clinic_app.services.actor import Actor, Permission
from clinic_app.services.day_replan import MAX_LATE_MINUTES, ReplanProposal
from clinic_app.services.results import SessionView

DEFAULT_LATE_MINUTES = 15


class ReplanDialog(QDialog):
    """Proposes the day's re-plan and applies it on confirmation.

    ``applied`` holds the proposal once applied (None until then).
    """

    def __init__(
        self,
        services: Services,
        actor: Actor,
        day: date,
        sessions: Sequence[SessionView],
        selected: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.actor = actor
        self.day = day
        self.proposal: ReplanProposal | None = None
        self.applied: ReplanProposal | None = None
        self.setWindowTitle(self.tr("Re-plan %1").replace("%1", f"{day:%d.%m.%Y}"))
        self.resize(980, 520)

        self.sick = QComboBox()
        self.sick.addItem(self.tr("(nobody)"), "")
        try:
            shifts = services.staffing.day_load(actor, day).shifts
        except ClinicError:
            shifts = ()
        for shift in shifts:
            self.sick.addItem(shift.nurse, shift.nurse)
        self.late_session = QComboBox()
        self.late_session.addItem(self.tr("(none)"), 0)
        for view in sessions:
            if view.id is None or view.status in ("cancelled", "no-show", "completed"):
                continue
            self.late_session.addItem(
                f"{view.start:%H:%M} {view.patient_name} ({view.chair})", view.id
            )
            if view.id == selected:
                self.late_session.setCurrentIndex(self.late_session.count() - 1)
        self.late_minutes = QSpinBox()
        self.late_minutes.setRange(1, MAX_LATE_MINUTES)
        self.late_minutes.setSingleStep(5)
        self.late_minutes.setValue(DEFAULT_LATE_MINUTES)
        self.late_minutes.setSuffix(self.tr(" min"))
        self.propose_button = QPushButton(self.tr("&Propose"))
        self.propose_button.setAutoDefault(False)
        self.propose_button.clicked.connect(lambda: self.propose())

        form = QFormLayout()
        form.addRow(self.tr("Nurse &off sick:"), self.sick)
        late_row = QHBoxLayout()
        late_row.addWidget(self.late_session, 1)
        late_row.addWidget(self.late_minutes)
        late_label = QLabel(self.tr("Session running &late:"))
        late_label.setBuddy(self.late_session)
        form.addRow(late_label, late_row)

        self.model = ReplanModel(self)
        self.table = QTableView()
        self.table.setObjectName("replanTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(self.tr("Proposed changes"))
        self.summary = QLabel()
        self.summary.setObjectName("replanSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        # Room for every line it may say: a wrapped label is otherwise squeezed by the table.
        self.summary.setMinimumHeight(self.summary.fontMetrics().lineSpacing() * 4 + 6)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Close
        )
        self.apply_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.apply_button.setText(self.tr("&Apply changes"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("&Close"))
        self.buttons.accepted.connect(lambda: self.apply())
        self.buttons.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addLayout(form, 1)
        top.addWidget(self.propose_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.propose()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        services: Services,
        actor: Actor,
        day: date,
        sessions: Sequence[SessionView],
        selected: int | None = None,
    ) -> ReplanProposal | None:
        """Show the dialog; the applied proposal, or None (tests replace this)."""
        dialog = cls(services, actor, day, sessions, selected, parent)
        dialog.exec()
        return dialog.applied

    def chosen_sick(self) -> tuple[str, ...]:
        """The nurse chosen as off sick (none or one)."""
        name = self.sick.currentData()
        return (name,) if name else ()

    def chosen_late(self) -> dict[int, int]:
        """The session chosen as running late, with its minutes."""
        sid = self.late_session.currentData()
        return {int(sid): self.late_minutes.value()} if sid else {}

    def propose(self) -> ReplanProposal | None:
        """Ask the service for the re-plan of the inputs and show it."""
        try:
            self.proposal = self.services.booking.propose_replan(
                self.actor, self.day, self.chosen_sick(), self.chosen_late()
            )
        except ClinicError as error:
            self.proposal = None
            show_error(self, self.tr("No re-plan"), str(error))
        self.model.set_proposal(self.proposal)
        self._update()
        return self.proposal

    def _update(self) -> None:
        proposal = self.proposal
        may_apply = self.actor.can(Permission.BOOK)
        if proposal is None:
            self.summary.setText("")
            self.apply_button.setEnabled(False)
            return
        moves, lost = len(proposal.moves), len(proposal.new_day)
        lines = [
            self.tr("%1 session(s) move, %2 need(s) a new day, %3 get(s) another nurse.")
            .replace("%1", str(moves))
            .replace("%2", str(lost))
            .replace("%3", str(len(proposal.changes) - moves - lost))
        ]
        if not proposal.changes:
            lines = [self.tr("The day keeps every session as it is.")]
        if lost:
            lines.append(
                self.tr("Applying cancels the sessions that need a new day, to be rebooked.")
            )
        if proposal.sick:
            lines.append(
                self.tr(
                    "A manager takes %1 off the rota first; then re-plan with nobody off sick "
                    "to apply."
                ).replace("%1", ", ".join(proposal.sick))
            )
        elif not may_apply:
            lines.append(self.tr("Your role may look at the re-plan, not apply it."))
        if proposal.note:
            lines.append(proposal.note)
        self.summary.setText("\n".join(lines))
        self.apply_button.setEnabled(
            may_apply and not proposal.sick and bool(proposal.moves or proposal.new_day)
        )

    def apply(self) -> bool:
        """Apply the proposal shown; True when applied (the dialog then closes)."""
        if self.proposal is None or not self.apply_button.isEnabled():
            return False
        try:
            self.applied = self.services.booking.apply_replan(self.actor, self.proposal)
        except ClinicError as error:
            show_error(self, self.tr("Re-plan not applied"), str(error))
            self.propose()
            return False
        self.accept()
        return True
