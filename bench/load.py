"""Load benchmark of the clinic server (issue 11): simulated desks through two ``clinic-app
serve`` instances on one PostgreSQL database, one instance killed (SIGKILL) and restarted.

    bench/load --db postgresql+psycopg://postgres@127.0.0.1:5432/load_bench --desks 50

What it does (bench/README.md has the details):

1. Creates the database named by ``--db`` afresh (it must not be a database you need: it is
   dropped first) and sets up a clinic in-process: chairs, patients, one user per desk
   (front desk; every fifth a nurse), and today's sessions for the nurses to move through
   their statuses.
2. Starts two ``python -m clinic_app serve --db URL --port P`` processes on 127.0.0.1.
3. Runs ``--desks`` desks (asyncio, httpx) for ``--duration`` seconds, each on its own instance
   (half on each) with a think time between actions: day views, checks, bookings (each after
   a check), moves, cancels (front desk) and status changes on today's sessions (nurses).
   Every write carries an Idempotency-Key; a write whose response is lost (connection error,
   timeout, or one of ``--lose`` of the answered writes dropped on purpose) is sent again with
   the same key, to the other instance when its own does not answer.
4. At the middle of the run one instance is killed with SIGKILL and restarted after
   ``--down`` seconds.
5. Afterwards, by SQL: overlapping sessions on a chair or of a patient, bookings made twice
   from one key (the key travels in ``prescriber_contact``), and every acknowledged write
   checked against the database (the booking exists; its last acknowledged move, cancel or
   status is what the database holds).

Prints one table (p50/p95/p99 per operation, counts, throughput) and the correctness counts;
``--json FILE`` writes them too. Exit status 1 when a correctness count is not 0.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import secrets
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import httpx
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from clinic_app.service_api import zoned_from_wire

ROOT = Path(__file__).resolve().parents[1]
ZONE = ZoneInfo("Europe/London")
PASSWORD = "load bench password"
USER_PREFIX = "loadbench"
THERAPIES = ("denosumab", "zoledronic-acid", "ibandronate", "ferric-carboxymaltose")
# Front-desk actions and their weights; a booking is always preceded by its check.
DESK_MIX = (("day", 40), ("book", 30), ("move", 12), ("cancel", 8), ("check", 10))
NURSE_MIX = (("day", 50), ("status", 50))
STATUS_PATH = {"booked": "arrived", "arrived": "in-chair", "in-chair": "completed"}
TARGETS = {"check": 150.0, "book": 300.0}


@dataclass
class Record:
    """What the desks saw, for the table and the checks afterwards."""

    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    # (seconds since the start, operation, ms): the table's first half is "before the kill"
    samples: list[tuple[float, str, float]] = field(default_factory=list)
    began: float = field(default_factory=time.monotonic)
    answers: dict[str, dict[int, int]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(int))
    )
    server_errors: int = 0
    retries: int = 0
    replayed: int = 0
    replay_mismatch: int = 0
    unanswered: int = 0
    # session id -> what the last acknowledged write says it is
    booked: dict[int, str] = field(default_factory=dict)  # id -> key
    expected_start: dict[int, str] = field(default_factory=dict)
    expected_status: dict[int, str] = field(default_factory=dict)
    acknowledged: int = 0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def working_days(start: date, count: int) -> list[date]:
    days, day = [], start
    while len(days) < count:
        if day.weekday() < 5:
            days.append(day)
        day += timedelta(days=1)
    return days


# --- set-up --------------------------------------------------------------------------------


def create_database(db_url: str, admin_url: str) -> None:
    name = make_url(db_url).database
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'DROP ROLE IF EXISTS "{app_role_name(db_url)}"'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()


def app_role_name(db_url: str) -> str:
    """The clinic server's own login for the bench database (revision 0011)."""
    return f"srv_{make_url(db_url).database}"[:63]


def app_role_url(db_url: str) -> str:
    """Make the server's app role as ``clinic-app db app-role`` does (the owner's URL in
    ``db_url``) and return the URL the servers run on: never the owner, as deployed."""
    from clinic_app.bootstrap import set_app_role

    password = secrets.token_urlsafe(24)
    set_app_role(db_url, app_role_name(db_url), password)
    url = make_url(db_url).set(username=app_role_name(db_url), password=password)
    return url.render_as_string(hide_password=False)


def drop_database(db_url: str, admin_url: str, prefix: str = USER_PREFIX) -> None:
    name = make_url(db_url).database
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'DROP ROLE IF EXISTS "{app_role_name(db_url)}"'))
        # Login roles that `user add` made for the bench's users (while the app still makes
        # them; roles are cluster-wide).
        roles = conn.scalars(
            text("SELECT rolname FROM pg_roles WHERE rolname LIKE :p AND NOT rolsuper"),
            {"p": f"{prefix}.%"},
        ).all()
        for role in roles:
            conn.execute(text(f'DROP OWNED BY "{role}"'))
            conn.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
    admin.dispose()


@dataclass
class Clinic:
    desks: list[tuple[str, str]]  # (username, role)
    mrns: list[str]
    chairs: list[str]
    today_sessions: dict[str, list[int]]  # nurse -> today's session ids
    days: list[date]
    today: date


def seed(db_url: str, desks: int, chairs: int, patients: int, prefix: str = USER_PREFIX) -> Clinic:
    """The clinic, in-process: migrated, initialised, users, patients, today's sessions."""
    sys.path.insert(0, str(ROOT))
    from clinic_app.bootstrap import open_services
    from clinic_app.services.actor import Actor, Role
    from clinic_app.services.booking import BookingRequest
    from clinic_app.services.clock import fixed_clock

    today = datetime.now(ZONE).date()
    morning = datetime.combine(today, datetime.min.time(), ZONE).replace(hour=7)
    services = open_services(db_url, clock=fixed_clock(morning))
    try:
        admin_name = f"{prefix}.admin"
        services.auth.create_first_admin(admin_name, PASSWORD)
        admin = Actor(admin_name, Role.ADMIN)
        services.setup.init_clinic(admin, name="Load bench clinic", timezone="Europe/London")
        names = [f"Chair {i + 1:02d}" for i in range(chairs)]
        for name in names:
            services.setup.add_chair(admin, name)
        users = []
        for i in range(desks):
            # Every fifth desk a nurse; in a run of fewer than five, the last one.
            nurse = i % 5 == 4 or (desks < 5 and i == desks - 1)
            role = Role.NURSE if nurse else Role.FRONT_DESK
            username = f"{prefix}.desk{i + 1:02d}"
            services.auth.add_user(admin, username, role, PASSWORD)
            users.append((username, role.value))
        desk = Actor(users[0][0], Role.FRONT_DESK)
        mrns = [f"L{i:05d}" for i in range(patients)]
        for i, mrn in enumerate(mrns):
            services.setup.add_patient(
                desk, mrn=mrn, name=f"Load Patient {i}", date_of_birth="1955-05-05"
            )
        nurses = [u for u, r in users if r == "nurse"]
        today_sessions: dict[str, list[int]] = {n: [] for n in nurses}
        slot = 0
        # Today's list (denosumab, 08:00-16:00 on every chair), shared out among the nurses.
        if today.weekday() < 5 and nurses:
            for hour in range(8, 16):
                for chair in names:
                    mrn = mrns[-1 - slot]
                    start = f"{today.isoformat()}T{hour:02d}:00"
                    outcome = services.booking.book(
                        desk, BookingRequest(mrn, "denosumab", start, chair=chair)
                    )
                    assert outcome.session.id is not None
                    today_sessions[nurses[slot % len(nurses)]].append(outcome.session.id)
                    slot += 1
        return Clinic(
            desks=users,
            mrns=mrns[: len(mrns) - slot],
            chairs=names,
            today_sessions=today_sessions,
            days=working_days(today + timedelta(days=1), 10),
            today=today,
        )
    finally:
        services.close()


# --- the servers ---------------------------------------------------------------------------


class Instance:
    """One ``clinic-app serve`` process on a fixed loopback port."""

    def __init__(self, name: str, db_url: str, log_dir: Path) -> None:
        self.name = name
        self.db_url = db_url
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log_dir / f"server-{name}.log"
        self.process: subprocess.Popen[bytes] | None = None

    def command(self) -> list[str]:
        """What the process runs (``bench.probe`` serves on the benchmark's clock instead)."""
        return [
            *(sys.executable, "-m", "clinic_app", "serve", "--db", self.db_url),
            *("--host", "127.0.0.1", "--port", str(self.port)),
        ]

    def start(self) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        with self.log.open("ab") as out:
            self.process = subprocess.Popen(
                self.command(),
                cwd=ROOT,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
            )

    def wait_ready(self, timeout: float = 60) -> float:
        began = time.monotonic()
        while time.monotonic() - began < timeout:
            assert self.process is not None
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited; see {self.log}")
            try:
                if httpx.get(f"{self.url}/api/v1/health", timeout=2).status_code == 200:
                    return time.monotonic() - began
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"{self.name} did not answer in {timeout} s")

    def kill(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


# --- the desks -----------------------------------------------------------------------------


class Desk:
    def __init__(
        self,
        username: str,
        role: str,
        instances: list[Instance],
        home: int,
        clinic: Clinic,
        record: Record,
        args: argparse.Namespace,
        rng: random.Random,
    ) -> None:
        self.username = username
        self.role = role
        self.instances = instances
        self.home = home
        self.clinic = clinic
        self.record = record
        self.args = args
        self.rng = rng
        self.token = ""
        self.mine: list[int] = []  # sessions this desk booked and has not cancelled
        self.todays = list(clinic.today_sessions.get(username, []))
        self.client = httpx.AsyncClient(timeout=httpx.Timeout(args.timeout, connect=2.0))

    async def post(self, op: str, path: str, body: dict[str, Any], *, write: bool) -> Any:
        """One call; a write's lost response is retried with its key (other instance next).

        Returns the JSON body of a 2xx answer, None for a 4xx answer (counted) or when no
        instance answered within the attempts.
        """
        headers = {"Authorization": f"Bearer {self.token}"}
        key = str(uuid.uuid4()) if write else None
        if key:
            headers["Idempotency-Key"] = key
        if op == "book":
            body["request"]["prescriber_contact"] = key
        target = self.home
        first: Any = None
        for attempt in range(6):
            url = self.instances[target].url + path
            began = time.perf_counter()
            try:
                response = await self.client.post(url, json=body, headers=headers)
            except httpx.TransportError:
                self.record.retries += 1
                target = 1 - target  # as a load balancer would: the other instance
                await asyncio.sleep(0.05 * (attempt + 1))
                continue
            elapsed = (time.perf_counter() - began) * 1000
            status = response.status_code
            if status >= 500:
                self.record.server_errors += 1
                self.record.answers[op][status] += 1
                if not write:
                    return None
                self.record.retries += 1
                target = 1 - target
                continue
            if response.headers.get("Idempotent-Replayed") == "true":
                self.record.replayed += 1
                if first is not None and response.content != first:
                    self.record.replay_mismatch += 1
            else:
                self.record.latencies[op].append(elapsed)
                self.record.samples.append((time.monotonic() - self.record.began, op, elapsed))
                self.record.answers[op][status] += 1
            if write and first is None and self.rng.random() < self.args.lose:
                # The answer is "lost" on its way back: the desk sends the same write again.
                first = response.content
                self.record.retries += 1
                continue
            if status >= 400:
                return None
            return response.json()
        self.record.unanswered += 1
        return None

    async def login(self) -> None:
        for _ in range(20):
            for instance in (self.instances[self.home], self.instances[1 - self.home]):
                try:
                    response = await self.client.post(
                        instance.url + "/api/v1/login",
                        json={"username": self.username, "password": PASSWORD},
                    )
                    response.raise_for_status()
                    self.token = response.json()["token"]
                    return
                except httpx.HTTPError:
                    await asyncio.sleep(0.2)
        raise RuntimeError(f"{self.username} could not log in")

    def booking(self) -> dict[str, Any]:
        day = self.rng.choice(self.clinic.days)
        minutes = self.rng.randrange(0, 36) * 15  # 08:00 ... 16:45
        start = datetime.combine(day, datetime.min.time()) + timedelta(hours=8, minutes=minutes)
        return {
            "mrn": self.rng.choice(self.clinic.mrns),
            "therapy": self.rng.choice(THERAPIES),
            "start": start.strftime("%Y-%m-%dT%H:%M"),
            "chair": self.rng.choice(self.clinic.chairs),
            "prescriber": "Dr Load",
        }

    async def act(self) -> None:
        mix = NURSE_MIX if self.role == "nurse" else DESK_MIX
        op = self.rng.choices([m[0] for m in mix], weights=[m[1] for m in mix])[0]
        if op == "day":
            day = self.rng.choice([self.clinic.today, *self.clinic.days[:3]])
            await self.post("day", "/api/v1/queries/day", {"day": day.isoformat()}, write=False)
        elif op == "check":
            await self.post(
                "check", "/api/v1/booking/check", {"request": self.booking()}, write=False
            )
        elif op == "book":
            request = self.booking()
            checked = await self.post(
                "check", "/api/v1/booking/check", {"request": dict(request)}, write=False
            )
            if not checked or checked.get("conflict") or checked.get("hard_refused"):
                return
            if checked.get("findings"):
                return  # a desk does not book over a finding without a nurse
            result = await self.post(
                "book", "/api/v1/booking/book", {"request": request}, write=True
            )
            if result:
                session = result["session"]
                self.record.acknowledged += 1
                self.record.booked[session["id"]] = request["prescriber_contact"]
                self.record.expected_start[session["id"]] = session["start"]
                self.record.expected_status[session["id"]] = session["status"]
                self.mine.append(session["id"])
        elif op == "move" and self.mine:
            sid = self.rng.choice(self.mine)
            target = self.booking()
            body = {"session_id": sid, "start": target["start"], "chair": target["chair"]}
            result = await self.post("move", "/api/v1/booking/move", body, write=True)
            if result:
                self.record.acknowledged += 1
                self.record.expected_start[sid] = result["session"]["start"]
        elif op == "cancel" and self.mine:
            sid = self.mine.pop(self.rng.randrange(len(self.mine)))
            body = {"session_id": sid, "reason": "load bench"}
            result = await self.post("cancel", "/api/v1/booking/cancel", body, write=True)
            if result:
                self.record.acknowledged += 1
                self.record.expected_status[sid] = result["session"]["status"]
        elif op == "status" and self.todays:
            sid = self.rng.choice(self.todays)
            current = self.record.expected_status.get(sid, "booked")
            wanted = STATUS_PATH.get(current)
            if wanted is None:
                self.todays.remove(sid)
                return
            body: dict[str, Any] = {"session_id": sid, "status": wanted, "reason": ""}
            if wanted == "arrived":
                # No calcium on file for today's seeded patients (R1 blocks check-in): the
                # nurse records the override with the prescriber consulted, as the GUI asks.
                body["override_reason"] = "calcium 2.35 mmol/L on the GP's result of last week"
                body["consulted"] = "Dr Load"
            result = await self.post("status", "/api/v1/booking/set_status", body, write=True)
            if result:
                self.record.acknowledged += 1
                self.record.expected_status[sid] = result["session"]["status"]

    async def run(self, until: float) -> None:
        await self.login()
        while time.monotonic() < until:
            await asyncio.sleep(self.rng.expovariate(1.0 / self.args.think))
            if time.monotonic() >= until:
                break
            await self.act()
        await self.client.aclose()


async def chaos(instances: list[Instance], at: float, down: float, log: list[str]) -> None:
    await asyncio.sleep(at)
    victim = instances[1]
    victim.kill()
    log.append(f"{time.strftime('%H:%M:%S')} SIGKILL {victim.name}")
    await asyncio.sleep(down)
    victim.start()
    ready = await asyncio.to_thread(victim.wait_ready)
    log.append(f"{time.strftime('%H:%M:%S')} {victim.name} restarted, healthy after {ready:.1f} s")


async def drive(
    clinic: Clinic, instances: list[Instance], args: argparse.Namespace, record: Record
) -> tuple[float, list[str]]:
    rng = random.Random(args.seed)
    desks = [
        Desk(u, r, instances, i % 2, clinic, record, args, random.Random(rng.random()))
        for i, (u, r) in enumerate(clinic.desks)
    ]
    events: list[str] = []
    began = time.monotonic()
    record.began = began
    until = began + args.duration
    tasks = [asyncio.create_task(d.run(until)) for d in desks]
    if args.kill:
        tasks.append(asyncio.create_task(chaos(instances, args.duration / 2, args.down, events)))
    await asyncio.gather(*tasks)
    return time.monotonic() - began, events


# --- afterwards ----------------------------------------------------------------------------

OVERLAPS = """
SELECT count(*) FROM sessions a JOIN sessions b ON a.id < b.id AND a.{col} = b.{col}
 AND a.start_utc < b.end_utc AND b.start_utc < a.end_utc
WHERE a.status <> 'cancelled' AND b.status <> 'cancelled'
"""


def verify(db_url: str, record: Record) -> dict[str, int]:
    engine = create_engine(db_url)
    with engine.connect() as conn:
        chair_overlaps = conn.scalar(text(OVERLAPS.format(col="chair_id"))) or 0
        patient_overlaps = conn.scalar(text(OVERLAPS.format(col="patient_id"))) or 0
        duplicates = (
            conn.scalar(
                text(
                    "SELECT coalesce(sum(n - 1), 0) FROM (SELECT count(*) AS n FROM sessions "
                    "WHERE prescriber_contact IS NOT NULL GROUP BY prescriber_contact "
                    "HAVING count(*) > 1) d"
                )
            )
            or 0
        )
        rows = {
            row.id: row
            for row in conn.execute(
                text("SELECT id, start_utc, status, prescriber_contact FROM sessions")
            )
        }
        keys_stored = conn.scalar(text("SELECT count(*) FROM idempotency_keys")) or 0
    engine.dispose()
    lost = 0
    wrong = 0
    for sid, key in record.booked.items():
        row = rows.get(sid)
        if row is None or row.prescriber_contact != key:
            lost += 1
    for sid, start in record.expected_start.items():
        row = rows.get(sid)
        if row is None:
            continue  # counted as lost above
        stored = (
            row.start_utc
            if isinstance(row.start_utc, datetime)
            else datetime.fromisoformat(row.start_utc)
        )
        # The server writes local times in RFC 9557's form ("...+00:00[Europe/London]").
        answered = zoned_from_wire(start)
        if not isinstance(answered, datetime):
            answered = datetime.fromisoformat(start)
        if stored.replace(tzinfo=stored.tzinfo or ZoneInfo("UTC")) != answered:
            wrong += 1
    for sid, status in record.expected_status.items():
        row = rows.get(sid)
        if row is None:
            lost += 1
        elif row.status != status:
            wrong += 1
    return {
        "chair overlaps": int(chair_overlaps),
        "patient double bookings": int(patient_overlaps),
        "duplicates from retries": int(duplicates),
        "lost acknowledged writes": lost + wrong,
        "replays that differed": record.replay_mismatch,
        "idempotency keys stored": int(keys_stored),
    }


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(q / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]


def load_average() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "unknown"


def report(
    record: Record, elapsed: float, checks: dict[str, int], events: list[str]
) -> dict[str, Any]:
    lines = [
        "| operation | n | p50 ms | p95 ms | p99 ms | p95 before the kill | target p95 | answers |",
        "|---|---:|---:|---:|---:|---:|---|---|",
    ]
    half = max((t for t, _, _ in record.samples), default=0.0) / 2
    total = 0
    for op in ("day", "check", "book", "move", "cancel", "status"):
        values = record.latencies.get(op, [])
        total += len(values)
        answers = ", ".join(f"{s}: {n}" for s, n in sorted(record.answers.get(op, {}).items()))
        target = TARGETS.get(op)
        verdict = ""
        if target is not None and values:
            p95 = percentile(values, 95)
            verdict = f"< {target:.0f} {'PASS' if p95 < target else 'FAIL'}"
        before = [ms for t, o, ms in record.samples if o == op and t < half]
        lines.append(
            f"| {op} | {len(values)} | {percentile(values, 50):.0f} | {percentile(values, 95):.0f} "
            f"| {percentile(values, 99):.0f} | {percentile(before, 95):.0f} | {verdict} "
            f"| {answers} |"
        )
    summary = {
        "requests answered": total,
        "throughput (requests/s)": round(total / elapsed, 1),
        "5xx answers": record.server_errors,
        "retries (lost responses, refused connections)": record.retries,
        "replayed answers": record.replayed,
        "requests never answered": record.unanswered,
        "acknowledged writes": record.acknowledged,
        **checks,
        "load average (1, 5, 15 min) at the end": load_average(),
    }
    print("\n".join(lines))
    print()
    for name, value in summary.items():
        print(f"- {name}: {value}")
    for event in events:
        print(f"- {event}")
    return {
        "table": lines,
        "summary": summary,
        "events": events,
        "latencies": {op: sorted(v) for op, v in record.latencies.items()},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench/load", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--db",
        default="postgresql+psycopg://postgres@127.0.0.1:5432/load_bench",
        help="the clinic database the servers use (created afresh: it is DROPPED first)",
    )
    parser.add_argument(
        "--admin-url",
        default="postgresql+psycopg://postgres@127.0.0.1:5432/postgres",
        help="a login that may create and drop the database",
    )
    parser.add_argument("--desks", type=int, default=50)
    parser.add_argument("--duration", type=float, default=180.0, help="seconds of load")
    parser.add_argument("--think", type=float, default=2.0, help="mean think time, s")
    parser.add_argument("--instances", type=int, choices=(1, 2), default=2)
    parser.add_argument("--no-kill", dest="kill", action="store_false")
    parser.add_argument("--down", type=float, default=5.0, help="seconds the killed one stays down")
    parser.add_argument("--lose", type=float, default=0.03, help="share of write answers lost")
    parser.add_argument("--timeout", type=float, default=10.0, help="a request's timeout, s")
    parser.add_argument("--chairs", type=int, default=20)
    parser.add_argument("--patients", type=int, default=1500)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument(
        "--user-prefix", default=USER_PREFIX, help="the bench's user names: PREFIX.deskNN"
    )
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--log-dir", type=Path, default=Path("/tmp"))
    args = parser.parse_args(argv)
    if args.instances == 1:
        args.kill = False
    db_url = args.db
    create_database(db_url, args.admin_url)
    instances: list[Instance] = []
    try:
        began = time.monotonic()
        clinic = seed(db_url, args.desks, args.chairs, args.patients, args.user_prefix)
        print(f"set-up: {time.monotonic() - began:.0f} s", file=sys.stderr)
        served_as = app_role_url(db_url)
        instances = [Instance(n, served_as, args.log_dir) for n in ("A", "B")[: args.instances]]
        if len(instances) == 1:
            instances.append(instances[0])  # both "sides" are the one instance
        for instance in dict.fromkeys(instances):
            instance.start()
        for instance in dict.fromkeys(instances):
            instance.wait_ready()
        record = Record()
        print(f"load average before the run: {load_average()}", file=sys.stderr)
        elapsed, events = asyncio.run(drive(clinic, instances, args, record))
        checks = verify(db_url, record)
        result = report(record, elapsed, checks, events)
        result["options"] = {k: str(v) for k, v in vars(args).items()}
        if args.json:
            args.json.write_text(json.dumps(result, indent=1))
        bad = sum(
            checks[k]
            for k in (
                "chair overlaps",
                "patient double bookings",
                "duplicates from retries",
                "lost acknowledged writes",
                "replays that differed",
            )
        )
        return 1 if bad else 0
    finally:
        for instance in dict.fromkeys(instances):
            instance.stop()
        if not args.keep:
            drop_database(db_url, args.admin_url, args.user_prefix)


if __name__ == "__main__":
    raise SystemExit(main())
