"""Coverage floors per package, checked at the end of every whole-suite run.

pytest-cov measures ``clinic_app`` on every run (``addopts`` in pyproject.toml). When the whole
suite ran - no paths, ``-k``, ``-m`` or ``--lf`` narrowing it, and the PostgreSQL tests not
skipped for want of a server - this plugin reads the combined data, computes the line coverage
of each package named in ``[tool.clinic_app.coverage-floor]`` and of the whole package, prints
them, and fails the run when one is below its floor. The floors only rise: when a package
passes its floor by a point or more, the run says which number to raise it to.
"""

from __future__ import annotations

import io
import math
import tomllib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

WHOLE = "clinic_app"
PG_MISSING = "PostgreSQL not reachable"


def load_floors(pyproject: Path) -> dict[str, float]:
    """The floors by package (``domain``, ``services``, ... and ``clinic_app`` for all)."""
    with pyproject.open("rb") as stream:
        data = tomllib.load(stream)
    floors = data["tool"]["clinic_app"]["coverage-floor"]
    return {str(name): float(value) for name, value in floors.items()}


def package_pattern(package: str) -> str:
    """The coverage ``include`` pattern of a package (or of the whole of clinic_app)."""
    return f"*/{WHOLE}/*" if package == WHOLE else f"*/{WHOLE}/{package}/*"


def shortfalls(measured: Mapping[str, float], floors: Mapping[str, float]) -> list[str]:
    """One line per package below its floor (measured percentages against floors)."""
    return [
        f"{package}: {measured[package]:.1f} % is below its floor of {floor:g} %"
        for package, floor in floors.items()
        if measured[package] < floor
    ]


def raisable(measured: Mapping[str, float], floors: Mapping[str, float]) -> list[str]:
    """One line per package whose floor can rise by a whole point or more."""
    return [
        f"{package}: {measured[package]:.1f} % - raise its floor to {math.floor(measured[package])}"
        for package, floor in floors.items()
        if math.floor(measured[package]) > floor
    ]


def whole_suite_ran(session: pytest.Session) -> bool:
    """True when nothing narrowed the run to part of the suite."""
    config = session.config
    if config.args_source is not pytest.Config.ArgsSource.TESTPATHS:
        testpaths = [(config.rootpath / p).resolve() for p in config.getini("testpaths")]
        if [Path(arg).resolve() for arg in config.args] != testpaths:
            return False
    narrowed = (
        config.getoption("keyword", "")
        or config.getoption("markexpr", "")
        or config.getoption("lf", False)
        or config.getoption("collectonly", False)
        or config.getoption("exitfirst", False)
    )
    return not narrowed and session.testscollected > 0


def _postgres_skipped(session: pytest.Session) -> bool:
    reporter = session.config.pluginmanager.getplugin("terminalreporter")
    if reporter is None:
        return False
    for report in reporter.stats.get("skipped", []):
        longrepr = getattr(report, "longrepr", None)
        if isinstance(longrepr, tuple) and PG_MISSING in str(longrepr[-1]):
            return True
    return False


def _measure(cov: Any, packages: list[str]) -> dict[str, float]:
    measured = {}
    for package in packages:
        measured[package] = float(
            cov.report(include=[package_pattern(package)], file=io.StringIO())
        )
    return measured


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtestloop(session: pytest.Session) -> Iterator[None]:
    """After pytest-cov has combined its data (inner wrapper), check the floors."""
    result = yield
    plugin = session.config.pluginmanager.getplugin("_cov")
    controller = getattr(plugin, "cov_controller", None)
    if controller is None or not whole_suite_ran(session):
        return result
    reporter = session.config.pluginmanager.getplugin("terminalreporter")
    reporter.ensure_newline()
    write = reporter.write_line
    if _postgres_skipped(session):
        write("coverage floors not checked: the PostgreSQL tests were skipped")
        return result
    floors = load_floors(session.config.rootpath / "pyproject.toml")
    measured = _measure(controller.cov, list(floors))
    write("coverage: " + ", ".join(f"{package} {measured[package]:.1f} %" for package in floors))
    for line in raisable(measured, floors):
        write(f"coverage floor can rise: {line}")
    problems = shortfalls(measured, floors)
    for line in problems:
        write(f"COVERAGE FLOOR: {line}", red=True, bold=True)
    if problems:
        session.testsfailed += 1
    return result
