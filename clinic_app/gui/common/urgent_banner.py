"""The URGENT result marker (rule R3): shown on every screen that shows the patient until a
nurse acknowledges the alert with a note in the results list.

One look everywhere: a red bar with a warning sign, the word URGENT, the patient and the
result, and where to acknowledge it. The alerts come from ``LabResultsService.open_alerts``;
this module only shows them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QWidget

from clinic_app.services.visit_views import AlertView

URGENT = "URGENT"
URGENT_COLOUR = "#b00020"
STYLE = (
    f"QLabel#urgentBanner {{ background: {URGENT_COLOUR}; color: white; font-weight: bold;"
    " padding: 6px 10px; border-radius: 3px; }"
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("UrgentBanner", text)


def open_urgent(alerts: Iterable[AlertView]) -> list[AlertView]:
    """The URGENT alerts not yet acknowledged."""
    return [a for a in alerts if a.level == URGENT and a.open]


def urgent_by_mrn(alerts: Iterable[AlertView]) -> dict[str, tuple[AlertView, ...]]:
    """Open URGENT alerts grouped by patient MRN (for list rows and grid details)."""
    grouped: dict[str, list[AlertView]] = {}
    for alert in open_urgent(alerts):
        grouped.setdefault(alert.mrn, []).append(alert)
    return {mrn: tuple(found) for mrn, found in grouped.items()}


def urgent_line(alert: AlertView) -> str:
    """One alert in words: "URGENT Alice Archer (M001): calcium 1.8 mmol/L ..."."""
    return (
        _tr("URGENT %1 (%2): %3")
        .replace("%1", alert.patient_name)
        .replace("%2", alert.mrn)
        .replace("%3", alert.message)
    )


class UrgentBanner(QLabel):
    """A red bar listing open URGENT result alerts; hidden when there are none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("urgentBanner")
        self.setTextFormat(Qt.TextFormat.PlainText)  # patient data is never read as HTML
        self.setWordWrap(True)
        self.setStyleSheet(STYLE)
        self.setAccessibleName(_tr("Urgent result alerts"))
        self._alerts: tuple[AlertView, ...] = ()
        self.hide()

    def alerts(self) -> tuple[AlertView, ...]:
        """The URGENT alerts shown."""
        return self._alerts

    def show_alerts(self, alerts: Sequence[AlertView]) -> None:
        """Show the open URGENT alerts among ``alerts`` (hide the bar when none)."""
        self._alerts = tuple(open_urgent(alerts))
        if not self._alerts:
            self.clear()
            self.hide()
            return
        lines = ["\u26a0 " + urgent_line(a) for a in self._alerts]
        lines.append(
            _tr("Acknowledge it with a note in the results list (Ctrl+Shift+R) once acted on.")
        )
        self.setText("\n".join(lines))
        self.show()
