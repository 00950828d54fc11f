"""The day grid's details panel is compact: the session in two lines, one headline per finding;
the long text (what to do, overrides, rule ids and evidence) is in the tooltips."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from clinic_app.domain.findings import Severity
from clinic_app.gui.common.finding_model import MESSAGE_COLUMN
from clinic_app.gui.day_grid.details_panel import DetailsPanel
from clinic_app.gui.resources import IconSet
from clinic_app.services.results import FindingView, LabView, SessionView

LONG = (
    "Patient is on antiresorptive therapy: Denosumab on 2026-10-01, within 6 months + 4 weeks. "
    "Last dose: Denosumab 2026-10-01 (GP). Book after 2027-04-29, or a nurse must record an "
    "override with a reason."
)
BLOCK = FindingView("E3", Severity.BLOCK, LONG, "U", "nina.nurse", "Hb 70", "Dr Shah")
WARN = FindingView("E2", Severity.WARN, "Check calcium before the infusion.", "P")
SESSION = SessionView(
    1, 1, "MRN400001", "Priyanka Hargreaves", 1, "Chair 1", "fcm", "Ferric carboxymaltose",
    datetime(2026, 11, 25, 9), datetime(2026, 11, 25, 9, 30), "booked", "C-1", (WARN, BLOCK),
)  # fmt: skip


def test_a_session_in_two_lines_and_a_headline_per_finding(
    qtbot: QtBot, icons: IconSet, qtmodeltester: ModelTester
) -> None:
    panel = DetailsPanel(icons, [])
    qtbot.addWidget(panel)
    panel.show_session(SESSION)
    qtmodeltester.check(panel.findings_model)
    assert panel.title.text() == "Priyanka Hargreaves (MRN400001)"
    assert panel.body.text().splitlines() == [
        "Ferric carboxymaltose · booked",
        "Wed 25 Nov, 09:00\u201309:30 · Chair 1",
    ]
    assert "Course C-1" in panel.body.toolTip()  # the rest of the session on demand
    model = panel.findings_model
    headlines = [model.index(r, MESSAGE_COLUMN).data() for r in range(model.rowCount())]
    assert headlines == [
        "BLOCK: Patient is on antiresorptive therapy: Denosumab on Thu 1 Oct 2026, within "
        "6 months + 4 weeks. (overridden)",
        "WARN: Check calcium before the infusion.",
    ]
    # Everything else is in the tooltip: the advice, the override, the rule and its evidence.
    tooltip = model.index(0, MESSAGE_COLUMN).data(Qt.ItemDataRole.ToolTipRole)
    for part in ("Book after Thu 29 Apr 2027", "Overridden by nina.nurse: Hb 70", "Rule E3"):
        assert part in tooltip
    assert all("Rule" not in line for line in headlines)


def test_lab_draws_one_line_each(qtbot: QtBot, icons: IconSet) -> None:
    day = datetime(2026, 11, 25).date()
    lab = LabView(
        1, 2, "MRN400002", "Bob Baker", ("calcium", "phosphate"),
        datetime(2026, 11, 25, 17, 30), datetime(2026, 11, 25, 17, 45), "booked", day, day,
    )  # fmt: skip
    panel = DetailsPanel(icons, [])
    qtbot.addWidget(panel)
    panel.show_labs([lab, lab])
    assert panel.body.text().splitlines() == ["17:30\u201317:45 Bob Baker: calcium, phosphate"] * 2
    assert "Due Wed 25 Nov 2026 to Wed 25 Nov 2026" in panel.body.toolTip()
    assert panel.findings_view.isHidden()
