"""Which actions a session allows, for the shells to ask before they offer them.

The booking service enforces these rules and refuses anything else: a status change passes
``status_refusal`` (the ``STATUS_FLOW`` table, and no visit status before the session's day),
a move needs a booked session. This module only answers questions about them, and it asks the
service itself: ``BookingService.next_statuses`` is the same table and the same day rule the
service enforces, with "today" from the service's clock in the clinic's zone. So no screen
keeps a copy of the table, and no answer forgets the day; ``tests/services/
test_session_actions.py`` checks every answer against what the service actually does.
"""

from __future__ import annotations

from clinic_app.services.actor import Actor, Permission
from clinic_app.services.booking import BookingService
from clinic_app.services.results import SessionView

# The statuses BookingService.move accepts; it refuses every other one.
MOVABLE_STATUSES = frozenset({"booked"})


def permission_for_status(target: str) -> Permission:
    """The permission a change to ``target`` needs: cancelling is booking work, the rest is
    clinical."""
    return Permission.BOOK if target == "cancelled" else Permission.SET_STATUS


def may_set_status(
    booking: BookingService, actor: Actor, session: SessionView, target: str
) -> bool:
    """True when ``actor`` may change ``session`` to ``target`` now.

    The status side is the service's own answer (``booking.next_statuses``: its table, and
    whether the session's day has come by its clock); the role is a separate question. A
    session without an id (not stored) allows nothing.
    """
    if session.id is None or target not in booking.next_statuses(session):
        return False
    return actor.can(permission_for_status(target))


def may_move(actor: Actor, status: str) -> bool:
    """True when ``actor`` may move a session that is ``status``."""
    return status in MOVABLE_STATUSES and actor.can(Permission.BOOK)


def may_cancel(booking: BookingService, actor: Actor, session: SessionView) -> bool:
    """True when ``actor`` may cancel ``session`` now."""
    return may_set_status(booking, actor, session, "cancelled")
