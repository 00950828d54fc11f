"""Which actions a session's status allows, for the shells to ask before they offer them.

The booking service enforces these rules and refuses anything else (``STATUS_FLOW`` for status
changes, "only booked sessions can be moved" for moves). This module only answers questions
about them, so no screen keeps a copy of the table; ``tests/services/test_session_actions.py``
checks every answer against what the service actually does.
"""

from __future__ import annotations

from clinic_app.services.actor import Actor, Permission
from clinic_app.services.booking import STATUS_FLOW

# The statuses BookingService.move accepts; it refuses every other one.
MOVABLE_STATUSES = frozenset({"booked"})


def allowed_next_statuses(status: str) -> frozenset[str]:
    """The statuses a session in ``status`` may change to (none for an unknown status)."""
    return STATUS_FLOW.get(status, frozenset())


def permission_for_status(target: str) -> Permission:
    """The permission a change to ``target`` needs: cancelling is booking work, the rest is
    clinical."""
    return Permission.BOOK if target == "cancelled" else Permission.SET_STATUS


def may_set_status(actor: Actor, current: str, target: str) -> bool:
    """True when ``actor`` may change a session from ``current`` to ``target``."""
    return target in allowed_next_statuses(current) and actor.can(permission_for_status(target))


def may_move(actor: Actor, status: str) -> bool:
    """True when ``actor`` may move a session that is ``status``."""
    return status in MOVABLE_STATUSES and actor.can(Permission.BOOK)


def may_cancel(actor: Actor, status: str) -> bool:
    """True when ``actor`` may cancel a session that is ``status``."""
    return may_set_status(actor, status, "cancelled")
