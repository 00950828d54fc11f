"""Errors raised on purpose by the services and the unit of work; words a clerk can act on.

The CLI maps them to exit codes (2 invalid input or usage, 3 refused by a clinical rule, 4
scheduling conflict, 5 not permitted); the GUI shows their message. None of them leaves a
partial write: the unit of work rolls back.
"""

from __future__ import annotations

from collections.abc import Sequence

from clinic_app.domain.findings import Finding


class ClinicError(Exception):
    """Base of every error a service raises on purpose."""


class InvalidInputError(ClinicError):
    """A field of the request is missing, malformed or refers to nothing."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem


class NotFoundError(InvalidInputError):
    """The request names a patient, chair, session... that does not exist."""


class ConflictKind:
    """What a scheduling conflict collided with."""

    CHAIR = "chair"
    PATIENT = "patient"
    LAB_CAPACITY = "lab_capacity"
    HOURS = "hours"
    JUST_TAKEN = "just_taken"
    STATE = "state"
    NURSE = "nurse"


class SchedulingConflictError(ClinicError):
    """The time or place is not free: chair taken, patient busy, lab full, clinic closed."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message


class RuleRefusalError(ClinicError):
    """A clinical rule refuses the booking (HARD), or a BLOCK has no valid override."""

    def __init__(self, message: str, findings: Sequence[Finding], *, overridable: bool) -> None:
        super().__init__(message)
        self.findings = tuple(findings)
        self.overridable = overridable


class PermissionDeniedError(ClinicError):
    """The acting user's role may not do this."""

    def __init__(self, action: str, role: str) -> None:
        super().__init__(f"a user with the role {role!r} may not {action}")
        self.action = action
        self.role = role


OPTIMISER_INSTALL_HINT = "pip install 'clinic_app[optimise]'"


class SolverUnavailableError(ClinicError):
    """OR-Tools is not installed: templates cannot be built (the greedy path still works).

    A ``ClinicError`` so it travels over the clinic server and the CLI names it (exit 2: the
    command cannot be used on this installation), never a crash.
    """

    def __init__(self) -> None:
        super().__init__(
            "OR-Tools (CP-SAT) is not installed, so no slot template can be built; "
            f"install it with {OPTIMISER_INSTALL_HINT}. Bookings keep the level-loaded "
            "suggestions."
        )
