"""The prescriber in the loop, through the booking service on SQLite and PostgreSQL.

A session names its prescriber (name, practice, contact); every new override names the
prescriber consulted, and overrides recorded before that (no one named) stay valid. Bad text
is refused naming the field, with nothing written; everything is in the audit trail.
"""

from __future__ import annotations

import json

import pytest
from dateutil.relativedelta import relativedelta
from sqlalchemy import func, inspect, select

from clinic_app.bootstrap import Services
from clinic_app.domain.errors import InvalidInputError, PermissionDeniedError
from clinic_app.domain.findings import Severity
from clinic_app.persistence.models import AuditRow, OverrideRow, SessionRow
from clinic_app.services.booking import BookingRequest
from clinic_app.services.results import PrescriberView
from tests.conftest import DESK, NURSE

IRON = BookingRequest("M001", "ferric-carboxymaltose", "2026-12-01T10:00", "Chair 1")
REASON = "Hb 72, haematology agrees; phosphate monitored"


@pytest.fixture
def on_denosumab(clinic: Services) -> Services:
    """Alice has GP denosumab: ferric carboxymaltose for her needs an override (E2/E3)."""
    clinic.setup.add_exposure(
        DESK, mrn="M001", drug="denosumab", last_dose="2026-10-01", where="Riverside Surgery"
    )
    return clinic


def request(**changes: object) -> BookingRequest:
    fields = {
        "mrn": IRON.mrn,
        "therapy": IRON.therapy,
        "start": IRON.start,
        "chair": IRON.chair,
        **changes,
    }
    return BookingRequest(**fields)  # type: ignore[arg-type]


def table_counts(services: Services) -> tuple[int, int]:
    with services.ctx.db.read() as uow:
        s = uow.session
        return (
            s.scalar(select(func.count()).select_from(SessionRow)) or 0,
            s.scalar(select(func.count()).select_from(OverrideRow)) or 0,
        )


def audit_after(services: Services, action: str) -> list[dict[str, object]]:
    with services.ctx.db.read() as uow:
        rows = uow.session.scalars(
            select(AuditRow).where(AuditRow.action == action).order_by(AuditRow.id)
        ).all()
        return [json.loads(r.after_json or "{}") for r in rows]


def test_a_session_names_its_prescriber(clinic: Services) -> None:
    outcome = clinic.booking.book(
        DESK,
        BookingRequest(
            "M002",
            "zoledronic-acid",
            "2026-11-24T09:00",
            "Chair 1",
            prescriber="  Dr Ann Lee ",
            prescriber_practice="Riverside Surgery",
            prescriber_contact="020 7946 0000",
        ),
    )
    expected = PrescriberView("Dr Ann Lee", "Riverside Surgery", "020 7946 0000")
    assert outcome.session.prescriber == expected
    (stored,) = clinic.queries.day(NURSE, "2026-11-24").sessions
    assert stored.prescriber == expected
    assert expected.describe() == "Dr Ann Lee, Riverside Surgery, 020 7946 0000"
    booked = audit_after(clinic, "book")[-1]
    assert booked["prescriber"] == ["Dr Ann Lee", "Riverside Surgery", "020 7946 0000"]


def test_a_prescriber_is_optional_and_a_name_alone_will_do(clinic: Services) -> None:
    plain = clinic.booking.book(
        DESK, BookingRequest("M002", "zoledronic-acid", "2026-11-24T09:00", "Chair 1")
    )
    assert plain.session.prescriber is None
    named = clinic.booking.book(
        DESK,
        BookingRequest("M003", "denosumab", "2026-11-24T09:00", "Chair 2", prescriber="Dr Bo"),
    )
    assert named.session.prescriber == PrescriberView("Dr Bo")


def test_an_override_without_the_prescriber_consulted_is_refused(on_denosumab: Services) -> None:
    before = table_counts(on_denosumab)
    with pytest.raises(InvalidInputError) as caught:
        on_denosumab.booking.book(NURSE, request(override_reason=REASON))
    assert caught.value.field == "consulted"
    assert "prescriber consulted" in caught.value.problem
    for blank in ("", "   "):
        with pytest.raises(InvalidInputError, match="consulted"):
            on_denosumab.booking.book(NURSE, request(override_reason=REASON, consulted=blank))
    assert table_counts(on_denosumab) == before


def test_the_override_records_the_prescriber_consulted(on_denosumab: Services) -> None:
    outcome = on_denosumab.booking.book(
        NURSE,
        request(override_reason=REASON, consulted="Dr Ann Lee, haematology", prescriber="Dr Kim"),
    )
    blocks = [f for f in outcome.findings if f.severity is Severity.BLOCK]
    assert blocks and all(f.overridden_by == NURSE.username for f in blocks)
    assert all(f.consulted == "Dr Ann Lee, haematology" for f in blocks)
    assert outcome.session.prescriber == PrescriberView("Dr Kim")
    with on_denosumab.ctx.db.read() as uow:
        rows = uow.session.scalars(select(OverrideRow)).all()
        assert rows and {r.consulted_prescriber for r in rows} == {"Dr Ann Lee, haematology"}
    overrides = audit_after(on_denosumab, "override")
    assert overrides and all(o["consulted"] == "Dr Ann Lee, haematology" for o in overrides)
    # Every read of the session carries it: the daily list and the JSON shape of the CLI.
    (shown,) = on_denosumab.queries.day(NURSE, "2026-12-01").sessions
    assert {f.consulted for f in shown.overridden} == {"Dr Ann Lee, haematology"}
    override_json = shown.overridden[0].as_json()["override"]
    assert isinstance(override_json, dict)
    assert override_json["consulted"] == "Dr Ann Lee, haematology"


def test_consulted_without_an_override_is_refused(clinic: Services) -> None:
    before = table_counts(clinic)
    with pytest.raises(InvalidInputError) as caught:
        clinic.booking.book(
            NURSE,
            BookingRequest(
                "M002", "zoledronic-acid", "2026-11-24T09:00", "Chair 1", consulted="Dr Ann Lee"
            ),
        )
    assert caught.value.field == "consulted"
    assert table_counts(clinic) == before


def test_front_desk_is_refused_the_override_before_the_consulted_check(
    on_denosumab: Services,
) -> None:
    # The role may not override (not permitted), whatever is or is not consulted.
    with pytest.raises(PermissionDeniedError, match="clinical override"):
        on_denosumab.booking.book(DESK, request(override_reason=REASON))
    with pytest.raises(PermissionDeniedError, match="clinical override"):
        on_denosumab.booking.book(DESK, request(override_reason=REASON, consulted="Dr Ann Lee"))
    assert table_counts(on_denosumab) == (0, 0)


@pytest.mark.parametrize(
    ("field", "changes"),
    [
        ("prescriber", {"prescriber": "Dr Ann\nLee"}),
        ("prescriber", {"prescriber": "Dr Ann\tLee"}),
        ("prescriber", {"prescriber": "Dr \x1b[31mAnn"}),
        ("prescriber", {"prescriber": "Dr Ann\u2028Lee"}),
        ("prescriber", {"prescriber": "D" * 201}),
        ("prescriber-practice", {"prescriber": "Dr Ann Lee", "prescriber_practice": "a\x00b"}),
        ("prescriber-contact", {"prescriber": "Dr Ann Lee", "prescriber_contact": "9" * 201}),
        ("prescriber", {"prescriber_practice": "Riverside Surgery"}),
        ("consulted", {"override_reason": REASON, "consulted": "Dr Ann\r\nLee"}),
        ("consulted", {"override_reason": REASON, "consulted": "x" * 201}),
    ],
)
def test_bad_prescriber_text_is_refused_naming_the_field(
    on_denosumab: Services, field: str, changes: dict[str, object]
) -> None:
    before = table_counts(on_denosumab)
    with pytest.raises(InvalidInputError) as caught:
        on_denosumab.booking.book(NURSE, request(**changes))
    assert caught.value.field == field
    if field != "consulted":  # the dry run checks the prescriber; an override only on saving
        with pytest.raises(InvalidInputError):
            on_denosumab.booking.check(NURSE, request(**changes))
    assert table_counts(on_denosumab) == before


def test_a_name_of_200_characters_is_kept_whole(clinic: Services) -> None:
    name = "Dr " + "Ä" * 197
    outcome = clinic.booking.book(
        DESK,
        BookingRequest("M002", "denosumab", "2026-11-24T09:00", "Chair 1", prescriber=name),
    )
    assert outcome.session.prescriber == PrescriberView(name)
    (stored,) = clinic.queries.day(NURSE, "2026-11-24").sessions
    assert stored.prescriber == PrescriberView(name)


def test_move_carries_the_prescriber_and_the_consulted(on_denosumab: Services) -> None:
    zol = on_denosumab.booking.book(
        DESK,
        BookingRequest("M002", "zoledronic-acid", "2026-11-24T09:00", "Chair 1", prescriber="Dr A"),
    ).session
    assert zol.id is not None
    kept = on_denosumab.booking.move(DESK, zol.id, "2026-11-24T11:00")
    assert kept.session.prescriber == PrescriberView("Dr A")
    replaced = on_denosumab.booking.move(
        DESK, zol.id, "2026-11-24T13:00", prescriber="Dr B", prescriber_practice="Bone clinic"
    )
    assert replaced.session.prescriber == PrescriberView("Dr B", "Bone clinic")
    moves = audit_after(on_denosumab, "move")
    assert moves[-1]["prescriber"] == ["Dr B", "Bone clinic", None]

    # Iron for the patient on denosumab, booked outside the E3 window, then moved into it.
    iron = on_denosumab.booking.book(
        NURSE, request(start="2027-03-02T10:00", override_reason=REASON, consulted="Dr C")
    ).session
    assert iron.id is not None
    with pytest.raises(InvalidInputError, match="consulted"):
        on_denosumab.booking.move(NURSE, iron.id, "2026-12-01T10:00", override_reason="ok now")
    moved = on_denosumab.booking.move(
        NURSE, iron.id, "2026-12-01T10:00", override_reason="ok now", consulted="Dr D"
    )
    assert {f.consulted for f in moved.session.overridden} >= {"Dr D"}
    with pytest.raises(InvalidInputError) as caught:
        on_denosumab.booking.move(DESK, iron.id, "2026-12-02T10:00", prescriber="x\ny")
    assert caught.value.field == "prescriber"


def test_a_series_carries_both_to_every_dose(on_denosumab: Services) -> None:
    outcomes = on_denosumab.booking.book_series(
        NURSE,
        request(override_reason=REASON, consulted="Dr Ann Lee", prescriber="Dr Kim"),
        count=2,
        every=relativedelta(days=7),
    )
    assert [o.session.prescriber for o in outcomes] == [PrescriberView("Dr Kim")] * 2
    for outcome in outcomes:
        assert outcome.session.overridden
        assert {f.consulted for f in outcome.session.overridden} == {"Dr Ann Lee"}
    with pytest.raises(InvalidInputError, match="consulted"):
        on_denosumab.booking.book_series(
            NURSE,
            request(start="2027-06-01T10:00", override_reason=REASON),
            count=2,
            every=relativedelta(days=7),
        )


def test_an_override_recorded_before_the_prescriber_columns_stays_valid(
    on_denosumab: Services,
) -> None:
    """Rows from before migration 0007 have no prescriber and no one consulted."""
    outcome = on_denosumab.booking.book(
        NURSE, request(override_reason=REASON, consulted="Dr Ann Lee")
    )
    assert outcome.session.id is not None
    with on_denosumab.ctx.db.write() as uow:
        s = uow.session
        for row in s.scalars(select(OverrideRow)):
            row.consulted_prescriber = None
        uow.commit()
    (shown,) = on_denosumab.queries.day(NURSE, "2026-12-01").sessions
    assert shown.overridden and all(f.consulted is None for f in shown.overridden)
    assert shown.prescriber is None
    # Re-checking the patient keeps the old override: its BLOCKs stay overridden.
    on_denosumab.setup.add_exposure(
        DESK, mrn="M001", drug="alendronate", ongoing_since="2025-01-01", where="GP"
    )
    (after,) = on_denosumab.queries.day(NURSE, "2026-12-01").sessions
    blocks = [f for f in after.findings if f.severity is Severity.BLOCK]
    assert any(f.overridden_by for f in blocks)


def test_migration_0007_adds_nullable_columns_and_downgrades_cleanly(
    services: Services, db_url: str
) -> None:
    from alembic import command

    from clinic_app.persistence.engine import make_engine
    from clinic_app.persistence.migrate import alembic_config, current_revision, head_revision

    services.engine.dispose()  # migrated to head by the fixture; this test owns it now
    engine = make_engine(db_url)
    config = alembic_config()
    with engine.begin() as connection:  # later revisions first, back to 0007
        config.attributes["connection"] = connection
        command.downgrade(config, "0007")
    assert current_revision(engine) == "0007"
    columns = {c["name"]: c for c in inspect(engine).get_columns("sessions")}
    for name in ("prescriber_name", "prescriber_practice", "prescriber_contact"):
        assert columns[name]["nullable"]
    overrides = {c["name"]: c for c in inspect(engine).get_columns("overrides")}
    assert overrides["consulted_prescriber"]["nullable"]

    triggers_before = _trigger_count(engine)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "-1")
    engine.dispose()
    engine = make_engine(db_url)
    assert "prescriber_name" not in {c["name"] for c in inspect(engine).get_columns("sessions")}
    # A plain DROP COLUMN, not a table rebuild: the invariant triggers of 0002 survive.
    assert _trigger_count(engine) == triggers_before
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    engine.dispose()
    engine = make_engine(db_url)
    assert current_revision(engine) == head_revision()
    engine.dispose()


def _trigger_count(engine: object) -> int:
    from sqlalchemy import Engine, text

    assert isinstance(engine, Engine)
    query = (
        "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"
        if engine.dialect.name == "sqlite"
        else "SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal"
    )
    with engine.connect() as connection:
        return int(connection.execute(text(query)).scalar_one())
