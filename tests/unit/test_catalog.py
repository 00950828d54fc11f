"""The therapy catalog as data: the shipped entries, rule D1 and the checks on a bad file."""

from __future__ import annotations

import copy
import tomllib
from typing import Any

import pytest

from clinic_app.domain.catalog import Catalog, CatalogError, TherapyClass, UnknownTherapyError
from clinic_app.resource_files import resource_path


def shipped_catalog_data() -> dict[str, Any]:
    with resource_path("clinical_rules.toml").open("rb") as stream:
        data: dict[str, Any] = tomllib.load(stream)["catalog"]
    return data


def with_therapy(data: dict[str, Any], code: str, changes: dict[str, object]) -> dict[str, Any]:
    """A copy of the catalog data with the entry ``code`` changed."""
    changed = copy.deepcopy(data)
    for entry in changed["therapy"]:
        if entry["code"] == code:
            entry.update(changes)
    return changed


def test_the_shipped_catalog_as_docs_clinical_rules_section_2_lists_it() -> None:
    catalog = Catalog.from_mapping(shipped_catalog_data())
    chair = {t.code: t.chair_minutes for t in catalog.bookable()}
    assert chair == {
        "zoledronic-acid": 60,
        "ibandronate": 30,
        "denosumab": 20,
        "ferric-carboxymaltose": 75,
        "ferric-derisomaltose": 75,
        "ferumoxytol": 75,
        "iron-sucrose": 60,
        "sodium-ferric-gluconate": 120,
        "iron-dextran": 135,
    }
    recorded = [t.code for t in catalog if not t.bookable]
    assert recorded == ["alendronate", "risedronate", "oral-ibandronate"]
    assert all(
        t.therapy_class is TherapyClass.ORAL_BISPHOSPHONATE for t in catalog if not t.bookable
    )
    irons = [t for t in catalog if t.is_iron]
    assert all(t.reaction_prone and t.observation_minutes >= 30 for t in irons)
    assert {t.code for t in irons if t.low_phosphate_risk_alternative} == {
        "ferric-derisomaltose",
        "ferumoxytol",
    }
    assert not any(t.is_antiresorptive for t in irons)
    assert catalog.codes()[:3] == ["zoledronic-acid", "ibandronate", "denosumab"]
    assert "denosumab" in catalog and "aspirin" not in catalog and len(catalog) == 12


def test_an_unknown_code_names_itself() -> None:
    catalog = Catalog.from_mapping(shipped_catalog_data())
    with pytest.raises(UnknownTherapyError) as unknown:
        catalog.get("aspirin")
    assert (
        unknown.value.code == "aspirin" and str(unknown.value) == "unknown therapy code 'aspirin'"
    )


def test_d1_refuses_an_iron_with_less_observation_than_the_minimum() -> None:
    data = with_therapy(shipped_catalog_data(), "ferumoxytol", {"observation_minutes": 29})
    with pytest.raises(CatalogError, match=r"'ferumoxytol'.*at least 30 minutes.*rule D1.*29"):
        Catalog.from_mapping(data)
    # The minimum is data too: a clinic that sets it to 29 accepts the same entry.
    data["min_iron_observation_minutes"] = 29
    assert Catalog.from_mapping(data).get("ferumoxytol").observation_minutes == 29


def test_d1_refuses_a_chair_time_with_no_room_for_the_infusion() -> None:
    data = with_therapy(shipped_catalog_data(), "iron-sucrose", {"chair_minutes": 30})
    with pytest.raises(CatalogError, match=r"'iron-sucrose'.*chair time 30 min.*rule D1"):
        Catalog.from_mapping(data)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"code": ""}, r"therapy #1: 'code' must be a non-empty string"),
        ({"class": "vitamin"}, r"'class' is 'vitamin', expected one of"),
        ({"chair_minutes": 0}, r"'chair_minutes' must be a positive whole number"),
        ({"chair_minutes": True}, r"'chair_minutes' must be a positive whole number"),
        ({"observation_minutes": -1}, r"'observation_minutes' must be a whole number >= 0"),
        ({"name": ""}, r"'name' must be a non-empty string"),
        ({"product": None}, r"'product' must be a non-empty string"),
    ],
)
def test_a_bad_entry_is_named_with_its_problem(changes: dict[str, object], message: str) -> None:
    with pytest.raises(CatalogError, match=message):
        Catalog.from_mapping(with_therapy(shipped_catalog_data(), "zoledronic-acid", changes))


def test_the_catalog_itself_must_be_whole() -> None:
    data = shipped_catalog_data()
    twice = copy.deepcopy(data)
    twice["therapy"].append(copy.deepcopy(twice["therapy"][0]))
    with pytest.raises(CatalogError, match="'zoledronic-acid': listed twice"):
        Catalog.from_mapping(twice)
    with pytest.raises(CatalogError, match="missing key 'min_iron_observation_minutes'"):
        Catalog.from_mapping({"therapy": data["therapy"]})
    with pytest.raises(CatalogError, match="'therapy' must be a non-empty list"):
        Catalog.from_mapping({"min_iron_observation_minutes": 30, "therapy": []})


def test_nurse_minutes_are_catalog_data_the_issue_gives_and_fit_the_chair_time() -> None:
    """Issue 14: set-up 15 min for IV iron, 10 for zoledronic acid, 5 for denosumab; every
    bookable therapy's set-up and take-down lie inside its chair time."""
    catalog = Catalog.from_mapping(shipped_catalog_data())
    assert catalog.get("zoledronic-acid").setup_minutes == 10
    assert catalog.get("denosumab").setup_minutes == 5
    assert {t.setup_minutes for t in catalog.bookable() if t.is_iron} == {15}
    for therapy in catalog.bookable():
        assert therapy.chair_minutes is not None
        assert therapy.setup_minutes > 0
        assert therapy.setup_minutes + therapy.takedown_minutes <= therapy.chair_minutes
    assert all(t.setup_minutes == t.takedown_minutes == 0 for t in catalog if not t.bookable)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"setup_minutes": -1}, r"'setup_minutes' must be a whole number >= 0"),
        ({"takedown_minutes": 2.5}, r"'takedown_minutes' must be a whole number >= 0"),
        ({"setup_minutes": True}, r"'setup_minutes' must be a whole number >= 0"),
        ({"setup_minutes": 50, "takedown_minutes": 11}, r"do not fit in the chair time of 60"),
    ],
)
def test_bad_nurse_minutes_are_named(changes: dict[str, object], message: str) -> None:
    with pytest.raises(CatalogError, match=message):
        Catalog.from_mapping(with_therapy(shipped_catalog_data(), "zoledronic-acid", changes))


def test_a_recorded_only_drug_has_no_nurse_minutes() -> None:
    data = with_therapy(shipped_catalog_data(), "alendronate", {"setup_minutes": 5})
    with pytest.raises(CatalogError, match=r"'alendronate': 'setup_minutes' needs chair_minutes"):
        Catalog.from_mapping(data)
