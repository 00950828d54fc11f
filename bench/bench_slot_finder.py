"""Timings of the slot finder on a 60-chair clinic with a full diary over 120 days.

Run with ``python bench/bench_slot_finder.py``. Prints timings only; nothing is asserted,
because a timing depends on the machine. The slot finder is asked on every keystroke of the
booking dialog, so each search should stay well below the ~100 ms a user notices.
"""

from __future__ import annotations

import random
import sys
import time as clock
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from clinic_app.domain.clinic_calendar import ClinicCalendar
from clinic_app.domain.slot_finder import (
    ChairSchedule,
    SlotOption,
    find_free_slots,
    find_lab_slot,
)

CHAIRS = 60
DAYS = 120
FIRST_DAY = date(2026, 11, 2)
ZONE = ZoneInfo("Europe/London")
CALENDAR = ClinicCalendar.weekdays("Europe/London")


def full_diary(seed: int, gap_every: int | None) -> list[ChairSchedule]:
    """Every chair booked back to back with 30-120 min sessions on every open day.

    The gaps the bookings leave are 0-10 minutes, too short for any therapy. With
    ``gap_every`` set, every that-many-th chair-day keeps one free 90-minute gap.
    """
    rng = random.Random(seed)
    chairs: list[ChairSchedule] = []
    chair_day = 0
    for chair_id in range(1, CHAIRS + 1):
        busy: list[tuple[datetime, datetime]] = []
        for day in CALENDAR.open_days(FIRST_DAY, FIRST_DAY + timedelta(days=DAYS)):
            chair_day += 1
            moment = datetime.combine(day, time(8), tzinfo=ZONE)
            closing = datetime.combine(day, time(18), tzinfo=ZONE)
            free_at = rng.randrange(10) if gap_every and chair_day % gap_every == 0 else -1
            session = 0
            while moment < closing:
                length = timedelta(minutes=rng.choice((30, 60, 75, 120)))
                if session == free_at:
                    moment += timedelta(minutes=90)
                else:
                    busy.append((moment, min(moment + length, closing)))
                    moment += length + timedelta(minutes=rng.choice((0, 0, 5, 10)))
                session += 1
        rng.shuffle(busy)  # the finder must not rely on the caller's order
        chairs.append(ChairSchedule(chair_id, f"Chair {chair_id}", tuple(busy)))
    return chairs


def timed(label: str, repeat: int, run: Callable[[], object]) -> object:
    """Run ``run`` ``repeat`` times and print the best and mean wall time."""
    times: list[float] = []
    result: object = None
    for _ in range(repeat):
        began = clock.perf_counter()
        result = run()
        times.append(clock.perf_counter() - began)
    print(f"{label:<62} best {min(times) * 1e3:7.1f} ms   mean {sum(times) / repeat * 1e3:7.1f} ms")
    return result


def main() -> None:
    """Build the diaries once, then time the searches a booking dialog makes."""
    earliest = datetime.combine(FIRST_DAY, time(7), tzinfo=ZONE)
    duration = timedelta(minutes=75)
    patient_busy = [
        (earliest + timedelta(days=d, hours=3), earliest + timedelta(days=d, hours=4))
        for d in range(0, DAYS, 3)
    ]

    began = clock.perf_counter()
    full = full_diary(1, None)
    nearly_full = full_diary(2, 400)
    bookings = sum(len(c.busy) for c in full)
    print(
        f"built {CHAIRS} chairs x {DAYS} days, {bookings} bookings per diary, "
        f"merged and sorted in {(clock.perf_counter() - began) * 1e3 / 2:.0f} ms per diary"
    )

    def rebuild() -> list[ChairSchedule]:
        return [ChairSchedule(c.chair_id, c.name, c.busy) for c in full]

    timed("building the 60 ChairSchedules again (sort + merge)", 5, rebuild)
    utc_busy = [tuple((s.astimezone(UTC), e.astimezone(UTC)) for s, e in c.busy) for c in full]

    def rebuild_utc() -> list[ChairSchedule]:
        return [ChairSchedule(c.chair_id, c.name, b) for c, b in zip(full, utc_busy, strict=True)]

    timed("... from UTC times, as the database returns them", 5, rebuild_utc)
    found = timed(
        "full diary, no slot anywhere (searches all 120 days)",
        5,
        lambda: find_free_slots(CALENDAR, duration, earliest, full, patient_busy, count=10),
    )
    assert found == []
    found = timed(
        "nearly full diary, first 10 options",
        5,
        lambda: find_free_slots(CALENDAR, duration, earliest, nearly_full, patient_busy, count=10),
    )
    print(f"    first option {found[0] if isinstance(found, list) and found else None}")
    calls = 0

    def accept(option: SlotOption) -> bool:
        nonlocal calls
        calls += 1
        return option.start.weekday() != 0  # the rules reject Mondays, say

    timed(
        "nearly full diary, 10 options, with an accept() callback",
        5,
        lambda: find_free_slots(
            CALENDAR, duration, earliest, nearly_full, patient_busy, count=10, accept=accept
        ),
    )
    print(f"    accept() called {calls // 5} times per search")
    empty = [ChairSchedule(c, f"Chair {c}", ()) for c in range(1, CHAIRS + 1)]
    timed(
        "empty diary, 10 options, 5 chairs per start",
        5,
        lambda: find_free_slots(CALENDAR, duration, earliest, empty, [], count=10, per_start=5),
    )
    load = {
        datetime.combine(day, time(8), tzinfo=ZONE) + timedelta(minutes=15 * i): 2
        for day in CALENDAR.open_days(FIRST_DAY, FIRST_DAY + timedelta(days=DAYS))
        for i in range(40)
    }
    timed(
        "lab slot, station full for 120 days (searches every slot)",
        5,
        lambda: find_lab_slot(
            CALENDAR,
            FIRST_DAY,
            FIRST_DAY + timedelta(days=DAYS),
            prefer="latest",
            target=None,
            capacity=2,
            slot_minutes=15,
            load=load,
            patient_busy=patient_busy,
            not_before=earliest,
        ),
    )


if __name__ == "__main__":
    main()
