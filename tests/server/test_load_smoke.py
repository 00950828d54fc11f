"""The load benchmark's smoke (issue 11): ``bench/load`` with 3 desks on one server instance
for 10 s, so that the benchmark cannot rot. It asserts correctness only, never a time: no
overlap, no double booking, no duplicate from a retry, no lost acknowledged write, every
replayed answer the same, no 5xx, and that the desks did book, move and view days.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from bench import load
from tests.conftest import PG_URL, RUN_TAG


@pytest.mark.postgres
def test_three_desks_for_ten_seconds_lose_and_duplicate_nothing(
    pg_template: str, tmp_path: Path
) -> None:
    database = f"load_smoke_{RUN_TAG}"
    url = make_url(PG_URL).set(database=database).render_as_string(hide_password=False)
    out = tmp_path / "load.json"
    status = load.main(
        [
            *("--db", url, "--admin-url", PG_URL, "--instances", "1"),
            *("--desks", "3", "--duration", "10", "--think", "0.2", "--lose", "0.3"),
            *("--chairs", "4", "--patients", "60", "--user-prefix", f"loadsmoke.{RUN_TAG}"),
            *("--json", str(out), "--log-dir", str(tmp_path)),
        ]
    )
    result = json.loads(out.read_text())
    summary = result["summary"]
    assert status == 0, summary
    for count in (
        "chair overlaps",
        "patient double bookings",
        "duplicates from retries",
        "lost acknowledged writes",
        "replays that differed",
        "5xx answers",
        "requests never answered",
    ):
        assert summary[count] == 0, (count, summary)
    assert summary["acknowledged writes"] > 0
    assert summary["replayed answers"] > 0  # the lost answers were sent again and replayed
    assert result["latencies"].get("book") and result["latencies"].get("day")
