"""The remote adapter: the services' interface over HTTP, for desks of a clinic server.

``RemoteServices(url)`` has the attributes the GUI and the CLI use on ``bootstrap.Services``
(``booking``, ``setup``, ``queries``, ``auth``, ``lab_results`` ...), each method generated from
``clinic_app.service_api``: the same arguments, the same result dataclasses, the same
exceptions. ``auth.authenticate`` logs in and keeps the session token.
"""

from clinic_app.client.remote import RemoteServices, RemoteUnavailableError

__all__ = ["RemoteServices", "RemoteUnavailableError"]
