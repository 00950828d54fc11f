"""Why a clinic database cannot be opened, in words that name the database and the problem.

The shells map them to exit codes: a missing database is "unreachable" (1), an unusable one
is invalid input (2).
"""

from __future__ import annotations


class DatabaseMissingError(LookupError):
    """There is no clinic database where the URL points (and this caller may not create one)."""

    def __init__(self, where: str) -> None:
        super().__init__(f"no clinic database at {where}; create one with clinic-app init")
        self.where = where


class UnusableDatabaseError(ValueError):
    """The database exists but this app cannot use it: damaged, not SQLite, not a clinic's."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where} {problem}")
        self.where = where
        self.problem = problem


class NewerSchemaError(UnusableDatabaseError):
    """The database was written by a newer version of the app; nothing was changed."""

    def __init__(self, where: str, revision: str, head: str) -> None:
        super().__init__(where, "")
        self.args = (
            f"{where}: this database was written by a newer version of clinic_app "
            f"(revision {revision}; this version knows up to {head}); update clinic_app to "
            "open it",
        )
        self.revision = revision
        self.head = head
