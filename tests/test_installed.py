"""The installed `roleadvisor` command as a subprocess: pipes, </dev/null, NO_COLOR."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

from .conftest import MLE, installed_command, rate_args


def run(
    *args: str,
    stdin: int | None = subprocess.DEVNULL,
    input: str | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if k not in {"NO_COLOR", "COLUMNS"}}
    full_env.update(env or {})
    return subprocess.run(
        [*installed_command(), *args],
        stdin=None if input is not None else stdin,
        input=input,
        capture_output=True,
        text=True,
        env=full_env,
        timeout=60,
        check=False,
    )


def test_json_through_a_pipe_to_json_tool() -> None:
    producer = subprocess.Popen(
        [*installed_command(), "assess", *rate_args(MLE), "--format", "json"],
        stdout=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
    )
    checked = subprocess.run(
        [sys.executable, "-m", "json.tool"],
        stdin=producer.stdout,
        capture_output=True,
        text=True,
        check=False,
    )
    assert producer.wait(timeout=60) == 0
    assert checked.returncode == 0
    assert json.loads(checked.stdout)["roles"][0]["id"] == "ml-engineer"


def test_dev_null_never_prompts() -> None:
    result = run("assess", "--rate", "ml=3")
    assert result.returncode == 2
    assert result.stderr.startswith("error: missing ratings for systems, databases")
    assert result.stdout == ""
    assert "Traceback" not in result.stderr


def test_profile_from_a_pipe() -> None:
    result = run("assess", "--profile", "-", "--format", "json", input=json.dumps({"ratings": MLE}))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["profile"]["ratings"] == MLE


def colour_codes(text: str) -> list[str]:
    """SGR parameters that set a foreground or background colour (bold/dim are not colour)."""
    params = [p for seq in re.findall(r"\x1b\[([0-9;]*)m", text) for p in seq.split(";")]
    return [p for p in params if p.isdigit() and (30 <= int(p) <= 49 or 90 <= int(p) <= 107)]


def test_no_color_and_colour_when_forced() -> None:
    plain = run("assess", *rate_args(MLE), env={"NO_COLOR": "1", "FORCE_COLOR": "1"})
    assert plain.returncode == 0
    assert colour_codes(plain.stdout) == []
    coloured = run("assess", *rate_args(MLE), env={"FORCE_COLOR": "1"})
    assert colour_codes(coloured.stdout) != []
    piped = run("assess", *rate_args(MLE))
    assert "\x1b[" not in piped.stdout


def test_python_dash_m() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "roleadvisor", "--version"],
        capture_output=True,
        text=True,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0
    assert result.stdout.startswith("roleadvisor ")


def test_runs_from_another_directory(tmp_path: object) -> None:
    result = subprocess.run(
        [*installed_command(), "assess", *rate_args(MLE), "-f", "json"],
        cwd=str(tmp_path),
        capture_output=True,
        text=True,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["catalog"]["source"] == "built-in"
