"""A small-data run of the benchmark (bench/), so the generator and the runner cannot rot.

Nothing here asserts a time: the figures depend on the machine. The run checks that the
generator writes a valid clinic (its own invariant checks pass), that every operation of
``bench/run`` completes on it and yields a figure with its bare-SQL replay, and that the
query-plan report shows each interval search as a two-sided index range.
"""

from __future__ import annotations

import io
import os
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from bench import generate, plans, runner

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def small_clinic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("bench")
    clinic = generate.generate(seed=7, patients=400, heavy=6, chairs=6)
    assert clinic.sessions and clinic.labs and clinic.links
    generate.write_sqlite(clinic, folder / "clinic-100.sqlite3", chairs=6)
    generate.write_sqlite(generate.subset(clinic, 0.1), folder / "clinic-10.sqlite3", chairs=6)
    return folder


def test_generation_is_deterministic() -> None:
    first = generate.generate(seed=3, patients=60, heavy=2, chairs=3)
    again = generate.generate(seed=3, patients=60, heavy=2, chairs=3)
    assert first.sessions == again.sessions and first.labs == again.labs


def test_the_last_tenth_of_the_history_keeps_the_diary_ahead() -> None:
    clinic = generate.generate(seed=3, patients=200, heavy=2, chairs=4)
    part = generate.subset(clinic, 0.1)
    ahead = [row for row in clinic.sessions if row[4] >= generate.NOW]
    assert 0 < len(part.sessions) < len(clinic.sessions)
    assert all(row in part.sessions for row in ahead)


def test_every_operation_of_the_benchmark_runs(small_clinic: Path) -> None:
    lines: list[str] = []
    url = f"sqlite:///{small_clinic / 'clinic-100.sqlite3'}"
    bench = runner.Bench(url, repeat=2, log=lines.append)
    try:
        bench.grid_ops()
        bench.booking_ops()
    finally:
        bench.close()
    names = set(bench.figures)
    process_ops = ("memory", "year", "start", "stall", "live")  # fresh processes, tested below
    assert names >= {name for name in runner.TARGETS
                     if not any(word in name for word in process_ops)}  # fmt: skip
    for figure in bench.figures.values():
        assert len(figure.app) == 2 and len(figure.bare) == 2
        assert figure.statements and figure.verdict() in ("PASS", "FAIL")
    assert any(line.startswith("| check, heavy co-therapy patient |") for line in lines)


def test_the_runner_prints_the_tables_with_growth(small_clinic: Path) -> None:
    out = io.StringIO()
    with redirect_stdout(out):
        runner.main(["--data", str(small_clinic), "--pg", "", "--fractions", "10,100",
                     "--repeat", "1", "--only", "grid"])  # fmt: skip
    text = out.getvalue()
    assert "### SQLite, 10 % of the history" in text
    assert "growth 10->100 %" in text and "| busy day into the grid model |" in text
    # The host's own speed, before and after, so runs on two hosts can be compared.
    assert text.startswith("host: a fixed Python workload took ") and "ms before" in text


@pytest.mark.skipif(os.environ.get("QT_QPA_PLATFORM") != "offscreen", reason="needs Qt offscreen")
def test_start_up_probe_shows_the_first_day(small_clinic: Path) -> None:
    bench = runner.Bench(f"sqlite:///{small_clinic / 'clinic-10.sqlite3'}", 1, lambda _l: None)
    try:
        answer = bench.child("start")
        bare, statements = bench.child_bare(1, "start")
    finally:
        bench.close()
    assert answer["blocks"] > 0 and answer["peak_mb"] > 0
    # The statements start-up sent, replayed through the bare driver: the revision check,
    # the clinic's name and calendar, the day's chairs, sessions, draws and alerts.
    assert len(bare) == 1 and bare[0] > 0 and statements >= 10


@pytest.mark.skipif(os.environ.get("QT_QPA_PLATFORM") != "offscreen", reason="needs Qt offscreen")
def test_gui_stall_probe_measures_the_gui_thread(small_clinic: Path) -> None:
    bench = runner.Bench(f"sqlite:///{small_clinic / 'clinic-100.sqlite3'}", 1, lambda _l: None)
    try:
        answer = bench.child("stall")
    finally:
        bench.close()
    assert answer["ticks"] > 0 and answer["stall_ms"] >= answer["p99_ms"] > 0


@pytest.mark.skipif(os.environ.get("QT_QPA_PLATFORM") != "offscreen", reason="needs Qt offscreen")
def test_live_change_probe_times_each_booking_onto_the_other_grid(small_clinic: Path) -> None:
    # Two windows of one app, then two desks through a clinic server process: each booking
    # is timed until the window's grid holds it (the probe fails if one never shows).
    bench = runner.Bench(f"sqlite:///{small_clinic / 'clinic-100.sqlite3'}", 1, lambda _l: None)
    try:
        bench.live_ops(bookings=2)
    finally:
        bench.close()
    for name in ("live change to another window's grid",
                 "live change to another desk's grid, over the server"):  # fmt: skip
        figure = bench.figures[name]
        assert len(figure.app) == 2 and all(ms > 0 for ms in figure.app)
        assert figure.verdict() in ("PASS", "FAIL")


def test_the_plans_are_two_sided_index_ranges(small_clinic: Path) -> None:
    out = io.StringIO()
    with redirect_stdout(out):
        plans.main(f"sqlite:///{small_clinic / 'clinic-100.sqlite3'}")
    searches = [line for line in out.getvalue().splitlines() if "USING INDEX ix_" in line]
    assert len(searches) == 11  # lab_starts as a window, an hour and a day among them
    assert all("start_utc>? AND start_utc<?" in line for line in searches), out.getvalue()


def test_the_probes_run_the_app_from_bytecode() -> None:
    # An installed app runs from bytecode; a machine with PYTHONDONTWRITEBYTECODE never
    # writes it, so the runner compiles the app before it times a fresh process.
    import importlib.util

    import clinic_app.bootstrap

    cached = Path(importlib.util.cache_from_source(clinic_app.bootstrap.__file__))
    cached.unlink(missing_ok=True)
    runner.ensure_bytecode(lambda _line: None)
    assert cached.is_file()
