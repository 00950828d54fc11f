"""Reconciling a patient's lab appointments with what the patient's sessions need.

docs/clinical-rules.md, section 7: one draw serves every requirement whose window it falls in, the
patient should make the fewest trips, a window with no free slot is a WARN finding that names
the window, and a lab appointment never outlives every session that asked for it.

:func:`plan_labs` takes every lab requirement of the patient's sessions (as the rule engine
re-evaluated them) and the patient's lab appointments that are not cancelled, and returns a
:class:`LabPlan` the service applies in one transaction. It decides in four passes:

1. **History.** Completed labs, and booked labs whose time has passed, cannot change; each
   need they already cover (day inside the window, every test) is linked to one of them.
2. **Trips already booked.** Future booked labs are trips the patient makes anyway. While one
   of them lies inside the window of an open need, the one serving the most open needs takes
   them all, gaining the missing tests if it lacks some (an extension, not a new trip).
3. **New draws.** The remaining needs are grouped so that one draw serves every window it can
   (sorted by window end; each group is every need whose window holds the earliest end) and
   placed through the service's ``place`` callback. A group that cannot be placed is made
   smaller; a need that cannot be placed on its own is unplaced, with a WARN finding.
   A new draw for a session that has an orphaned booked lab moves that lab instead.
4. **Orphans.** Future booked labs no need uses are cancelled; past booked ones are flagged
   stale (they may have been drawn already); completed ones keep an empty link set.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from clinic_app.domain.clinic_calendar import ClinicCalendar, to_utc
from clinic_app.domain.findings import Finding, LabRequirement, LabTiming, Severity
from clinic_app.domain.slot_finder import Preference

PlaceLab = Callable[[date, date, Preference, date | None], datetime | None]
"""``place(window_from, window_to, prefer, target)``: a free draw start in the window, or None.

Implemented by the service (it knows the lab station's capacity and the patient's diary, for
example with :func:`clinic_app.domain.slot_finder.find_lab_slot`). It must remember the
starts it has handed out during one plan, so two draws of one plan never share the last place
of a slot, and it must return a start whose local day lies inside the window it was given.
"""


@dataclass(frozen=True, slots=True)
class LabNeed:
    """One lab requirement of one session; ``session_id`` None is the proposal being booked."""

    session_id: int | None
    requirement: LabRequirement

    @property
    def link_key(self) -> tuple[int, str] | None:
        """The (session id, rule id) pair stored as a link; None for the unsaved proposal."""
        if self.session_id is None:
            return None
        return (self.session_id, self.requirement.rule)

    def describe_session(self) -> str:
        """Words for a message: "session 12" or "this booking"."""
        return "this booking" if self.session_id is None else f"session {self.session_id}"


@dataclass(frozen=True, slots=True)
class ExistingLab:
    """A lab appointment of the patient that is booked or completed (never a cancelled one).

    ``day`` is the clinic-local date of ``start``; ``links`` are the (session id, rule id)
    pairs it serves now.
    """

    lab_id: int
    start: datetime
    day: date
    tests: frozenset[str]
    completed: bool
    links: frozenset[tuple[int, str]] = frozenset()


@dataclass(frozen=True, slots=True)
class KeptLab:
    """An existing lab that stays where it is, with the needs it serves after the plan.

    ``needs`` may be empty: a completed lab, or a stale one, that nobody needs any more.
    """

    lab_id: int
    needs: frozenset[LabNeed]


@dataclass(frozen=True, slots=True)
class LabExtension:
    """A booked lab that gains tests (same trip for the patient); ``tests`` is the full set."""

    lab_id: int
    added_tests: frozenset[str]
    tests: frozenset[str]


@dataclass(frozen=True, slots=True)
class MovedLab:
    """A booked lab moved to a new start, with a new test list and the needs it now serves."""

    lab_id: int
    start: datetime
    day: date
    tests: frozenset[str]
    needs: frozenset[LabNeed]


@dataclass(frozen=True, slots=True)
class NewLab:
    """A lab appointment to create."""

    start: datetime
    day: date
    tests: frozenset[str]
    needs: frozenset[LabNeed]


@dataclass(frozen=True, slots=True)
class UnplacedNeed:
    """A need no draw could be found for, and the WARN finding the service stores for it."""

    need: LabNeed
    finding: Finding


@dataclass(frozen=True, slots=True)
class LabLink:
    """One need served by one lab: an existing ``lab_id``, or a :class:`NewLab` of the plan."""

    lab: int | NewLab
    need: LabNeed


@dataclass(frozen=True)
class LabPlan:
    """What to do with a patient's lab appointments; every tuple is in a fixed order.

    Every existing lab appears exactly once in ``keep``, ``moved`` or ``cancel``. Every need
    appears exactly once: in the needs of one kept, moved or new lab, or in ``unplaced``.
    ``extend`` names kept labs that gain tests; ``stale`` names kept labs (booked, time
    passed, nobody needs them) that are left alone rather than cancelled.
    """

    keep: tuple[KeptLab, ...] = ()
    extend: tuple[LabExtension, ...] = ()
    moved: tuple[MovedLab, ...] = ()
    new: tuple[NewLab, ...] = ()
    cancel: tuple[int, ...] = ()
    stale: tuple[int, ...] = ()
    unplaced: tuple[UnplacedNeed, ...] = ()
    _links: tuple[LabLink, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        links = [LabLink(k.lab_id, need) for k in self.keep for need in _sorted_needs(k.needs)]
        links += [LabLink(m.lab_id, need) for m in self.moved for need in _sorted_needs(m.needs)]
        links += [LabLink(lab, need) for lab in self.new for need in _sorted_needs(lab.needs)]
        object.__setattr__(self, "_links", tuple(links))

    @property
    def links(self) -> tuple[LabLink, ...]:
        """Every (lab, need) link after the plan: kept and moved labs first, then new ones."""
        return self._links

    @property
    def findings(self) -> tuple[Finding, ...]:
        """The WARN findings of every unplaced need."""
        return tuple(u.finding for u in self.unplaced)

    def links_for_session(self, session_id: int | None) -> tuple[LabLink, ...]:
        """The links of one session's needs (None: the proposal being booked)."""
        return tuple(link for link in self._links if link.need.session_id == session_id)

    def needs_for_session(self, session_id: int | None) -> tuple[LabNeed, ...]:
        """One session's needs that a lab serves after the plan, in link order."""
        return tuple(link.need for link in self.links_for_session(session_id))

    def findings_for_session(self, session_id: int | None) -> tuple[Finding, ...]:
        """The WARN findings of one session's unplaced needs."""
        return tuple(u.finding for u in self.unplaced if u.need.session_id == session_id)


def _need_order(need: LabNeed) -> tuple[date, date, str, str, tuple[str, ...], date, str, int]:
    """Sort key that makes a plan independent of the order its inputs arrive in."""
    req = need.requirement
    return (
        req.due_to,
        req.due_from,
        req.rule,
        req.timing.value,
        tuple(sorted(req.tests)),
        req.target or date.min,
        req.label,
        -1 if need.session_id is None else need.session_id,
    )


def _sorted_needs(needs: Iterable[LabNeed]) -> list[LabNeed]:
    return sorted(needs, key=_need_order)


def unplaced_finding(need: LabNeed) -> Finding:
    """The WARN finding for a need whose window has no free lab slot; names tests and window."""
    req = need.requirement
    what = f"{req.rule}, {req.label}" if req.label else req.rule
    return Finding(
        rule=req.rule,
        severity=Severity.WARN,
        message=(
            f"no free lab slot between {req.due_from.isoformat()} and {req.due_to.isoformat()} "
            f"for {', '.join(sorted(req.tests))} ({what}), needed by {need.describe_session()}"
        ),
        related_session_id=need.session_id,
    )


@dataclass(eq=False)  # identity semantics: two draws are never "the same" by value
class _Draw:
    """A lab the plan is building: an existing one, or a new one once placed."""

    existing: ExistingLab | None
    start: datetime
    day: date
    tests: frozenset[str]
    needs: list[LabNeed] = field(default_factory=list)


def plan_labs(
    needs: Iterable[LabNeed],
    existing: Iterable[ExistingLab],
    *,
    now: datetime,
    calendar: ClinicCalendar,
    place: PlaceLab,
    turnaround_working_days: int = 0,
) -> LabPlan:
    """Reconcile the patient's lab appointments with the needs of the patient's sessions.

    ``needs`` must hold the requirements of every session whose labs are still to be kept
    (booked and completed sessions alike, plus the proposal with ``session_id`` None):
    a booked lab that no need uses is cancelled. ``existing`` holds the patient's booked and
    completed labs. ``calendar`` gives the local day of the starts ``place`` returns.
    ``turnaround_working_days`` (the results turnaround, rules file section 7) keeps a new
    "before" draw that many clinic working days ahead of the session it serves, when its
    window allows. The same inputs in any order give the same plan.
    """
    now_utc = to_utc(now)
    pending = _sorted_needs(set(needs))  # a requirement reported twice is one need
    labs = sorted(existing, key=lambda lab: (to_utc(lab.start), lab.lab_id))
    if len({lab.lab_id for lab in labs}) != len(labs):
        raise ValueError("an existing lab appears twice")
    history: list[_Draw] = []
    booked: list[_Draw] = []
    for lab in labs:
        # Completed labs, and booked ones whose time has passed, can serve but never change.
        past = lab.completed or to_utc(lab.start) < now_utc
        (history if past else booked).append(_Draw(lab, lab.start, lab.day, lab.tests))

    pending = _link_to_history(pending, history)
    pending = _link_to_booked(pending, booked)
    orphans = [draw for draw in booked if not draw.needs]
    placed, moved, unplaced = _place_new_draws(
        pending, orphans, calendar, place, turnaround_working_days
    )

    return _assemble(history, booked, placed, moved, unplaced)


def _is_linked(draw: _Draw, need: LabNeed) -> bool:
    """True when the lab already serves this need (keeps links stable between plans)."""
    return draw.existing is not None and need.link_key in draw.existing.links


def _link_to_history(pending: list[LabNeed], history: Sequence[_Draw]) -> list[LabNeed]:
    """Link each need a past or completed lab covers to one of them; return the others.

    Among several, the lab already linked wins, then the most recent draw (the freshest
    result), then the lowest id.
    """
    still_open: list[LabNeed] = []
    for need in pending:
        req = need.requirement
        # req.covers_day(d.day), inlined (needs x past draws: ~300 a heavy booking check)
        lo, hi = req.due_from, req.due_to
        covering = [d for d in history if lo <= d.day <= hi and req.tests <= d.tests]
        if not covering:
            still_open.append(need)
            continue
        best = min(
            covering,
            key=lambda d: (
                not _is_linked(d, need),
                -to_utc(d.start).timestamp(),
                _existing(d).lab_id,
            ),
        )
        best.needs.append(need)
    return still_open


def _link_to_booked(pending: list[LabNeed], booked: Sequence[_Draw]) -> list[LabNeed]:
    """Give open needs to future booked labs inside their windows; return the needs left.

    Greedy set cover: the lab that serves the most open needs takes them all (ties: more
    needs it already serves, fewer tests to add, earlier start). Fewest labs used means
    fewest trips; every other booked lab becomes an orphan.
    """
    still_open = list(pending)
    candidates = list(booked)
    while True:
        best: tuple[tuple[int, int, int], _Draw, list[LabNeed]] | None = None
        for draw in candidates:
            day = draw.day
            # n.requirement.covers_day(day), inlined (needs x draws x rounds: ~500 a check)
            served = [
                n for n in still_open if n.requirement.due_from <= day <= n.requirement.due_to
            ]
            if not served:
                continue
            added = frozenset[str]().union(*(n.requirement.tests for n in served)) - draw.tests
            linked = sum(_is_linked(draw, n) for n in served)
            score = (len(served), linked, -len(added))
            if best is None or score > best[0]:
                best = (score, draw, served)
        if best is None:
            return still_open
        _, draw, served = best
        for need in served:
            draw.needs.append(need)
            draw.tests |= need.requirement.tests
        candidates.remove(draw)
        still_open = [n for n in still_open if n not in served]


def _place_new_draws(
    pending: list[LabNeed],
    orphans: list[_Draw],
    calendar: ClinicCalendar,
    place: PlaceLab,
    turnaround: int = 0,
) -> tuple[list[_Draw], list[_Draw], list[LabNeed]]:
    """Group the open needs into as few draws as possible and place them.

    Returns the new draws, the orphaned booked labs moved to serve a group of their own
    session(s), and the needs that could not be placed at all.
    """
    placed: list[_Draw] = []
    moved: list[_Draw] = []
    unplaced: list[LabNeed] = []
    while pending:
        first, rest = pending[0], pending[1:]
        end = first.requirement.due_to
        # Needs are sorted by window end, so every later window reaches past ``end``: it
        # overlaps the first one exactly when it opens by ``end``.
        group = [first, *(n for n in rest if n.requirement.due_from <= end)]
        start = _place_group(group, place, calendar, turnaround)
        while start is None and len(group) > 1:
            # Dropping the needs that open latest widens the common window (dropping one of
            # several that open on the same day would not). When the first need opens as
            # late as any, only the first need alone is left to try.
            latest_open = max(n.requirement.due_from for n in group)
            if latest_open == first.requirement.due_from:
                group = [first]
            else:
                group = [n for n in group if n.requirement.due_from < latest_open]
            start = _place_group(group, place, calendar, turnaround)
        if start is None:
            unplaced.append(first)
            pending = rest
            continue
        day = calendar.local_day(start)
        # The draw also serves any other open need whose window holds its day.
        group += [n for n in rest if n not in group and n.requirement.covers_day(day)]
        for need in group:
            if not need.requirement.covers_day(day):
                raise ValueError(
                    f"place() returned {start.isoformat()}, outside the lab window of "
                    f"{need.requirement.rule} ({need.requirement.due_from} to "
                    f"{need.requirement.due_to})"
                )
        tests = frozenset[str]().union(*(n.requirement.tests for n in group))
        orphan = _orphan_of_same_session(group, orphans)
        if orphan is None:
            placed.append(_Draw(None, start, day, tests, list(group)))
        else:
            orphans.remove(orphan)
            orphan.start, orphan.day, orphan.tests, orphan.needs = start, day, tests, list(group)
            moved.append(orphan)
        pending = [n for n in rest if n not in group]
    return placed, moved, unplaced


def latest_draw_day(results_by: date, calendar: ClinicCalendar, turnaround: int) -> date:
    """The last day a draw can be taken so that ``turnaround`` clinic working days lie between
    it and ``results_by`` (the session's day): a Monday session with 2 days draws by Wednesday,
    its results back on Friday (R4's due day)."""
    day, counted = results_by - timedelta(days=1), 0
    while counted < turnaround:
        if calendar.is_open_day(day):
            counted += 1
        day -= timedelta(days=1)
    return day


def _place_group(
    group: Sequence[LabNeed], place: PlaceLab, calendar: ClinicCalendar, turnaround: int = 0
) -> datetime | None:
    """Ask ``place`` for a draw inside the common window of ``group``.

    Only "before" needs: the latest slot that leaves the results turnaround before the
    earliest session they serve; when the window holds no such slot (a booking made at short
    notice), the latest slot of the window, so there is a result at all. Any "after" need:
    its target day (the first such need's target, or the window's first day when it has
    none), clamped into the common window, else the nearest open day.
    """
    window_from = max(n.requirement.due_from for n in group)
    window_to = min(n.requirement.due_to for n in group)
    after = [n.requirement for n in group if n.requirement.timing is LabTiming.AFTER]
    if not after:
        deadlines = [n.requirement.results_by for n in group if n.requirement.results_by]
        if turnaround and deadlines:
            in_time = min(window_to, latest_draw_day(min(deadlines), calendar, turnaround))
            if in_time >= window_from:
                start = place(window_from, in_time, "latest", None)
                if start is not None:
                    return start
        return place(window_from, window_to, "latest", None)
    wanted = after[0].target or after[0].due_from
    target = min(max(wanted, window_from), window_to)
    return place(window_from, window_to, "target", target)


def _orphan_of_same_session(group: Sequence[LabNeed], orphans: Sequence[_Draw]) -> _Draw | None:
    """An orphaned booked lab that served a session of ``group``: moved rather than recreated.

    Moving a session thereby moves its labs. Prefers the lab sharing the most sessions,
    then the earlier one.
    """
    sessions = {n.session_id for n in group if n.session_id is not None}
    best: tuple[int, _Draw] | None = None
    for draw in orphans:
        shared = len(sessions & {session for session, _ in _existing(draw).links})
        if shared and (best is None or shared > best[0]):
            best = (shared, draw)
    return None if best is None else best[1]


def _existing(draw: _Draw) -> ExistingLab:
    """The existing lab behind a draw that is known to be one (narrows the type)."""
    assert draw.existing is not None
    return draw.existing


def _assemble(
    history: Sequence[_Draw],
    booked: Sequence[_Draw],
    placed: Sequence[_Draw],
    moved: Sequence[_Draw],
    unplaced: Sequence[LabNeed],
) -> LabPlan:
    """Turn the working draws into the plan's fixed-order tuples."""
    staying = [*history, *(d for d in booked if d.needs and d not in moved)]
    extend = [
        LabExtension(lab.lab_id, d.tests - lab.tests, d.tests)
        for d in staying
        if (lab := _existing(d)).tests != d.tests
    ]
    return LabPlan(
        keep=tuple(
            sorted(
                (KeptLab(_existing(d).lab_id, frozenset(d.needs)) for d in staying),
                key=lambda k: k.lab_id,
            )
        ),
        extend=tuple(sorted(extend, key=lambda e: e.lab_id)),
        moved=tuple(
            sorted(
                (
                    MovedLab(_existing(d).lab_id, d.start, d.day, d.tests, frozenset(d.needs))
                    for d in moved
                ),
                key=lambda m: m.lab_id,
            )
        ),
        new=tuple(NewLab(d.start, d.day, d.tests, frozenset(d.needs)) for d in placed),
        cancel=tuple(sorted(_existing(d).lab_id for d in booked if not d.needs)),
        # A past booked lab may have been drawn already: flag it, never cancel it.
        stale=tuple(
            sorted(
                _existing(d).lab_id for d in history if not d.needs and not _existing(d).completed
            )
        ),
        unplaced=tuple(UnplacedNeed(n, unplaced_finding(n)) for n in unplaced),
    )
