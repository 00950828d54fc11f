"""Stored responses of write requests, by (user, idempotency key)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from clinic_app.persistence.models import IdempotencyRow


def stored_response(session: Session, username: str, key: str) -> IdempotencyRow | None:
    """The row kept for ``key`` of ``username``, or None."""
    return session.scalars(
        select(IdempotencyRow).where(IdempotencyRow.username == username, IdempotencyRow.key == key)
    ).one_or_none()


def add_response(
    session: Session,
    *,
    username: str,
    key: str,
    route: str,
    request_hash: str,
    status_code: int,
    response_body: str,
    at: datetime,
) -> None:
    """Keep a response; flushed now, so a concurrent request with the key fails here."""
    session.add(
        IdempotencyRow(
            username=username,
            key=key,
            route=route,
            request_hash=request_hash,
            status_code=status_code,
            response_body=response_body,
            created_at=at,
        )
    )
    session.flush()


def forget_before(session: Session, moment: datetime) -> int:
    """Delete the responses kept from before ``moment``; how many."""
    result = session.execute(delete(IdempotencyRow).where(IdempotencyRow.created_at < moment))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]
