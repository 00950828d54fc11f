"""The errors services raise (defined in the domain so persistence can raise them too)."""

from clinic_app.domain.errors import (
    ClinicError,
    ConflictKind,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    RuleRefusalError,
    SchedulingConflictError,
)

__all__ = [
    "ClinicError",
    "ConflictKind",
    "InvalidInputError",
    "NotFoundError",
    "PermissionDeniedError",
    "RuleRefusalError",
    "SchedulingConflictError",
]
