"""Free text: control, bidi and separator characters are refused in every field, by name.

A name with a line break or a right-to-left override forged lines in the daily list; the one
check in ``services/validation.py`` refuses them wherever a service stores text a person
typed, and every field's length matches its column. Nothing is written when it refuses.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from dateutil.relativedelta import relativedelta

from clinic_app.bootstrap import Services
from clinic_app.domain.errors import InvalidInputError
from clinic_app.services import validation
from clinic_app.services.booking import BookingRequest
from clinic_app.services.exports import ExportRequest
from tests.conftest import ADMIN, DESK, MANAGER, NURSE
from tests.db_counts import row_counts
from tests.services.conftest import ContractRemote

# One of each kind of character that can forge or reorder a line.
HOSTILE = {
    "line feed": "Eve\n  09:00-10:00  Chair 1",
    "carriage return": "Eve\rMallory",
    "escape sequence": "Eve\x1b[2J",
    "NUL": "Eve\x00",
    "tab": "Eve\tMallory",
    "right-to-left override": "Eve \u202ereveS",
    "left-to-right embedding": "Eve\u202a",
    "first strong isolate": "Eve\u2068x\u2069",
    "right-to-left mark": "Eve\u200f",
    "arabic letter mark": "Eve\u061c",
    "zero width space": "E\u200bve",
    "byte order mark": "\ufeffEve",
    "line separator": "Eve\u2028Mallory",
    "paragraph separator": "Eve\u2029Mallory",
    "next line (C1)": "Eve\x85Mallory",
}


def booked_session(clinic: Services) -> int:
    outcome = clinic.booking.book(
        DESK, BookingRequest("M001", "denosumab", "2026-11-23T09:00", "Chair 1")
    )
    assert outcome.session.id is not None
    return outcome.session.id


def recorded_exposure(clinic: Services) -> int:
    return clinic.setup.add_exposure(
        DESK, mrn="M002", drug="denosumab", last_dose="2026-01-05", where="GP"
    ).id


def nothing_first(clinic: Services) -> int:
    return 0


Prepare = Callable[[Services], int]
Write = Callable[[Services, int, str], object]

# For every stored free-text field: the field the error names, what must exist first (its id
# is passed on), and how the text reaches the service.
FIELDS: dict[str, tuple[str, Prepare, Write]] = {
    "patient name": (
        "name",
        nothing_first,
        lambda c, _, t: c.setup.add_patient(DESK, mrn="M900", name=t, date_of_birth="1950-01-01"),
    ),
    "patient phone": (
        "phone",
        nothing_first,
        lambda c, _, t: c.setup.add_patient(
            DESK, mrn="M900", name="Eve", date_of_birth="1950-01-01", phone="0123 " + t
        ),
    ),
    "patient MRN": (
        "mrn",
        nothing_first,
        lambda c, _, t: c.setup.add_patient(
            DESK, mrn="M9" + t, name="Eve", date_of_birth="1950-01-01"
        ),
    ),
    "chair name": ("name", nothing_first, lambda c, _, t: c.setup.add_chair(ADMIN, t)),
    "clinic name": ("name", nothing_first, lambda c, _, t: c.setup.init_clinic(ADMIN, name=t)),
    "closed date reason": (
        "reason",
        nothing_first,
        lambda c, _, t: c.setup.add_closed_date(ADMIN, "2026-12-24", t),
    ),
    "user name": (
        "username",
        nothing_first,
        lambda c, _, t: c.auth.add_user(ADMIN, "eve" + t, "nurse", "long enough password"),
    ),
    "user full name": (
        "full_name",
        nothing_first,
        lambda c, _, t: c.auth.add_user(ADMIN, "eve.valid", "nurse", "long enough password", t),
    ),
    "exposure where": (
        "where",
        nothing_first,
        lambda c, _, t: c.setup.add_exposure(
            DESK, mrn="M001", drug="denosumab", last_dose="2026-01-05", where=t
        ),
    ),
    "exposure where (edit)": (
        "where",
        recorded_exposure,
        lambda c, exposure, t: c.setup.update_exposure(DESK, exposure, where=t),
    ),
    "exposure removal reason": (
        "reason",
        recorded_exposure,
        lambda c, exposure, t: c.setup.remove_exposure(DESK, exposure, t),
    ),
    "cancel reason": (
        "reason",
        booked_session,
        lambda c, session, t: c.booking.cancel(DESK, session, t),
    ),
    "status reason": (
        "reason",
        booked_session,
        lambda c, session, t: c.booking.set_status(NURSE, session, "arrived", t),
    ),
    "override reason": (
        "override",
        nothing_first,
        lambda c, _, t: c.booking.book(
            NURSE,
            BookingRequest(
                "M001", "denosumab", "2026-11-24T09:00", override_reason=t, consulted="GP"
            ),
        ),
    ),
}


@pytest.mark.parametrize("what", sorted(FIELDS))
def test_every_free_text_field_refuses_control_and_bidi_characters(
    clinic: Services, what: str
) -> None:
    if what == "clinic name" and isinstance(clinic, ContractRemote):
        pytest.skip("setup.init_clinic is server-only (service_api.EXCLUDED)")
    field, prepare, write = FIELDS[what]
    existing = prepare(clinic)
    before = row_counts(clinic)
    for kind, text in HOSTILE.items():
        with pytest.raises(InvalidInputError) as caught:
            write(clinic, existing, text)
        assert caught.value.field == field, kind
        assert row_counts(clinic) == before, kind


def test_the_message_names_the_character_not_the_text(clinic: Services) -> None:
    with pytest.raises(InvalidInputError) as caught:
        clinic.setup.add_patient(
            DESK, mrn="M900", name="Eve \u202ereveS", date_of_birth="1950-01-01"
        )
    assert "U+202E RIGHT-TO-LEFT OVERRIDE" in caught.value.problem
    assert "position 5" in caught.value.problem
    assert "\u202e" not in str(caught.value)


@pytest.mark.parametrize(
    "name",
    [
        "Zoë O'Brien-Smith",
        # Right-to-left letters are text, not controls: Arabic, Hebrew, Persian (which needs
        # the zero-width non-joiner), Devanagari with a zero-width joiner.
        "\u0645\u062d\u0645\u062f \u0639\u0644\u064a",
        "\u05d3\u05d5\u05d3 \u05dc\u05d5\u05d9",
        "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",
        "\u0915\u094d\u200d\u0937",
        "\u674e\u5c0f\u9f8d",  # Chinese
        "Ana\u00a0Lima",  # a no-break space is a space
    ],
)
def test_real_names_in_any_script_are_kept(clinic: Services, name: str) -> None:
    patient = clinic.setup.add_patient(DESK, mrn="M900", name=name, date_of_birth="1950-01-01")
    assert patient.name == name
    assert clinic.setup.patient(DESK, "M900").name == name


def test_notes_keep_their_line_breaks_but_no_other_control(clinic: Services) -> None:
    patient = clinic.setup.add_patient(
        DESK,
        mrn="M900",
        name="Eve",
        date_of_birth="1950-01-01",
        notes="needs a hoist\r\nprefers mornings\tif possible",
    )
    assert patient.notes == "needs a hoist\nprefers mornings\tif possible"
    with pytest.raises(InvalidInputError) as caught:
        clinic.setup.add_patient(
            DESK, mrn="M901", name="Eve", date_of_birth="1950-01-01", notes="a\u202eb"
        )
    assert caught.value.field == "notes"


# (field, longest accepted text, how it reaches the service)
LIMITS: list[tuple[str, int, Callable[[Services, str], object]]] = [
    (
        "name",
        validation.NAME_MAX,
        lambda c, t: c.setup.add_patient(DESK, mrn="M900", name=t, date_of_birth="1950-01-01"),
    ),
    ("name", validation.CHAIR_NAME_MAX, lambda c, t: c.setup.add_chair(ADMIN, t)),
    (
        "where",
        validation.WHERE_MAX,
        lambda c, t: c.setup.add_exposure(
            DESK, mrn="M001", drug="denosumab", last_dose="2026-01-05", where=t
        ),
    ),
    (
        "reason",
        validation.CLOSED_REASON_MAX,
        lambda c, t: c.setup.add_closed_date(ADMIN, date(2026, 12, 24), t),
    ),
    (
        "full_name",
        validation.NAME_MAX,
        lambda c, t: c.auth.add_user(ADMIN, "eve.valid", "nurse", "long enough password", t),
    ),
    (
        "override",
        validation.REASON_MAX,
        lambda c, t: c.booking.book(
            NURSE,
            BookingRequest(
                "M001", "denosumab", "2026-11-24T09:00", override_reason=t, consulted="GP"
            ),
        ),
    ),
]


@pytest.mark.parametrize(("field", "limit", "write"), LIMITS)
def test_lengths_match_the_columns_on_both_databases(
    clinic: Services, field: str, limit: int, write: Callable[[Services, str], object]
) -> None:
    before = row_counts(clinic)
    with pytest.raises(InvalidInputError) as caught:
        write(clinic, "x" * (limit + 1))
    assert caught.value.field == field
    assert f"longer than {limit}" in caught.value.problem
    assert row_counts(clinic) == before
    write(clinic, "x" * limit)  # the longest accepted text fits its column (PostgreSQL too)


def test_a_megabyte_of_text_is_refused_by_its_length(clinic: Services) -> None:
    with pytest.raises(InvalidInputError) as caught:
        clinic.setup.add_patient(DESK, mrn="M900", name="x" * 2**20, date_of_birth="1950-01-01")
    assert caught.value.field == "name"


@pytest.mark.parametrize(
    ("course", "problem"),
    [
        ("x" * 41, "longer than 40"),
        ("c" * 2**20, "longer than 40"),
        ("iron\x1b[31m", "U+001B"),
        ("iron\n2026", "U+000A"),
        ("iron course", "may hold only"),
        ("-iron", "may hold only"),
        ("iron;drop", "may hold only"),
    ],
)
def test_a_course_id_is_checked_before_anything_is_stored(
    clinic: Services, course: str, problem: str
) -> None:
    before = row_counts(clinic)
    with pytest.raises(InvalidInputError) as caught:
        clinic.booking.book(
            DESK,
            BookingRequest("M001", "ferric-derisomaltose", "2026-11-24T09:00", course_id=course),
        )
    assert caught.value.field == "course"
    assert problem in caught.value.problem
    with pytest.raises(InvalidInputError) as caught:
        clinic.booking.book_series(
            DESK,
            BookingRequest("M001", "ferric-derisomaltose", "2026-11-24T09:00", course_id=course),
            count=2,
            every=relativedelta(weeks=1),
        )
    assert caught.value.field == "course"
    assert row_counts(clinic) == before


def test_a_course_id_of_forty_characters_is_stored(clinic: Services) -> None:
    course = "iron-2026/11." + "x" * 27
    assert len(course) == validation.COURSE_ID_MAX
    outcomes = clinic.booking.book_series(
        DESK,
        BookingRequest("M001", "ferric-derisomaltose", "2026-11-24T09:00", course_id=course),
        count=2,
        every=relativedelta(weeks=1),
    )
    assert [o.session.course_id for o in outcomes] == [course, course]
    single = clinic.booking.book(
        DESK, BookingRequest("M002", "denosumab", "2026-11-24T09:00", course_id=" c-1 ")
    )
    assert single.session.course_id == "c-1"


@pytest.mark.in_process("exports.export is server-only (service_api.EXCLUDED)")
def test_an_export_s_chair_filter_is_checked_before_it_reaches_the_audit(
    clinic: Services, tmp_path: Path
) -> None:
    before = row_counts(clinic)
    with pytest.raises(InvalidInputError) as caught:
        clinic.exports.export(
            MANAGER,
            ExportRequest(
                "2026-11-24",
                "2026-11-24",
                "csv",
                tmp_path / "x.csv",
                chair="Chair 1\n2026-11-23 export by ada.admin",
            ),
        )
    assert caught.value.field == "chair"
    assert row_counts(clinic) == before
    assert not (tmp_path / "x.csv").exists()
