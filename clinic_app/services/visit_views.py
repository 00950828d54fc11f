"""Plain result objects of the visit's safety: results, alerts, the results list, the check-in
gate, and the notices that tell a recorder which booked sessions a new fact now stops.

No ORM object leaves the service layer; times are aware datetimes in the clinic's zone. The GUI
(results list, check-in dialog) and the CLI show these as they are.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from clinic_app.services.results import ExposureView, FindingView


@dataclass(frozen=True, slots=True)
class SessionNotice:
    """A booked session that a newly recorded fact (an exposure, a result) now stops, and why.

    ``findings`` are the new HARD or un-overridden BLOCK findings on that session.
    """

    session_id: int
    mrn: str
    patient_name: str
    therapy_name: str
    chair: str
    start: datetime
    findings: tuple[FindingView, ...]

    def describe(self) -> str:
        """One line per finding, led by the session: for the recorder and the CLI."""
        head = (
            f"session {self.session_id} ({self.therapy_name}, {self.start:%Y-%m-%d %H:%M}, "
            f"{self.chair})"
        )
        return "\n".join(f"{head}: {f.severity.value} {f.rule}: {f.message}" for f in self.findings)


@dataclass(frozen=True, slots=True)
class ExposureOutcome:
    """What recording or changing an outside exposure did: the exposure and the booked sessions
    it now stops."""

    exposure: ExposureView
    stopped_sessions: tuple[SessionNotice, ...] = ()


@dataclass(frozen=True, slots=True)
class ResultView:
    """One recorded lab result."""

    id: int
    patient_id: int
    mrn: str
    lab_id: int
    test: str
    value: float
    unit: str
    drawn_at: datetime
    lab_flag: str | None
    entered_by: str
    import_source: str | None
    recorded_at: datetime

    def describe(self) -> str:
        """ "calcium 2.31 mmol/L drawn 2026-11-20 09:15"."""
        flag = f" [{self.lab_flag}]" if self.lab_flag else ""
        return f"{self.test} {self.value:g} {self.unit}{flag} drawn {self.drawn_at:%Y-%m-%d %H:%M}"


@dataclass(frozen=True, slots=True)
class AlertView:
    """A result alert: R2 ``ALERT`` (call the prescriber) or R3 ``URGENT``; open until a nurse
    acknowledges it with a note."""

    id: int
    patient_id: int
    mrn: str
    patient_name: str
    rule: str
    level: str
    message: str
    result_id: int
    created_at: datetime
    acknowledged_by: str | None = None
    acknowledged_at: datetime | None = None
    note: str | None = None

    @property
    def open(self) -> bool:
        """True until acknowledged."""
        return self.acknowledged_at is None


@dataclass(frozen=True, slots=True)
class ClearanceView:
    """A Cockcroft-Gault creatinine clearance with its inputs (None where missing)."""

    mrn: str
    on: date
    ml_min: float | None
    creatinine_umol_l: float | None
    creatinine_drawn: date | None
    weight_kg: float | None
    weight_on: date | None
    age: int | None
    sex: str | None
    text: str


@dataclass(frozen=True, slots=True)
class WeightView:
    """A weight recorded at a visit."""

    patient_id: int
    mrn: str
    measured_on: date
    weight_kg: float
    entered_by: str


@dataclass(frozen=True, slots=True)
class ResultsOutcome:
    """What recording results did: the results, the alerts they raised, the booked sessions
    they now stop, and the clearance when a creatinine or weight came in."""

    results: tuple[ResultView, ...]
    alerts: tuple[AlertView, ...] = ()
    stopped_sessions: tuple[SessionNotice, ...] = ()
    clearance: ClearanceView | None = None
    weight: WeightView | None = None


@dataclass(frozen=True, slots=True)
class MissingResult:
    """R4: a draw whose results are not back within the turnaround."""

    lab_id: int
    patient_id: int
    mrn: str
    patient_name: str
    drawn_at: datetime
    due_by: date
    missing_tests: tuple[str, ...]
    rule: str = "R4"

    @property
    def message(self) -> str:
        """The WARN's words."""
        return (
            f"result not back: {', '.join(self.missing_tests)} drawn "
            f"{self.drawn_at:%Y-%m-%d %H:%M}, due by {self.due_by.isoformat()}"
        )


@dataclass(frozen=True, slots=True)
class StoppedSession:
    """A session that cannot go ahead as it stands, and why (its HARD and un-overridden BLOCK
    findings)."""

    session_id: int
    mrn: str
    patient_name: str
    therapy_name: str
    chair: str
    start: datetime
    status: str
    findings: tuple[FindingView, ...]


@dataclass(frozen=True, slots=True)
class ResultsList:
    """The nurses' results list: what needs a nurse's attention about results today."""

    today: date
    urgent: tuple[AlertView, ...]
    alerts: tuple[AlertView, ...]
    not_back: tuple[MissingResult, ...]
    stopped_sessions: tuple[StoppedSession, ...]


@dataclass(frozen=True, slots=True)
class ImportProblem:
    """Why one line (CSV) or one segment (HL7) of an import was refused."""

    where: str
    problem: str

    def describe(self) -> str:
        """ "line 4: unit: calcium is recorded in mmol/L (SI), got 'mg/dL'"."""
        return f"{self.where}: {self.problem}"


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    """A whole file imported: every result recorded, with what they raised."""

    source: str
    recorded: ResultsOutcome
