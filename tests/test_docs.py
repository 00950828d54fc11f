"""docs/clinical-rules.md agrees with the shipped rules file: every rule id, severity, evidence.

The document is the specification a clinician reads; the TOML is what the app runs. A rule
added, removed or changed in one and not the other fails here.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from clinic_app.domain.rule_parameters import (
    RULE_IDS,
    RuleDescription,
    describe_rules,
    load_rules_file,
)
from clinic_app.resource_files import resource_path

DOCS = Path(__file__).resolve().parent.parent / "docs"
PLANNED_HEADING = "## 11. Planned"


def _rule_rows(text: str) -> dict[str, list[list[str]]]:
    """Table rows whose first cell is a rule id in backticks, by id (cells stripped)."""
    rows: dict[str, list[list[str]]] = {}
    for line in text.splitlines():
        match = re.match(r"^\| `([A-Z][0-9]+[a-z]*)` \|", line)
        if match:
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            rows.setdefault(match.group(1), []).append(cells)
    return rows


def _shipped() -> tuple[RuleDescription, ...]:
    _, params = load_rules_file(resource_path("clinical_rules.toml"))
    return describe_rules(params)


def _implemented_part() -> str:
    text = (DOCS / "clinical-rules.md").read_text(encoding="utf-8")
    return text.split(PLANNED_HEADING)[0]


def _planned_part() -> str:
    text = (DOCS / "clinical-rules.md").read_text(encoding="utf-8")
    return text.split(PLANNED_HEADING)[1]


@pytest.mark.parametrize("rule", _shipped(), ids=lambda r: r.rule_id)
def test_every_shipped_rule_has_one_row_with_its_default_and_evidence(
    rule: RuleDescription,
) -> None:
    rows = _rule_rows(_implemented_part()).get(rule.rule_id, [])
    assert len(rows) == 1, f"{rule.rule_id}: expected one row in clinical-rules.md"
    cells = rows[0]
    default, evidence = cells[2].replace("*", ""), cells[3]
    assert default.startswith(rule.severity), (rule.rule_id, default)
    assert evidence.startswith(rule.evidence.value), (rule.rule_id, evidence)
    # Every number of the rule's settings appears in its row (ids like A3 aside).
    row_numbers = set(re.findall(r"(?<![A-Za-z])\d+", " | ".join(cells[1:])))
    for setting in rule.parameters:
        for number in re.findall(r"(?<![A-Za-z])\d+", setting):
            assert number in row_numbers, (rule.rule_id, setting)


def test_no_row_for_a_rule_the_app_does_not_run() -> None:
    documented = set(_rule_rows(_implemented_part())) - {"D1"}  # D1 is a catalog check
    assert documented == set(RULE_IDS)


def test_planned_rules_are_not_yet_rules_of_the_app() -> None:
    planned = set(_rule_rows(_planned_part()))
    assert planned and not planned & set(RULE_IDS)


def test_readme_links_the_documentation() -> None:
    readme = (DOCS.parent / "README.md").read_text(encoding="utf-8")
    assert "docs/clinical-rules.md" in readme and "docs/architecture.md" in readme
