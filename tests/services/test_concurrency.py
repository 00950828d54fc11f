"""Several desks booking at the same instant: the database never holds an overlap.

Each worker is a separate process (its own connection pool), released together by a
barrier, racing for the same chair slots. Exactly one booking per slot may succeed; every
other attempt must end as a clean scheduling conflict, never as an overlap or a traceback.
"""

from __future__ import annotations

import multiprocessing as mp
import random
from datetime import datetime, timedelta
from itertools import combinations
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from clinic_app.bootstrap import open_services
from clinic_app.domain.errors import SchedulingConflictError
from clinic_app.persistence.models import SessionRow
from clinic_app.services.booking import BookingRequest
from clinic_app.services.clock import fixed_clock
from tests.conftest import ADMIN, DESK, NOW

WORKERS = 6
SLOTS = 12
LONDON = ZoneInfo("Europe/London")


def _slot_starts() -> list[datetime]:
    day = datetime(2026, 11, 24, 8, 0, tzinfo=LONDON)
    # ibandronate takes 30 chair minutes; slots 30 min apart exactly fill the chair.
    return [day + timedelta(minutes=30 * i) for i in range(SLOTS)]


def _worker(url: str, index: int, barrier: mp.synchronize.Barrier, queue: mp.Queue) -> None:
    services = open_services(url, clock=fixed_clock(NOW), migrate=False)
    starts = _slot_starts()
    random.Random(index).shuffle(starts)
    won = conflicts = 0
    barrier.wait()
    for start in starts:
        # One patient per (worker, slot): only the chair is contended, no clinical rule.
        mrn = f"P{index}-{_slot_starts().index(start)}"
        try:
            services.booking.book(
                DESK,
                BookingRequest(mrn=mrn, therapy="ibandronate", start=start, chair="Chair 1"),
            )
            won += 1
        except SchedulingConflictError:
            conflicts += 1
    services.engine.dispose()
    queue.put((index, won, conflicts))


@pytest.mark.slow
def test_racing_desks_never_double_book(db_url: str) -> None:
    services = open_services(db_url, clock=fixed_clock(NOW))
    services.setup.init_clinic(ADMIN)
    services.setup.add_chair(ADMIN, "Chair 1")
    for index in range(WORKERS):
        for slot in range(SLOTS):
            services.setup.add_patient(
                DESK,
                mrn=f"P{index}-{slot}",
                name=f"Patient {index}-{slot}",
                date_of_birth="1950-01-01",
            )
    ctx = mp.get_context("spawn")
    barrier = ctx.Barrier(WORKERS)
    queue: mp.Queue = ctx.Queue()
    procs = [ctx.Process(target=_worker, args=(db_url, i, barrier, queue)) for i in range(WORKERS)]
    for p in procs:
        p.start()
    results = [queue.get(timeout=240) for _ in procs]
    for p in procs:
        p.join(timeout=60)
        assert p.exitcode == 0
    assert sum(won for _, won, _ in results) == SLOTS
    assert sum(won + lost for _, won, lost in results) == SLOTS * WORKERS
    with services.ctx.db.read() as uow:
        rows = uow.session.scalars(select(SessionRow)).all()
        spans = [(r.start_utc, r.end_utc) for r in rows if r.status == "booked"]
    assert len(spans) == SLOTS
    overlapping = [(a, b) for a, b in combinations(spans, 2) if a[0] < b[1] and b[0] < a[1]]
    assert overlapping == []
    services.engine.dispose()
