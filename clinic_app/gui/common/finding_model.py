"""Safety findings of a check, a booking or a stored session, one per row.

The finding reads as a sentence first (severity as icon and word, then the message in words,
dates written the clinic's way); the rule id and evidence status are the clinicians' details,
on a line of their own under the sentence and in the tooltip (compact: tooltip only).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Qt

from clinic_app.gui import wording
from clinic_app.gui.common.row_table_model import RowTableModel
from clinic_app.gui.resources import IconSet
from clinic_app.services.results import FindingView

SEVERITY_COLUMN, MESSAGE_COLUMN = range(2)
# The rule id of a row's finding (for code that needs it: tests, clinicians' copy).
RULE_ROLE = Qt.ItemDataRole.UserRole + 30


@dataclass(frozen=True, slots=True)
class FindingRow:
    """A finding and what it is about (empty for the session being booked; ``dose 2`` ...)."""

    finding: FindingView
    about: str = ""


class FindingTableModel(RowTableModel[FindingRow]):
    """Severity (icon and word), then the finding in words with its details line."""

    def __init__(
        self, icons: IconSet, parent: QObject | None = None, *, compact: bool = False
    ) -> None:
        super().__init__(parent)
        self._icons = icons
        # Compact (the day grid's details panel): one short headline per finding, severity
        # word and icon in it; the override and the rule details are in the tooltip.
        self._compact = compact

    def headers(self) -> list[str]:
        """Column titles."""
        return [self.tr("Severity"), self.tr("Finding")]

    def header_tooltip(self, column: int) -> str | None:
        """Where the rule id and evidence went."""
        if column == MESSAGE_COLUMN:
            return self.tr("The rule id and its evidence are on the line under each finding.")
        return None

    def set_findings(self, findings: tuple[FindingView, ...], about: str = "") -> None:
        """Show ``findings``, worst first."""
        ordered = sorted(findings, key=lambda f: -f.severity.rank)
        self.set_rows([FindingRow(f, about) for f in ordered])

    def _sentence(self, item: FindingRow) -> str:
        sentence = wording.finding_sentence(item.finding)
        if item.about:
            sentence = f"{wording.readable_dates(item.about)}: {sentence}"
        return sentence

    def cell(self, item: FindingRow, column: int, role: int) -> Any:
        """Text, the severity icon, and the full text as tooltip."""
        finding = item.finding
        if role == Qt.ItemDataRole.DisplayRole:
            if column == SEVERITY_COLUMN:
                return wording.severity_label(finding.severity)
            if column == MESSAGE_COLUMN:
                if self._compact:  # the first sentence; all of it is in the tooltip
                    headline = wording.finding_headline(finding)
                    if item.about:
                        headline = f"{wording.readable_dates(item.about)}: {headline}"
                    text = f"{wording.severity_label(finding.severity)}: {headline}"
                    if finding.overridden_by:
                        text += " " + self.tr("(overridden)")
                    return text
                lines = [self._sentence(item)]
                if finding.overridden_by:
                    lines.append(wording.override_words(finding))
                lines.append(wording.finding_details(finding))
                return "\n".join(lines)
        if role == Qt.ItemDataRole.DecorationRole and column == (
            MESSAGE_COLUMN if self._compact else SEVERITY_COLUMN
        ):
            return self._icons.severity_icon(finding.severity)
        if role == Qt.ItemDataRole.ToolTipRole:
            about = f"{wording.readable_dates(item.about)}\n" if item.about else ""
            return wording.plain_tooltip(about + wording.finding_text(finding))
        if role == Qt.ItemDataRole.AccessibleDescriptionRole and column == SEVERITY_COLUMN:
            return wording.severity_meaning(finding.severity)
        if role == RULE_ROLE:
            return finding.rule
        return None
