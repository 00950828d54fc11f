"""The declared interface: complete, one route per method, and errors that travel intact."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from dateutil.relativedelta import relativedelta

from clinic_app import service_api as api
from clinic_app.bootstrap import Services
from clinic_app.domain.clinic_calendar import CalendarError
from clinic_app.domain.errors import (
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    RuleRefusalError,
    SchedulingConflictError,
)
from clinic_app.domain.findings import Evidence, Finding, Severity
from clinic_app.services.auth import AccountLockedError, AuthenticationError
from clinic_app.services.clinic_settings import AffectedBooking, AffectedBookingsError
from clinic_app.services.sessions import LoginRateLimitedError, SessionExpiredError


def test_every_public_service_method_is_exposed_or_excluded_with_a_reason() -> None:
    services = {name for name, cls in Services.__annotations__.items()}
    for name, cls in api.SERVICE_CLASSES.items():
        assert name in services
        methods = set(api.public_methods(cls))
        exposed = set(api.EXPOSED.get(name, {}))
        excluded = set(api.EXCLUDED.get(name, {}))
        assert exposed | excluded == methods, name
        assert not exposed & excluded, name
        assert all(len(reason) > 20 for reason in api.EXCLUDED.get(name, {}).values())


def test_one_route_per_exposed_method_without_the_actor() -> None:
    endpoints = api.endpoints()
    assert len({e.path for e in endpoints}) == len(endpoints)
    book = next(e for e in endpoints if e.path == "/api/v1/booking/book")
    assert book.takes_actor and book.kind is api.WRITE
    assert set(book.request_model.model_fields) == {"request"}
    series = next(e for e in endpoints if e.method == "book_series")
    every = series.parameters["every"]
    wire = every.dump_python(relativedelta(months=3), mode="json")
    assert wire == {"years": 0, "months": 3, "days": 0}
    assert every.validate_python(wire) == relativedelta(months=3)
    with pytest.raises(ValueError):
        every.validate_python({"months": "three"})
    entries = next(e for e in endpoints if e.path == "/api/v1/audit/entries")
    assert entries.returns_iterator


FINDING = Finding("E3", Severity.BLOCK, "too close to the last dose", Evidence.LABEL, 7)
AT = datetime(2026, 12, 24, 10, tzinfo=UTC)
AFFECTED = AffectedBooking(
    "session", 7, "M001", "Alice Archer", AT, AT, "Chair 1", "hours", "the clinic is closed"
)


@pytest.mark.parametrize(
    ("error", "status", "fields"),
    [
        (InvalidInputError("mrn", "is empty"), 422, {"field": "mrn", "problem": "is empty"}),
        (NotFoundError("chair", "no such chair"), 404, {"field": "chair"}),
        (SchedulingConflictError("chair", "taken"), 409, {"kind": "chair", "message": "taken"}),
        (RuleRefusalError("refused", [FINDING], overridable=True), 409, {"overridable": True}),
        (PermissionDeniedError("book", "manager"), 403, {"action": "book", "role": "manager"}),
        (AuthenticationError(), 401, {}),
        (SessionExpiredError(), 401, {}),
        (AccountLockedError(datetime(2026, 11, 23, 9, tzinfo=UTC)), 401, {}),
        (LoginRateLimitedError(30), 429, {"retry_after": 30}),
        (CalendarError("Monday has opening hours twice"), 422, {}),
        # The desk lists what a settings change would strand before asking to confirm it.
        (
            AffectedBookingsError("closed on 2026-12-24", [AFFECTED]),
            409,
            {"description": "closed on 2026-12-24", "affected": (AFFECTED,)},
        ),
    ],
)
def test_an_error_comes_back_as_the_same_type_with_the_same_fields(
    error: Exception, status: int, fields: dict[str, object]
) -> None:
    assert api.error_status(error) == status
    again = api.rebuild_error(api.error_body(error))
    assert type(again) is type(error) and str(again) == str(error)
    for name, value in fields.items():
        assert getattr(again, name) == value
    for name in ("findings", "locked_until", "field", "problem"):
        assert getattr(again, name, None) == getattr(error, name, None)


def test_a_prefixed_message_travels_as_raised() -> None:
    error = InvalidInputError("start", "is in the past")
    error.args = ("dose 3: start: is in the past",)
    again = api.rebuild_error(api.error_body(error))
    assert str(again) == "dose 3: start: is in the past" and again.field == "start"


def test_a_bug_is_not_part_of_the_interface() -> None:
    assert not api.is_wire_error(ZeroDivisionError())
    assert api.rebuild_error({"error": {"type": "ZeroDivisionError", "fields": {}}}) is None
