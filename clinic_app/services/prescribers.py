"""The prescriber in the loop: checking the prescriber a session names and the one an override
consulted.

A prescriber is free text typed at the desk (a name, a practice, a phone or e-mail), so it is
checked like every other typed line: trimmed, length-limited to its column, and refused when it
holds control characters or line breaks (it is printed on one line in lists, exports and
letters, and a hidden character must not change what a reader sees).
"""

from __future__ import annotations

import unicodedata

from clinic_app.domain.errors import InvalidInputError
from clinic_app.services.results import PrescriberView

MAX_PRESCRIBER = 200  # the width of the prescriber columns (migration 0007)
# Unicode categories refused in a one-line field: controls (tab, newline, DEL, C1) and the
# line and paragraph separators.
_REFUSED_CATEGORIES = frozenset({"Cc", "Zl", "Zp"})


def require_line(field: str, value: str | None, *, max_length: int = MAX_PRESCRIBER) -> str:
    """One line of trimmed text within ``max_length``; "" when empty."""
    text = (value or "").strip()
    if len(text) > max_length:
        raise InvalidInputError(field, f"is longer than {max_length} characters")
    if any(unicodedata.category(c) in _REFUSED_CATEGORIES for c in text):
        raise InvalidInputError(field, "contains control characters or line breaks")
    return text


def prescriber_from(
    name: str | None, practice: str | None = None, contact: str | None = None
) -> PrescriberView | None:
    """The prescriber a request names, checked; None when it names none.

    A practice or contact without a name is refused: it would not say who prescribed.
    """
    prescriber = require_line("prescriber", name)
    where = require_line("prescriber-practice", practice)
    reach = require_line("prescriber-contact", contact)
    if not prescriber:
        if where or reach:
            raise InvalidInputError(
                "prescriber", "give the prescriber's name with the practice or contact"
            )
        return None
    return PrescriberView(prescriber, where, reach)


def require_consulted(value: str | None) -> str:
    """The prescriber consulted before a clinical override (required on every new override)."""
    consulted = require_line("consulted", value)
    if not consulted:
        raise InvalidInputError("consulted", "an override must name the prescriber consulted")
    return consulted
