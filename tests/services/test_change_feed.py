"""Change events (services/changes.py): every committed write publishes what it changed, only
after the commit; a refused, rolled-back or dry-run write publishes nothing. Every public
write method of the services is listed here and run (a new public method that is in no list
fails ``test_every_public_method_is_listed``). On SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
import inspect
import typing
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest
from dateutil.relativedelta import relativedelta

from clinic_app import service_api as api
from clinic_app.bootstrap import Services
from clinic_app.domain.errors import PermissionDeniedError, RuleRefusalError
from clinic_app.persistence.models import Base
from clinic_app.services.auth import AuthenticationError
from clinic_app.services.booking import BookingRequest
from clinic_app.services.changes import TABLE_KINDS, Change, ChangeFeed, ChangeKind
from clinic_app.services.clock import fixed_clock
from clinic_app.services.exports import ExportRequest
from clinic_app.services.lab_results import ResultEntry
from clinic_app.services.result_import import PendingResult
from tests.conftest import ADMIN, DESK, LONDON, MANAGER, NURSE
from tests.services.conftest import ContractRemote

K = ChangeKind
DAY = date(2026, 11, 25)  # a Wednesday, two days after the fixed "now"
START = f"{DAY} 10:00"


@contextmanager
def published(services: Services) -> Iterator[list[Change]]:
    """The changes the feed publishes inside the block."""
    got: list[Change] = []
    unsubscribe = services.ctx.feed.subscribe(got.append)
    try:
        yield got
    finally:
        unsubscribe()


def book(services: Services, mrn: str = "M001", start: str = START, **extra: str) -> int:
    outcome = services.booking.book(
        NURSE, BookingRequest(mrn=mrn, therapy="zoledronic-acid", start=start, **extra)
    )
    assert outcome.session.id is not None
    return outcome.session.id


# ---------------------------------------------------------------------- after the commit


def test_a_booking_publishes_its_day_patient_session_and_labs_after_the_commit(
    clinic: Services,
) -> None:
    seen_by_subscriber: list[int] = []

    def look(change: Change) -> None:
        # The subscriber reads the database: the booking is there, so the commit came first.
        seen_by_subscriber.extend(s.id for s in clinic.queries.day(NURSE, DAY).sessions)

    unsubscribe = clinic.ctx.feed.subscribe(look)
    with published(clinic) as got:
        session_id = book(clinic)
    unsubscribe()
    (change,) = got
    assert change.kinds == {K.SESSION, K.LAB}
    assert DAY in change.days
    # The baseline draw A7 is booked on an earlier day: its day is listed too.
    lab_days = {lab.start.date() for lab in clinic.queries.patient_schedule(NURSE, "M001")[1]}
    assert lab_days and lab_days <= change.days
    assert change.mrns == {"M001"}
    assert change.session_ids == {session_id}
    assert not change.everything
    assert change.origin == clinic.ctx.feed.origin
    assert seen_by_subscriber == [session_id]


def test_a_move_publishes_the_old_day_and_the_new_one(clinic: Services) -> None:
    session_id = book(clinic)
    with published(clinic) as got:
        clinic.booking.move(NURSE, session_id, "2026-11-27 11:00")
    (change,) = got
    assert {DAY, date(2026, 11, 27)} <= change.days
    assert change.session_ids >= {session_id}


def test_a_booking_that_changes_a_neighbours_findings_names_the_neighbours_day(
    clinic: Services,
) -> None:
    clinic.setup.add_patient(DESK, mrn="M010", name="Eve Evans", date_of_birth="1955-05-05")
    iron = clinic.booking.book(
        NURSE, BookingRequest("M010", "ferric-carboxymaltose", "2026-12-07 09:00")
    )
    assert iron.session.id is not None
    with published(clinic) as got:
        outcome = clinic.booking.book(
            NURSE,
            BookingRequest(
                "M010",
                "zoledronic-acid",
                "2026-12-14 10:00",
                override_reason="oncology wants it now",
                consulted="Dr Ann Lee",
            ),
        )
    (change,) = got
    assert outcome.session.id in change.session_ids
    # The iron session a week earlier got its E3 finding: its day is in the change.
    assert iron.session.id in change.session_ids
    assert date(2026, 12, 7) in change.days


# ---------------------------------------------------------------------- nothing unless committed


def test_a_refused_booking_publishes_nothing(clinic: Services) -> None:
    clinic.setup.add_patient(DESK, mrn="M011", name="Fay Ford", date_of_birth="1950-01-01")
    clinic.setup.add_exposure(DESK, mrn="M011", drug="denosumab", last_dose="2026-11-01")
    with published(clinic) as got, pytest.raises(RuleRefusalError):
        clinic.booking.book(
            NURSE, BookingRequest("M011", "ferric-carboxymaltose", "2026-11-26 09:00")
        )
    assert got == []


def test_dry_runs_publish_nothing(clinic: Services) -> None:
    session_id = book(clinic)
    request = BookingRequest("M002", "zoledronic-acid", START)
    with published(clinic) as got:
        clinic.booking.check(NURSE, request)
        clinic.booking.check_move(NURSE, session_id, "2026-11-27 11:00")
        clinic.booking.move(NURSE, session_id, "2026-11-27 11:00", dry_run=True)
        clinic.booking.book_series(
            NURSE, request, count=2, every=relativedelta(years=1), dry_run=True
        )
    assert got == []


@pytest.mark.in_process(
    "breaks the commit of a service object's own transaction (fault injected in-process)"
)
def test_a_write_that_fails_at_commit_publishes_nothing(clinic: Services) -> None:
    """The hooks see the write inside the transaction; a commit that then fails (here: the
    feed's own hook raising, standing for a refused commit) publishes nothing."""
    hooks = clinic.ctx.db.commit_hooks
    assert hooks is not None

    class FailingCommit:
        def before_commit(self, session: object) -> object:
            hooks.before_commit(session)  # type: ignore[arg-type]
            raise RuntimeError("the database refused the commit")

        def after_commit(self, notes: list[object]) -> None:
            hooks.after_commit(notes)

    clinic.ctx.db.set_commit_hooks(FailingCommit())
    try:
        with published(clinic) as got, pytest.raises(RuntimeError):
            book(clinic)
    finally:
        clinic.ctx.db.set_commit_hooks(hooks)
    assert got == []
    assert clinic.queries.day(NURSE, DAY).sessions == ()


@pytest.mark.in_process(
    "one_transaction spans several calls in one database transaction: in-process only (no "
    "request spans two calls)"
)
def test_one_transaction_publishes_once_at_its_end_and_nothing_when_it_rolls_back(
    clinic: Services,
) -> None:
    with published(clinic) as got, pytest.raises(RuntimeError), clinic.one_transaction() as inner:
        book(inner, "M001")
        assert got == []  # the savepoint released; nothing is durable yet
        raise RuntimeError("stop")
    assert got == []
    with published(clinic) as got, clinic.one_transaction() as inner:
        first = book(inner, "M001")
        second = book(inner, "M002", start=f"{DAY} 13:00")
        assert got == []
    (change,) = got
    assert change.session_ids >= {first, second}
    assert change.mrns == {"M001", "M002"}


def test_a_failing_subscriber_neither_undoes_the_write_nor_stops_the_others(
    clinic: Services,
) -> None:
    def broken(_change: Change) -> None:
        raise ValueError("a subscriber's bug")

    unsubscribe = clinic.ctx.feed.subscribe(broken)
    with published(clinic) as got:
        session_id = book(clinic)
    unsubscribe()
    assert len(got) == 1
    assert [s.id for s in clinic.queries.day(NURSE, DAY).sessions] == [session_id]


@pytest.mark.in_process("exports.export is server-only (service_api.EXCLUDED)")
def test_audit_only_writes_publish_nothing(clinic: Services, tmp_path: Path) -> None:
    with published(clinic) as got:
        with pytest.raises(PermissionDeniedError):  # a refusal, audited
            clinic.setup.add_chair(DESK, "Chair 9")
        clinic.exports.export(ADMIN, ExportRequest(DAY, DAY, "csv", tmp_path / "out.csv"))
        clinic.audit.record_export(ADMIN, rows=1, file_name="audit.csv", filters={})
    assert got == []


# ---------------------------------------------------------------------- every write path


@dataclass(frozen=True)
class WritePath:
    """A public write method, how to run it on the test clinic, and what it must publish."""

    service: str
    method: str
    run: Callable[[Services, Path], object]
    kinds: frozenset[ChangeKind]
    mrn: str | None = None
    day: date | None = None


def _draw(clinic: Services) -> tuple[int, datetime]:
    """A zoledronic acid session and its creatinine draw (id, time), the clock past it."""
    outcome = clinic.booking.book(NURSE, BookingRequest("M003", "zoledronic-acid", START))
    (lab,) = [x for x in outcome.labs if "creatinine" in x.tests]
    assert lab.id is not None
    clinic.ctx.clock = fixed_clock(lab.start.replace(hour=lab.start.hour + 1))
    return lab.id, lab.start


def _template_history(clinic: Services) -> Callable[[], object]:
    """A session on DAY, the clock a week on: the build has a history to plan from."""
    book(clinic)
    clinic.ctx.clock = fixed_clock(datetime(2026, 12, 2, 7, 0, tzinfo=LONDON))
    return lambda: clinic.templates.build(MANAGER, weeks=1, time_limit_s=1)


def _record(clinic: Services, _tmp: Path) -> Callable[[], object]:
    lab_id, _ = _draw(clinic)
    entries = [ResultEntry("calcium", 1.80, "mmol/L")]
    return lambda: clinic.lab_results.record_results(NURSE, lab_id, entries)


def _import_pending(clinic: Services, _tmp: Path) -> Callable[[], object]:
    lab_id, _ = _draw(clinic)
    pending = [PendingResult("line 2", lab_id, "calcium", 2.3, "mmol/L", mrn="M003")]
    return lambda: clinic.lab_results.import_pending(NURSE, "results.csv", pending)


def _import_file(clinic: Services, tmp: Path) -> Callable[[], object]:
    lab_id, _ = _draw(clinic)
    path = tmp / "results.csv"
    path.write_text(f"mrn,lab_id,test,value,unit\nM003,{lab_id},calcium,2.3,mmol/L\n")
    return lambda: clinic.lab_results.import_file(NURSE, path)


def _acknowledge(clinic: Services, tmp: Path) -> object:
    _record(clinic, tmp)()  # the alert to acknowledge
    (alert,) = clinic.lab_results.open_alerts(NURSE, "M003")
    return lambda: clinic.lab_results.acknowledge(NURSE, alert.id, "called Dr Lee")


def _exposure_id(clinic: Services) -> int:
    view = clinic.setup.add_exposure(DESK, mrn="M001", drug="denosumab", last_dose="2026-01-05")
    return view.id


def _restore(clinic: Services, tmp: Path) -> object:
    if clinic.ctx.db.dialect != "sqlite":
        pytest.skip("backup and restore are for the SQLite file")
    clinic.backups.backup(ADMIN, tmp / "copy.sqlite3")
    return lambda: clinic.backups.restore(ADMIN, tmp / "copy.sqlite3")


BOOKED_AT_DAY = frozenset({K.SESSION, K.LAB})
WRITE_PATHS: tuple[WritePath, ...] = (
    WritePath("booking", "book", lambda c, _: book(c), BOOKED_AT_DAY, "M001", DAY),
    WritePath(
        "booking",
        "book_series",
        lambda c, _: c.booking.book_series(
            NURSE,
            BookingRequest("M001", "zoledronic-acid", START),
            count=2,
            every=relativedelta(years=1),
        ),
        BOOKED_AT_DAY,
        "M001",
        DAY,
    ),
    WritePath(
        "booking",
        "move",
        lambda c, _: (lambda sid: lambda: c.booking.move(NURSE, sid, "2026-11-27 11:00"))(book(c)),
        BOOKED_AT_DAY,
        "M001",
        DAY,
    ),
    WritePath(
        "booking",
        "cancel",
        lambda c, _: (lambda sid: lambda: c.booking.cancel(NURSE, sid, "patient unwell"))(book(c)),
        BOOKED_AT_DAY,
        "M001",
        DAY,
    ),
    WritePath(
        "booking",
        "apply_replan",
        # The session runs 30 minutes late: the re-plan moves it on its chair.
        lambda c, _: (
            lambda sid: (lambda proposal: lambda: c.booking.apply_replan(NURSE, proposal))(
                c.booking.propose_replan(NURSE, DAY, late={sid: 30})
            )
        )(book(c)),
        frozenset({K.SESSION}),  # its draw the day before still serves it
        "M001",
        DAY,
    ),
    WritePath(
        "booking",
        "set_status",
        lambda c, _: (lambda sid: lambda: c.booking.set_status(NURSE, sid, "no-show"))(
            book(c, start="2026-11-23 13:00")
        ),
        frozenset({K.SESSION}),
        "M001",
        date(2026, 11, 23),
    ),
    WritePath(
        "setup",
        "init_clinic",
        lambda c, _: None,  # the fixture's clinic exists: tested on an empty database below
        frozenset({K.SETTINGS}),
    ),
    WritePath(
        "setup",
        "set_clinic_phone",
        lambda c, _: c.setup.set_clinic_phone(ADMIN, "0123"),
        frozenset({K.SETTINGS}),
    ),
    WritePath(
        "setup",
        "add_chair",
        lambda c, _: c.setup.add_chair(ADMIN, "Chair 9"),
        frozenset({K.SETTINGS}),
    ),
    WritePath(
        "setup",
        "add_closed_date",
        lambda c, _: c.setup.add_closed_date(ADMIN, "2026-12-24", "Christmas Eve"),
        frozenset({K.SETTINGS}),
    ),
    WritePath(
        "setup",
        "set_opening_hours",
        lambda c, _: c.setup.set_opening_hours(ADMIN, 5, "09:00", "13:00"),
        frozenset({K.SETTINGS}),
    ),
    WritePath(
        "settings",
        "set_opening_hours",
        lambda c, _: c.settings.set_opening_hours(ADMIN, 5, "09:00", "13:00"),
        frozenset({K.SETTINGS}),
    ),
    WritePath(
        "settings",
        "add_closed_date",
        lambda c, _: c.settings.add_closed_date(ADMIN, "2026-12-24", "Christmas Eve"),
        frozenset({K.SETTINGS}),
    ),
    WritePath(
        "settings",
        "remove_closed_date",
        lambda c, _: (
            c.settings.add_closed_date(ADMIN, "2026-12-24", "Christmas Eve"),
            lambda: c.settings.remove_closed_date(ADMIN, "2026-12-24"),
        )[1],
        frozenset({K.SETTINGS}),
    ),
    WritePath(
        "settings",
        "import_bank_holidays",
        lambda c, _: c.settings.import_bank_holidays(ADMIN, "GB", 2027, 2027, subdivision="ENG"),
        frozenset({K.SETTINGS}),
    ),
    WritePath(
        "settings",
        "set_timezone",
        lambda c, _: c.settings.set_timezone(ADMIN, "Europe/Dublin"),
        frozenset({K.SETTINGS}),
    ),
    WritePath(
        "settings",
        "set_lab_capacity",
        lambda c, _: c.settings.set_lab_capacity(ADMIN, 3),
        frozenset({K.SETTINGS}),
    ),
    WritePath(
        "settings",
        "add_chair",
        lambda c, _: c.settings.add_chair(ADMIN, "Chair 9"),
        frozenset({K.SETTINGS}),
    ),
    WritePath(
        "settings",
        "rename_chair",
        lambda c, _: c.settings.rename_chair(ADMIN, "Chair 3", "Window chair"),
        frozenset({K.SETTINGS}),
    ),
    WritePath(
        "settings",
        "retire_chair",
        lambda c, _: c.settings.retire_chair(ADMIN, "Chair 3"),
        frozenset({K.SETTINGS}),
    ),
    WritePath(
        "settings",
        "reinstate_chair",
        lambda c, _: (
            c.settings.retire_chair(ADMIN, "Chair 3"),
            lambda: c.settings.reinstate_chair(ADMIN, "Chair 3"),
        )[1],
        frozenset({K.SETTINGS}),
    ),
    WritePath(
        "setup",
        "add_patient",
        lambda c, _: c.setup.add_patient(
            DESK, mrn="M020", name="Gil Grey", date_of_birth="1960-02-02"
        ),
        frozenset({K.PATIENT}),
        "M020",
    ),
    WritePath(
        "setup",
        "add_exposure",
        lambda c, _: c.setup.add_exposure(
            DESK, mrn="M001", drug="denosumab", last_dose="2026-01-05"
        ),
        frozenset({K.EXPOSURE}),
        "M001",
    ),
    WritePath(
        "setup",
        "record_exposure",
        lambda c, _: c.setup.record_exposure(
            DESK, mrn="M001", drug="denosumab", last_dose_unknown=True
        ),
        frozenset({K.EXPOSURE}),
        "M001",
    ),
    WritePath(
        "setup",
        "update_exposure",
        lambda c, _: (lambda eid: lambda: c.setup.update_exposure(DESK, eid, where="GP"))(
            _exposure_id(c)
        ),
        frozenset({K.EXPOSURE}),
        "M001",
    ),
    WritePath(
        "setup",
        "remove_exposure",
        lambda c, _: (lambda eid: lambda: c.setup.remove_exposure(DESK, eid, "entered in error"))(
            _exposure_id(c)
        ),
        frozenset({K.EXPOSURE}),
        "M001",
    ),
    WritePath("lab_results", "record_results", _record, frozenset({K.RESULT, K.LAB}), "M003"),
    WritePath(
        "lab_results", "import_pending", _import_pending, frozenset({K.RESULT, K.LAB}), "M003"
    ),
    WritePath("lab_results", "import_file", _import_file, frozenset({K.RESULT, K.LAB}), "M003"),
    WritePath(
        "lab_results",
        "record_weight",
        lambda c, _: c.lab_results.record_weight(NURSE, "M002", 71.5),
        frozenset({K.RESULT}),
        "M002",
    ),
    WritePath("lab_results", "acknowledge", _acknowledge, frozenset({K.RESULT}), "M003"),
    WritePath(
        "rule_settings",
        "change",
        lambda c, _: c.rule_settings.change(ADMIN, "E3", {"window": {"weeks": 16}}),
        frozenset({K.RULES}),
    ),
    WritePath(
        "rule_settings",
        "reset",
        lambda c, _: (
            (lambda: c.rule_settings.reset(ADMIN, "E3"))
            if c.rule_settings.change(ADMIN, "E3", {"window": {"weeks": 16}})
            else None
        ),
        frozenset({K.RULES}),
    ),
    WritePath(
        "auth",
        "create_first_admin",
        lambda c, _: None,  # needs a database without users: tested below
        frozenset({K.USERS}),
    ),
    WritePath(
        "auth",
        "add_user",
        lambda c, _: c.auth.add_user(ADMIN, "new.desk", "front-desk", "a long password 1"),
        frozenset({K.USERS}),
    ),
    WritePath(
        "auth",
        "set_password",
        lambda c, _: (
            (lambda: c.auth.set_password(ADMIN, "new.desk", "another password 2"))
            if c.auth.add_user(ADMIN, "new.desk", "front-desk", "a long password 1")
            else None
        ),
        frozenset({K.USERS}),
    ),
    WritePath(
        "auth",
        "require_password_change",
        lambda c, _: (
            (lambda: c.auth.require_password_change(ADMIN, "new.desk"))
            if c.auth.add_user(ADMIN, "new.desk", "front-desk", "a long password 1")
            else None
        ),
        frozenset({K.USERS}),
    ),
    WritePath(
        "auth",
        "deactivate_user",
        lambda c, _: (
            (lambda: c.auth.deactivate_user(ADMIN, "new.desk"))
            if c.auth.add_user(ADMIN, "new.desk", "front-desk", "a long password 1")
            else None
        ),
        frozenset({K.USERS}),
    ),
    WritePath(
        "auth",
        "reactivate_user",
        lambda c, _: (
            (lambda: c.auth.reactivate_user(ADMIN, "new.desk"))
            if c.auth.add_user(ADMIN, "new.desk", "front-desk", "a long password 1")
            and c.auth.deactivate_user(ADMIN, "new.desk")
            else None
        ),
        frozenset({K.USERS}),
    ),
    WritePath(
        "auth",
        "set_role",
        lambda c, _: (
            (lambda: c.auth.set_role(ADMIN, "new.desk", "nurse"))
            if c.auth.add_user(ADMIN, "new.desk", "front-desk", "a long password 1")
            else None
        ),
        frozenset({K.USERS}),
    ),
    WritePath("backups", "restore", _restore, frozenset(ChangeKind)),
    WritePath(
        "staffing",
        "add_nurse",
        lambda c, _: c.staffing.add_nurse(MANAGER, "Nora Night"),
        frozenset({K.SETTINGS}),
    ),
    WritePath(
        "staffing",
        "rename_nurse",
        lambda c, _: (
            (lambda: c.staffing.rename_nurse(MANAGER, "Nora Night", "Nora Day"))
            if c.staffing.add_nurse(MANAGER, "Nora Night")
            else None
        ),
        frozenset({K.SETTINGS}),
    ),
    WritePath(
        "staffing",
        "retire_nurse",
        lambda c, _: (
            (lambda: c.staffing.retire_nurse(ADMIN, "Nora Night"))
            if c.staffing.add_nurse(MANAGER, "Nora Night")
            else None
        ),
        frozenset({K.SETTINGS}),
    ),
    WritePath(
        "staffing",
        "set_shift",
        lambda c, _: (
            (lambda: c.staffing.set_shift(MANAGER, "Nora Night", DAY, "08:00", "16:00"))
            if c.staffing.add_nurse(MANAGER, "Nora Night")
            else None
        ),
        frozenset({K.SETTINGS}),
    ),
    WritePath(
        "staffing",
        "remove_shift",
        lambda c, _: (
            (lambda: c.staffing.remove_shift(MANAGER, "Nora Night", DAY))
            if c.staffing.add_nurse(MANAGER, "Nora Night")
            and c.staffing.set_shift(MANAGER, "Nora Night", DAY, "08:00", "16:00")
            else None
        ),
        frozenset({K.SETTINGS}),
    ),
    WritePath(
        "staffing",
        "reassign",
        lambda c, _: (
            (lambda sid: lambda: c.staffing.reassign(NURSE, sid, "Nora Night"))(book(c))
            if c.staffing.add_nurse(MANAGER, "Nora Night")
            and c.staffing.set_shift(MANAGER, "Nora Night", DAY, "08:00", "16:00")
            else None
        ),
        frozenset({K.SETTINGS}),
    ),
    WritePath(
        "staffing",
        "set_nurse_ratio",
        lambda c, _: c.staffing.set_nurse_ratio(MANAGER, 3),
        frozenset({K.SETTINGS}),
    ),
    WritePath(
        "waitlist",
        "add",
        lambda c, _: c.waitlist.add(DESK, "M001", "zoledronic-acid", DAY, "2026-12-31"),
        frozenset({K.WAITLIST}),
        "M001",
    ),
    WritePath(
        "waitlist",
        "withdraw",
        lambda c, _: (lambda e: lambda: c.waitlist.withdraw(DESK, e.id, "booked elsewhere"))(
            c.waitlist.add(DESK, "M001", "zoledronic-acid", DAY, "2026-12-31")
        ),
        frozenset({K.WAITLIST}),
        "M001",
    ),
    WritePath(
        "waitlist",
        "take",
        lambda c, _: (lambda e: lambda: c.waitlist.take(DESK, e.id, "Chair 1", START))(
            c.waitlist.add(DESK, "M001", "zoledronic-acid", DAY, "2026-12-31")
        ),
        frozenset({K.WAITLIST}) | BOOKED_AT_DAY,
        "M001",
        DAY,
    ),
    WritePath("templates", "build", lambda c, _: _template_history(c), frozenset({K.TEMPLATE})),
)
# Public methods that write only the audit trail (or nothing the screens show): no change.
AUDIT_ONLY = {
    ("auth", "authenticate"),  # counts failed attempts on the user's row: USERS, see below
    ("audit", "record_export"),
    ("letters", "write_letters"),
    ("letters", "record_printed"),
    # The clinic server's sessions: its own tables (no screen shows them) and the audit trail.
    ("sessions", "login"),
    ("sessions", "actor_for"),
    ("sessions", "logout"),
    ("sessions", "revoke_user"),
    ("backups", "backup"),
    ("exports", "export"),
    ("exports", "record_written"),
    # The clinic server's stored responses: a table no screen shows.
    ("idempotency", "remember"),
}
# Public methods that read, or check without writing (dry runs).
READ_ONLY = {
    ("booking", "check"),
    ("booking", "check_move"),
    ("booking", "propose_replan"),
    ("booking", "find_slots"),
    ("booking", "next_statuses"),
    ("setup", "chairs"),
    ("setup", "clinic_name"),
    ("setup", "clinic_phone"),
    ("setup", "exposures"),
    ("setup", "is_initialised"),
    ("setup", "patient"),
    ("setup", "search_patients"),
    ("settings", "clinic_settings"),
    ("settings", "affected_bookings"),
    ("queries", "calendar"),
    ("queries", "day"),
    ("queries", "day_screen"),
    ("queries", "week_occupancy"),
    ("queries", "doses_due"),
    ("queries", "patient_schedule"),
    ("queries", "sessions_between"),
    ("auth", "has_users"),
    ("auth", "users"),
    ("auth", "password_change_required"),
    ("audit", "entries"),
    ("rule_settings", "current"),
    ("reports", "build"),
    ("reports", "capacity"),
    ("letters", "letter_data"),
    ("exports", "plan"),
    ("sessions", "is_open"),
    ("lab_results", "clearance"),
    ("lab_results", "open_alerts"),
    ("lab_results", "patient_results"),
    ("lab_results", "results_list"),
    ("lab_results", "test_units"),
    ("idempotency", "recall"),
    ("staffing", "nurses"),
    ("staffing", "nurse_ratio"),
    ("staffing", "day_load"),
    ("staffing", "assignment"),
    ("staffing", "my_patients"),
    ("waitlist", "entries"),
    ("waitlist", "offer_for_session"),
    ("waitlist", "offer_slot"),
    ("templates", "current"),
    ("templates", "day_slots"),
    ("templates", "compliance"),
}


def _public_methods() -> set[tuple[str, str]]:
    hints = typing.get_type_hints(Services)
    methods = set()
    for field in dataclasses.fields(Services):
        kind = hints[field.name]
        if field.name in ("ctx", "rules") or not inspect.isclass(kind):
            continue
        if not kind.__module__.startswith("clinic_app.services"):
            continue
        for name, _value in inspect.getmembers(kind, inspect.isfunction):
            if not name.startswith("_"):
                methods.add((field.name, name))
    return methods


def test_every_public_method_is_listed() -> None:
    """A new public service method must say whether it writes (and then be run below)."""
    listed = {(p.service, p.method) for p in WRITE_PATHS} | AUDIT_ONLY | READ_ONLY
    assert _public_methods() - listed == set(), "list it in WRITE_PATHS, AUDIT_ONLY or READ_ONLY"
    assert listed - _public_methods() == set(), "listed but gone"


def test_every_table_has_a_kind() -> None:
    assert set(Base.metadata.tables) == set(TABLE_KINDS)


# The first administrator and the clinic itself need an empty database: see
# test_the_first_writes_publish.
ON_AN_EMPTY_DATABASE = {("setup", "init_clinic"), ("auth", "create_first_admin")}


@pytest.mark.parametrize(
    "path",
    [p for p in WRITE_PATHS if (p.service, p.method) not in ON_AN_EMPTY_DATABASE],
    ids=lambda p: f"{p.service}.{p.method}",
)
def test_each_write_path_publishes_after_its_commit(
    clinic: Services, path: WritePath, tmp_path: Path
) -> None:
    server_only = api.EXCLUDED.get(path.service, {})
    if isinstance(clinic, ContractRemote) and path.method in server_only:
        pytest.skip(f"{path.service}.{path.method} is server-only: {server_only[path.method]}")
    prepared = path.run(clinic, tmp_path) if path.method in _DEFERRED else None
    with published(clinic) as got:
        if prepared is not None:
            assert callable(prepared)
            prepared()
        else:
            path.run(clinic, tmp_path)
    assert len(got) == 1, got
    (change,) = got
    assert path.kinds <= change.kinds or change.everything, change
    if path.mrn is not None:
        assert change.touches_patient(path.mrn), change
    if path.day is not None:
        assert change.touches_day(path.day), change
    if change.kinds & {K.SETTINGS, K.RULES}:
        assert change.everything
    assert change.origin == clinic.ctx.feed.origin


# The paths whose ``run`` prepares and returns the call under test.
_DEFERRED = {
    "build",
    "reassign",
    "rename_nurse",
    "retire_nurse",
    "set_shift",
    "remove_shift",
    "move",
    "cancel",
    "apply_replan",
    "set_status",
    "update_exposure",
    "remove_exposure",
    "acknowledge",
    "reset",
    "set_password",
    "deactivate_user",
    "reactivate_user",
    "set_role",
    "require_password_change",
    "remove_closed_date",
    "reinstate_chair",
    "restore",
    "record_results",
    "import_pending",
    "import_file",
    "withdraw",
    "take",
}


def test_the_first_writes_publish(db_url: str) -> None:
    from clinic_app.bootstrap import open_services
    from tests.conftest import NOW

    services = open_services(db_url, clock=fixed_clock(NOW))
    try:
        with published(services) as got:
            services.auth.create_first_admin("ada.admin", "a long password 1")
            services.setup.init_clinic(ADMIN, name="Test clinic", timezone="Europe/London")
        assert [c.kinds for c in got] == [{K.USERS}, {K.SETTINGS}]
        assert got[1].everything
        if services.ctx.db.dialect == "sqlite":  # PostgreSQL checks passwords itself
            with published(services) as got, pytest.raises(AuthenticationError):
                services.auth.authenticate("ada.admin", "wrong password here")
            # A failed login counts on the user's row.
            assert [c.kinds for c in got] == [{K.USERS}]
    finally:
        services.close()


# ---------------------------------------------------------------------- the payload


def test_the_payload_round_trips_and_falls_back_to_everything_when_too_big() -> None:
    change = Change(
        kinds=frozenset({K.SESSION, K.LAB}),
        days=frozenset({date(2026, 11, 25), date(2026, 11, 23)}),
        mrns=frozenset({"M001"}),
        session_ids=frozenset({7, 9}),
        origin="abc",
    )
    assert Change.from_payload(change.to_payload()) == change
    huge = Change(
        kinds=frozenset({K.SESSION}),
        session_ids=frozenset(range(5000)),
        mrns=frozenset(f"MRN{i:06d}" for i in range(500)),
        origin="abc",
    )
    text = huge.to_payload()
    assert len(text.encode()) < 8000
    back = Change.from_payload(text)
    assert back.everything and back.kinds == {K.SESSION} and back.origin == "abc"
    assert back.touches_day(date(2030, 1, 1)) and back.touches_patient("anyone")


def test_an_unreadable_payload_means_everything_changed() -> None:
    assert Change.from_payload("not json").everything
    assert Change.from_payload('{"v": 99}').everything


def test_a_feed_drops_its_own_payloads_and_publishes_others() -> None:
    feed = ChangeFeed()
    got: list[Change] = []
    feed.subscribe(got.append)
    mine = Change(kinds=frozenset({K.SESSION}), origin=feed.origin)
    theirs = Change(kinds=frozenset({K.PATIENT}), mrns=frozenset({"M1"}), origin="other")
    feed.receive(mine.to_payload())
    feed.receive(theirs.to_payload())
    feed.receive(None)
    assert got[0] == theirs
    assert got[1].everything
    assert len(got) == 2


def test_unsubscribe_stops_delivery() -> None:
    feed = ChangeFeed()
    got: list[Change] = []
    unsubscribe = feed.subscribe(got.append)
    unsubscribe()
    unsubscribe()
    feed.publish(Change.of_everything())
    assert got == []


def test_local_days_are_the_clinics_not_utc(clinic: Services) -> None:
    """A session at 00:30 clinic time in summer is the previous day in UTC."""
    clinic.setup.set_opening_hours(ADMIN, 3, "00:15", "18:00")  # Thursday
    clinic.ctx.clock = fixed_clock(datetime(2027, 6, 1, 9, 0, tzinfo=LONDON))
    with published(clinic) as got:
        book(clinic, start="2027-06-10 00:30")
    (change,) = got
    labs = clinic.queries.patient_schedule(NURSE, "M001")[1]
    assert change.days == {date(2027, 6, 10)} | {lab.start.date() for lab in labs}
