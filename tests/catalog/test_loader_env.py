"""``$ROLEADVISOR_CATALOG`` and ``--catalog``: empty means the built-in catalogue, blank is an error saying so."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from roleadvisor.catalog.loader import builtin_catalog_dir, resolve_catalog_dir
from roleadvisor.errors import CatalogError

from ..conftest import installed_command

BLANK = "catalogue directory {!r} is blank (only whitespace): name a directory, or leave $ROLEADVISOR_CATALOG empty or unset to use the built-in catalogue"


def run(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*installed_command(), *args],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=60,
        check=False,
    )


def test_empty_variable_means_the_builtin_catalogue() -> None:
    result = run("roles", env={"ROLEADVISOR_CATALOG": ""})
    assert result.returncode == 0, result.stderr
    assert "ml-engineer" in result.stdout


@pytest.mark.parametrize("value", [" ", "   ", "\t"])
def test_blank_variable_is_one_error_saying_so(value: str) -> None:
    result = run("roles", env={"ROLEADVISOR_CATALOG": value})
    assert result.returncode == 2
    assert result.stderr == f"error: {BLANK.format(value)}\n"
    assert result.stdout == ""


@pytest.mark.parametrize("args", [("--catalog", " ", "roles"), ("catalog", "validate", " ")])
def test_blank_directory_on_the_command_line(args: tuple[str, ...]) -> None:
    result = run(*args, env={})
    assert result.returncode == 2
    assert result.stderr == f"error: {BLANK.format(' ')}\n"


def test_resolve(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("ROLEADVISOR_CATALOG", raising=False)
    assert resolve_catalog_dir() == (builtin_catalog_dir(), True)
    monkeypatch.setenv("ROLEADVISOR_CATALOG", "")
    assert resolve_catalog_dir() == (builtin_catalog_dir(), True)
    monkeypatch.setenv("ROLEADVISOR_CATALOG", f" {tmp_path} ")
    assert resolve_catalog_dir() == (tmp_path, False)  # surrounding spaces are trimmed, as before
    monkeypatch.setenv("ROLEADVISOR_CATALOG", "  ")
    with pytest.raises(CatalogError, match="is blank"):
        resolve_catalog_dir()
    with pytest.raises(CatalogError, match="is blank"):
        resolve_catalog_dir(Path(" "))
    assert resolve_catalog_dir(tmp_path) == (tmp_path, False)
