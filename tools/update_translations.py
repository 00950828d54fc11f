"""Update the Qt Linguist translations: extract with pyside6-lupdate, then build the .qm files.

Run from the repository root after changing any user-visible string::

    python tools/update_translations.py          # update .ts files and rebuild .qm
    python tools/update_translations.py --check  # exit 1 if a .ts/.qm is out of date

What it does:

1. ``pyside6-lupdate`` reads every ``clinic_app/**/*.py`` into a temporary ``.ts``.
2. lupdate only knows ``self.tr("text")`` (context: the enclosing class) and
   ``QCoreApplication.translate("Context", "text")``. Many modules translate through a
   module-level helper ``tr(text)`` (or ``_tr``, passed to lupdate with -tr-function-alias)
   that calls ``QCoreApplication.translate(CONTEXT, text)``, or a local alias
   ``tr = QCoreApplication.translate``. lupdate files those under the
   enclosing class (or the empty context), so this script reads each module's syntax tree and
   moves every such message to the context the helper uses at run time.
3. The messages are merged into ``resources/translations/clinic_app_<lang>.ts`` (existing
   translations kept; a new message whose English text is already translated elsewhere
   reuses that translation; everything else is written ``type="unfinished"``; messages no
   longer in the source are dropped) and into the template ``clinic_app.ts``.
4. ``pyside6-lrelease`` compiles each language file into the committed ``.qm``.

``tests/gui/test_translations.py`` runs :func:`extract_messages` again and fails when the
committed German file misses a message or has an unfinished one.
"""

from __future__ import annotations

import argparse
import ast
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "clinic_app"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("de",)
TEMPLATE = "clinic_app.ts"
#: Names of the module-level helpers ``def tr(text)`` / ``def _tr(text)`` that translate in
#: the module's CONTEXT (lupdate is told that ``_tr`` is spelled like ``tr``).
HELPER_NAMES = ("tr", "_tr")


def qt_tool(name: str) -> str:
    """The path of a PySide6 tool (next to the running Python, else on PATH)."""
    candidate = Path(sys.executable).parent / name
    return str(candidate) if candidate.exists() else name


@dataclass
class Message:
    """One translatable text: its context, English source and where it is used."""

    context: str
    source: str
    comment: str | None = None
    locations: list[tuple[str, int]] = field(default_factory=list)


# -- the run-time context of module-level tr() helpers ---------------------------------------


def _str_const(node: ast.AST | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _module_name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts)


def _helper_context(tree: ast.Module) -> str | None:
    """The context of a module-level ``def tr(text)`` helper, when the module defines one."""
    constants: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            value = _str_const(node.value)
            if isinstance(target, ast.Name) and value is not None:
                constants[target.id] = value
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name in HELPER_NAMES:
            for call in ast.walk(node):
                if (
                    isinstance(call, ast.Call)
                    and isinstance(call.func, ast.Attribute)
                    and call.func.attr == "translate"
                    and call.args
                ):
                    first = call.args[0]
                    if isinstance(first, ast.Name) and first.id in constants:
                        return constants[first.id]
                    if _str_const(first) is not None:
                        return _str_const(first)
    return None


def _helper_contexts(files: list[Path]) -> dict[Path, str]:
    """For each module: the context its bare ``tr(text)`` calls translate in."""
    trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in files}
    own = {_module_name(path): _helper_context(tree) for path, tree in trees.items()}
    result: dict[Path, str] = {}
    for path, tree in trees.items():
        context = own[_module_name(path)]
        if context is None:
            for node in tree.body:
                if (
                    isinstance(node, ast.ImportFrom)
                    and node.module in own
                    and any(
                        alias.name in HELPER_NAMES and alias.asname is None for alias in node.names
                    )
                ):
                    context = own[node.module]
        if context is not None:
            result[path] = context
    return result


def _bare_tr_calls(path: Path, helper_context: str | None) -> dict[int, list[tuple[str, str]]]:
    """Line -> (run-time context, source) of every bare ``tr(...)`` call in the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    calls: dict[int, list[tuple[str, str]]] = defaultdict(list)
    # ``tr = self.tr`` inside a method: bare tr() there translates in the class's context.
    self_alias: dict[int, str] = {}
    for cls in ast.walk(tree):
        if not isinstance(cls, ast.ClassDef):
            continue
        for function in ast.walk(cls):
            if not isinstance(function, ast.FunctionDef):
                continue
            for stmt in ast.walk(function):
                if (
                    isinstance(stmt, ast.Assign)
                    and any(isinstance(t, ast.Name) and t.id == "tr" for t in stmt.targets)
                    and isinstance(stmt.value, ast.Attribute)
                    and stmt.value.attr == "tr"
                ):
                    for inner in ast.walk(function):
                        if isinstance(inner, ast.Call):
                            self_alias[id(inner)] = cls.name
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
            continue
        if node.func.id not in HELPER_NAMES or not node.args:
            continue
        first = _str_const(node.args[0])
        second = _str_const(node.args[1]) if len(node.args) > 1 else None
        if first is None:
            continue
        if second is not None:  # tr = QCoreApplication.translate: tr("Context", "text")
            entry = (first, second)
        elif id(node) in self_alias:
            entry = (self_alias[id(node)], first)
        elif helper_context is not None:
            entry = (helper_context, first)
        else:
            continue
        end = node.end_lineno or node.lineno
        for line in range(node.lineno, end + 1):
            calls[line].append(entry)
    return calls


# -- extraction --------------------------------------------------------------------------------


def source_files() -> list[Path]:
    """Every Python module of the package, in a stable order."""
    return sorted(PACKAGE.rglob("*.py"))


def run_lupdate(files: list[Path], ts_file: Path) -> None:
    """pyside6-lupdate over ``files`` into a fresh ``ts_file`` (no obsolete entries)."""
    subprocess.run(
        [qt_tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "absolute"]
        + ["-tr-function-alias", "tr+=_tr"]
        + [str(path) for path in files]
        + ["-ts", str(ts_file)],
        check=True,
        cwd=ROOT,
    )


def _resolve(location_file: str, ts_file: Path) -> Path:
    return (ts_file.parent / location_file).resolve()


def extract_messages() -> list[Message]:
    """Every translatable message of the package, in the context it is looked up at run time."""
    files = source_files()
    helper = _helper_contexts(files)
    with tempfile.TemporaryDirectory() as tmp:
        ts_file = Path(tmp) / "extract.ts"
        run_lupdate(files, ts_file)
        root = ET.parse(ts_file).getroot()
        raw: list[tuple[str, str, str | None, list[tuple[Path, int]]]] = []
        for context in root.findall("context"):
            name = context.findtext("name") or ""
            for message in context.findall("message"):
                locations = [
                    (_resolve(loc.get("filename", ""), ts_file), int(loc.get("line", "0")))
                    for loc in message.findall("location")
                ]
                raw.append(
                    (name, message.findtext("source") or "", message.findtext("comment"), locations)
                )
    bare_cache: dict[Path, dict[int, list[tuple[str, str]]]] = {}
    merged: dict[tuple[str, str], Message] = {}
    for context, source, comment, locations in raw:
        for path, line in locations:
            if path not in bare_cache:
                bare_cache[path] = _bare_tr_calls(path, helper.get(path))
            target = (context, source, comment)
            for run_context, run_source in bare_cache[path].get(line, []):
                if comment is not None and (run_context, run_source) == (source, comment):
                    target = (run_context, run_source, None)  # tr("Context", "text")
                    break
                if run_source == source and comment is None:
                    target = (run_context, run_source, None)
                    break
            key = (target[0], target[1])
            message = merged.setdefault(key, Message(target[0], target[1], target[2]))
            message.locations.append((path.relative_to(ROOT).as_posix(), line))
    return sorted(merged.values(), key=lambda m: (m.context, m.source))


# -- .ts files ---------------------------------------------------------------------------------


def read_translations(ts_file: Path) -> dict[tuple[str, str], tuple[str, bool]]:
    """(context, source) -> (translation, finished) of an existing .ts file."""
    if not ts_file.exists():
        return {}
    result: dict[tuple[str, str], tuple[str, bool]] = {}
    for context in ET.parse(ts_file).getroot().findall("context"):
        name = context.findtext("name") or ""
        for message in context.findall("message"):
            element = message.find("translation")
            text = (element.text or "") if element is not None else ""
            finished = element is not None and element.get("type") is None and bool(text)
            result[(name, message.findtext("source") or "")] = (text, finished)
    return result


def write_ts(
    ts_file: Path,
    messages: list[Message],
    language: str | None,
    old: dict[tuple[str, str], tuple[str, bool]],
) -> tuple[int, int]:
    """Write ``messages`` with the translations of ``old``; returns (messages, unfinished)."""
    by_source = {src: text for (_ctx, src), (text, done) in old.items() if done}
    root = ET.Element("TS", {"version": "2.1"})
    if language:
        root.set("language", language)
        root.set("sourcelanguage", "en")
    unfinished = 0
    by_context: dict[str, list[Message]] = defaultdict(list)
    for message in messages:
        by_context[message.context].append(message)
    for name in sorted(by_context):
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = name
        for message in by_context[name]:
            element = ET.SubElement(context, "message")
            # File names only: line numbers would make every unrelated edit stale the .ts.
            for filename in sorted({filename for filename, _line in message.locations}):
                ET.SubElement(element, "location", {"filename": filename})
            ET.SubElement(element, "source").text = message.source
            if message.comment:
                ET.SubElement(element, "comment").text = message.comment
            text, done = old.get((message.context, message.source), ("", False))
            if not done and message.source in by_source:
                text, done = by_source[message.source], True
            translation = ET.SubElement(element, "translation")
            if language and done:
                translation.text = text
            else:
                translation.set("type", "unfinished")
                translation.text = text if language else None
                unfinished += 1
    ET.indent(root, space="    ")
    body = ET.tostring(root, encoding="unicode")
    ts_file.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )
    return len(messages), unfinished


def release(ts_file: Path, qm_file: Path) -> None:
    """Compile ``ts_file`` into ``qm_file`` with pyside6-lrelease."""
    subprocess.run(
        [qt_tool("pyside6-lrelease"), "-silent", str(ts_file), "-qm", str(qm_file)],
        check=True,
        cwd=ROOT,
    )


def main(argv: list[str] | None = None) -> int:
    """Update every .ts file from the source and rebuild the .qm files."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail when anything is out of date")
    args = parser.parse_args(argv)
    messages = extract_messages()
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    outdated: list[str] = []
    targets = [(TRANSLATIONS / TEMPLATE, None)] + [
        (TRANSLATIONS / f"clinic_app_{lang}.ts", lang) for lang in LANGUAGES
    ]
    for ts_file, language in targets:
        before = ts_file.read_bytes() if ts_file.exists() else b""
        old = read_translations(ts_file)
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / ts_file.name if args.check else ts_file
            total, unfinished = write_ts(out, messages, language, old)
            if args.check and out.read_bytes() != before:
                outdated.append(ts_file.name)
            if language:
                qm_file = ts_file.with_suffix(".qm")
                fresh = Path(tmp) / qm_file.name
                release(out, fresh)
                if args.check:
                    if not qm_file.exists() or qm_file.read_bytes() != fresh.read_bytes():
                        outdated.append(qm_file.name)
                else:
                    qm_file.write_bytes(fresh.read_bytes())
        print(f"{ts_file.name}: {total} messages, {unfinished} unfinished")
    if outdated:
        print("out of date: " + ", ".join(outdated) + " (run tools/update_translations.py)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
