"""Schemathesis over the server's OpenAPI schema, on a real server process: no 5xx, and every
response matches the schema, on SQLite and on PostgreSQL (there the server runs as the clinic's
app role). Bounded (a few examples per operation) to stay under two minutes each.

It runs as a nurse (the role that may do the most on the schedule); ``logout`` is left out,
since ending the run's own session would turn the rest of it into 401s, and so is
``queries/patient_schedule`` (a schemathesis bug with pairs, see below).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from tests.conftest import NURSE
from tests.server.conftest import PASSWORD, Server

ST = Path(sys.executable).with_name("st")


@pytest.mark.parametrize(
    "db_url", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)], indirect=True
)
def test_fuzzing_the_schema_finds_no_server_error(served: Server, tmp_path: Path) -> None:
    login = {"username": NURSE.username, "password": PASSWORD}
    token = httpx.post(f"{served.url}/api/v1/login", json=login).json()["token"]
    run = subprocess.run(
        [
            str(ST),
            "run",
            f"{served.url}/openapi.json",
            "-H",
            f"Authorization: Bearer {token}",
            "--max-examples",
            "3",
            "--checks",
            "not_a_server_error,response_schema_conformance",
            "--phases",
            "coverage,fuzzing",
            "--exclude-path",
            "/api/v1/logout",
            # An endless event stream (tests/server/test_server_process.py reads it).
            "--exclude-path",
            "/api/v1/events",
            # Its result is a pair (prefixItems in OpenAPI 3.1), which schemathesis cannot
            # validate yet (schemathesis issues 3842 and 4099); the contract suite covers it.
            "--exclude-path",
            "/api/v1/queries/patient_schedule",
            "--seed",
            "11",
            "--no-shrink",
            "--request-timeout",
            "30",
        ],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=tmp_path,  # schemathesis keeps its cache in the working folder
    )
    assert run.returncode == 0, run.stdout[-12000:]
    log = served.log.read_text(errors="replace")
    statuses = re.findall(r'HTTP/1\.1" (\d{3})', log)
    assert not [s for s in statuses if s.startswith("5")], log[-3000:]
    # The token held: the run reached the services, not just the authentication.
    assert statuses.count("200") > 40 and statuses.count("401") < len(statuses) // 10
