"""The CLI's ``results`` commands (issue 12): the nurses' results list, recording and importing
results, weights, the creatinine clearance, and acknowledging alerts. Thin: parse, call the
lab results service, print. Exit codes as in ``cli``: 0 done, 2 invalid input (nothing
written; an import names every refused line), 5 not permitted.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from clinic_app.services.lab_results import ImportRefusedError, ResultEntry
from clinic_app.services.visit_views import (
    AlertView,
    ResultsOutcome,
    SessionNotice,
)

if TYPE_CHECKING:
    from clinic_app.cli import Cli

EXIT_OK = 0
EXIT_INVALID = 2


def print_notices(cli: Cli, notices: tuple[SessionNotice, ...]) -> None:
    """Tell whoever recorded a fact which booked sessions it now stops, and why."""
    if not notices:
        return
    cli.print("NOW STOPPED - these booked sessions cannot go ahead as they stand:")
    for notice in notices:
        for line in notice.describe().splitlines():
            cli.print(f"  {line}")


def notices_json(notices: tuple[SessionNotice, ...]) -> list[dict[str, object]]:
    """The stopped sessions in the CLI's JSON shape."""
    return [
        {
            "session": n.session_id,
            "mrn": n.mrn,
            "therapy": n.therapy_name,
            "start": f"{n.start:%Y-%m-%dT%H:%M}",
            "findings": [f.as_json() for f in n.findings],
        }
        for n in notices
    ]


def _alert_line(alert: AlertView) -> str:
    return f"{alert.level} alert {alert.id} ({alert.rule}) {alert.mrn} {alert.patient_name}: " + (
        alert.message
    )


def _print_outcome(cli: Cli, outcome: ResultsOutcome) -> None:
    for result in outcome.results:
        cli.print(f"result {result.id}: {result.mrn} {result.describe()} (lab {result.lab_id})")
    if outcome.weight is not None:
        w = outcome.weight
        cli.print(f"weight: {w.mrn} {w.weight_kg:g} kg on {w.measured_on.isoformat()}")
    for alert in outcome.alerts:
        cli.print(_alert_line(alert))
    if outcome.clearance is not None:
        cli.print(outcome.clearance.text)
    print_notices(cli, outcome.stopped_sessions)


def _outcome_json(outcome: ResultsOutcome) -> dict[str, object]:
    return {
        "ok": True,
        "results": [
            {
                "id": r.id,
                "lab_id": r.lab_id,
                "test": r.test,
                "value": r.value,
                "unit": r.unit,
                "drawn_at": f"{r.drawn_at:%Y-%m-%dT%H:%M}",
            }
            for r in outcome.results
        ],
        "alerts": [
            {"id": a.id, "rule": a.rule, "level": a.level, "message": a.message}
            for a in outcome.alerts
        ],
        "clearance": outcome.clearance.ml_min if outcome.clearance else None,
        "stopped_sessions": notices_json(outcome.stopped_sessions),
    }


def cmd_results_list(cli: Cli, args: argparse.Namespace) -> int:
    """The nurses' results list."""
    listing = cli.s.lab_results.results_list(cli.actor, today=getattr(args, "date", None))
    if getattr(args, "json", False):
        cli.emit_json(
            {
                "date": listing.today.isoformat(),
                "urgent": [
                    {"id": a.id, "mrn": a.mrn, "rule": a.rule, "message": a.message}
                    for a in listing.urgent
                ],
                "alerts": [
                    {"id": a.id, "mrn": a.mrn, "rule": a.rule, "message": a.message}
                    for a in listing.alerts
                ],
                "not_back": [
                    {
                        "lab_id": m.lab_id,
                        "mrn": m.mrn,
                        "rule": m.rule,
                        "missing": list(m.missing_tests),
                        "due_by": m.due_by.isoformat(),
                    }
                    for m in listing.not_back
                ],
                "stopped_sessions": [
                    {
                        "session": s.session_id,
                        "mrn": s.mrn,
                        "start": f"{s.start:%Y-%m-%dT%H:%M}",
                        "findings": [f.as_json() for f in s.findings],
                    }
                    for s in listing.stopped_sessions
                ],
            }
        )
        return EXIT_OK
    cli.print(f"Results list {listing.today:%A %Y-%m-%d}")
    sections = (
        ("URGENT (acknowledge with a note)", [_alert_line(a) for a in listing.urgent]),
        ("Low results after iron: call the prescriber", [_alert_line(a) for a in listing.alerts]),
        (
            "Results not back (R4)",
            [
                f"WARN R4 lab {m.lab_id} {m.mrn} {m.patient_name}: {m.message}"
                for m in listing.not_back
            ],
        ),
        (
            "Sessions that cannot go ahead",
            [
                f"session {s.session_id} {s.start:%Y-%m-%d %H:%M} {s.mrn} {s.patient_name} "
                f"{s.therapy_name}: {f.severity.value} {f.rule}: {f.message}"
                for s in listing.stopped_sessions
                for f in s.findings
            ],
        ),
    )
    for title, lines in sections:
        cli.print(f"{title}:")
        for line in lines or ["(none)"]:
            cli.print(f"  {line}")
    return EXIT_OK


def cmd_results_record(cli: Cli, args: argparse.Namespace) -> int:
    """One result for one draw."""
    entry = ResultEntry(args.test, args.value, args.unit, args.flag)
    outcome = cli.s.lab_results.record_results(cli.actor, args.lab, [entry], drawn_at=args.drawn_at)
    if args.json:
        cli.emit_json(_outcome_json(outcome))
    else:
        _print_outcome(cli, outcome)
    return EXIT_OK


def cmd_results_import(cli: Cli, args: argparse.Namespace) -> int:
    """A laboratory file, all or nothing; every refused line is named."""
    try:
        imported = cli.s.lab_results.import_file(cli.actor, args.file)
    except ImportRefusedError as refused:
        print(f"invalid input: {refused.source}: nothing imported", file=cli.err)
        for problem in refused.problems:
            print(f"  {problem.describe()}", file=cli.err)
        return EXIT_INVALID
    if args.json:
        cli.emit_json(dict(_outcome_json(imported.recorded), source=imported.source))
    else:
        cli.print(f"imported {len(imported.recorded.results)} results from {imported.source}")
        _print_outcome(cli, imported.recorded)
    return EXIT_OK


def cmd_results_weight(cli: Cli, args: argparse.Namespace) -> int:
    """The patient's weight at this visit."""
    outcome = cli.s.lab_results.record_weight(cli.actor, args.mrn, args.kg, on=args.on)
    _print_outcome(cli, outcome)
    return EXIT_OK


def cmd_results_ack(cli: Cli, args: argparse.Namespace) -> int:
    """Acknowledge an alert with a note."""
    alert = cli.s.lab_results.acknowledge(cli.actor, args.alert, args.note)
    cli.print(f"alert {alert.id} acknowledged by {alert.acknowledged_by}: {alert.note}")
    return EXIT_OK


def cmd_results_crcl(cli: Cli, args: argparse.Namespace) -> int:
    """The creatinine clearance with its inputs."""
    view = cli.s.lab_results.clearance(cli.actor, args.mrn, on=args.on)
    cli.print(f"{view.mrn} on {view.on.isoformat()}: {view.text}")
    return EXIT_OK


def add_results_commands(sub: Any) -> None:
    """``results [list|record|import|weight|ack|crcl]``; ``results`` alone is the list."""
    results = sub.add_parser("results", help="lab results: the nurses' list, record, import")
    results.set_defaults(handler=cmd_results_list)
    results.add_argument("--date", help="the list as of YYYY-MM-DD (default today)")
    results.add_argument("--json", action="store_true")
    what = results.add_subparsers(dest="what", metavar="WHAT")

    c = what.add_parser("list", help="the nurses' results list")
    c.set_defaults(handler=cmd_results_list)
    c.add_argument("--date", help="the list as of YYYY-MM-DD (default today)")
    c.add_argument("--json", action="store_true")

    c = what.add_parser("record", help="record one result for a lab draw (nurse)")
    c.set_defaults(handler=cmd_results_record)
    c.add_argument("lab", type=int, help="lab draw id")
    c.add_argument("test", help="test code, e.g. calcium")
    c.add_argument("value")
    c.add_argument("unit", help="SI unit, e.g. mmol/L")
    c.add_argument("--drawn-at", help="local YYYY-MM-DDTHH:MM (default: the draw's time)")
    c.add_argument("--flag", help="the laboratory's flag (H, L, ...)")
    c.add_argument("--json", action="store_true")

    c = what.add_parser("import", help="import a laboratory CSV or HL7 ORU^R01 file (nurse)")
    c.set_defaults(handler=cmd_results_import)
    c.add_argument("file")
    c.add_argument("--json", action="store_true")

    c = what.add_parser("weight", help="record the patient's weight at this visit (nurse)")
    c.set_defaults(handler=cmd_results_weight)
    c.add_argument("--mrn", required=True)
    c.add_argument("--kg", required=True)
    c.add_argument("--on", help="YYYY-MM-DD (default today)")

    c = what.add_parser("ack", help="acknowledge a result alert with a note (nurse)")
    c.set_defaults(handler=cmd_results_ack)
    c.add_argument("alert", type=int, help="alert id")
    c.add_argument("--note", required=True)

    c = what.add_parser("crcl", help="creatinine clearance (Cockcroft-Gault) with its inputs")
    c.set_defaults(handler=cmd_results_crcl)
    c.add_argument("--mrn", required=True)
    c.add_argument("--on", help="YYYY-MM-DD (default today)")
