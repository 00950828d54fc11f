"""A pytest plugin that switches one clinical rule off, for the mutation run.

``CLINIC_APP_RULE_OFF=A6 python -m pytest -p tools.rule_mutation_plugin ...`` runs the tests
with rule A6 removed; a rule is covered when some test then fails. Engine rules are dropped
from the engine's default rule table; D1 (catalog), R2/R3 alerts and R4 (results list) have
their one function replaced by one that finds nothing. Patching happens at configure time,
before any test module is imported.
"""

from __future__ import annotations

import os
from typing import Any

import pytest

ENV = "CLINIC_APP_RULE_OFF"


def _nothing(*_args: Any, **_kwargs: Any) -> None:
    return None


def _never(*_args: Any, **_kwargs: Any) -> bool:
    return False


def switch_off(rule: str) -> str:
    """Switch ``rule`` off in this process; returns what was switched off, for the report."""
    from clinic_app.domain import catalog, rules, rules_results
    from clinic_app.services import lab_results

    switched = []
    kwdefaults = rules.evaluate.__kwdefaults__
    assert kwdefaults is not None
    table = kwdefaults["rules"]
    if any(rule_id == rule for rule_id, _ in table):
        kwdefaults["rules"] = tuple((i, r) for i, r in table if i != rule)
        switched.append(f"engine rule {rule}")
    if rule == "D1":
        catalog.check_iron_observation = _nothing  # type: ignore[assignment]
        switched.append("catalog.check_iron_observation")
    if rule == "R2":
        rules_results.r2_alert = _nothing  # type: ignore[assignment]
        switched.append("rules_results.r2_alert")
    if rule == "R3":
        rules_results.r3_alert = _nothing  # type: ignore[assignment]
        switched.append("rules_results.r3_alert")
    if rule == "R4":
        rules_results.results_overdue = _never  # type: ignore[assignment]
        lab_results.results_overdue = _never  # type: ignore[attr-defined]
        switched.append("results_overdue")
    if not switched:
        raise pytest.UsageError(f"{ENV}={rule}: no such rule to switch off")
    return ", ".join(switched)


def pytest_configure(config: pytest.Config) -> None:
    """Switch the rule named in the environment off before tests are collected."""
    rule = os.environ.get(ENV)
    if rule:
        config.stash[_KEY] = switch_off(rule)


def pytest_report_header(config: pytest.Config) -> str | None:
    """Say which rule is off."""
    what = config.stash.get(_KEY, None)
    return f"rule switched off: {what}" if what else None


_KEY = pytest.StashKey[str]()
