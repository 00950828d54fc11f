"""Short forms for narrow and short blocks of the day grid: therapy abbreviations and names
that give way gracefully (the block's tooltip always has everything in full)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFontMetrics


def therapy_abbreviation(code: str, name: str) -> str:
    """The abbreviation clinicians use for a catalog therapy (``FCM``, ``ZOL``...); for a code
    not listed, the initials of its name."""
    tr = QCoreApplication.translate  # literal contexts: pyside6-lupdate reads them
    known = {
        "zoledronic-acid": tr("DayGrid", "ZOL"),
        "ibandronate": tr("DayGrid", "IBN"),
        "denosumab": tr("DayGrid", "DMAB"),
        "ferric-carboxymaltose": tr("DayGrid", "FCM"),
        "ferric-derisomaltose": tr("DayGrid", "FDI"),
        "ferumoxytol": tr("DayGrid", "FMX"),
        "iron-sucrose": tr("DayGrid", "IS"),
        "sodium-ferric-gluconate": tr("DayGrid", "SFG"),
        "iron-dextran": tr("DayGrid", "LMWID"),
        "alendronate": tr("DayGrid", "ALN"),
        "risedronate": tr("DayGrid", "RIS"),
        "oral-ibandronate": tr("DayGrid", "IBN po"),
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
