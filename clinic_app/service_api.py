"""The service interface as the clinic server exposes it: one declared list, read by both ends.

The server (``clinic_app.server``) generates one route per entry, ``POST /api/v1/<service>/
<method>``; the remote adapter (``clinic_app.client``) generates the matching method. Both
build their request and result types from the service method's own type hints (pydantic), so
a method's signature is its wire format and the two ends cannot drift apart.

``EXPOSED`` lists what a desk may call remotely, each marked read or write (a write carries an
``Idempotency-Key``). ``EXCLUDED`` lists every other public service method with the reason it
stays on the server; a test fails when a public service method is in neither.

Errors travel as ``{"error": {"type": ..., "message": ..., "fields": {...}}}``: ``fields`` are
the arguments of the exception's constructor, so the client re-raises the same type with the
same fields (``raise_error``).
"""

from __future__ import annotations

import enum
import inspect
import json
import re
import typing
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Annotated, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dateutil.relativedelta import relativedelta
from pydantic import BaseModel, ConfigDict, PlainSerializer, PlainValidator, TypeAdapter
from pydantic import create_model as create_pydantic_model
from pydantic.json_schema import WithJsonSchema
from pydantic_core import to_json

from clinic_app.domain.catalog import CatalogError, UnknownTherapyError
from clinic_app.domain.clinic_calendar import CalendarError, NonexistentTimeError
from clinic_app.domain.errors import (
    ClinicError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    RuleRefusalError,
    SchedulingConflictError,
    SolverUnavailableError,
)
from clinic_app.domain.lab_results import UnitError
from clinic_app.domain.rule_parameters import RuleParametersError
from clinic_app.services.audit_queries import AuditQueries
from clinic_app.services.auth import AccountLockedError, AuthenticationError, AuthService
from clinic_app.services.backup import BackupService
from clinic_app.services.booking import BookingService
from clinic_app.services.clinic_settings import AffectedBookingsError, ClinicSettingsService
from clinic_app.services.clinic_setup import ClinicSetupService
from clinic_app.services.exports import ExportService
from clinic_app.services.lab_results import ImportRefusedError, LabResultsService
from clinic_app.services.letters import LetterService
from clinic_app.services.reports import UtilisationReport
from clinic_app.services.results import ChairView, WeekOccupancy
from clinic_app.services.rule_settings import RuleSettingsService
from clinic_app.services.schedule_queries import ScheduleQueries
from clinic_app.services.sessions import LoginRateLimitedError, SessionExpiredError
from clinic_app.services.staffing import StaffingService
from clinic_app.services.templates import MAX_TIME_LIMIT_S, TemplateService
from clinic_app.services.waitlist import WaitlistService

API_PREFIX = "/api/v1"
LOGIN_PATH = f"{API_PREFIX}/login"
LOGOUT_PATH = f"{API_PREFIX}/logout"
HEALTH_PATH = f"{API_PREFIX}/health"
EVENTS_PATH = f"{API_PREFIX}/events"
IDEMPOTENCY_HEADER = "Idempotency-Key"


class Kind(enum.StrEnum):
    """Whether a call only reads (safe to repeat) or writes (carries an idempotency key)."""

    READ = "read"
    WRITE = "write"


READ = Kind.READ
WRITE = Kind.WRITE

# The service classes by their attribute on ``Services`` (bootstrap.Services).
SERVICE_CLASSES: dict[str, type] = {
    "booking": BookingService,
    "setup": ClinicSetupService,
    "settings": ClinicSettingsService,
    "queries": ScheduleQueries,
    "auth": AuthService,
    "audit": AuditQueries,
    "backups": BackupService,
    "rule_settings": RuleSettingsService,
    "reports": UtilisationReport,
    "letters": LetterService,
    "lab_results": LabResultsService,
    "exports": ExportService,
    "staffing": StaffingService,
    "waitlist": WaitlistService,
    "templates": TemplateService,
}

EXPOSED: dict[str, dict[str, Kind]] = {
    "booking": {
        "check": READ,
        "check_move": READ,
        "find_slots": READ,
        "next_statuses": READ,
        "book": WRITE,
        "book_series": WRITE,  # dry_run=True writes nothing, but the route is one: keyed
        "move": WRITE,
        "cancel": WRITE,
        "set_status": WRITE,
        "propose_replan": READ,
        "apply_replan": WRITE,
    },
    "setup": {
        "chairs": READ,
        "clinic_name": READ,
        "clinic_phone": READ,
        "exposures": READ,
        "is_initialised": READ,
        "patient": READ,
        "search_patients": READ,
        "add_chair": WRITE,
        "add_closed_date": WRITE,
        "add_exposure": WRITE,
        "add_patient": WRITE,
        "record_exposure": WRITE,
        "remove_exposure": WRITE,
        "set_clinic_phone": WRITE,
        "set_opening_hours": WRITE,
        "update_exposure": WRITE,
    },
    # dry_run=True previews a change and writes nothing, but the route is one: keyed.
    "settings": {
        "clinic_settings": READ,
        "affected_bookings": READ,
        "set_opening_hours": WRITE,
        "add_closed_date": WRITE,
        "remove_closed_date": WRITE,
        "import_bank_holidays": WRITE,
        "set_timezone": WRITE,
        "set_lab_capacity": WRITE,
        "add_chair": WRITE,
        "rename_chair": WRITE,
        "retire_chair": WRITE,
        "reinstate_chair": WRITE,
    },
    "queries": {
        "calendar": READ,
        "day": READ,
        "day_screen": READ,
        "doses_due": READ,
        "patient_schedule": READ,
        "sessions_between": READ,
        "week_occupancy": READ,  # travels as WeekOccupancyWire (its keys are pairs)
    },
    "auth": {
        "users": READ,
        "password_change_required": READ,
        "add_user": WRITE,
        "require_password_change": WRITE,
        "set_password": WRITE,
        "set_role": WRITE,
        "deactivate_user": WRITE,
        "reactivate_user": WRITE,
    },
    "audit": {"entries": READ, "record_export": WRITE},
    "rule_settings": {"current": READ, "change": WRITE, "reset": WRITE},
    "reports": {"build": READ, "capacity": READ},
    # write_letters at a desk: letter_data, the PDFs painted there, record_printed (audit).
    "letters": {"letter_data": READ, "record_printed": WRITE},
    # export at a desk: plan, sessions_between week by week, the file, record_written (audit).
    "exports": {"plan": READ, "record_written": WRITE},
    "lab_results": {
        "clearance": READ,
        "open_alerts": READ,
        "patient_results": READ,
        "results_list": READ,
        "test_units": READ,
        "acknowledge": WRITE,
        "import_pending": WRITE,
        "record_results": WRITE,
        "record_weight": WRITE,
    },
    "staffing": {
        "nurses": READ,
        "nurse_ratio": READ,
        "day_load": READ,
        "add_nurse": WRITE,
        "rename_nurse": WRITE,
        "retire_nurse": WRITE,
        "set_shift": WRITE,
        "remove_shift": WRITE,
        "set_nurse_ratio": WRITE,
        "assignment": READ,
        "my_patients": READ,
        "reassign": WRITE,
    },
    "waitlist": {
        "entries": READ,
        "offer_for_session": READ,
        "offer_slot": READ,
        "add": WRITE,
        "withdraw": WRITE,
        "take": WRITE,
    },
    "templates": {
        "current": READ,
        "day_slots": READ,
        "compliance": READ,
        "build": WRITE,  # solves up to a minute a weekday: see SLOW_CALLS
    },
}

# Calls that may take longer than the client's usual read timeout (30 s), with the seconds the
# client waits for them: a template build solves each open weekday for up to a minute.
SLOW_CALLS: dict[tuple[str, str], float] = {
    ("templates", "build"): 7 * MAX_TIME_LIMIT_S + 60.0,
}

EXCLUDED: dict[str, dict[str, str]] = {
    "auth": {
        "authenticate": f"replaced by POST {LOGIN_PATH}, which issues a session token",
        "create_first_admin": "first-run set-up happens on the server: clinic-app init --db URL",
        "has_users": f"answered by GET {HEALTH_PATH} (no token exists before the first user)",
    },
    "setup": {
        "init_clinic": "first-run set-up happens on the server: clinic-app init --db URL",
    },
    "backups": {
        "backup": "a server-side administration task on the server's own files (a SQLite "
        "file's copy; PostgreSQL has pg_dump); a desk's path means nothing there",
        "restore": "replaces the database under every desk: a server-side administration task",
    },
    "lab_results": {
        "import_file": "reads a path on the server's disk; a desk sends the parsed results "
        "with import_pending instead",
    },
    "exports": {
        "export": "writes a file on the caller's disk with progress callbacks: a desk of a "
        "server gets the checked plan, streams sessions_between a week at a time, writes the "
        "file itself and audits it with record_written (RemoteExports.export)",
    },
    "letters": {
        "write_letters": "paints two PDFs into a folder on the caller's disk: a desk of a "
        "server paints them itself from letter_data and audits them with record_printed "
        "(RemoteLetters.write_letters)",
    },
}


# Far beyond the century the booking service allows; it keeps the arithmetic small.
MAX_INTERVAL_PART = 100_000


def _interval_from_wire(value: object) -> relativedelta:
    if isinstance(value, relativedelta):
        return value
    if not isinstance(value, dict) or set(value) - {"years", "months", "days"}:
        raise ValueError("an interval is an object of whole years, months and days")
    parts = {
        str(k): v
        for k, v in value.items()
        if isinstance(v, int) and not isinstance(v, bool) and abs(v) <= MAX_INTERVAL_PART
    }
    if len(parts) != len(value):
        raise ValueError(f"an interval's parts are whole numbers up to {MAX_INTERVAL_PART}")
    return relativedelta(
        years=parts.get("years", 0), months=parts.get("months", 0), days=parts.get("days", 0)
    )


def _interval_to_wire(value: relativedelta) -> dict[str, int]:
    return {"years": value.years, "months": value.months, "days": value.days}


# relativedelta (a series' "every") has no pydantic schema of its own: its whole parts.
Interval = Annotated[
    relativedelta,
    PlainValidator(_interval_from_wire),
    PlainSerializer(_interval_to_wire),
    WithJsonSchema(
        {
            "type": "object",
            "properties": {
                "years": {"type": "integer"},
                "months": {"type": "integer"},
                "days": {"type": "integer"},
            },
            "additionalProperties": False,
        }
    ),
]


class OccupancyCell(BaseModel):
    """One chair's booked sessions and minutes on one day of the week."""

    chair_id: int
    day: date
    sessions: int
    minutes: int


class WeekOccupancyWire(BaseModel):
    """``WeekOccupancy`` as JSON: its two maps keyed by (chair id, day) pairs, which a JSON
    object cannot key, as one list of cells (a pair in neither map is absent)."""

    first: date
    chairs: tuple[ChairView, ...]
    cells: list[OccupancyCell]

    @classmethod
    def of(cls, week: WeekOccupancy) -> WeekOccupancyWire:
        """The wire form of ``week``."""
        keys = sorted(set(week.counts) | set(week.minutes), key=lambda k: (k[1], k[0]))
        cells = [
            OccupancyCell(
                chair_id=chair,
                day=day,
                sessions=week.counts.get((chair, day), 0),
                minutes=week.minutes.get((chair, day), 0),
            )
            for chair, day in keys
        ]
        return cls(first=week.first, chairs=week.chairs, cells=cells)

    def week(self) -> WeekOccupancy:
        """The ``WeekOccupancy`` this stands for."""
        counts = {(c.chair_id, c.day): c.sessions for c in self.cells if c.sessions}
        minutes = {(c.chair_id, c.day): c.minutes for c in self.cells if c.minutes}
        return WeekOccupancy(self.first, self.chairs, counts, minutes)


# ---- datetimes in a named zone -------------------------------------------------------------
#
# The services hand out local times in the clinic's zone (a ``ZoneInfo``, e.g. Europe/London):
# its name decides the next day's offset, what a week across the change of clocks looks like,
# and which zone a desk shows. RFC 3339 carries only the offset, so a datetime in a named zone
# travels as RFC 9557's extended form, the offset plus the zone's name in brackets
# (``2026-03-29T09:00:00+01:00[Europe/London]``), and is rebuilt in that ``ZoneInfo`` on the
# client; a datetime with a fixed offset (UTC instants: audit times, expiries) travels as
# RFC 3339. A text value that looks like the extended form (after any leading ``ESCAPE``s,
# which free text never holds) is sent with one more ``ESCAPE``, which the client takes off:
# it is never taken for a datetime.

ZONED_PATTERN = (
    r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:\d{2})"
    r"\[([A-Za-z][A-Za-z0-9_+\-]*(?:/[A-Za-z0-9_+\-]+)*)\]"
)
_ZONED = re.compile(ZONED_PATTERN)
ESCAPE = "\x00"


def _looks_zoned(text: str) -> bool:
    return _ZONED.fullmatch(text.lstrip(ESCAPE)) is not None


def zoned_to_wire(value: Any) -> Any:
    """A python-mode dump with every datetime in a named zone as its extended form."""
    if isinstance(value, datetime):
        if isinstance(value.tzinfo, ZoneInfo):
            return f"{value.isoformat()}[{value.tzinfo.key}]"
        return value
    if isinstance(value, str):
        return ESCAPE + value if _looks_zoned(value) else value
    if isinstance(value, dict):
        return {k: zoned_to_wire(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [zoned_to_wire(v) for v in value]
    return value


def zoned_from_wire(value: Any) -> Any:
    """Decoded JSON with every extended-form datetime rebuilt in its zone (escapes undone)."""
    if isinstance(value, str):
        if value.startswith(ESCAPE) and _looks_zoned(value):
            return value[1:]
        found = _ZONED.fullmatch(value)
        if found is None:
            return value
        moment = datetime.fromisoformat(value[: value.index("[")])
        try:
            return moment.astimezone(ZoneInfo(found.group(1)))
        except (ZoneInfoNotFoundError, ValueError):
            return moment  # a zone this computer lacks: the instant, with its offset
    if isinstance(value, dict):
        return {k: zoned_from_wire(v) for k, v in value.items()}
    if isinstance(value, list):
        return [zoned_from_wire(v) for v in value]
    return value


# Results whose own type cannot travel as JSON, with the form they travel in and back.
WIRE_FORMS: dict[Any, tuple[Any, Callable[[Any], Any], Callable[[Any], Any]]] = {
    WeekOccupancy: (WeekOccupancyWire, WeekOccupancyWire.of, WeekOccupancyWire.week),
}


def wire_type(hint: Any) -> Any:
    """The type that travels for ``hint``: an iterator as a list, a relativedelta as parts."""
    if hint in WIRE_FORMS:
        return WIRE_FORMS[hint][0]
    if hint is relativedelta:
        return Interval
    if typing.get_origin(hint) is Iterator:
        (item,) = typing.get_args(hint)
        return list[item]  # type: ignore[valid-type]
    return hint


@dataclass(frozen=True)
class Endpoint:
    """One exposed service method: its route, its request model and its result type."""

    service: str
    method: str
    kind: Kind
    takes_actor: bool
    returns_iterator: bool
    request_model: type[BaseModel]
    result: TypeAdapter[Any]
    result_type: Any
    signature: inspect.Signature
    parameters: dict[str, TypeAdapter[Any]]
    returned: Any = None

    @property
    def path(self) -> str:
        """``/api/v1/<service>/<method>``."""
        return f"{API_PREFIX}/{self.service}/{self.method}"

    @property
    def function(self) -> Callable[..., Any]:
        """The service class's method (for its docstring)."""
        return getattr(SERVICE_CLASSES[self.service], self.method)  # type: ignore[no-any-return]

    def dump_result(self, result: Any) -> bytes:
        """The service method's result as the route's JSON body (server side); a datetime
        in a named zone keeps its zone (``zoned_to_wire``)."""
        if self.returns_iterator:
            result = list(result)
        form = WIRE_FORMS.get(self.returned)
        if form is not None:
            result = form[1](result)
        return to_json(zoned_to_wire(self.result.dump_python(result, mode="python")))

    def load_result(self, content: bytes) -> Any:
        """The route's JSON body as the service method's result (client side), datetimes
        back in their zones."""
        result = self.result.validate_python(zoned_from_wire(json.loads(content)))
        form = WIRE_FORMS.get(self.returned)
        if form is not None:
            result = form[2](result)
        return iter(result) if self.returns_iterator else result


def _camel(name: str) -> str:
    return "".join(part.capitalize() for part in name.split("_"))


def _endpoint(service: str, method: str, kind: Kind) -> Endpoint:
    function = getattr(SERVICE_CLASSES[service], method)
    hints = typing.get_type_hints(function)
    signature = inspect.signature(function)
    fields: dict[str, Any] = {}
    adapters: dict[str, TypeAdapter[Any]] = {}
    takes_actor = False
    for name, parameter in signature.parameters.items():
        if name == "self":
            continue
        if name == "actor":
            takes_actor = True  # the server supplies it from the bearer token
            continue
        hint = wire_type(hints[name])
        default = ... if parameter.default is inspect.Parameter.empty else parameter.default
        fields[name] = (hint, default)
        adapters[name] = TypeAdapter(hint)
    model = create_pydantic_model(
        f"{_camel(service)}{_camel(method)}Request",
        __config__=ConfigDict(extra="forbid"),
        **fields,
    )
    returned = hints.get("return", type(None))
    result_type = wire_type(returned)
    return Endpoint(
        service=service,
        method=method,
        kind=kind,
        takes_actor=takes_actor,
        returns_iterator=typing.get_origin(returned) is Iterator,
        request_model=model,
        result=TypeAdapter(result_type),
        result_type=result_type,
        signature=signature,
        parameters=adapters,
        returned=returned,
    )


@cache
def endpoints() -> tuple[Endpoint, ...]:
    """Every exposed method as an endpoint, in the declared order."""
    return tuple(
        _endpoint(service, method, kind)
        for service, methods in EXPOSED.items()
        for method, kind in methods.items()
    )


def public_methods(cls: type) -> list[str]:
    """The public methods of a service class (what the interface consists of)."""
    return [
        name
        for name, member in inspect.getmembers(cls, inspect.isfunction)
        if not name.startswith("_")
    ]


# ---- errors on the wire -------------------------------------------------------------------

# The exceptions a service call may raise on purpose, with their HTTP status. A subclass not
# listed travels as its nearest listed ancestor (with that ancestor's fields).
ERROR_STATUS: dict[type[Exception], int] = {
    NotFoundError: 404,
    ImportRefusedError: 422,
    InvalidInputError: 422,
    RuleRefusalError: 409,
    # Its own entry (not its base's): the desk needs the affected bookings to confirm.
    AffectedBookingsError: 409,
    SchedulingConflictError: 409,
    PermissionDeniedError: 403,
    # This installation lacks OR-Tools: the server cannot do it (not a fault of the request).
    SolverUnavailableError: 501,
    LoginRateLimitedError: 429,
    SessionExpiredError: 401,
    AccountLockedError: 401,
    AuthenticationError: 401,
    ClinicError: 400,
    # Input the domain refuses before a service could name the field (the CLI's exit 2 too).
    NonexistentTimeError: 422,
    CalendarError: 422,
    CatalogError: 422,
    UnknownTherapyError: 422,
    UnitError: 422,
    RuleParametersError: 422,
}


@cache
def _error_types() -> dict[str, type[Exception]]:
    return {cls.__name__: cls for cls in ERROR_STATUS}


def _wire_class(error: BaseException) -> type[Exception] | None:
    for cls in type(error).__mro__:
        if cls in ERROR_STATUS:
            return cls
    return None


def _constructor(cls: type[Exception]) -> tuple[inspect.Signature, dict[str, Any]]:
    owner = next(k for k in cls.__mro__ if "__init__" in vars(k))
    if owner.__module__ == "builtins":  # Exception's own (*args): travels as its args
        return inspect.Signature(), {}
    init = vars(owner)["__init__"]
    return inspect.signature(init), typing.get_type_hints(init)


def is_wire_error(error: BaseException) -> bool:
    """True for an exception the interface carries to the client (not a bug)."""
    return _wire_class(error) is not None


def error_status(error: BaseException) -> int:
    """The HTTP status of an exception the interface carries."""
    cls = _wire_class(error)
    if cls is None:
        raise TypeError(f"{type(error).__name__} is not part of the interface")
    return ERROR_STATUS[cls]


def error_body(error: BaseException) -> dict[str, Any]:
    """``{"error": {"type", "message", "fields"}}`` for an exception the interface carries."""
    cls = _wire_class(error)
    if cls is None:
        raise TypeError(f"{type(error).__name__} is not part of the interface")
    signature, hints = _constructor(cls)
    fields: dict[str, Any] = {}
    for name, parameter in signature.parameters.items():
        if name == "self" or parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD):
            continue
        value = getattr(error, name, None)
        if value is None and name == "message":
            value = str(error)
        hint = hints.get(name, Any)
        fields[name] = TypeAdapter(hint).dump_python(value, mode="json")
    if not signature.parameters:
        fields["args"] = [str(arg) for arg in error.args]
    return {"error": {"type": cls.__name__, "message": str(error), "fields": fields}}


def rebuild_error(body: object) -> Exception | None:
    """The exception an error body stands for, or None when it is not one of ours."""
    if not isinstance(body, dict) or not isinstance(body.get("error"), dict):
        return None
    data = body["error"]
    cls = _error_types().get(str(data.get("type")))
    fields = data.get("fields")
    if cls is None or not isinstance(fields, dict):
        return None
    signature, hints = _constructor(cls)
    if not signature.parameters:
        error = cls(*fields.get("args", [data.get("message", "")]))
    else:
        arguments = {
            name: TypeAdapter(hints.get(name, Any)).validate_python(value)
            for name, value in fields.items()
            if name in signature.parameters
        }
        error = cls(**arguments)
    if isinstance(data.get("message"), str):
        error.args = (data["message"],)  # as raised, e.g. with a series' "dose 3: " prefix
    return error
