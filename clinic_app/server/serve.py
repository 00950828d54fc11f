"""``clinic-app serve``: run the clinic server on uvicorn.

It refuses to listen beyond this computer without TLS: passwords and session tokens would cross
the clinic's network in clear. On PostgreSQL it refuses to run as a superuser or as the
database's owner (either could switch a trigger off or rewrite the audit trail): it runs as
the clinic's app role (``clinic-app db app-role``), unless ``--dev-allow-owner`` says this is
a developer's machine. It never migrates: the owner does (``clinic-app migrate``). It keeps
no state of its own (tokens and idempotency keys are in the database), so several
instances may serve one PostgreSQL database.
"""

from __future__ import annotations

import ipaddress
import socket
from pathlib import Path
from typing import TextIO

import uvicorn

from clinic_app.bootstrap import Services, open_services
from clinic_app.server.app import create_app

DEFAULT_PORT = 8443


class ServeError(ValueError):
    """The server cannot start with these options (a usage error: exit 2)."""


def is_loopback(host: str) -> bool:
    """True when ``host`` names only this computer (127.0.0.0/8, ::1, localhost)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        pass
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, None)}
    except OSError:
        return False
    return bool(addresses) and all(ipaddress.ip_address(a).is_loopback for a in addresses)


def check_options(host: str, tls_cert: Path | None, tls_key: Path | None) -> None:
    """Refuse a bind beyond loopback without TLS, and half a TLS pair."""
    if (tls_cert is None) != (tls_key is None):
        raise ServeError("--tls-cert and --tls-key go together")
    for path in (tls_cert, tls_key):
        if path is not None and not path.is_file():
            raise ServeError(f"{path}: no such file")
    if tls_cert is None and not is_loopback(host):
        raise ServeError(
            f"refusing to listen on {host} without TLS: passwords and session tokens would "
            "cross the network in clear; give --tls-cert and --tls-key, or bind 127.0.0.1"
        )


def serve(
    db_url: str,
    *,
    host: str = "127.0.0.1",
    port: int = DEFAULT_PORT,
    tls_cert: Path | None = None,
    tls_key: Path | None = None,
    err: TextIO | None = None,
    allow_owner: bool = False,
) -> int:
    """Check the options, open the database (it must exist, at the newest revision), check
    the login and serve until stopped."""
    check_options(host, tls_cert, tls_key)
    services = open_services(db_url, create=False, migrate=False)
    try:
        check_login(services, allow_owner=allow_owner)
    except BaseException:
        services.close()
        raise
    return run(services, host=host, port=port, tls_cert=tls_cert, tls_key=tls_key)


def check_login(services: Services, *, allow_owner: bool) -> None:
    """Refuse a database behind this app's schema, and (PostgreSQL) a superuser or owner
    login unless ``allow_owner``."""
    behind = services.schema_behind()
    if behind is not None:
        raise ServeError(
            f"the database is at revision {behind}, older than this app's: the owner runs "
            "clinic-app --db OWNER_URL migrate first (the server never migrates)"
        )
    login = services.database_login()
    if login is None or login.privileged is None or allow_owner:
        return
    raise ServeError(
        f"refusing to serve as {login.user!r}, {login.privileged}: it could switch triggers "
        "off and rewrite the audit trail. Connect as the clinic's app role (made by the owner "
        "with clinic-app --db OWNER_URL db app-role --name NAME); on a developer's machine "
        "only, --dev-allow-owner"
    )


def run(
    services: Services,
    *,
    host: str,
    port: int,
    tls_cert: Path | None = None,
    tls_key: Path | None = None,
) -> int:
    """Serve ``services`` with uvicorn until stopped (SIGINT/SIGTERM); closes them after."""
    services.start_change_listener()  # PostgreSQL: other instances' changes reach /events
    try:
        uvicorn.run(
            create_app(services),
            host=host,
            port=port,
            ssl_certfile=str(tls_cert) if tls_cert else None,
            ssl_keyfile=str(tls_key) if tls_key else None,
            log_level="info",
            proxy_headers=False,
        )
    finally:
        services.close()
    return 0
