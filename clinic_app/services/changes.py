"""Change events: what a committed write changed, for every screen that shows it.

The feed API (small on purpose; the GUI bridge and the server's event stream build on it):

- ``Change``: one committed write (or several, merged). ``kinds`` says what sort of data it
  changed (``ChangeKind``), ``days`` the clinic-local days whose diary changed (a session or
  lab draw on that day was written, or its findings were), ``mrns`` the patients concerned,
  ``session_ids`` the sessions written. ``everything`` means "reload whatever you show": a
  clinic or rule setting changed, a payload was too big to list it all, or a listener lost
  its connection and may have missed events. ``touches_day``, ``touches_patient`` and
  ``touches`` answer "is this mine?".
- ``ChangeFeed``: ``subscribe(callback) -> unsubscribe`` and ``publish(change)``. Callbacks
  run on the thread that committed (a worker thread in the GUI, the PostgreSQL listener's
  thread for another process's writes): a subscriber that touches widgets must hop to its own
  thread (``gui/common/live_changes.py`` does). A failing callback is logged, never raised into
  the write that already committed.

How a change is made: the unit of work notes every row each flush writes
(``persistence/change_tracking.py``); ``FeedHooks.before_commit`` turns that into a ``Change``
inside the transaction and, on PostgreSQL, sends it with ``pg_notify`` on the channel
``clinic_changes`` (delivered by the server only if the transaction commits);
``FeedHooks.after_commit`` publishes it into the feed once the commit succeeded. A rolled-back
or refused write publishes nothing; a write that touched only the audit trail (a login, a
refusal, an export) publishes nothing either.

Between processes on one PostgreSQL database, ``ChangeFeed.receive`` is what the listener
(``persistence.change_tracking.ChangeListener``, started by ``Services.start_change_listener``)
calls with each payload: events whose origin is this feed's own are dropped (they were
published locally already). On SQLite (one PC, one process) the in-process feed is all.
"""

from __future__ import annotations

import enum
import json
import logging
import secrets
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from clinic_app.persistence.change_tracking import (
    MAX_PAYLOAD_BYTES,
    Touched,
    notify,
    touched,
    written_tables,
)

log = logging.getLogger(__name__)
PAYLOAD_VERSION = 1


class ChangeKind(enum.StrEnum):
    """What sort of data a write changed."""

    SESSION = "session"  # a session, its status, findings or overrides
    LAB = "lab"  # a lab draw or its links to sessions
    PATIENT = "patient"
    EXPOSURE = "exposure"  # an exposure recorded outside the clinic
    RESULT = "result"  # lab results, weights, result alerts
    SETTINGS = "settings"  # the clinic, opening hours, closed dates, chairs, lab station
    RULES = "rules"  # the clinic's rule settings
    USERS = "users"
    WAITLIST = "waitlist"  # a waitlist entry added, withdrawn or booked
    TEMPLATE = "template"  # a weekly slot template built (the slot finder's marks change)


# Every table the app writes, and the kind of change writing it is. None: not shown by any
# screen that refreshes live (the audit trail; a helper table kept by the database).
# tests/services/test_change_feed.py fails when a table is missing here.
TABLE_KINDS: dict[str, ChangeKind | None] = {
    "sessions": ChangeKind.SESSION,
    "session_findings": ChangeKind.SESSION,
    "overrides": ChangeKind.SESSION,
    "lab_appointments": ChangeKind.LAB,
    "lab_links": ChangeKind.LAB,
    "patients": ChangeKind.PATIENT,
    "exposures": ChangeKind.EXPOSURE,
    "lab_results": ChangeKind.RESULT,
    "body_weights": ChangeKind.RESULT,
    "result_alerts": ChangeKind.RESULT,
    "clinic_settings": ChangeKind.SETTINGS,
    "opening_hours": ChangeKind.SETTINGS,
    "closed_dates": ChangeKind.SETTINGS,
    "chairs": ChangeKind.SETTINGS,
    "lab_stations": ChangeKind.SETTINGS,
    # The nurse rota and assignments (issue 14): every day's nurse column and load may change.
    "nurses": ChangeKind.SETTINGS,
    "nurse_shifts": ChangeKind.SETTINGS,
    "nurse_breaks": ChangeKind.SETTINGS,
    "nurse_assignments": ChangeKind.SETTINGS,
    "rule_settings": ChangeKind.RULES,
    "users": ChangeKind.USERS,
    "waitlist_entries": ChangeKind.WAITLIST,
    "slot_templates": ChangeKind.TEMPLATE,
    "slot_template_starts": ChangeKind.TEMPLATE,
    "audit_log": None,
    "interval_bounds": None,
    # The clinic server's own bookkeeping: session tokens, failed logins, stored responses.
    "user_sessions": None,
    "login_attempts": None,
    "idempotency_keys": None,
}
# Kinds whose change may alter what any day or patient looks like: receivers reload all.
_EVERYWHERE = frozenset({ChangeKind.SETTINGS, ChangeKind.RULES})


@dataclass(frozen=True, slots=True)
class Change:
    """What one or more committed writes changed (see the module's text)."""

    kinds: frozenset[ChangeKind]
    days: frozenset[date] = frozenset()
    mrns: frozenset[str] = frozenset()
    session_ids: frozenset[int] = frozenset()
    everything: bool = False
    origin: str = ""

    def touches_day(self, day: date) -> bool:
        """True when the diary of ``day`` may look different now."""
        return self.everything or day in self.days

    def touches_days(self, days: Iterable[date]) -> bool:
        """True when any of ``days`` may look different now (a week, a range)."""
        return self.everything or not self.days.isdisjoint(days)

    def touches_patient(self, mrn: str) -> bool:
        """True when what is shown about patient ``mrn`` may be different now."""
        return self.everything or mrn in self.mrns

    def touches(self, *kinds: ChangeKind) -> bool:
        """True when the change is of any of ``kinds`` (or of everything)."""
        return self.everything or not self.kinds.isdisjoint(kinds)

    @classmethod
    def of_everything(cls, origin: str = "") -> Change:
        """ "Reload whatever you show": every kind, every day, every patient."""
        return cls(kinds=frozenset(ChangeKind), everything=True, origin=origin)

    @classmethod
    def merge(cls, changes: Iterable[Change]) -> Change:
        """One change that covers all of ``changes`` (the origin of the first)."""
        items = list(changes)
        if not items:
            raise ValueError("nothing to merge")
        if len(items) == 1:
            return items[0]
        return cls(
            kinds=frozenset().union(*(c.kinds for c in items)),
            days=frozenset().union(*(c.days for c in items)),
            mrns=frozenset().union(*(c.mrns for c in items)),
            session_ids=frozenset().union(*(c.session_ids for c in items)),
            everything=any(c.everything for c in items),
            origin=items[0].origin,
        )

    # ------------------------------------------------------------------ the wire format

    def to_payload(self) -> str:
        """Compact JSON (PostgreSQL NOTIFY, the server's event stream), under 8000 bytes: a
        change too big to list becomes "everything changed" of the same kinds."""
        body: dict[str, object] = {
            "v": PAYLOAD_VERSION,
            "o": self.origin,
            "k": sorted(k.value for k in self.kinds),
        }
        if self.everything:
            body["e"] = 1
        else:
            body["d"] = sorted(d.isoformat() for d in self.days)
            body["m"] = sorted(self.mrns)
            body["s"] = sorted(self.session_ids)
        text = json.dumps(body, separators=(",", ":"))
        if len(text.encode()) > MAX_PAYLOAD_BYTES:
            body = {"v": PAYLOAD_VERSION, "o": self.origin, "k": body["k"], "e": 1}
            text = json.dumps(body, separators=(",", ":"))
        return text

    @classmethod
    def from_payload(cls, text: str) -> Change:
        """The change a payload stands for; a payload this version cannot read is
        "everything changed" (reloading too much is safe, missing a change is not)."""
        try:
            body = json.loads(text)
            if body.get("v") != PAYLOAD_VERSION:
                raise ValueError(f"payload version {body.get('v')!r}")
            origin = str(body.get("o", ""))
            kinds = frozenset(ChangeKind(k) for k in body["k"])
            if body.get("e"):
                return cls(kinds=kinds, everything=True, origin=origin)
            return cls(
                kinds=kinds,
                days=frozenset(date.fromisoformat(d) for d in body["d"]),
                mrns=frozenset(str(m) for m in body["m"]),
                session_ids=frozenset(int(s) for s in body["s"]),
                origin=origin,
            )
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            log.warning("change payload not understood (%s): reloading everything", error)
            return cls.of_everything()


def change_of(record: Touched, origin: str) -> Change | None:
    """The change a transaction's written rows amount to, or None when no screen shows them."""
    kinds = set()
    for table in record.tables:
        if table not in TABLE_KINDS:
            # A table this module does not know yet: say everything changed, never nothing.
            return Change.of_everything(origin)
        kind = TABLE_KINDS[table]
        if kind is not None:
            kinds.add(kind)
    if not kinds:
        return None
    zone = ZoneInfo(record.timezone) if record.timezone else None
    return Change(
        kinds=frozenset(kinds),
        days=frozenset(_local_day(start, zone) for start in record.starts_utc),
        mrns=frozenset(record.mrns),
        session_ids=frozenset(record.session_ids),
        everything=not _EVERYWHERE.isdisjoint(kinds),
        origin=origin,
    )


def _local_day(moment: datetime, zone: ZoneInfo | None) -> date:
    return moment.astimezone(zone).date() if zone is not None else moment.date()


ChangeCallback = Callable[[Change], None]


@dataclass(eq=False)
class ChangeFeed:
    """Publishes committed changes to subscribers (thread-safe; see the module's text).

    ``origin`` names this feed in payloads, so that a listener hands on only the changes
    other feeds (other processes, other services on the same database) made.
    """

    origin: str = field(default_factory=lambda: secrets.token_hex(8))
    _subscribers: list[ChangeCallback] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def subscribe(self, callback: ChangeCallback) -> Callable[[], None]:
        """Call ``callback(change)`` for every change from now on; returns the unsubscribe
        function (calling it twice is harmless)."""
        with self._lock:
            self._subscribers.append(callback)

        def unsubscribe() -> None:
            with self._lock:
                if callback in self._subscribers:
                    self._subscribers.remove(callback)

        return unsubscribe

    def publish(self, change: Change) -> None:
        """Hand ``change`` to every subscriber, on this thread."""
        with self._lock:
            subscribers = list(self._subscribers)
        for callback in subscribers:
            try:
                callback(change)
            except Exception:  # the write has committed; a subscriber's failure is its own
                log.exception("a change subscriber failed")

    def receive(self, payload: str | None) -> None:
        """A payload from the channel shared with other processes (None: the listener may
        have missed some): publish it unless this feed sent it."""
        if payload is None:
            self.publish(Change.of_everything())
            return
        change = Change.from_payload(payload)
        if change.origin != self.origin:
            self.publish(change)


class FeedHooks:
    """The commit hooks that turn every committed write into a ``Change`` on ``feed``."""

    def __init__(self, feed: ChangeFeed) -> None:
        self.feed = feed

    def before_commit(self, session: Session) -> Change | None:
        """Inside the transaction: the change, sent with ``pg_notify`` on PostgreSQL."""
        tables = written_tables(session)
        if all(TABLE_KINDS.get(table, ChangeKind.SETTINGS) is None for table in tables):
            return None  # nothing written, or the audit trail alone: no lookups, no change
        change = change_of(touched(session), self.feed.origin)
        if change is not None and session.get_bind().dialect.name == "postgresql":
            notify(session, change.to_payload())
        return change

    def after_commit(self, notes: list[object]) -> None:
        """After the commit: publish the changes (one merged change for several)."""
        changes = [note for note in notes if isinstance(note, Change)]
        if changes:
            self.feed.publish(Change.merge(changes))
