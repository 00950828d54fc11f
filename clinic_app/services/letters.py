"""After IV iron for a patient on an outside antiresorptive: what the letter to the outside
prescriber and the patient sheet say (rules file section 7, "prescriber in the loop").

``LetterService.letter_data`` reads one iron session and returns a plain ``IronLetterData``:
the iron doses of its course with their dates, the antiresorptives recorded as given
elsewhere, the date before which no antiresorptive should be given without calcium and
phosphate, the lab draws booked for the iron, who prescribed and who was consulted, and whom
to call. ``LetterService.write_letters`` is the use case the CLI (``clinic-app letters``) and
the GUI share: it checks the role and the request, has the writers in
``clinic_app.exports.letters`` paint both PDFs (all or nothing), and audits them once written.

The "no antiresorptive before" date is computed from the rule parameters (never a literal):
the first day after the last iron dose of the course that is outside both co-therapy windows
that would refuse an antiresorptive then (E3, iron and antiresorptive within its window either
way, and E7, an antiresorptive within its window after iron). The rules read "within" as
including the boundary day, so the date is the window's end plus one day, the same day the E7
finding tells the desk to book on or after.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from clinic_app.domain.catalog import UnknownTherapyError
from clinic_app.domain.errors import InvalidInputError
from clinic_app.domain.rule_parameters import RuleParameters
from clinic_app.persistence import repositories as repo
from clinic_app.persistence.models import INACTIVE_STATUSES, SessionRow
from clinic_app.services.actor import Actor, Permission
from clinic_app.services.authorization import authorize
from clinic_app.services.context import ServiceContext
from clinic_app.services.results import PrescriberView
from clinic_app.services.rulebook import RuleBook
from clinic_app.services.validation import require_folder_target, require_text
from clinic_app.services.views import prescriber_view, therapy_name

PAGE_SIZES = ("A4", "Letter")


@dataclass(frozen=True, slots=True)
class IronDose:
    """One IV iron dose of the course, at the clinic."""

    therapy_name: str
    start: datetime  # clinic-local
    given: bool  # True once the session is completed; False while it is still to come


@dataclass(frozen=True, slots=True)
class OutsideAntiresorptive:
    """An antiresorptive recorded as given elsewhere."""

    drug_name: str
    last_dose: date | None
    ongoing_since: date | None
    where_given: str


@dataclass(frozen=True, slots=True)
class MonitoringDraw:
    """A lab draw booked for the iron: when, which tests (codes), and why (plain labels)."""

    start: datetime  # clinic-local
    tests: tuple[str, ...]
    purposes: tuple[str, ...]
    done: bool


@dataclass(frozen=True, slots=True)
class IronLetterData:
    """Everything the letter to the outside prescriber and the patient sheet say."""

    session_id: int
    written_on: date
    clinic_name: str
    clinic_phone: str | None
    patient_name: str
    patient_mrn: str
    patient_date_of_birth: date
    iron_doses: tuple[IronDose, ...]
    outside_antiresorptives: tuple[OutsideAntiresorptive, ...]
    no_antiresorptive_before: date
    monitoring: tuple[MonitoringDraw, ...]
    prescriber: PrescriberView | None
    consulted: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class LetterFiles:
    """The two PDFs written for one iron session, and what they say."""

    prescriber_letter: Path
    patient_sheet: Path
    data: IronLetterData


def first_day_clear(last_iron_day: date, params: RuleParameters) -> date:
    """The first day an antiresorptive after iron on ``last_iron_day`` is outside E3 and E7."""
    window_end = max(params.e3.window.after(last_iron_day), params.e7.window.after(last_iron_day))
    return window_end + timedelta(days=1)


class LetterService:
    """The prescriber letter and patient sheet after IV iron (front desk and nurses)."""

    def __init__(self, ctx: ServiceContext, rules: RuleBook) -> None:
        self._ctx = ctx
        self._rules = rules

    def letter_data(self, actor: Actor, session_id: int) -> IronLetterData:
        """What the letters of an iron session say.

        Raises ``InvalidInputError`` naming ``session`` when the session is not IV iron or is
        cancelled, and ``exposure`` when the patient has no antiresorptive recorded as given
        elsewhere; ``PermissionDeniedError`` (audited) for a role that may not print them.
        """
        authorize(self._ctx, actor, Permission.PRINT_LETTERS, "letter_data")
        catalog = self._ctx.catalog
        with self._ctx.db.read() as uow:
            s = uow.session
            calendar = repo.load_calendar(s)
            row = repo.session_by_id(s, session_id)
            name = therapy_name(catalog, row.therapy_code)
            if not _is_iron(self._ctx, row.therapy_code):
                raise InvalidInputError(
                    "session",
                    f"session {session_id} is {name}, not IV iron: the letters follow IV iron",
                )
            if row.status in INACTIVE_STATUSES:
                raise InvalidInputError(
                    "session", f"session {session_id} is {row.status}: no iron was given"
                )
            patient = row.patient
            outside = tuple(
                OutsideAntiresorptive(
                    therapy_name(catalog, e.drug_code),
                    e.last_dose_date,
                    e.ongoing_since,
                    e.where_given,
                )
                for e in repo.patient_exposures(s, patient.id)
                if _is_antiresorptive(self._ctx, e.drug_code)
            )
            if not outside:
                raise InvalidInputError(
                    "exposure",
                    f"{patient.name} ({patient.mrn}) has no antiresorptive recorded as given "
                    "elsewhere: there is no outside prescriber to write to",
                )
            course = _course_sessions(row, repo.patient_sessions(s, patient.id), self._ctx)
            course_ids = {x.id for x in course}
            doses = tuple(
                IronDose(
                    therapy_name(catalog, x.therapy_code),
                    calendar.local(x.start_utc),
                    x.status == "completed",
                )
                for x in course
            )
            draws = []
            for lab in repo.patient_labs(s, patient.id):
                links = [link for link in lab.links if link.session_id in course_ids]
                if not links:
                    continue
                draws.append(
                    MonitoringDraw(
                        calendar.local(lab.start_utc),
                        tuple(t for t in lab.tests.split(",") if t),
                        tuple(dict.fromkeys(link.label for link in links if link.label)),
                        lab.status == "completed",
                    )
                )
            consulted = tuple(
                dict.fromkeys(
                    f.override.consulted_prescriber
                    for x in course
                    for f in x.findings
                    if f.override is not None and f.override.consulted_prescriber
                )
            )
            params = self._rules.params(s)
            settings = repo.settings(s)
            last_iron = max(dose.start.date() for dose in doses)
            return IronLetterData(
                session_id=row.id,
                written_on=calendar.local_day(self._ctx.clock()),
                clinic_name=settings.name,
                clinic_phone=settings.phone,
                patient_name=patient.name,
                patient_mrn=patient.mrn,
                patient_date_of_birth=patient.date_of_birth,
                iron_doses=doses,
                outside_antiresorptives=outside,
                no_antiresorptive_before=first_day_clear(last_iron, params),
                monitoring=tuple(sorted(draws, key=lambda d: d.start)),
                prescriber=prescriber_view(row),
                consulted=consulted,
            )

    def write_letters(
        self, actor: Actor, session_id: int, out_dir: str | Path, *, page_size: str = "A4"
    ) -> LetterFiles:
        """The letters of an iron session into ``out_dir``, audited.

        Raises ``InvalidInputError`` (naming the field) for a page size other than A4 or
        Letter, a session that is not IV iron, a patient without an outside antiresorptive,
        or an ``out_dir`` that is not a writable folder; ``PermissionDeniedError`` (audited)
        for a role that may not print them. Nothing is written or audited when it raises.
        """
        check_page_size(page_size)
        data = self.letter_data(actor, session_id)  # who may, and which session
        letter, sheet = paint_letters(data, out_dir, page_size=page_size)
        self._record_printed(actor, data, (letter, sheet))
        return LetterFiles(letter, sheet, data)

    def record_printed(self, actor: Actor, session_id: int, file_names: list[str]) -> None:
        """Audit that a desk wrote the letters of ``session_id`` itself, as ``file_names``
        (through a clinic server: the desk paints the PDFs from ``letter_data``, the server
        audits). The same checks as ``letter_data``; names only, never a desk's folder."""
        data = self.letter_data(actor, session_id)
        if not file_names or len(file_names) > 2:
            raise InvalidInputError("file_names", "the names of the two letters")
        for name in file_names:
            require_text("file_names", name, max_length=255)
        self._record_printed(actor, data, [Path(Path(n).name) for n in file_names])

    def _record_printed(self, actor: Actor, data: IronLetterData, files: Sequence[Path]) -> None:
        """Audit that the letters of ``data`` were written (its own transaction)."""
        authorize(self._ctx, actor, Permission.PRINT_LETTERS, "record_printed")
        with self._ctx.db.write(actor.username) as uow:
            s = uow.session
            row = repo.session_by_id(s, data.session_id)
            repo.audit(
                s,
                at=self._ctx.clock(),
                actor=actor.username,
                action="print-letters",
                entity="session",
                entity_id=data.session_id,
                patient_id=row.patient_id,
                after={
                    "files": [Path(f).name for f in files],
                    "to": [a.drug_name for a in data.outside_antiresorptives],
                    "no_antiresorptive_before": data.no_antiresorptive_before.isoformat(),
                    "monitoring": [d.start.isoformat() for d in data.monitoring],
                },
            )
            uow.commit()


def check_page_size(page_size: str) -> None:
    """Refuse a page size other than A4 or Letter (``InvalidInputError``)."""
    if page_size not in PAGE_SIZES:
        raise InvalidInputError("page_size", "the page size is A4 or Letter")


def paint_letters(
    data: IronLetterData, out_dir: str | Path, *, page_size: str = "A4"
) -> tuple[Path, Path]:
    """Paint the letter and the patient sheet of ``data`` as two PDFs in ``out_dir`` (both
    or neither), unaudited: ``LetterService.write_letters`` audits in-process, and a desk of
    a clinic server (which paints them from ``letter_data``) through ``record_printed``.

    Raises ``InvalidInputError`` for a page size other than A4 or Letter, or an ``out_dir``
    that is not a writable folder.
    """
    # The PDF writers (and Qt) load when letters are first written, not with the services.
    from clinic_app.exports.letters import write_letter_pdfs

    check_page_size(page_size)
    folder = require_folder_target("out", out_dir)
    try:
        return write_letter_pdfs(data, folder, page_size=page_size)
    except OSError as error:
        raise InvalidInputError(
            "out", f"cannot write the letters into {folder}: {error.strerror or error}"
        ) from None


def _is_iron(ctx: ServiceContext, code: str) -> bool:
    try:
        return ctx.catalog.get(code).is_iron
    except UnknownTherapyError:
        return False


def _is_antiresorptive(ctx: ServiceContext, code: str) -> bool:
    try:
        return ctx.catalog.get(code).is_antiresorptive
    except UnknownTherapyError:
        return False


def _course_sessions(
    row: SessionRow, active: Sequence[SessionRow], ctx: ServiceContext
) -> list[SessionRow]:
    """The iron session and the other active iron doses of its course, oldest first."""
    if row.course_id is None:
        return [row]
    same = [
        x
        for x in active
        if x.course_id == row.course_id and x.id != row.id and _is_iron(ctx, x.therapy_code)
    ]
    return sorted([row, *same], key=lambda x: x.start_utc)
