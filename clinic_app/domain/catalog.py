"""The therapy catalog (docs/clinical-rules.md, section 2) as validated data.

The catalog is loaded from ``resources/clinical_rules.toml``; nothing here holds a clinical
number of its own. Codes are stable identifiers used by the database, the CLI and exports.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any


class TherapyClass(enum.StrEnum):
    """Pharmacological class; decides which rules apply."""

    BISPHOSPHONATE = "bisphosphonate"
    ORAL_BISPHOSPHONATE = "oral-bisphosphonate"
    RANKL_INHIBITOR = "rankl-inhibitor"
    IV_IRON = "iv-iron"

    @property
    def is_antiresorptive(self) -> bool:
        """Bisphosphonates (IV or oral) and RANKL inhibitors suppress bone resorption."""
        return self is not TherapyClass.IV_IRON


class CatalogError(ValueError):
    """The catalog data is invalid; the message names the entry and the problem."""


class UnknownTherapyError(KeyError):
    """A therapy code that the catalog does not know."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code

    def __str__(self) -> str:
        return f"unknown therapy code {self.code!r}"


@dataclass(frozen=True, slots=True)
class Therapy:
    """One catalog entry.

    ``chair_minutes`` is None for recorded-only drugs (oral bisphosphonates), which are never
    booked in a chair. ``observation_minutes`` is the part of the chair time kept for
    observation after the infusion. ``setup_minutes`` and ``takedown_minutes`` are the first
    and last minutes of the chair time, when one nurse is busy with this patient alone (an
    operational setting for nurse capacity, not a clinical rule); in between the patient is
    monitored.
    """

    code: str
    name: str
    product: str
    therapy_class: TherapyClass
    chair_minutes: int | None
    observation_minutes: int
    course: str
    hypophosphataemia_risk: str
    reaction_prone: bool = False
    low_phosphate_risk_alternative: bool = False
    setup_minutes: int = 0
    takedown_minutes: int = 0

    @property
    def bookable(self) -> bool:
        """True for drugs given in a chair here; False for recorded-only exposures."""
        return self.chair_minutes is not None

    @property
    def is_iron(self) -> bool:
        """True for IV iron formulations."""
        return self.therapy_class is TherapyClass.IV_IRON

    @property
    def is_antiresorptive(self) -> bool:
        """True for zoledronic acid, ibandronate, denosumab and oral bisphosphonates."""
        return self.therapy_class.is_antiresorptive


def check_iron_observation(therapy: Therapy, minimum: int) -> None:
    """D1: every IV iron session keeps at least ``minimum`` minutes of observation inside its
    chair time; raises CatalogError naming the therapy and the rule otherwise."""
    if therapy.observation_minutes < minimum:
        raise CatalogError(
            f"therapy {therapy.code!r}: IV iron needs at least {minimum} minutes of "
            f"observation in its chair time (rule D1), the file gives "
            f"{therapy.observation_minutes}"
        )


class Catalog:
    """The therapies by code, in file order."""

    def __init__(self, therapies: Iterable[Therapy], min_iron_observation_minutes: int) -> None:
        self._by_code: dict[str, Therapy] = {}
        self.min_iron_observation_minutes = min_iron_observation_minutes
        for therapy in therapies:
            if therapy.code in self._by_code:
                raise CatalogError(f"therapy {therapy.code!r}: listed twice")
            if therapy.is_iron and therapy.bookable:
                check_iron_observation(therapy, min_iron_observation_minutes)
                assert therapy.chair_minutes is not None
                if therapy.chair_minutes <= therapy.observation_minutes:
                    raise CatalogError(
                        f"therapy {therapy.code!r}: chair time {therapy.chair_minutes} min "
                        f"leaves no time for the infusion after {therapy.observation_minutes} "
                        "min of observation (rule D1)"
                    )
            self._by_code[therapy.code] = therapy

    def __iter__(self) -> Iterator[Therapy]:
        return iter(self._by_code.values())

    def __len__(self) -> int:
        return len(self._by_code)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def get(self, code: str) -> Therapy:
        """The therapy with this code; raises UnknownTherapyError otherwise."""
        try:
            return self._by_code[code]
        except KeyError:
            raise UnknownTherapyError(code) from None

    def bookable(self) -> list[Therapy]:
        """Therapies that are given in a chair here, in catalog order."""
        return [t for t in self._by_code.values() if t.bookable]

    def codes(self) -> list[str]:
        """Every code, in catalog order."""
        return list(self._by_code)

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> Catalog:
        """Build the catalog from the parsed ``[catalog]`` part of the rules file."""
        try:
            min_obs = int(data["min_iron_observation_minutes"])
            entries = data["therapy"]
        except KeyError as exc:
            raise CatalogError(f"catalog: missing key {exc.args[0]!r}") from None
        if not isinstance(entries, list) or not entries:
            raise CatalogError("catalog: 'therapy' must be a non-empty list of tables")
        return cls((_therapy_from(entry, i) for i, entry in enumerate(entries)), min_obs)


def _therapy_from(entry: Mapping[str, Any], index: int) -> Therapy:
    code = entry.get("code")
    where = f"therapy {code!r}" if code else f"therapy #{index + 1}"
    if not isinstance(code, str) or not code:
        raise CatalogError(f"{where}: 'code' must be a non-empty string")
    try:
        therapy_class = TherapyClass(str(entry.get("class")))
    except ValueError:
        allowed = ", ".join(c.value for c in TherapyClass)
        raise CatalogError(
            f"{where}: 'class' is {entry.get('class')!r}, expected one of {allowed}"
        ) from None
    chair = entry.get("chair_minutes")
    if chair is not None and (not isinstance(chair, int) or isinstance(chair, bool) or chair <= 0):
        raise CatalogError(f"{where}: 'chair_minutes' must be a positive whole number")
    observation = entry.get("observation_minutes", 0)
    if not isinstance(observation, int) or observation < 0:
        raise CatalogError(f"{where}: 'observation_minutes' must be a whole number >= 0")
    for key in ("name", "product"):
        if not isinstance(entry.get(key), str) or not entry[key]:
            raise CatalogError(f"{where}: {key!r} must be a non-empty string")
    nurse_minutes = []
    for key in ("setup_minutes", "takedown_minutes"):
        value = entry.get(key, 0)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise CatalogError(f"{where}: {key!r} must be a whole number >= 0")
        if value and chair is None:
            raise CatalogError(f"{where}: {key!r} needs chair_minutes (a drug booked here)")
        nurse_minutes.append(value)
    setup, takedown = nurse_minutes
    if chair is not None and setup + takedown > chair:
        raise CatalogError(
            f"{where}: set-up {setup} min and take-down {takedown} min do not fit in the "
            f"chair time of {chair} min"
        )
    return Therapy(
        code=code,
        name=entry["name"],
        product=entry["product"],
        therapy_class=therapy_class,
        chair_minutes=chair,
        observation_minutes=observation,
        course=str(entry.get("course", "")),
        hypophosphataemia_risk=str(entry.get("hypophosphataemia_risk", "")),
        reaction_prone=bool(entry.get("reaction_prone", False)),
        low_phosphate_risk_alternative=bool(entry.get("low_phosphate_risk_alternative", False)),
        setup_minutes=setup,
        takedown_minutes=takedown,
    )
