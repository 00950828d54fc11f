"""Lab results, body weights and the Cockcroft-Gault creatinine clearance (rules file, section 7).

Pure: results come in as values, findings and estimates go out. Results are kept in the SI unit
the rules file gives for each test (``test_units``); a result in another unit is refused here,
never converted. The clearance uses actual body weight, the latest creatinine and weight on or
before the day asked about, and the patient's age on the creatinine's draw day.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime

from dateutil.relativedelta import relativedelta

# Cockcroft-Gault (Cockcroft DW, Gault MH, Nephron 1976;16:31-41): CrCl in mL/min =
# (140 - age in years) x weight in kg / (72 x serum creatinine in mg/dL), x 0.85 for women.
# These constants define the published equation itself; they are not clinic settings.
CG_AGE_BASE = 140
CG_DIVISOR = 72
CG_FEMALE_FACTOR = 0.85
# Creatinine: 1 mg/dL = 88.42 umol/L (molar mass 113.12 g/mol).
CREATININE_UMOL_PER_MG_DL = 88.42


class UnitError(ValueError):
    """A result's unit is not the one the rules file stores that test in."""


def _unit_key(unit: str) -> str:
    # Micro is written u, the micro sign or the Greek mu; case does not matter (mmol/L, mmol/l).
    return unit.strip().replace("\u00b5", "u").replace("\u03bc", "u").casefold()


def check_unit(test: str, unit: str, units: Mapping[str, str]) -> str:
    """The stored spelling of ``unit`` for ``test``; UnitError when it is another unit.

    Spellings of the same unit (umol/L, µmol/L, μmol/l) are accepted; a different unit (mg/dL)
    is refused with the unit the test is recorded in.
    """
    expected = units.get(test)
    if expected is None:
        raise UnitError(f"{test!r} has no unit in the rules file")
    if _unit_key(unit) != _unit_key(expected):
        raise UnitError(f"{test} is recorded in {expected} (SI), got {unit.strip()!r}")
    return expected


def check_value(value: float) -> float:
    """A measured value: a finite number >= 0."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"must be a number, got {value!r}")
    if not math.isfinite(value) or value < 0:
        raise ValueError(f"must be a number >= 0, got {value!r}")
    return float(value)


@dataclass(frozen=True, slots=True)
class LabResult:
    """One recorded result: ``test`` code, ``value`` in ``unit``, drawn on ``day``.

    ``draw_rules`` are the rule ids the draw served when the result was recorded (E6 and E7
    draws are follow-ups after IV iron, for R2).
    """

    test: str
    value: float
    unit: str
    day: date
    drawn_at: datetime | None = None
    lab_id: int | None = None
    result_id: int | None = None
    draw_rules: frozenset[str] = frozenset()

    def describe(self) -> str:
        """ "phosphate 0.61 mmol/L drawn 2026-12-08"."""
        return f"{self.test} {self.value:g} {self.unit} drawn {self.day.isoformat()}"


@dataclass(frozen=True, slots=True)
class BodyWeight:
    """A weight in kg measured on ``day`` (recorded per visit)."""

    kg: float
    day: date


class Sex(enum.StrEnum):
    """The sex the Cockcroft-Gault equation distinguishes."""

    FEMALE = "F"
    MALE = "M"


@dataclass(frozen=True, slots=True)
class PatientFacts:
    """What the clearance needs to know about the patient: date of birth and recorded sex
    (None or "X" when the record has no F/M)."""

    date_of_birth: date
    sex: str | None


def latest(results: Iterable[LabResult], test: str, on_or_before: date) -> LabResult | None:
    """The most recent result of ``test`` drawn on or before ``on_or_before``.

    Ties on the day go to the later draw time, then the later recorded result.
    """
    candidates = [r for r in results if r.test == test and r.day <= on_or_before]
    return max(
        candidates,
        key=lambda r: (r.day, r.drawn_at.timestamp() if r.drawn_at else 0.0, r.result_id or 0),
        default=None,
    )


def latest_weight(weights: Iterable[BodyWeight], on_or_before: date) -> BodyWeight | None:
    """The most recent weight measured on or before ``on_or_before``."""
    return max((w for w in weights if w.day <= on_or_before), key=lambda w: w.day, default=None)


def age_on(date_of_birth: date, day: date) -> int:
    """Whole years of age on ``day``."""
    return relativedelta(day, date_of_birth).years


@dataclass(frozen=True, slots=True)
class ClearanceEstimate:
    """A Cockcroft-Gault creatinine clearance with every input it was computed from.

    ``ml_min`` is None when an input is missing; ``missing`` then says which.
    """

    ml_min: float | None
    creatinine: LabResult | None
    weight: BodyWeight | None
    age: int | None
    sex: str | None
    missing: tuple[str, ...] = ()

    def describe(self) -> str:
        """The clearance with its inputs, for a message or a screen."""
        if self.ml_min is None:
            return f"creatinine clearance cannot be computed: {', '.join(self.missing)}"
        assert self.creatinine is not None and self.weight is not None
        return (
            f"creatinine clearance {self.ml_min:.0f} mL/min (Cockcroft-Gault, actual body "
            f"weight: creatinine {self.creatinine.value:g} {self.creatinine.unit} drawn "
            f"{self.creatinine.day.isoformat()}, weight {self.weight.kg:g} kg on "
            f"{self.weight.day.isoformat()}, age {self.age}, sex {self.sex})"
        )


def cockcroft_gault(
    *, creatinine_umol_l: float, weight_kg: float, age_years: int, sex: Sex
) -> float:
    """Creatinine clearance in mL/min from serum creatinine in umol/L and actual body weight."""
    if creatinine_umol_l <= 0 or weight_kg <= 0:
        raise ValueError("creatinine and weight must be > 0")
    creatinine_mg_dl = creatinine_umol_l / CREATININE_UMOL_PER_MG_DL
    clearance = (CG_AGE_BASE - age_years) * weight_kg / (CG_DIVISOR * creatinine_mg_dl)
    if sex is Sex.FEMALE:
        clearance *= CG_FEMALE_FACTOR
    return max(clearance, 0.0)


def estimate_clearance(
    results: Iterable[LabResult],
    weights: Iterable[BodyWeight],
    patient: PatientFacts | None,
    on_or_before: date,
) -> ClearanceEstimate:
    """The clearance from the latest creatinine and weight on or before ``on_or_before``.

    Age is taken on the creatinine's draw day. Missing inputs (no creatinine, no weight, no
    date of birth, a sex other than F/M) give an estimate without a value that names them.
    """
    creatinine = latest(results, "creatinine", on_or_before)
    weight = latest_weight(weights, on_or_before)
    missing = []
    if creatinine is None:
        missing.append("no creatinine result")
    elif creatinine.value <= 0:
        missing.append("creatinine result is 0")
    if weight is None:
        missing.append("no weight recorded")
    sex = patient.sex if patient else None
    if patient is None:
        missing.append("no date of birth")
    if sex not in (Sex.FEMALE.value, Sex.MALE.value):
        missing.append("sex not recorded as F or M")
    age = None
    if patient is not None and creatinine is not None:
        age = age_on(patient.date_of_birth, creatinine.day)
    if missing:
        return ClearanceEstimate(None, creatinine, weight, age, sex, tuple(missing))
    assert creatinine is not None and weight is not None and age is not None and sex is not None
    value = cockcroft_gault(
        creatinine_umol_l=creatinine.value, weight_kg=weight.kg, age_years=age, sex=Sex(sex)
    )
    return ClearanceEstimate(value, creatinine, weight, age, sex)
