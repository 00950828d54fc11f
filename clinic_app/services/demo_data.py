"""A realistic demo clinic, booked through the real services so every rule applies.

Eight chairs, a few dozen patients (some on antiresorptives from their GP or another
hospital), and two weeks of sessions from the next open day, including an IV iron booking
for a patient on denosumab that a nurse overrode with a reason.

The demo is seeded all or nothing, in one transaction (on PostgreSQL the demo accounts' login
roles included: CREATE ROLE is transactional there). It writes patients, bookings and a
clinical override, which no single app role's database grants allow; on PostgreSQL it is
therefore seeded on the database owner's connection (``init --demo``), and an administrator's
own login is refused with a message saying so, having written nothing.
"""

from __future__ import annotations

import random
from contextlib import AbstractContextManager
from datetime import date, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta

from clinic_app.domain.errors import RuleRefusalError, SchedulingConflictError
from clinic_app.persistence import repositories as repo
from clinic_app.persistence.unit_of_work import DatabasePrivilegeError
from clinic_app.services.actor import Actor, Role
from clinic_app.services.auth import AuthService
from clinic_app.services.booking import BookingRequest, BookingService
from clinic_app.services.clinic_setup import ClinicSetupService
from clinic_app.services.context import ServiceContext
from clinic_app.services.staffing import StaffingService

FIRST_NAMES = (
    "Margaret",
    "John",
    "Patricia",
    "Robert",
    "Linda",
    "Michael",
    "Barbara",
    "David",
    "Susan",
    "James",
    "Dorothy",
    "William",
    "Helen",
    "Richard",
    "Joan",
    "Thomas",
    "Mary",
    "Peter",
    "Elizabeth",
    "George",
    "Anne",
    "Brian",
    "Sandra",
    "Kenneth",
    "Carol",
    "Aisha",
    "Wei",
    "Priya",
    "Olumide",
    "Sofia",
)
LAST_NAMES = (
    "Smith",
    "Jones",
    "Taylor",
    "Brown",
    "Williams",
    "Wilson",
    "Johnson",
    "Davies",
    "Patel",
    "Robinson",
    "Wright",
    "Thompson",
    "Evans",
    "Walker",
    "White",
    "Roberts",
    "Green",
    "Hall",
    "Wood",
    "Jackson",
    "Clarke",
    "Khan",
    "Chen",
    "Okafor",
    "Novak",
    "Murphy",
    "O'Brien",
    "Singh",
    "Ahmed",
    "Kowalski",
)
CHAIRS = 8
PATIENTS = 30
DAYS = 10
# The demo's nurse rota (issue 14): three nurses on every open day of the demo's weeks, from
# opening to closing, their half-hour breaks staggered so two are always on the ward.
DEMO_NURSES = ("Grace Hopkins", "Mary Seacole", "Florence Wald")
DEMO_BREAKS = ("12:00-12:30", "12:30-13:00", "13:00-13:30")
ROTA_DAYS = 28


# The clinic's prescriber in the demo: named on the overridden iron sessions and consulted.
DEMO_PRESCRIBER = "Dr Priya Shah"
DEMO_PRACTICE = "Haematology clinic"
DEMO_PHONE = "020 7946 0123"  # a drama number (Ofcom's range for fiction), never a real line
DEMO_PASSWORD = "demo-password"  # demo accounts only; the README says so
DEMO_USERS = (
    ("demo.desk", Role.FRONT_DESK),
    ("demo.nurse", Role.NURSE),
    ("demo.manager", Role.MANAGER),
)


class DemoServices(Protocol):
    """The services the demo is seeded through; the app's ``bootstrap.Services`` is one.

    A protocol rather than an import: the services layer does not depend on the composition
    root that builds it.
    """

    @property
    def ctx(self) -> ServiceContext:
        """The database, catalog and clock."""
        ...

    @property
    def setup(self) -> ClinicSetupService:
        """Chairs, patients and the clinic's settings."""
        ...

    @property
    def auth(self) -> AuthService:
        """User accounts."""
        ...

    @property
    def booking(self) -> BookingService:
        """Finding slots and booking."""
        ...

    @property
    def staffing(self) -> StaffingService:
        """The nurse rota."""
        ...

    def one_transaction(self) -> AbstractContextManager[DemoServices]:
        """The same services, every call inside the block in one transaction."""
        ...


def seed_demo(services: DemoServices, admin: Actor, *, seed: int = 7) -> str:
    """Seed the demo clinic (only into a clinic without chairs or patients), all or nothing.

    ``admin`` is the administrator doing it. Demo accounts for the other roles are created
    with DEMO_PASSWORD so the demo can be tried as front desk, nurse and manager. Returns a
    summary of what was made. Any error leaves the database as it was; a database login whose
    grants do not allow the demo's writes gets a DatabasePrivilegeError saying who may seed it.
    """
    try:
        with services.one_transaction() as transaction:
            return _seed(transaction, admin, seed)
    except DatabasePrivilegeError as error:
        raise DatabasePrivilegeError(
            error.detail,
            "Nothing was written. The demo clinic writes patients, bookings and a clinical "
            "override, which an administrator's database role may not (each role's grants "
            "allow only what it may do in the app). On PostgreSQL the database owner seeds "
            "it: clinic-app --db postgresql+psycopg://OWNER@server/clinic "
            f"--user {admin.username} init --demo",
        ) from error


def _seed(services: DemoServices, admin: Actor, seed: int) -> str:
    setup = services.setup
    setup.init_clinic(admin, name="Riverside Infusion Clinic")
    with services.ctx.db.read() as uow:
        if repo.chairs(uow.session) or services.setup.search_patients(admin, "", limit=1):
            return "the database already holds a clinic with data; demo not seeded"
    existing = {u.username for u in services.auth.users(admin)}
    for username, role in DEMO_USERS:
        if username not in existing:
            services.auth.add_user(admin, username, role, DEMO_PASSWORD, "Demo account")
    desk = Actor("demo.desk", Role.FRONT_DESK)
    nurse = Actor("demo.nurse", Role.NURSE)
    rng = random.Random(seed)
    setup.set_clinic_phone(admin, DEMO_PHONE)
    for number in range(1, CHAIRS + 1):
        setup.add_chair(admin, f"Chair {number}")
    today = services.ctx.clock().astimezone(_tz(services)).date()
    _seed_rota(services, admin, today)
    patients = []
    for index in range(PATIENTS):
        name = f"{FIRST_NAMES[index]} {LAST_NAMES[index]}"
        dob = date(1938 + rng.randrange(45), rng.randrange(1, 13), rng.randrange(1, 29))
        mrn = f"MRN{100200 + index * 7}"
        setup.add_patient(
            desk,
            mrn=mrn,
            name=name,
            date_of_birth=dob,
            sex="F" if index % 3 else "M",
            phone=f"07700 9{rng.randrange(10000, 99999)}",
        )
        patients.append(mrn)
    # The dangerous, invisible half of co-therapy: drugs given by other doctors.
    setup.add_exposure(
        desk,
        mrn=patients[0],
        drug="denosumab",
        last_dose=today - relativedelta(months=2),
        where="GP surgery",
    )
    setup.add_exposure(
        desk,
        mrn=patients[1],
        drug="alendronate",
        ongoing_since=today - relativedelta(years=3),
        where="GP prescription",
    )
    setup.add_exposure(
        desk,
        mrn=patients[2],
        drug="zoledronic-acid",
        last_dose=today - relativedelta(months=9),
        where="St Mary's Hospital",
    )
    setup.add_exposure(
        desk,
        mrn=patients[3],
        drug="denosumab",
        last_dose=today - relativedelta(months=5, days=20),
        where="GP surgery",
    )
    setup.add_exposure(
        desk,
        mrn=patients[4],
        drug="risedronate",
        last_dose=today - relativedelta(months=8),
        where="GP prescription",
    )

    booked = overridden = 0
    booking = services.booking
    # Iron for the patient on GP denosumab: refused for the desk, overridden by a nurse.
    plan = [
        (
            patients[0],
            "ferric-derisomaltose",
            2,
            "Severe iron deficiency anaemia, Hb 78; haematology advised derisomaltose; "
            "phosphate monitoring arranged",
        ),
        (patients[1], "ferumoxytol", 3, "Iron needed before surgery; low-risk formulation chosen"),
    ]
    for mrn, therapy, day_offset, reason in plan:
        slots = booking.find_slots(
            nurse,
            mrn,
            therapy,
            today + timedelta(days=day_offset),
            count=1,
            include_overridable=True,
        )
        if slots:
            booking.book(
                nurse,
                BookingRequest(
                    mrn=mrn,
                    therapy=therapy,
                    start=slots[0].start,
                    chair=slots[0].chair,
                    override_reason=reason,
                    prescriber=DEMO_PRESCRIBER,
                    prescriber_practice=DEMO_PRACTICE,
                    consulted=DEMO_PRESCRIBER,
                ),
            )
            booked += 1
            overridden += 1
    therapies = (
        "zoledronic-acid",
        "ibandronate",
        "denosumab",
        "iron-sucrose",
        "ferric-carboxymaltose",
        "ferric-derisomaltose",
        "sodium-ferric-gluconate",
    )
    for mrn in patients[5:]:
        therapy = rng.choice(therapies)
        after = today + timedelta(days=rng.randrange(0, DAYS))
        try:
            slots = booking.find_slots(desk, mrn, therapy, after, count=3)
            if not slots:
                continue
            choice = slots[rng.randrange(len(slots))]
            booking.book(
                desk,
                BookingRequest(mrn=mrn, therapy=therapy, start=choice.start, chair=choice.chair),
            )
            booked += 1
        except (RuleRefusalError, SchedulingConflictError):
            # A slot the rules or another booking of the demo took: skip this patient. Any
            # other error (a refusal of privilege, a broken database) ends the whole demo.
            continue
    return (
        f"demo clinic seeded: {CHAIRS} chairs, {PATIENTS} patients, {booked} sessions "
        f"({overridden} with a clinical override)"
    )


def _seed_rota(services: DemoServices, admin: Actor, today: date) -> None:
    """Three nurses on every open day from today for ROTA_DAYS days, so the demo's bookings
    are nurse-checked (a clinic without a rota is not)."""
    with services.ctx.db.read() as uow:
        calendar = repo.load_calendar(uow.session)
    for name in DEMO_NURSES:
        services.staffing.add_nurse(admin, name)
    for offset in range(ROTA_DAYS):
        day = today + timedelta(days=offset)
        opening = calendar.open_interval(day)
        if opening is None:
            continue
        opens, closes = (calendar.local(moment).time() for moment in opening)
        for name, pause in zip(DEMO_NURSES, DEMO_BREAKS, strict=True):
            # A short day (closing before the break) gets no break.
            inside = f"{opens:%H:%M}" <= pause[:5] and pause[6:] <= f"{closes:%H:%M}"
            breaks = (pause,) if inside else ()
            services.staffing.set_shift(admin, name, day, opens, closes, breaks)


def _tz(services: DemoServices) -> ZoneInfo:
    with services.ctx.db.read() as uow:
        return repo.load_calendar(uow.session).tz
