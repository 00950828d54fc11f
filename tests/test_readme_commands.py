"""The README's two fresh-machine commands: each one line, each making and using its own
virtual environment (PEP 668 system Pythons refuse pip), and CI running the test one exactly."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
CI = (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def fresh_machine_commands() -> list[str]:
    """The shell blocks of the README's 'On a fresh machine' section."""
    section = README.split("## On a fresh machine", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.*?)\n```", section, flags=re.DOTALL)


def apt_packages(command: str) -> set[str]:
    match = re.search(r"apt-get install -y ([^&]+)&&", command)
    assert match, command
    return set(match.group(1).split())


def test_two_commands_of_one_line_each() -> None:
    commands = fresh_machine_commands()
    assert len(commands) == 2
    assert all("\n" not in command for command in commands)


def test_each_makes_and_uses_its_own_virtual_environment() -> None:
    gui, tests = fresh_machine_commands()
    for command in (gui, tests):
        assert "python3 -m venv .venv && .venv/bin/pip install -e " in command
        assert "python3 -m pip" not in command and " pip install" not in command
        assert "python3-venv" in apt_packages(command)  # Debian's python3 lacks ensurepip
    assert gui.endswith("&& .venv/bin/clinic-app")
    assert tests.endswith(
        "&& .venv/bin/pip install -e '.[test]' "
        "&& .venv/bin/python -m pytest -q -n 2 --dist loadfile"
    )
    assert "`python3 -m venv .venv`" in README


def test_the_window_needs_what_the_tests_need_and_the_window_system() -> None:
    gui, tests = fresh_machine_commands()
    assert apt_packages(tests) <= apt_packages(gui)
    assert {"libxcb-cursor0", "libxkbcommon-x11-0"} <= apt_packages(gui) - apt_packages(tests)


def test_ci_runs_the_readme_test_command_exactly() -> None:
    _, tests = fresh_machine_commands()
    assert tests in CI.splitlines()
