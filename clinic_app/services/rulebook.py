"""The clinical rules as the services use them: shipped defaults plus per-clinic changes."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from clinic_app.domain.catalog import Catalog
from clinic_app.domain.errors import InvalidInputError
from clinic_app.domain.findings import Evaluation
from clinic_app.domain.rule_parameters import (
    RuleParameters,
    RuleParametersError,
    load_rules_file,
)
from clinic_app.domain.rule_reach import rule_reach
from clinic_app.domain.rules import evaluate
from clinic_app.domain.timeline import PatientTimeline, ProposedSession
from clinic_app.persistence.models import RuleSettingRow

_RULE_SETTINGS = select(RuleSettingRow).order_by(RuleSettingRow.rule_id)


class RuleBook:
    """Evaluates proposals with the clinic's current rule parameters."""

    def __init__(self, catalog: Catalog, defaults: RuleParameters) -> None:
        self.catalog = catalog
        self.defaults = defaults
        self._cache: tuple[tuple[tuple[str, str], ...], RuleParameters] | None = None
        self._reach: tuple[RuleParameters, timedelta] | None = None

    @classmethod
    def from_file(cls, path: Path) -> RuleBook:
        """Load and validate the shipped rules file."""
        catalog, params = load_rules_file(path)
        return cls(catalog, params)

    def params(self, session: Session) -> RuleParameters:
        """The defaults with this clinic's stored changes applied."""
        rows = tuple((r.rule_id, r.value_json) for r in session.scalars(_RULE_SETTINGS))
        if not rows:
            return self.defaults
        if self._cache is not None and self._cache[0] == rows:
            return self._cache[1]
        overrides = {rule_id: json.loads(value) for rule_id, value in rows}
        try:
            params = self.defaults.with_overrides(overrides)
        except RuleParametersError as error:
            # Stored before a check existed (e.g. a period beyond a century): say what to do.
            raise InvalidInputError(
                "rule",
                f"a stored rule setting is no longer valid ({error}); an administrator "
                "resets it with 'clinic-app rules reset RULE'",
            ) from None
        self._cache = (rows, params)
        return params

    def reach(self, params: RuleParameters) -> timedelta:
        """How far the rules look from a dose with ``params`` (see ``domain.rule_reach``)."""
        if self._reach is None or self._reach[0] is not params:
            self._reach = (params, rule_reach(params))
        return self._reach[1]

    def evaluate(
        self, proposal: ProposedSession, timeline: PatientTimeline, params: RuleParameters
    ) -> Evaluation:
        """Run the rule engine (pure) on one proposal."""
        return evaluate(proposal, timeline, self.catalog, params)
