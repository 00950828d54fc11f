"""The stored weekly slot template on the command line (issue 14): build, show, the
compliance report; managers only, bad input named, the README's exit codes."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest

from clinic_app.bootstrap import Services
from clinic_app.cli import EXIT_FORBIDDEN, EXIT_INVALID, EXIT_OK
from clinic_app.services import templates as templates_module
from clinic_app.services.clock import fixed_clock
from tests.cli.test_cli import cli_clinic, run
from tests.conftest import NOW

__all__ = ["cli_clinic"]


def history(services: Services) -> None:
    """Two zoledronic acid infusions at 08:00 on Tuesday 2026-11-24; the clock a week on.
    Patients M002 and M003 join the clinic's one patient."""
    for mrn in ("M002", "M003"):
        code, _, err = run(
            services, "patient", "add", "--mrn", mrn, "--name", f"Pat {mrn}", "--dob", "1950-01-01"
        )
        assert code == EXIT_OK, err
    for mrn, chair in (("M001", "Chair 1"), ("M002", "Chair 2")):
        code, _, err = run(
            services,
            "book",
            "--mrn",
            mrn,
            "--therapy",
            "zoledronic-acid",
            "--start",
            "2026-11-24T08:00",
            "--chair",
            chair,
        )
        assert code == EXIT_OK, err
    services.ctx.clock = fixed_clock(NOW + timedelta(weeks=1))


def test_build_show_and_compliance(cli_clinic: Services) -> None:
    history(cli_clinic)
    code, out, err = run(
        cli_clinic, "template", "build", "--weeks", "1", "--time-limit", "1", user="mia"
    )
    assert code == EXIT_OK, err
    assert "Tuesday (2 sessions, optimal):" in out
    assert "  08:00  2 x 60 min (set-up 10, take-down 5)  zoledronic-acid" in out

    code, out, err = run(cli_clinic, "template", "show", "--json", user="nina")
    assert code == EXIT_OK, err
    shown = json.loads(out)["template"]
    assert [(s["weekday"], s["start"], s["count"]) for s in shown["starts"]] == [(1, "08:00", 2)]
    assert shown["optimal_weekdays"] == [1]

    code, out, err = run(
        cli_clinic,
        "report",
        "template-compliance",
        "--from",
        "2026-11-23",
        "--to",
        "2026-11-29",
        "--json",
        user="mia",
    )
    assert code == EXIT_OK, err
    report = json.loads(out)
    tuesday = next(d for d in report["days"] if d["date"] == "2026-11-24")
    assert (tuesday["planned"], tuesday["filled"], tuesday["off_template"]) == (2, 2, 0)
    assert tuesday["compliance"] == 1.0
    assert len(report["days"]) == 5 and report["planned"] == 2 and report["fill"] == 1.0

    code, out, err = run(
        cli_clinic,
        "report",
        "template-compliance",
        "--from",
        "2026-11-23",
        "--to",
        "2026-11-24",
        user="mia",
    )
    assert code == EXIT_OK, err
    assert out.splitlines()[-1].split()[:4] == ["total", "2", "2", "0"]


def test_no_template_shown(cli_clinic: Services) -> None:
    code, out, err = run(cli_clinic, "template", "show")
    assert code == EXIT_OK, err
    assert out.startswith("no template stored")


@pytest.mark.parametrize(
    ("argv", "field"),
    [
        (("template", "build", "--weeks", "0"), "weeks"),
        (("template", "build", "--time-limit", "90"), "time_limit_s"),
        (("report", "template-compliance", "--from", "2026-01-01", "--to", "2027-06-01"), "to"),
        (("report", "template-compliance", "--from", "2026-02-30", "--to", "2026-03-01"), "from"),
    ],
)
def test_bad_input_names_the_field(cli_clinic: Services, argv: tuple[str, ...], field: str) -> None:
    history(cli_clinic)
    code, _, err = run(cli_clinic, *argv, user="mia")
    assert code == EXIT_INVALID
    assert f"{field}:" in err


def test_desk_and_nurses_may_not_build_or_report(cli_clinic: Services) -> None:
    history(cli_clinic)
    assert run(cli_clinic, "template", "build", "--weeks", "1")[0] == EXIT_FORBIDDEN
    assert run(cli_clinic, "template", "build", user="fred")[0] == EXIT_FORBIDDEN
    code, _, _ = run(
        cli_clinic, "report", "template-compliance", "--from", "2026-11-23", "--to", "2026-11-24"
    )
    assert code == EXIT_FORBIDDEN


def test_without_or_tools_the_build_exits_2_with_the_install_hint(
    cli_clinic: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    history(cli_clinic)
    # Simulates an installation without the optional package.
    monkeypatch.setattr(templates_module, "cp_sat_available", lambda: False)
    code, _, err = run(cli_clinic, "template", "build", "--weeks", "1", user="mia")
    assert code == EXIT_INVALID
    assert "clinic_app[optimise]" in err


def test_slots_show_the_template_mark(cli_clinic: Services) -> None:
    history(cli_clinic)
    assert run(cli_clinic, "template", "build", "--weeks", "1", user="mia")[0] == EXIT_OK
    code, out, err = run(
        cli_clinic,
        "slots",
        "--mrn",
        "M003",
        "--therapy",
        "zoledronic-acid",
        "--after",
        "2026-12-01",
        "--count",
        "2",
        "--json",
    )
    assert code == EXIT_OK, err
    first = json.loads(out)["slots"][0]
    assert first["start"].startswith("2026-12-01T08:00")
    assert first["template"] == "template start 08:00 for 60-min sessions, 2 of 2 left"
    assert datetime.fromisoformat(first["start"]).hour == 8
