"""The README documents every command, and every command's --help has examples."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer

from roleadvisor.cli import app
from tests.conftest import Invoke

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _commands() -> list[str]:
    group = typer.main.get_group(app)
    names: list[str] = []
    for name, command in group.commands.items():
        sub = getattr(command, "commands", None)
        if sub:
            names += [f"{name} {child}" for child in sub]
        else:
            names.append(name)
    return sorted(names)


def test_the_command_list_is_what_we_think() -> None:
    assert _commands() == [
        "assess", "batch", "catalog init", "catalog validate", "cohort", "compare", "decode",
        "lifecycle", "rank", "role", "roles", "schema", "skills",
    ]  # fmt: skip


@pytest.mark.parametrize("command", _commands())
def test_readme_documents_the_command(command: str) -> None:
    assert f"| `roleadvisor {command}" in README, f"the README's command table lacks {command}"
    assert f"roleadvisor {command}" in README.split("## Commands", 1)[1]


@pytest.mark.parametrize("command", _commands())
def test_help_has_examples(invoke: Invoke, command: str) -> None:
    result = invoke(*command.split(), "--help")
    assert result.exit_code == 0
    assert "Example" in result.stdout
    assert f"roleadvisor {command}" in result.stdout
