"""Shared fixtures for the rule engine tests: the shipped rules file and a scenario builder."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from clinic_app.domain.catalog import Catalog
from clinic_app.domain.findings import Evaluation, Finding, LabRequirement
from clinic_app.domain.rule_parameters import RuleParameters, load_rules_file
from clinic_app.domain.rules import evaluate
from clinic_app.domain.timeline import (
    Dose,
    DoseSource,
    LabVisit,
    PatientTimeline,
    ProposedSession,
    Regimen,
)

RULES_FILE = Path(__file__).parents[2] / "resources" / "clinical_rules.toml"
TZ = ZoneInfo("Europe/London")


def day(text: str) -> date:
    """A date from "2026-03-01"."""
    return date.fromisoformat(text)


class Scenario:
    """Builds doses, labs and proposals, and evaluates them with given rules and catalog."""

    def __init__(self, catalog: Catalog, params: RuleParameters) -> None:
        self.catalog = catalog
        self.params = params
        self._ids = itertools.count(1000)

    def _times(self, drug: str, on: date, hour: int, minute: int) -> tuple[datetime, datetime]:
        start = datetime(on.year, on.month, on.day, hour, minute, tzinfo=TZ)
        minutes = self.catalog.get(drug).chair_minutes or 30
        return start, start + timedelta(minutes=minutes)

    def session(
        self,
        drug: str,
        on: str | date,
        *,
        hour: int = 9,
        minute: int = 0,
        session_id: int | None = None,
        course: str | None = None,
        regimen: Regimen | None = None,
    ) -> Dose:
        """A dose booked in this clinic."""
        on = day(on) if isinstance(on, str) else on
        start, end = self._times(drug, on, hour, minute)
        return Dose(
            drug=drug,
            day=on,
            source=DoseSource.SESSION,
            start=start,
            end=end,
            session_id=session_id if session_id is not None else next(self._ids),
            course_id=course,
            regimen=regimen,
        )

    def recorded(
        self,
        drug: str,
        on: str | date,
        *,
        where: str = "City Hospital",
        ongoing: bool = False,
        regimen: Regimen | None = None,
    ) -> Dose:
        """A dose recorded as given elsewhere."""
        on = day(on) if isinstance(on, str) else on
        return Dose(drug, on, DoseSource.RECORDED, where=where, ongoing=ongoing, regimen=regimen)

    def propose(
        self,
        drug: str,
        on: str | date,
        *,
        hour: int = 9,
        minute: int = 0,
        session_id: int | None = None,
        course: str | None = None,
        regimen: Regimen | None = None,
    ) -> ProposedSession:
        """A session being booked."""
        on = day(on) if isinstance(on, str) else on
        start, end = self._times(drug, on, hour, minute)
        return ProposedSession(drug, start, end, on, session_id, course, regimen)

    def evaluate(
        self, proposal: ProposedSession, *doses: Dose, labs: Iterable[LabVisit] = ()
    ) -> Evaluation:
        """The engine's answer for ``proposal`` with these doses and labs in the timeline."""
        timeline = PatientTimeline.of(doses, labs)
        return evaluate(proposal, timeline, self.catalog, self.params)

    @staticmethod
    def findings(evaluation: Evaluation, rule: str) -> list[Finding]:
        """The findings of one rule id."""
        return [f for f in evaluation.findings if f.rule == rule]

    @staticmethod
    def labs(evaluation: Evaluation, rule: str) -> list[LabRequirement]:
        """The lab requirements of one rule id."""
        return [lab for lab in evaluation.labs if lab.rule == rule]

    @staticmethod
    def rule_ids(evaluation: Evaluation) -> set[str]:
        """Every rule id with a finding."""
        return {f.rule for f in evaluation.findings}


@pytest.fixture(scope="session")
def shipped() -> tuple[Catalog, RuleParameters]:
    """The catalog and rule parameters of the shipped rules file."""
    return load_rules_file(RULES_FILE)


@pytest.fixture(scope="session")
def catalog(shipped: tuple[Catalog, RuleParameters]) -> Catalog:
    """The shipped catalog."""
    return shipped[0]


@pytest.fixture(scope="session")
def params(shipped: tuple[Catalog, RuleParameters]) -> RuleParameters:
    """The shipped rule parameters."""
    return shipped[1]


@pytest.fixture(scope="session")
def scenario(catalog: Catalog, params: RuleParameters) -> Scenario:
    """A scenario builder with the shipped catalog and rules."""
    return Scenario(catalog, params)
