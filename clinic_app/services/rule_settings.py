"""Per-clinic changes to the shipped rule defaults: administrators only, validated, audited.

A change is stored as a fragment of the rule's table (same shape as the rules file) and
validated together with every other stored change before it is saved. Future sessions are
re-checked in the same transaction, so the findings shown everywhere follow the new setting.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from clinic_app.domain.errors import InvalidInputError
from clinic_app.domain.rule_parameters import (
    OpenPoint,
    RuleDescription,
    RuleParametersError,
    describe_rules,
)
from clinic_app.persistence import repositories as repo
from clinic_app.persistence.models import RuleSettingRow, SessionRow
from clinic_app.services.actor import Actor, Permission
from clinic_app.services.authorization import authorize
from clinic_app.services.context import ServiceContext
from clinic_app.services.recheck import recheck_patient
from clinic_app.services.rulebook import RuleBook


@dataclass(frozen=True, slots=True)
class RuleSettings:
    """Every rule as the clinic runs it, and the open points for a clinician."""

    rules: tuple[RuleDescription, ...]
    open_points: tuple[OpenPoint, ...]


# A rule's whole table is a few hundred characters and nests three levels deep
# (``lookback = { denosumab = { months = 6 } }``); anything far beyond is not a rule change.
MAX_CHANGE_CHARS = 10_000
MAX_CHANGE_DEPTH = 8
_CHANGE_EXAMPLE = '{"window": {"weeks": 16}}'


def _text_depth(text: str) -> int:
    """How deep the brackets of JSON text nest (ignoring brackets inside strings).

    Measured on the text before parsing: the standard parser recurses once per level, so a
    deep enough document would overflow the stack instead of failing cleanly.
    """
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


def _value_depth(value: object) -> int:
    """How deep mappings and lists nest in ``value`` (without recursion)."""
    deepest = 0
    pending: list[tuple[object, int]] = [(value, 0)]
    while pending:
        item, depth = pending.pop()
        if isinstance(item, Mapping):
            children: list[object] = list(item.values())
        elif isinstance(item, list | tuple):
            children = list(item)
        else:
            continue
        deepest = max(deepest, depth + 1)
        if deepest > MAX_CHANGE_DEPTH:
            return deepest
        pending.extend((child, depth + 1) for child in children)
    return deepest


def parse_change(text: str) -> dict[str, Any]:
    """The keys to change from JSON text, e.g. ``{"window": {"weeks": 16}}``.

    Text longer than MAX_CHANGE_CHARS or nested deeper than MAX_CHANGE_DEPTH is refused before
    it is parsed; so are numbers Python will not read (more than 4,300 digits).
    """
    if len(text) > MAX_CHANGE_CHARS:
        raise InvalidInputError("change", f"is longer than {MAX_CHANGE_CHARS} characters")
    if _text_depth(text) > MAX_CHANGE_DEPTH:
        raise InvalidInputError("change", f"nests deeper than {MAX_CHANGE_DEPTH} levels")
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        raise InvalidInputError("change", f"not JSON: {error.msg}") from None
    except ValueError as error:  # a number too long to convert
        raise InvalidInputError("change", f"not usable JSON: {error}") from None
    if not isinstance(value, dict):
        raise InvalidInputError("change", f"must be a JSON object, e.g. {_CHANGE_EXAMPLE}")
    return value


def _check_change(change: object) -> Mapping[str, Any]:
    """A change as a bounded mapping of keys (it becomes stored JSON text)."""
    if not isinstance(change, Mapping) or not change:
        raise InvalidInputError("change", f"give the keys to change, e.g. {_CHANGE_EXAMPLE}")
    if _value_depth(change) > MAX_CHANGE_DEPTH:
        raise InvalidInputError("change", f"nests deeper than {MAX_CHANGE_DEPTH} levels")
    try:
        text = json.dumps(change)
    except (TypeError, ValueError) as error:
        raise InvalidInputError("change", f"not expressible as JSON: {error}") from None
    if len(text) > MAX_CHANGE_CHARS:
        raise InvalidInputError("change", f"is longer than {MAX_CHANGE_CHARS} characters")
    return change


def _merge(base: Mapping[str, Any], change: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in change.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), Mapping):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


class RuleSettingsService:
    """Shows the rules with their sources; lets an administrator change a clinic's numbers."""

    def __init__(self, ctx: ServiceContext, rules: RuleBook) -> None:
        self._ctx = ctx
        self._rules = rules

    def current(self, actor: Actor) -> RuleSettings:
        """The rules in force here, marked where the clinic changed the shipped default."""
        authorize(self._ctx, actor, Permission.VIEW, "rule_settings")
        with self._ctx.db.read() as uow:
            params = self._rules.params(uow.session)
        return RuleSettings(describe_rules(params), params.open_points)

    def change(
        self, actor: Actor, rule_id: str, change: Mapping[str, Any] | str
    ) -> RuleDescription:
        """Merge ``change`` (a mapping, or its JSON text) into the rule's stored fragment,
        validate, save, re-check."""
        authorize(self._ctx, actor, Permission.ADMINISTER, "change_rule")
        rule = (rule_id or "").strip()
        if not rule:
            raise InvalidInputError("rule", "give a rule id, e.g. E3")
        change = _check_change(parse_change(change) if isinstance(change, str) else change)
        with self._ctx.db.write(actor.username) as uow:
            s = uow.session
            rows = {r.rule_id: r for r in s.scalars(select(RuleSettingRow))}
            fragments = {k: json.loads(r.value_json) for k, r in rows.items()}
            before = fragments.get(rule)
            fragments[rule] = _merge(before or {}, change)
            self._validate(fragments)
            text = json.dumps(fragments[rule], sort_keys=True)
            now = self._ctx.clock()
            if rule in rows:
                rows[rule].value_json = text
                rows[rule].changed_by = actor.username
                rows[rule].changed_at = now
            else:
                s.add(
                    RuleSettingRow(
                        rule_id=rule, value_json=text, changed_by=actor.username, changed_at=now
                    )
                )
            s.flush()
            repo.audit(
                s,
                at=now,
                actor=actor.username,
                action="rule-change",
                entity="rule",
                entity_id=None,
                patient_id=None,
                before={"rule": rule, "value": before},
                after={"rule": rule, "value": fragments[rule]},
            )
            self._recheck_future(s, actor)
            description = next(
                d for d in describe_rules(self._rules.params(s)) if d.rule_id == rule
            )
            uow.commit()
        return description

    def reset(self, actor: Actor, rule_id: str) -> None:
        """Back to the shipped default for one rule."""
        authorize(self._ctx, actor, Permission.ADMINISTER, "reset_rule")
        with self._ctx.db.write(actor.username) as uow:
            s = uow.session
            row = s.get(RuleSettingRow, rule_id)
            if row is None:
                raise InvalidInputError("rule", f"{rule_id} has no clinic change to reset")
            before = json.loads(row.value_json)
            s.delete(row)
            s.flush()
            repo.audit(
                s,
                at=self._ctx.clock(),
                actor=actor.username,
                action="rule-reset",
                entity="rule",
                entity_id=None,
                patient_id=None,
                before={"rule": rule_id, "value": before},
            )
            self._recheck_future(s, actor)
            uow.commit()

    def _validate(self, fragments: Mapping[str, Any]) -> None:
        try:
            params = self._rules.defaults.with_overrides(fragments)
            params.check_against(self._rules.catalog)
        except RuleParametersError as error:
            raise InvalidInputError("rule", str(error)) from None

    def _recheck_future(self, s: Session, actor: Actor) -> None:
        now = self._ctx.clock()
        calendar = repo.load_calendar(s)
        patient_ids = s.scalars(
            select(SessionRow.patient_id)
            .distinct()
            .where(
                repo.active(SessionRow),
                # Bounded below (an index range on start_utc), not a scan of the history.
                SessionRow.start_utc >= now - repo.longest(s, SessionRow),
                SessionRow.end_utc >= now,
            )
        ).all()
        for patient_id in sorted(patient_ids):
            patient = repo.patient_by_id(s, patient_id, lock=True)
            recheck_patient(s, self._ctx, self._rules, actor, patient, calendar, now)
