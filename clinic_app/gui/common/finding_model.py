"""Safety findings of a check, a booking or a stored session, one per row."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Qt

from clinic_app.gui import wording
from clinic_app.gui.common.row_table_model import RowTableModel
from clinic_app.gui.resources import IconSet
from clinic_app.services.results import FindingView

SEVERITY_COLUMN, RULE_COLUMN, EVIDENCE_COLUMN, MESSAGE_COLUMN = range(4)


@dataclass(frozen=True, slots=True)
class FindingRow:
    """A finding and what it is about (empty for the session being booked; ``dose 2`` ...)."""

    finding: FindingView
    about: str = ""


class FindingTableModel(RowTableModel[FindingRow]):
    """Severity (icon and word), rule id, evidence status, message (with any override)."""

    def __init__(
        self, icons: IconSet, parent: QObject | None = None, *, compact: bool = False
    ) -> None:
        super().__init__(parent)
        self._icons = icons
        # Compact (narrow panels): the finding column also says severity and rule, with the icon.
        self._compact = compact

    def headers(self) -> list[str]:
        """Column titles."""
        return [self.tr("Severity"), self.tr("Rule"), self.tr("Evidence"), self.tr("Finding")]

    def set_findings(self, findings: tuple[FindingView, ...], about: str = "") -> None:
        """Show ``findings``, worst first."""
        ordered = sorted(findings, key=lambda f: -f.severity.rank)
        self.set_rows([FindingRow(f, about) for f in ordered])

    def cell(self, item: FindingRow, column: int, role: int) -> Any:
        """Text, the severity icon, and the full text as tooltip."""
        finding = item.finding
        if role == Qt.ItemDataRole.DisplayRole:
            if column == SEVERITY_COLUMN:
                return wording.severity_label(finding.severity)
            if column == RULE_COLUMN:
                return finding.rule
            if column == EVIDENCE_COLUMN:
                return wording.evidence_short(finding.evidence)
            if column == MESSAGE_COLUMN:
                text = f"{item.about}: {finding.message}" if item.about else finding.message
                if self._compact:
                    text = f"{wording.severity_label(finding.severity)} {finding.rule}: {text}"
                if finding.overridden_by:
                    text += "\n" + self.tr("Overridden by %1: %2").replace(
                        "%1", finding.overridden_by
                    ).replace("%2", finding.override_reason or "")
                    if finding.consulted:
                        text += " " + self.tr("(prescriber consulted: %1)").replace(
                            "%1", finding.consulted
                        )
                return text
        if role == Qt.ItemDataRole.DecorationRole and column == (
            MESSAGE_COLUMN if self._compact else SEVERITY_COLUMN
        ):
            return self._icons.severity_icon(finding.severity)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == EVIDENCE_COLUMN:
                return wording.plain_tooltip(wording.evidence_words(finding.evidence))
            return wording.plain_tooltip(wording.finding_line(finding))
        if role == Qt.ItemDataRole.AccessibleDescriptionRole and column == SEVERITY_COLUMN:
            return wording.severity_meaning(finding.severity)
        return None
