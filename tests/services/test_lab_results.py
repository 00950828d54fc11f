"""Recording results and weights, alerts, the nurses' results list, the check-in gate and outside
injected drugs (issue 12), on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from alembic import command
from sqlalchemy import text

from clinic_app.bootstrap import Services
from clinic_app.domain.errors import InvalidInputError, PermissionDeniedError, RuleRefusalError
from clinic_app.persistence.engine import make_engine
from clinic_app.persistence.migrate import alembic_config, upgrade_to_head
from clinic_app.services.booking import BookingRequest
from clinic_app.services.clock import fixed_clock
from clinic_app.services.lab_results import ResultEntry
from clinic_app.services.results import LabView
from tests.conftest import DESK, LONDON, NURSE

ZOL_DAY = date(2026, 12, 10)  # Thursday


def at(services: Services, moment: datetime) -> None:
    services.ctx.clock = fixed_clock(moment)


def book_zol(clinic: Services, mrn: str = "M001") -> tuple[int, LabView]:
    outcome = clinic.booking.book(
        DESK, BookingRequest(mrn, "zoledronic-acid", f"{ZOL_DAY}T10:00", "Chair 1")
    )
    assert outcome.session.id is not None
    (a7,) = [lab for lab in outcome.labs if "creatinine" in lab.tests]
    return outcome.session.id, a7


def draw_time(lab: LabView) -> datetime:
    return lab.start.replace(hour=min(lab.start.hour + 1, 23))


def test_a_wrong_unit_is_refused_naming_the_field_and_nothing_is_written(
    clinic: Services,
) -> None:
    _, lab = book_zol(clinic)
    at(clinic, draw_time(lab))
    assert lab.id is not None
    entries = [ResultEntry("creatinine", 80, "umol/L"), ResultEntry("calcium", 9.2, "mg/dL")]
    with pytest.raises(InvalidInputError) as refused:
        clinic.lab_results.record_results(NURSE, lab.id, entries)
    assert refused.value.field == "unit"
    assert "calcium is recorded in mmol/L" in refused.value.problem
    assert clinic.lab_results.patient_results(NURSE, "M001") == ()
    _, labs = clinic.queries.patient_schedule(NURSE, "M001")
    assert {x.status for x in labs if x.id == lab.id} == {"booked"}


def test_only_nurses_record_results(clinic: Services) -> None:
    _, lab = book_zol(clinic)
    at(clinic, draw_time(lab))
    assert lab.id is not None
    with pytest.raises(PermissionDeniedError):
        clinic.lab_results.record_results(DESK, lab.id, [ResultEntry("calcium", 2.3, "mmol/L")])
    assert clinic.lab_results.patient_results(NURSE, "M001") == ()


def test_results_are_stored_with_unit_source_and_the_draw_is_taken(clinic: Services) -> None:
    _, lab = book_zol(clinic)
    at(clinic, draw_time(lab))
    assert lab.id is not None
    clinic.lab_results.record_results(
        NURSE, lab.id, [ResultEntry("calcium", "2,31", "mmol/l", "N")]
    )
    (stored,) = clinic.lab_results.patient_results(NURSE, "M001")
    assert (stored.test, stored.value, stored.unit, stored.lab_flag) == (
        "calcium",
        2.31,
        "mmol/L",
        "N",
    )
    assert stored.entered_by == NURSE.username and stored.import_source is None
    assert stored.drawn_at == lab.start
    _, labs = clinic.queries.patient_schedule(NURSE, "M001")
    assert {x.status for x in labs if x.id == lab.id} == {"completed"}
    with pytest.raises(InvalidInputError, match="duplicate result"):
        clinic.lab_results.record_results(NURSE, lab.id, [ResultEntry("calcium", 2.3, "mmol/L")])


def test_a_result_cannot_be_drawn_in_the_future(clinic: Services) -> None:
    _, lab = book_zol(clinic)
    assert lab.id is not None
    with pytest.raises(InvalidInputError) as refused:
        clinic.lab_results.record_results(NURSE, lab.id, [ResultEntry("calcium", 2.3, "mmol/L")])
    assert refused.value.field == "drawn-at"


def test_an_urgent_result_stays_until_a_nurse_acknowledges_it(clinic: Services) -> None:
    _, lab = book_zol(clinic)
    at(clinic, draw_time(lab))
    assert lab.id is not None
    outcome = clinic.lab_results.record_results(
        NURSE, lab.id, [ResultEntry("calcium", 1.80, "mmol/L")]
    )
    (urgent,) = outcome.alerts
    assert (urgent.rule, urgent.level) == ("R3", "URGENT")
    assert [a.id for a in clinic.lab_results.open_alerts(DESK, "M001")] == [urgent.id]
    assert [a.id for a in clinic.lab_results.results_list(NURSE).urgent] == [urgent.id]
    with pytest.raises(InvalidInputError) as no_note:
        clinic.lab_results.acknowledge(NURSE, urgent.id, "  ")
    assert no_note.value.field == "note"
    done = clinic.lab_results.acknowledge(NURSE, urgent.id, "Dr Lee called; calcium given")
    assert done.acknowledged_by == NURSE.username and not done.open
    assert clinic.lab_results.open_alerts(NURSE, "M001") == ()
    with pytest.raises(InvalidInputError, match="already acknowledged"):
        clinic.lab_results.acknowledge(NURSE, urgent.id, "again")
    # The low calcium also stops the zoledronic acid (A8), and the outcome said so.
    assert [f.rule for n in outcome.stopped_sessions for f in n.findings] == ["A8"]


def test_r4_lists_a_draw_whose_results_are_not_back(clinic: Services) -> None:
    _, lab = book_zol(clinic)
    assert lab.id is not None
    draw_day = lab.start.date()
    # Two working days after the draw the results are due; the day after they are late.
    at(clinic, datetime(draw_day.year, draw_day.month, draw_day.day, 9, tzinfo=LONDON))
    assert clinic.lab_results.results_list(NURSE).not_back == ()
    late = clinic.lab_results.results_list(NURSE, today=date(2026, 12, 16))
    (missing,) = [m for m in late.not_back if m.lab_id == lab.id]
    assert set(missing.missing_tests) == set(lab.tests)
    assert "result not back" in missing.message
    at(clinic, draw_time(lab))
    clinic.lab_results.record_results(
        NURSE,
        lab.id,
        [
            ResultEntry(t, 2.3 if t == "calcium" else 70, u)
            for t, u in (("calcium", "mmol/L"), ("creatinine", "umol/L"), ("vitamin-d", "nmol/L"))
            if t in lab.tests
        ],
    )
    assert clinic.lab_results.results_list(NURSE, today=date(2026, 12, 16)).not_back == ()


def test_check_in_stops_zoledronic_acid_below_the_clearance_even_with_an_override(
    clinic: Services,
) -> None:
    clinic.setup.add_patient(
        DESK, mrn="M009", name="Eve Evans", date_of_birth="1946-06-01", sex="F"
    )
    session_id, lab = book_zol(clinic, "M009")
    assert lab.id is not None
    at(clinic, draw_time(lab))
    values = {
        "calcium": ("2.3", "mmol/L"),
        "creatinine": ("110", "umol/L"),
        "vitamin-d": ("70", "nmol/L"),
    }
    clinic.lab_results.record_results(
        NURSE, lab.id, [ResultEntry(t, *values[t]) for t in lab.tests]
    )
    stopped = clinic.lab_results.record_weight(NURSE, "M009", "50")
    assert stopped.clearance is not None and stopped.clearance.ml_min is not None
    assert stopped.clearance.ml_min < 35
    assert [f.rule for n in stopped.stopped_sessions for f in n.findings] == ["A6"]
    at(clinic, datetime(2026, 12, 10, 9, tzinfo=LONDON))
    with pytest.raises(RuleRefusalError) as refused:
        clinic.booking.set_status(
            NURSE, session_id, "arrived", override_reason="prescriber ok", consulted="Dr Grey"
        )
    assert not refused.value.overridable
    assert "A6" in {f.rule for f in refused.value.findings}


def test_check_in_refuses_a_missing_gating_result_until_overridden(clinic: Services) -> None:
    session_id, _ = book_zol(clinic)
    at(clinic, datetime(2026, 12, 10, 9, tzinfo=LONDON))
    with pytest.raises(RuleRefusalError) as refused:
        clinic.booking.set_status(NURSE, session_id, "arrived")
    assert {f.rule for f in refused.value.findings} == {"R1"}
    outcome = clinic.booking.set_status(
        NURSE,
        session_id,
        "arrived",
        override_reason="results phoned through, normal",
        consulted="Dr Grey",
    )
    assert {f.rule for f in outcome.findings if f.overridden_by} == {"R1"}


def test_injected_drugs_take_a_date_or_last_dose_unknown(clinic: Services) -> None:
    with pytest.raises(InvalidInputError) as refused:
        clinic.setup.add_exposure(DESK, mrn="M001", drug="denosumab", ongoing_since="2025-01-01")
    assert refused.value.field == "ongoing-since"
    with pytest.raises(InvalidInputError):
        clinic.setup.add_exposure(DESK, mrn="M001", drug="alendronate", last_dose_unknown=True)
    view = clinic.setup.add_exposure(
        DESK, mrn="M001", drug="denosumab", last_dose_unknown=True, where="GP"
    )
    assert view.last_dose_unknown and view.describe_when() == "last dose unknown"
    iron = clinic.booking.check(
        DESK, BookingRequest("M001", "ferric-carboxymaltose", "2026-12-01T10:00", "Chair 1")
    )
    assert "E2" in {f.rule for f in iron.findings}  # unknown counts as active
    dmab = clinic.booking.check(
        DESK, BookingRequest("M001", "denosumab", "2026-12-01T10:00", "Chair 1")
    )
    assert {f.rule for f in dmab.findings if "confirm the last dose date" in f.message} == {
        "C3",
        "C2",
    }


def test_migration_turns_injected_ongoing_since_into_unknown(tmp_path: object) -> None:
    url = f"sqlite:///{tmp_path}/old.sqlite3"
    engine = make_engine(url)
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0004")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO patients (id, mrn, name, date_of_birth, notes, created_at) "
                "VALUES (1, 'M1', 'A', '1950-01-01', '', '2026-01-01 00:00:00')"
            )
        )
        for drug in ("denosumab", "alendronate"):
            connection.execute(
                text(
                    "INSERT INTO exposures (patient_id, drug_code, ongoing_since, where_given, "
                    "removed, created_at) VALUES (1, :drug, '2024-05-01', 'GP', 0, "
                    "'2026-01-01 00:00:00')"
                ),
                {"drug": drug},
            )
    upgrade_to_head(engine)
    with engine.connect() as connection:
        rows = dict(
            (r[0], r[1:])
            for r in connection.execute(
                text(
                    "SELECT drug_code, ongoing_since, last_dose_unknown, unconfirmed_date, removed "
                    "FROM exposures"
                )
            )
        )
    assert rows["denosumab"] == (None, 1, "2024-05-01", 0)
    assert rows["alendronate"] == ("2024-05-01", 0, None, 0)
    engine.dispose()


def test_test_units_name_every_test_with_its_si_unit(clinic: Services) -> None:
    units = clinic.lab_results.test_units(DESK)
    assert units["calcium"] == "mmol/L" and units["creatinine"] == "umol/L"
    assert list(units) == sorted(units)
    assert set(units) == set(clinic.rules.defaults.test_codes)
