"""The interactive flow in a real pseudo-terminal (pexpect), including a re-ask, level labels,
and the answers kept when Ctrl-D or Ctrl-C stops the prompt."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pexpect

from roleadvisor.catalog.models import Catalog
from roleadvisor.interactive import answer_hint

from .conftest import MLE, installed_command, rate_args

FIRST_FOUR = dict(
    list(MLE.items())[:4]
)  # systems, databases, ml, algorithms; stats, sme, product, communication are asked
# one message on stderr, wrapped at words to the terminal's width (a path is never broken)
SAVED = re.compile(
    r"answers\s+so\s+far\s+saved\s+to\s+(\S+);\s+continue\s+with:\s+roleadvisor\s+assess\s+--profile\s+(\S+)\r?\n"
)


def spawn(args: list[str], cwd: Path) -> pexpect.spawn:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100"}
    return pexpect.spawn(installed_command()[0], args, env=env, encoding="utf-8", timeout=30, cwd=str(cwd))


def saved_path(child: pexpect.spawn, cwd: Path) -> Path:
    """The file named in 'answers so far saved to FILE; continue with: ... --profile FILE'."""
    child.expect(SAVED)
    shown, again = child.match.group(1), child.match.group(2)
    assert shown == again
    return cwd / shown


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
    child.expect(r"Your level for Product \[0-5 or a label\]: ")
    child.sendline("nine")
    child.expect("'nine' is not a level")
    child.expect(r"Your level for Product \[0-5 or a label\]: ")
    child.sendline("")
    child.expect("No answer. Type a whole number from 0 to 5")
    child.expect(r"Your level for Product \[0-5 or a label\]: ")
    child.sendline("1")
    child.expect("2/2 Communication")
    child.expect(r"Your level for Communication \[0-5 or a label\]: ")
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
    child.expect(r"Your level for Systems \[0-5 or a label\]: ")
    child.sendeof()
    child.expect("input ended before every skill was rated")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 2


def test_ctrl_d_keeps_the_answers_and_a_rerun_asks_only_the_rest(tmp_path: Path) -> None:
    child = spawn(["assess", *rate_args(FIRST_FOUR)], tmp_path)
    child.expect("Rate yourself in 4 skill areas")
    child.expect(r"type its number or its label \(for example 2 or beginner\)")
    child.expect("1/4 Statistics")
    child.expect(r"Your level for Statistics \[0-5 or a label\]: ")
    child.sendline("wizard")
    child.expect(  # what is accepted (wrapped at the terminal's width)
        r"'wizard' is not a level. Type a whole number from 0 to 5 or a label: none, aware, beginner,\s+"
        r"practitioner, advanced, expert."
    )
    child.expect(r"Your level for Statistics \[0-5 or a label\]: ")
    child.sendline("  Beginner ")
    child.expect(r"Your level for Subject-matter expertise \[0-5 or a label\]: ")
    child.sendline("2")
    child.expect(r"Your level for Product \[0-5 or a label\]: ")
    child.sendeof()
    saved = saved_path(child, tmp_path)
    child.expect(r"error: input ended before every skill was rated \(still missing: product, communication\)")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 2
    assert saved.parent == tmp_path and saved.name.startswith("roleadvisor-answers-")
    text = saved.read_text(encoding="utf-8")
    assert "ratings:\n" in text and "  stats: 2\n" in text and "  sme: 2\n" in text
    assert "no rating yet for product, communication" in text
    assert list(tmp_path.iterdir()) == [saved]

    report = tmp_path / "r.json"
    child = spawn(["assess", "--profile", saved.name, "--output", str(report)], tmp_path)
    child.expect("Rate yourself in 2 skill areas")
    child.expect("1/2 Product")
    child.expect(r"Your level for Product \[0-5 or a label\]: ")
    child.sendline("aware")
    child.expect("2/2 Communication")
    child.expect(r"Your level for Communication \[0-5 or a label\]: ")
    child.sendline("3")
    child.expect("Wrote json report to")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert json.loads(report.read_text(encoding="utf-8"))["profile"]["ratings"] == MLE


def test_ctrl_c_keeps_the_answers_in_the_save_profile_file(tmp_path: Path) -> None:
    child = spawn(["assess", *rate_args(FIRST_FOUR), "--save-profile", "me.yaml"], tmp_path)
    child.expect(r"Your level for Statistics \[0-5 or a label\]: ")
    child.sendline("beginner")
    child.expect(r"Your level for Subject-matter expertise \[0-5 or a label\]: ")
    child.sendintr()
    assert saved_path(child, tmp_path) == tmp_path / "me.yaml"
    child.expect("interrupted")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    saved = (tmp_path / "me.yaml").read_text(encoding="utf-8")
    assert "  stats: 2\n" in saved and "sme:" not in saved
    assert sorted(p.name for p in tmp_path.iterdir()) == ["me.yaml"]

    # continue from it, saving the complete profile over the partial one
    child = spawn(["assess", "--profile", "me.yaml", "--save-profile", "me.yaml", "-f", "json"], tmp_path)
    child.expect("Rate yourself in 3 skill areas")
    for answer in ("practitioner", "1", "PRACTITIONER"):
        child.expect(r"Your level for [A-Za-z -]+ \[0-5 or a label\]: ")
        child.sendline(answer)
    child.expect("Saved profile to me.yaml; reuse it with --profile me.yaml")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    rerun = spawn(["assess", "--profile", "me.yaml", "-f", "json", "-o", "r.json"], tmp_path)
    rerun.expect(pexpect.EOF)
    rerun.close()
    assert rerun.exitstatus == 0
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["profile"]["ratings"] == {
        **FIRST_FOUR,
        "stats": 2,
        "sme": 3,
        "product": 1,
        "communication": 3,
    }


def test_ctrl_c_before_any_answer_writes_nothing(tmp_path: Path) -> None:
    child = spawn(["assess", "--rate", "ml=3"], tmp_path)
    child.expect(r"Your level for Systems \[0-5 or a label\]: ")
    child.sendintr()
    child.expect("interrupted")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert "saved" not in (child.before or "")
    assert list(tmp_path.iterdir()) == []


def test_sigterm_at_the_prompt_keeps_the_answers_too(tmp_path: Path) -> None:
    import signal

    child = spawn(["assess", *rate_args(FIRST_FOUR)], tmp_path)
    child.expect(r"Your level for Statistics \[0-5 or a label\]: ")
    child.sendline("4")
    child.expect(r"Your level for Subject-matter expertise \[0-5 or a label\]: ")
    child.kill(signal.SIGTERM)
    saved = saved_path(child, tmp_path)
    child.expect("terminated")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 143
    assert "  stats: 4\n" in saved.read_text(encoding="utf-8")
    assert list(tmp_path.iterdir()) == [saved]


def test_the_answer_hint_comes_from_the_catalogue(catalog: Catalog) -> None:
    assert answer_hint(catalog) == "type its number or its label (for example 2 or beginner)"


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


def test_a_pasted_advert_is_asked_for_and_read_until_ctrl_d(tmp_path: Path) -> None:
    """``rank FILE --advert -`` on a terminal says what it waits for, then reads the paste."""
    people = tmp_path / "candidates.csv"
    people.write_text("id," + ",".join(MLE) + "\nana," + ",".join(str(v) for v in MLE.values()) + "\n")
    child = spawn(["rank", str(people), "--advert", "-", "--format", "json"], tmp_path)
    child.expect("Paste the advert, then press Ctrl-D on a new line.")
    child.sendline("Senior MLOps Engineer")
    child.sendline("You will run Kubernetes and our model serving platform.")
    child.sendeof()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    assert '"ana"' in (child.before or "")
