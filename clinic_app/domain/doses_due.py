"""When a patient's next antiresorptive dose is due, from the rule parameters.

Only the rule file's own numbers are used: zoledronic acid may be given from the A3 interval
and is due when A3w's warning band ends (treatment schedule); ibandronate is due at B2's
interval ("every 3 months, never more often"); denosumab may be given from C3's interval and is
overdue after C2's (rebound fracture risk).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date

from clinic_app.domain.catalog import Catalog
from clinic_app.domain.rule_parameters import RuleParameters
from clinic_app.domain.timeline import Dose, DoseSource, PatientTimeline, Regimen


class DueState(enum.StrEnum):
    """Where the patient stands for one drug."""

    BOOKED = "booked"  # the next dose is booked
    NOT_YET = "not yet due"
    DUE = "due"
    OVERDUE = "overdue"


@dataclass(frozen=True, slots=True)
class DoseDue:
    """The next dose of one drug: from when, by when, and what is booked."""

    drug: str
    drug_name: str
    last_dose: date
    last_source: str
    earliest: date
    due: date
    overdue_after: date | None
    rule: str
    state: DueState
    next_booked: date | None = None

    def describe(self, today: date) -> str:
        """Words for the patient view: "Denosumab overdue since 2026-05-15 (C2)"."""
        if self.state is DueState.BOOKED and self.next_booked is not None:
            return f"{self.drug_name}: next dose booked for {self.next_booked.isoformat()}"
        if self.state is DueState.OVERDUE and self.overdue_after is not None:
            return (
                f"{self.drug_name}: overdue since {self.overdue_after.isoformat()} "
                f"({self.rule}); last dose {self.last_dose.isoformat()}"
            )
        if self.state is DueState.DUE:
            return (
                f"{self.drug_name}: due since {self.due.isoformat()} ({self.rule}); "
                f"last dose {self.last_dose.isoformat()}"
            )
        days = (self.due - today).days
        return (
            f"{self.drug_name}: due in {days} days, on {self.due.isoformat()} "
            f"(not before {self.earliest.isoformat()}, {self.rule})"
        )


def _schedule(
    drug: str, last: Dose, params: RuleParameters
) -> tuple[date, date, date | None, str] | None:
    """(earliest, due, overdue_after, rule) for a drug with an interval rule, else None."""
    if drug == params.a3.drug:
        earliest = params.a3.interval_for(last.regimen).after(last.day)
        if last.regimen is Regimen.PREVENTION:
            return earliest, earliest, None, "A3"
        return earliest, params.a3w.warn_until.after(last.day), None, "A3w"
    if drug == params.b2.drug:
        due = params.b2.min_interval.after(last.day)
        return due, due, due, "B2"
    if drug == params.c3.drug and drug == params.c2.drug:
        earliest = params.c3.min_interval.after(last.day)
        late = params.c2.max_interval.after(last.day)
        return earliest, earliest, late, "C2"
    return None


def doses_due(
    timeline: PatientTimeline, catalog: Catalog, params: RuleParameters, today: date
) -> tuple[DoseDue, ...]:
    """The next dose of every scheduled antiresorptive the patient has had, by drug."""
    results = []
    # A recorded dose without a known date (section 7) gives no interval to count from.
    dated = [d for d in timeline.doses if not d.ongoing and not d.date_unknown]
    drugs = sorted({d.drug for d in dated})
    for drug in drugs:
        taken = [d for d in dated if d.drug == drug and d.day <= today]
        if not taken:
            continue
        last = max(taken, key=lambda d: d.day)
        schedule = _schedule(drug, last, params)
        if schedule is None:
            continue
        earliest, due, overdue_after, rule = schedule
        booked = sorted(
            d.day
            for d in timeline.doses
            if d.drug == drug and d.day > today and d.source is DoseSource.SESSION
        )
        if booked:
            state = DueState.BOOKED
        elif overdue_after is not None and today > overdue_after:
            state = DueState.OVERDUE
        elif today >= due:
            state = DueState.DUE
        else:
            state = DueState.NOT_YET
        results.append(
            DoseDue(
                drug=drug,
                drug_name=catalog.get(drug).name,
                last_dose=last.day,
                last_source=last.describe_source(),
                earliest=earliest,
                due=due,
                overdue_after=overdue_after,
                rule=rule,
                state=state,
                next_booked=booked[0] if booked else None,
            )
        )
    return tuple(results)
