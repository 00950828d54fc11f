"""Short forms for narrow and short blocks of the day grid: therapy abbreviations and names
that give way gracefully (the block's tooltip always has everything in full)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFontMetrics

CONTEXT = "DayGrid"


def therapy_abbreviation(code: str, name: str) -> str:
    """The abbreviation clinicians use for a catalog therapy (``FCM``, ``ZOL``...); for a code
    not listed, the initials of its name."""
    tr = QCoreApplication.translate
    known = {
        "zoledronic-acid": tr(CONTEXT, "ZOL"),
        "ibandronate": tr(CONTEXT, "IBN"),
        "denosumab": tr(CONTEXT, "DMAB"),
        "ferric-carboxymaltose": tr(CONTEXT, "FCM"),
        "ferric-derisomaltose": tr(CONTEXT, "FDI"),
        "ferumoxytol": tr(CONTEXT, "FMX"),
        "iron-sucrose": tr(CONTEXT, "IS"),
        "sodium-ferric-gluconate": tr(CONTEXT, "SFG"),
        "iron-dextran": tr(CONTEXT, "LMWID"),
        "alendronate": tr(CONTEXT, "ALN"),
        "risedronate": tr(CONTEXT, "RIS"),
        "oral-ibandronate": tr(CONTEXT, "IBN po"),
    }
    found = known.get(code)
    if found:
        return found
    words = [w for w in name.replace("(", " ").replace(")", " ").split() if w]
    return "".join(w[0].upper() for w in words[:4]) or code[:4].upper()


def fitted_name(name: str, metrics: QFontMetrics, width: int) -> str:
    """``name`` as it fits ``width``: whole, else the first names as initials
    ("P. Hardcastle"), else the surname alone, else the surname elided."""
    if metrics.horizontalAdvance(name) <= width:
        return name
    parts = name.split()
    if len(parts) > 1:
        initials = " ".join(f"{p[0]}." for p in parts[:-1]) + " " + parts[-1]
        if metrics.horizontalAdvance(initials) <= width:
            return initials
        first = f"{parts[0][0]}. {parts[-1]}"
        if metrics.horizontalAdvance(first) <= width:
            return first
        if metrics.horizontalAdvance(parts[-1]) <= width:
            return parts[-1]
        name = parts[-1]
    return metrics.elidedText(name, Qt.TextElideMode.ElideRight, width)
