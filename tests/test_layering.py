"""Imports point inward: the domain is pure, and no layer has a side door to another.

The domain imports no Qt, no SQLAlchemy and no other layer. Only persistence (and the
composition root, ``bootstrap``) imports SQLAlchemy; the services do not reach back to the
composition root that builds them; the exports only write files (the export and letter
services check and audit); the shells (the CLI, the GUI and its composition root ``app``)
reach the database through the services and ``bootstrap``; and no export module keeps a Qt
application of its own in a module-level variable.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "clinic_app"
FORBIDDEN = {
    "domain": (
        "PySide6",
        "sqlalchemy",
        "alembic",
        "clinic_app.persistence",
        "clinic_app.services",
        "clinic_app.gui",
        "clinic_app.bootstrap",
    ),
    "persistence": ("PySide6", "clinic_app.services", "clinic_app.gui", "clinic_app.bootstrap"),
    "services": ("PySide6", "clinic_app.gui", "clinic_app.bootstrap"),
    "exports": (
        "clinic_app.gui",
        "clinic_app.persistence",
        # Authorising, checking and auditing an export or a letter is the services' job (the
        # export service, LetterService.write_letters), not the writers': they act for no user
        # and call no service.
        "clinic_app.services.authorization",
        "clinic_app.services.export_log",
        "clinic_app.services.actor",
        "clinic_app.services.validation",
        "clinic_app.bootstrap",
    ),
    # The shells: the database is opened by bootstrap (which also hands them the database
    # errors they tell apart) and used through the services. The CLI starts the server only
    # in ``serve`` (see test_cli_imports_the_server_only_to_serve).
    "cli": ("clinic_app.persistence", "sqlalchemy", "fastapi", "uvicorn"),
    # The server and the remote adapter use the services and bootstrap; the database only
    # through bootstrap; neither knows the other (they share clinic_app.service_api).
    "server": (
        "clinic_app.persistence",
        "sqlalchemy",
        "PySide6",
        "clinic_app.gui",
        "clinic_app.cli",
        "clinic_app.client",
    ),
    "client": (
        "clinic_app.persistence",
        "sqlalchemy",
        "PySide6",
        "clinic_app.gui",
        "clinic_app.cli",
        "clinic_app.server",
        "clinic_app.bootstrap",
        "fastapi",
        "uvicorn",
    ),
    "service_api": (
        "clinic_app.persistence",
        "sqlalchemy",
        "PySide6",
        "clinic_app.gui",
        "clinic_app.server",
        "clinic_app.client",
        "fastapi",
    ),
    "cli_results": ("clinic_app.persistence", "sqlalchemy"),
    "app": ("clinic_app.persistence", "sqlalchemy", "alembic"),
    "gui": (
        "clinic_app.persistence",
        "sqlalchemy",
        "alembic",
        "clinic_app.server",
        "fastapi",
        "uvicorn",
    ),
}


def layer_files(layer: str) -> list[Path]:
    """The Python files of a layer: a package's modules, or one module at the top level."""
    folder = PACKAGE / layer
    return sorted(folder.rglob("*.py")) if folder.is_dir() else [PACKAGE / f"{layer}.py"]


def imported_modules(path: Path, *, skip_function: str | None = None) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name == skip_function:
            skipped.update(id(inner) for inner in ast.walk(node))
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_point_inward(layer: str) -> None:
    files = layer_files(layer)
    assert files and all(path.exists() for path in files), f"no module for {layer}"
    offenders = []
    for path in files:
        # The CLI's serve command is the server's launcher: it alone imports the server.
        skip = "_serve" if layer == "cli" else None
        for name in imported_modules(path, skip_function=skip):
            if any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN[layer]):
                offenders.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert offenders == []


def test_exports_keep_no_qt_application_at_module_level() -> None:
    """A Qt application in a module-level variable is global state every test would share;
    whoever needs one asks ``QCoreApplication.instance()`` or makes it in a function."""
    offenders = []
    for path in layer_files("exports"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if not isinstance(node, ast.Assign | ast.AnnAssign | ast.AugAssign):
                continue
            if "Application" in ast.unparse(node):
                offenders.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert offenders == []


def test_cli_imports_the_server_only_to_serve() -> None:
    """``clinic-app serve`` starts the server; no other part of the CLI imports it."""
    cli = PACKAGE / "cli.py"
    everywhere = imported_modules(cli)
    outside_serve = imported_modules(cli, skip_function="_serve")
    assert "clinic_app.server.serve" in everywhere
    assert not any(name.startswith("clinic_app.server") for name in outside_serve)


# Writes made for nobody in particular: the token is the caller's only proof, and the rows
# they touch (user_sessions) carry no audit trigger.
WRITES_WITHOUT_ACTOR = {("sessions.py", "logout")}


def test_every_service_write_names_its_user() -> None:
    """On PostgreSQL the audit triggers refuse a write that does not set ``clinic.actor``
    (revision 0011), which ``Database.write(actor)`` does: a service that opens
    ``db.write()`` without the user works on SQLite and fails on the clinic server."""
    nameless = []
    for path in sorted((PACKAGE / "services").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(function):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "write"
                    and ast.unparse(node.func.value).split(".")[-1] == "db"
                    and not node.args
                    and not node.keywords
                    and (path.name, function.name) not in WRITES_WITHOUT_ACTOR
                ):
                    nameless.append(f"{path.name}:{node.lineno} in {function.name}")
    assert nameless == []
