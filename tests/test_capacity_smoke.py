"""A tiny run of bench/capacity (issue 14): two weeks of a few referrals booked through the
real booking service under every policy, and the offline optimum of the same days.
Correctness only, never a time: every referral is accounted for, no booking carried a
HARD/BLOCK finding (asserted as each is booked), and the stored diary has no chair or
patient overlap and keeps the nurse invariant at every minute (check_and_measure raises
otherwise)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from bench.capacity import simulate
from clinic_app.services.context import rules_file
from clinic_app.services.rulebook import RuleBook

pytestmark = pytest.mark.slow


needs_ortools = pytest.mark.skipif(
    importlib.util.find_spec("ortools") is None,
    reason="OR-Tools is not installed (pip install -e '.[optimise]'): no template, no optimum",
)


@pytest.mark.parametrize(
    "policy", ["first-fit", "level-loaded", pytest.param("template", marks=needs_ortools)]
)
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
    if policy == "template":
        # The template has starts for this demand and the desk took some of them.
        assert result.template is not None and result.template.slots(0)
        assert 0 < result.template_hits <= result.sessions


@needs_ortools
def test_the_offline_optimum_places_a_light_load(tmp_path: Path) -> None:
    """Two weeks of 3 referrals a weekday: far below capacity, so the optimum places every
    dose due in the two weeks on its day, nothing carried, each day proven optimal."""
    optimum = simulate.offline_optimum(2, 3, 11, tmp_path)
    catalog = RuleBook.from_file(rules_file()).catalog
    doses = simulate.doses_of(simulate.referrals(2, 3, seed=11), catalog)
    last = simulate.FIRST_DAY.toordinal() + 13
    assert sum(optimum.sessions) == sum(1 for day, _ in doses if day.toordinal() <= last)
    assert optimum.carried_at_end == 0 and optimum.proven == len(optimum.sessions) == 10
    assert optimum.bounds == optimum.sessions
    assert all("08:00" <= simulate.hhmm(m) <= "18:00" for m in optimum.last_finish)


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


def test_without_ortools_the_run_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """No OR-Tools: the template policy and the optimum are left out with the reason."""
    monkeypatch.setattr(simulate, "cp_sat_available", lambda: False)
    argv = ["--weeks", "1", "--per-day", "1", "--policy", "template", "--workdir", str(tmp_path)]
    assert simulate.main(argv) == 0
    out = capsys.readouterr().out
    assert "OR-Tools is not installed (pip install 'clinic_app[optimise]')" in out
    assert "| template |" not in out and "offline optimum" not in out
