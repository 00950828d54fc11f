"""The day grid model: Qt's model tester, and the cells of a seeded day."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from clinic_app.bootstrap import Services
from clinic_app.gui.day_grid.day_grid_model import (
    BLOCK_ROLE,
    SESSION_ID_ROLE,
    WORST_ROLE,
    DayGridModel,
    GridBlock,
    session_id_from_mime,
)
from clinic_app.services.results import BookingOutcome
from tests.conftest import NURSE

DAY = date(2026, 11, 24)


def seeded_model(clinic: Services, book: Callable[..., BookingOutcome]) -> DayGridModel:
    """Tuesday 24 November: two sessions, a cancelled one, and the lab draw before a
    Wednesday zoledronic acid (placed at 17:45 on the Tuesday)."""
    book("M001", "zoledronic-acid", "2026-11-24T09:00", "Chair 1")
    book("M004", "zoledronic-acid", "2026-11-25T09:00", "Chair 1")
    book("M002", "denosumab", "2026-11-24T10:30", "Chair 2")
    cancelled = book("M003", "ibandronate", "2026-11-24T13:00", "Chair 3")
    assert cancelled.session.id is not None
    clinic.booking.cancel(NURSE, cancelled.session.id, "patient phoned")
    model = DayGridModel()
    model.set_day(clinic.setup.chairs(NURSE), clinic.queries.day(NURSE, DAY))
    return model


def test_model_tester_on_empty_and_seeded_grid(
    qtmodeltester: ModelTester, clinic: Services, book: Callable[..., BookingOutcome]
) -> None:
    empty = DayGridModel()
    qtmodeltester.check(empty)
    qtmodeltester.check(seeded_model(clinic, book))


def test_columns_are_chairs_then_lab_station_and_rows_are_quarter_hours(
    clinic: Services, book: Callable[..., BookingOutcome]
) -> None:
    model = seeded_model(clinic, book)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Chair 1", "Chair 2", "Chair 3", "Lab station"]
    assert model.lab_column == 3
    # 08:00-18:00 in 15-minute rows (the lab draw before zoledronic acid is inside the day).
    assert model.rowCount() == 40
    assert model.headerData(0, Qt.Orientation.Vertical) == "08:00"
    assert model.headerData(1, Qt.Orientation.Vertical) == "08:15"
    assert model.headerData(39, Qt.Orientation.Vertical) == "17:45"
    assert model.time_at(4) == datetime(2026, 11, 24, 9, 0)


def test_sessions_sit_in_their_chair_at_their_time_and_span_their_rows(
    clinic: Services, book: Callable[..., BookingOutcome]
) -> None:
    model = seeded_model(clinic, book)
    nine = model.row_of(datetime(2026, 11, 24, 9, 0))
    half_ten = model.row_of(datetime(2026, 11, 24, 10, 30))
    assert (nine, half_ten) == (4, 10)

    text = model.index(nine, 0).data(Qt.ItemDataRole.DisplayRole)
    assert text.startswith("09:00-10:00 Alice Archer (M001), Zoledronic acid")
    block = model.index(nine, 0).data(BLOCK_ROLE)
    assert isinstance(block, GridBlock)
    assert (block.top_row, block.row_count) == (4, 4)  # 60 minutes
    assert model.index(nine, 0).data(SESSION_ID_ROLE) == block.sessions()[0].id
    # Covered cells of a block carry nothing themselves; lookups still find the block.
    assert model.index(nine + 1, 0).data(Qt.ItemDataRole.DisplayRole) == ""
    assert model.block_at(nine + 3, 0) is block
    assert model.block_at(nine + 4, 0) is None

    denosumab = model.index(half_ten, 1).data(Qt.ItemDataRole.DisplayRole)
    assert denosumab.startswith("10:30-10:50 Bob Baker (M002), Denosumab")
    assert (10, 1, 2) in model.spans()  # 20 minutes round up to two rows

    # The cancelled session is not drawn but counted.
    assert model.hidden_count == 1
    assert all(model.block_at(r, 2) is None for r in range(model.rowCount()))


def test_lab_draws_are_in_the_lab_station_column(
    clinic: Services, book: Callable[..., BookingOutcome]
) -> None:
    model = seeded_model(clinic, book)
    lab_blocks = [b for b in model.blocks if b.column == model.lab_column]
    day_list = clinic.queries.day(NURSE, DAY)
    assert len(lab_blocks) >= 1
    evening = model.row_of(datetime(2026, 11, 24, 17, 45))
    assert any(b.top_row == evening for b in lab_blocks)
    assert sum(len(b.entries) for b in lab_blocks) == len(
        [lab for lab in day_list.labs if lab.status != "cancelled"]
    )
    for block in lab_blocks:
        for entry in block.entries:
            assert entry.lab is not None and entry.session is None
            assert model.time_at(block.top_row).time() <= entry.lab.start.time()
        text = model.index(block.top_row, model.lab_column).data(Qt.ItemDataRole.DisplayRole)
        assert "lab:" in text


def test_worst_finding_role_flags_and_drag_mime(
    clinic: Services, book: Callable[..., BookingOutcome]
) -> None:
    clinic.setup.add_exposure(
        NURSE, mrn="M001", drug="denosumab", last_dose="2026-10-01", where="GP"
    )
    outcome = book(
        "M001", "ferric-carboxymaltose", "2026-11-24T11:00", "Chair 1", reason="Hb 70, urgent"
    )
    model = DayGridModel()
    model.set_day(clinic.setup.chairs(NURSE), clinic.queries.day(NURSE, DAY))
    index = model.index_of_session(outcome.session.id or 0)
    assert index.isValid()
    assert index.data(WORST_ROLE) == "BLOCK"
    assert "[BLOCK overridden]" in index.data(Qt.ItemDataRole.DisplayRole)
    assert "Overridden" not in index.data(Qt.ItemDataRole.DisplayRole)
    assert "Overridden by nina.nurse: Hb 70, urgent" in index.data(Qt.ItemDataRole.ToolTipRole)
    flags = model.flags(index)
    assert flags & Qt.ItemFlag.ItemIsDragEnabled
    assert not model.flags(model.index(0, model.lab_column)) & Qt.ItemFlag.ItemIsDropEnabled
    assert session_id_from_mime(model.mimeData([index])) == outcome.session.id


def test_grid_widens_to_show_sessions_outside_default_hours() -> None:
    from clinic_app.services.results import ChairView, DayList, SessionView
    from tests.conftest import LONDON

    late = SessionView(
        id=7,
        patient_id=1,
        mrn="M9",
        patient_name="Late Patient",
        chair_id=1,
        chair="Chair 1",
        therapy="denosumab",
        therapy_name="Denosumab",
        start=datetime(2026, 11, 24, 18, 0, tzinfo=LONDON),
        end=datetime(2026, 11, 24, 18, 20, tzinfo=LONDON),
        status="booked",
        course_id=None,
    )
    model = DayGridModel()
    model.set_day([ChairView(1, "Chair 1", True)], DayList(DAY, (late,), ()))
    assert model.headerData(model.rowCount() - 1, Qt.Orientation.Vertical) == "18:15"
    assert model.time_at(model.row_of(late.start)).time() == time(18, 0)


def test_the_grid_follows_the_clinic_calendar_and_shows_closed_days(
    clinic: Services, book: Callable[..., BookingOutcome]
) -> None:
    from clinic_app.domain.clinic_calendar import ClinicCalendar, OpeningHours

    book("M001", "zoledronic-acid", "2026-11-24T09:00", "Chair 1")
    chairs = clinic.setup.chairs(NURSE)
    tuesday = clinic.queries.day(NURSE, DAY)
    # Tuesdays 09:00-13:00 only: the rows are those hours.
    short = ClinicCalendar(
        "Europe/London", (OpeningHours(1, time(9), time(13)),), frozenset({date(2026, 11, 26)})
    )
    model = DayGridModel()
    model.set_day(chairs, tuesday, short)
    assert not model.closed
    assert model.rowCount() == 16
    assert model.headerData(0, Qt.Orientation.Vertical) == "09:00"
    assert model.headerData(15, Qt.Orientation.Vertical) == "12:45"
    assert model.is_open_row(0) and model.is_open_row(15)
    assert model.index(5, 1).data(Qt.ItemDataRole.BackgroundRole) is None

    # The real calendar (Mon-Fri 08:00-18:00): a Saturday and a closed date are closed.
    calendar = clinic.queries.calendar(NURSE)
    model.set_day(chairs, clinic.queries.day(NURSE, date(2026, 11, 28)), calendar)
    assert model.closed
    assert not model.is_open_row(0)
    assert model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    model.set_day(chairs, tuesday, calendar)
    assert not model.closed and model.rowCount() == 40
    model.set_day(chairs, clinic.queries.day(NURSE, date(2026, 11, 26)), short)
    assert model.closed  # a closed date
