"""The side panel that shows the selected session (or lab draw) in full, findings included."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QGridLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from clinic_app.gui import wording
from clinic_app.gui.common.finding_model import MESSAGE_COLUMN, FindingTableModel
from clinic_app.gui.common.tables import make_table
from clinic_app.gui.common.urgent_banner import UrgentBanner
from clinic_app.gui.day_grid.day_grid_model import GridBlock
from clinic_app.gui.resources import IconSet
from clinic_app.services.results import LabView, SessionView
from clinic_app.services.visit_views import AlertView


class DetailsPanel(QWidget):
    """Patient, therapy, time, chair, status and every finding of the selected block."""

    def __init__(
        self, icons: IconSet, actions: list[QAction], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        # Open URGENT result alerts by MRN: shown with the patient's session until acknowledged.
        self._urgent: dict[str, tuple[AlertView, ...]] = {}
        self.urgent_banner = UrgentBanner(self)
        self.title = QLabel(self)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        self.body = QLabel(self)
        self.body.setTextFormat(Qt.TextFormat.PlainText)
        self.body.setWordWrap(True)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.findings_title = QLabel(self.tr("Safety findings"), self)
        self.findings_title.setObjectName("sectionTitle")
        self.findings_model = FindingTableModel(icons, self, compact=True)
        self.findings_view = make_table(
            self.findings_model,
            self,
            stretch_column=MESSAGE_COLUMN,
            wrap=True,
        )
        for column in range(MESSAGE_COLUMN):  # the severity word and icon are in the headline
            self.findings_view.setColumnHidden(column, True)
        self.findings_view.horizontalHeader().hide()
        buttons = QGridLayout()
        for number, action in enumerate(actions):
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setSizePolicy(
                button.sizePolicy().horizontalPolicy(), button.sizePolicy().verticalPolicy()
            )
            buttons.addWidget(button, number // 2, number % 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.urgent_banner)
        layout.addWidget(self.title)
        layout.addWidget(self.body)
        layout.addLayout(buttons)
        layout.addWidget(self.findings_title)
        layout.addWidget(self.findings_view, 10)
        layout.addStretch(1)
        self.show_block(None)

    def set_urgent(self, urgent: dict[str, tuple[AlertView, ...]]) -> None:
        """The open URGENT alerts by MRN (from ``LabResultsService.open_alerts``)."""
        self._urgent = dict(urgent)

    def show_block(self, block: GridBlock | None) -> None:
        """Show the block's first session (or its lab draws); a hint when nothing is selected."""
        sessions = block.sessions() if block is not None else []
        if sessions:
            self.show_session(sessions[0])
            return
        labs = [e.lab for e in block.entries if e.lab is not None] if block is not None else []
        if labs:
            self.show_labs(labs)
            return
        self.urgent_banner.show_alerts(())
        self.body.setToolTip("")
        self.title.setText(self.tr("Nothing selected"))
        self.body.setText(
            self.tr(
                "Select a session in the grid to see its details and safety findings. "
                "Enter on a free slot starts a booking there."
            )
        )
        self.findings_model.set_rows([])
        self.findings_title.hide()
        self.findings_view.hide()

    def show_session(self, session: SessionView) -> None:
        """A session's details and findings (and the patient's URGENT results, if any).

        Compact: the patient, one line for therapy and status, one for when and where, and a
        headline per finding; the long text (reason, prescriber, rule ids, overrides) is in
        the tooltips.
        """
        self.urgent_banner.show_alerts(self._urgent.get(session.mrn, ()))
        self.title.setText(f"{session.patient_name} ({session.mrn})")
        lines = [
            self.tr("%1 · %2")
            .replace("%1", session.therapy_name)
            .replace("%2", wording.status_label(session.status)),
            self.tr("%1, %2–%3 · %4")
            .replace("%1", wording.short_day_label(session.start.date()))
            .replace("%2", wording.hhmm(session.start))
            .replace("%3", wording.hhmm(session.end))
            .replace("%4", session.chair),
        ]
        if session.status_reason:
            lines.append(self.tr("Reason: %1").replace("%1", session.status_reason))
        self.body.setText("\n".join(lines))
        self.body.setToolTip(wording.plain_tooltip(wording.session_tooltip(session)) or "")
        self.findings_model.set_findings(session.findings)
        self.findings_title.setText(
            self.tr("Safety findings (%1)").replace("%1", str(len(session.findings)))
            if session.findings
            else self.tr("No safety findings")
        )
        self.findings_title.show()
        self.findings_view.setVisible(bool(session.findings))

    def show_labs(self, labs: list[LabView]) -> None:
        """The lab draws of a lab-station block: one line each, the details in the tooltip."""
        self.urgent_banner.show_alerts([a for lab in labs for a in self._urgent.get(lab.mrn, ())])
        self.title.setText(self.tr("Lab station"))
        self.body.setText(
            "\n".join(
                self.tr("%1–%2 %3: %4")
                .replace("%1", wording.hhmm(lab.start))
                .replace("%2", wording.hhmm(lab.end))
                .replace("%3", lab.patient_name)
                .replace("%4", wording.lab_tests(lab))
                for lab in labs
            )
        )
        self.body.setToolTip(
            wording.plain_tooltip("\n\n".join(wording.lab_tooltip(lab) for lab in labs)) or ""
        )
        self.findings_model.set_rows([])
        self.findings_title.hide()
        self.findings_view.hide()
