"""The interactive flow in a real pseudo-terminal (pexpect), including a re-ask."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pexpect

from .conftest import installed_command


def test_prompts_for_missing_skills_and_reasks_on_bad_input(tmp_path: Path) -> None:
    report = str(tmp_path / "r.json")
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100"}
    child = pexpect.spawn(
        installed_command()[0],
        [
            "assess",
            "--rate",
            "systems=4",
            "--rate",
            "databases=3",
            "--rate",
            "ml=4",
            "--rate",
            "algorithms=3",
            "--rate",
            "stats=2",
            "--rate",
            "sme=2",
            "--output",
            report,
        ],
        env=env,
        encoding="utf-8",
        timeout=30,
    )
    child.expect("Rate yourself in 2 skill areas")
    child.expect("1/2 Product")
    child.expect("Scopes a project")  # the level descriptors are shown
    child.expect(r"Your level for Product \[0-5\]: ")
    child.sendline("nine")
    child.expect("'nine' is not a level")
    child.expect(r"Your level for Product \[0-5\]: ")
    child.sendline("1")
    child.expect("2/2 Communication")
    child.expect(r"Your level for Communication \[0-5\]: ")
    child.sendline("3")
    child.expect("Wrote json report to")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    data = json.loads(Path(report).read_text(encoding="utf-8"))
    assert data["profile"]["ratings"]["product"] == 1
    assert data["profile"]["ratings"]["communication"] == 3
    assert data["roles"][0]["id"] == "ml-engineer"


def test_end_of_input_while_prompting_is_an_error() -> None:
    child = pexpect.spawn(
        installed_command()[0],
        ["assess", "--rate", "ml=3"],
        env={**os.environ, "NO_COLOR": "1"},
        encoding="utf-8",
        timeout=30,
    )
    child.expect(r"Your level for Systems \[0-5\]: ")
    child.sendeof()
    child.expect("input ended before every skill was rated")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 2


def test_no_input_flag_never_prompts_even_on_a_terminal() -> None:
    child = pexpect.spawn(
        installed_command()[0],
        ["assess", "--no-input", "--rate", "ml=3"],
        env={**os.environ, "NO_COLOR": "1"},
        encoding="utf-8",
        timeout=30,
    )
    child.expect("missing ratings for systems")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 2


def test_batch_progress_bar_on_a_terminal_only(tmp_path: Path) -> None:
    import subprocess

    import numpy as np

    skills = ["systems", "databases", "ml", "algorithms", "stats", "sme", "product", "communication"]
    levels = np.random.default_rng(5).integers(0, 6, size=(600_000, len(skills)))
    source = tmp_path / "many.csv"
    body = "\n".join(f"p{i}," + ",".join(map(str, row)) for i, row in enumerate(levels.tolist()))
    source.write_text("id," + ",".join(skills) + "\n" + body + "\n")
    target = tmp_path / "out.jsonl"
    child = pexpect.spawn(
        installed_command()[0],
        ["batch", str(source), "-o", str(target)],
        env={**os.environ, "NO_COLOR": "1", "COLUMNS": "100"},
        encoding="utf-8",
        timeout=120,
    )
    child.expect("scoring")  # the progress bar, drawn on stderr once the run takes a moment
    child.expect("batch: 600,000 records, 600,000 scored, 0 failed")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    piped = subprocess.run(
        [*installed_command(), "batch", str(source), "-o", str(target)],
        capture_output=True,
        text=True,
        check=False,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )
    assert piped.returncode == 0
    assert piped.stderr == f"batch: 600,000 records, 600,000 scored, 0 failed; written to {target}\n"


def test_decode_on_a_terminal_without_text_does_not_wait_for_input() -> None:
    child = pexpect.spawn(
        installed_command()[0], ["decode"], env={**os.environ, "NO_COLOR": "1"}, encoding="utf-8", timeout=15
    )
    child.expect("error: nothing to decode: give a job title")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 2
