"""The day-of re-plan on the command line (issue 14): the change list, --apply, and the exit
codes of a bad --late, a nurse still on the rota and a role that may not move sessions."""

from __future__ import annotations

import json

from clinic_app.bootstrap import Services
from clinic_app.cli import EXIT_FORBIDDEN, EXIT_INVALID, EXIT_OK
from tests.cli.test_cli import cli_clinic, run

__all__ = ["cli_clinic"]

DAY = "2026-11-24"


def test_replan_prints_the_changes_and_applies_them(cli_clinic: Services) -> None:
    for name in ("Nora Night", "Olga Other"):
        assert run(cli_clinic, "nurse", "add", name, user="mia")[0] == EXIT_OK
        assert run(cli_clinic, "shift", "set", name, DAY, "08:00", "16:00", user="mia")[0] == 0
    code, _, err = run(
        cli_clinic,
        "patient", "add", "--mrn", "M002", "--name", "Bob Baker", "--dob", "1948-07-01",
        user="fred",
    )  # fmt: skip
    assert code == EXIT_OK, err
    for mrn, chair in (("M001", "Chair 1"), ("M002", "Chair 2")):
        code, _, err = run(
            cli_clinic, "book", "--mrn", mrn, "--therapy", "zoledronic-acid",
            "--start", f"{DAY}T09:00", "--chair", chair,
        )  # fmt: skip
        assert code == EXIT_OK, err

    code, out, err = run(cli_clinic, "replan", DAY, "--sick", "Olga Other", user="nina")
    assert code == EXIT_OK, err
    assert f"re-plan of {DAY}: " in out
    assert "M002 Bob Baker" in out
    assert "Chair 2 09:00 (" in out and "-> Chair 2 10:00 (Nora Night); no nurse free then" in out
    assert "not applied" in out
    code, out, _ = run(cli_clinic, "replan", DAY, "--sick", "Olga Other", "--json", user="nina")
    (change,) = [c for c in json.loads(out)["changes"] if c["reason"] == "nurse"]
    assert change["to"]["start"].startswith(f"{DAY}T10:00")

    # Bad input names the argument; a nurse still on the rota is the manager's to take off.
    code, _, err = run(cli_clinic, "replan", DAY, "--late", "two:20", user="nina")
    assert code == EXIT_INVALID and "--late" in err
    code, _, err = run(cli_clinic, "replan", DAY, "--sick", "Olga Other", "--apply", user="nina")
    assert code == EXIT_INVALID and "still on the rota" in err
    code, _, err = run(cli_clinic, "replan", DAY, "--late", "1:20", "--apply", user="mia")
    assert code == EXIT_FORBIDDEN
    # Once her shift is off, the rota says so: the re-plan needs no --sick.
    assert run(cli_clinic, "shift", "remove", "Olga Other", DAY, user="mia")[0] == EXIT_OK
    code, out, err = run(cli_clinic, "replan", DAY, "--apply", user="nina")
    assert code == EXIT_OK, err
    assert "applied: 1 moved, 0 cancelled" in out
    code, out, _ = run(cli_clinic, "day", DAY, "--json")
    starts = sorted(s["start"][11:16] for s in json.loads(out)["sessions"])
    assert starts == ["09:00", "10:00"]
