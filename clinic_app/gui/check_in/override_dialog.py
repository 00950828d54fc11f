"""The check-in gate's dialog (rules file, section 7): a session marked arrived or in chair
was refused by the booking service because the rules, re-run with the results on file, stop it.

- An overridable refusal (BLOCK): a nurse sees the findings and may go ahead with an override
  reason and the prescriber consulted; the caller retries ``set_status`` with both.
- A HARD refusal: the reasons, and no override.
- A user who may not override (not a nurse): the reasons only.

The dialog decides nothing: the refusal and its findings are the service's, and the retried
call is checked again by the service. It reuses the booking dialog's ``SafetyPanel``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clinic_app.domain.errors import RuleRefusalError
from clinic_app.gui import wording
from clinic_app.gui.common.finding_model import FindingRow
from clinic_app.gui.common.safety_panel import SafetyPanel
from clinic_app.gui.resources import IconSet
from clinic_app.services.actor import Actor, Permission
from clinic_app.services.check_in import GATED
from clinic_app.services.results import FindingView, SessionView

T = TypeVar("T")


def _tr(text: str) -> str:
    return QCoreApplication.translate("CheckInOverrideDialog", text)


def is_gate_refusal(error: BaseException, status: str) -> bool:
    """True when ``error`` is the check-in gate refusing ``status`` with findings to show."""
    return isinstance(error, RuleRefusalError) and status in GATED and bool(error.findings)


class CheckInOverrideDialog(QDialog):
    """The findings that stop a check-in, and (for a nurse, on a BLOCK) the override."""

    def __init__(
        self,
        actor: Actor,
        icons: IconSet,
        session: SessionView,
        status: str,
        refusal: RuleRefusalError,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.refusal = refusal
        self.setWindowTitle(_tr("Check-in stopped by a safety rule"))
        self.may_override = refusal.overridable and actor.can(Permission.OVERRIDE)
        about = QLabel(
            _tr("%1 (%2): %3 at %4 in %5 cannot be marked %6 as it stands.")
            .replace("%1", session.patient_name)
            .replace("%2", session.mrn)
            .replace("%3", session.therapy_name)
            .replace("%4", wording.hhmm(session.start))
            .replace("%5", session.chair)
            .replace("%6", wording.status_label(status).lower()),
            self,
        )
        about.setObjectName("checkInAbout")
        about.setTextFormat(Qt.TextFormat.PlainText)
        about.setWordWrap(True)
        self.panel = SafetyPanel(
            icons,
            can_override=actor.can(Permission.OVERRIDE),
            verb=_tr("checked in"),
            alternative=_tr("do not start: talk to the prescriber, or rebook"),
            parent=self,
        )
        # A check-in adds no lab draws: the panel's lab table has nothing to say here.
        self.panel.labs_title.hide()
        self.panel.labs_view.hide()
        rows = [FindingRow(FindingView.of(f)) for f in refusal.findings]
        self.panel.show_answer(
            rows, (), refused=not refusal.overridable, needs_override=refusal.overridable
        )
        self.buttons = QDialogButtonBox(self)
        self.override_button: QPushButton | None = None
        if self.may_override:
            self.override_button = self.buttons.addButton(
                _tr("Check in &with override"), QDialogButtonBox.ButtonRole.AcceptRole
            )
            self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
            self.panel.override_changed.connect(lambda _text: self._update())
            self.panel.override_edit.setFocus()
        else:
            self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(self.panel, 1)
        layout.addWidget(self.buttons)
        self.resize(760, 440)
        self._update()

    def _update(self) -> None:
        if self.override_button is not None:
            self.override_button.setEnabled(self.panel.can_save())

    def override(self) -> tuple[str, str] | None:
        """The override reason and the prescriber consulted, when both are typed."""
        reason, consulted = self.panel.override_reason(), self.panel.consulted()
        if not self.may_override or reason is None or consulted is None:
            return None
        return reason, consulted

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        actor: Actor,
        icons: IconSet,
        session: SessionView,
        status: str,
        refusal: RuleRefusalError,
    ) -> tuple[str, str] | None:
        """Show the dialog modally: (reason, prescriber consulted) to retry with, or None
        (cancelled, a HARD refusal, or a user who may not override). Tests replace this."""
        dialog = cls(actor, icons, session, status, refusal, parent)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.override()
            return None
        finally:
            dialog.deleteLater()


def set_status_through_gate(
    parent: QWidget | None,
    actor: Actor,
    icons: IconSet,
    session: SessionView,
    status: str,
    call: Callable[[str | None, str | None], T],
) -> T | None:
    """Call ``call(None, None)``; when the check-in gate refuses, show the findings and, with
    a nurse's override, call ``call(reason, consulted)`` (again while the gate refuses with
    new findings). None when the user gives up; other errors propagate."""
    reason: str | None = None
    consulted: str | None = None
    while True:
        try:
            return call(reason, consulted)
        except RuleRefusalError as error:
            if not is_gate_refusal(error, status):
                raise
            answer = CheckInOverrideDialog.ask(parent, actor, icons, session, status, error)
            if answer is None:
                return None
            reason, consulted = answer
