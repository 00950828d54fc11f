"""A real clinic server process for the tests: ``python -m tests.server.run_server URL PORT NOW``.

The same ``create_app``, uvicorn and login check as ``clinic-app serve`` (on PostgreSQL the
database's app role, not the owner), on a database the test prepared,
with the services' clock fixed at ``NOW`` (ISO) so that the service tests' dates hold.
"""

from __future__ import annotations

import sys
from datetime import datetime

from clinic_app.bootstrap import open_services
from clinic_app.server.serve import check_login, run
from clinic_app.services.clock import fixed_clock


def main(url: str, port: str, now: str) -> int:
    services = open_services(
        url, clock=fixed_clock(datetime.fromisoformat(now)), create=False, migrate=False
    )
    check_login(services, allow_owner=False)  # as `clinic-app serve`: the app role on PG
    return run(services, host="127.0.0.1", port=int(port))


if __name__ == "__main__":
    raise SystemExit(main(*sys.argv[1:4]))
