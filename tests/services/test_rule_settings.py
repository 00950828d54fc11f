"""Per-clinic rule changes: administrators only, validated, audited, applied to bookings."""

from __future__ import annotations

import pytest

from clinic_app.bootstrap import Services
from clinic_app.domain.errors import InvalidInputError, PermissionDeniedError
from clinic_app.services.booking import BookingRequest
from tests.conftest import ADMIN, DESK, MANAGER, NURSE
from tests.services.conftest import ContractRemote


def test_rules_show_sources_and_open_points(clinic: Services) -> None:
    settings = clinic.rule_settings.current(MANAGER)
    by_id = {d.rule_id: d for d in settings.rules}
    assert by_id["E3"].severity == "BLOCK"
    assert "12 weeks" in " ".join(by_id["E3"].parameters)
    assert by_id["E3"].source
    assert settings.open_points


def test_only_an_administrator_changes_a_rule(clinic: Services) -> None:
    for actor in (DESK, NURSE, MANAGER):
        with pytest.raises(PermissionDeniedError):
            clinic.rule_settings.change(actor, "E3", {"window": {"weeks": 16}})
    assert not any(d.overridden for d in clinic.rule_settings.current(ADMIN).rules)


def test_invalid_change_names_the_rule_and_key(clinic: Services) -> None:
    with pytest.raises(InvalidInputError) as caught:
        clinic.rule_settings.change(ADMIN, "E3", {"window": {"fortnights": 3}})
    assert "E3" in caught.value.problem
    with pytest.raises(InvalidInputError):
        clinic.rule_settings.change(ADMIN, "Z9", {"severity": "WARN"})


def test_a_wider_window_applies_to_new_and_existing_bookings(clinic: Services) -> None:
    # Zoledronic acid 16 weeks before the iron: outside the shipped 12-week E3 window.
    clinic.booking.book(
        DESK, BookingRequest("M001", "zoledronic-acid", "2026-11-24T10:00", "Chair 2")
    )
    outcome = clinic.booking.book(
        DESK, BookingRequest("M001", "ferric-derisomaltose", "2027-03-16T10:00", "Chair 1")
    )
    assert "E3" not in {f.rule for f in outcome.findings}
    clinic.rule_settings.change(ADMIN, "E3", {"window": {"weeks": 20}})
    (session,) = [s for s in clinic.queries.day(NURSE, "2027-03-16").sessions]
    assert "E3" in {f.rule for f in session.findings}
    changed = {d.rule_id for d in clinic.rule_settings.current(ADMIN).rules if d.overridden}
    assert changed == {"E3"}
    actions = [e.action for e in clinic.audit.entries(ADMIN)]
    assert "rule-change" in actions
    clinic.rule_settings.reset(ADMIN, "E3")
    (session,) = [s for s in clinic.queries.day(NURSE, "2027-03-16").sessions]
    assert "E3" not in {f.rule for f in session.findings}


def _nested(depth: int) -> dict[str, object]:
    """A change nested ``depth`` levels deep."""
    value: dict[str, object] = {"weeks": 16}
    for _ in range(depth):
        value = {"window": value}
    return value


# Deeper than JSON serializers go: the remote adapter cannot even send it, and refuses it as
# invalid input before the request ("not expressible as JSON"); in-process the service's own
# depth check names the limit.
TOO_DEEP_TO_SEND = _nested(100_000)


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (TOO_DEEP_TO_SEND, "nests deeper than 8 levels"),
        ({"window": [[[[[[[[[16]]]]]]]]]}, "nests deeper than 8 levels"),
        ({"window": {"weeks": 16}, "note": "x" * 20_000}, "is longer than 10000 characters"),
        ({"window": {"weeks": object()}}, "not expressible as JSON"),
        ("[" * 100_000 + "]" * 100_000, "is longer than 10000 characters"),
        ("[" * 4_000 + "]" * 4_000, "nests deeper than 8 levels"),
        ('{"window": {"weeks": "]]]]]]]]]]]]]]]]]]]]]"}}', "rules.E3: 'window' must be"),
    ],
)
def test_a_change_too_deep_or_too_large_is_refused_before_it_recurses(
    clinic: Services, change: object, words: str
) -> None:
    if change is TOO_DEEP_TO_SEND and isinstance(clinic, ContractRemote):
        words = "not expressible as JSON"
    with pytest.raises(InvalidInputError) as caught:
        clinic.rule_settings.change(ADMIN, "E3", change)  # type: ignore[arg-type]
    assert words in caught.value.problem
    assert not any(d.overridden for d in clinic.rule_settings.current(ADMIN).rules)


def test_a_change_given_as_json_text_is_applied(clinic: Services) -> None:
    description = clinic.rule_settings.change(ADMIN, "E3", '{"window": {"months": 1200}}')
    assert "1200 months" in " ".join(description.parameters)


def test_a_stored_setting_that_no_longer_validates_says_how_to_reset_it(
    clinic: Services,
) -> None:
    """A setting stored before its bound existed (10^12 weeks) must not crash every booking."""
    from datetime import UTC, datetime

    from clinic_app.persistence.models import RuleSettingRow

    with clinic.ctx.db.write() as uow:
        uow.session.add(
            RuleSettingRow(
                rule_id="E3",
                value_json='{"window": {"weeks": 1000000000000}}',
                changed_by="ada.admin",
                changed_at=datetime(2026, 1, 1, tzinfo=UTC),
            )
        )
        uow.commit()
    request = BookingRequest("M001", "denosumab", "2026-11-24T10:00", "Chair 1")
    with pytest.raises(InvalidInputError, match="rules reset"):
        clinic.booking.book(NURSE, request)
    clinic.rule_settings.reset(ADMIN, "E3")
    assert clinic.booking.book(NURSE, request).session.id is not None
