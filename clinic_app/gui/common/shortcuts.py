"""The keys every window shares: one status change is the same key wherever a session is.

The main window and the daily list both change statuses; a nurse who learnt Ctrl+2 for "in
chair" in one must get the same in the other. Views of a window (the main window's day grid
and week overview) use Alt+digit, so no digit means two things.
"""

from __future__ import annotations

# Status -> key, in the order the toolbars list them. Keys are the same in every language.
STATUS_KEYS: dict[str, str] = {
    "arrived": "Ctrl+1",
    "in-chair": "Ctrl+2",
    "completed": "Ctrl+3",
    "no-show": "Ctrl+4",
    "cancelled": "Ctrl+5",
    "booked": "Ctrl+0",
}

DAY_VIEW_KEY = "Alt+1"
WEEK_VIEW_KEY = "Alt+2"


def status_key(status: str) -> str:
    """The shortcut of the change to ``status``."""
    return STATUS_KEYS[status]
