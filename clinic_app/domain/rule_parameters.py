"""Rule parameters (docs/clinical-rules.md, sections 3 to 9) as validated, typed data.

Every number, severity, test list and window of the rules lives in the ``[rules]`` part of
``resources/clinical_rules.toml``; nothing here holds a clinical number of its own. Each rule id
has one table; ``RuleParameters.from_mapping`` turns the parsed tables into frozen dataclasses
and refuses a bad file with a ``RuleParametersError`` that names the rule and the key. A clinic's
overrides (kept in the database) have the same shape and are validated the same way.
"""

from __future__ import annotations

import copy
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import date, timedelta
from pathlib import Path
from types import MappingProxyType
from typing import Any, ClassVar

from clinic_app.domain.catalog import Catalog, CatalogError, TherapyClass
from clinic_app.domain.clinic_calendar import LONGEST_PERIOD_DAYS, longer_than_a_century
from clinic_app.domain.findings import Evidence, LabRequirement, LabTiming, Severity
from clinic_app.domain.rule_calendar import Period
from clinic_app.domain.timeline import Regimen

# The rule ids, in the order of docs/clinical-rules.md (also the order of display).
RULE_IDS: tuple[str, ...] = (
    "E1", "E2", "E3", "E4", "E5", "E6", "E7",
    "A3", "A3w", "B2", "B9", "C3", "C2", "C8",
    "D2", "D8", "D9", "D9g", "D6", "D5", "D14",
    "A7", "A9", "B5", "C4", "D13",
    "A6", "B6", "A8", "A9v", "D5p", "R1", "R2", "R3", "R4",
)  # fmt: skip

_PERIOD_UNITS = ("months", "weeks", "days")
# Not a clinical number: a sanity bound so that no setting (a count of days, minutes or doses)
# can push the rules' date arithmetic past what dates can hold. No rule counts past a century.
LARGEST_WHOLE = LONGEST_PERIOD_DAYS


class RuleParametersError(ValueError):
    """The rule parameters are invalid; the message names the rule id and the key."""


class RulesFileError(ValueError):
    """The rules file cannot be used; the message names the file and the problem."""

    def __init__(self, path: Path, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path


# --- value types ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """What identifies a rule to a clinician: its id, title, evidence status and source."""

    rule_id: str
    title: str
    evidence: Evidence
    source: str


@dataclass(frozen=True, slots=True)
class LabBefore:
    """A lab draw due ``from_days`` to ``to_days`` days before a dose (both included)."""

    tests: tuple[str, ...]
    from_days: int
    to_days: int

    def requirement(self, rule: str, dose_day: date, label: str) -> LabRequirement:
        """The requirement for a dose on ``dose_day`` (placed on the latest free slot)."""
        return LabRequirement(
            rule=rule,
            tests=frozenset(self.tests),
            timing=LabTiming.BEFORE,
            due_from=dose_day - timedelta(days=self.from_days),
            due_to=dose_day - timedelta(days=self.to_days),
            label=label,
            results_by=dose_day,
        )

    def describe(self) -> str:
        """Words for the rule settings: "calcium, phosphate: 14 to 1 days before"."""
        return f"{', '.join(self.tests)}: {self.from_days} to {self.to_days} days before"


@dataclass(frozen=True, slots=True)
class LabAfter:
    """A lab draw due from day ``from_days`` to day ``to_days`` after a dose, aimed at
    ``target_days``."""

    tests: tuple[str, ...]
    from_days: int
    to_days: int
    target_days: int

    def requirement(self, rule: str, dose_day: date, label: str) -> LabRequirement:
        """The requirement for a dose on ``dose_day``."""
        return LabRequirement(
            rule=rule,
            tests=frozenset(self.tests),
            timing=LabTiming.AFTER,
            due_from=dose_day + timedelta(days=self.from_days),
            due_to=dose_day + timedelta(days=self.to_days),
            target=dose_day + timedelta(days=self.target_days),
            label=label,
        )

    def describe(self) -> str:
        """Words for the rule settings: "hemoglobin, ferritin: day 28 to 42 after (aim 35)"."""
        return (
            f"{', '.join(self.tests)}: day {self.from_days} to {self.to_days} after "
            f"(aim day {self.target_days})"
        )


@dataclass(frozen=True, slots=True)
class FollowUpDay:
    """One follow-up draw of E6: day ``day`` after the dose, plus or minus ``tolerance``."""

    day: int
    tolerance: int

    def describe(self) -> str:
        """Words for the rule settings: "day 7 ± 2"."""
        return f"day {self.day} ± {self.tolerance}"


# --- per-rule parameters ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RuleParams:
    """Base of every rule's parameters: the rule's identity, then its own settings."""

    info: RuleInfo
    # True for rules whose only effect is lab appointments (AUTO-LAB, docs/clinical-rules.md).
    auto_lab: ClassVar[bool] = False
    # What a rule without a severity does, in the rules file's words (R3: "URGENT alert").
    effect: ClassVar[str] = "-"

    @property
    def severity_text(self) -> str:
        """The rule's severity for display: its severity, "AUTO-LAB", or its effect (E1: "-")."""
        severity = getattr(self, "severity", None)
        if isinstance(severity, Severity):
            return severity.value
        return "AUTO-LAB" if self.auto_lab else self.effect

    def parameter_lines(self) -> tuple[str, ...]:
        """Each setting other than the identity and main severity, as "key: value"."""
        return tuple(
            f"{f.name}: {_describe_value(getattr(self, f.name))}"
            for f in fields(self)
            if f.name not in ("info", "severity")
        )


@dataclass(frozen=True, slots=True)
class ExposureParams(RuleParams):
    """E1: how long each antiresorptive dose keeps a patient exposed.

    ``lookback`` maps catalog codes of injectable antiresorptives to their period; oral
    bisphosphonates count while ongoing or for ``oral_bisphosphonate_stopped`` after they were
    stopped; any antiresorptive dose within ``after`` after the date counts too.
    """

    lookback: Mapping[str, Period]
    oral_bisphosphonate_stopped: Period
    after: Period


@dataclass(frozen=True, slots=True)
class IronWhileExposedParams(RuleParams):
    """E2: IV iron while E1 holds; the irons in ``escalate_for`` get ``escalated_severity``."""

    severity: Severity
    escalated_severity: Severity
    escalate_for: tuple[str, ...]

    def severity_for(self, iron_code: str) -> Severity:
        """The severity for booking this iron while exposed."""
        return self.escalated_severity if iron_code in self.escalate_for else self.severity


@dataclass(frozen=True, slots=True)
class PairWindowParams(RuleParams):
    """E3: an IV iron dose and an antiresorptive dose within ``window`` of each other."""

    severity: Severity
    window: Period


@dataclass(frozen=True, slots=True)
class SeverityParams(RuleParams):
    """A rule with a severity and no numbers (E4)."""

    severity: Severity


@dataclass(frozen=True, slots=True)
class BaselineLabParams(RuleParams):
    """E5: labs before a dose, for every dose the rule selects."""

    auto_lab: ClassVar[bool] = True
    labs: LabBefore


@dataclass(frozen=True, slots=True)
class FollowUpLabParams(RuleParams):
    """E6: follow-up draws after the first iron dose of a course."""

    auto_lab: ClassVar[bool] = True
    tests: tuple[str, ...]
    follow_up: tuple[FollowUpDay, ...]

    def windows(self) -> tuple[tuple[FollowUpDay, LabAfter], ...]:
        """Each follow-up day with its lab window (aimed at the day itself)."""
        return tuple(
            (day, LabAfter(self.tests, day.day - day.tolerance, day.day + day.tolerance, day.day))
            for day in self.follow_up
        )


@dataclass(frozen=True, slots=True)
class AntiresorptiveAfterIronParams(RuleParams):
    """E7: an antiresorptive within ``window`` after an IV iron dose, and its labs."""

    severity: Severity
    window: Period
    before: LabBefore
    after: LabAfter


@dataclass(frozen=True, slots=True)
class ZoledronicIntervalParams(RuleParams):
    """A3: the shortest interval between zoledronic acid doses, per regimen."""

    severity: Severity
    drug: str
    treatment_interval: Period
    prevention_interval: Period

    def interval_for(self, regimen: Regimen | None) -> Period:
        """The minimum interval; a dose without a regimen is on the treatment schedule."""
        if regimen is Regimen.PREVENTION:
            return self.prevention_interval
        return self.treatment_interval


@dataclass(frozen=True, slots=True)
class IntervalBandParams(RuleParams):
    """A3w: a dose from ``warn_from`` (included) to ``warn_until`` (excluded) after the last."""

    severity: Severity
    drug: str
    warn_from: Period
    warn_until: Period


@dataclass(frozen=True, slots=True)
class MinIntervalParams(RuleParams):
    """B2, C3, D2, D8: two doses of ``drug`` closer than ``min_interval``."""

    severity: Severity
    drug: str
    min_interval: Period


@dataclass(frozen=True, slots=True)
class OverlapParams(RuleParams):
    """B9: a dose of one listed drug while a dose of another listed drug is still active."""

    severity: Severity
    active: Mapping[str, Period]


@dataclass(frozen=True, slots=True)
class MaxIntervalParams(RuleParams):
    """C2: a dose of ``drug`` more than ``max_interval`` after the previous one."""

    severity: Severity
    drug: str
    max_interval: Period


@dataclass(frozen=True, slots=True)
class SwitchIntervalParams(RuleParams):
    """C8: ``drug`` booked outside ``min_interval``..``max_interval`` after ``after_drug``."""

    severity: Severity
    drug: str
    after_drug: str
    min_interval: Period
    max_interval: Period


@dataclass(frozen=True, slots=True)
class CourseIntervalParams(RuleParams):
    """D9: doses closer than ``min_interval`` (severity), or further apart than
    ``max_interval`` inside one course (late_severity)."""

    severity: Severity
    late_severity: Severity
    drug: str
    min_interval: Period
    max_interval: Period


@dataclass(frozen=True, slots=True)
class ObservationGapParams(RuleParams):
    """D9g: minutes between the end of a ``drug`` session and another reaction-prone one."""

    severity: Severity
    drug: str
    gap_minutes: int


@dataclass(frozen=True, slots=True)
class DoseCountParams(RuleParams):
    """D6: more than ``max_doses`` of ``drug`` within ``window_days`` calendar days."""

    severity: Severity
    drug: str
    max_doses: int
    window_days: int


@dataclass(frozen=True, slots=True)
class RepeatCourseLabParams(RuleParams):
    """D5: labs before a course of ``drug`` that follows another course within ``lookback``."""

    auto_lab: ClassVar[bool] = True
    drug: str
    lookback: Period
    labs: LabBefore


@dataclass(frozen=True, slots=True)
class DoseLabParams(RuleParams):
    """A7, B5, C4: labs before every dose of ``drug``."""

    auto_lab: ClassVar[bool] = True
    drug: str
    labs: LabBefore


@dataclass(frozen=True, slots=True)
class VitaminDLabParams(RuleParams):
    """A9: ``tests`` before a dose of ``drug`` (in A7's window) when it is the first one here
    or no such lab lies within ``recency`` before it."""

    auto_lab: ClassVar[bool] = True
    drug: str
    tests: tuple[str, ...]
    recency: Period


@dataclass(frozen=True, slots=True)
class CourseEndLabParams(RuleParams):
    """D13: labs after the last dose of an IV iron course."""

    auto_lab: ClassVar[bool] = True
    labs: LabAfter


@dataclass(frozen=True, slots=True)
class RenalParams(RuleParams):
    """A6, B6: ``drug`` with a Cockcroft-Gault creatinine clearance below ``min_crcl_ml_min``."""

    severity: Severity
    drug: str
    min_crcl_ml_min: float


@dataclass(frozen=True, slots=True)
class LowResultParams(RuleParams):
    """A8, A9v, D5p: a dose of one of ``drugs`` with the latest ``test`` below ``below``.

    ``while_exposed_any_iron`` (D5p): any IV iron counts too while E1 holds.
    """

    severity: Severity
    drugs: tuple[str, ...]
    test: str
    below: float
    while_exposed_any_iron: bool = False


@dataclass(frozen=True, slots=True)
class GatingFreshnessParams(RuleParams):
    """R1: at check-in, a gating result older than ``max_age_days[rule]`` days, or missing."""

    severity: Severity
    max_age_days: Mapping[str, int]


@dataclass(frozen=True, slots=True)
class FollowUpLowParams(RuleParams):
    """R2: a low result on a draw of ``draw_rules`` (after IV iron) blocks antiresorptives.

    A result below ``low_below[test]`` raises an alert, and every antiresorptive dose within
    ``block_for`` after the draw gets ``severity`` until a later result of that test is at least
    ``normal_from[test]``.
    """

    severity: Severity
    draw_rules: tuple[str, ...]
    low_below: Mapping[str, float]
    normal_from: Mapping[str, float]
    block_for: Period


@dataclass(frozen=True, slots=True)
class SevereResultParams(RuleParams):
    """R3: a result below ``urgent_below[test]`` is an URGENT alert until acknowledged."""

    effect: ClassVar[str] = "URGENT alert"
    urgent_below: Mapping[str, float]


@dataclass(frozen=True, slots=True)
class ResultsTurnaroundParams(RuleParams):
    """R4 and the results turnaround: a draw's results are due ``turnaround_working_days``
    working days after it; "before" draws are placed so that this fits before the session."""

    severity: Severity
    turnaround_working_days: int


@dataclass(frozen=True, slots=True)
class OpenPoint:
    """An open point for a clinician (docs/clinical-rules.md, section 9), with its rules."""

    text: str
    rules: tuple[str, ...]


# --- reading and validating -------------------------------------------------------------------


class _Table:
    """One rule's table being read: every error names the rule and the key."""

    def __init__(self, rule_id: str, data: object, test_codes: frozenset[str]) -> None:
        if not isinstance(data, Mapping):
            raise RuleParametersError(f"rules.{rule_id}: must be a table of settings")
        self.rule_id = rule_id
        self._data: Mapping[str, object] = data
        self._read: set[str] = set()
        self._test_codes = test_codes

    def fail(self, key: str, problem: str) -> RuleParametersError:
        """An error for ``key`` of this rule."""
        return RuleParametersError(f"rules.{self.rule_id}: {key!r} {problem}")

    def value(self, key: str) -> object:
        """The raw value of ``key``; missing keys are an error."""
        self._read.add(key)
        if key not in self._data:
            raise self.fail(key, "is missing")
        return self._data[key]

    def text(self, key: str) -> str:
        """A non-empty string."""
        value = self.value(key)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(key, f"must be a non-empty text, got {value!r}")
        return value

    def whole(self, key: str, minimum: int) -> int:
        """A whole number from ``minimum`` to LARGEST_WHOLE."""
        value = self.value(key)
        if not _is_whole(value, minimum):
            raise self.fail(
                key, f"must be a whole number >= {minimum} and <= {LARGEST_WHOLE}, got {value!r}"
            )
        assert isinstance(value, int)
        return value

    def number(self, key: str) -> float:
        """A number > 0 (a threshold)."""
        return self._number(key, self.value(key))

    def _number(self, key: str, value: object) -> float:
        if not isinstance(value, int | float) or isinstance(value, bool) or not value > 0:
            raise self.fail(key, f"must be a number > 0, got {value!r}")
        return float(value)

    def test_code(self, key: str) -> str:
        """One test code from section 5."""
        code = self.text(key)
        if code not in self._test_codes:
            known = ", ".join(sorted(self._test_codes))
            raise self.fail(key, f"names unknown test {code!r} (known: {known})")
        return code

    def test_thresholds(self, key: str) -> Mapping[str, float]:
        """A non-empty table of test code = number > 0."""
        value = self.value(key)
        if not isinstance(value, Mapping) or not value:
            raise self.fail(key, "must be a non-empty table of test = number")
        unknown = [t for t in value if t not in self._test_codes]
        if unknown:
            raise self.fail(key, f"names unknown test {unknown[0]!r}")
        return MappingProxyType(
            {str(test): self._number(f"{key}.{test}", v) for test, v in value.items()}
        )

    def flag(self, key: str) -> bool:
        """true or false."""
        value = self.value(key)
        if not isinstance(value, bool):
            raise self.fail(key, f"must be true or false, got {value!r}")
        return value

    def severity(self, key: str = "severity") -> Severity:
        """One of HARD, BLOCK, WARN, INFO."""
        value = self.value(key)
        allowed = [s.value for s in Severity]
        if value not in allowed:
            raise self.fail(key, f"must be one of {', '.join(allowed)}, got {value!r}")
        return Severity(str(value))

    def codes(self, key: str) -> tuple[str, ...]:
        """A list of distinct non-empty strings (may be empty)."""
        value = self.value(key)
        if (
            not isinstance(value, list)
            or not all(isinstance(v, str) and v for v in value)
            or len(set(value)) != len(value)
        ):
            raise self.fail(key, f"must be a list of distinct codes, got {value!r}")
        return tuple(value)

    def tests(self, key: str) -> tuple[str, ...]:
        """A non-empty list of test codes (docs/clinical-rules.md, section 8)."""
        tests = self.codes(key)
        if not tests:
            raise self.fail(key, "must name at least one test")
        unknown = [t for t in tests if t not in self._test_codes]
        if unknown:
            known = ", ".join(sorted(self._test_codes))
            raise self.fail(key, f"names unknown test {unknown[0]!r} (known: {known})")
        return tests

    def period(self, key: str) -> Period:
        """A table of months, weeks and days."""
        return self._period(key, self.value(key))

    def periods(self, key: str) -> Mapping[str, Period]:
        """A non-empty table of named periods (code = { months = ... })."""
        value = self.value(key)
        if not isinstance(value, Mapping) or not value:
            raise self.fail(key, "must be a non-empty table of code = { months, weeks, days }")
        return MappingProxyType(
            {str(name): self._period(f"{key}.{name}", entry) for name, entry in value.items()}
        )

    def _period(self, key: str, value: object) -> Period:
        problem = (
            "must be a table of months, weeks and days "
            "(whole numbers >= 0, not all 0, at most a century in all)"
        )
        if not isinstance(value, Mapping) or not value:
            raise self.fail(key, f"{problem}, got {value!r}")
        unknown = [unit for unit in value if unit not in _PERIOD_UNITS]
        if unknown or not all(_is_whole(v, 0) for v in value.values()):
            raise self.fail(key, f"{problem}, got {dict(value)!r}")
        period = Period(**{str(unit): int(count) for unit, count in value.items()})
        if period == Period():
            raise self.fail(key, f"{problem}, got {dict(value)!r}")
        if longer_than_a_century(months=period.months, weeks=period.weeks, days=period.days):
            raise self.fail(key, f"{problem}, got {dict(value)!r}")
        return period

    def info(self) -> RuleInfo:
        """The rule's title, evidence status and source."""
        title, source = self.text("title"), self.text("source")
        evidence = self.value("evidence")
        allowed = [e.value for e in Evidence]
        if evidence not in allowed:
            raise self.fail("evidence", f"must be one of {', '.join(allowed)}, got {evidence!r}")
        return RuleInfo(self.rule_id, title, Evidence(str(evidence)), source)

    def before(self, tests: str, from_days: str, to_days: str) -> LabBefore:
        """A "from .. to .. days before" lab window."""
        window = LabBefore(self.tests(tests), self.whole(from_days, 0), self.whole(to_days, 0))
        if window.from_days < window.to_days:
            raise self.fail(from_days, f"must be >= {to_days!r} (a window runs forward in time)")
        return window

    def after(self, tests: str, from_days: str, to_days: str) -> LabAfter:
        """A "day .. to day .. after" lab window, aimed at its middle day."""
        first, last = self.whole(from_days, 0), self.whole(to_days, 0)
        if last < first:
            raise self.fail(to_days, f"must be >= {from_days!r} (a window runs forward in time)")
        # The file gives no preferred day for these windows: aim at the middle.
        return LabAfter(self.tests(tests), first, last, (first + last) // 2)

    def finish(self) -> None:
        """Refuse keys nobody read (a misspelt key would otherwise be silently ignored)."""
        unknown = sorted(set(self._data) - self._read)
        if unknown:
            raise self.fail(unknown[0], "is not a setting of this rule")


def _is_whole(value: object, minimum: int) -> bool:
    # bool is an int in Python; true/false in the file is never a count.
    return (
        isinstance(value, int) and not isinstance(value, bool) and minimum <= value <= LARGEST_WHOLE
    )


def _read_e6(t: _Table) -> FollowUpLabParams:
    info, tests = t.info(), t.tests("tests")
    days, tolerances = t.value("follow_up_days"), t.value("follow_up_tolerance_days")
    if not isinstance(days, list) or not days or not all(_is_whole(d, 1) for d in days):
        raise t.fail(
            "follow_up_days",
            f"must be a non-empty list of days >= 1 and <= {LARGEST_WHOLE}, got {days!r}",
        )
    if not isinstance(tolerances, list) or not all(_is_whole(d, 0) for d in tolerances):
        raise t.fail(
            "follow_up_tolerance_days",
            f"must be a list of days >= 0 and <= {LARGEST_WHOLE}, got {tolerances!r}",
        )
    if len(tolerances) != len(days):
        raise t.fail(
            "follow_up_tolerance_days",
            f"must have one entry per follow-up day ({len(days)}), got {len(tolerances)}",
        )
    follow_up = tuple(FollowUpDay(d, tol) for d, tol in zip(days, tolerances, strict=True))
    for entry in follow_up:
        if entry.tolerance >= entry.day:
            raise t.fail(
                "follow_up_tolerance_days",
                f"± {entry.tolerance} around day {entry.day} reaches the dose day itself",
            )
    return FollowUpLabParams(info, tests, follow_up)


def _read_open_points(value: object) -> tuple[OpenPoint, ...]:
    if not isinstance(value, list):
        raise RuleParametersError("rules.open_points: must be a list of tables")
    points = []
    for index, entry in enumerate(value, start=1):
        where = f"rules.open_points[{index}]"
        if not isinstance(entry, Mapping):
            raise RuleParametersError(f"{where}: must be a table with 'text' and 'rules'")
        text, rules = entry.get("text"), entry.get("rules", [])
        if not isinstance(text, str) or not text.strip():
            raise RuleParametersError(f"{where}: 'text' must be a non-empty text")
        if not isinstance(rules, list) or not all(r in RULE_IDS for r in rules):
            raise RuleParametersError(f"{where}: 'rules' must be a list of rule ids, got {rules!r}")
        if set(entry) - {"text", "rules"}:
            extra = sorted(set(entry) - {"text", "rules"})[0]
            raise RuleParametersError(f"{where}: {extra!r} is not a setting of an open point")
        points.append(OpenPoint(text, tuple(rules)))
    return tuple(points)


def _gating_ages(t: _Table) -> Mapping[str, int]:
    """R1's ``max_age_days``: a whole number of days per gating rule (A6, B6, A8, D5p)."""
    value = t.value("max_age_days")
    gating = ("A6", "B6", "A8", "D5p")
    if not isinstance(value, Mapping) or set(value) != set(gating):
        raise t.fail("max_age_days", f"must give days for each of {', '.join(gating)}")
    for rule_id, days in value.items():
        if not _is_whole(days, 1):
            raise t.fail(f"max_age_days.{rule_id}", f"must be a whole number >= 1, got {days!r}")
    return MappingProxyType({str(k): int(v) for k, v in value.items()})


def _read_test_units(value: object, test_codes: frozenset[str]) -> Mapping[str, str]:
    """Section 7: one SI unit per test code, for every test code."""
    if not isinstance(value, Mapping) or set(value) != set(test_codes):
        raise RuleParametersError("rules: 'test_units' must give a unit for every test code")
    if not all(isinstance(unit, str) and unit.strip() for unit in value.values()):
        raise RuleParametersError("rules: 'test_units' must map each test to a unit text")
    return MappingProxyType({str(k): str(v) for k, v in value.items()})


def _read_test_codes(value: object) -> frozenset[str]:
    if (
        not isinstance(value, list)
        or not value
        or not all(isinstance(v, str) and v for v in value)
        or len(set(value)) != len(value)
    ):
        raise RuleParametersError(
            f"rules: 'test_codes' must be a non-empty list of distinct codes, got {value!r}"
        )
    return frozenset(value)


def _merge_table(base: Mapping[str, Any], override: Mapping[str, Any]) -> dict[str, Any]:
    """``override`` over ``base``: keys replace keys, except that a table of named tables
    (E1.lookback, B9.active) is merged entry by entry. A period table is replaced whole, so
    { months = 3 } over { weeks = 12 } is 3 months, not 3 months + 12 weeks."""
    merged = copy.deepcopy(dict(base))
    for key, value in override.items():
        current = merged.get(key)
        if (
            isinstance(current, Mapping)
            and isinstance(value, Mapping)
            and all(isinstance(entry, Mapping) for entry in current.values())
        ):
            merged[key] = {**current, **copy.deepcopy(dict(value))}
        else:
            merged[key] = copy.deepcopy(value)
    return merged


# --- all parameters ---------------------------------------------------------------------------


@dataclass(frozen=True)
class RuleParameters:
    """Every rule's parameters, one attribute per rule id (lower case: ``e6``, ``a3w``).

    ``overridden`` names the rules a clinic changed; ``source_data`` keeps the validated
    mapping so that overrides can be merged over it.
    """

    test_codes: frozenset[str]
    e1: ExposureParams
    e2: IronWhileExposedParams
    e3: PairWindowParams
    e4: SeverityParams
    e5: BaselineLabParams
    e6: FollowUpLabParams
    e7: AntiresorptiveAfterIronParams
    a3: ZoledronicIntervalParams
    a3w: IntervalBandParams
    b2: MinIntervalParams
    b9: OverlapParams
    c3: MinIntervalParams
    c2: MaxIntervalParams
    c8: SwitchIntervalParams
    d2: MinIntervalParams
    d8: MinIntervalParams
    d9: CourseIntervalParams
    d9g: ObservationGapParams
    d6: DoseCountParams
    d5: RepeatCourseLabParams
    d14: SeverityParams
    a7: DoseLabParams
    a9: VitaminDLabParams
    b5: DoseLabParams
    c4: DoseLabParams
    d13: CourseEndLabParams
    a6: RenalParams
    b6: RenalParams
    a8: LowResultParams
    a9v: LowResultParams
    d5p: LowResultParams
    r1: GatingFreshnessParams
    r2: FollowUpLowParams
    r3: SevereResultParams
    r4: ResultsTurnaroundParams
    # Section 7: the SI unit each test's results are recorded in.
    test_units: Mapping[str, str] = field(default_factory=dict)
    open_points: tuple[OpenPoint, ...] = ()
    overridden: frozenset[str] = frozenset()
    source_data: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> RuleParameters:
        """Build and validate the parameters from the parsed ``[rules]`` part of the file."""
        if not isinstance(data, Mapping):
            raise RuleParametersError("rules: must be a table")
        test_codes = _read_test_codes(data.get("test_codes"))
        tables: list[_Table] = []

        def table(rule_id: str) -> _Table:
            if rule_id not in data:
                raise RuleParametersError(f"rules.{rule_id}: the table is missing")
            tables.append(_Table(rule_id, data[rule_id], test_codes))
            return tables[-1]

        def min_interval(rule_id: str) -> MinIntervalParams:
            t = table(rule_id)
            return MinIntervalParams(
                t.info(), t.severity(), t.text("drug"), t.period("min_interval")
            )

        def dose_labs(rule_id: str) -> DoseLabParams:
            t = table(rule_id)
            return DoseLabParams(
                t.info(),
                t.text("drug"),
                t.before("tests", "from_days_before", "to_days_before"),
            )

        t = table("E1")
        e1 = ExposureParams(
            t.info(),
            t.periods("lookback"),
            t.period("oral_bisphosphonate_stopped"),
            t.period("after"),
        )
        t = table("E2")
        e2 = IronWhileExposedParams(
            t.info(), t.severity(), t.severity("escalated_severity"), t.codes("escalate_for")
        )
        t = table("E3")
        e3 = PairWindowParams(t.info(), t.severity(), t.period("window"))
        t = table("E4")
        e4 = SeverityParams(t.info(), t.severity())
        t = table("E5")
        e5 = BaselineLabParams(t.info(), t.before("tests", "from_days_before", "to_days_before"))
        e6 = _read_e6(table("E6"))
        t = table("E7")
        e7 = AntiresorptiveAfterIronParams(
            t.info(),
            t.severity(),
            t.period("window"),
            t.before("before_tests", "before_from_days", "before_to_days"),
            t.after("after_tests", "after_from_days", "after_to_days"),
        )
        t = table("A3")
        a3 = ZoledronicIntervalParams(
            t.info(),
            t.severity(),
            t.text("drug"),
            t.period("treatment_interval"),
            t.period("prevention_interval"),
        )
        t = table("A3w")
        a3w = IntervalBandParams(
            t.info(), t.severity(), t.text("drug"), t.period("warn_from"), t.period("warn_until")
        )
        b2 = min_interval("B2")
        t = table("B9")
        b9 = OverlapParams(t.info(), t.severity(), t.periods("active"))
        if len(b9.active) < 2:
            raise t.fail("active", "must list at least two drugs")
        c3 = min_interval("C3")
        t = table("C2")
        c2 = MaxIntervalParams(t.info(), t.severity(), t.text("drug"), t.period("max_interval"))
        t = table("C8")
        c8 = SwitchIntervalParams(
            t.info(),
            t.severity(),
            t.text("drug"),
            t.text("after_drug"),
            t.period("min_interval"),
            t.period("max_interval"),
        )
        d2 = min_interval("D2")
        d8 = min_interval("D8")
        t = table("D9")
        d9 = CourseIntervalParams(
            t.info(),
            t.severity(),
            t.severity("late_severity"),
            t.text("drug"),
            t.period("min_interval"),
            t.period("max_interval"),
        )
        t = table("D9g")
        d9g = ObservationGapParams(
            t.info(), t.severity(), t.text("drug"), t.whole("gap_minutes", 1)
        )
        t = table("D6")
        d6 = DoseCountParams(
            t.info(),
            t.severity(),
            t.text("drug"),
            t.whole("max_doses", 1),
            t.whole("window_days", 1),
        )
        t = table("D5")
        d5 = RepeatCourseLabParams(
            t.info(),
            t.text("drug"),
            t.period("lookback"),
            t.before("tests", "from_days_before", "to_days_before"),
        )
        a7 = dose_labs("A7")
        t = table("A9")
        a9 = VitaminDLabParams(t.info(), t.text("drug"), t.tests("tests"), t.period("recency"))
        b5 = dose_labs("B5")
        c4 = dose_labs("C4")
        t = table("D13")
        d13 = CourseEndLabParams(t.info(), t.after("tests", "from_days_after", "to_days_after"))
        t = table("D14")
        d14 = SeverityParams(t.info(), t.severity())

        def renal(rule_id: str) -> RenalParams:
            t = table(rule_id)
            return RenalParams(t.info(), t.severity(), t.text("drug"), t.number("min_crcl_ml_min"))

        def low_result(rule_id: str, *, any_iron: bool = False) -> LowResultParams:
            t = table(rule_id)
            return LowResultParams(
                t.info(),
                t.severity(),
                t.codes("drugs"),
                t.test_code("test"),
                t.number("below"),
                t.flag("while_exposed_any_iron") if any_iron else False,
            )

        a6, b6 = renal("A6"), renal("B6")
        a8, a9v, d5p = low_result("A8"), low_result("A9v"), low_result("D5p", any_iron=True)
        t = table("R1")
        r1 = GatingFreshnessParams(t.info(), t.severity(), _gating_ages(t))
        t = table("R2")
        r2 = FollowUpLowParams(
            t.info(),
            t.severity(),
            t.codes("draw_rules"),
            t.test_thresholds("low_below"),
            t.test_thresholds("normal_from"),
            t.period("block_for"),
        )
        if set(r2.normal_from) != set(r2.low_below):
            raise t.fail("normal_from", "must name the same tests as 'low_below'")
        t = table("R3")
        r3 = SevereResultParams(t.info(), t.test_thresholds("urgent_below"))
        t = table("R4")
        r4 = ResultsTurnaroundParams(t.info(), t.severity(), t.whole("turnaround_working_days", 0))
        for read in tables:
            read.finish()

        test_units = _read_test_units(data.get("test_units"), test_codes)
        unknown = sorted(set(data) - {"test_codes", "test_units", "open_points", *RULE_IDS})
        if unknown:
            raise RuleParametersError(f"rules: {unknown[0]!r} is not a rule id or a setting")
        return cls(
            test_codes=test_codes,
            e1=e1, e2=e2, e3=e3, e4=e4, e5=e5, e6=e6, e7=e7,
            a3=a3, a3w=a3w, b2=b2, b9=b9, c3=c3, c2=c2, c8=c8,
            d2=d2, d8=d8, d9=d9, d9g=d9g, d6=d6, d5=d5, d14=d14,
            a7=a7, a9=a9, b5=b5, c4=c4, d13=d13,
            a6=a6, b6=b6, a8=a8, a9v=a9v, d5p=d5p, r1=r1, r2=r2, r3=r3, r4=r4,
            test_units=test_units,
            open_points=_read_open_points(data.get("open_points", [])),
            source_data=MappingProxyType(copy.deepcopy(dict(data))),
        )  # fmt: skip

    def with_overrides(self, overrides: Mapping[str, Any]) -> RuleParameters:
        """These parameters with a clinic's overrides merged over them, validated again.

        ``overrides`` has the shape of the ``[rules]`` part: ``{"E6": {"follow_up_days": [...]},
        ...}``. Keys replace keys; the named tables of E1.lookback and B9.active merge entry by
        entry. Only rule tables can be overridden.
        """
        if not isinstance(overrides, Mapping):
            raise RuleParametersError("rules: overrides must be a table of rule ids")
        merged = dict(self.source_data)
        changed = set(self.overridden)
        for rule_id, table in overrides.items():
            if rule_id not in RULE_IDS:
                raise RuleParametersError(f"rules.{rule_id}: no such rule to override")
            if not isinstance(table, Mapping):
                raise RuleParametersError(f"rules.{rule_id}: an override must be a table")
            new_table = _merge_table(merged[rule_id], table)
            if new_table != merged[rule_id]:
                changed.add(rule_id)
            merged[rule_id] = new_table
        return replace(RuleParameters.from_mapping(merged), overridden=frozenset(changed))

    def rule(self, rule_id: str) -> RuleParams:
        """The parameters of one rule id; KeyError for an unknown id."""
        if rule_id not in RULE_IDS:
            raise KeyError(rule_id)
        params: RuleParams = getattr(self, rule_id.lower())
        return params

    def rules(self) -> tuple[RuleParams, ...]:
        """Every rule's parameters, in RULE_IDS order."""
        return tuple(self.rule(rule_id) for rule_id in RULE_IDS)

    def check_against(self, catalog: Catalog) -> None:
        """Refuse drug codes the catalog does not know, and an injectable antiresorptive
        without an E1 exposure period (it would silently never count)."""
        for params in self.rules():
            for name in ("drug", "after_drug"):
                code = getattr(params, name, None)
                if code is not None and code not in catalog:
                    raise RuleParametersError(
                        f"rules.{params.info.rule_id}: {name!r} is {code!r}, "
                        "which is not a catalog code"
                    )
        for params in (self.a8, self.a9v, self.d5p):
            for code in params.drugs:
                if code not in catalog:
                    raise RuleParametersError(
                        f"rules.{params.info.rule_id}: 'drugs' names {code!r}, "
                        "which is not a catalog code"
                    )
        for code in self.e2.escalate_for:
            if code not in catalog or not catalog.get(code).is_iron:
                raise RuleParametersError(
                    f"rules.E2: 'escalate_for' names {code!r}, which is not an IV iron code"
                )
        named_codes = (("E1", "lookback", self.e1.lookback), ("B9", "active", self.b9.active))
        for rule_id, key, codes in named_codes:
            for code in codes:
                if code not in catalog or not catalog.get(code).is_antiresorptive:
                    raise RuleParametersError(
                        f"rules.{rule_id}: {key!r} names {code!r}, "
                        "which is not an antiresorptive catalog code"
                    )
        for therapy in catalog:
            oral = therapy.therapy_class is TherapyClass.ORAL_BISPHOSPHONATE
            if therapy.is_antiresorptive and not oral and therapy.code not in self.e1.lookback:
                raise RuleParametersError(
                    f"rules.E1: 'lookback' has no period for antiresorptive {therapy.code!r}"
                )


# --- display ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RuleDescription:
    """One rule as the rule settings show it."""

    rule_id: str
    title: str
    severity: str
    evidence: Evidence
    source: str
    parameters: tuple[str, ...]
    overridden: bool = False

    @property
    def evidence_text(self) -> str:
        """The evidence status in words: "L (drug label / SmPC)"."""
        return f"{self.evidence.value} ({self.evidence.description})"

    def as_text(self) -> str:
        """Several lines of plain text for a tooltip or an export."""
        changed = " [changed for this clinic]" if self.overridden else ""
        lines = [
            f"{self.rule_id} {self.title} - {self.severity}{changed}",
            f"evidence: {self.evidence_text}",
            f"source: {self.source}",
            *self.parameters,
        ]
        return "\n".join(lines)


def describe_rules(params: RuleParameters) -> tuple[RuleDescription, ...]:
    """Every rule with its settings in words, in RULE_IDS order."""
    return tuple(
        RuleDescription(
            rule_id=rule.info.rule_id,
            title=rule.info.title,
            severity=rule.severity_text,
            evidence=rule.info.evidence,
            source=rule.info.source,
            parameters=rule.parameter_lines(),
            overridden=rule.info.rule_id in params.overridden,
        )
        for rule in params.rules()
    )


def _describe_value(value: object) -> str:
    if isinstance(value, Period | LabBefore | LabAfter | FollowUpDay):
        return value.describe()
    if isinstance(value, Severity):
        return value.value
    if isinstance(value, Mapping):
        return "; ".join(f"{name} {_describe_value(v)}" for name, v in value.items())
    if isinstance(value, tuple):
        return ", ".join(_describe_value(v) for v in value) if value else "(none)"
    return str(value)


# --- the file ---------------------------------------------------------------------------------


def load_rules_file(path: Path | str) -> tuple[Catalog, RuleParameters]:
    """Read the catalog and the rule parameters from a rules file (TOML).

    Raises RulesFileError naming the file for an unreadable file, bad TOML, or bad data.
    """
    path = Path(path)
    try:
        with path.open("rb") as stream:
            data = tomllib.load(stream)
    except OSError as exc:
        raise RulesFileError(path, f"cannot be read ({exc.strerror or exc})") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise RulesFileError(path, f"is not valid TOML ({exc})") from exc
    for part in ("catalog", "rules"):
        if not isinstance(data.get(part), dict):
            raise RulesFileError(path, f"has no [{part}] table")
    try:
        catalog = Catalog.from_mapping(data["catalog"])
        params = RuleParameters.from_mapping(data["rules"])
        params.check_against(catalog)
    except (CatalogError, RuleParametersError) as exc:
        raise RulesFileError(path, str(exc)) from exc
    return catalog, params
