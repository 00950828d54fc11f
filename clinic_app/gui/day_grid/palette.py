"""The day grid's one palette: a fill per product, an accent per therapy class, lab draws and
faded (completed / no-show) blocks.

Within a class every product has its own fill (the six IV iron products can be told apart),
while the accent strip on the block's left edge keeps the class colour. The colours were chosen
so that they hold for colour-blind users: ``tests/gui/day_grid/test_palette.py`` computes the
WCAG contrast of the block text on every fill (at least 4.5:1) and simulates deuteranopia
(Machado 2009) to check that the fills of one class stay apart (CIEDE2000). Colour only ever
helps: the blocks say the therapy (or its abbreviation) and every finding in words.

Plain strings (``#rrggbb``), no Qt: the delegate and the legend turn them into QColors.
"""

from __future__ import annotations

from dataclasses import dataclass

from clinic_app.domain.catalog import TherapyClass

TEXT = "#15202b"  # block text on every fill
FADED_TEXT = "#3d4852"  # text of completed and no-show blocks
# The least CIEDE2000 difference, under simulated deuteranopia, between two fills of one class.
MIN_CLASS_DELTA_E = 8.0
MIN_TEXT_CONTRAST = 4.5  # WCAG AA for normal text


@dataclass(frozen=True, slots=True)
class BlockColours:
    """Fill, accent (left strip and border) and text colour of one kind of block."""

    fill: str
    accent: str
    text: str = TEXT


# The accent per class (the left strip of every block of the class).
CLASS_ACCENTS: dict[TherapyClass | None, str] = {
    TherapyClass.BISPHOSPHONATE: "#2f6fb3",
    TherapyClass.ORAL_BISPHOSPHONATE: "#2f6fb3",
    TherapyClass.RANKL_INHIBITOR: "#6e4aa8",
    TherapyClass.IV_IRON: "#a85a1e",
    None: "#66707a",
}
# The fill of a class's products not listed below (and of an unknown therapy: None).
CLASS_FILLS: dict[TherapyClass | None, str] = {
    TherapyClass.BISPHOSPHONATE: "#cfe3f7",
    TherapyClass.ORAL_BISPHOSPHONATE: "#cfe3f7",
    TherapyClass.RANKL_INHIBITOR: "#e6dcf4",
    TherapyClass.IV_IRON: "#f7d2ad",
    None: "#e4e7eb",
}
# A fill per product (catalog code), picked to stay apart within the class under deuteranopia.
PRODUCT_FILLS: dict[str, str] = {
    "zoledronic-acid": "#cfe3f7",
    "ibandronate": "#8cc0ee",
    "denosumab": "#e6dcf4",
    "ferric-carboxymaltose": "#f7d2ad",
    "ferric-derisomaltose": "#e08652",
    "ferumoxytol": "#e0dc52",
    "iron-sucrose": "#ce988d",
    "sodium-ferric-gluconate": "#dbbdbd",
    "iron-dextran": "#e7b574",
}
LAB = BlockColours("#d9efdc", "#3d8b4d")
FADED = BlockColours("#eceff2", "#9aa3ad", FADED_TEXT)  # completed / no-show
NOW_LINE = "#c62828"
PAST_SHADE = "#1f2933"  # drawn over past time at PAST_SHADE_ALPHA
PAST_SHADE_ALPHA = 40  # of 255
CLOSED = "#e4e7eb"


def product_colours(code: str, therapy_class: TherapyClass | None) -> BlockColours:
    """The colours of a session of ``code`` (a catalog therapy code) in ``therapy_class``."""
    fill = PRODUCT_FILLS.get(code) or CLASS_FILLS.get(therapy_class, CLASS_FILLS[None])
    return BlockColours(fill, CLASS_ACCENTS.get(therapy_class, CLASS_ACCENTS[None]))


def every_block_colour() -> list[BlockColours]:
    """Every fill a block can have (for the contrast check)."""
    fills = {*PRODUCT_FILLS.values(), *CLASS_FILLS.values()}
    found = [BlockColours(fill, "#000000") for fill in sorted(fills)]
    return [*found, LAB, FADED]
