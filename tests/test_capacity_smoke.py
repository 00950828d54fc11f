"""A tiny run of bench/capacity (issue 14): two weeks of a few referrals booked through the
real booking service under both policies. Correctness only, never a time: every referral is
accounted for, no booking carried a HARD/BLOCK finding (asserted as each is booked), and the
stored diary has no chair or patient overlap and keeps the nurse invariant at every minute
(check_and_measure raises otherwise)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.capacity import simulate

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("policy", ["first-fit", "level-loaded"])
def test_two_weeks_book_cleanly(policy: str, tmp_path: Path) -> None:
    referrals = simulate.referrals(2, 3, seed=11)
    assert referrals == simulate.referrals(2, 3, seed=11)  # deterministic
    result, path = simulate.run(policy, 2, 3, 11, tmp_path, rota_days=14)
    assert result.first_doses + result.unbooked == len(referrals)
    assert result.first_doses > 0 and result.sessions >= result.first_doses
    assert all(wait >= 0 for wait in result.waits)
    facts = simulate.check_and_measure(path, 2)
    assert facts.open_days == 10
    assert 0 < facts.sessions <= result.sessions
    assert 0 < facts.chair_utilisation < 1
    assert facts.peak_setups >= 1


def test_the_check_refuses_a_broken_diary(tmp_path: Path) -> None:
    """The diary check can fail: two sessions forced into one chair at once are caught."""
    from sqlalchemy import create_engine, text

    _, path = simulate.run("first-fit", 1, 3, 11, tmp_path, rota_days=7)
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as db:
        triggers = db.execute(text("SELECT name FROM sqlite_master WHERE type='trigger'"))
        for (name,) in triggers.all():
            db.execute(text(f'DROP TRIGGER "{name}"'))
        first = db.execute(
            text("SELECT id, chair_id, start_utc, end_utc FROM sessions ORDER BY id LIMIT 1")
        ).one()
        second = db.execute(text("SELECT min(id) FROM sessions WHERE id > :i"), {"i": first.id})
        db.execute(
            text("UPDATE sessions SET chair_id = :c, start_utc = :s, end_utc = :e WHERE id = :i"),
            {"c": first.chair_id, "s": first.start_utc, "e": first.end_utc, "i": second.scalar()},
        )
    engine.dispose()
    with pytest.raises(AssertionError):
        simulate.check_and_measure(path, 1)
