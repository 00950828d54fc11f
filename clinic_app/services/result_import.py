"""Reading laboratory result files: CSV, and HL7 v2 ORU^R01 messages (parsed by hl7apy).

A file becomes a list of ``PendingResult`` (one per result) plus the problems found while
reading it, each naming its line (CSV) or message and segment (HL7). The service checks the
results against the database and records all of them or none.

CSV: a header row with the columns ``mrn, lab_id, test, value, unit`` and optionally
``drawn_at`` (local ``YYYY-MM-DDTHH:MM``; default: the draw's booked time) and ``flag``.

HL7 v2: one or more ORU^R01 messages. PID-3 is the patient's MRN, OBR-2 (placer order number)
the clinic's lab draw id, OBR-7 the observation time (local clinic time), and each OBX one
result: OBX-3 the test code (the rules file's codes), OBX-5 the value, OBX-6 the unit, OBX-8
the lab's flag.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from clinic_app.services.visit_views import ImportProblem

if TYPE_CHECKING:
    from hl7apy.core import Field, Message, Segment

# hl7apy is imported by the functions that read HL7, on the first HL7 file: every start of
# the app (and every command) builds the results service, few ever import a file.

CSV_REQUIRED = ("mrn", "lab_id", "test", "value", "unit")
CSV_OPTIONAL = ("drawn_at", "flag")
MAX_FILE_BYTES = 5_000_000  # a laboratory batch, not a database dump


@dataclass(frozen=True, slots=True)
class PendingResult:
    """A result waiting to be checked and written: from a nurse's form or an import line.

    ``where`` names its origin for messages ("line 4", "message 1, OBX 2"); ``mrn`` is the
    patient the source says it belongs to (checked against the draw); ``drawn_at`` None means
    the draw's booked time.
    """

    where: str
    lab_id: int | str
    test: str
    value: float | str
    unit: str
    flag: str | None = None
    mrn: str | None = None
    drawn_at: str | datetime | None = None


def problem_order(problem: ImportProblem) -> tuple[int, ...]:
    """Problems in the file's order: "line 3" < "line 12"; "message 1, OBX 2" < "message 2"."""
    return tuple(int(n) for n in re.findall(r"\d+", problem.where))


def read_results_file(
    path: Path,
) -> tuple[str, list[PendingResult], list[ImportProblem]]:
    """The file's name, its results and the problems found reading it."""
    source = path.name
    try:
        data = path.read_bytes()
    except OSError as error:
        return source, [], [ImportProblem(source, f"file: cannot be read ({error.strerror})")]
    if len(data) > MAX_FILE_BYTES:
        return source, [], [ImportProblem(source, f"file: larger than {MAX_FILE_BYTES} bytes")]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return source, [], [ImportProblem(source, f"file: not UTF-8 text ({error.reason})")]
    if text.lstrip().startswith("MSH"):
        pending, problems = read_hl7(text)
    else:
        pending, problems = read_csv(text)
    return source, pending, problems


def read_csv(text: str) -> tuple[list[PendingResult], list[ImportProblem]]:
    """Results of a CSV text with a header row."""
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [name.strip() for name in (reader.fieldnames or [])]
    missing = [c for c in CSV_REQUIRED if c not in header]
    if missing:
        problem = (
            f"header: missing column {', '.join(missing)} (needs {', '.join(CSV_REQUIRED)}; "
            f"may have {', '.join(CSV_OPTIONAL)})"
        )
        return [], [ImportProblem("line 1", problem)]
    unknown = [c for c in header if c not in CSV_REQUIRED + CSV_OPTIONAL]
    if unknown:
        return [], [ImportProblem("line 1", f"header: unknown column {unknown[0]!r}")]
    reader.fieldnames = header
    pending: list[PendingResult] = []
    problems: list[ImportProblem] = []
    for row in reader:
        where = f"line {reader.line_num}"
        if None in row:
            problems.append(ImportProblem(where, "line: more values than header columns"))
            continue
        values = {k: (v or "").strip() for k, v in row.items()}
        if not any(values.values()):
            continue  # a blank line
        absent = [c for c in CSV_REQUIRED if not values.get(c)]
        if absent:
            problems.append(
                ImportProblem(where, f"{absent[0]}: missing (line truncated or empty field)")
            )
            continue
        pending.append(
            PendingResult(
                where=where,
                lab_id=values["lab_id"],
                test=values["test"],
                value=values["value"],
                unit=values["unit"],
                flag=values.get("flag") or None,
                mrn=values["mrn"],
                drawn_at=values.get("drawn_at") or None,
            )
        )
    return pending, problems


def _split_messages(text: str) -> list[str]:
    """HL7 framing: segments end in CR (or LF); each message starts with an MSH segment."""
    segments = [s for s in text.replace("\r\n", "\r").replace("\n", "\r").split("\r") if s]
    messages: list[list[str]] = []
    for segment in segments:
        if segment.startswith("MSH") or not messages:
            messages.append([])
        messages[-1].append(segment)
    return ["\r".join(m) for m in messages]


def _first(field: Field | Segment | None) -> str:
    """The first component of a field as text (the whole field when it has none)."""
    from hl7apy.core import Segment

    if field is None:
        return ""
    children = list(getattr(field, "children", []))
    if children and not isinstance(field, Segment):
        return str(children[0].to_er7()).strip()
    return str(field.to_er7()).strip()


def _field(segment: Segment, name: str) -> Field | None:
    """A field of a segment by its name (``obx_5``), or None when the segment lacks it."""
    from hl7apy.exceptions import HL7apyException

    try:
        found = getattr(segment, name)
    except (HL7apyException, AttributeError, LookupError):
        return None
    return found if found.to_er7() else None


def _hl7_time(value: str) -> str | None:
    """HL7 TS (YYYYMMDDHHMM[SS]) as local ``YYYY-MM-DDTHH:MM`` text, or None when invalid."""
    digits = value.split("+")[0].split("-")[0].split(".")[0]
    # strptime is lenient about field widths ("1730" fits %M%S too): pick by length.
    pattern = {12: "%Y%m%d%H%M", 14: "%Y%m%d%H%M%S"}.get(len(digits))
    if pattern is None or not digits.isdigit():
        return None
    try:
        return datetime.strptime(digits, pattern).strftime("%Y-%m-%dT%H:%M")
    except ValueError:
        return None


def read_hl7(text: str) -> tuple[list[PendingResult], list[ImportProblem]]:
    """Results of one or more HL7 v2 ORU^R01 messages."""
    from hl7apy.consts import VALIDATION_LEVEL
    from hl7apy.exceptions import HL7apyException
    from hl7apy.parser import parse_message

    pending: list[PendingResult] = []
    problems: list[ImportProblem] = []
    for number, raw in enumerate(_split_messages(text), start=1):
        where = f"message {number}"
        try:
            message: Message = parse_message(
                raw, find_groups=False, validation_level=VALIDATION_LEVEL.TOLERANT
            )
        except HL7apyException as error:
            problems.append(ImportProblem(where, f"message: not valid HL7 v2 ({error})"))
            continue
        kind = str(message.msh.msh_9.to_er7()) if _field(message.msh, "msh_9") else ""
        if kind.split("^")[:2] != ["ORU", "R01"]:
            problems.append(
                ImportProblem(where, f"MSH-9: not an ORU^R01 result message ({kind or 'none'})")
            )
            continue
        segments = list(message.children)
        pids = [s for s in segments if s.name == "PID"]
        obrs = [s for s in segments if s.name == "OBR"]
        if not pids or not obrs:
            missing = "PID" if not pids else "OBR"
            problems.append(ImportProblem(where, f"{missing}: segment missing (truncated?)"))
            continue
        mrn = _first(_field(pids[0], "pid_3"))
        if not mrn:
            problems.append(ImportProblem(f"{where}, PID", "PID-3: no patient MRN"))
            continue
        found = _read_observations(where, mrn, segments, pending, problems)
        if not found:
            problems.append(ImportProblem(where, "OBX: no result segment (truncated?)"))
    return pending, problems


def _read_observations(
    where: str,
    mrn: str,
    segments: list[Segment],
    pending: list[PendingResult],
    problems: list[ImportProblem],
) -> int:
    """The OBX results of one message, each under the OBR before it; returns how many."""
    lab_id, drawn_at, count = "", None, 0
    for segment in segments:
        if segment.name == "OBR":
            lab_id = _first(_field(segment, "obr_2"))
            observed = _first(_field(segment, "obr_7"))
            drawn_at = _hl7_time(observed) if observed else None
            if not lab_id:
                problems.append(ImportProblem(f"{where}, OBR", "OBR-2: no lab draw id"))
            if observed and drawn_at is None:
                problems.append(
                    ImportProblem(f"{where}, OBR", f"OBR-7: {observed!r} is not a time")
                )
            continue
        if segment.name != "OBX":
            continue
        count += 1
        here = f"{where}, OBX {count}"
        if not lab_id:
            continue  # the OBR's problem is already reported
        pending.append(
            PendingResult(
                where=here,
                lab_id=lab_id,
                test=_first(_field(segment, "obx_3")),
                value=_first(_field(segment, "obx_5")),
                unit=_first(_field(segment, "obx_6")),
                flag=_first(_field(segment, "obx_8")) or None,
                mrn=mrn,
                drawn_at=drawn_at,
            )
        )
    return count
