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

from clinic_app.client.remote import RemoteServices, RemoteUnavailableError

__all__ = ["RemoteServices", "RemoteUnavailableError"]
