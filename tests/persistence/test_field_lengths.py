"""The service's length limits for free text are the lengths of the columns that hold it."""

from __future__ import annotations

import pytest
from sqlalchemy import String

from clinic_app.persistence.models import (
    ChairRow,
    ClinicSettingsRow,
    ClosedDateRow,
    ExposureRow,
    PatientRow,
    SessionRow,
    UserRow,
)
from clinic_app.services import validation


@pytest.mark.parametrize(
    ("limit", "column"),
    [
        (validation.NAME_MAX, PatientRow.__table__.c.name),
        (validation.NAME_MAX, ClinicSettingsRow.__table__.c.name),
        (validation.NAME_MAX, UserRow.__table__.c.full_name),
        (validation.CHAIR_NAME_MAX, ChairRow.__table__.c.name),
        (validation.MRN_MAX, PatientRow.__table__.c.mrn),
        (validation.PHONE_MAX, PatientRow.__table__.c.phone),
        (validation.WHERE_MAX, ExposureRow.__table__.c.where_given),
        (validation.COURSE_ID_MAX, SessionRow.__table__.c.course_id),
        (validation.CLOSED_REASON_MAX, ClosedDateRow.__table__.c.reason),
        (validation.USERNAME_MAX, UserRow.__table__.c.username),
    ],
    ids=lambda value: getattr(value, "name", str(value)),
)
def test_limit_equals_the_column_length(limit: int, column: object) -> None:
    column_type = column.type  # type: ignore[attr-defined]
    assert isinstance(column_type, String)
    assert column_type.length == limit
