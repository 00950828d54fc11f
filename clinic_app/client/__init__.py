"""The remote adapter: the services' interface over HTTP, for desks of a clinic server.

``RemoteServices(url)`` has the attributes the GUI and the CLI use on ``bootstrap.Services``
(``booking``, ``setup``, ``queries``, ``auth``, ``lab_results`` ...), each method generated from
``clinic_app.service_api``: the same arguments, the same result dataclasses, the same
exceptions. ``auth.authenticate`` logs in and keeps the session token; ``auth.release`` drops
it (the window's lock). ``start_change_listener`` follows the server's change events into
``ctx.feed`` (``events.EventFollower``), and ``watch_session_end`` reports a token the server
refused. ``letters.write_letters`` and ``exports.export`` write their files at the desk from
what the server sends, and the server audits them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from clinic_app.client.errors import RemoteUnavailableError

if TYPE_CHECKING:
    from clinic_app.client.remote import RemoteServices

__all__ = ["RemoteServices", "RemoteUnavailableError"]


def __getattr__(name: str) -> Any:
    """``RemoteServices`` on first use: httpx and the generated methods cost ~0.2-0.6 s to
    import, and a desk on a local database never needs them (issue 10, start-up)."""
    if name == "RemoteServices":
        from clinic_app.client.remote import RemoteServices

        return RemoteServices
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
