"""One output seam: every format from one contract, written to stdout or a file the same way."""

from __future__ import annotations

import io
import json
import os
import subprocess
import threading
from pathlib import Path

import pytest

from .conftest import MLE, Invoke, installed_command, rate_args


def test_markdown_summary_names_only_the_roles_shown(invoke: Invoke) -> None:
    full = json.loads(invoke("assess", *rate_args(MLE), "-f", "json").stdout)
    third = full["roles"][2]["title"]
    text = invoke("assess", *rate_args(MLE), "--top", "2", "-f", "markdown").stdout
    summary = text.split("\n\n")[1]
    assert full["roles"][1]["title"] in summary
    assert third not in summary


def test_markdown_with_a_target_has_the_plan_next_step_and_moves(invoke: Invoke) -> None:
    text = invoke("assess", *rate_args(MLE), "--target", "mlops", "-f", "markdown").stdout
    assert "## Plan for MLOps Engineer" in text
    assert "**Next best step:**" in text
    assert "## Roles closest to" in text and "Use what you have:" in text


@pytest.mark.parametrize("fmt", ["table", "markdown", "html"])
def test_every_format_tells_the_same_story(invoke: Invoke, fmt: str) -> None:
    report = json.loads(invoke("assess", *rate_args(MLE), "--target", "mlops", "-f", "json").stdout)
    text = invoke("assess", *rate_args(MLE), "--target", "mlops", "-f", fmt).stdout
    assert report["moves"]["tradeoffs"][0].split(":")[0] in text
    assert report["roles"][0]["title"] in text
    for step in report["target"]["plan"]:
        assert f"{step['have']}→{step['need']}" in text or f"{step['have']}&#8594;{step['need']}" in text


def test_output_through_a_symlink_replaces_the_target_and_keeps_the_link(
    invoke: Invoke, tmp_path: Path
) -> None:
    reports = tmp_path / "reports"
    reports.mkdir()
    real = reports / "2026-11.json"
    real.write_text("old")
    link = tmp_path / "report.json"
    link.symlink_to(real)
    result = invoke("assess", *rate_args(MLE), "-o", str(link))
    assert result.exit_code == 0, result.stderr
    assert link.is_symlink() and link.resolve() == real.resolve()
    assert json.loads(real.read_text())["schema_version"] == 2
    assert sorted(p.name for p in reports.iterdir()) == ["2026-11.json"]


def test_output_to_dev_stdout_writes_to_stdout() -> None:
    done = subprocess.run(
        [*installed_command(), "assess", *rate_args(MLE), "-f", "json", "-o", "/dev/stdout"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["schema_version"] == 2
    assert Path("/dev/stdout").is_symlink() or Path("/dev/stdout").exists()


def test_output_to_a_fifo_is_written_directly(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    done = subprocess.run(
        [*installed_command(), "roles", "--format", "json"],
        capture_output=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0
    done = subprocess.run(
        [*installed_command(), "assess", *rate_args(MLE), "-f", "json", "-o", str(fifo)],
        capture_output=True,
        check=False,
        timeout=60,
    )
    reader.join(timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(got[0])["schema_version"] == 2
    assert fifo.exists() and not fifo.is_file()


def test_output_to_a_full_device_is_exit_1_with_one_line(invoke: Invoke) -> None:
    result = invoke("assess", *rate_args(MLE), "-o", "/dev/full", "-f", "json")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == ["error: /dev/full: cannot write: No space left on device"]


def test_a_table_written_to_a_file_has_no_colour_codes(invoke: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "r.txt"
    assert invoke("assess", *rate_args(MLE), "-o", str(target)).exit_code == 0
    text = target.read_text()
    assert "Roles ranked by match" in text and "\x1b[" not in text


def test_markup_in_names_is_printed_literally(invoke: Invoke, tmp_path: Path) -> None:
    profile = tmp_path / "p.yaml"
    profile.write_text(
        "name: '[bold]x[/bold] [/y] [link=http://a]z'\nratings:\n"
        + "".join(f"  {k}: {v}\n" for k, v in MLE.items())
    )
    result = invoke("assess", "--profile", str(profile))
    assert result.exit_code == 0, result.stderr
    assert "[bold]x[/bold] [/y] [link=http://a]z" in result.stdout


@pytest.mark.parametrize("args", [["roles"], ["lifecycle"], ["assess", *rate_args(MLE)], ["role", "mlops"]])
def test_piped_tables_have_no_trailing_spaces(args: list[str]) -> None:
    done = subprocess.run(
        [*installed_command(), *args], capture_output=True, text=True, check=False, timeout=60
    )
    assert done.returncode == 0
    assert [line for line in done.stdout.splitlines() if line.endswith(" ")] == []


MARKUP = ["[/x]", "[bold]", "[link=https://example.invalid]", "[/]"]


@pytest.mark.parametrize("markup", MARKUP)
def test_markup_anywhere_is_printed_literally(invoke: Invoke, tmp_path: Path, markup: str) -> None:
    target = tmp_path / f"dir{markup.replace('/', '_')}"
    made = invoke("catalog", "init", str(target))
    assert made.exit_code == 0 and str(target) in made.stderr
    decoded = invoke("decode", f"model deployment {markup} business analyst")
    assert decoded.exit_code == 0 and markup in decoded.stdout
    lifecycle = target / "lifecycle.yaml"
    lifecycle.write_text(lifecycle.read_text().replace("Has not", f"Has {markup} not", 1))
    roles = target / "roles.yaml"
    roles.write_text(
        roles.read_text().replace("title: Data Scientist", f"title: 'Data {markup} Scientist'", 1)
    )
    for args in (
        ["skills"],
        ["roles"],
        ["role", "data-scientist"],
        ["assess", *rate_args(MLE)],
        ["lifecycle"],
    ):
        result = invoke("--catalog", str(target), *args)
        assert result.exit_code == 0, (args, result.stderr)
    assert markup in invoke("--catalog", str(target), "skills").stdout
    assert markup in invoke("--catalog", str(target), "roles").stdout


def test_a_long_warning_wraps_at_words_on_a_terminal_only(tmp_path: Path) -> None:
    import pexpect

    flat = dict.fromkeys(MLE, 3)
    command = [*installed_command(), "assess", *rate_args(flat), "-f", "json", "-o", str(tmp_path / "r.json")]
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}  # the terminal's own size
    child = pexpect.spawn(command[0], command[1:], dimensions=(24, 60), env=env, encoding="utf-8", timeout=30)
    child.expect(pexpect.EOF)
    lines = [line for line in child.before.replace("\r", "").split("\n") if line]
    warning = lines[: next(i for i, line in enumerate(lines) if line.startswith("Wrote"))]
    assert warning[0].startswith("warning: 8 of 8 skills are rated 3;")
    assert len(warning) > 1 and all(len(line) <= 60 for line in warning)
    assert all(line.startswith("  ") for line in warning[1:])  # continued lines are indented
    piped = subprocess.run(command, capture_output=True, text=True, check=False, timeout=60)
    assert (
        piped.stderr.splitlines()[0].startswith("warning: 8 of 8") and len(piped.stderr.splitlines()[0]) > 60
    )


# ---------------------------------------------------------------- a reader that goes away


class _ShortWriter(io.BytesIO):
    """Takes at most 5 bytes a call, then (once closed by its reader) nothing at all."""

    def __init__(self) -> None:
        super().__init__()
        self.gone = False

    def write(self, data: object) -> int:  # type: ignore[override]
        if self.gone:
            raise BrokenPipeError(32, "Broken pipe")
        self.gone = True
        return super().write(bytes(memoryview(data).cast("B"))[:5])  # type: ignore[arg-type]


def test_write_all_raises_rather_than_lose_the_rest() -> None:
    from roleadvisor.output import write_all

    sink = _ShortWriter()
    with pytest.raises(BrokenPipeError):
        write_all(sink, b"0123456789")  # type: ignore[arg-type]
    assert sink.getvalue() == b"01234"


def _big_csv(path: Path, rows: int = 4000) -> Path:
    header = "id,systems,databases,ml,algorithms,stats,sme,product,communication\n"
    body = "".join(f"p{i}," + ",".join(str((i + j) % 6) for j in range(8)) + "\n" for i in range(rows))
    path.write_text(header + body, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "args",
    [["batch"], ["batch", "-f", "csv"], ["cohort", "-f", "json"], ["cohort"]],
    ids=["jsonl", "csv", "cohort-json", "cohort-table"],
)
def test_a_reader_that_stops_early_is_exit_1_not_success(tmp_path: Path, args: list[str]) -> None:
    """``| head -1``: output the reader never took is a failed write (exit 1), not a scored run."""
    source = _big_csv(tmp_path / "people.csv")
    process = subprocess.Popen(
        [*installed_command(), args[0], str(source), *args[1:]],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.read(100)  # the reader takes a little, then goes away
    process.stdout.close()
    err = process.stderr.read().decode()
    assert process.wait(timeout=60) == 1, err
    assert "Traceback" not in err and "scored" not in err
