"""Every other item model of the GUI: Qt's model tester, then what the cells say."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from clinic_app.bootstrap import Services
from clinic_app.domain.findings import Severity
from clinic_app.gui.booking.slot_model import SlotTableModel
from clinic_app.gui.common.finding_model import RULE_ROLE, FindingRow, FindingTableModel
from clinic_app.gui.common.lab_model import LabTableModel
from clinic_app.gui.common.patient_list_model import PATIENT_ROLE, PatientListModel
from clinic_app.gui.common.row_table_model import ITEM_ROLE
from clinic_app.gui.day_grid.week_model import DAY_ROLE, MINUTES_ROLE, WeekOccupancyModel
from clinic_app.gui.patient.exposure_model import ExposureTableModel
from clinic_app.gui.patient.timeline_model import TimelineTableModel
from clinic_app.gui.resources import IconSet
from clinic_app.services.booking import BookingRequest
from clinic_app.services.results import BookingOutcome, FindingView
from tests.conftest import DESK as DESK_USER
from tests.conftest import NOW, NURSE

DISPLAY = Qt.ItemDataRole.DisplayRole


def cells(model: object, row: int) -> list[object]:
    """The display texts of one row."""
    return [model.index(row, c).data(DISPLAY) for c in range(model.columnCount())]  # type: ignore[attr-defined]


def test_patient_list_model(qtmodeltester: ModelTester, clinic: Services) -> None:
    model = PatientListModel(today=lambda: NOW.date())
    qtmodeltester.check(model)
    patients = [clinic.setup.patient(NURSE, mrn) for mrn in ("M002", "M001")]
    model.set_patients(patients)
    qtmodeltester.check(model)
    assert model.index(0, 0).data(DISPLAY) == "Bob Baker · M002 · born Thu 1 Jul 1948, 78 years"
    assert model.index(1, 0).data(PATIENT_ROLE).mrn == "M001"
    assert model.row_of("M001") == 1
    assert model.row_of("nobody") == -1


def test_finding_model_shows_severity_word_icon_rule_evidence_and_override(
    qtmodeltester: ModelTester, icons: IconSet
) -> None:
    model = FindingTableModel(icons)
    qtmodeltester.check(model)
    overridden = FindingView(
        "E3", Severity.BLOCK, "iron too close to denosumab", "U", "nina.nurse", "Hb 70"
    )
    warn = FindingView("E2", Severity.WARN, "on antiresorptive", "P")
    model.set_findings((warn, overridden))
    qtmodeltester.check(model)
    # The sentence first; the override, then the clinicians' details line (rule, evidence).
    assert cells(model, 0) == [
        "BLOCK",
        "iron too close to denosumab\nOverridden by nina.nurse: Hb 70\n"
        "Rule E3 · evidence U: clinic policy, no source fixes the number",
    ]
    assert cells(model, 1) == [
        "WARN",
        "on antiresorptive\nRule E2 · evidence P: paper or abstract",
    ]
    assert model.index(1, 1).data(RULE_ROLE) == "E2"
    assert not model.index(0, 0).data(Qt.ItemDataRole.DecorationRole).isNull()
    tooltip = model.index(1, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert "WARN: on antiresorptive" in tooltip and "paper or abstract" in tooltip
    # Dates in the messages and in what a finding is about are written the clinic's way.
    dated = FindingView("A3", Severity.BLOCK, "last dose 2026-03-01; not before 2027-03-01", "L")
    model.set_rows([FindingRow(warn, "dose 2 on 2026-12-21"), FindingRow(dated)])
    assert cells(model, 0)[1].startswith("dose 2 on Mon 21 Dec 2026: on antiresorptive\n")
    assert cells(model, 1)[1].startswith("last dose Sun 1 Mar 2026; not before Mon 1 Mar 2027")
    compact = FindingTableModel(icons, compact=True)
    compact.set_findings((warn, overridden))
    qtmodeltester.check(compact)
    # Compact: one headline each; the rule id is only in the tooltip.
    assert cells(compact, 0)[1] == "BLOCK: iron too close to denosumab (overridden)"
    assert cells(compact, 1)[1] == "WARN: on antiresorptive"
    assert "Rule E3" in compact.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)


def test_slot_and_lab_models_from_the_service(
    qtmodeltester: ModelTester, clinic: Services, icons: IconSet
) -> None:
    clinic.setup.add_exposure(
        NURSE, mrn="M001", drug="denosumab", last_dose="2026-10-01", where="GP"
    )
    slots = clinic.booking.find_slots(
        NURSE, "M001", "ferric-carboxymaltose", "2026-11-24", count=3, include_overridable=True
    )
    slot_model = SlotTableModel(icons)
    qtmodeltester.check(slot_model)
    slot_model.set_rows(slots)
    qtmodeltester.check(slot_model)
    # The empty day's earliest slot is the level-loaded suggestion: a star, why in the tip.
    assert cells(slot_model, 0) == [
        "Tue 24 Nov",
        "\u2605 08:00-09:15",
        "Chair 1",
        "BLOCK: needs a clinical override",
    ]
    assert cells(slot_model, 1)[1] == "08:15-09:30"
    tip = slot_model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert "Suggested: raises the set-up peak to 1 at 08:00" in tip and "earliest" in tip
    assert "Suggested" not in slot_model.index(1, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert slot_model.index(0, 0).data(ITEM_ROLE) is slots[0]

    result = clinic.booking.check(
        NURSE, BookingRequest(mrn="M002", therapy="zoledronic-acid", start="2026-11-25T09:00")
    )
    lab_model = LabTableModel()
    qtmodeltester.check(lab_model)
    lab_model.set_labs(result.labs)
    qtmodeltester.check(lab_model)
    assert lab_model.new_labs() == [lab for lab in result.labs if lab.id is None]
    first = cells(lab_model, 0)
    assert first[0] == "will be added"
    assert first[1] == "Tue 24 Nov 17:45"
    assert "calcium" in first[2]
    assert lab_model.index(0, 0).data(Qt.ItemDataRole.FontRole).bold()


def test_exposure_and_timeline_models(
    qtmodeltester: ModelTester,
    clinic: Services,
    icons: IconSet,
    book: Callable[..., BookingOutcome],
) -> None:
    clinic.setup.add_exposure(
        NURSE, mrn="M001", drug="denosumab", last_dose="2026-10-01", where="GP surgery"
    )
    clinic.setup.add_exposure(
        NURSE, mrn="M001", drug="alendronate", ongoing_since="2024-01-01", where="GP"
    )
    exposures = ExposureTableModel()
    qtmodeltester.check(exposures)
    exposures.set_rows(clinic.setup.exposures(NURSE, "M001"))
    qtmodeltester.check(exposures)
    rows = sorted(cells(exposures, r) for r in range(exposures.rowCount()))
    assert rows == [
        ["Alendronate (oral)", "", "Mon 1 Jan 2024", "GP"],
        ["Denosumab", "Thu 1 Oct 2026", "", "GP surgery"],
    ]

    book("M001", "ferric-derisomaltose", "2026-11-25T09:00", "Chair 2", reason="Hb 70")
    sessions, labs = clinic.queries.patient_schedule(NURSE, "M001")
    timeline = TimelineTableModel(icons)
    qtmodeltester.check(timeline)
    timeline.set_timeline(sessions, labs, NOW)
    qtmodeltester.check(timeline)
    texts = [cells(timeline, r) for r in range(timeline.rowCount())]
    session_rows = [t for t in texts if t[1] == "Ferric derisomaltose"]
    assert session_rows == [
        ["Wed 25 Nov 2026 09:00", "Ferric derisomaltose", "Chair 2", "booked", session_rows[0][4]]
    ]
    # In words, not codes; the rule ids stay in the row's tooltip.
    assert session_rows[0][4] == "2 safety findings overridden, 2 warnings"
    row = next(
        r for r in range(timeline.rowCount()) if cells(timeline, r)[1] == "Ferric derisomaltose"
    )
    assert "Rule E" in timeline.index(row, 4).data(Qt.ItemDataRole.ToolTipRole)
    assert any(t[1].startswith("Lab draw: ") and t[2] == "Lab station" for t in texts)
    starts = [timeline.item(r).start for r in range(timeline.rowCount())]
    assert starts == sorted(starts)


def test_week_occupancy_model(
    qtmodeltester: ModelTester, clinic: Services, book: Callable[..., BookingOutcome]
) -> None:
    book("M001", "zoledronic-acid", "2026-11-24T09:00", "Chair 1")
    book("M002", "denosumab", "2026-11-24T10:30", "Chair 1")
    cancelled = book("M003", "ibandronate", "2026-11-26T13:00", "Chair 2")
    clinic.booking.cancel(NURSE, cancelled.session.id or 0, "")
    monday = date(2026, 11, 23)
    model = WeekOccupancyModel()
    qtmodeltester.check(model)
    sessions = list(clinic.queries.sessions_between(NURSE, monday, date(2026, 11, 29)))
    model.set_week(monday, clinic.setup.chairs(NURSE), sessions)
    qtmodeltester.check(model)
    assert model.rowCount() == 4  # three chairs and the total
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Tue 24 Nov"
    assert model.headerData(3, Qt.Orientation.Vertical) == "All chairs"
    assert model.index(0, 1).data(DISPLAY) == "2 sessions · 1 h 20"
    assert model.index(0, 1).data(MINUTES_ROLE) == 80
    assert model.index(0, 1).data(DAY_ROLE) == date(2026, 11, 24)
    assert model.index(1, 3).data(DISPLAY) == "free"  # the cancelled one does not count
    assert model.index(3, 1).data(DISPLAY) == "2 sessions · 1 h 20"
    assert model.index(0, 1).data(Qt.ItemDataRole.BackgroundRole) is not None


def test_wording_explains_refusals_in_clerk_words() -> None:
    from clinic_app.domain.errors import (
        InvalidInputError,
        PermissionDeniedError,
        RuleRefusalError,
        SchedulingConflictError,
    )
    from clinic_app.domain.findings import Finding
    from clinic_app.gui.wording import explain_error

    chair = explain_error(SchedulingConflictError("chair", "Chair 2 is taken 10:00-11:00"))
    assert chair.headline == "That chair is already taken then"
    assert "Find next free slots" in chair.detail
    hard = explain_error(
        RuleRefusalError(
            "x", [Finding("A1", Severity.HARD, "never twice a day")], overridable=False
        )
    )
    assert hard.headline == "Not allowed for the patient's safety"
    assert "HARD: never twice a day (rule A1)" in hard.detail
    block = explain_error(
        RuleRefusalError("x", [Finding("E3", Severity.BLOCK, "too close")], overridable=True)
    )
    assert block.headline == "Needs a clinical override" and block.overridable
    invalid = explain_error(InvalidInputError("dob", "2030-01-01 is in the future"))
    assert invalid.field == "dob"
    assert invalid.headline == "Please check the date of birth"
    denied = explain_error(PermissionDeniedError("record a clinical override", "front-desk"))
    assert denied.headline == "Only a nurse may override" and denied.field == "override"
    assert "front-desk" in denied.detail
    other = explain_error(PermissionDeniedError("export schedules and reports", "nurse"))
    assert other.headline == "Not permitted for your role"


def test_tooltips_quote_patient_text_literally(clinic: Services) -> None:
    """Qt reads tooltips that look like HTML as HTML; patient data must stay literal."""
    clinic.setup.add_patient(
        DESK_USER,
        mrn="M010",
        name="<b>Bold</b> Name",
        date_of_birth="1960-01-01",
        notes="<img src='x'> call first",
    )
    model = PatientListModel(today=lambda: NOW.date())
    model.set_patients([clinic.setup.patient(NURSE, "M010")])
    tooltip = model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;img src=&#x27;x&#x27;&gt; call first" in tooltip
    assert "<img" not in tooltip
    assert model.index(0, 0).data(DISPLAY).startswith("<b>Bold</b> Name")  # item views: plain
