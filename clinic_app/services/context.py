"""What every service needs: the database, the shipped rules, a clock, and the change feed."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from clinic_app.domain.catalog import Catalog
from clinic_app.persistence.unit_of_work import Database
from clinic_app.resource_files import resource_path
from clinic_app.services.changes import ChangeFeed, FeedHooks
from clinic_app.services.clock import Clock, system_clock


def rules_file() -> Path:
    """The shipped rules data: therapy catalog and rule parameters."""
    return resource_path("clinical_rules.toml")


@dataclass
class ServiceContext:
    """The composition every service is built from (no global state).

    ``feed`` publishes every committed write as a ``Change`` (``services/changes.py``): the
    context makes the database's units of work report to it.
    """

    db: Database
    catalog: Catalog
    clock: Clock = field(default=system_clock)
    feed: ChangeFeed = field(default_factory=ChangeFeed)

    def __post_init__(self) -> None:
        self.db.set_commit_hooks(FeedHooks(self.feed))
