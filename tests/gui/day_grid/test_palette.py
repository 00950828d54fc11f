"""The day grid's palette holds for colour-blind users: computed, not asserted by hand.

The colour arithmetic is first checked on published reference values (WCAG's extremes, the
CIEDE2000 test pairs of Sharma, Wu and Dalal 2005, the Machado 2009 matrix rows summing to
one), then applied to every colour of the palette.
"""

from __future__ import annotations

import itertools

import pytest

from clinic_app.domain.catalog import TherapyClass
from clinic_app.domain.rule_parameters import load_rules_file
from clinic_app.gui.day_grid import palette
from clinic_app.gui.day_grid.colour_science import (
    DEUTERANOPIA,
    ciede2000,
    contrast_ratio,
    delta_e76,
    delta_e2000,
    simulate_deuteranopia,
    to_lab,
)
from clinic_app.resource_files import resource_path


@pytest.mark.parametrize(
    ("lab1", "lab2", "expected"),
    [  # Sharma, Wu and Dalal (2005), table 1: pairs 1, 7, 13, 17, 25 and 34
        ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
        ((50.0, 0.0, 0.0), (50.0, -1.0, 2.0), 2.3669),
        ((50.0, 2.4900, -0.0010), (50.0, -2.4900, 0.0011), 7.2195),
        ((50.0, 2.5, 0.0), (73.0, 25.0, -18.0), 27.1492),
        ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
        ((22.7233, 20.0904, -46.6940), (23.0331, 14.9730, -42.5619), 2.0373),
    ],
)
def test_ciede2000_matches_the_published_pairs(
    lab1: tuple[float, float, float], lab2: tuple[float, float, float], expected: float
) -> None:
    assert ciede2000(lab1, lab2) == pytest.approx(expected, abs=1e-4)


def test_the_colour_arithmetic_on_known_values() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert to_lab("#ffffff") == pytest.approx((100.0, 0.0, 0.0), abs=0.01)
    assert delta_e76("#000000", "#ffffff") == pytest.approx(100.0, abs=0.01)
    for row in DEUTERANOPIA:  # the matrix keeps white white and grey grey
        assert sum(row) == pytest.approx(1.0, abs=1e-5)
    assert simulate_deuteranopia("#808080") == "#808080"
    # Red and green, far apart for most people, come close for a deuteranope.
    normal = delta_e2000("#cc4444", "#66aa33")
    seen = delta_e2000(simulate_deuteranopia("#cc4444"), simulate_deuteranopia("#66aa33"))
    assert seen < normal / 2


def test_block_text_has_at_least_aa_contrast_on_every_fill() -> None:
    for colours in palette.every_block_colour():
        ratio = contrast_ratio(colours.text, colours.fill)
        assert ratio >= palette.MIN_TEXT_CONTRAST, (colours, ratio)


def _bookable_by_class() -> dict[TherapyClass, list[str]]:
    catalog, _ = load_rules_file(resource_path("clinical_rules.toml"))
    found: dict[TherapyClass, list[str]] = {}
    for therapy in catalog:
        if therapy.bookable:
            found.setdefault(therapy.therapy_class, []).append(therapy.code)
    return found


def test_every_bookable_product_has_its_own_colour_within_its_class() -> None:
    by_class = _bookable_by_class()
    assert len(by_class[TherapyClass.IV_IRON]) >= 5  # the iron products must be told apart
    for kind, codes in by_class.items():
        for code in codes:
            assert code in palette.PRODUCT_FILLS, code
            assert palette.product_colours(code, kind).accent == palette.CLASS_ACCENTS[kind]
        fills = [palette.product_colours(code, kind).fill for code in codes]
        assert len(set(fills)) == len(fills), kind


def test_products_of_a_class_stay_apart_under_deuteranopia() -> None:
    for kind, codes in _bookable_by_class().items():
        fills = {code: palette.product_colours(code, kind).fill for code in codes}
        for (a, fill_a), (b, fill_b) in itertools.combinations(fills.items(), 2):
            normal = delta_e2000(fill_a, fill_b)
            deuteranope = delta_e2000(simulate_deuteranopia(fill_a), simulate_deuteranopia(fill_b))
            assert normal >= palette.MIN_CLASS_DELTA_E, (a, b, normal)
            assert deuteranope >= palette.MIN_CLASS_DELTA_E, (a, b, deuteranope)


def test_lab_draws_and_faded_blocks_differ_from_every_product() -> None:
    fills = {*palette.PRODUCT_FILLS.values()}
    for special in (palette.LAB.fill, palette.FADED.fill):
        for fill in fills:
            seen = delta_e2000(simulate_deuteranopia(special), simulate_deuteranopia(fill))
            assert seen >= 5.0, (special, fill, seen)  # well beyond a just-noticeable one
