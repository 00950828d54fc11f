"""Storing a session's findings: duplicates once, overrides on BLOCKs kept, changes audited."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import event, func, select

from clinic_app.bootstrap import Services
from clinic_app.domain.findings import Evidence, Finding, Severity
from clinic_app.persistence import repositories as repo
from clinic_app.persistence.models import AuditRow, OverrideRow
from clinic_app.services.booking import BookingRequest
from clinic_app.services.findings_store import (
    finding_key,
    store_changed_findings,
    store_changed_findings_many,
    store_findings,
    stored_keys,
    unique_findings,
)
from tests.conftest import DESK, NOW, NURSE

BLOCK = Finding("E3", Severity.BLOCK, "too close to the iron", Evidence.UNSOURCED)
WARN = Finding("C2", Severity.WARN, "denosumab is late", Evidence.SECONDARY)


@pytest.fixture
def db_url(sqlite_url: str) -> str:
    """What is stored does not depend on the database; SQLite is enough here."""
    return sqlite_url


@pytest.fixture
def session_id(clinic: Services) -> int:
    """A booked denosumab session without findings of its own."""
    outcome = clinic.booking.book(
        DESK, BookingRequest("M001", "denosumab", "2026-11-24T10:00", "Chair 1")
    )
    assert outcome.session.id is not None
    return outcome.session.id


def audit_actions(clinic: Services, session_id: int) -> list[tuple[str, str | None]]:
    with clinic.ctx.db.read() as uow:
        rows = uow.session.scalars(
            select(AuditRow)
            .where(AuditRow.entity == "session", AuditRow.entity_id == session_id)
            .order_by(AuditRow.id)
        )
        return [(row.action, row.after_json) for row in rows if row.action != "book"]


def test_unique_findings_keep_the_first_of_each_in_order() -> None:
    again = Finding("E3", Severity.BLOCK, "too close to the iron", Evidence.LABEL)
    assert unique_findings([BLOCK, WARN, again, WARN]) == [BLOCK, WARN]
    # Evidence is not part of what makes two findings the same.
    assert finding_key(again) == finding_key(BLOCK) == ("E3", "BLOCK", "too close to the iron")


def test_an_override_goes_to_each_block_and_is_audited(clinic: Services, session_id: int) -> None:
    with clinic.ctx.db.write() as uow:
        row = repo.session_by_id(uow.session, session_id)
        store_findings(
            uow.session, row, [BLOCK, WARN, BLOCK], NURSE, "Hb 70, urgent", NOW,
            consulted="Dr Grey",
        )  # fmt: skip
        uow.commit()
    with clinic.ctx.db.read() as uow:
        row = repo.session_by_id(uow.session, session_id)
        stored = {(f.rule_id, f.override.reason if f.override else None) for f in row.findings}
        assert stored == {("E3", "Hb 70, urgent"), ("C2", None)}
        assert stored_keys(row) == {finding_key(BLOCK), finding_key(WARN)}
    ((action, after),) = audit_actions(clinic, session_id)
    assert action == "override"
    assert json.loads(after or "{}") == {
        "rule": "E3",
        "message": "too close to the iron",
        "reason": "Hb 70, urgent",
        "consulted": "Dr Grey",
    }


def test_a_restore_keeps_the_override_of_a_finding_that_remains(
    clinic: Services, session_id: int
) -> None:
    with clinic.ctx.db.write() as uow:
        row = repo.session_by_id(uow.session, session_id)
        store_findings(uow.session, row, [BLOCK], NURSE, "agreed with haematology", NOW)
        uow.commit()
    with clinic.ctx.db.write() as uow:
        row = repo.session_by_id(uow.session, session_id)
        store_findings(uow.session, row, [BLOCK, WARN], DESK, None, NOW)
        uow.commit()
    with clinic.ctx.db.read() as uow:
        row = repo.session_by_id(uow.session, session_id)
        kept = {f.rule_id: f.override.overridden_by if f.override else None for f in row.findings}
        assert kept == {"E3": "nina.nurse", "C2": None}
        assert len(uow.session.scalars(select(OverrideRow)).all()) == 1


def test_only_a_change_is_stored_and_audited(clinic: Services, session_id: int) -> None:
    with clinic.ctx.db.write() as uow:
        row = repo.session_by_id(uow.session, session_id)
        before = stored_keys(row)
        assert store_changed_findings(uow.session, row, [], DESK, None, NOW) is (before != set())
        assert store_changed_findings(uow.session, row, [WARN], DESK, None, NOW) is True
        assert store_changed_findings(uow.session, row, [WARN], DESK, None, NOW) is False
        uow.commit()
    rechecks = [after for action, after in audit_actions(clinic, session_id) if action == "recheck"]
    assert json.loads(rechecks[-1] or "{}") == {"findings": [["C2", "WARN", "denosumab is late"]]}
    assert len(rechecks) == (2 if before else 1)


def _trail(clinic: Services, since: int) -> list[tuple[str, int | None, str | None, str | None]]:
    """(action, session, before, after) of every audit entry after id ``since``, in order."""
    with clinic.ctx.db.read() as uow:
        rows = uow.session.scalars(
            select(AuditRow).where(AuditRow.id > since).order_by(AuditRow.id)
        )
        return [(r.action, r.entity_id, r.before_json, r.after_json) for r in rows]


def _stored(clinic: Services, ids: list[int]) -> list[list[tuple[str, str, str | None]]]:
    with clinic.ctx.db.read() as uow:
        out = []
        for sid in ids:
            row = repo.session_by_id(uow.session, sid)
            out.append(
                sorted(
                    (f.rule_id, f.message, f.override.reason if f.override else None)
                    for f in row.findings
                )
            )
        return out


def test_several_sessions_at_once_store_and_audit_as_one_by_one(clinic: Services) -> None:
    """store_changed_findings_many (what a booking does with its re-checked neighbours) stores
    the same rows and writes the same trail, in the same order, as store_findings for the
    first session and store_changed_findings for each other one, in two flushes."""
    ids = []
    for day, mrn in ((24, "M001"), (25, "M002"), (26, "M003")):
        outcome = clinic.booking.book(
            DESK, BookingRequest(mrn, "denosumab", f"2026-11-{day}T10:00", "Chair 2")
        )
        assert outcome.session.id is not None
        ids.append(outcome.session.id)
    other = Finding("E2", Severity.BLOCK, "on antiresorptives", Evidence.LABEL)
    plan = [[BLOCK, WARN], [WARN, other], []]

    def one_by_one() -> None:
        with clinic.ctx.db.write() as uow:
            s = uow.session
            rows = [repo.session_by_id(s, sid) for sid in ids]
            store_findings(s, rows[0], plan[0], NURSE, "reviewed", NOW, consulted="Dr Grey")
            for row, findings in zip(rows[1:], plan[1:], strict=True):
                store_changed_findings(
                    s, row, findings, NURSE, "reviewed", NOW, consulted="Dr Grey"
                )
            uow.commit()

    def at_once() -> int:
        flushes = 0

        def count(*_args: object) -> None:
            nonlocal flushes
            flushes += 1

        with clinic.ctx.db.write() as uow:
            s = uow.session
            rows = [repo.session_by_id(s, sid) for sid in ids]
            event.listen(s, "after_flush", count)
            stored = store_changed_findings_many(
                s,
                list(zip(rows[1:], plan[1:], strict=True)),
                NURSE,
                "reviewed",
                NOW,
                consulted="Dr Grey",
                first=(rows[0], plan[0]),
            )
            assert stored == [ids[1]]  # the third had none and still has none
            uow.commit()
        return flushes

    def last_id() -> int:
        with clinic.ctx.db.read() as uow:
            return uow.session.scalar(select(func.max(AuditRow.id))) or 0

    def clear() -> None:
        with clinic.ctx.db.write() as uow:
            for sid in ids:
                row = repo.session_by_id(uow.session, sid)
                store_findings(uow.session, row, [], DESK, None, NOW)
            uow.commit()

    # Each way from the same starting point (no findings stored): one by one, then at once.
    clear()
    start = last_id()
    one_by_one()
    first_trail, first_rows = _trail(clinic, start), _stored(clinic, ids)
    assert [action for action, *_ in first_trail] == ["override", "override", "recheck"]
    clear()
    start = last_id()
    flushes = at_once()
    assert _stored(clinic, ids) == first_rows
    assert _trail(clinic, start) == first_trail
    assert flushes <= 2  # the old rows removed (nothing to remove here), the new ones written
