"""Generator of a large clinic: 80 chairs, ten years, ~1.5 million sessions and lab draws.

Deterministic (one seed): the same arguments always give the same rows, written to a SQLite
file and loaded, row for row, into a PostgreSQL database. The schema and the clinic's
reference rows (settings, hours, chairs, lab station) are made by the app itself (Alembic
migrations, ``init_clinic``, ``add_chair``); the history is then bulk-loaded:

- SQLite: ``executemany`` with the invariant triggers dropped for the load and re-created
  afterwards from their own stored SQL; PostgreSQL: ``COPY`` with
  ``session_replication_role = replica`` (no row triggers, so no per-row audit entries and no
  per-row guard queries). Because the triggers did not run, :func:`validate` re-checks every
  invariant they enforce with set-based SQL (chair and patient overlaps, lab capacity, opening
  hours) and the load fails if any is broken.
- ``ANALYZE`` after the load, so the planners know the tables' sizes.

``fraction`` keeps the last part of the history (10 % = the last year): the same clinic
after one, three or ten years, with the same diary from "now" on. Patients with nothing in
the kept part are left out.

Usage: ``python -m bench.generate --out /work/bench-data [--pg postgresql+psycopg://...]``.
"""

from __future__ import annotations

import argparse
import heapq
import random
import sqlite3
import sys
import time as clock
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from bench.moment import NOW, ZONE, ZONE_NAME

YEARS = 10
DATA_START = date(2016, 3, 1)
DATA_END = date(2026, 6, 1)  # diary booked ahead about three months
OPENS, CLOSES = time(8), time(18)
CHAIRS = 80
PATIENTS = 150_000
LAB_DRAWS_PER_SLOT = 10  # a large clinic's lab station: 10 draws every 15 minutes
LAB_SLOT_MINUTES = 15
HEAVY_PATIENTS = 2_000  # long co-therapy history: denosumab 6-monthly + yearly iron courses
SEED = 20260302

CHAIR_MINUTES = {
    "zoledronic-acid": 60,
    "ibandronate": 30,
    "denosumab": 20,
    "ferric-carboxymaltose": 75,
    "ferric-derisomaltose": 75,
    "ferumoxytol": 75,
    "iron-sucrose": 60,
    "sodium-ferric-gluconate": 120,
    "iron-dextran": 135,
}
IRON_WEIGHTS = (
    ("ferric-carboxymaltose", 40),
    ("ferric-derisomaltose", 25),
    ("iron-sucrose", 15),
    ("ferumoxytol", 10),
    ("sodium-ferric-gluconate", 5),
    ("iron-dextran", 5),
)


def heavy_mrn(index: int) -> str:
    """MRN of the ``index``-th heavy co-therapy patient (0-based)."""
    return f"H{index + 1:06d}"


def mrn_of(patient_id: int) -> str:
    """MRN of an ordinary generated patient."""
    return f"P{patient_id:07d}"


# ----------------------------------------------------------------------------- the data


@dataclass
class Request:
    """A dose the patient should get, before it is placed in a chair."""

    patient: int
    therapy: str
    day: date
    course: str | None
    labs: list[tuple[str, str, int, int]] = field(default_factory=list)
    # (rule, tests, offset of the due window's first day, of its last day) from the dose day


@dataclass
class Clinic:
    """Every generated row, as tuples in column order."""

    patients: list[tuple[object, ...]] = field(default_factory=list)
    exposures: list[tuple[object, ...]] = field(default_factory=list)
    sessions: list[tuple[object, ...]] = field(default_factory=list)
    findings: list[tuple[object, ...]] = field(default_factory=list)
    labs: list[tuple[object, ...]] = field(default_factory=list)
    links: list[tuple[object, ...]] = field(default_factory=list)
    closed: list[date] = field(default_factory=list)


PATIENT_COLUMNS = ("id", "mrn", "name", "date_of_birth", "sex", "phone", "notes", "created_at")
EXPOSURE_COLUMNS = (
    "id", "patient_id", "drug_code", "last_dose_date", "ongoing_since", "where_given",
    "removed", "created_at",
)  # fmt: skip
SESSION_COLUMNS = (
    "id", "patient_id", "chair_id", "therapy_code", "start_utc", "end_utc", "status",
    "course_id", "regimen", "status_reason", "created_by", "created_at", "updated_at",
)  # fmt: skip
FINDING_COLUMNS = ("id", "session_id", "rule_id", "severity", "message", "evidence", "override_id")
LAB_COLUMNS = (
    "id", "patient_id", "station_id", "tests", "due_from", "due_to", "start_utc", "end_utc",
    "status", "created_at", "updated_at",
)  # fmt: skip
LINK_COLUMNS = ("id", "lab_id", "session_id", "rule_id", "label", "tests", "due_from", "due_to")

BEFORE_ZOL = ("A7", "calcium,creatinine", -30, -1)
BEFORE_IBN = ("B5", "calcium,creatinine", -30, -1)
BEFORE_DMAB = ("C4", "calcium", -30, -1)
E5 = ("E5", "calcium,creatinine,magnesium,phosphate,vitamin-d", -14, -1)
E6 = [("E6", "calcium,creatinine,magnesium,phosphate", d - w, d + w)
      for d, w in ((7, 2), (21, 3), (49, 7), (77, 7))]  # fmt: skip
D13 = ("D13", "ferritin,hemoglobin,tsat", 28, 42)


def _iron_course(rng: random.Random, product: str, first: date) -> list[date]:
    """The dose days of one iron course of ``product`` starting on ``first``."""
    if product == "ferric-carboxymaltose":
        return [first, first + timedelta(days=rng.randint(7, 10))]
    if product == "ferric-derisomaltose":
        return [first] if rng.random() < 0.8 else [first, first + timedelta(days=7)]
    if product == "ferumoxytol":
        return [first, first + timedelta(days=rng.randint(3, 8))]
    if product == "iron-sucrose":
        return [first + timedelta(days=3 * i) for i in range(5)]
    if product == "sodium-ferric-gluconate":
        return [first + timedelta(days=7 * i) for i in range(4)]
    return [first]


def _pick(rng: random.Random, weighted: Sequence[tuple[str, int]]) -> str:
    return rng.choices([w[0] for w in weighted], [w[1] for w in weighted])[0]


def _requests(rng: random.Random, patients: int, heavy: int) -> tuple[list[Request], Clinic]:
    """Patients, their outside exposures and the doses they should get."""
    clinic = Clinic()
    requests: list[Request] = []
    span = (DATA_END - DATA_START).days
    course_no = 0
    exposure_id = 0

    def course_id() -> str:
        nonlocal course_no
        course_no += 1
        return f"c{course_no:07d}"

    def iron_courses(pid: int, first: date, last: date, count: int, cotherapy: bool) -> None:
        for _ in range(count):
            product = _pick(rng, IRON_WEIGHTS)
            start = first + timedelta(days=rng.randrange(max(1, (last - first).days)))
            cid = course_id()
            days = _iron_course(rng, product, start)
            for n, day in enumerate(days):
                labs: list[tuple[str, str, int, int]] = []
                if cotherapy and n == 0:
                    labs = [E5, *E6]
                if n == len(days) - 1:
                    labs.append(D13)
                requests.append(Request(pid, product, day, cid, labs))

    def antiresorptive(pid: int, drug: str, first: date, last: date) -> None:
        every, lab = {
            "zoledronic-acid": (365, BEFORE_ZOL),
            "denosumab": (182, BEFORE_DMAB),
            "ibandronate": (91, BEFORE_IBN),
        }[drug]
        day = first
        while day <= last:
            requests.append(Request(pid, drug, day, None, [lab]))
            day += timedelta(days=every + rng.randint(-3, 10))

    for pid in range(1, patients + 1):
        is_heavy = pid <= heavy
        mrn = heavy_mrn(pid - 1) if is_heavy else mrn_of(pid)
        birth = date(1930, 1, 1) + timedelta(days=rng.randrange(365 * 70))
        first = DATA_START + timedelta(days=rng.randrange(-365 * 2, span))
        created = datetime.combine(max(first, DATA_START), time(9), tzinfo=UTC)
        clinic.patients.append(
            (pid, mrn, f"Patient {mrn}", birth, rng.choice("FM"), None, "", created)
        )
        if is_heavy:
            # Ten years of denosumab every six months and an iron course every year.
            antiresorptive(pid, "denosumab", DATA_START + timedelta(days=pid % 150), DATA_END)
            for year in range(YEARS + 1):
                start = DATA_START + timedelta(days=365 * year + 60 + pid % 90)
                if start > DATA_END:
                    break
                cid = course_id()
                days = _iron_course(rng, "ferric-carboxymaltose", start)
                requests.append(Request(pid, "ferric-carboxymaltose", days[0], cid, [E5, *E6]))
                requests.append(Request(pid, "ferric-carboxymaltose", days[1], cid, [D13]))
            exposure_id += 1
            clinic.exposures.append(
                (exposure_id, pid, "alendronate", None, DATA_START - timedelta(days=400),
                 "GP", False, created)
            )  # fmt: skip
            continue
        last = min(DATA_END, first + timedelta(days=365 * rng.randint(1, 8)))
        first = max(first, DATA_START)
        if last <= first:
            last = first + timedelta(days=30)
        kind = rng.random()
        if kind < 0.56:
            iron_courses(pid, first, last, 1 + int(rng.expovariate(1.2)), cotherapy=False)
            if rng.random() < 0.2:  # an antiresorptive from another doctor
                exposure_id += 1
                drug = rng.choice(("alendronate", "risedronate", "denosumab", "zoledronic-acid"))
                ongoing = drug in ("alendronate", "risedronate") and rng.random() < 0.6
                dose_day = first - timedelta(days=rng.randrange(30, 700))
                clinic.exposures.append(
                    (exposure_id, pid, drug, None if ongoing else dose_day,
                     dose_day if ongoing else None, "GP", False, created)
                )  # fmt: skip
        elif kind < 0.68:
            antiresorptive(pid, "zoledronic-acid", first, last)
        elif kind < 0.82:
            antiresorptive(pid, "denosumab", first, last)
        elif kind < 0.86:
            antiresorptive(pid, "ibandronate", first, min(last, first + timedelta(days=3 * 365)))
        else:
            antiresorptive(pid, rng.choice(("denosumab", "zoledronic-acid")), first, last)
            iron_courses(pid, first, last, 1 + int(rng.expovariate(1.0)), cotherapy=True)
    return requests, clinic


def _closed_dates() -> list[date]:
    """Christmas, Boxing Day and New Year's Day of every year (closed for training too)."""
    days = []
    for year in range(DATA_START.year, DATA_END.year + 1):
        days += [date(year, 12, 25), date(year, 12, 26), date(year + 1, 1, 1)]
    return [d for d in days if DATA_START <= d <= DATA_END and d.weekday() < 5]


def _utc(day: date, minute: int) -> datetime:
    """Local ``day`` at ``minute`` after midnight, as a UTC instant."""
    local = datetime.combine(day, time(minute // 60, minute % 60), tzinfo=ZONE)
    return local.astimezone(UTC)


def _status(rng: random.Random, day: date, today: date, inactive: float) -> str:
    if day >= today:
        return "booked"
    roll = rng.random()
    if roll < inactive / 2:
        return "cancelled"
    if roll < inactive:
        return "no-show"
    return "completed"


def generate(*, seed: int = SEED, patients: int = PATIENTS, heavy: int = HEAVY_PATIENTS,
             chairs: int = CHAIRS) -> Clinic:  # fmt: skip
    """Every row of the large clinic (deterministic for the same arguments)."""
    rng = random.Random(seed)
    requests, clinic = _requests(rng, patients, heavy)
    clinic.closed = _closed_dates()
    closed = set(clinic.closed)
    today = NOW.date()
    open_minutes = (CLOSES.hour - OPENS.hour) * 60
    by_day: dict[date, list[Request]] = defaultdict(list)
    for req in requests:
        if DATA_START <= req.day <= DATA_END:
            by_day[req.day].append(req)
    # Bookings further ahead are thinner: most are made a few weeks before.
    session_id = finding_id = 0
    patient_day: dict[tuple[int, date], list[tuple[int, int]]] = defaultdict(list)
    placed: list[tuple[int, Request, date]] = []
    carry: list[Request] = []
    day = DATA_START
    while day <= DATA_END:
        todays = carry + by_day.pop(day, [])
        carry = []
        if day.weekday() >= 5 or day in closed:
            carry = todays
            day += timedelta(days=1)
            continue
        ahead = (day - today).days
        if ahead > 14:
            keep = 0.6 if ahead <= 45 else 0.3
            todays = [r for r in todays if r.patient <= heavy or rng.random() < keep]
        rng.shuffle(todays)
        free = [(rng.choice((0, 0, 15, 30)), c) for c in range(1, chairs + 1)]
        heapq.heapify(free)
        for req in todays:
            length = CHAIR_MINUTES[req.therapy]
            if (req.patient, day) in patient_day:
                carry.append(req)
                continue
            at, chair = heapq.heappop(free)
            at = -(-at // 15) * 15
            if at + length > open_minutes:
                heapq.heappush(free, (at, chair))
                carry.append(req)
                continue
            start_min = OPENS.hour * 60 + at
            session_id += 1
            status = _status(rng, day, today, 0.07)
            start, end = _utc(day, start_min), _utc(day, start_min + length)
            created = start - timedelta(days=rng.randint(3, 40))
            clinic.sessions.append(
                (session_id, req.patient, chair, req.therapy, start, end, status, req.course,
                 "treatment" if req.therapy == "zoledronic-acid" else None, "", "desk",
                 created, created)
            )  # fmt: skip
            if status not in ("cancelled", "no-show"):
                patient_day[(req.patient, day)].append((start_min, start_min + length))
                placed.append((session_id, req, day))
            if req.course is not None and any(lab[0] == "E5" for lab in req.labs):
                finding_id += 1
                clinic.findings.append(
                    (finding_id, session_id, "E2", "WARN",
                     "Patient is on antiresorptive therapy; IV iron carries a risk of severe "
                     "low phosphate and low calcium 2-3 weeks after the iron.", "U", None)
                )  # fmt: skip
            gap = rng.choice((0, 0, 0, 15, 15, 30, 45))
            heapq.heappush(free, (at + length + gap, chair))
        day += timedelta(days=1)
    _place_labs(rng, clinic, placed, patient_day, closed, today)
    return clinic


def _place_labs(
    rng: random.Random,
    clinic: Clinic,
    placed: list[tuple[int, Request, date]],
    patient_day: dict[tuple[int, date], list[tuple[int, int]]],
    closed: set[date],
    today: date,
) -> None:
    """Lab draws for each placed dose's needs, at the lab station, within its capacity."""
    slots = (CLOSES.hour - OPENS.hour) * 60 // LAB_SLOT_MINUTES
    load: dict[date, list[int]] = {}
    lab_id = link_id = 0
    for session_id, req, day in placed:
        for rule, tests, lo, hi in req.labs:
            due_from, due_to = day + timedelta(days=lo), day + timedelta(days=hi)
            # Before a dose: the latest day (results come back in time); after: mid-window.
            target = due_to if hi < 0 else due_from + (due_to - due_from) // 2
            lab_day = None
            for shift in range((due_to - due_from).days + 1):
                cand = (
                    target - timedelta(days=shift)
                    if hi < 0
                    else target + timedelta(days=shift if shift % 2 == 0 else -shift)
                )
                if due_from <= cand <= due_to and cand.weekday() < 5 and cand not in closed:
                    lab_day = cand
                    break
            if lab_day is None or lab_day > DATA_END or lab_day < DATA_START:
                continue
            counts = load.setdefault(lab_day, [0] * slots)
            busy = patient_day.get((req.patient, lab_day), [])
            first = rng.randrange(slots)
            slot = None
            for k in range(slots):
                cand_slot = (first + k) % slots
                s_min = OPENS.hour * 60 + cand_slot * LAB_SLOT_MINUTES
                if counts[cand_slot] < LAB_DRAWS_PER_SLOT and not any(
                    a < s_min + LAB_SLOT_MINUTES and s_min < b for a, b in busy
                ):
                    slot = cand_slot
                    break
            if slot is None:
                continue
            s_min = OPENS.hour * 60 + slot * LAB_SLOT_MINUTES
            status = _status(rng, lab_day, today, 0.05)
            start, end = _utc(lab_day, s_min), _utc(lab_day, s_min + LAB_SLOT_MINUTES)
            created = start - timedelta(days=rng.randint(3, 40))
            lab_id += 1
            clinic.labs.append(
                (lab_id, req.patient, 1, tests, due_from, due_to, start, end, status, created,
                 created)
            )  # fmt: skip
            if status not in ("cancelled", "no-show"):
                counts[slot] += 1
                patient_day[(req.patient, lab_day)].append((s_min, s_min + LAB_SLOT_MINUTES))
                link_id += 1
                clinic.links.append(
                    (link_id, lab_id, session_id, rule, "", tests, due_from, due_to)
                )


def subset(clinic: Clinic, fraction: float) -> Clinic:
    """The clinic with only the last ``fraction`` of its history (the diary ahead kept)."""
    if fraction >= 1:
        return clinic
    cutoff_day = NOW.date() - timedelta(days=round(365.25 * YEARS * fraction))
    cutoff = datetime.combine(cutoff_day, time(0), tzinfo=UTC)
    sessions = [r for r in clinic.sessions if r[4] >= cutoff]  # type: ignore[operator]
    labs = [r for r in clinic.labs if r[6] >= cutoff]  # type: ignore[operator]
    session_ids = {r[0] for r in sessions}
    lab_ids = {r[0] for r in labs}
    used = {r[1] for r in sessions} | {r[1] for r in labs}
    used |= {r[0] for r in clinic.patients if str(r[1]).startswith("H")}
    links = [r for r in clinic.links if r[1] in lab_ids and r[2] in session_ids]
    return Clinic(
        patients=[r for r in clinic.patients if r[0] in used],
        exposures=[r for r in clinic.exposures if r[1] in used],
        sessions=sessions,
        findings=[r for r in clinic.findings if r[1] in session_ids],
        labs=labs,
        links=links,
        closed=[d for d in clinic.closed if d >= cutoff_day],
    )


# ----------------------------------------------------------------------------- loading


def _prepare(url: str, chairs: int, closed: Iterable[date]) -> None:
    """Schema by the app's migrations; clinic, chairs and closed dates by its services."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from clinic_app.bootstrap import open_services
    from clinic_app.services.actor import Actor, Role
    from clinic_app.services.clock import fixed_clock

    admin = Actor("bench.admin", Role.ADMIN)
    services = open_services(url, clock=fixed_clock(datetime(2016, 1, 4, 7, tzinfo=ZONE)))
    try:
        services.setup.init_clinic(admin, name="Large infusion centre", timezone=ZONE_NAME)
        for number in range(1, chairs + 1):
            services.setup.add_chair(admin, f"Chair {number:02d}")
        for day in closed:
            services.setup.add_closed_date(admin, day, "closed")
    finally:
        services.engine.dispose()


def _sqlite_value(value: object) -> object:
    if isinstance(value, datetime):
        # SQLAlchemy's SQLite DateTime text, naive UTC: string order is time order.
        return value.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")
    if isinstance(value, date):
        return value.isoformat()
    return value


TABLES = (
    ("patients", PATIENT_COLUMNS, "patients"),
    ("exposures", EXPOSURE_COLUMNS, "exposures"),
    ("sessions", SESSION_COLUMNS, "sessions"),
    ("session_findings", FINDING_COLUMNS, "findings"),
    ("lab_appointments", LAB_COLUMNS, "labs"),
    ("lab_links", LINK_COLUMNS, "links"),
)


def write_sqlite(clinic: Clinic, path: Path, chairs: int = CHAIRS) -> None:
    """A SQLite clinic file at ``path`` (replaced) holding ``clinic``."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    _prepare(f"sqlite:///{path}", chairs, clinic.closed)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("UPDATE lab_stations SET draws_per_slot = ?", (LAB_DRAWS_PER_SLOT,))
        triggers = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
            "AND tbl_name IN ('sessions', 'lab_appointments')"
        ).fetchall()
        conn.execute("BEGIN")
        for name, _sql in triggers:
            conn.execute(f'DROP TRIGGER "{name}"')
        for table, columns, attr in TABLES:
            marks = ", ".join("?" * len(columns))
            rows = ([_sqlite_value(v) for v in row] for row in getattr(clinic, attr))
            conn.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)
        for _name, sql in triggers:
            conn.execute(sql)
        if _has_bounds(conn, "sqlite"):
            conn.execute(SQLITE_BOUNDS)
        conn.execute("COMMIT")
        problems = validate(conn, "sqlite")
        if problems:
            raise SystemExit(f"{path}: generated data breaks invariants: {problems}")
        conn.execute("ANALYZE")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def write_postgres(clinic: Clinic, url: str, chairs: int = CHAIRS) -> None:
    """Create (replace) the PostgreSQL database named in ``url`` and load ``clinic``."""
    import psycopg
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    name = parsed.database
    admin_url = parsed.set(database="postgres", drivername="postgresql")
    dsn = admin_url.render_as_string(hide_password=False)
    with psycopg.connect(dsn, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    _prepare(url, chairs, clinic.closed)
    target = parsed.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(target) as conn:
        conn.execute("SET session_replication_role = replica")  # no row triggers while loading
        conn.execute("UPDATE lab_stations SET draws_per_slot = %s", (LAB_DRAWS_PER_SLOT,))
        for table, columns, attr in TABLES:
            with conn.cursor().copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in getattr(clinic, attr):
                    copy.write_row(row)
        for table in ("patients", "exposures", "sessions", "session_findings",
                      "lab_appointments", "lab_links"):  # fmt: skip
            conn.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT coalesce(max(id), 1) FROM {table}))"
            )
        if _has_bounds(conn, "postgresql"):
            conn.execute(PG_BOUNDS)
        conn.commit()
        problems = validate(conn, "postgresql")
        if problems:
            raise SystemExit(f"{name}: generated data breaks invariants: {problems}")
    with psycopg.connect(target, autocommit=True) as conn:
        conn.execute("ANALYZE")


# The loads skip the triggers that keep interval_bounds (migration 0005): set it from the rows.
SQLITE_BOUNDS = """
    UPDATE interval_bounds SET max_minutes = max(max_minutes, coalesce(CASE table_name
        WHEN 'sessions' THEN (
            SELECT CAST(max((julianday(end_utc) - julianday(start_utc)) * 1440) AS INTEGER) + 1
            FROM sessions)
        ELSE (
            SELECT CAST(max((julianday(end_utc) - julianday(start_utc)) * 1440) AS INTEGER) + 1
            FROM lab_appointments) END, 0))
"""
PG_BOUNDS = """
    UPDATE interval_bounds b SET max_minutes = greatest(b.max_minutes, coalesce(CASE table_name
        WHEN 'sessions' THEN (SELECT ceil(max(extract(epoch FROM end_utc - start_utc)) / 60)
                              FROM sessions)
        ELSE (SELECT ceil(max(extract(epoch FROM end_utc - start_utc)) / 60)
              FROM lab_appointments) END, 0))
"""


def _has_bounds(conn: object, dialect: str) -> bool:
    sql = (
        "SELECT count(*) FROM sqlite_master WHERE name = 'interval_bounds'"
        if dialect == "sqlite"
        else "SELECT count(*) FROM pg_tables WHERE tablename = 'interval_bounds'"
    )
    return bool(conn.execute(sql).fetchone()[0])  # type: ignore[attr-defined]


ACTIVE = "status NOT IN ('cancelled', 'no-show')"
CHECKS = {
    # Consecutive active sessions of one chair (or one patient) must not overlap.
    "chair overlap": f"""
        SELECT count(*) FROM (
            SELECT start_utc, lag(end_utc) OVER (PARTITION BY chair_id ORDER BY start_utc) AS prev
            FROM sessions WHERE {ACTIVE}) t WHERE prev > start_utc""",
    "patient overlap": f"""
        SELECT count(*) FROM (
            SELECT start_utc, lag(end_utc) OVER (PARTITION BY patient_id ORDER BY start_utc)
                   AS prev
            FROM (SELECT patient_id, start_utc, end_utc FROM sessions WHERE {ACTIVE}
                  UNION ALL
                  SELECT patient_id, start_utc, end_utc FROM lab_appointments
                  WHERE {ACTIVE}) a) t
        WHERE prev > start_utc""",
    "lab capacity": f"""
        SELECT count(*) FROM (
            SELECT station_id, start_utc FROM lab_appointments WHERE {ACTIVE}
            GROUP BY station_id, start_utc
            HAVING count(*) > (SELECT draws_per_slot FROM lab_stations s
                               WHERE s.id = lab_appointments.station_id)) t""",
}


def validate(conn: object, dialect: str) -> dict[str, int]:
    """Counts of broken invariants (empty when every check passes).

    The loads skip the triggers, so the invariants they enforce are checked here, set-based.
    Opening hours need no query: every start and end is made from the day's opening hours.
    """
    problems = {}
    if _has_bounds(conn, dialect):
        longest = (
            "max(julianday(end_utc) - julianday(start_utc)) * 1440"
            if dialect == "sqlite"
            else "max(extract(epoch FROM end_utc - start_utc)) / 60"
        )
        for table in ("sessions", "lab_appointments"):
            row = conn.execute(  # type: ignore[attr-defined]
                f"SELECT count(*) FROM interval_bounds WHERE table_name = '{table}' "
                f"AND max_minutes < (SELECT coalesce({longest}, 0) FROM {table})"
            ).fetchone()
            if row[0]:
                problems[f"{table} longer than interval_bounds"] = int(row[0])
    for name, sql in CHECKS.items():
        row = conn.execute(sql).fetchone()  # type: ignore[attr-defined]
        if row[0]:
            problems[name] = int(row[0])
    return problems


def main(argv: Sequence[str] | None = None) -> None:
    """Generate the clinic once and write it at each fraction to SQLite (and PostgreSQL)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=Path("/work/bench-data"))
    parser.add_argument("--pg", help="PostgreSQL server URL (database name is replaced)")
    parser.add_argument("--patients", type=int, default=PATIENTS)
    parser.add_argument("--heavy", type=int, default=HEAVY_PATIENTS)
    parser.add_argument("--fractions", default="10,30,100")
    parser.add_argument("--pg-prefix", default="bench", help="database names: PREFIX_10 ...")
    args = parser.parse_args(argv)
    began = clock.perf_counter()
    clinic = generate(patients=args.patients, heavy=args.heavy)
    print(
        f"generated {len(clinic.patients)} patients, {len(clinic.sessions)} sessions, "
        f"{len(clinic.labs)} lab draws in {clock.perf_counter() - began:.1f} s"
    )
    args.out.mkdir(parents=True, exist_ok=True)
    for percent in (int(p) for p in args.fractions.split(",")):
        part = subset(clinic, percent / 100)
        step = clock.perf_counter()
        write_sqlite(part, args.out / f"clinic-{percent}.sqlite3")
        print(
            f"{percent:3d} %: {len(part.sessions) + len(part.labs)} sessions and draws -> "
            f"SQLite in {clock.perf_counter() - step:.1f} s"
        )
        if args.pg:
            from sqlalchemy.engine import make_url

            url = make_url(args.pg).set(database=f"{args.pg_prefix}_{percent}")
            step = clock.perf_counter()
            write_postgres(part, url.render_as_string(hide_password=False))
            took = clock.perf_counter() - step
            print(f"{percent:3d} %: PostgreSQL {url.database} in {took:.1f} s")


if __name__ == "__main__":
    main()
