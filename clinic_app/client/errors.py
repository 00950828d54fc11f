"""The remote adapter's error the command line catches, importable without httpx."""

from __future__ import annotations


class RemoteUnavailableError(ConnectionError):
    """The clinic server could not be reached (twice): nothing is known to have happened."""
