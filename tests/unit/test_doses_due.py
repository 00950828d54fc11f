"""Next doses due, from the shipped rule parameters."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from clinic_app.domain.doses_due import DueState, doses_due
from clinic_app.domain.rule_parameters import load_rules_file
from clinic_app.domain.timeline import Dose, DoseSource, PatientTimeline, Regimen

CATALOG, PARAMS = load_rules_file(Path(__file__).parents[2] / "resources" / "clinical_rules.toml")
TODAY = date(2026, 11, 23)


def due_for(*doses: Dose) -> dict[str, object]:
    return {d.drug: d for d in doses_due(PatientTimeline.of(doses), CATALOG, PARAMS, TODAY)}


def recorded(drug: str, day: date, **kw: object) -> Dose:
    return Dose(drug=drug, day=day, source=DoseSource.RECORDED, where="GP", **kw)  # type: ignore[arg-type]


def test_zoledronic_acid_due_twelve_months_after_treatment_dose() -> None:
    (za,) = due_for(recorded("zoledronic-acid", date(2026, 3, 1))).values()
    assert (za.earliest, za.due, za.rule) == (date(2027, 2, 1), date(2027, 3, 1), "A3w")
    assert za.state is DueState.NOT_YET
    assert "due in 98 days" in za.describe(TODAY)


def test_zoledronic_acid_prevention_uses_the_longer_interval() -> None:
    (za,) = due_for(
        recorded("zoledronic-acid", date(2025, 3, 1), regimen=Regimen.PREVENTION)
    ).values()
    assert za.earliest == date(2027, 2, 1) and za.rule == "A3"


def test_ibandronate_overdue_after_three_months() -> None:
    (iban,) = due_for(recorded("ibandronate", date(2026, 7, 31))).values()
    assert iban.due == date(2026, 10, 31)
    assert iban.state is DueState.OVERDUE
    assert "overdue since 2026-10-31" in iban.describe(TODAY)


@pytest.mark.parametrize(
    ("last", "state"),
    [
        (date(2026, 9, 1), DueState.NOT_YET),  # 5 months reached only on 2027-02-01
        (date(2026, 5, 20), DueState.DUE),  # past 6 months, within 6 months + 2 weeks
        (date(2026, 5, 1), DueState.OVERDUE),  # more than 6 months + 2 weeks: C2
    ],
)
def test_denosumab_states(last: date, state: DueState) -> None:
    (den,) = due_for(recorded("denosumab", last)).values()
    assert den.state is state


def test_a_booked_next_dose_is_shown_as_booked() -> None:
    booked = Dose(
        drug="ibandronate", day=date(2026, 12, 2), source=DoseSource.SESSION, session_id=7
    )
    (iban,) = due_for(recorded("ibandronate", date(2026, 7, 31)), booked).values()
    assert iban.state is DueState.BOOKED and iban.next_booked == date(2026, 12, 2)


def test_iron_and_oral_bisphosphonates_have_no_schedule() -> None:
    assert (
        due_for(
            recorded("ferric-carboxymaltose", date(2026, 10, 1)),
            recorded("alendronate", date(2024, 1, 1), ongoing=True),
        )
        == {}
    )


def test_a_recorded_dose_with_an_unknown_date_is_not_counted_from() -> None:
    # Section 7: "last dose unknown" has no date; the app must not say "25 months overdue".
    unknown = Dose("denosumab", date(2024, 1, 1), DoseSource.RECORDED, date_unknown=True)
    assert doses_due(PatientTimeline.of([unknown]), CATALOG, PARAMS, TODAY) == ()
