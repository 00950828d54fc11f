"""What a write touched, and PostgreSQL's channel for telling other processes about it.

Every flush of a writing unit of work notes, in ``session.info``, the tables it wrote and the
sessions, lab draws and patients they belong to (a finding row counts for its session, a lab
link for its draw and session, a moved session for its old start and its new one). Nothing is
asked of the services: a booking's re-checked neighbours and moved lab draws are noted because
they were flushed. ``touched(session)`` gives the whole record at commit time, with the starts
and MRNs looked up (from the identity map, else with one query) where a flush could not see
them.

On PostgreSQL the services send a summary with ``notify`` inside the write transaction
(``pg_notify``: the server delivers it to listeners only if the transaction commits), and
``ChangeListener`` is the receiving end: a daemon thread with its own psycopg connection that
``LISTEN``s on the channel and reconnects with a growing pause when the connection drops.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import event, inspect, select, text
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session, sessionmaker

from clinic_app.persistence.models import (
    ClinicSettingsRow,
    LabAppointmentRow,
    LabLinkRow,
    OverrideRow,
    PatientRow,
    SessionFindingRow,
    SessionRow,
)

CHANNEL = "clinic_changes"
# PostgreSQL refuses a NOTIFY payload of 8000 bytes or more.
MAX_PAYLOAD_BYTES = 7999
_INFO_KEY = "clinic_touched"
# The clinic's zone, kept in session.info by repositories.load_calendar (saves a look-up).
CLINIC_ZONE = "clinic_zone"
log = logging.getLogger(__name__)


@dataclass
class Touched:
    """The rows one transaction wrote, by what they belong to.

    ``tables``: every table written. ``starts_utc``: the start (before and after) of every
    session and lab draw written. ``session_ids``: sessions written, or whose findings,
    overrides or lab links were. ``patient_ids`` and ``mrns``: the patients they belong to.
    ``timezone``: the clinic's zone (None before the clinic exists).
    """

    tables: set[str] = field(default_factory=set)
    starts_utc: set[datetime] = field(default_factory=set)
    session_ids: set[int] = field(default_factory=set)
    lab_ids: set[int] = field(default_factory=set)
    patient_ids: set[int] = field(default_factory=set)
    mrns: set[str] = field(default_factory=set)
    timezone: str | None = None
    # Sessions and draws whose start a flush could not see (their row was not loaded).
    _unplaced_sessions: set[int] = field(default_factory=set)
    _unplaced_labs: set[int] = field(default_factory=set)


def track_writes(factory: sessionmaker[Session]) -> None:
    """Note what every flush of ``factory``'s sessions writes (read by ``touched``)."""
    event.listen(factory, "after_flush", _after_flush)


def _values(obj: object, attribute: str) -> list[Any]:
    """The attribute's value now and before this flush (history is still pre-flush here)."""
    history = inspect(obj).attrs[attribute].history
    return [v for v in (*history.added, *history.unchanged, *history.deleted) if v is not None]


def _after_flush(session: Session, _context: object) -> None:
    record: Touched = session.info.setdefault(_INFO_KEY, Touched())
    dirty = (o for o in session.dirty if session.is_modified(o, include_collections=False))
    for obj in (*session.new, *dirty, *session.deleted):
        table = getattr(obj, "__tablename__", None)
        if table is None:
            continue
        record.tables.add(table)
        if isinstance(obj, SessionRow | LabAppointmentRow):
            record.starts_utc.update(_values(obj, "start_utc"))
            record.patient_ids.update(_values(obj, "patient_id"))
            ids = record.session_ids if isinstance(obj, SessionRow) else record.lab_ids
            ids.update(_values(obj, "id"))
        elif isinstance(obj, PatientRow):
            record.patient_ids.update(_values(obj, "id"))
            record.mrns.update(_values(obj, "mrn"))
        else:
            record.patient_ids.update(
                _values(obj, "patient_id") if hasattr(obj, "patient_id") else ()
            )
        if isinstance(obj, SessionFindingRow | OverrideRow | LabLinkRow):
            for session_id in _values(obj, "session_id"):
                _place(session, record, SessionRow, session_id)
        if isinstance(obj, LabLinkRow):
            for lab_id in _values(obj, "lab_id"):
                _place(session, record, LabAppointmentRow, lab_id)


def _place(
    session: Session,
    record: Touched,
    model: type[SessionRow] | type[LabAppointmentRow],
    row_id: int,
) -> None:
    """Note the session or draw ``row_id``, with its start and patient when it is loaded."""
    ids = record.session_ids if model is SessionRow else record.lab_ids
    if row_id in ids:
        return  # written itself, so noted with its start already
    row = session.identity_map.get(session.identity_key(model, row_id))
    if isinstance(row, model):
        ids.add(row_id)
        record.starts_utc.add(row.start_utc)
        record.patient_ids.add(row.patient_id)
    elif model is SessionRow:
        record._unplaced_sessions.add(row_id)
    else:
        record._unplaced_labs.add(row_id)


def written_tables(session: Session) -> frozenset[str]:
    """The tables the session's flushes wrote so far (nothing is looked up)."""
    record: Touched | None = session.info.get(_INFO_KEY)
    return frozenset(record.tables) if record is not None else frozenset()


def touched(session: Session) -> Touched:
    """Everything the session's flushes wrote so far, with starts, MRNs and the clinic's zone.

    Reads the identity map first; only what was never loaded is queried (one statement per
    kind of row, none for an ordinary booking).
    """
    record: Touched = session.info.get(_INFO_KEY) or Touched()
    for model, unplaced, ids in (
        (SessionRow, record._unplaced_sessions, record.session_ids),
        (LabAppointmentRow, record._unplaced_labs, record.lab_ids),
    ):
        unplaced -= ids
        if unplaced:
            found = session.execute(
                select(model.start_utc, model.patient_id).where(model.id.in_(sorted(unplaced)))
            )
            for start, patient_id in found:
                record.starts_utc.add(start)
                record.patient_ids.add(patient_id)
            ids.update(unplaced)
            unplaced.clear()
    missing: list[int] = []
    for patient_id in record.patient_ids:
        row = session.identity_map.get(session.identity_key(PatientRow, patient_id))
        if isinstance(row, PatientRow):
            record.mrns.add(row.mrn)
        else:
            missing.append(patient_id)
    if missing:
        record.mrns.update(
            session.scalars(select(PatientRow.mrn).where(PatientRow.id.in_(sorted(missing))))
        )
    zone = session.info.get(CLINIC_ZONE)
    if zone is None:
        settings = session.get(ClinicSettingsRow, 1)
        zone = settings.timezone if settings is not None else None
    record.timezone = zone
    return record


def notify(session: Session, payload: str) -> None:
    """Queue ``payload`` on the channel; PostgreSQL delivers it only if the transaction commits."""
    session.execute(
        text("SELECT pg_notify(:channel, :payload)"), {"channel": CHANNEL, "payload": payload}
    )


def libpq_url(url: URL) -> str:
    """A SQLAlchemy PostgreSQL URL as the connection string psycopg itself takes."""
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


class ChangeListener:
    """A daemon thread that hands every payload on the channel to ``on_payload``.

    ``on_payload(None)`` means "something may have been missed": the connection was lost and
    is back (notifications sent meanwhile are gone), so the receiver should reload everything.
    It runs on the listener's thread. ``stop()`` ends the thread within about ``poll_seconds``.
    """

    def __init__(
        self,
        conninfo: str,
        on_payload: Callable[[str | None], None],
        *,
        poll_seconds: float = 0.25,
        first_retry_seconds: float = 0.5,
        max_retry_seconds: float = 30.0,
    ) -> None:
        self._conninfo = conninfo
        self._on_payload = on_payload
        self._poll = poll_seconds
        self._first_retry = first_retry_seconds
        self._max_retry = max_retry_seconds
        self._stop = threading.Event()
        self.listening = threading.Event()  # set while LISTEN is in force (tests wait on it)
        self._thread = threading.Thread(
            target=self._run, name="clinic-change-listener", daemon=True
        )

    def start(self) -> None:
        """Start listening (returns at once; ``listening`` is set once LISTEN is in force)."""
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop listening and close the connection."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def _run(self) -> None:
        # Imported here: only a PostgreSQL listener needs the driver itself, and the app's
        # start on SQLite should not pay for importing it.
        import psycopg

        pause = self._first_retry
        connected_before = False
        while not self._stop.is_set():
            try:
                with psycopg.connect(self._conninfo, autocommit=True, connect_timeout=10) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    self.listening.set()
                    pause = self._first_retry
                    if connected_before:
                        self._deliver([None])
                    connected_before = True
                    while not self._stop.is_set():
                        self._deliver(n.payload for n in conn.notifies(timeout=self._poll))
            except psycopg.Error as error:
                self.listening.clear()
                log.warning("change listener: %s; retrying in %.1f s", type(error).__name__, pause)
                self._stop.wait(pause)
                pause = min(pause * 2, self._max_retry)
        self.listening.clear()

    def _deliver(self, payloads: Iterable[str | None]) -> None:
        for payload in payloads:
            try:
                self._on_payload(payload)
            except Exception:  # a receiver's bug must not end the listening
                log.exception("change listener: the receiver failed")
