"""The live safety check of the booking and move dialogs: verdict, findings, override, labs.

It shows what the booking service answered and nothing else: the verdict comes from the
service's result (``CheckResult.hard_refused``/``needs_override``/``conflict``, or the error a
dry run raised), never from rules of its own.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from clinic_app.domain.findings import Severity
from clinic_app.gui.common.finding_model import MESSAGE_COLUMN, FindingRow, FindingTableModel
from clinic_app.gui.common.lab_model import LabTableModel
from clinic_app.gui.common.message_banner import MessageBanner, banner_icons
from clinic_app.gui.common.tables import make_table
from clinic_app.gui.resources import IconSet
from clinic_app.gui.wording import Explanation, count
from clinic_app.services.results import LabView

MAX_OVERRIDE = 500  # the service's limit, so typing stops where saving would fail
MAX_CONSULTED = 200  # the service's limit for the prescriber consulted


class SafetyPanel(QWidget):
    """Verdict banner, findings table, override reason and prescriber consulted (for clinical
    users) and lab draws.

    Signals:
        override_changed(str): the override reason or the prescriber consulted was edited.
    """

    override_changed = Signal(str)

    def __init__(
        self,
        icons: IconSet,
        *,
        can_override: bool,
        verb: str,
        alternative: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._can_override = can_override
        self._verb = verb  # "booked" or "moved"
        self._alternative = alternative or self.tr("choose another therapy or date")
        self._state = "none"  # the last answer's verdict
        self._pending = False
        self._override_shown = False
        self.banner = MessageBanner(self, closable=False, icons=banner_icons(icons))
        self.findings_model = FindingTableModel(icons, self)
        self.findings_view = make_table(
            self.findings_model,
            self,
            stretch_column=MESSAGE_COLUMN,
            wrap=True,
            content_columns=(0,),
        )
        self.findings_view.setMinimumHeight(150)
        self.override_label = QLabel(self.tr("Clinical &override reason:"), self)
        self.override_edit = QLineEdit(self)
        self.override_edit.setMaxLength(MAX_OVERRIDE)
        self.override_edit.setPlaceholderText(
            self.tr("Why the benefit outweighs the risk (recorded with your name)")
        )
        self.override_label.setBuddy(self.override_edit)
        self.override_edit.textChanged.connect(self.override_changed)
        # Every new override names the prescriber the nurse consulted (the service requires it).
        self.consulted_label = QLabel(self.tr("Prescriber consu&lted:"), self)
        self.consulted_edit = QLineEdit(self)
        self.consulted_edit.setObjectName("consultedEdit")
        self.consulted_edit.setMaxLength(MAX_CONSULTED)
        self.consulted_edit.setPlaceholderText(
            self.tr("The prescriber you discussed this with (name, practice)")
        )
        self.consulted_label.setBuddy(self.consulted_edit)
        self.consulted_edit.textChanged.connect(self.override_changed)
        override_rows = QFormLayout()
        override_rows.setContentsMargins(0, 0, 0, 0)
        override_rows.addRow(self.override_label, self.override_edit)
        override_rows.addRow(self.consulted_label, self.consulted_edit)
        self.override_box = QWidget(self)
        self.override_box.setLayout(override_rows)
        self.override_box.hide()
        self.labs_title = QLabel(self.tr("Lab draws for this booking"), self)
        self.labs_title.setObjectName("sectionTitle")
        self.labs_model = LabTableModel(self)
        # One line per draw (the "why" elided, whole in its tooltip): five draws fit where
        # two and a half wrapped rows did.
        self.labs_view = make_table(
            self.labs_model, self, stretch_column=3, wrap=False, content_columns=(0, 1)
        )
        # The tests and the reason share what the state and time leave.
        self.labs_view.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.labs_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.labs_view.setMinimumHeight(120)
        self.labs_view.setMaximumHeight(200)
        title = QLabel(self.tr("Safety check"), self)
        title.setObjectName("sectionTitle")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.banner)
        layout.addWidget(self.findings_view, 1)
        layout.addWidget(self.override_box)
        layout.addWidget(self.labs_title)
        layout.addWidget(self.labs_view)

    # ------------------------------------------------------------------ state

    @property
    def state(self) -> str:
        """``none``, ``pending``, ``ok``, ``override`` (BLOCK), ``refused`` (HARD), ``problem``."""
        return "pending" if self._pending else self._state

    @property
    def override_shown(self) -> bool:
        """True when the override reason field is offered."""
        return self._override_shown

    def override_reason(self) -> str | None:
        """The typed override reason, when the override field is offered and filled."""
        if not self._override_shown:
            return None
        text = self.override_edit.text().strip()
        return text or None

    def consulted(self) -> str | None:
        """The prescriber consulted, when the override fields are offered and it is filled."""
        if not self._override_shown:
            return None
        text = self.consulted_edit.text().strip()
        return text or None

    def override_complete(self) -> bool:
        """True when both the reason and the prescriber consulted are typed."""
        return self.override_reason() is not None and self.consulted() is not None

    def can_save(self) -> bool:
        """True when the last answer allows saving (a BLOCK needs the reason and the
        prescriber consulted typed)."""
        if self._state == "ok":
            return True
        if self._state == "override":
            return (
                self._can_override
                and bool(self.override_edit.text().strip())
                and bool(self.consulted_edit.text().strip())
            )
        return False

    # ------------------------------------------------------------------ showing answers

    def show_idle(self, headline: str, detail: str = "") -> None:
        """Nothing to check yet (no patient chosen...)."""
        self._state = "none"
        self._pending = False
        self.banner.show_message("info", headline, detail)
        self.findings_model.set_rows([])
        self.labs_model.set_rows([])
        self._set_override_shown(False)

    def show_pending(self) -> None:
        """A check is running; the previous findings and verdict stay until it answers."""
        self._pending = True
        if self._state == "none":
            return
        self.banner.headline.setText(self.tr("Checking…"))

    def _set_override_shown(self, shown: bool) -> None:
        self._override_shown = shown
        self.override_box.setVisible(shown)

    def show_problem(self, explanation: Explanation, rows: Sequence[FindingRow] = ()) -> None:
        """The request cannot be saved as it stands (conflict, bad input, refusal)."""
        self._pending = False
        if explanation.overridable and rows:
            self._show_override(rows, ())
            return
        self._state = "refused" if rows and not explanation.overridable else "problem"
        self.banner.show_message("error", explanation.headline, explanation.detail)
        self.findings_model.set_rows(list(rows))
        self.labs_model.set_rows([])
        self._set_override_shown(False)

    def show_answer(
        self,
        rows: Sequence[FindingRow],
        labs: Sequence[LabView],
        *,
        refused: bool,
        needs_override: bool,
    ) -> None:
        """The service's answer: findings, lab draws, and whether it refuses or needs a reason."""
        self._pending = False
        self.findings_model.set_rows(list(rows))
        self.labs_model.set_labs(tuple(labs))
        if refused:
            self._state = "refused"
            self.banner.show_message(
                "error",
                self.tr("Cannot be %1: a safety rule forbids it").replace("%1", self._verb),
                self.tr(
                    "This cannot be overridden. Talk to the prescriber; the finding marked HARD "
                    "below says why."
                ),
            )
            self._set_override_shown(False)
            return
        if needs_override:
            self._show_override(rows, labs)
            return
        self._state = "ok"
        self._set_override_shown(False)
        warnings = sum(1 for r in rows if r.finding.severity is Severity.WARN)
        new_labs = sum(1 for lab in labs if lab.id is None)
        detail = (
            count(
                new_labs,
                self.tr("1 lab draw will be added."),
                self.tr("{n} lab draws will be added."),
            )
            if new_labs
            else self.tr("No new lab draws needed.")
        )
        if warnings:
            headline = count(
                warnings,
                self.tr("Can be %1, with 1 warning"),
                self.tr("Can be %1, with {n} warnings"),
            )
            self.banner.show_message("warning", headline.replace("%1", self._verb), detail)
        else:
            self.banner.show_message(
                "ok",
                self.tr("Can be %1: no safety problems found").replace("%1", self._verb),
                detail,
            )

    def _show_override(self, rows: Sequence[FindingRow], labs: Sequence[LabView]) -> None:
        self._state = "override"
        self._pending = False
        self.findings_model.set_rows(list(rows))
        self.labs_model.set_labs(tuple(labs))
        if self._can_override:
            detail = self.tr(
                "A finding marked BLOCK needs a clinical override. Give the clinical reason "
                "and the prescriber you consulted below to go ahead, or %1."
            ).replace("%1", self._alternative)
            self._set_override_shown(True)
        else:
            detail = self.tr(
                "A finding marked BLOCK needs a clinical override, which only a nurse can give. "
                "Ask a nurse, or %1."
            ).replace("%1", self._alternative)
            self._set_override_shown(False)
        self.banner.show_message("warning", self.tr("Needs a clinical override"), detail)
