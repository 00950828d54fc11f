"""Applying the lab planner's plan to the database, inside the booking transaction.

The pure planner decides which draws to keep, extend, move, create or cancel; this module
gives it a ``place`` callback backed by the lab station's real load and the patient's diary,
then writes the plan and records every change in the audit trail.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy.orm import Session

from clinic_app.domain.clinic_calendar import ClinicCalendar, to_utc
from clinic_app.domain.findings import Finding
from clinic_app.domain.lab_planner import ExistingLab, LabNeed, LabPlan, NewLab, plan_labs
from clinic_app.domain.slot_finder import Preference, find_lab_slot
from clinic_app.persistence import repositories as repo
from clinic_app.persistence.models import LabAppointmentRow, LabLinkRow, LabStationRow
from clinic_app.services.patient_state import PatientState

# How far either side of the first slot a lab search tries the station's load is read first.
_NEAR = timedelta(hours=1)


def tests_text(tests: Iterable[str]) -> str:
    """Test codes as stored: sorted, comma-separated."""
    if isinstance(tests, frozenset):
        return _tests_text_of(tests)
    return ",".join(sorted(set(tests)))


@functools.lru_cache(maxsize=1024)
def _tests_text_of(tests: frozenset[str]) -> str:
    # A plan compares every kept link's tests with its requirement's (~40 a heavy check),
    # and requirements name a handful of distinct test sets.
    return ",".join(sorted(tests))


def _window(needs: Iterable[LabNeed]) -> tuple[date, date]:
    """The part of every need's window that a draw serving them all lies in."""
    items = list(needs)
    return (
        max(n.requirement.due_from for n in items),
        min(n.requirement.due_to for n in items),
    )


@dataclass
class LabChanges:
    """What the reconciliation did, for the outcome and the audit trail."""

    created: list[LabAppointmentRow] = field(default_factory=list)
    moved: list[LabAppointmentRow] = field(default_factory=list)
    extended: list[LabAppointmentRow] = field(default_factory=list)
    cancelled: list[LabAppointmentRow] = field(default_factory=list)
    findings: dict[int, list[Finding]] = field(default_factory=dict)


class LabReconciler:
    """Reconciles one patient's lab appointments with the needs of their sessions."""

    def __init__(
        self,
        session: Session,
        state: PatientState,
        station: LabStationRow,
        calendar: ClinicCalendar,
        now: datetime,
        *,
        turnaround_working_days: int = 0,
        scope: frozenset[int] | None = None,
        dry_run: bool = False,
    ) -> None:
        """``scope``: the sessions whose needs the caller passes (None: every session).

        A link of one of ``state``'s labs to a session outside the scope is left as it is:
        the caller established that the operation cannot change that session's needs
        (it lies further back than the rules reach), so its stored links are its needs.
        ``turnaround_working_days``: a "before" draw leaves this many working days for the
        result to come back before the session (R4).
        ``dry_run``: the plan is applied to the rows in memory and never sent to the
        database (the caller rolls back and reads nothing back from it).
        """
        self._turnaround = turnaround_working_days
        self._session = session
        self._scope = scope
        self._state = state
        self._station = station
        self._calendar = calendar
        self._now = now
        self._handed_out: Counter[datetime] = Counter()
        # The station's draws per start (UTC) holding at least N, and the ranges read, per N.
        self._loads: dict[int, dict[datetime, int]] = {}
        self._read: dict[int, list[tuple[datetime, datetime]]] = {}
        self._dry_run = dry_run
        # Set by reconcile() from the state as it is while the plan is made (the rows change
        # only once the plan is applied): what every slot search of the plan reads.
        self._busy: list[tuple[datetime, datetime]] = []

    def _place(
        self, window_from: date, window_to: date, prefer: Preference, target: date | None
    ) -> datetime | None:
        # A slot with fewer draws stays free whatever this plan handed out there.
        at_least = max(1, self._station.draws_per_slot - max(self._handed_out.values(), default=0))
        calendar = self._calendar
        slot = timedelta(minutes=self._station.slot_minutes)
        reads = 0

        def draws_at(start: datetime) -> int:
            """The station's draws at ``start`` (the patient's own left out), and the ones
            this plan handed out there. Read in widening steps, each one statement: the
            first slot the search tries (usually the one it takes) with the slots an hour
            either side; when those were full, the rest of that day; then the window."""
            nonlocal reads
            key = to_utc(start)
            if not self._has_read(key, at_least):
                if reads == 0:
                    self._read_loads(key - _NEAR, key + _NEAR + slot, at_least)
                elif reads == 1:
                    day = calendar.local_day(key)
                    self._read_loads(
                        calendar.day_start(day),
                        calendar.day_start(day + timedelta(days=1)),
                        at_least,
                    )
                else:
                    self._read_loads(
                        calendar.day_start(window_from),
                        calendar.day_start(window_to + timedelta(days=1)),
                        at_least,
                    )
                reads += 1
            return self._loads.get(at_least, {}).get(key, 0) + self._handed_out[key]

        start = find_lab_slot(
            calendar,
            window_from,
            window_to,
            prefer=prefer,
            target=target,
            capacity=self._station.draws_per_slot,
            slot_minutes=self._station.slot_minutes,
            load=draws_at,
            patient_busy=self._busy + self._handed_spans(),
            not_before=self._now,
        )
        if start is not None:
            # Keyed by instant: two London times of the repeated autumn hour compare equal.
            self._handed_out[to_utc(start)] += 1
        return start

    def _has_read(self, start_utc: datetime, at_least: int) -> bool:
        """True when the draws at ``start_utc`` holding ``at_least`` were read already."""
        return any(lo <= start_utc < hi for lo, hi in self._read.get(at_least, ()))

    def _read_loads(self, lo: datetime, hi: datetime, at_least: int) -> None:
        """Read the station's draws per start in ``[lo, hi)`` (UTC), the patient's own left
        out and only starts holding ``at_least`` (the others cannot be full), into the
        cache. The database does not change while a plan is made."""
        found = repo.lab_starts(
            self._session,
            self._station.id,
            lo,
            hi,
            exclude_patient=self._state.patient.id,
            at_least=at_least,
        )
        loads = self._loads.setdefault(at_least, {})
        for start, draws in found.items():
            key = to_utc(start)
            # A draw that started before ``lo`` and still runs is counted by its own range.
            if lo <= key < hi:
                loads[key] = draws
        self._read.setdefault(at_least, []).append((lo, hi))

    def _handed_spans(self) -> list[tuple[datetime, datetime]]:
        length = timedelta(minutes=self._station.slot_minutes)
        return [(s, s + length) for s in self._handed_out]  # UTC: real elapsed time

    def _existing(self) -> list[ExistingLab]:
        return [
            ExistingLab(
                lab_id=lab.id,
                start=self._calendar.local(lab.start_utc),
                day=self._calendar.local_day(lab.start_utc),
                tests=frozenset(t for t in lab.tests.split(",") if t),
                completed=lab.status == "completed",
                links=frozenset((link.session_id, link.rule_id) for link in lab.links),
            )
            for lab in self._state.labs
        ]

    def reconcile(self, needs: Iterable[LabNeed]) -> LabChanges:
        """Plan against the real diary and write the plan; returns what changed.

        ``needs`` are every lab need of the patient's active sessions. A need whose window
        has passed is kept only while a draw already serves it (history keeps its links);
        otherwise it could only be reported as unplaceable, which helps nobody.
        """
        today = self._calendar.local_day(self._now)
        served = {(link.session_id, link.rule_id) for lab in self._state.labs for link in lab.links}
        live = [
            n
            for n in needs
            if n.requirement.due_to >= today or (n.session_id, n.requirement.rule) in served
        ]
        # The patient's own draws are left out of the load (_read_loads: they may move or be
        # cancelled); they still keep the patient busy, so no second draw lands on them.
        self._busy = [(s.start_utc, s.end_utc) for s in self._state.sessions]
        self._busy += [(lab.start_utc, lab.end_utc) for lab in self._state.labs]
        plan = plan_labs(
            live,
            self._existing(),
            now=self._now,
            calendar=self._calendar,
            place=self._place,
            turnaround_working_days=self._turnaround,
        )
        return self._apply(plan)

    def _apply(self, plan: LabPlan) -> LabChanges:
        changes = LabChanges()
        by_id = {lab.id: lab for lab in self._state.labs}
        length = timedelta(minutes=self._station.slot_minutes)
        for lab_id in plan.cancel:
            row = by_id[lab_id]
            row.status = "cancelled"
            row.updated_at = self._now
            row.links.clear()
            changes.cancelled.append(row)
        # Free the patient's time first, so moved draws may take a cancelled draw's place.
        self._flush()
        for kept in plan.keep:
            self._set_links(by_id[kept.lab_id], kept.needs)
        for extension in plan.extend:
            row = by_id[extension.lab_id]
            row.tests = tests_text(extension.tests)
            row.updated_at = self._now
            changes.extended.append(row)
        for moved in plan.moved:
            row = by_id[moved.lab_id]
            row.start_utc = to_utc(moved.start)
            row.end_utc = to_utc(moved.start) + length  # real elapsed time, not wall clock
            row.tests = tests_text(moved.tests)
            row.updated_at = self._now
            self._set_links(row, moved.needs)
            changes.moved.append(row)
        for new in plan.new:
            changes.created.append(self._create(new, length))
        for kept in plan.keep:
            row = by_id[kept.lab_id]
            if kept.needs and row.status == "booked":
                window = self._due_window(row, kept.needs)
                if (row.due_from, row.due_to) != window:
                    row.due_from, row.due_to = window
        for unplaced in plan.unplaced:
            sid = unplaced.need.session_id
            if sid is not None:
                changes.findings.setdefault(sid, []).append(unplaced.finding)
        self._flush()
        return changes

    def _flush(self) -> None:
        """Send the changes so far (the database checks capacity and overlaps); not in a
        dry run."""
        if not self._dry_run:
            self._session.flush()

    def _create(self, new: NewLab, length: timedelta) -> LabAppointmentRow:
        due_from, due_to = _window(new.needs)
        row = LabAppointmentRow(
            patient_id=self._state.patient.id,
            station_id=self._station.id,
            tests=tests_text(new.tests),
            due_from=due_from,
            due_to=due_to,
            start_utc=to_utc(new.start),
            end_utc=to_utc(new.start) + length,  # real elapsed time, not wall clock
            status="booked",
            created_at=self._now,
            updated_at=self._now,
        )
        row.patient = self._state.patient
        self._set_links(row, new.needs)
        if not self._dry_run:
            self._session.add(row)
        return row

    def _pinned(self, row: LabAppointmentRow) -> list[LabLinkRow]:
        """The row's links to sessions outside the scope: kept as they are."""
        if self._scope is None:
            return []
        return [link for link in row.links if link.session_id not in self._scope]

    def _due_window(
        self,
        row: LabAppointmentRow,
        needs: Iterable[LabNeed],
        pinned: list[LabLinkRow] | None = None,
    ) -> tuple[date, date]:
        """The due window of a draw serving ``needs`` and its pinned links (``pinned``:
        ``self._pinned(row)`` when the caller has it already)."""
        spans = [(n.requirement.due_from, n.requirement.due_to) for n in needs]
        if pinned is None:
            pinned = self._pinned(row)
        spans += [(link.due_from, link.due_to) for link in pinned]
        return max(lo for lo, _ in spans), min(hi for _, hi in spans)

    def _set_links(self, row: LabAppointmentRow, needs: Iterable[LabNeed]) -> None:
        wanted = {}
        for need in needs:
            key = need.link_key
            if key is not None:
                wanted[key] = need
        pinned_links = self._pinned(row)
        pinned = {id(link) for link in pinned_links}
        links = row.links
        # One pass over the links: the ones no longer wanted (and not pinned) go, the others
        # are what the draw already says (most kept draws: all of them, nothing removed).
        present = {}
        stale = []
        for link in links:
            key = (link.session_id, link.rule_id)
            if key not in wanted and id(link) not in pinned:
                stale.append(link)
            else:
                present[key] = link
        for link in stale:
            links.remove(link)
        for key, need in sorted(wanted.items()):
            req = need.requirement
            current = present.get(key)
            if current is not None:
                # A moved or re-planned draw says what it serves now (section 4), never what
                # it served before: the same (session, rule) may now be another follow-up day.
                # (Written only where it differs: most kept links already say it.)
                now = (req.label, tests_text(req.tests), req.due_from, req.due_to)
                if (current.label, current.tests, current.due_from, current.due_to) != now:
                    current.label, current.tests, current.due_from, current.due_to = now
                continue
            row.links.append(
                LabLinkRow(
                    session_id=key[0],
                    rule_id=key[1],
                    label=req.label,
                    tests=tests_text(req.tests),
                    due_from=req.due_from,
                    due_to=req.due_to,
                )
            )
        if wanted and row.status == "booked":
            window = self._due_window(row, wanted.values(), pinned_links)
            if (row.due_from, row.due_to) != window:
                row.due_from, row.due_to = window
