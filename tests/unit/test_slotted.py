"""The bulk constructor of frozen slotted dataclasses gives the object ``__init__`` gives."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clinic_app.domain.findings import Severity
from clinic_app.services.results import FindingView, LabView, SessionView
from clinic_app.slotted import slot_constructor

texts = st.text(max_size=8)
instants = st.datetimes(timezones=st.just(UTC))


@given(
    st.tuples(
        st.integers(), st.integers(), texts, texts, st.integers(), texts, texts, texts,
        instants, instants, texts, st.none() | texts, texts,
    )
)  # fmt: skip
def test_a_session_view_equals_the_one_init_builds(values: tuple[object, ...]) -> None:
    finding = FindingView("E2", Severity.BLOCK, "message", "evidence", "nurse", "why", "dr")
    args = (*values[:12], (finding,), values[12], None)
    made = slot_constructor(SessionView)(*args)
    expected = SessionView(*args)  # type: ignore[arg-type]
    assert type(made) is SessionView
    assert made == expected and hash(made) == hash(expected)
    assert [getattr(made, n) for n in SessionView.__slots__] == [
        getattr(expected, n) for n in SessionView.__slots__
    ]


def test_a_lab_view_and_a_finding_view_too() -> None:
    now = datetime(2026, 3, 2, 9, tzinfo=UTC)
    lab = ("x", 1, "M1", "Name", ("ca", "po4"), now, now, "booked", now.date(), now.date())
    args = (*lab[1:], (7,), ("E5",), ("baseline",))
    assert slot_constructor(LabView)(1, *args) == LabView(1, *args)
    finding = ("E2", Severity.WARN, "m", "e", None, None, None)
    assert slot_constructor(FindingView)(*finding) == FindingView(*finding)


def test_the_object_stays_frozen() -> None:
    made = slot_constructor(FindingView)("E2", Severity.WARN, "m", "e", None, None, None)
    with pytest.raises(AttributeError):
        made.rule = "E3"  # type: ignore[misc]


def test_classes_it_would_build_wrongly_are_refused() -> None:
    @dataclass(frozen=True)
    class NoSlots:
        a: int

    @dataclass(frozen=True, slots=True)
    class Checked:
        a: int
        b: list[int] = field(default_factory=list)

        def __post_init__(self) -> None:
            if self.a < 0:
                raise ValueError("a")

    with pytest.raises(TypeError, match="slotted"):
        slot_constructor(NoSlots)
    with pytest.raises(TypeError, match="__post_init__"):
        slot_constructor(Checked)


def test_a_class_without_fields_too() -> None:
    @dataclass(frozen=True, slots=True)
    class Empty:
        pass

    made = slot_constructor(Empty)()
    assert type(made) is Empty and made == Empty()


def test_a_class_with_a_base_or_a_weak_reference_slot_is_refused() -> None:
    @dataclass(frozen=True, slots=True)
    class Base:
        a: int

    @dataclass(frozen=True, slots=True)
    class Child(Base):
        b: str

    @dataclass(frozen=True, slots=True, weakref_slot=True)
    class Referable:
        a: int

    with pytest.raises(TypeError, match="derives"):
        slot_constructor(Child)
    with pytest.raises(TypeError, match="layout"):
        slot_constructor(Referable)
