"""Stored responses of write requests made through the clinic server (idempotency keys).

The server keeps each write's response under the client's key, in the transaction of the write
itself; a retry with the same key gets the stored response and is never run twice. A key is
the client's for a day: older responses are forgotten.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from clinic_app.persistence import idempotency as store
from clinic_app.services.actor import Actor
from clinic_app.services.context import ServiceContext

KEEP_FOR = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class StoredResponse:
    """What a write request got: its route, a hash of its body, its status and body."""

    route: str
    request_hash: str
    status_code: int
    body: str


class IdempotencyService:
    """Recall and remember write responses by (user, key)."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def recall(self, actor: Actor, key: str) -> StoredResponse | None:
        """The response kept for ``actor``'s ``key`` within the last day, or None."""
        with self._ctx.db.read() as uow:
            row = store.stored_response(uow.session, actor.username, key)
            if row is None or row.created_at < self._ctx.clock() - KEEP_FOR:
                return None
            return StoredResponse(row.route, row.request_hash, row.status_code, row.response_body)

    def remember(self, actor: Actor, key: str, response: StoredResponse) -> None:
        """Keep ``response`` under ``actor``'s ``key`` (and forget responses over a day old).

        Called inside the write's own transaction (``Services.one_transaction``): the response
        is kept exactly when the write commits. A second request with the same key racing this
        one fails on the key's primary key, and its write rolls back with it.
        """
        now = self._ctx.clock()
        with self._ctx.db.write(actor.username) as uow:
            store.forget_before(uow.session, now - KEEP_FOR)
            store.add_response(
                uow.session,
                username=actor.username,
                key=key,
                route=response.route,
                request_hash=response.request_hash,
                status_code=response.status_code,
                response_body=response.body,
                at=now,
            )
            uow.commit()
