"""Role checks for every service call, with each refusal written to the audit trail.

The refusal is audited in a transaction of its own, so the refused request itself writes
nothing while the attempt stays traceable.
"""

from __future__ import annotations

from clinic_app.domain.errors import PermissionDeniedError
from clinic_app.persistence import repositories as repo
from clinic_app.services.actor import Actor, Permission
from clinic_app.services.context import ServiceContext


def authorize(ctx: ServiceContext, actor: Actor, permission: Permission, what: str = "") -> None:
    """Return when ``actor`` may do ``permission``; else audit the refusal and raise."""
    if actor.can(permission):
        return
    record_denial(ctx, actor, permission, what)
    raise PermissionDeniedError(permission.value, actor.role.value)


def record_denial(ctx: ServiceContext, actor: Actor, permission: Permission, what: str) -> None:
    """Write a refused attempt to the audit trail (its own transaction)."""
    with ctx.db.write(actor.username) as uow:
        repo.audit(
            uow.session,
            at=ctx.clock(),
            actor=actor.username,
            action="denied",
            entity="permission",
            entity_id=None,
            patient_id=None,
            after={"permission": permission.name, "role": actor.role.value, "request": what},
        )
        uow.commit()
