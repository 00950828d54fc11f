"""The exit codes are a contract: the README's table, cli.py's table and the code agree."""

from __future__ import annotations

import re
from pathlib import Path

from clinic_app import cli

README = Path(__file__).resolve().parents[2] / "README.md"
ROW = re.compile(r"^\| `(\d+)` \| (.+) \|$", re.MULTILINE)


def _readme_table() -> str:
    text = README.read_text(encoding="utf-8")
    return text.split("<!-- exit-codes -->\n", 1)[1].split("<!-- /exit-codes -->", 1)[0]


def test_the_readme_and_the_cli_docstring_hold_one_table() -> None:
    table = _readme_table()
    assert ROW.findall(table), "the README's exit-code table is missing"
    assert table.strip() in (cli.__doc__ or "")


def test_every_exit_code_of_the_cli_is_in_the_table() -> None:
    documented = {int(code) for code, _ in ROW.findall(_readme_table())}
    constants = {value for name, value in vars(cli).items() if name.startswith("EXIT_")}
    assert documented == constants == {0, 1, 2, 3, 4, 5, 70, 130}
