"""Every role, every service operation it may not do: refused, nothing written, audited."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

from clinic_app.bootstrap import Services
from clinic_app.domain.errors import PermissionDeniedError
from clinic_app.persistence.models import AuditRow, Base
from clinic_app.services.actor import Actor, Role
from clinic_app.services.booking import BookingRequest
from tests.conftest import ADMIN, DESK, NURSE
from tests.services.conftest import ContractRemote, as_user

Operation = Callable[[Services, Actor, int], object]

OPERATIONS: dict[str, Operation] = {
    "book": lambda s, a, sid: s.booking.book(
        a, BookingRequest("M002", "denosumab", "2026-11-25T09:00", "Chair 2")
    ),
    "check": lambda s, a, sid: s.booking.check(
        a, BookingRequest("M002", "denosumab", "2026-11-25T09:00", "Chair 2")
    ),
    "move": lambda s, a, sid: s.booking.move(a, sid, "2026-11-26T09:00"),
    "cancel": lambda s, a, sid: s.booking.cancel(a, sid, "x"),
    "set status": lambda s, a, sid: s.booking.set_status(a, sid, "arrived"),
    "override": lambda s, a, sid: s.booking.book(
        a,
        BookingRequest(
            "M003", "ferric-carboxymaltose", "2026-12-01T10:00", "Chair 3", override_reason="reason"
        ),
    ),
    "add patient": lambda s, a, sid: s.setup.add_patient(
        a, mrn="M900", name="New", date_of_birth="1950-01-01"
    ),
    "add exposure": lambda s, a, sid: s.setup.add_exposure(
        a, mrn="M002", drug="alendronate", ongoing_since="2025-01-01"
    ),
    "add chair": lambda s, a, sid: s.setup.add_chair(a, "Chair 99"),
    "close a date": lambda s, a, sid: s.setup.add_closed_date(a, "2026-12-24", "holiday"),
    "add user": lambda s, a, sid: s.auth.add_user(a, "zed", "nurse", "long password 1"),
    "change rule": lambda s, a, sid: s.rule_settings.change(a, "E3", {"window": {"weeks": 16}}),
    "read audit": lambda s, a, sid: list(s.audit.entries(a)),
    "backup": lambda s, a, sid: s.backups.backup(a, Path("/nonexistent/never.sqlite3")),
}

FORBIDDEN: dict[Role, tuple[str, ...]] = {
    Role.FRONT_DESK: (
        "set status",
        "override",
        "add chair",
        "close a date",
        "add user",
        "change rule",
        "read audit",
        "backup",
    ),
    Role.NURSE: ("add chair", "close a date", "add user", "change rule", "read audit", "backup"),
    Role.MANAGER: (
        "book",
        "check",
        "move",
        "cancel",
        "set status",
        "override",
        "add patient",
        "add exposure",
        "add chair",
        "close a date",
        "add user",
        "change rule",
        "backup",
    ),
    Role.ADMIN: (
        "book",
        "check",
        "move",
        "cancel",
        "set status",
        "override",
        "add patient",
        "add exposure",
    ),
}
CASES = [(role, op) for role, ops in FORBIDDEN.items() for op in ops]


def row_counts(services: Services) -> dict[str, int]:
    """Rows per table, the audit trail and the server's replay store apart."""
    with services.ctx.db.read() as uow:
        return {
            name: uow.session.scalar(select(func.count()).select_from(table)) or 0
            for name, table in Base.metadata.tables.items()
            if name not in ("audit_log", "idempotency_keys")
        }


def denials(services: Services, username: str) -> int:
    with services.ctx.db.read() as uow:
        return (
            uow.session.scalar(
                select(func.count())
                .select_from(AuditRow)
                .where(AuditRow.action == "denied", AuditRow.actor == username)
            )
            or 0
        )


@pytest.mark.parametrize(
    ("role", "operation"), CASES, ids=[f"{r.value}-{o.replace(' ', '-')}" for r, o in CASES]
)
def test_role_may_not(clinic: Services, role: Role, operation: str) -> None:
    clinic.setup.add_exposure(
        DESK, mrn="M003", drug="denosumab", last_dose="2026-10-01", where="GP"
    )
    sid = clinic.booking.book(
        NURSE, BookingRequest("M001", "denosumab", "2026-11-24T09:00", "Chair 1")
    ).session.id
    assert sid is not None
    if operation == "backup" and isinstance(clinic, ContractRemote):
        pytest.skip("backups.backup is server-only (service_api.EXCLUDED): no desk may run it")
    actor = Actor(f"someone.{role.value}", role)
    as_user(clinic, actor)  # remote: a real user of this role, with a real session token
    before = row_counts(clinic)
    with pytest.raises(PermissionDeniedError):
        OPERATIONS[operation](clinic, actor, sid)
    assert row_counts(clinic) == before
    assert denials(clinic, actor.username) == 1


def test_every_operation_is_allowed_to_someone(clinic: Services) -> None:
    for operation in OPERATIONS:
        assert any(operation not in ops for ops in FORBIDDEN.values()), operation
    assert ADMIN.role is Role.ADMIN
