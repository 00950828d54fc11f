"""Lab results, weights and result alerts (rules file, section 7): the service API.

Nurses record results against the lab draw that took them (or import them from the laboratory,
see ``result_import``), and the patient's weight per visit. Every write is one transaction:
the values are validated (a wrong unit is refused naming the field), the draw is marked taken,
R2/R3 alerts are raised, the patient's sessions are re-checked with the new results, and the
outcome names every booked session the new results now stop. The nurses' results list gathers
what needs a nurse: URGENT and ALERT results until acknowledged, results not back (R4), and
sessions that cannot go ahead and why.

Public API (plain result objects from ``visit_views``, no ORM object):
``record_results``, ``record_weight``, ``import_file``, ``results_list``, ``open_alerts``,
``acknowledge``, ``patient_results``, ``clearance``, ``test_units``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy.orm import Session

from clinic_app.domain.clinic_calendar import ClinicCalendar
from clinic_app.domain.errors import InvalidInputError, NotFoundError
from clinic_app.domain.lab_results import (
    PatientFacts,
    UnitError,
    check_unit,
    check_value,
    estimate_clearance,
)
from clinic_app.domain.rule_parameters import RuleParameters
from clinic_app.domain.rules_results import alerts_for_result, results_due_by, results_overdue
from clinic_app.persistence import repositories as repo
from clinic_app.persistence import result_queries as rq
from clinic_app.persistence.models import (
    BodyWeightRow,
    LabAppointmentRow,
    LabResultRow,
    PatientRow,
    ResultAlertRow,
)
from clinic_app.services.actor import Actor, Permission
from clinic_app.services.authorization import authorize
from clinic_app.services.context import ServiceContext
from clinic_app.services.patient_state import result_fact, weight_fact
from clinic_app.services.recheck import recheck_patient_report
from clinic_app.services.result_import import PendingResult, problem_order, read_results_file
from clinic_app.services.rulebook import RuleBook
from clinic_app.services.validation import (
    parse_date,
    parse_local_datetime,
    require_file_source,
    require_mrn,
    require_text,
)
from clinic_app.services.views import finding_view, therapy_name
from clinic_app.services.visit_views import (
    AlertView,
    ClearanceView,
    ImportOutcome,
    ImportProblem,
    MissingResult,
    ResultsList,
    ResultsOutcome,
    ResultView,
    SessionNotice,
    StoppedSession,
    WeightView,
)

MAX_NOTE = 1000
MAX_FLAG = 10


@dataclass(frozen=True, slots=True)
class ResultEntry:
    """One test's result as a nurse types it: test code, value, unit, the lab's flag."""

    test: str
    value: float | str
    unit: str
    flag: str | None = None


class ImportRefusedError(InvalidInputError):
    """An import was refused as a whole; ``problems`` says why, line by line."""

    def __init__(self, source: str, problems: Sequence[ImportProblem]) -> None:
        lines = "; ".join(p.describe() for p in problems[:5])
        more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
        super().__init__("file", f"{source}: nothing imported: {lines}{more}")
        self.source = source
        self.problems = tuple(problems)


@dataclass
class _Checked:
    """A pending result that passed every check, with the rows it refers to."""

    pending: PendingResult
    lab: LabAppointmentRow
    test: str
    value: float
    unit: str
    flag: str | None
    drawn_at_utc: datetime


@dataclass
class _Problems:
    items: list[ImportProblem] = field(default_factory=list)

    def add(self, where: str, field_name: str, problem: str) -> None:
        self.items.append(ImportProblem(where, f"{field_name}: {problem}"))


class LabResultsService:
    """Records results and weights, raises alerts, and lists what needs a nurse."""

    def __init__(self, ctx: ServiceContext, rules: RuleBook) -> None:
        self._ctx = ctx
        self._rules = rules

    # ------------------------------------------------------------------ writing

    def record_results(
        self,
        actor: Actor,
        lab_id: int,
        entries: Sequence[ResultEntry],
        *,
        drawn_at: str | datetime | None = None,
    ) -> ResultsOutcome:
        """Record a nurse's results for one draw (default drawn at its booked time).

        Refuses, naming the field, an unknown test, a value that is not a number >= 0, a unit
        other than the test's SI unit, a draw that was cancelled or is in the future, and a
        second result for a test of the same draw.
        """
        authorize(self._ctx, actor, Permission.RECORD_RESULTS, "record_results")
        if not entries:
            raise InvalidInputError("results", "give at least one result")
        pending = [
            PendingResult(e.test, lab_id, e.test, e.value, e.unit, e.flag, None, drawn_at)
            for e in entries
        ]
        with self._ctx.db.write(actor.username) as uow:
            s = uow.session
            calendar = repo.load_calendar(s)
            params = self._rules.params(s)
            checked, problems = self._check(s, calendar, params, pending)
            if problems.items:
                first = problems.items[0]
                field_name, _, problem = first.problem.partition(": ")
                raise InvalidInputError(field_name, f"{problem} ({first.where})")
            outcome = self._write(s, actor, calendar, params, checked, None)
            uow.commit()
            return outcome

    def import_pending(
        self,
        actor: Actor,
        source: str,
        pending: Sequence[PendingResult],
        read_problems: Sequence[ImportProblem] = (),
    ) -> ImportOutcome:
        """Record every result of an import, or none: every refused line is named, those the
        reader refused (``read_problems``) and those the checks refuse, in the file's order."""
        authorize(self._ctx, actor, Permission.RECORD_RESULTS, "import_results")
        if not pending and not read_problems:
            raise ImportRefusedError(source, [ImportProblem(source, "file: holds no result")])
        with self._ctx.db.write(actor.username) as uow:
            s = uow.session
            calendar = repo.load_calendar(s)
            params = self._rules.params(s)
            checked, problems = self._check(s, calendar, params, pending)
            every = sorted([*read_problems, *problems.items], key=problem_order)
            if every:
                raise ImportRefusedError(source, every)
            outcome = self._write(s, actor, calendar, params, checked, source)
            uow.commit()
            return ImportOutcome(source, outcome)

    def import_file(self, actor: Actor, path: Path | str) -> ImportOutcome:
        """Import a laboratory file: CSV, or HL7 v2 ORU^R01 messages (all or nothing)."""
        authorize(self._ctx, actor, Permission.RECORD_RESULTS, "import_results")
        source, pending, problems = read_results_file(require_file_source("file", path))
        return self.import_pending(actor, source, pending, problems)

    def record_weight(
        self, actor: Actor, mrn: str, weight_kg: float | str, *, on: str | date | None = None
    ) -> ResultsOutcome:
        """Record the patient's weight at today's visit (or ``on``); a second weight the same
        day replaces the first (audited with both). Sessions are re-checked: the clearance
        depends on it."""
        authorize(self._ctx, actor, Permission.RECORD_RESULTS, "record_weight")
        kg = _number("weight", weight_kg)
        if kg <= 0:
            raise InvalidInputError("weight", f"must be more than 0 kg, got {weight_kg!r}")
        with self._ctx.db.write(actor.username) as uow:
            s = uow.session
            calendar = repo.load_calendar(s)
            now = self._ctx.clock()
            today = calendar.local_day(now)
            day = parse_date("on", on) if on is not None else today
            if day > today:
                raise InvalidInputError("on", f"{day.isoformat()} is in the future")
            patient = repo.patient_by_mrn(s, require_mrn(mrn), lock=True)
            row = rq.weight_on(s, patient.id, day)
            before = None
            if row is None:
                row = BodyWeightRow(
                    patient_id=patient.id,
                    measured_on=day,
                    weight_kg=kg,
                    entered_by=actor.username,
                    recorded_at=now,
                )
                s.add(row)
            else:
                before = {"weight_kg": row.weight_kg, "entered_by": row.entered_by}
                row.weight_kg, row.entered_by, row.recorded_at = kg, actor.username, now
            s.flush()
            repo.audit(
                s,
                at=now,
                actor=actor.username,
                action="record-weight",
                entity="body_weight",
                entity_id=row.id,
                patient_id=patient.id,
                before=before,
                after={"measured_on": day.isoformat(), "weight_kg": kg},
            )
            _, notices = recheck_patient_report(
                s, self._ctx, self._rules, actor, patient, calendar, now
            )
            weight = WeightView(patient.id, patient.mrn, day, kg, actor.username)
            outcome = ResultsOutcome(
                results=(),
                stopped_sessions=notices,
                clearance=self._clearance(s, patient, today),
                weight=weight,
            )
            uow.commit()
            return outcome

    def acknowledge(self, actor: Actor, alert_id: int, note: str) -> AlertView:
        """A nurse acknowledges a result alert with a note (what was done, who was called)."""
        authorize(self._ctx, actor, Permission.RECORD_RESULTS, "acknowledge_alert")
        text = require_text("note", note, max_length=MAX_NOTE)
        with self._ctx.db.write(actor.username) as uow:
            s = uow.session
            calendar = repo.load_calendar(s)
            row = rq.alert_by_id(s, alert_id)
            if row.acknowledged_at is not None:
                raise InvalidInputError(
                    "alert", f"alert {alert_id} was already acknowledged by {row.acknowledged_by}"
                )
            now = self._ctx.clock()
            row.acknowledged_by, row.acknowledged_at, row.note = actor.username, now, text
            s.flush()
            repo.audit(
                s,
                at=now,
                actor=actor.username,
                action="acknowledge-alert",
                entity="result_alert",
                entity_id=row.id,
                patient_id=row.patient_id,
                after={"rule": row.rule_id, "level": row.level, "note": text},
            )
            view = _alert_view(row, rq.patient_of(s, row.patient_id), calendar)
            uow.commit()
            return view

    # ------------------------------------------------------------------ reading

    def results_list(self, actor: Actor, *, today: str | date | None = None) -> ResultsList:
        """The nurses' results list as of ``today`` (default: the clinic's today)."""
        authorize(self._ctx, actor, Permission.VIEW, "results_list")
        with self._ctx.db.read() as uow:
            s = uow.session
            calendar = repo.load_calendar(s)
            params = self._rules.params(s)
            now = self._ctx.clock()
            day = parse_date("today", today) if today is not None else calendar.local_day(now)
            alerts = [
                _alert_view(a, rq.patient_of(s, a.patient_id), calendar) for a in rq.open_alerts(s)
            ]
            day_end = calendar.day_start(day + timedelta(days=1))
            labs = rq.drawn_labs_before(s, day_end)
            have = rq.result_tests_by_lab(s, [lab.id for lab in labs])
            not_back = []
            for lab in labs:
                missing = tuple(
                    t for t in sorted(lab.tests.split(",")) if t and t not in have[lab.id]
                )
                draw_day = calendar.local_day(lab.start_utc)
                if missing and results_overdue(draw_day, day, calendar, params):
                    not_back.append(
                        MissingResult(
                            lab_id=lab.id,
                            patient_id=lab.patient_id,
                            mrn=lab.patient.mrn,
                            patient_name=lab.patient.name,
                            drawn_at=calendar.local(lab.start_utc),
                            due_by=results_due_by(
                                draw_day, calendar, params.r4.turnaround_working_days
                            ),
                            missing_tests=missing,
                        )
                    )
            day_start = calendar.day_start(day)
            stopped = [
                StoppedSession(
                    session_id=row.id,
                    mrn=row.patient.mrn,
                    patient_name=row.patient.name,
                    therapy_name=therapy_name(self._ctx.catalog, row.therapy_code),
                    chair=row.chair.name,
                    start=calendar.local(row.start_utc),
                    status=row.status,
                    findings=tuple(
                        v
                        for v in (finding_view(f) for f in row.findings)
                        if v.severity.value == "HARD"
                        or (v.severity.value == "BLOCK" and v.overridden_by is None)
                    ),
                )
                for row in rq.sessions_with_stopping_findings(s, day_start)
            ]
            return ResultsList(
                today=day,
                urgent=tuple(a for a in alerts if a.level == "URGENT"),
                alerts=tuple(a for a in alerts if a.level != "URGENT"),
                not_back=tuple(not_back),
                stopped_sessions=tuple(stopped),
            )

    def open_alerts(self, actor: Actor, mrn: str | None = None) -> tuple[AlertView, ...]:
        """Alerts not yet acknowledged (of one patient when ``mrn`` is given), URGENT first:
        every screen showing the patient shows these."""
        authorize(self._ctx, actor, Permission.VIEW, "open_alerts")
        with self._ctx.db.read() as uow:
            s = uow.session
            calendar = repo.load_calendar(s)
            patient_id = repo.patient_by_mrn(s, require_mrn(mrn)).id if mrn else None
            views = [
                _alert_view(a, rq.patient_of(s, a.patient_id), calendar)
                for a in rq.open_alerts(s, patient_id)
            ]
            return tuple(sorted(views, key=lambda a: (a.level != "URGENT", a.created_at, a.id)))

    def patient_results(self, actor: Actor, mrn: str) -> tuple[ResultView, ...]:
        """Every result of the patient, oldest draw first."""
        authorize(self._ctx, actor, Permission.VIEW, "patient_results")
        with self._ctx.db.read() as uow:
            s = uow.session
            calendar = repo.load_calendar(s)
            patient = repo.patient_by_mrn(s, require_mrn(mrn))
            return tuple(
                _result_view(r, patient, calendar) for r in rq.patient_results(s, patient.id)
            )

    def test_units(self, actor: Actor) -> dict[str, str]:
        """Every test code with the SI unit its results are recorded in (the clinic's rules),
        in code order: the forms that take results offer these."""
        authorize(self._ctx, actor, Permission.VIEW, "test_units")
        with self._ctx.db.read() as uow:
            params = self._rules.params(uow.session)
            return {code: params.test_units[code] for code in sorted(params.test_codes)}

    def clearance(self, actor: Actor, mrn: str, *, on: str | date | None = None) -> ClearanceView:
        """The Cockcroft-Gault creatinine clearance on ``on`` (default today), with its
        inputs: the latest creatinine and weight, age and sex."""
        authorize(self._ctx, actor, Permission.VIEW, "clearance")
        with self._ctx.db.read() as uow:
            s = uow.session
            calendar = repo.load_calendar(s)
            day = parse_date("on", on) if on is not None else calendar.local_day(self._ctx.clock())
            patient = repo.patient_by_mrn(s, require_mrn(mrn))
            return self._clearance(s, patient, day)

    # ------------------------------------------------------------------ internals

    def _clearance(self, s: Session, patient: PatientRow, day: date) -> ClearanceView:
        calendar = repo.load_calendar(s)
        results = [result_fact(r, calendar) for r in rq.patient_results(s, patient.id)]
        weights = [weight_fact(w) for w in rq.patient_weights(s, patient.id)]
        facts = PatientFacts(patient.date_of_birth, patient.sex)
        estimate = estimate_clearance(results, weights, facts, day)
        creatinine, weight = estimate.creatinine, estimate.weight
        return ClearanceView(
            mrn=patient.mrn,
            on=day,
            ml_min=estimate.ml_min,
            creatinine_umol_l=creatinine.value if creatinine else None,
            creatinine_drawn=creatinine.day if creatinine else None,
            weight_kg=weight.kg if weight else None,
            weight_on=weight.day if weight else None,
            age=estimate.age,
            sex=estimate.sex,
            text=estimate.describe(),
        )

    def _check(
        self,
        s: Session,
        calendar: ClinicCalendar,
        params: RuleParameters,
        pending: Iterable[PendingResult],
    ) -> tuple[list[_Checked], _Problems]:
        """Every pending result checked; problems collected, never raised one by one."""
        problems = _Problems()
        checked: list[_Checked] = []
        labs: dict[int, LabAppointmentRow | None] = {}
        existing: dict[int, set[str]] = {}
        seen: set[tuple[int, str]] = set()
        now = self._ctx.clock()
        for item in pending:
            before = len(problems.items)
            test = (item.test or "").strip().lower()
            if test not in params.test_codes:
                known = ", ".join(sorted(params.test_codes))
                problems.add(item.where, "test", f"unknown test {item.test!r} (known: {known})")
            value = None
            try:
                value = check_value(_number("value", item.value))
            except InvalidInputError as error:
                problems.add(item.where, "value", error.problem)
            except ValueError as error:
                problems.add(item.where, "value", str(error))
            unit = None
            if test in params.test_codes:
                try:
                    unit = check_unit(test, item.unit or "", params.test_units)
                except UnitError as error:
                    problems.add(item.where, "unit", str(error))
            flag = (item.flag or "").strip() or None
            if flag is not None and len(flag) > MAX_FLAG:
                problems.add(item.where, "flag", f"at most {MAX_FLAG} characters, got {flag!r}")
            lab = self._lab(s, item, labs, problems)
            drawn_at_utc = None
            if lab is not None:
                drawn_at_utc = self._drawn_at(item, lab, calendar, now, problems)
                if lab.id not in existing:
                    existing[lab.id] = rq.lab_result_tests(s, lab.id)
                if test in existing[lab.id] or (lab.id, test) in seen:
                    problems.add(
                        item.where,
                        "test",
                        f"duplicate result: lab draw {lab.id} already has a {test} result",
                    )
                seen.add((lab.id, test))
            if len(problems.items) == before:
                assert lab is not None and value is not None and unit is not None
                assert drawn_at_utc is not None
                checked.append(_Checked(item, lab, test, value, unit, flag, drawn_at_utc))
        return checked, problems

    def _lab(
        self,
        s: Session,
        item: PendingResult,
        labs: dict[int, LabAppointmentRow | None],
        problems: _Problems,
    ) -> LabAppointmentRow | None:
        try:
            lab_id = int(str(item.lab_id).strip())
        except ValueError:
            problems.add(item.where, "lab", f"{item.lab_id!r} is not a lab draw id")
            return None
        if lab_id not in labs:
            try:
                labs[lab_id] = rq.lab_by_id(s, lab_id)
            except NotFoundError:
                labs[lab_id] = None
        lab = labs[lab_id]
        if item.mrn is not None:
            mrn = item.mrn.strip()
            try:
                repo.patient_by_mrn(s, mrn)
            except NotFoundError:
                problems.add(item.where, "mrn", f"unknown patient: no patient with MRN {mrn!r}")
                return None
            if lab is not None and lab.patient.mrn != mrn:
                problems.add(
                    item.where, "mrn", f"lab draw {lab_id} belongs to another patient, not {mrn}"
                )
                return None
        if lab is None:
            problems.add(item.where, "lab", f"no lab draw with id {lab_id}")
            return None
        if lab.status in ("cancelled", "no-show"):
            problems.add(item.where, "lab", f"lab draw {lab_id} is {lab.status}: nothing was drawn")
            return None
        return lab

    def _drawn_at(
        self,
        item: PendingResult,
        lab: LabAppointmentRow,
        calendar: ClinicCalendar,
        now: datetime,
        problems: _Problems,
    ) -> datetime | None:
        if item.drawn_at is None or (isinstance(item.drawn_at, str) and not item.drawn_at.strip()):
            moment = lab.start_utc
        else:
            try:
                moment = parse_local_datetime("drawn-at", item.drawn_at, calendar)
            except InvalidInputError as error:
                problems.add(item.where, "drawn-at", error.problem)
                return None
        if moment > now:
            problems.add(
                item.where,
                "drawn-at",
                f"{calendar.local(moment):%Y-%m-%d %H:%M} is in the future: record results "
                "after the draw",
            )
            return None
        return moment

    def _write(
        self,
        s: Session,
        actor: Actor,
        calendar: ClinicCalendar,
        params: RuleParameters,
        checked: Sequence[_Checked],
        source: str | None,
    ) -> ResultsOutcome:
        now = self._ctx.clock()
        rows: list[LabResultRow] = []
        for item in checked:
            lab = item.lab
            row = LabResultRow(
                patient_id=lab.patient_id,
                lab_id=lab.id,
                test_code=item.test,
                value=item.value,
                unit=item.unit,
                drawn_at_utc=item.drawn_at_utc,
                lab_flag=item.flag,
                entered_by=actor.username,
                import_source=source,
                draw_rules=",".join(sorted({link.rule_id for link in lab.links})),
                recorded_at=now,
            )
            s.add(row)
            rows.append(row)
            if lab.status == "booked":
                # A result means the blood was drawn.
                lab.status, lab.updated_at = "completed", now
                repo.audit(
                    s,
                    at=now,
                    actor=actor.username,
                    action="lab-complete",
                    entity="lab_appointment",
                    entity_id=lab.id,
                    patient_id=lab.patient_id,
                    after={"status": "completed", "by": "result recorded"},
                )
        s.flush()
        alerts: list[ResultAlertRow] = []
        for row in rows:
            repo.audit(
                s,
                at=now,
                actor=actor.username,
                action="record-result",
                entity="lab_result",
                entity_id=row.id,
                patient_id=row.patient_id,
                after={
                    "lab_id": row.lab_id,
                    "test": row.test_code,
                    "value": row.value,
                    "unit": row.unit,
                    "drawn_at_utc": row.drawn_at_utc.isoformat(),
                    "flag": row.lab_flag,
                    "import_source": source,
                },
            )
            for alert in alerts_for_result(result_fact(row, calendar), params):
                alert_row = ResultAlertRow(
                    patient_id=row.patient_id,
                    result_id=row.id,
                    rule_id=alert.rule,
                    level=alert.level,
                    message=alert.message,
                    created_at=now,
                )
                s.add(alert_row)
                alerts.append(alert_row)
        s.flush()
        for alert_row in alerts:
            repo.audit(
                s,
                at=now,
                actor=actor.username,
                action="result-alert",
                entity="result_alert",
                entity_id=alert_row.id,
                patient_id=alert_row.patient_id,
                after={"rule": alert_row.rule_id, "level": alert_row.level},
            )
        patients = {item.lab.patient_id: item.lab.patient for item in checked}
        notices: list[SessionNotice] = []
        for patient_id in sorted(patients):
            patient = repo.patient_by_id(s, patient_id, lock=True)
            _, found = recheck_patient_report(
                s, self._ctx, self._rules, actor, patient, calendar, now
            )
            notices.extend(found)
        clearance = None
        if len(patients) == 1 and any(r.test_code == "creatinine" for r in rows):
            clearance = self._clearance(s, next(iter(patients.values())), calendar.local_day(now))
        by_id = {p.id: p for p in patients.values()}
        return ResultsOutcome(
            results=tuple(_result_view(r, by_id[r.patient_id], calendar) for r in rows),
            alerts=tuple(_alert_view(a, by_id[a.patient_id], calendar) for a in alerts),
            stopped_sessions=tuple(notices),
            clearance=clearance,
        )


def _number(field_name: str, value: float | str) -> float:
    if isinstance(value, bool):
        raise InvalidInputError(field_name, f"{value!r} is not a number")
    if isinstance(value, int | float):
        return float(value)
    text = str(value).strip().replace(",", ".")
    try:
        return float(text)
    except ValueError:
        raise InvalidInputError(field_name, f"{value!r} is not a number") from None


def _result_view(row: LabResultRow, patient: PatientRow, calendar: ClinicCalendar) -> ResultView:
    return ResultView(
        id=row.id,
        patient_id=row.patient_id,
        mrn=patient.mrn,
        lab_id=row.lab_id,
        test=row.test_code,
        value=row.value,
        unit=row.unit,
        drawn_at=calendar.local(row.drawn_at_utc),
        lab_flag=row.lab_flag,
        entered_by=row.entered_by,
        import_source=row.import_source,
        recorded_at=calendar.local(row.recorded_at),
    )


def _alert_view(row: ResultAlertRow, patient: PatientRow, calendar: ClinicCalendar) -> AlertView:
    return AlertView(
        id=row.id,
        patient_id=row.patient_id,
        mrn=patient.mrn,
        patient_name=patient.name,
        rule=row.rule_id,
        level=row.level,
        message=row.message,
        result_id=row.result_id,
        created_at=calendar.local(row.created_at),
        acknowledged_by=row.acknowledged_by,
        acknowledged_at=calendar.local(row.acknowledged_at) if row.acknowledged_at else None,
        note=row.note,
    )
