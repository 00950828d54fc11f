"""Loading one patient's whole picture inside a transaction: doses, labs and busy times."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy.orm import Session

from clinic_app.domain.catalog import Catalog, UnknownTherapyError
from clinic_app.domain.clinic_calendar import ClinicCalendar
from clinic_app.domain.lab_results import BodyWeight, LabResult, PatientFacts
from clinic_app.domain.timeline import Dose, DoseSource, LabVisit, PatientTimeline, Regimen
from clinic_app.persistence import repositories as repo
from clinic_app.persistence import result_queries
from clinic_app.persistence.models import (
    BodyWeightRow,
    ExposureRow,
    LabAppointmentRow,
    LabResultRow,
    PatientRow,
    SessionRow,
)


def regimen_of(value: str | None) -> Regimen | None:
    """The stored regimen text as the domain enum."""
    return Regimen(value) if value else None


def session_dose(row: SessionRow, calendar: ClinicCalendar) -> Dose:
    """A session as a dose in the rule engine's timeline."""
    return Dose(
        drug=row.therapy_code,
        day=calendar.local_day(row.start_utc),
        source=DoseSource.SESSION,
        start=calendar.local(row.start_utc),
        end=calendar.local(row.end_utc),
        session_id=row.id,
        course_id=row.course_id,
        regimen=regimen_of(row.regimen),
    )


def exposure_dose(row: ExposureRow, calendar: ClinicCalendar) -> Dose:
    """A recorded outside exposure as a dose. An unknown last dose (section 7) has no dose
    day: it carries the date it was recorded (or its unconfirmed date) for ordering only."""
    if row.last_dose_unknown:
        day = row.unconfirmed_date or calendar.local_day(row.created_at)
    else:
        known = row.last_dose_date or row.ongoing_since
        assert known is not None  # the table's CHECK guarantees one of the three
        day = known
    return Dose(
        drug=row.drug_code,
        day=day,
        source=DoseSource.RECORDED,
        ongoing=row.ongoing_since is not None,
        where=row.where_given,
        date_unknown=row.last_dose_unknown,
    )


def result_fact(row: LabResultRow, calendar: ClinicCalendar) -> LabResult:
    """A stored result as the rules see it."""
    return LabResult(
        test=row.test_code,
        value=row.value,
        unit=row.unit,
        day=calendar.local_day(row.drawn_at_utc),
        drawn_at=calendar.local(row.drawn_at_utc),
        lab_id=row.lab_id,
        result_id=row.id,
        draw_rules=frozenset(r for r in row.draw_rules.split(",") if r),
    )


def weight_fact(row: BodyWeightRow) -> BodyWeight:
    """A stored weight as the rules see it."""
    return BodyWeight(kg=row.weight_kg, day=row.measured_on)


@dataclass
class PatientState:
    """A patient's active sessions, labs, recorded exposures, results and weights, as rows
    and as a timeline."""

    patient: PatientRow
    sessions: list[SessionRow]
    labs: list[LabAppointmentRow]
    recorded: tuple[Dose, ...]
    calendar: ClinicCalendar
    results: tuple[LabResult, ...] = field(default=())
    weights: tuple[BodyWeight, ...] = field(default=())

    @classmethod
    def load(
        cls,
        session: Session,
        patient: PatientRow,
        calendar: ClinicCalendar,
        catalog: Catalog,
        *,
        since: date | None = None,
        course_id: str | None = None,
    ) -> PatientState:
        """Read everything the rules and the lab planner need about ``patient``.

        With ``since``, only the part of the history the rules can see from that local day
        on (``repositories.patient_sessions_since``: sessions and labs from then, the last
        session per drug before it, whole courses - with ``course_id`` among them - and every
        recorded exposure); without it, the whole history.
        """
        recorded = []
        for row in repo.patient_exposures(session, patient.id):
            try:
                catalog.get(row.drug_code)
            except UnknownTherapyError:
                continue  # a drug retired from the catalog no longer drives any rule
            recorded.append(exposure_dose(row, calendar))
        if since is None:
            sessions = repo.patient_sessions(session, patient.id)
            labs = repo.patient_labs(session, patient.id)
        else:
            since_utc = calendar.day_start(since)
            sessions = repo.patient_sessions_since(session, patient.id, since_utc, course_id)
            labs = repo.patient_labs_since(session, patient.id, since_utc)
        return cls(
            patient=patient,
            sessions=sessions,
            labs=labs,
            recorded=tuple(recorded),
            calendar=calendar,
            results=tuple(
                result_fact(r, calendar)
                for r in result_queries.patient_results(session, patient.id)
            ),
            weights=tuple(
                weight_fact(w) for w in result_queries.patient_weights(session, patient.id)
            ),
        )

    def timeline(self, *, extra: Dose | None = None, without: int | None = None) -> PatientTimeline:
        """The timeline of doses and lab visits; ``extra`` added, session ``without`` left out."""
        doses = [session_dose(s, self.calendar) for s in self.sessions if s.id != without]
        doses.extend(self.recorded)
        if extra is not None:
            doses.append(extra)
        labs = [
            LabVisit(
                day=self.calendar.local_day(lab.start_utc),
                tests=frozenset(t for t in lab.tests.split(",") if t),
                lab_id=lab.id,
                completed=lab.status == "completed",
            )
            for lab in self.labs
        ]
        facts = PatientFacts(self.patient.date_of_birth, self.patient.sex)
        return PatientTimeline.of(
            doses, labs, results=self.results, weights=self.weights, patient=facts
        )

    def busy(self, *, without_session: int | None = None) -> list[tuple[datetime, datetime]]:
        """Intervals the patient is already somewhere (sessions and lab draws)."""
        spans = [(s.start_utc, s.end_utc) for s in self.sessions if s.id != without_session]
        spans.extend((lab.start_utc, lab.end_utc) for lab in self.labs)
        return spans
