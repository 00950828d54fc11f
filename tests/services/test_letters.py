"""After IV iron for a patient on an outside antiresorptive: the letter to the outside
prescriber and the patient sheet, on SQLite and PostgreSQL.

The letter data comes from the service (dates from the rule parameters, the lab draws linked
to the iron); the letters are rendered to PDF and read back as TEXT with pypdf: names, dates
as the clinic writes them, "no antiresorptive before DATE", the monitoring dates, the
symptoms, whom to call, and no rule ids.
"""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import date, timedelta
from pathlib import Path

import pypdf
import pytest
from dateutil.relativedelta import relativedelta
from sqlalchemy import select

from clinic_app.bootstrap import Services
from clinic_app.domain.clinic_dates import clinic_date, clinic_date_time
from clinic_app.domain.errors import InvalidInputError, PermissionDeniedError
from clinic_app.exports.letters import letter_paths
from clinic_app.persistence.models import AuditRow
from clinic_app.services.actor import Actor, Role
from clinic_app.services.booking import BookingRequest
from clinic_app.services.letters import IronLetterData
from clinic_app.services.results import PrescriberView
from tests.conftest import ADMIN, DESK, MANAGER, NURSE

IRON_DAY = date(2026, 12, 1)  # a Tuesday
PHONE = "020 7946 0123"
# A rule id as the rules file writes them: E3, A3w, D9g, D14, A9v, D5p, R1...
RULE_ID = re.compile(r"\b(?:[A-E]\d{1,2}[a-z]?|R\d)\b")


def pdf_text(path: Path) -> str:
    """The PDF's text on one line: ligatures unfolded, every run of white space one space."""
    reader = pypdf.PdfReader(path)
    text = " ".join(page.extract_text() or "" for page in reader.pages)
    return " ".join(unicodedata.normalize("NFKC", text).split())


@pytest.fixture
def iron_after_denosumab(clinic: Services) -> tuple[Services, int]:
    """Alice: denosumab from her GP, then ferric carboxymaltose here (nurse's override)."""
    clinic.setup.set_clinic_phone(ADMIN, PHONE)
    clinic.setup.add_exposure(
        DESK, mrn="M001", drug="denosumab", last_dose="2026-10-01", where="Riverside Surgery"
    )
    outcome = clinic.booking.book(
        NURSE,
        BookingRequest(
            "M001",
            "ferric-carboxymaltose",
            f"{IRON_DAY.isoformat()}T10:00",
            "Chair 1",
            override_reason="Hb 72, haematology agrees",
            consulted="Dr Ann Lee, haematology",
            prescriber="Dr Kim Park",
            prescriber_practice="Haematology clinic",
        ),
    )
    assert outcome.session.id is not None
    return clinic, outcome.session.id


def expected_before(services: Services, last_iron: date) -> date:
    """The first day outside E3 and E7 after ``last_iron``, from the clinic's parameters."""
    with services.ctx.db.read() as uow:
        params = services.rules.params(uow.session)
    end = max(params.e3.window.after(last_iron), params.e7.window.after(last_iron))
    return end + timedelta(days=1)


def linked_draws(services: Services, session_id: int) -> list[object]:
    _, labs = services.queries.patient_schedule(NURSE, "M001")
    return [
        lab.start
        for lab in labs
        if session_id in lab.session_ids and lab.status in ("booked", "completed")
    ]


# ---------------------------------------------------------------------- the letter data


def test_letter_data_of_an_iron_session(iron_after_denosumab: tuple[Services, int]) -> None:
    services, session_id = iron_after_denosumab
    data = services.letters.letter_data(DESK, session_id)
    assert isinstance(data, IronLetterData)
    assert (data.patient_name, data.patient_mrn) == ("Alice Archer", "M001")
    assert (data.clinic_name, data.clinic_phone) == ("Test clinic", PHONE)
    assert [(d.therapy_name, d.start.date(), d.given) for d in data.iron_doses] == [
        ("Ferric carboxymaltose", IRON_DAY, False)
    ]
    (outside,) = data.outside_antiresorptives
    assert (outside.drug_name, outside.last_dose, outside.where_given) == (
        "Denosumab",
        date(2026, 10, 1),
        "Riverside Surgery",
    )
    # 12 weeks after 1 Dec 2026 is 23 Feb 2027, still inside the window: clear on the 24th.
    assert data.no_antiresorptive_before == expected_before(services, IRON_DAY)
    assert data.no_antiresorptive_before == date(2027, 2, 24)
    # The monitoring is every draw linked to the iron: the baseline and the follow-ups.
    assert [d.start for d in data.monitoring] == sorted(linked_draws(services, session_id))
    assert len(data.monitoring) >= 5
    assert any("follow-up day 7" in d.purposes for d in data.monitoring)
    assert all({"calcium", "phosphate"} <= set(d.tests) for d in data.monitoring)
    assert data.prescriber == PrescriberView("Dr Kim Park", "Haematology clinic")
    assert data.consulted == ("Dr Ann Lee, haematology",)
    assert data.written_on == date(2026, 11, 23)


def test_the_date_follows_the_clinics_rule_parameters(
    iron_after_denosumab: tuple[Services, int],
) -> None:
    services, session_id = iron_after_denosumab
    services.rule_settings.change(ADMIN, "E3", {"window": {"weeks": 16}})
    data = services.letters.letter_data(NURSE, session_id)
    assert data.no_antiresorptive_before == IRON_DAY + timedelta(weeks=16, days=1)
    # E7 (an antiresorptive after iron) refuses for longer: the letter follows the longer.
    services.rule_settings.change(ADMIN, "E7", {"window": {"months": 5}})
    data = services.letters.letter_data(NURSE, session_id)
    assert data.no_antiresorptive_before == IRON_DAY + relativedelta(months=5, days=1)
    assert data.no_antiresorptive_before == expected_before(services, IRON_DAY)


def test_a_course_counts_from_its_last_iron_dose(clinic: Services) -> None:
    clinic.setup.add_exposure(
        DESK, mrn="M002", drug="alendronate", ongoing_since="2025-01-01", where="GP"
    )
    outcomes = clinic.booking.book_series(
        NURSE,
        BookingRequest(
            "M002",
            "ferric-carboxymaltose",
            "2026-12-01T09:00",
            "Chair 2",
            override_reason="course agreed",
            consulted="Dr Ann Lee",
        ),
        count=2,
        every=relativedelta(days=7),
    )
    first = outcomes[0].session.id
    assert first is not None
    data = clinic.letters.letter_data(NURSE, first)
    assert [d.start.date() for d in data.iron_doses] == [date(2026, 12, 1), date(2026, 12, 8)]
    assert data.no_antiresorptive_before == expected_before(clinic, date(2026, 12, 8))
    (outside,) = data.outside_antiresorptives
    assert (outside.last_dose, outside.ongoing_since) == (None, date(2025, 1, 1))


def test_letters_only_follow_iron_with_an_outside_antiresorptive(clinic: Services) -> None:
    zol = clinic.booking.book(
        DESK, BookingRequest("M002", "zoledronic-acid", "2026-11-24T09:00", "Chair 1")
    ).session
    iron = clinic.booking.book(
        DESK, BookingRequest("M003", "ferric-derisomaltose", "2026-11-24T09:00", "Chair 2")
    ).session
    assert zol.id is not None and iron.id is not None
    with pytest.raises(InvalidInputError) as caught:
        clinic.letters.letter_data(DESK, zol.id)
    assert caught.value.field == "session" and "not IV iron" in caught.value.problem
    with pytest.raises(InvalidInputError) as caught:
        clinic.letters.letter_data(DESK, iron.id)
    assert caught.value.field == "exposure"
    clinic.booking.cancel(DESK, iron.id, "patient declined")
    clinic.setup.add_exposure(DESK, mrn="M003", drug="denosumab", last_dose="2026-10-01")
    with pytest.raises(InvalidInputError) as caught:
        clinic.letters.letter_data(DESK, iron.id)
    assert caught.value.field == "session" and "cancelled" in caught.value.problem
    with pytest.raises(InvalidInputError) as caught:
        clinic.letters.letter_data(DESK, 9999)
    assert caught.value.field == "session"


@pytest.mark.parametrize("actor", [DESK, NURSE], ids=["front-desk", "nurse"])
@pytest.mark.in_process(
    "letters.write_letters paints PDFs on the caller's disk: server-only (service_api.EXCLUDED)"
)
def test_front_desk_and_nurses_print_and_it_is_audited(
    iron_after_denosumab: tuple[Services, int], actor: Actor, tmp_path: Path, qapp: object
) -> None:
    services, session_id = iron_after_denosumab
    (tmp_path / "out").mkdir()  # an existing folder, as the GUI's folder picker gives
    files = services.letters.write_letters(actor, session_id, tmp_path / "out")
    assert files.prescriber_letter.is_file() and files.patient_sheet.is_file()
    assert (files.prescriber_letter, files.patient_sheet) == letter_paths(
        tmp_path / "out", session_id
    )
    with services.ctx.db.read() as uow:
        entries = [
            (e.actor, e.entity, e.entity_id, json.loads(e.after_json or "{}"))
            for e in uow.session.scalars(select(AuditRow).where(AuditRow.action == "print-letters"))
        ]
    ((who, entity, entity_id, after),) = entries
    assert (who, entity, entity_id) == (actor.username, "session", session_id)
    assert after["no_antiresorptive_before"] == "2027-02-24"
    assert sorted(after["files"]) == sorted(
        [files.prescriber_letter.name, files.patient_sheet.name]
    )


@pytest.mark.parametrize("actor", [MANAGER, ADMIN], ids=["manager", "admin"])
@pytest.mark.in_process(
    "letters.write_letters paints PDFs on the caller's disk: server-only (service_api.EXCLUDED)"
)
def test_managers_and_administrators_may_not_print(
    iron_after_denosumab: tuple[Services, int], actor: Actor, tmp_path: Path
) -> None:
    services, session_id = iron_after_denosumab
    with pytest.raises(PermissionDeniedError):
        services.letters.write_letters(actor, session_id, tmp_path / "out")
    assert not (tmp_path / "out").exists()
    with services.ctx.db.read() as uow:
        denied = uow.session.scalars(
            select(AuditRow.after_json).where(
                AuditRow.action == "denied", AuditRow.actor == actor.username
            )
        ).all()
        printed = uow.session.scalars(
            select(AuditRow.id).where(AuditRow.action == "print-letters")
        ).all()
    assert len(denied) == 1 and "PRINT_LETTERS" in (denied[0] or "")
    assert printed == []


# ---------------------------------------------------------------------- the PDFs, as text


@pytest.mark.in_process(
    "letters.write_letters paints PDFs on the caller's disk: server-only (service_api.EXCLUDED)"
)
def test_the_letter_to_the_prescriber_as_text(
    iron_after_denosumab: tuple[Services, int], tmp_path: Path, qapp: object
) -> None:
    services, session_id = iron_after_denosumab
    files = services.letters.write_letters(NURSE, session_id, tmp_path)
    text = pdf_text(files.prescriber_letter)
    for expected in (
        "Test clinic",
        PHONE,
        "To: the prescriber of Denosumab, Riverside Surgery",
        "Alice Archer, born Tue 14 Mar 1950",
        "M001",
        "Denosumab, last dose Thu 1 Oct 2026",
        "Ferric carboxymaltose on Tue 1 Dec 2026",
        "no antiresorptive before Wed 24 Feb 2027 without checking calcium and phosphate",
        "prescribed by Dr Kim Park, Haematology clinic",
        "discussed it with Dr Ann Lee, haematology",
        "Date: Mon 23 Nov 2026",
    ):
        assert expected in text, (expected, text)
    for start in linked_draws(services, session_id):
        assert clinic_date_time(start) in text  # type: ignore[arg-type]
    assert "follow-up day 7" in text and "kidney function (creatinine)" in text
    assert RULE_ID.findall(text) == [], text
    assert not re.search(r"\d{4}-\d{2}-\d{2}", text), "dates as the clinic writes them"


@pytest.mark.in_process(
    "letters.write_letters paints PDFs on the caller's disk: server-only (service_api.EXCLUDED)"
)
def test_the_patient_sheet_as_text(
    iron_after_denosumab: tuple[Services, int], tmp_path: Path, qapp: object
) -> None:
    services, session_id = iron_after_denosumab
    files = services.letters.write_letters(DESK, session_id, tmp_path)
    text = pdf_text(files.patient_sheet)
    before = clinic_date(expected_before(services, IRON_DAY))
    for expected in (
        "After your iron infusion",
        "For Alice Archer, born Tue 14 Mar 1950",
        "Ferric carboxymaltose) is booked for Tue 1 Dec 2026, 10:00",
        "(Denosumab)",
        f"No bone medicine (Denosumab) before {before} without a check of your calcium and "
        "phosphate",
        "tingling",
        "cramps",
        "muscle weakness",
        "bone pain",
        "Whom to call",
        f"Test clinic, phone {PHONE}",
    ):
        assert expected in text, (expected, text)
    for start in linked_draws(services, session_id):
        assert clinic_date_time(start) in text  # type: ignore[arg-type]
    assert RULE_ID.findall(text) == [], text
    assert not re.search(r"\d{4}-\d{2}-\d{2}", text)


@pytest.mark.in_process(
    "letters.write_letters paints PDFs on the caller's disk: server-only (service_api.EXCLUDED)"
)
def test_a_clinic_without_a_phone_is_named_alone(
    iron_after_denosumab: tuple[Services, int], tmp_path: Path, qapp: object
) -> None:
    services, session_id = iron_after_denosumab
    services.setup.set_clinic_phone(ADMIN, "")
    files = services.letters.write_letters(NURSE, session_id, tmp_path)
    assert files.data.clinic_phone is None
    text = pdf_text(files.patient_sheet)
    assert "Whom to call Test clinic If you feel very unwell" in text
    assert "phone" not in text


@pytest.mark.in_process(
    "letters.write_letters paints PDFs on the caller's disk: server-only (service_api.EXCLUDED)"
)
def test_a_completed_dose_reads_as_given(
    iron_after_denosumab: tuple[Services, int], tmp_path: Path, qapp: object
) -> None:
    services, session_id = iron_after_denosumab
    with services.ctx.db.write() as uow:  # the visit happened (status changes are the visit's)
        from clinic_app.persistence.models import SessionRow

        uow.session.get(SessionRow, session_id).status = "completed"  # type: ignore[union-attr]
        uow.commit()
    files = services.letters.write_letters(NURSE, session_id, tmp_path)
    assert "You had iron through a drip (Ferric carboxymaltose) on Tue 1 Dec 2026." in pdf_text(
        files.patient_sheet
    )
    assert "Ferric carboxymaltose on Tue 1 Dec 2026 (given)" in pdf_text(files.prescriber_letter)


@pytest.mark.in_process(
    "letters.write_letters paints PDFs on the caller's disk: server-only (service_api.EXCLUDED)"
)
def test_a_bad_folder_is_invalid_input_and_writes_nothing(
    iron_after_denosumab: tuple[Services, int], tmp_path: Path, qapp: object
) -> None:
    services, session_id = iron_after_denosumab
    folder = tmp_path / "letters"
    folder.mkdir()
    a_file = folder / "not-a-folder"
    a_file.write_text("x")
    with pytest.raises(InvalidInputError) as caught:
        services.letters.write_letters(NURSE, session_id, a_file)
    assert caught.value.field == "out"
    with pytest.raises(InvalidInputError) as caught:
        services.letters.write_letters(NURSE, session_id, a_file / "below")
    assert caught.value.field == "out"
    with pytest.raises(InvalidInputError) as caught:
        services.letters.write_letters(NURSE, session_id, folder, page_size="A5")
    assert caught.value.field == "page_size"
    assert sorted(p.name for p in folder.iterdir()) == ["not-a-folder"]


def test_the_clinic_phone_is_an_audited_admin_setting(clinic: Services) -> None:
    assert clinic.setup.clinic_phone() is None
    assert clinic.setup.set_clinic_phone(ADMIN, " 020 7946 0123 ") == PHONE
    assert clinic.setup.clinic_phone() == PHONE
    with pytest.raises(InvalidInputError) as caught:
        clinic.setup.set_clinic_phone(ADMIN, "call us!")
    assert caught.value.field == "phone"
    for actor in (DESK, NURSE, MANAGER, Actor("x", Role.FRONT_DESK)):
        with pytest.raises(PermissionDeniedError):
            clinic.setup.set_clinic_phone(actor, "01632 960000")
    assert clinic.setup.clinic_phone() == PHONE
    with clinic.ctx.db.read() as uow:
        changes = uow.session.scalars(
            select(AuditRow.after_json).where(
                AuditRow.action == "change", AuditRow.entity == "clinic"
            )
        ).all()
    assert [json.loads(c or "{}") for c in changes] == [{"phone": PHONE}]


@pytest.mark.in_process(
    "letters.write_letters paints PDFs on the caller's disk: server-only (service_api.EXCLUDED)"
)
def test_both_files_or_neither(
    iron_after_denosumab: tuple[Services, int], tmp_path: Path, qapp: object
) -> None:
    services, session_id = iron_after_denosumab
    letter, sheet = letter_paths(tmp_path / "letters", session_id)
    sheet.mkdir(parents=True)  # the sheet cannot be put in place: a folder has its name
    with pytest.raises(InvalidInputError) as caught:
        services.letters.write_letters(NURSE, session_id, tmp_path / "letters")
    assert caught.value.field == "out"
    assert sorted(p.name for p in (tmp_path / "letters").iterdir()) == [sheet.name]
    assert not letter.exists()
