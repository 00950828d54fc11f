"""GUI test fixtures: the test clinic on SQLite only, a task runner, icons, booking helpers.

The GUI tests drive real widgets offscreen against the real services; the database backend is
covered by the service and persistence tests, so here ``db_url`` is narrowed to SQLite.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime

import pytest
from pytestqt.qtbot import QtBot

from clinic_app.bootstrap import Services
from clinic_app.gui.resources import IconSet
from clinic_app.gui.tasks import TaskRunner
from clinic_app.services.booking import BookingRequest
from clinic_app.services.results import BookingOutcome
from tests.conftest import LONDON, NURSE

CONSULTED = "Dr Ann Lee"  # the prescriber the test nurse consults before an override


@pytest.fixture
def db_url(sqlite_url: str) -> str:
    """GUI tests run on SQLite (the parent conftest's fixtures build on this)."""
    return sqlite_url


@pytest.fixture
def runner(clinic: Services, qtbot: QtBot) -> Iterator[TaskRunner]:
    """A task runner; waits for its calls before the database goes away."""
    tasks = TaskRunner()
    yield tasks
    tasks.wait(10_000)
    qtbot.wait(10)


@pytest.fixture
def icons(qapp: object) -> IconSet:
    """The icon set (needs the QApplication)."""
    return IconSet()


def local(text: str) -> datetime:
    """An aware London time from ``YYYY-MM-DD HH:MM``."""
    return datetime.fromisoformat(text).replace(tzinfo=LONDON)


@pytest.fixture
def book(clinic: Services) -> Callable[..., BookingOutcome]:
    """Book through the service as the nurse: ``book("M001", "zoledronic-acid", "...", chair)``."""

    def do(
        mrn: str,
        therapy: str,
        start: str,
        chair: str | None = None,
        reason: str | None = None,
        consulted: str | None = None,
    ) -> BookingOutcome:
        # An override names the prescriber consulted; these tests are not about who.
        who = consulted or (CONSULTED if reason else None)
        return clinic.booking.book(
            NURSE,
            BookingRequest(
                mrn=mrn,
                therapy=therapy,
                start=start,
                chair=chair,
                override_reason=reason,
                consulted=who,
            ),
        )

    return do
