"""The headless entry point: parse, call the services, print. No rule lives here.

Every command except ``init`` acts as a logged-in user: ``--user NAME`` with the password from
``CLINIC_APP_PASSWORD`` or a prompt. Exit codes (the README's table; a test keeps them equal).
Whatever the code but 0, nothing is written; refused attempts are recorded in the audit trail:

| exit | meaning |
|---|---|
| `0` | done |
| `1` | the database could not be reached (and nothing else) |
| `2` | invalid input or usage: the message names the field or argument |
| `3` | refused by a clinical rule (HARD, or BLOCK without override); findings printed |
| `4` | scheduling conflict: chair, patient, lab capacity, hours; unconfirmed settings change |
| `5` | not permitted: wrong password, locked or deactivated account, or the role may not |
| `70` | internal error, a bug: please report it, with the log file the message names |
| `130` | interrupted (Ctrl+C) |
"""

from __future__ import annotations

import argparse
import getpass
import io
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from contextlib import redirect_stderr, redirect_stdout
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from clinic_app.bootstrap import (
    AppRoleError,
    BackupError,
    DatabaseError,
    DatabaseMissingError,
    DatabaseUrlError,
    OperationalError,
    Services,
    UnusableDatabaseError,
    is_sqlite_damage,
    open_services,
    set_app_role,
)
from clinic_app.cli_results import add_results_commands, print_notices
from clinic_app.client import RemoteUnavailableError
from clinic_app.config import data_dir, db_url_source, default_db_url, resolve_db_url
from clinic_app.domain.catalog import CatalogError
from clinic_app.domain.clinic_calendar import WEEKDAY_NAMES, CalendarError, wall_time_is_ambiguous
from clinic_app.domain.errors import (
    ClinicError,
    InvalidInputError,
    PermissionDeniedError,
    RuleRefusalError,
    SchedulingConflictError,
)
from clinic_app.domain.findings import Finding
from clinic_app.log_setup import configure_logging
from clinic_app.services.actor import Actor
from clinic_app.services.auth import (
    AuthenticationError,
    UserView,
    require_password,
    require_username,
)
from clinic_app.services.booking import MAX_SERIES, BookingRequest, require_series_count
from clinic_app.services.clinic_settings import SettingsChange
from clinic_app.services.clinic_setup import check_clinic_settings
from clinic_app.services.results import BookingOutcome, FindingView, LabView, SessionView
from clinic_app.services.staffing import AssignedSessionView
from clinic_app.services.templates import TemplateView
from clinic_app.services.validation import parse_interval
from clinic_app.services.waitlist import WaitlistEntryView

EXIT_OK = 0
EXIT_DB = 1
EXIT_INVALID = 2
EXIT_RULE = 3
EXIT_CONFLICT = 4
EXIT_FORBIDDEN = 5
EXIT_BUG = 70  # EX_SOFTWARE (sysexits.h): an internal error, a bug to report
EXIT_INTERRUPTED = 130  # 128 + SIGINT, what shells report for Ctrl+C
_log = logging.getLogger(__name__)
PASSWORD_ENV = "CLINIC_APP_PASSWORD"
NEW_PASSWORD_ENV = "CLINIC_APP_NEW_PASSWORD"
SERVER_ENV = "CLINIC_APP_SERVER"
ROLE_PASSWORD_ENV = "CLINIC_APP_ROLE_PASSWORD"
# With a PostgreSQL --db (no --server): only the owner's and the server's own commands. Every
# user's work on PostgreSQL goes through the clinic server (revision 0011: no user is a login).
POSTGRES_DB_COMMANDS = ("init", "migrate", "serve", "db")
# Commands that work on the database itself: run them on the server, not through it.
SERVER_SIDE_COMMANDS = ("init", "migrate", "backup", "restore", "demo", "serve", "db")


def _iso(moment: datetime) -> str:
    """Local ``YYYY-MM-DDTHH:MM``; with the UTC offset when that wall time happens twice
    (the autumn change), in the form ``--start`` accepts back."""
    if wall_time_is_ambiguous(moment):
        return moment.isoformat(timespec="minutes")
    return moment.strftime("%Y-%m-%dT%H:%M")


def _hm(moment: datetime) -> str:
    """Local ``HH:MM``; with the zone's name (BST, GMT) when that wall time happens twice."""
    return f"{moment:%H:%M %Z}" if wall_time_is_ambiguous(moment) else f"{moment:%H:%M}"


def _finding_json(f: FindingView | Finding) -> dict[str, object]:
    if isinstance(f, FindingView):
        return f.as_json()
    return {
        "rule": f.rule,
        "severity": f.severity.value,
        "message": f.message,
        "evidence": f.evidence.value,
    }


def _lab_json(lab: LabView) -> dict[str, object]:
    return {
        "id": lab.id,
        "tests": list(lab.tests),
        "start": _iso(lab.start),
        "end": _iso(lab.end),
        "status": lab.status,
        "due_from": lab.due_from.isoformat(),
        "due_to": lab.due_to.isoformat(),
    }


def _override_note(f: FindingView) -> str:
    """`` [override by NAME: REASON; prescriber consulted: NAME]``, or "" without one."""
    if not f.overridden_by:
        return ""
    consulted = f"; prescriber consulted: {f.consulted}" if f.consulted else ""
    return f" [override by {f.overridden_by}: {f.override_reason}{consulted}]"


def _outcome_json(outcome: BookingOutcome, *, ok: bool = True) -> dict[str, object]:
    view = outcome.session
    return {
        "ok": ok,
        "id": view.id,
        "mrn": view.mrn,
        "chair": view.chair,
        "start": _iso(view.start),
        "end": _iso(view.end),
        "therapy": view.therapy,
        "status": view.status,
        "prescriber": view.prescriber.as_json() if view.prescriber else None,
        "findings": [_finding_json(f) for f in outcome.findings],
        "labs": [_lab_json(lab) for lab in outcome.labs],
        "cancelled_labs": [lab.id for lab in outcome.cancelled_labs],
    }


def _session_json(view: SessionView) -> dict[str, object]:
    return {
        "id": view.id,
        "mrn": view.mrn,
        "patient": view.patient_name,
        "chair": view.chair,
        "therapy": view.therapy,
        "start": _iso(view.start),
        "end": _iso(view.end),
        "status": view.status,
        "prescriber": view.prescriber.as_json() if view.prescriber else None,
        "findings": [f.as_json() for f in view.findings],
    }


class Cli:
    """Runs one command against the services and prints to ``out``/``err``."""

    def __init__(self, services: Services, actor: Actor, out: TextIO, err: TextIO) -> None:
        self.s = services
        self.actor = actor
        self.out = out
        self.err = err

    def print(self, text: str = "") -> None:
        """A line for a person."""
        print(text, file=self.out)

    def emit_json(self, data: object) -> None:
        """One JSON object on stdout."""
        print(json.dumps(data, ensure_ascii=False, sort_keys=False), file=self.out)

    def print_outcome(self, outcome: BookingOutcome, verb: str) -> None:
        """Human-readable booking result: the session, its findings and its labs."""
        v = outcome.session
        ident = f"session {v.id}" if v.id is not None else "session (not saved)"
        self.print(
            f"{verb}: {ident}: {v.mrn} {v.patient_name}, {v.therapy_name}, {v.chair}, "
            f"{v.start:%Y-%m-%d} {_hm(v.start)}-{_hm(v.end)}"
        )
        if v.prescriber:
            self.print(f"  prescriber: {v.prescriber.describe()}")
        for f in outcome.findings:
            self.print(f"  {f.severity.value} {f.rule}: {f.message}{_override_note(f)}")
        for lab in outcome.labs:
            ident = f"lab {lab.id}" if lab.id is not None else "lab"
            self.print(
                f"  {ident}: {', '.join(lab.tests)} on {lab.start:%Y-%m-%d} {_hm(lab.start)} "
                f"(due {lab.due_from.isoformat()} to {lab.due_to.isoformat()})"
            )
        for lab in outcome.cancelled_labs:
            self.print(f"  lab {lab.id} cancelled: {', '.join(lab.tests)} on {lab.start:%Y-%m-%d}")


def _request(args: argparse.Namespace) -> BookingRequest:
    return BookingRequest(
        mrn=args.mrn,
        therapy=args.therapy,
        start=args.start,
        chair=args.chair,
        override_reason=args.override,
        course_id=getattr(args, "course", None),
        regimen=getattr(args, "regimen", None),
        prescriber=args.prescriber,
        prescriber_practice=args.prescriber_practice,
        prescriber_contact=args.prescriber_contact,
        consulted=args.consulted,
    )


def cmd_init(cli: Cli, args: argparse.Namespace) -> int:
    """The clinic (and with ``--demo`` the demo clinic) in one transaction, as ``cli.actor``.

    ``cli.s`` may be services inside an enclosing transaction (the first administrator's):
    then that transaction decides, and nothing is printed until it has committed.
    """
    from clinic_app.services.demo_data import seed_demo

    lines = []
    with cli.s.one_transaction() as services:
        created = services.setup.init_clinic(cli.actor, name=args.name, timezone=args.timezone)
        lines.append(
            "clinic created: Mon-Fri 08:00-18:00, lab station 2 draws per 15 min"
            if created
            else "clinic already set up; database schema is up to date"
        )
        if args.demo:
            lines.append(seed_demo(services, cli.actor))
    for line in lines:
        cli.print(line)
    return EXIT_OK


def cmd_serve(cli: Cli, args: argparse.Namespace) -> int:
    """Never reached through ``Cli``: ``main`` runs ``serve`` before opening anything."""
    raise InvalidInputError("serve", "runs without a logged-in user")


def _serve(args: argparse.Namespace, err: TextIO) -> int:
    """``serve``: the one command that starts the server (imported here only)."""
    from clinic_app.server.serve import ServeError, serve

    try:
        return serve(
            resolve_db_url(args.serve_db or args.db),
            host=args.host,
            port=args.port,
            tls_cert=args.tls_cert,
            tls_key=args.tls_key,
            allow_owner=args.dev_allow_owner,
        )
    except ServeError as error:
        print(f"invalid input: {error}", file=err)
        return EXIT_INVALID


def cmd_migrate(cli: Cli, args: argparse.Namespace) -> int:
    """Never reached through ``Cli``: ``main`` runs ``migrate`` without a logged-in user."""
    raise InvalidInputError("migrate", "runs without a logged-in user")


def _migrate(
    args: argparse.Namespace, out: TextIO, err: TextIO, services: Services | None = None
) -> int:
    """``migrate``: bring an existing database to this app's schema (PostgreSQL: as the
    owner; the clinic server never migrates). Nothing else is opened or written. Services
    handed in (tests, an embedding program) are open, and so migrated, already."""
    opened = services or open_services(resolve_db_url(args.command_db or args.db), create=False)
    try:
        _report_opening(opened, err)
        if opened.schema_upgrade is None:
            print("database schema is up to date", file=out)
    finally:
        if services is None:
            opened.close()
    return EXIT_OK


def cmd_db(cli: Cli, args: argparse.Namespace) -> int:
    """Never reached through ``Cli``: ``main`` runs ``db`` without a logged-in user."""
    raise InvalidInputError("db", "runs without a logged-in user")


def _role_password() -> str:
    """The app role's password: CLINIC_APP_ROLE_PASSWORD, else one line of stdin (a prompt
    on a terminal); never an argument (argv is visible to every user of the machine)."""
    value = os.environ.get(ROLE_PASSWORD_ENV)
    if value:
        return value
    if sys.stdin is None:
        raise InvalidInputError("password", f"no password given: set {ROLE_PASSWORD_ENV}")
    if sys.stdin.isatty():
        return getpass.getpass("New password for the app role: ")
    return sys.stdin.readline().rstrip("\r\n")


def _db_command(args: argparse.Namespace, out: TextIO, services: Services | None = None) -> int:
    """``db app-role``: the owner makes (or re-keys) the clinic server's login (on the
    database of ``services`` when handed in and no --db is given)."""
    if services is not None and not (args.command_db or args.db):
        url = services.url()
    else:
        url = resolve_db_url(args.command_db or args.db)
    if not url.startswith("postgresql"):
        raise InvalidInputError("--db", "db app-role needs the owner's PostgreSQL URL")
    try:
        done = set_app_role(url, args.name, _role_password())
    except AppRoleError as error:
        raise InvalidInputError("app-role", str(error)) from None
    verb = "created" if done.created else "given a new password"
    print(
        f"app role {done.name} {verb}; it may use database {done.database} as the clinic "
        "server (DML on the app's tables, nothing else)",
        file=out,
    )
    return EXIT_OK


def cmd_user_add(cli: Cli, args: argparse.Namespace) -> int:
    secret = _password(NEW_PASSWORD_ENV, f"New password for {args.name}: ")
    user = cli.s.auth.add_user(cli.actor, args.name, args.role, secret, args.full_name)
    cli.print(f"user {user.username}: {user.role.value}")
    return EXIT_OK


def _user_line(user: UserView) -> str:
    state = "active" if user.active else "deactivated"
    return f"user {user.username}: {user.role.value}, {state}"


def cmd_user_deactivate(cli: Cli, args: argparse.Namespace) -> int:
    cli.print(_user_line(cli.s.auth.deactivate_user(cli.actor, args.name)))
    return EXIT_OK


def cmd_user_activate(cli: Cli, args: argparse.Namespace) -> int:
    cli.print(_user_line(cli.s.auth.reactivate_user(cli.actor, args.name)))
    return EXIT_OK


def cmd_user_password(cli: Cli, args: argparse.Namespace) -> int:
    secret = _password(NEW_PASSWORD_ENV, f"New password for {args.name}: ")
    cli.s.auth.set_password(cli.actor, args.name, secret)
    cli.print(f"user {args.name}: new password set")
    return EXIT_OK


def cmd_user_force_password(cli: Cli, args: argparse.Namespace) -> int:
    user = cli.s.auth.require_password_change(cli.actor, args.name, not args.off)
    state = (
        "must set a new password at the next login"
        if user.must_change_password
        else ("no new password required")
    )
    cli.print(f"user {user.username}: {state}")
    return EXIT_OK


def cmd_user_role(cli: Cli, args: argparse.Namespace) -> int:
    cli.print(_user_line(cli.s.auth.set_role(cli.actor, args.name, args.role)))
    return EXIT_OK


def cmd_backup(cli: Cli, args: argparse.Namespace) -> int:
    size = cli.s.backups.backup(cli.actor, args.path)
    cli.print(f"backup written to {args.path} ({size} bytes, integrity checked)")
    return EXIT_OK


def cmd_restore(cli: Cli, args: argparse.Namespace) -> int:
    cli.s.backups.restore(cli.actor, args.path)
    cli.print(f"database restored from {args.path}")
    return EXIT_OK


def cmd_rules_list(cli: Cli, args: argparse.Namespace) -> int:
    settings = cli.s.rule_settings.current(cli.actor)
    if args.json:
        cli.emit_json(
            {
                "rules": [
                    {
                        "rule": d.rule_id,
                        "title": d.title,
                        "severity": d.severity,
                        "evidence": d.evidence.value,
                        "source": d.source,
                        "parameters": list(d.parameters),
                        "changed": d.overridden,
                    }
                    for d in settings.rules
                ],
                "open_points": [p.text for p in settings.open_points],
            }
        )
        return EXIT_OK
    for d in settings.rules:
        cli.print(d.as_text())
        cli.print()
    cli.print("Open points for a clinician:")
    for point in settings.open_points:
        cli.print(f"- {point.text}")
    return EXIT_OK


def cmd_rules_set(cli: Cli, args: argparse.Namespace) -> int:
    description = cli.s.rule_settings.change(cli.actor, args.rule, args.change)
    cli.print(description.as_text())
    return EXIT_OK


def cmd_rules_reset(cli: Cli, args: argparse.Namespace) -> int:
    cli.s.rule_settings.reset(cli.actor, args.rule)
    cli.print(f"{args.rule}: back to the shipped default")
    return EXIT_OK


def cmd_demo(cli: Cli, args: argparse.Namespace) -> int:
    from clinic_app.services.demo_data import seed_demo

    summary = seed_demo(cli.s, cli.actor)
    cli.print(summary)
    return EXIT_OK


def cmd_chair_add(cli: Cli, args: argparse.Namespace) -> int:
    chair = cli.s.setup.add_chair(cli.actor, args.name)
    cli.print(f"chair {chair.id}: {chair.name}")
    return EXIT_OK


def cmd_patient_add(cli: Cli, args: argparse.Namespace) -> int:
    p = cli.s.setup.add_patient(
        cli.actor,
        mrn=args.mrn,
        name=args.name,
        date_of_birth=args.dob,
        sex=args.sex,
        phone=args.phone,
        notes=args.notes or "",
    )
    cli.print(f"patient {p.id}: {p.mrn} {p.name}")
    return EXIT_OK


def cmd_exposure_add(cli: Cli, args: argparse.Namespace) -> int:
    outcome = cli.s.setup.record_exposure(
        cli.actor,
        mrn=args.mrn,
        drug=args.drug,
        last_dose=args.date,
        ongoing_since=args.ongoing_since,
        where=args.where or "",
        last_dose_unknown=args.last_dose_unknown,
    )
    e = outcome.exposure
    cli.print(
        f"exposure {e.id}: {e.drug_name}, {e.describe_when()}, "
        f"{e.where_given or 'where not recorded'}"
    )
    print_notices(cli, outcome.stopped_sessions)
    return EXIT_OK


def cmd_check(cli: Cli, args: argparse.Namespace) -> int:
    result = cli.s.booking.check(cli.actor, _request(args))
    if result.conflict is not None:
        if args.json:
            cli.emit_json(
                {
                    "ok": False,
                    "conflict": result.conflict_kind,
                    "message": result.conflict,
                    "findings": [],
                    "labs": [],
                }
            )
        else:
            cli.print(f"conflict: {result.conflict}")
        return EXIT_CONFLICT
    assert result.session is not None
    outcome = BookingOutcome(result.session, result.findings, result.labs, saved=False)
    code = EXIT_OK if result.ok else EXIT_RULE
    if args.json:
        data = _outcome_json(outcome, ok=result.ok)
        data["needs_override"] = result.needs_override
        cli.emit_json(data)
    else:
        cli.print_outcome(outcome, "would book" if result.ok else "would be refused")
        if result.hard_refused:
            cli.print("  a HARD rule refuses this booking; it can never be saved")
        elif result.needs_override:
            cli.print(
                "  needs a clinical override: a nurse books it with "
                "--override REASON --consulted PRESCRIBER"
            )
    return code


def cmd_book(cli: Cli, args: argparse.Namespace) -> int:
    if args.count != 1:
        require_series_count(args.count)  # --count 0 or -5 is refused, not booked once
        every = parse_interval("every", args.every)
        outcomes = cli.s.booking.book_series(
            cli.actor,
            _request(args),
            count=args.count,
            every=every,
            skip_closed=args.next_open_day,
        )
        if args.json:
            sessions = [
                {
                    **_outcome_json(o),
                    "moved_from": o.moved_from.isoformat() if o.moved_from else None,
                }
                for o in outcomes
            ]
            cli.emit_json({"ok": True, "sessions": sessions})
        else:
            for o in outcomes:
                cli.print_outcome(o, "booked")
                if o.moved_from is not None:
                    cli.print(f"  moved from {o.moved_from.isoformat()} (the clinic is closed)")
        return EXIT_OK
    outcome = cli.s.booking.book(cli.actor, _request(args))
    if args.json:
        cli.emit_json(_outcome_json(outcome))
    else:
        cli.print_outcome(outcome, "booked")
    return EXIT_OK


def cmd_move(cli: Cli, args: argparse.Namespace) -> int:
    outcome = cli.s.booking.move(
        cli.actor,
        args.id,
        args.start,
        chair=args.chair,
        override_reason=args.override,
        prescriber=args.prescriber,
        prescriber_practice=args.prescriber_practice,
        prescriber_contact=args.prescriber_contact,
        consulted=args.consulted,
    )
    if args.json:
        cli.emit_json(_outcome_json(outcome))
    else:
        cli.print_outcome(outcome, "moved")
    return EXIT_OK


# Why a re-plan changes a session, as the CLI says it (services/day_replan.py's reasons).
REPLAN_REASONS = {
    "late": "running late",
    "chair": "its chair is taken then",
    "patient": "the patient is still in another session",
    "nurse": "no nurse free then",
    "closed": "it would end after closing",
    "reassigned": "another nurse",
}


def _parse_late(values: list[str] | None) -> dict[int, int]:
    """``SESSION:MINUTES`` arguments as ``{session id: minutes}``."""
    late: dict[int, int] = {}
    for value in values or ():
        sid, sep, minutes = value.partition(":")
        if not sep or not sid.strip().isdigit() or not minutes.strip().isdigit():
            raise InvalidInputError("--late", f"{value!r} is not SESSION:MINUTES (e.g. 12:20)")
        late[int(sid)] = int(minutes)
    return late


def _replan_place(chair: str | None, start: datetime | None, nurse: str | None) -> str:
    if chair is None or start is None:
        return "needs a new day"
    return f"{chair} {start:%H:%M} ({nurse or 'no nurse'})"


def cmd_replan(cli: Cli, args: argparse.Namespace) -> int:
    proposal = cli.s.booking.propose_replan(
        cli.actor, args.date, tuple(args.sick or ()), _parse_late(args.late)
    )
    if args.apply:
        proposal = cli.s.booking.apply_replan(cli.actor, proposal)
    if args.json:
        cli.emit_json(
            {
                "date": proposal.day.isoformat(),
                "applied": bool(args.apply),
                "note": proposal.note,
                "changes": [
                    {
                        "session_id": c.session_id,
                        "mrn": c.mrn,
                        "from": {
                            "chair": c.from_chair,
                            "start": c.from_start.isoformat(),
                            "nurse": c.from_nurse,
                        },
                        "to": None
                        if c.needs_new_day
                        else {
                            "chair": c.to_chair,
                            "start": c.to_start.isoformat() if c.to_start else None,
                            "nurse": c.to_nurse,
                        },
                        "reason": c.reason,
                    }
                    for c in proposal.changes
                ],
            }
        )
        return EXIT_OK
    cli.print(f"re-plan of {proposal.day:%Y-%m-%d}: {len(proposal.changes)} change(s)")
    if proposal.note:
        cli.print(f"  {proposal.note}")
    for c in proposal.changes:
        cli.print(
            f"  session {c.session_id} {c.mrn} {c.patient_name} ({c.therapy_name}): "
            f"{_replan_place(c.from_chair, c.from_start, c.from_nurse)} -> "
            f"{_replan_place(c.to_chair, c.to_start, c.to_nurse)}; "
            f"{REPLAN_REASONS.get(c.reason, c.reason)}"
        )
    moves, lost = len(proposal.moves), len(proposal.new_day)
    if args.apply:
        cli.print(f"applied: {moves} moved, {lost} cancelled to be rebooked on a new day")
    elif moves or lost:
        cli.print("not applied: run again with --apply to make these changes")
    return EXIT_OK


def cmd_cancel(cli: Cli, args: argparse.Namespace) -> int:
    outcome = cli.s.booking.cancel(cli.actor, args.id, args.reason or "")
    if args.json:
        cli.emit_json(_outcome_json(outcome))
    else:
        cli.print_outcome(outcome, "cancelled")
    return EXIT_OK


def cmd_status(cli: Cli, args: argparse.Namespace) -> int:
    outcome = cli.s.booking.set_status(
        cli.actor,
        args.id,
        args.status,
        args.reason or "",
        override_reason=args.override,
        consulted=args.consulted,
    )
    if args.json:
        cli.emit_json(_outcome_json(outcome))
    else:
        cli.print_outcome(outcome, args.status)
    return EXIT_OK


def _entry_json(entry: WaitlistEntryView) -> dict[str, object]:
    return {
        "id": entry.id,
        "mrn": entry.mrn,
        "patient": entry.patient,
        "therapy": entry.therapy,
        "earliest": entry.earliest.isoformat(),
        "latest": entry.latest.isoformat(),
        "weekdays": list(entry.preferred_weekdays),
        "from": f"{entry.preferred_from:%H:%M}" if entry.preferred_from else None,
        "until": f"{entry.preferred_until:%H:%M}" if entry.preferred_until else None,
        "note": entry.note,
        "status": entry.status,
        "session_id": entry.session_id,
        "created_by": entry.created_by,
    }


def _entry_line(entry: WaitlistEntryView) -> str:
    days = "".join("MTWTFSS"[d] for d in entry.preferred_weekdays) or "any day"
    times = ""
    if entry.preferred_from or entry.preferred_until:
        since = f"{entry.preferred_from:%H:%M}" if entry.preferred_from else ""
        until = f"{entry.preferred_until:%H:%M}" if entry.preferred_until else ""
        times = f", {since}-{until}"
    return (
        f"entry {entry.id}: {entry.mrn} {entry.patient}, {entry.therapy}, "
        f"{entry.earliest.isoformat()} to {entry.latest.isoformat()} ({days}{times}), "
        f"{entry.status}"
    )


def cmd_waitlist_add(cli: Cli, args: argparse.Namespace) -> int:
    entry = cli.s.waitlist.add(
        cli.actor,
        args.mrn,
        args.therapy,
        args.earliest,
        args.latest,
        weekdays=args.weekdays,
        preferred_from=args.time_from,
        preferred_until=args.time_until,
        note=args.note or "",
    )
    if args.json:
        cli.emit_json(_entry_json(entry))
    else:
        cli.print(f"added {_entry_line(entry)}")
    return EXIT_OK


def cmd_waitlist_list(cli: Cli, args: argparse.Namespace) -> int:
    entries = cli.s.waitlist.entries(cli.actor, include_closed=args.all)
    if args.json:
        cli.emit_json({"entries": [_entry_json(e) for e in entries]})
    else:
        for entry in entries:
            cli.print(_entry_line(entry))
        if not entries:
            cli.print("nobody is waiting")
    return EXIT_OK


def cmd_waitlist_withdraw(cli: Cli, args: argparse.Namespace) -> int:
    entry = cli.s.waitlist.withdraw(cli.actor, args.id, args.reason or "")
    if args.json:
        cli.emit_json(_entry_json(entry))
    else:
        cli.print(f"withdrawn {_entry_line(entry)}")
    return EXIT_OK


def cmd_waitlist_offers(cli: Cli, args: argparse.Namespace) -> int:
    if (args.session is None) == (args.chair is None or args.start is None):
        raise InvalidInputError("session", "give --session ID, or --chair NAME with --start TIME")
    if args.session is not None:
        offer = cli.s.waitlist.offer_for_session(cli.actor, args.session)
    else:
        offer = cli.s.waitlist.offer_slot(cli.actor, args.chair, args.start)
    if args.json:
        cli.emit_json(
            {
                "offer": None
                if offer is None
                else {
                    "entry": _entry_json(offer.entry),
                    "chair": offer.chair,
                    "start": _iso(offer.start),
                    "end": _iso(offer.end),
                    "findings": [f.as_json() for f in offer.findings],
                }
            }
        )
    elif offer is None:
        cli.print("no waiting patient fits this slot under every rule")
    else:
        cli.print(
            f"offer {offer.chair} {offer.start:%Y-%m-%d} {_hm(offer.start)}-{_hm(offer.end)} "
            f"to {_entry_line(offer.entry)}"
        )
        for f in offer.findings:
            cli.print(f"  {f.severity.value} {f.rule}: {f.message}")
        cli.print(
            f"  book it: clinic-app waitlist take {offer.entry.id} --chair {offer.chair!r} "
            f"--start '{offer.start:%Y-%m-%d %H:%M}'"
        )
    return EXIT_OK


def cmd_waitlist_take(cli: Cli, args: argparse.Namespace) -> int:
    outcome = cli.s.waitlist.take(
        cli.actor, args.id, args.chair, args.start, prescriber=args.prescriber
    )
    if args.json:
        cli.emit_json(_outcome_json(outcome))
    else:
        cli.print_outcome(outcome, f"booked from waitlist entry {args.id}")
    return EXIT_OK


def cmd_slots(cli: Cli, args: argparse.Namespace) -> int:
    slots = cli.s.booking.find_slots(
        cli.actor, args.mrn, args.therapy, args.after, count=args.count, chair=args.chair
    )
    if args.json:
        cli.emit_json(
            {
                "slots": [
                    {
                        "chair": o.chair,
                        "start": _iso(o.start),
                        "end": _iso(o.end),
                        "findings": [f.as_json() for f in o.findings],
                        "recommended": o.recommended,
                        "template": o.template,
                    }
                    for o in slots
                ]
            }
        )
    else:
        if not slots:
            cli.print("no free slot passes every rule in the next 120 days")
        for o in slots:
            flags = "".join(f"  [{f.severity.value} {f.rule}]" for f in o.findings)
            marks = "".join(f"  ({text})" for text in (o.template, o.recommended) if text)
            cli.print(f"{o.start:%a %Y-%m-%d} {_hm(o.start)}-{_hm(o.end)}  {o.chair}{flags}{marks}")
    return EXIT_OK


# ---- the stored weekly slot template (issue 14) --------------------------------------------


def _template_json(view: TemplateView) -> dict[str, object]:
    return {
        "id": view.id,
        "built_at": _iso(view.built_at),
        "built_by": view.built_by,
        "history_from": view.history_from.isoformat(),
        "history_to": view.history_to.isoformat(),
        "chairs": view.chairs,
        "optimal_weekdays": list(view.optimal_weekdays),
        "starts": [
            {
                "weekday": s.weekday,
                "start": f"{s.start:%H:%M}",
                "chair_minutes": s.chair_minutes,
                "setup_minutes": s.setup_minutes,
                "takedown_minutes": s.takedown_minutes,
                "count": s.count,
                "therapies": list(s.therapies),
            }
            for s in view.starts
        ],
    }


def _print_template(cli: Cli, view: TemplateView) -> None:
    """The header, then one line per weekday: its starts as ``HH:MM n x chair-min``."""
    cli.print(
        f"template {view.id}, built {view.built_at:%Y-%m-%d %H:%M} by {view.built_by} from "
        f"{view.history_from} to {view.history_to}, {view.chairs} chairs"
    )
    for weekday in range(7):
        starts = view.on(weekday)
        if not starts:
            continue
        proven = "optimal" if weekday in view.optimal_weekdays else "best found"
        cli.print(f"{WEEKDAY_NAMES[weekday]} ({sum(s.count for s in starts)} sessions, {proven}):")
        for s in starts:
            cli.print(
                f"  {s.start:%H:%M}  {s.count} x {s.chair_minutes} min (set-up "
                f"{s.setup_minutes}, take-down {s.takedown_minutes})  {', '.join(s.therapies)}"
            )


def cmd_template_build(cli: Cli, args: argparse.Namespace) -> int:
    view = cli.s.templates.build(cli.actor, weeks=args.weeks, time_limit_s=args.time_limit)
    if args.json:
        cli.emit_json({"template": _template_json(view)})
    else:
        _print_template(cli, view)
    return EXIT_OK


def cmd_template_show(cli: Cli, args: argparse.Namespace) -> int:
    view = cli.s.templates.current(cli.actor)
    if args.json:
        cli.emit_json({"template": None if view is None else _template_json(view)})
    elif view is None:
        cli.print("no template stored: clinic-app template build (managers, admins)")
    else:
        _print_template(cli, view)
    return EXIT_OK


def cmd_report_template_compliance(cli: Cli, args: argparse.Namespace) -> int:
    report = cli.s.templates.compliance(cli.actor, args.date_from, args.date_to)
    if args.json:
        cli.emit_json(
            {
                "template_id": report.template_id,
                "from": report.start.isoformat(),
                "to": report.end.isoformat(),
                "days": [
                    {
                        "date": d.day.isoformat(),
                        "planned": d.planned,
                        "filled": d.filled,
                        "off_template": d.off_template,
                        "compliance": d.compliance,
                        "fill": d.fill,
                    }
                    for d in report.days
                ],
                "planned": report.planned,
                "filled": report.filled,
                "off_template": report.off_template,
                "compliance": report.compliance,
                "fill": report.fill,
            }
        )
        return EXIT_OK
    if report.template_id is None:
        cli.print("no template stored: every booked session is off the template")
    cli.print("date            planned  filled  off-template  compliance %")
    for d in report.days:
        cli.print(
            f"{d.day:%a %Y-%m-%d} {d.planned:>7} {d.filled:>7} {d.off_template:>13}  "
            f"{_percent(d.compliance):>12}"
        )
    cli.print(
        f"total          {report.planned:>7} {report.filled:>7} {report.off_template:>13}  "
        f"{_percent(report.compliance):>12}  (template filled: {_percent(report.fill)} %)"
    )
    return EXIT_OK


def cmd_day(cli: Cli, args: argparse.Namespace) -> int:
    day = cli.s.queries.day(cli.actor, args.date)
    if args.json:
        cli.emit_json(
            {
                "date": day.day.isoformat(),
                "sessions": [_session_json(v) for v in day.sessions],
                "labs": [dict(_lab_json(lab), mrn=lab.mrn) for lab in day.labs],
                "overdue_labs": [dict(_lab_json(lab), mrn=lab.mrn) for lab in day.overdue_labs],
            }
        )
        return EXIT_OK
    cli.print(f"{day.day:%A %Y-%m-%d}")
    if not day.sessions and not day.labs:
        cli.print("  nothing booked")
    for v in day.sessions:
        worst = v.worst.value if v.worst else ""
        cli.print(
            f"  {_hm(v.start)}-{_hm(v.end)}  {v.chair:<10} {v.mrn:<10} "
            f"{v.patient_name:<24} {v.therapy_name:<24} {v.status:<9} {worst}"
        )
        if v.prescriber:
            cli.print(f"      prescriber: {v.prescriber.describe()}")
        for f in v.findings:
            cli.print(f"      {f.severity.value} {f.rule}: {f.message}{_override_note(f)}")
    for lab in day.labs:
        cli.print(
            f"  {_hm(lab.start)}-{_hm(lab.end)}  {'Lab':<10} {lab.mrn:<10} "
            f"{lab.patient_name:<24} {', '.join(lab.tests):<24} {lab.status}"
        )
    for lab in day.overdue_labs:
        cli.print(
            f"  OVERDUE lab {lab.id}: {lab.mrn} {', '.join(lab.tests)} was due "
            f"{lab.start:%Y-%m-%d %H:%M}"
        )
    return EXIT_OK


def cmd_export(cli: Cli, args: argparse.Namespace) -> int:
    from clinic_app.services.exports import ExportRequest

    request = ExportRequest(
        date_from=args.date_from,
        date_to=args.date_to,
        fmt=args.format,
        out_path=args.out,
        therapy=args.therapy,
        chair=args.chair,
        status=args.status,
        page_size=args.page_size,
    )
    count = cli.s.exports.export(cli.actor, request)
    cli.print(f"exported {count} sessions to {args.out}")
    return EXIT_OK


def _add_prescriber_arguments(c: argparse.ArgumentParser) -> None:
    """The prescriber of the session, and the prescriber consulted for an override."""
    c.add_argument("--prescriber", metavar="NAME", help="who prescribed this dose")
    c.add_argument("--prescriber-practice", metavar="TEXT", help="the prescriber's practice")
    c.add_argument("--prescriber-contact", metavar="TEXT", help="the prescriber's phone or e-mail")
    c.add_argument(
        "--consulted", metavar="NAME", help="prescriber consulted (required with --override)"
    )


def cmd_letters(cli: Cli, args: argparse.Namespace) -> int:
    from clinic_app.domain.clinic_dates import clinic_date

    files = cli.s.letters.write_letters(cli.actor, args.id, args.out, page_size=args.page_size)
    cli.print(f"letter to the outside prescriber: {files.prescriber_letter}")
    cli.print(f"patient sheet: {files.patient_sheet}")
    before = clinic_date(files.data.no_antiresorptive_before)
    cli.print(f"  no antiresorptive before {before} without calcium and phosphate")
    if not files.data.clinic_phone:
        cli.print(
            "  the clinic has no phone number: the sheet names the clinic only "
            "(an administrator sets it with 'clinic set --phone')"
        )
    return EXIT_OK


def cmd_clinic_set(cli: Cli, args: argparse.Namespace) -> int:
    phone = cli.s.setup.set_clinic_phone(cli.actor, args.phone)
    cli.print(f"clinic phone: {phone or 'none'}")
    return EXIT_OK


_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _weekday(text: str) -> int:
    """0-6 or a weekday's name (Monday, mon...)."""
    value = text.strip().lower()
    if value.isdigit() and len(value) == 1:
        return int(value)
    for index, short in enumerate(_WEEKDAYS):
        if value[:3] == short and WEEKDAY_NAMES[index].lower().startswith(value):
            return index
    raise InvalidInputError("weekday", f"{text!r} is not a weekday (Monday..Sunday or 0..6)")


def _print_change(cli: Cli, change: SettingsChange, args: argparse.Namespace) -> int:
    """A settings change (or its preview) and the future bookings it leaves to rebook."""
    affected = [
        {
            "kind": a.kind,
            "id": a.id,
            "mrn": a.mrn,
            "patient": a.patient,
            "start": _iso(a.start),
            "end": _iso(a.end),
            "place": a.place,
            "problem": a.problem,
        }
        for a in change.affected
    ]
    if getattr(args, "json", False):
        cli.emit_json(
            {
                "ok": True,
                "applied": change.applied,
                "change": change.description,
                "affected": affected,
            }
        )
        return EXIT_OK
    verb = "changed" if change.applied else "preview (nothing changed)"
    cli.print(f"{verb}: {change.description}")
    if change.affected:
        cli.print(f"  {len(change.affected)} future booking(s) to rebook:")
    for a in change.affected:
        cli.print(
            f"  {a.kind} {a.id}: {a.start:%Y-%m-%d} {_hm(a.start)}-{_hm(a.end)} {a.mrn} "
            f"{a.patient} ({a.place}): {a.problem}"
        )
    return EXIT_OK


def _confirm(args: argparse.Namespace) -> dict[str, bool]:
    return {"dry_run": args.dry_run, "accept_affected": args.yes}


def cmd_settings_show(cli: Cli, args: argparse.Namespace) -> int:
    view = cli.s.settings.clinic_settings(cli.actor)
    if args.json:
        cli.emit_json(
            {
                "name": view.name,
                "timezone": view.timezone,
                "hours": {
                    WEEKDAY_NAMES[d]: None
                    if h is None
                    else [f"{h.opens:%H:%M}", f"{h.closes:%H:%M}"]
                    for d, h in enumerate(view.hours)
                },
                "closed_dates": [
                    {"date": c.day.isoformat(), "reason": c.reason} for c in view.closed_dates
                ],
                "lab_station": {
                    "name": view.lab_station,
                    "draws_per_slot": view.draws_per_slot,
                    "slot_minutes": view.slot_minutes,
                },
                "chairs": [{"name": c.name, "retired": not c.active} for c in view.chairs],
            }
        )
        return EXIT_OK
    cli.print(f"clinic: {view.name} ({view.timezone})")
    for day, hours in enumerate(view.hours):
        shown = "closed" if hours is None else f"{hours.opens:%H:%M}-{hours.closes:%H:%M}"
        cli.print(f"  {WEEKDAY_NAMES[day]:<9} {shown}")
    cli.print(
        f"lab station: {view.lab_station}, {view.draws_per_slot} draw(s) per "
        f"{view.slot_minutes} min"
    )
    cli.print(
        "chairs: " + ", ".join(c.name + ("" if c.active else " (retired)") for c in view.chairs)
    )
    cli.print(f"closed dates: {len(view.closed_dates)}")
    for closed in view.closed_dates:
        cli.print(f"  {closed.day.isoformat()} {closed.reason}")
    return EXIT_OK


def cmd_settings_hours(cli: Cli, args: argparse.Namespace) -> int:
    weekday = _weekday(args.weekday)
    if args.closed == (args.opens is not None):
        raise InvalidInputError("hours", "give OPENS and CLOSES, or --closed")
    if not args.closed and args.closes is None:
        raise InvalidInputError("closes", "give the closing time too")
    change = cli.s.settings.set_opening_hours(
        cli.actor, weekday, args.opens, args.closes, **_confirm(args)
    )
    return _print_change(cli, change, args)


def cmd_settings_close(cli: Cli, args: argparse.Namespace) -> int:
    change = cli.s.settings.add_closed_date(cli.actor, args.date, args.reason, **_confirm(args))
    return _print_change(cli, change, args)


def cmd_settings_reopen(cli: Cli, args: argparse.Namespace) -> int:
    change = cli.s.settings.remove_closed_date(cli.actor, args.date, dry_run=args.dry_run)
    return _print_change(cli, change, args)


def cmd_settings_holidays(cli: Cli, args: argparse.Namespace) -> int:
    change = cli.s.settings.import_bank_holidays(
        cli.actor,
        args.country,
        args.first_year,
        args.last_year if args.last_year is not None else args.first_year,
        subdivision=args.subdivision,
        **_confirm(args),
    )
    return _print_change(cli, change, args)


def cmd_settings_timezone(cli: Cli, args: argparse.Namespace) -> int:
    change = cli.s.settings.set_timezone(cli.actor, args.zone, **_confirm(args))
    return _print_change(cli, change, args)


def cmd_settings_lab(cli: Cli, args: argparse.Namespace) -> int:
    change = cli.s.settings.set_lab_capacity(cli.actor, args.draws, **_confirm(args))
    return _print_change(cli, change, args)


def cmd_settings_chair(cli: Cli, args: argparse.Namespace) -> int:
    service = cli.s.settings
    if args.action == "add":
        change = service.add_chair(cli.actor, args.name)
    elif args.action == "rename":
        if not args.new_name:
            raise InvalidInputError("new-name", "give the chair's new name")
        change = service.rename_chair(cli.actor, args.name, args.new_name)
    elif args.action == "retire":
        change = service.retire_chair(cli.actor, args.name, **_confirm(args))
    else:
        change = service.reinstate_chair(cli.actor, args.name)
    return _print_change(cli, change, args)


def cmd_settings_affected(cli: Cli, args: argparse.Namespace) -> int:
    affected = cli.s.settings.affected_bookings(cli.actor)
    return _print_change(cli, SettingsChange("bookings to rebook", tuple(affected), False), args)


class _Parser(argparse.ArgumentParser):
    """argparse, except that an option's value ``--`` (``--timezone=--``) is that text.

    Python 3.11's argparse drops the ``--`` and stores ``[]``, a list no command expects (a
    crash, exit 70, found by the CLI fuzz); the command's own check now answers it.
    """

    def _get_values(self, action: argparse.Action, arg_strings: list[str]) -> Any:
        if action.option_strings and action.nargs is None and arg_strings == ["--"]:
            value = self._get_value(action, "--")
            self._check_value(action, value)
            return value
        return super()._get_values(action, arg_strings)


def cmd_nurse_add(cli: Cli, args: argparse.Namespace) -> int:
    nurse = cli.s.staffing.add_nurse(cli.actor, args.name)
    cli.print(f"nurse {nurse.id}: {nurse.name}")
    return EXIT_OK


def cmd_nurse_rename(cli: Cli, args: argparse.Namespace) -> int:
    nurse = cli.s.staffing.rename_nurse(cli.actor, args.name, args.new_name)
    cli.print(f"nurse {nurse.id}: {nurse.name}")
    return EXIT_OK


def cmd_nurse_retire(cli: Cli, args: argparse.Namespace) -> int:
    nurse = cli.s.staffing.retire_nurse(cli.actor, args.name)
    cli.print(f"nurse {nurse.id}: {nurse.name} (retired)")
    return EXIT_OK


def cmd_nurse_list(cli: Cli, args: argparse.Namespace) -> int:
    for nurse in cli.s.staffing.nurses(cli.actor):
        cli.print(f"{nurse.name}{'' if nurse.active else ' (retired)'}")
    return EXIT_OK


def cmd_nurse_ratio(cli: Cli, args: argparse.Namespace) -> int:
    if args.ratio is None:
        ratio = cli.s.staffing.nurse_ratio(cli.actor)
    else:
        ratio = cli.s.staffing.set_nurse_ratio(cli.actor, args.ratio)
    cli.print(f"nurse ratio: {ratio} patients monitored per nurse")
    return EXIT_OK


def _print_assigned(cli: Cli, sessions: Sequence[AssignedSessionView]) -> None:
    for v in sessions:
        nurse = v.nurse or "no nurse free"
        chosen = " (chosen)" if v.chosen else ""
        cli.print(
            f"  {_hm(v.start)}-{_hm(v.end)}  {v.chair:<10} {v.mrn:<10} {v.patient_name:<24} "
            f"{v.therapy_name:<24} {nurse}{chosen}"
        )
        if v.handoffs:
            parts = ", ".join(
                f"{c.start:%H:%M}-{c.end:%H:%M} {c.kind} {c.nurse or 'no nurse free'}"
                for c in v.care
            )
            cli.print(f"      hand-offs {v.handoffs}: {parts}")


def cmd_nurse_assignment(cli: Cli, args: argparse.Namespace) -> int:
    view = cli.s.staffing.assignment(cli.actor, args.date)
    cli.print(f"{view.day:%A %Y-%m-%d}: nurse assignment")
    if not view.nurse_checked:
        cli.print(f"  {view.note}")
    _print_assigned(cli, view.sessions)
    for n in view.nurses:
        cli.print(
            f"  {n.nurse:<24} {len(n.session_ids)} patients, {n.work_minutes} nurse-minutes "
            f"of {n.duty_minutes} on duty"
        )
    cli.print(f"  hand-offs: {view.handoffs}")
    for piece in view.uncovered:
        cli.print(f"  NO NURSE FREE: {piece}")
    return EXIT_OK


def cmd_nurse_patients(cli: Cli, args: argparse.Namespace) -> int:
    sessions = cli.s.staffing.my_patients(cli.actor, args.name, args.date)
    cli.print(f"{args.name}, {args.date}: {len(sessions)} patients")
    _print_assigned(cli, sessions)
    return EXIT_OK


def cmd_nurse_assign(cli: Cli, args: argparse.Namespace) -> int:
    view = cli.s.staffing.reassign(cli.actor, args.session, args.name)
    cli.print(f"session {view.session_id}: {view.nurse or 'no nurse free'}")
    return EXIT_OK


def _print_over(cli: Cli, over: tuple[str, ...]) -> None:
    if over:
        cli.print(f"  over capacity (booked load above the nurses on duty): {', '.join(over)}")


def cmd_shift_set(cli: Cli, args: argparse.Namespace) -> int:
    change = cli.s.staffing.set_shift(
        cli.actor, args.nurse, args.date, args.start, args.end, tuple(args.breaks or ())
    )
    shift = change.shift
    assert shift is not None
    breaks = ", ".join(f"{b.start:%H:%M}-{b.end:%H:%M}" for b in shift.breaks)
    cli.print(
        f"shift: {shift.nurse} {shift.day:%Y-%m-%d} {shift.start:%H:%M}-{shift.end:%H:%M}"
        + (f" (breaks {breaks})" if breaks else "")
    )
    _print_over(cli, change.over)
    return EXIT_OK


def cmd_shift_remove(cli: Cli, args: argparse.Namespace) -> int:
    change = cli.s.staffing.remove_shift(cli.actor, args.nurse, args.date)
    cli.print(f"shift removed: {args.nurse} {args.date}")
    _print_over(cli, change.over)
    return EXIT_OK


def cmd_rota(cli: Cli, args: argparse.Namespace) -> int:
    load = cli.s.staffing.day_load(cli.actor, args.date)
    if args.json:
        cli.emit_json(
            {
                "date": load.day.isoformat(),
                "nurse_checked": load.nurse_checked,
                "note": load.note,
                "ratio": load.ratio,
                "shifts": [
                    {
                        "nurse": s.nurse,
                        "start": f"{s.start:%H:%M}",
                        "end": f"{s.end:%H:%M}",
                        "breaks": [f"{b.start:%H:%M}-{b.end:%H:%M}" for b in s.breaks],
                    }
                    for s in load.shifts
                ],
                "load": [
                    {
                        "at": f"{p.at:%H:%M}",
                        "exclusive": p.exclusive,
                        "monitored": p.monitored,
                        "needed": p.needed,
                        "on_duty": p.on_duty,
                    }
                    for p in load.points
                ],
                "over": list(load.over),
            }
        )
        return EXIT_OK
    cli.print(f"{load.day:%A %Y-%m-%d}: nurse ratio {load.ratio}")
    if not load.nurse_checked:
        cli.print(f"  {load.note}")
    for s in load.shifts:
        breaks = ", ".join(f"{b.start:%H:%M}-{b.end:%H:%M}" for b in s.breaks)
        cli.print(
            f"  {s.nurse:<24} {s.start:%H:%M}-{s.end:%H:%M}"
            + (f"  breaks {breaks}" if breaks else "")
        )
    for p in load.points:
        if p.needed or p.on_duty:
            cli.print(
                f"  {p.at:%H:%M}  set-up/take-down {p.exclusive}  monitored {p.monitored}  "
                f"nurses needed {p.needed} of {p.on_duty}"
            )
    _print_over(cli, load.over)
    return EXIT_OK


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:.1f}"


def cmd_report_capacity(cli: Cli, args: argparse.Namespace) -> int:
    report = cli.s.reports.capacity(cli.actor, args.first, args.last)
    waitlist = report.waitlist
    if args.json:
        cli.emit_json(
            {
                "clinic": report.clinic_name,
                "from": report.first.isoformat(),
                "to": report.last.isoformat(),
                "ratio": report.ratio,
                "days": [
                    {
                        "date": d.day.isoformat(),
                        "open": d.open,
                        "nurse_checked": d.nurse_checked,
                        "utilisation": d.utilisation,
                        "open_chair_hours": d.open_chair_hours,
                        "booked_chair_hours": d.booked_chair_hours,
                        "idle_chair_hours": d.idle_chair_hours,
                        "peak_setups": d.peak_setups,
                        "peak_needed": d.peak_needed,
                        "peak_at": None if d.peak_at is None else f"{d.peak_at:%H:%M}",
                        "on_duty_at_peak": d.on_duty_at_peak,
                        "minutes_over": d.minutes_over,
                        "load": [
                            {
                                "at": f"{p.at:%H:%M}",
                                "exclusive": p.exclusive,
                                "monitored": p.monitored,
                                "needed": p.needed,
                                "on_duty": p.on_duty,
                            }
                            for p in d.points
                        ],
                    }
                    for d in report.days
                ],
                "waitlist": {
                    "as_of": waitlist.as_of.isoformat(),
                    "waiting": waitlist.waiting,
                    "offered": waitlist.offered,
                    "expired": waitlist.expired,
                    "oldest_waiting_since": (
                        None
                        if waitlist.oldest_waiting_since is None
                        else waitlist.oldest_waiting_since.isoformat()
                    ),
                    "by_therapy": [
                        {"therapy": t.therapy, "waiting": t.waiting, "offered": t.offered}
                        for t in waitlist.by_therapy
                    ],
                },
            }
        )
        return EXIT_OK
    cli.print(
        f"Capacity {report.first:%Y-%m-%d} to {report.last:%Y-%m-%d}, {report.clinic_name} "
        f"(nurse ratio {report.ratio})"
    )
    cli.print(
        f"{'date':<14} {'util %':>6} {'booked h':>8} {'idle h':>7} {'set-ups':>7} "
        f"{'needed':>6} {'on duty':>7} {'at':>5} {'over min':>8}"
    )
    for d in report.days:
        if not d.open and not d.points:
            cli.print(f"{d.day:%a %Y-%m-%d} closed")
            continue
        at = "-" if d.peak_at is None else f"{d.peak_at:%H:%M}"
        over = str(d.minutes_over) if d.nurse_checked else "no rota"
        cli.print(
            f"{d.day:%a %Y-%m-%d} {_percent(d.utilisation):>6} {d.booked_chair_hours:>8.1f} "
            f"{d.idle_chair_hours:>7.1f} {d.peak_setups:>7} {d.peak_needed:>6} "
            f"{d.on_duty_at_peak:>7} {at:>5} {over:>8}"
        )
    cli.print(
        f"total: utilisation {_percent(report.utilisation)} %, idle "
        f"{report.idle_chair_hours:.1f} chair-hours, {report.minutes_over} minutes over nurse "
        "capacity"
    )
    since = waitlist.oldest_waiting_since
    cli.print(
        f"waitlist on {waitlist.as_of:%Y-%m-%d}: {waitlist.waiting} waiting, "
        f"{waitlist.offered} offered, {waitlist.expired} expired"
        + ("" if since is None else f"; waiting since {since:%Y-%m-%d}")
    )
    for t in waitlist.by_therapy:
        cli.print(f"  {t.therapy_name:<32} {t.waiting:>3} waiting {t.offered:>3} offered")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    """The command line: ``clinic-app [--db URL] COMMAND ...``; no command opens the GUI."""
    p = _Parser(
        prog="clinic-app",
        description=("Infusion clinic scheduler. Without a command it opens the window."),
    )
    p.add_argument(
        "--db",
        metavar="URL",
        help="database URL (default: CLINIC_APP_DB or the "
        "embedded SQLite file in your data folder)",
    )
    p.add_argument(
        "--server",
        metavar="URL",
        help="use the clinic server at URL (e.g. https://clinic-server:8443) instead of a "
        "database; default CLINIC_APP_SERVER",
    )
    p.add_argument(
        "--user",
        metavar="NAME",
        help=f"act as this user (password from {PASSWORD_ENV} or a prompt); "
        "default CLINIC_APP_USER",
    )
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    def add(
        name: str,
        handler: Callable[[Cli, argparse.Namespace], int],
        help_text: str,
        parent: Any = sub,
    ) -> argparse.ArgumentParser:
        cmd: argparse.ArgumentParser = parent.add_parser(name, help=help_text)
        cmd.set_defaults(handler=handler)
        return cmd

    c = add("serve", cmd_serve, "run the clinic server (desks connect with --server)")
    c.add_argument("--db", dest="serve_db", metavar="URL", help="the clinic database URL")
    c.add_argument("--host", default="127.0.0.1", help="address to listen on")
    c.add_argument("--port", type=int, default=8443)
    c.add_argument("--tls-cert", type=Path, metavar="FILE", help="TLS certificate (PEM)")
    c.add_argument("--tls-key", type=Path, metavar="FILE", help="TLS private key (PEM)")
    c.add_argument(
        "--dev-allow-owner",
        action="store_true",
        help="developers only: serve even as a superuser or the database's owner",
    )

    c = add(
        "migrate",
        cmd_migrate,
        "upgrade the database's schema (PostgreSQL: as its owner; the server never migrates)",
    )
    c.add_argument("--db", dest="command_db", metavar="URL", help="the owner's database URL")
    db = sub.add_parser("db", help="the database's logins (PostgreSQL, as its owner)")
    db_sub = db.add_subparsers(dest="what", required=True)
    c = add(
        "app-role",
        cmd_db,
        f"create the clinic server's login or give it a new password (from {ROLE_PASSWORD_ENV} "
        "or stdin)",
        db_sub,
    )
    c.add_argument("--name", required=True, help="the app role's name, e.g. clinic_server")
    c.add_argument("--db", dest="command_db", metavar="URL", help="the owner's database URL")

    c = add("init", cmd_init, "create or upgrade the database and set up a new clinic")
    c.add_argument("--timezone", default="Europe/London", help="IANA zone, e.g. Europe/London")
    c.add_argument("--name", default="Infusion clinic")
    c.add_argument("--admin", metavar="NAME", help="create this first administrator")
    c.add_argument(
        "--demo",
        action="store_true",
        help="also seed the demo clinic and its demo accounts (on PostgreSQL: as the owner)",
    )

    users = sub.add_parser("user", help="users").add_subparsers(dest="what", required=True)
    c = add(
        "add", cmd_user_add, "add a user (password from CLINIC_APP_NEW_PASSWORD or a prompt)", users
    )
    c.add_argument("name")
    c.add_argument("--role", required=True, choices=["front-desk", "nurse", "manager", "admin"])
    c.add_argument("--full-name", default="")
    c = add(
        "deactivate",
        cmd_user_deactivate,
        "the user can no longer log in; their sessions end (admin)",
        users,
    )
    c.add_argument("name")
    c = add("activate", cmd_user_activate, "a deactivated user may log in again (admin)", users)
    c.add_argument("name")
    c = add(
        "password",
        cmd_user_password,
        "a new password (one's own, or anyone's by an admin; from CLINIC_APP_NEW_PASSWORD or "
        "a prompt)",
        users,
    )
    c.add_argument("name")
    c = add(
        "force-password",
        cmd_user_force_password,
        "the user must set a new password at the next login (admin)",
        users,
    )
    c.add_argument("name")
    c.add_argument("--off", action="store_true", help="withdraw the requirement")
    c = add("role", cmd_user_role, "a new role; the user's sessions end (admin)", users)
    c.add_argument("name")
    c.add_argument("role", choices=["front-desk", "nurse", "manager", "admin"])
    add("demo", cmd_demo, "seed a realistic demo clinic")
    rules = sub.add_parser("rules", help="clinical rule settings").add_subparsers(
        dest="what", required=True
    )
    c = add("list", cmd_rules_list, "every rule with its source, severity and numbers", rules)
    c.add_argument("--json", action="store_true")
    c = add("set", cmd_rules_set, "change a rule for this clinic (admin)", rules)
    c.add_argument("rule", help="rule id, e.g. E3")
    c.add_argument("change", help='JSON of the keys to change, e.g. \'{"window": {"weeks": 16}}\'')
    c = add("reset", cmd_rules_reset, "back to the shipped default (admin)", rules)
    c.add_argument("rule")
    c = add("backup", cmd_backup, "consistent copy of the live SQLite database (admin)")
    c.add_argument("path")
    c = add("restore", cmd_restore, "replace the SQLite database with a checked backup (admin)")
    c.add_argument("path")

    chair = sub.add_parser("chair", help="chairs").add_subparsers(dest="what", required=True)
    c = add("add", cmd_chair_add, "add a chair", chair)
    c.add_argument("name")

    nurse = sub.add_parser("nurse", help="nurses of the rota").add_subparsers(
        dest="what", required=True
    )
    c = add("add", cmd_nurse_add, "add a nurse to the rota (manager, admin)", nurse)
    c.add_argument("name")
    c = add("rename", cmd_nurse_rename, "rename a nurse (manager, admin)", nurse)
    c.add_argument("name")
    c.add_argument("new_name")
    c = add("retire", cmd_nurse_retire, "a nurse leaves the rota (manager, admin)", nurse)
    c.add_argument("name")
    add("list", cmd_nurse_list, "the nurses of the rota", nurse)
    c = add(
        "ratio",
        cmd_nurse_ratio,
        "show, or set (manager, admin), the patients one nurse monitors at once",
        nurse,
    )
    c.add_argument("ratio", nargs="?", type=int)
    c = add("assignment", cmd_nurse_assignment, "which nurse looks after whom on a day", nurse)
    c.add_argument("date", help="YYYY-MM-DD")
    c = add("patients", cmd_nurse_patients, "a nurse's patients on a day", nurse)
    c.add_argument("name")
    c.add_argument("date", help="YYYY-MM-DD")
    c = add("assign", cmd_nurse_assign, "a nurse looks after a session (nurse, manager)", nurse)
    c.add_argument("session", type=int)
    c.add_argument("name")
    shift = sub.add_parser("shift", help="nurse shifts").add_subparsers(dest="what", required=True)
    c = add("set", cmd_shift_set, "a nurse's shift on a day (manager, admin)", shift)
    c.add_argument("nurse")
    c.add_argument("date", help="YYYY-MM-DD")
    c.add_argument("start", help="HH:MM, clinic time")
    c.add_argument("end", help="HH:MM, clinic time")
    c.add_argument(
        "--break", dest="breaks", action="append", metavar="HH:MM-HH:MM", help="a break (repeat)"
    )
    c = add("remove", cmd_shift_remove, "a nurse does not work that day (manager, admin)", shift)
    c.add_argument("nurse")
    c.add_argument("date", help="YYYY-MM-DD")
    c = add("rota", cmd_rota, "a day's nurse shifts and nurse load (per 15 minutes)")
    c.add_argument("date", help="YYYY-MM-DD")
    c.add_argument("--json", action="store_true")

    report = sub.add_parser("report", help="managers' reports").add_subparsers(
        dest="what", required=True
    )
    c = add(
        "capacity",
        cmd_report_capacity,
        "per day: chair utilisation, idle chair-hours, nurse load peaks; the waitlist "
        "(manager, admin)",
        report,
    )
    c.add_argument("first", help="YYYY-MM-DD")
    c.add_argument("last", help="YYYY-MM-DD (a year at most)")
    c.add_argument("--json", action="store_true", help="with the load per 15 minutes")
    c = add(
        "template-compliance",
        cmd_report_template_compliance,
        "per open day: template sessions planned, filled and off the template (manager, admin)",
        report,
    )
    c.add_argument("--from", dest="date_from", required=True, help="YYYY-MM-DD")
    c.add_argument("--to", dest="date_to", required=True, help="YYYY-MM-DD (a year at most)")
    c.add_argument("--json", action="store_true")

    template = sub.add_parser("template", help="the weekly slot template (CP-SAT)")
    tp = template.add_subparsers(dest="what", required=True)
    c = add(
        "build",
        cmd_template_build,
        "plan the weekly template from the booked history and store it (manager, admin)",
        tp,
    )
    c.add_argument("--weeks", type=int, default=8, help="weeks of history, 1-52 (default 8)")
    c.add_argument(
        "--time-limit",
        type=float,
        default=5.0,
        metavar="S",
        help="seconds of solving per weekday, 1-60 (default 5)",
    )
    c.add_argument("--json", action="store_true")
    c = add("show", cmd_template_show, "the template in force, per weekday", tp)
    c.add_argument("--json", action="store_true")

    patient = sub.add_parser("patient", help="patients").add_subparsers(dest="what", required=True)
    c = add("add", cmd_patient_add, "register a patient", patient)
    c.add_argument("--mrn", required=True)
    c.add_argument("--name", required=True)
    c.add_argument("--dob", required=True, help="YYYY-MM-DD")
    c.add_argument("--sex", choices=["F", "M", "X"])
    c.add_argument("--phone")
    c.add_argument("--notes")

    exposure = sub.add_parser("exposure", help="outside exposures").add_subparsers(
        dest="what", required=True
    )
    c = add("add", cmd_exposure_add, "record a drug given elsewhere", exposure)
    c.add_argument("--mrn", required=True)
    c.add_argument("--drug", required=True, help="catalog code, e.g. denosumab, alendronate")
    when = c.add_mutually_exclusive_group(required=True)
    when.add_argument("--date", help="date of the last dose, YYYY-MM-DD")
    when.add_argument("--ongoing-since", help="ongoing since, YYYY-MM-DD (oral bisphosphonates)")
    when.add_argument(
        "--last-dose-unknown",
        action="store_true",
        help="injected drug whose last dose date is not known (counts as active)",
    )
    c.add_argument("--where", help="where it was given (GP, other hospital)")

    for name, handler, text in (
        ("check", cmd_check, "dry run of a booking"),
        ("book", cmd_book, "book a session (or a series with --count)"),
    ):
        c = add(name, handler, text)
        c.add_argument("--mrn", required=True)
        c.add_argument("--therapy", required=True)
        c.add_argument(
            "--start",
            required=True,
            help="local time YYYY-MM-DDTHH:MM; add the UTC offset (+00:00) to choose one of "
            "the two times of the autumn clock change",
        )
        c.add_argument("--chair")
        c.add_argument("--override", metavar="REASON", help="clinical override reason (nurse)")
        _add_prescriber_arguments(c)
        c.add_argument("--course", help="course id shared by the doses of one iron course")
        c.add_argument(
            "--regimen", choices=["treatment", "prevention"], help="zoledronic acid schedule"
        )
        c.add_argument("--json", action="store_true")
        if name == "book":
            c.add_argument(
                "--count", type=int, default=1, help=f"doses in a series (1 to {MAX_SERIES})"
            )
            c.add_argument("--every", help="interval of a series, e.g. '3 months', '7 days'")
            c.add_argument(
                "--next-open-day",
                action="store_true",
                help="a series dose on a closed day (weekend, bank holiday) moves to the next "
                "open day",
            )

    c = add("move", cmd_move, "move a session")
    c.add_argument("id", type=int)
    c.add_argument("--start", required=True)
    c.add_argument("--chair")
    c.add_argument("--override", metavar="REASON")
    _add_prescriber_arguments(c)
    c.add_argument("--json", action="store_true")

    c = add("replan", cmd_replan, "propose (and --apply) the day-of re-plan")
    c.add_argument("date")
    c.add_argument("--sick", action="append", metavar="NURSE", help="a nurse off sick")
    c.add_argument(
        "--late", action="append", metavar="SESSION:MINUTES", help="a session running late"
    )
    c.add_argument("--apply", action="store_true", help="make the changes, in one transaction")
    c.add_argument("--json", action="store_true")

    c = add("cancel", cmd_cancel, "cancel a session (and the labs nobody else needs)")
    c.add_argument("id", type=int)
    c.add_argument("--reason")
    c.add_argument("--json", action="store_true")

    c = add("status", cmd_status, "set a session's status")
    c.add_argument("id", type=int)
    c.add_argument(
        "status", choices=["booked", "arrived", "in-chair", "completed", "no-show", "cancelled"]
    )
    c.add_argument("--reason")
    c.add_argument(
        "--override", metavar="REASON", help="check-in: a nurse's override of a BLOCK, with why"
    )
    c.add_argument("--consulted", metavar="NAME", help="with --override: the prescriber consulted")
    c.add_argument("--json", action="store_true")

    waitlist = sub.add_parser("waitlist", help="patients waiting for an earlier slot")
    wl = waitlist.add_subparsers(dest="what", required=True)
    c = add("add", cmd_waitlist_add, "put a patient on the waitlist (desk, nurse)", wl)
    c.add_argument("--mrn", required=True)
    c.add_argument("--therapy", required=True)
    c.add_argument("--earliest", required=True, help="YYYY-MM-DD")
    c.add_argument("--latest", required=True, help="YYYY-MM-DD")
    c.add_argument("--weekdays", help="preferred weekdays as digits, 0 = Monday (e.g. 024)")
    c.add_argument("--from", dest="time_from", metavar="HH:MM", help="preferred earliest start")
    c.add_argument("--until", dest="time_until", metavar="HH:MM", help="preferred latest start")
    c.add_argument("--note")
    c.add_argument("--json", action="store_true")
    c = add("list", cmd_waitlist_list, "the waitlist in order of joining", wl)
    c.add_argument("--all", action="store_true", help="also booked and withdrawn entries")
    c.add_argument("--json", action="store_true")
    c = add("withdraw", cmd_waitlist_withdraw, "take an entry off the waitlist", wl)
    c.add_argument("id", type=int)
    c.add_argument("--reason")
    c.add_argument("--json", action="store_true")
    c = add(
        "offers",
        cmd_waitlist_offers,
        "the first waiting patient whom every rule allows in a freed slot",
        wl,
    )
    c.add_argument("--session", type=int, help="a cancelled or no-show session's id")
    c.add_argument("--chair", help="with --start: any free slot")
    c.add_argument("--start", help="YYYY-MM-DD HH:MM, clinic time")
    c.add_argument("--json", action="store_true")
    c = add("take", cmd_waitlist_take, "book an offer in one step (desk, nurse)", wl)
    c.add_argument("id", type=int, help="the waitlist entry")
    c.add_argument("--chair", required=True)
    c.add_argument("--start", required=True, help="YYYY-MM-DD HH:MM, clinic time")
    c.add_argument("--prescriber", metavar="NAME")
    c.add_argument("--json", action="store_true")

    c = add("slots", cmd_slots, "the next free slots that pass every rule")
    c.add_argument("--mrn", required=True)
    c.add_argument("--therapy", required=True)
    c.add_argument("--after", required=True, help="YYYY-MM-DD")
    c.add_argument("--count", type=int, default=10)
    c.add_argument("--chair")
    c.add_argument("--json", action="store_true")

    c = add("day", cmd_day, "the daily list: sessions and lab appointments")
    c.add_argument("date", help="YYYY-MM-DD")
    c.add_argument("--json", action="store_true")

    c = add("export", cmd_export, "export sessions of a date range")
    c.add_argument("--from", dest="date_from", required=True)
    c.add_argument("--to", dest="date_to", required=True)
    c.add_argument("--format", choices=["csv", "xlsx", "pdf", "ics"], default="csv")
    c.add_argument("--out", required=True)
    c.add_argument("--therapy", help="only this therapy code")
    c.add_argument("--chair", help="only this chair")
    c.add_argument("--status", help="only this status")
    c.add_argument("--page-size", choices=["A4", "Letter"], default="A4", help="PDF paper")

    c = add(
        "letters",
        cmd_letters,
        "after IV iron: the letter to the outside prescriber and the patient sheet (PDF)",
    )
    c.add_argument("id", type=int, help="the IV iron session")
    c.add_argument("--out", required=True, metavar="DIR", help="folder for the two PDFs")
    c.add_argument("--page-size", choices=["A4", "Letter"], default="A4", help="PDF paper")

    clinic = sub.add_parser("clinic", help="clinic settings").add_subparsers(
        dest="what", required=True
    )
    c = add("set", cmd_clinic_set, "change clinic settings (admin)", clinic)
    c.add_argument(
        "--phone", required=True, help="the number patients and prescribers call ('' clears)"
    )

    settings = sub.add_parser(
        "settings",
        help="opening hours, closed dates, time zone, lab capacity, chairs (changes: admin)",
    ).add_subparsers(dest="what", required=True)

    def change_options(cmd: argparse.ArgumentParser, *, confirm: bool = True) -> None:
        cmd.add_argument(
            "--dry-run", action="store_true", help="list the affected bookings, change nothing"
        )
        if confirm:
            cmd.add_argument(
                "--yes",
                action="store_true",
                help="make the change even when future bookings no longer fit (they are "
                "listed for rebooking; without --yes such a change is refused, exit 4)",
            )
        cmd.add_argument("--json", action="store_true")

    c = add("show", cmd_settings_show, "every clinic setting", settings)
    c.add_argument("--json", action="store_true")
    c = add(
        "affected", cmd_settings_affected, "future bookings the settings leave to rebook", settings
    )
    c.add_argument("--json", action="store_true")
    c = add("hours", cmd_settings_hours, "a weekday's opening hours", settings)
    c.add_argument("weekday", help="Monday..Sunday (or 0..6)")
    c.add_argument("opens", nargs="?", help="HH:MM")
    c.add_argument("closes", nargs="?", help="HH:MM")
    c.add_argument("--closed", action="store_true", help="closed on this weekday")
    change_options(c)
    c = add("close", cmd_settings_close, "close the clinic on a date", settings)
    c.add_argument("date", help="YYYY-MM-DD")
    c.add_argument("--reason", default="")
    change_options(c)
    c = add("reopen", cmd_settings_reopen, "remove a closed date", settings)
    c.add_argument("date", help="YYYY-MM-DD")
    change_options(c, confirm=False)
    c = add("holidays", cmd_settings_holidays, "close on a country's bank holidays", settings)
    c.add_argument("country", help="ISO 3166 code, e.g. GB, DE, US")
    c.add_argument("first_year", type=int, metavar="FROM_YEAR")
    c.add_argument("last_year", type=int, nargs="?", metavar="TO_YEAR")
    c.add_argument("--subdivision", help="e.g. ENG, SCT (GB) or BY (DE)")
    change_options(c)
    c = add("timezone", cmd_settings_timezone, "the clinic's IANA time zone", settings)
    c.add_argument("zone", help="e.g. Europe/London")
    change_options(c)
    c = add("lab-capacity", cmd_settings_lab, "draws per slot at the lab station", settings)
    c.add_argument("draws", type=int)
    change_options(c)
    c = add("chair", cmd_settings_chair, "add, rename, retire or reinstate a chair", settings)
    c.add_argument("action", choices=["add", "rename", "retire", "reinstate"])
    c.add_argument("name")
    c.add_argument("new_name", nargs="?", metavar="NEW_NAME", help="for rename")
    change_options(c)

    add_results_commands(sub)
    return p


ENVIRONMENT_TEXT = (
    "CLINIC_APP_DB",
    SERVER_ENV,
    "CLINIC_APP_USER",
    PASSWORD_ENV,
    NEW_PASSWORD_ENV,
    ROLE_PASSWORD_ENV,
)


def _is_text(value: str) -> bool:
    """False for text holding bytes that were not UTF-8 (Python decodes argv and the
    environment with surrogate escapes, which no database or password hash accepts)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _chosen_actions(parser: argparse.ArgumentParser, args: argparse.Namespace) -> list[Any]:
    """The arguments of the top level and of the chosen (sub)command."""
    actions: list[Any] = []
    chosen: argparse.ArgumentParser | None = parser
    path = [getattr(args, "command", None), getattr(args, "what", None)]
    while chosen is not None:
        next_parser: argparse.ArgumentParser | None = None
        # argparse has no public list of a parser's arguments; _actions is its documented-
        # by-use attribute, and a subcommand's parser is found through its choices.
        for action in chosen._actions:
            if isinstance(action, argparse._SubParsersAction):
                name = path.pop(0) if path else None
                next_parser = action.choices.get(name) if name else None
            else:
                actions.append(action)
        chosen = next_parser
    return actions


def _refuse_undecodable(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Refuse an argument or setting that is not valid UTF-8, naming it."""
    for action in _chosen_actions(parser, args):
        value = getattr(args, action.dest, None)
        if isinstance(value, str) and not _is_text(value):
            name = max(action.option_strings, key=len) if action.option_strings else action.dest
            raise InvalidInputError(name, "is not valid UTF-8 text")
    for env in ENVIRONMENT_TEXT:
        if not _is_text(os.environ.get(env, "")):
            raise InvalidInputError(env, "is not valid UTF-8 text")


def _password(env: str, prompt: str) -> str:
    """A password from the environment, else from a prompt on the terminal."""
    value = os.environ.get(env)
    if value:
        return value
    if not sys.stdin or not sys.stdin.isatty():
        raise InvalidInputError("password", f"no password given: set {env} or run in a terminal")
    return getpass.getpass(prompt)


def _username(args: argparse.Namespace) -> str:
    username = (args.user or os.environ.get("CLINIC_APP_USER", "")).strip()
    if not username:
        raise InvalidInputError("user", "every command except init needs --user NAME")
    return username


def _login(services: Services, args: argparse.Namespace) -> Actor:
    """Authenticate ``--user`` (or CLINIC_APP_USER) with CLINIC_APP_PASSWORD or a prompt."""
    username = _username(args)
    password = getattr(args, "password", None) or _password(
        PASSWORD_ENV, f"Password for {username}: "
    )
    actor = services.auth.authenticate(username, password)
    changing_own = args.command == "user" and getattr(args, "what", None) == "password"
    if not changing_own and services.auth.password_change_required(actor):
        raise AuthenticationError(
            f"{actor.username} must set a new password before anything else: "
            f"clinic-app --user {actor.username} user password {actor.username}"
        )
    return actor


def _db_source(args: argparse.Namespace) -> str:
    """Where the database URL came from, for messages: --db, CLINIC_APP_DB or the default."""
    return db_url_source(args.db)


def _server_url(args: argparse.Namespace) -> str | None:
    """The clinic server to use (--server or CLINIC_APP_SERVER), or None for a database."""
    return (args.server or os.environ.get(SERVER_ENV, "")).strip() or None


def _open(args: argparse.Namespace) -> Services:
    """Services on the chosen database; on PostgreSQL connected as the user themself; with
    ``--server`` the remote adapter of that clinic server.

    Only ``init`` may create a database: every other command on a missing one is refused, so
    a mistyped path never becomes a new, empty clinic.
    """
    server = _server_url(args)
    if server is not None:
        if args.command in SERVER_SIDE_COMMANDS:
            raise InvalidInputError(
                "--server", f"'{args.command}' runs on the server itself, with --db"
            )
        from clinic_app.client import RemoteServices  # httpx: only for a server's desk

        return RemoteServices(server)  # type: ignore[return-value]  # the same interface
    url = resolve_db_url(args.db)
    create = args.command == "init"
    if create and url == default_db_url():
        data_dir().mkdir(parents=True, exist_ok=True)  # the user's data folder, made once
    if url.startswith("postgresql") and args.command not in POSTGRES_DB_COMMANDS:
        raise InvalidInputError(
            "--db",
            f"'{args.command}' on PostgreSQL goes through the clinic server: use --server URL "
            "(or CLINIC_APP_SERVER). A PostgreSQL --db is for the owner's init, migrate and "
            "db app-role, and for serve",
        )
    return open_services(url, create=create)


def _report_opening(services: Services, err: TextIO) -> None:
    """Say on stderr what opening the database did to it (an upgrade and its backup)."""
    upgrade = services.schema_upgrade
    if upgrade is None:
        return
    backup = f"; the database before it was backed up to {upgrade.backup}" if upgrade.backup else ""
    print(
        f"database schema upgraded from revision {upgrade.from_revision} to "
        f"{upgrade.to_revision}{backup}",
        file=err,
    )


def _init(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    """``init``: migrate, create the first administrator, set up the clinic; all or nothing.

    Every input is checked before anything is written; then the administrator (on PostgreSQL
    their login role), the clinic and, with ``--demo``, the demo clinic are made in one
    transaction, so a failure leaves the database as it was.
    """
    check_clinic_settings(args.name, args.timezone)
    if services.auth.has_users():
        if args.admin:
            raise InvalidInputError("admin", "this clinic already has users; log in with --user")
        if not (args.user or os.environ.get("CLINIC_APP_USER")):
            if args.demo:
                raise InvalidInputError(
                    "user", "seeding the demo into an existing clinic needs --user ADMIN"
                )
            print("database schema is up to date; the clinic already has users", file=out)
            return EXIT_OK
        return cmd_init(Cli(services, _login(services, args), out, sys.stderr), args)
    if not args.admin:
        raise InvalidInputError(
            "admin", "a new clinic needs --admin NAME (its first administrator)"
        )
    admin_name = require_username(args.admin)
    secret = require_password(_password(PASSWORD_ENV, f"New password for {admin_name}: "))
    made = io.StringIO()
    with services.one_transaction() as transaction:
        actor = transaction.auth.create_first_admin(admin_name, secret)
        print(f"administrator {actor.username} created", file=made)
        cmd_init(Cli(transaction, actor, made, sys.stderr), args)
    # Only now, committed, is any of it true.
    print(made.getvalue(), end="", file=out)
    return EXIT_OK


def _print_refusal(error: RuleRefusalError, as_json: bool, out: TextIO, err: TextIO) -> None:
    if as_json:
        data = {
            "ok": False,
            "refused": True,
            "overridable": error.overridable,
            "message": str(error),
            "findings": [_finding_json(f) for f in error.findings],
        }
        print(json.dumps(data, ensure_ascii=False), file=out)
    print(f"refused: {error}", file=err)
    for f in error.findings:
        print(f"  {f.severity.value} {f.rule}: {f.message}", file=err)
    if error.overridable and error.findings:
        print("  a nurse may book it with --override REASON --consulted PRESCRIBER", file=err)


def main(
    argv: Sequence[str] | None = None,
    *,
    out: TextIO | None = None,
    err: TextIO | None = None,
    services: Services | None = None,
    actor: Actor | None = None,
) -> int:
    """Run the command line; with no command, open the GUI.

    ``services`` and ``actor`` let a caller that already holds them (tests, an embedding
    program) skip opening the database and logging in; from the command line both are None.
    """
    out = out or sys.stdout
    err = err or sys.stderr
    if services is None:
        configure_logging(warn=err)
    parser = build_parser()
    try:
        # Usage errors and --help print to this run's streams (argparse writes to sys.*).
        with redirect_stdout(out), redirect_stderr(err):
            args = parser.parse_args(argv)
    except SystemExit as stop:
        return stop.code if isinstance(stop.code, int) else EXIT_INVALID
    try:
        _refuse_undecodable(parser, args)
    except InvalidInputError as error:
        print(f"invalid input: {error}", file=err)
        return EXIT_INVALID
    if args.command is None:
        server = _server_url(args)
        if server is None and resolve_db_url(args.db).startswith("postgresql"):
            # The window, like every desk command, reaches PostgreSQL through the server.
            print(
                "invalid input: --db: the window on PostgreSQL goes through the clinic "
                "server: use --server URL (or CLINIC_APP_SERVER). A PostgreSQL --db is for the "
                "owner's init, migrate and db app-role, and for serve",
                file=err,
            )
            return EXIT_INVALID
        from clinic_app.app import run_gui

        return run_gui(args.db, server)
    opened_here = services is None
    try:
        if args.command == "serve":
            return _serve(args, err)  # until stopped; opening errors answer as below
        if args.command == "migrate":
            return _migrate(args, out, err, services)
        if args.command == "db":
            return _db_command(args, out, services)
        if services is None:
            services = _open(args)
            _report_opening(services, err)
        if args.command == "init":
            return _init(services, args, out)
        cli = Cli(services, actor or _login(services, args), out, err)
        code: int = args.handler(cli, args)
        return code
    except RuleRefusalError as error:
        _print_refusal(error, getattr(args, "json", False), out, err)
        return EXIT_RULE
    except SchedulingConflictError as error:
        if getattr(args, "json", False):
            print(
                json.dumps({"ok": False, "conflict": error.kind, "message": error.message}),
                file=out,
            )
        print(f"conflict: {error.message}", file=err)
        return EXIT_CONFLICT
    except DatabaseMissingError as error:
        print(f"cannot use the database ({_db_source(args)}): {error}", file=err)
        return EXIT_DB
    except UnusableDatabaseError as error:
        print(f"invalid input: {_db_source(args)}: {error}", file=err)
        return EXIT_INVALID
    except (PermissionDeniedError, AuthenticationError) as error:
        print(f"not permitted: {error}", file=err)
        return EXIT_FORBIDDEN
    except (InvalidInputError, DatabaseUrlError, CalendarError, CatalogError, BackupError) as error:
        print(f"invalid input: {error}", file=err)
        return EXIT_INVALID
    except ClinicError as error:
        print(f"error: {error}", file=err)
        return EXIT_INVALID
    except OperationalError as error:
        print(f"cannot use the database: {error.orig}", file=err)
        return EXIT_DB
    except RemoteUnavailableError as error:
        print(f"cannot use the clinic server: {error}", file=err)
        return EXIT_DB
    except DatabaseError as error:
        if services is None or not is_sqlite_damage(error):
            return _internal_error(error, err)  # not damage: the safety net below
        # SQLite found damage while the command read or wrote (the write was rolled back).
        path = services.database_file
        print(
            f"invalid input: {_db_source(args)}: {path} is damaged ({error.orig}); "
            "restore a backup",
            file=err,
        )
        return EXIT_INVALID
    except KeyboardInterrupt:
        print("interrupted", file=err)
        return EXIT_INTERRUPTED
    except Exception as error:  # the safety net: a bug gets one line here, its traceback logged
        return _internal_error(error, err)
    finally:
        if opened_here and services is not None:
            services.close()  # SQLite file checkpointed and closed; a server's session ended


def _log_files() -> list[str]:
    """The files the log goes to (none when logging could not be set up)."""
    return [
        handler.baseFilename
        for handler in logging.getLogger().handlers
        if isinstance(handler, logging.FileHandler) and handler.baseFilename != os.devnull
    ]


def _internal_error(error: Exception, err: TextIO) -> int:
    """Log an unexpected exception with its traceback (to the log file only) and say so."""
    files = _log_files()
    if files:
        # Only with a log file: without any handler, logging would print the traceback to
        # stderr itself (its last-resort handler).
        _log.error("internal error running a command", exc_info=error)
        where = f"details in {files[-1]}"  # the log configured last
    else:
        where = "no log file to hold the details"
    print(f"internal error (a bug): {type(error).__name__}; {where}", file=err)
    return EXIT_BUG
