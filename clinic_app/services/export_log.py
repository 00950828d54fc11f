"""Recording who exported what: every export leaves an audit entry."""

from __future__ import annotations

from typing import Any

from clinic_app.persistence import repositories as repo
from clinic_app.services.actor import Actor
from clinic_app.services.context import ServiceContext


def record_export(ctx: ServiceContext, actor: Actor, details: dict[str, Any]) -> None:
    """Append an "export" audit entry (its own transaction: the file is already written)."""
    with ctx.db.write(actor.username) as uow:
        repo.audit(
            uow.session,
            at=ctx.clock(),
            actor=actor.username,
            action="export",
            entity="schedule",
            entity_id=None,
            patient_id=None,
            after=details,
        )
        uow.commit()
