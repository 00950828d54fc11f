"""Today in the clinic's own time zone, for the windows (in-process or through a server)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from clinic_app.services.actor import Actor

if TYPE_CHECKING:
    from clinic_app.bootstrap import Services


def clinic_today(services: Services, actor: Actor) -> date:
    """Today's date in the clinic's zone (not the computer's), from the clinic's calendar as
    the services give it: the same call in-process and through a clinic server."""
    return services.queries.calendar(actor).local_day(services.ctx.clock())
