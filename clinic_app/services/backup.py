"""Backing up and restoring the embedded database (administrators only, audited)."""

from __future__ import annotations

from pathlib import Path

from clinic_app.domain.errors import InvalidInputError
from clinic_app.persistence import repositories as repo
from clinic_app.persistence.migrate import upgrade_to_head
from clinic_app.persistence.sqlite_backup import backup_to, live_file, restore_from
from clinic_app.services.actor import Actor, Permission
from clinic_app.services.authorization import authorize
from clinic_app.services.changes import Change
from clinic_app.services.context import ServiceContext
from clinic_app.services.validation import require_file_source, require_file_target


def _companions(live: Path) -> tuple[Path, ...]:
    """The files SQLite keeps beside the live database (write-ahead log, shared memory)."""
    return (live.with_name(live.name + "-wal"), live.with_name(live.name + "-shm"))


class BackupService:
    """Consistent copies of the live SQLite database, and restoring one."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def backup(self, actor: Actor, target: str | Path) -> int:
        """Write a consistent copy to ``target``; returns its size in bytes."""
        authorize(self._ctx, actor, Permission.ADMINISTER, "backup")
        path = require_file_target("path", target)
        live = live_file(self._ctx.db.engine)
        if live is not None and path.resolve() in {live, *_companions(live)}:
            raise InvalidInputError("path", f"{path} is the live database itself")
        self._audit(actor, "backup", str(path))  # recorded first, so the copy holds it too
        return backup_to(self._ctx.db.engine, path)

    def restore(self, actor: Actor, source: str | Path) -> None:
        """Replace the database with a checked backup, then bring its schema up to date."""
        authorize(self._ctx, actor, Permission.ADMINISTER, "restore")
        path = require_file_source("path", source)
        restore_from(self._ctx.db.engine, path)
        upgrade_to_head(self._ctx.db.engine)
        self._audit(actor, "restore", str(path))
        # Another database now: every screen reloads whatever it shows.
        self._ctx.feed.publish(Change.of_everything(self._ctx.feed.origin))

    def _audit(self, actor: Actor, action: str, path: str) -> None:
        with self._ctx.db.write(actor.username) as uow:
            repo.audit(
                uow.session,
                at=self._ctx.clock(),
                actor=actor.username,
                action=action,
                entity="database",
                entity_id=None,
                patient_id=None,
                after={"path": path},
            )
            uow.commit()
