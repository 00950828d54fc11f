"""Findings and lab requirements: the one definition of "worst", and the values' own checks."""

from __future__ import annotations

from datetime import date
from itertools import permutations

import pytest

from clinic_app.domain.findings import (
    Evaluation,
    Evidence,
    Finding,
    LabRequirement,
    LabTiming,
    Severity,
    worst_severity,
)

# Written out by hand from docs/clinical-rules.md, section 1, worst first.
WORST_FIRST = ("HARD", "BLOCK", "WARN", "INFO")


def test_worst_severity_follows_the_documented_order_whatever_the_input_order() -> None:
    for size in range(1, len(WORST_FIRST) + 1):
        for chosen in permutations(WORST_FIRST, size):
            expected = min(chosen, key=WORST_FIRST.index)
            assert worst_severity(Severity(name) for name in chosen) is Severity(expected)


def test_worst_severity_of_nothing_is_none() -> None:
    assert worst_severity([]) is None
    assert Evaluation().worst is None


def test_evaluation_worst_uses_its_findings() -> None:
    findings = (
        Finding("C2", Severity.WARN, "late"),
        Finding("E3", Severity.BLOCK, "too close"),
        Finding("A7", Severity.INFO, "labs"),
    )
    assert Evaluation(findings=findings).worst is Severity.BLOCK


def test_only_a_block_needs_an_override() -> None:
    needs = {s: Finding("X1", s, "m").needs_override for s in Severity}
    assert needs == {
        Severity.HARD: False,
        Severity.BLOCK: True,
        Severity.WARN: False,
        Severity.INFO: False,
    }


def test_evidence_words_for_every_letter() -> None:
    assert {e.value: e.description for e in Evidence} == {
        "L": "drug label / SmPC",
        "P": "paper or abstract",
        "S": "secondary summary",
        "U": "policy proposal, no source fixes the number",
    }


def _lab(**changes: object) -> LabRequirement:
    values: dict[str, object] = {
        "rule": "E6",
        "tests": frozenset({"calcium"}),
        "timing": LabTiming.AFTER,
        "due_from": date(2026, 12, 5),
        "due_to": date(2026, 12, 9),
        "target": date(2026, 12, 7),
    }
    values.update(changes)
    return LabRequirement(**values)  # type: ignore[arg-type]


def test_lab_requirement_covers_its_window_boundaries_included() -> None:
    lab = _lab()
    assert [lab.covers_day(date(2026, 12, d)) for d in (4, 5, 7, 9, 10)] == [
        False,
        True,
        True,
        True,
        False,
    ]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"due_from": date(2026, 12, 10)}, "ends before it starts"),
        ({"tests": frozenset()}, "names no test"),
        ({"target": date(2026, 12, 10)}, "outside its window"),
    ],
)
def test_lab_requirement_refuses_an_impossible_window(
    changes: dict[str, object], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        _lab(**changes)
