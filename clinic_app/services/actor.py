"""Who is acting: a user name and an app role, passed into every service call."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Role(enum.StrEnum):
    """App roles, from the least to the most clinical/administrative power."""

    FRONT_DESK = "front-desk"
    NURSE = "nurse"
    MANAGER = "manager"
    ADMIN = "admin"


class Permission(enum.StrEnum):
    """Things a role may do; checked by the services, whoever calls them."""

    BOOK = "book, move or cancel sessions"
    EDIT_PATIENTS = "add or change patients and exposures"
    OVERRIDE = "record a clinical override"
    SET_STATUS = "change a session's status"
    RECORD_RESULTS = "record lab results, weights and acknowledge result alerts"
    VIEW = "view the schedule"
    EXPORT = "export schedules and reports"
    ADMINISTER = "change clinic settings, users and rule parameters"
    # The letter to an outside prescriber and the patient sheet after IV iron: handed over and
    # sent by the staff who see the patient (desk and nurses), not by managers or admins.
    PRINT_LETTERS = "print the prescriber letter and the patient sheet"
    # The nurse rota (nurses, shifts, the nurse ratio): kept by the manager, or an administrator.
    MANAGE_STAFF = "keep the nurse rota and the nurse ratio"
    # Which nurse looks after which patient today: nurses hand over, managers plan.
    ASSIGN_NURSES = "assign patients to nurses"
    # The weekly slot template (issue 14): planned by the manager, or an administrator.
    PLAN_CAPACITY = "build the weekly slot template"


_GRANTS: dict[Role, frozenset[Permission]] = {
    Role.FRONT_DESK: frozenset(
        {Permission.BOOK, Permission.EDIT_PATIENTS, Permission.VIEW, Permission.PRINT_LETTERS}
    ),
    Role.NURSE: frozenset(
        {
            Permission.BOOK,
            Permission.EDIT_PATIENTS,
            Permission.VIEW,
            Permission.OVERRIDE,
            Permission.SET_STATUS,
            Permission.PRINT_LETTERS,
            Permission.RECORD_RESULTS,
            Permission.ASSIGN_NURSES,
        }
    ),
    Role.MANAGER: frozenset(
        {
            Permission.VIEW,
            Permission.EXPORT,
            Permission.MANAGE_STAFF,
            Permission.ASSIGN_NURSES,
            Permission.PLAN_CAPACITY,
        }
    ),
    Role.ADMIN: frozenset(
        {
            Permission.VIEW,
            Permission.ADMINISTER,
            Permission.EXPORT,
            Permission.MANAGE_STAFF,
            Permission.ASSIGN_NURSES,
            Permission.PLAN_CAPACITY,
        }
    ),
}


@dataclass(frozen=True, slots=True)
class Actor:
    """The user on whose behalf a service call runs."""

    username: str
    role: Role

    def can(self, permission: Permission) -> bool:
        """True when this actor's role grants ``permission``."""
        return permission in _GRANTS[self.role]
