"""`roleadvisor batch` output choices: --format table|jsonl|csv (-f, and -O kept), the default by
where stdout goes, the table through the CLI, ranked CSV with --top/--with-gaps, half levels counted."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest

from roleadvisor.commands.batch import BatchOptions, output_format
from tests.conftest import DS, MLE, Invoke

SKILLS = list(MLE)
HEADER = "id," + ",".join(SKILLS) + "\n"


def csv_text(rows: list[tuple[str, dict[str, object]]]) -> str:
    return HEADER + "".join(f"{i}," + ",".join(str(r[s]) for s in SKILLS) + "\n" for i, r in rows)


def options(output: str | None = None, fmt: str | None = None) -> BatchOptions:
    return BatchOptions(
        input="-",
        input_format=None,
        output=None if output is None else Path(output),
        output_format=fmt,
        top=None,
        with_gaps=False,
        strict=False,
    )


def test_the_default_format_follows_where_the_output_goes() -> None:
    assert output_format(options(), stdout_is_terminal=True) == "table"
    assert output_format(options(), stdout_is_terminal=False) == "jsonl"
    assert output_format(options("out.csv"), stdout_is_terminal=True) == "csv"
    assert output_format(options("out.jsonl"), stdout_is_terminal=True) == "jsonl"
    assert output_format(options("out.NDJSON"), stdout_is_terminal=True) == "jsonl"
    assert output_format(options("out.txt"), stdout_is_terminal=False) == "table"
    assert output_format(options("out.csv", "table"), stdout_is_terminal=False) == "table"
    assert output_format(options("out.json", "jsonl"), stdout_is_terminal=False) == "jsonl"


@pytest.mark.parametrize("name", ["results.json", "results.html", "results.YAML"])
def test_an_output_named_for_another_format_is_refused(invoke: Invoke, tmp_path: Path, name: str) -> None:
    """``-o results.json`` would hold JSON Lines a JSON reader refuses: say so, write nothing."""
    people = tmp_path / "people.csv"
    people.write_text("id," + ",".join(MLE) + "\nana," + ",".join(str(v) for v in MLE.values()) + "\n")
    result = invoke("batch", str(people), "-o", str(tmp_path / name))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: --output {tmp_path / name}: batch does not write the")
    assert not (tmp_path / name).exists()
    if name.endswith(".json"):
        assert "not one JSON document" in result.stderr


@pytest.mark.parametrize("name", ["results", "results.out", "/dev/null"])
def test_an_output_named_for_no_format_gets_json_lines(invoke: Invoke, tmp_path: Path, name: str) -> None:
    people = tmp_path / "people.csv"
    people.write_text("id," + ",".join(MLE) + "\nana," + ",".join(str(v) for v in MLE.values()) + "\n")
    target = name if name.startswith("/") else str(tmp_path / name)
    result = invoke("batch", str(people), "-o", target)
    assert result.exit_code == 0, result.stderr
    if not name.startswith("/"):
        assert json.loads(Path(target).read_text(encoding="utf-8"))["id"] == "ana"


def test_a_pipe_gets_json_lines_by_default(invoke: Invoke) -> None:
    result = invoke("batch", "-", input=csv_text([("sam", MLE)]))
    assert json.loads(result.stdout)["top_role"] == "ml-engineer"


def test_the_table_for_people(invoke: Invoke) -> None:
    text = csv_text([("sam", MLE), ("ana", DS), ("bad", {**MLE, "ml": 9})])
    result = invoke("batch", "-", "--format", "table", input=text)
    assert result.exit_code == 3
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["ID", "Best", "role", "Match", "Fit", "Readiness"]
    assert lines[1].split() == ["sam", "Machine", "Learning", "Engineer", "87%", "91%", "close"]
    assert lines[2].split()[:3] == ["ana", "Data", "Scientist"]
    assert lines[3].split()[:2] == ["bad", "error:"] and "outside the scale 0-5" in lines[3]
    assert len({line.index("%") for line in lines[1:3]}) == 1  # aligned
    assert "\x1b[" not in result.stdout
    assert result.stderr.endswith("batch: 3 records, 2 scored, 1 failed\n")


def test_the_table_with_top_and_gaps(invoke: Invoke) -> None:
    result = invoke(
        "batch",
        "-",
        "-f",
        "table",
        "--top",
        "2",
        "--with-gaps",
        input=csv_text([("far", dict.fromkeys(MLE, 1))]),
    )
    lines = result.stdout.splitlines()
    assert lines[0].endswith("Critical gaps")
    assert len(lines) == 3 and lines[2].startswith(" ")
    assert "→" in lines[1]


def test_colour_on_a_colour_terminal_and_never_with_no_color(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = csv_text([("sam", MLE)])
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    assert "\x1b[" in invoke("batch", "-", "-f", "table", input=text).stdout
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in invoke("batch", "-", "-f", "table", input=text).stdout


def test_the_table_to_a_file(invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    target = tmp_path / "people.txt"
    result = invoke("batch", "-", "-f", "table", "-o", str(target), input=csv_text([("sam", MLE)]))
    assert result.exit_code == 0 and result.stdout == ""
    text = target.read_text(encoding="utf-8")
    assert "Machine Learning Engineer" in text and "\x1b[" not in text


def test_a_long_id_is_cut_in_the_table_and_said_on_stderr(invoke: Invoke) -> None:
    long_id = "someone-with-a-very-long-identifier"
    result = invoke("batch", "-", "-f", "table", input=csv_text([(long_id, MLE)]))
    assert long_id not in result.stdout
    assert (
        "batch: 1 id longer than 20 characters is cut short in the table "
        "(--format jsonl or csv shows ids whole)\n"
    ) in result.stderr
    assert long_id in invoke("batch", "-", "-f", "csv", input=csv_text([(long_id, MLE)])).stdout


@pytest.mark.parametrize("flag", ["--format", "-f", "--output-format", "-O"])
def test_csv_takes_top_and_gaps_now(invoke: Invoke, flag: str) -> None:
    result = invoke("batch", "-", flag, "csv", "--top", "2", "--with-gaps", input=csv_text([("sam", MLE)]))
    assert result.exit_code == 0, result.stderr
    [row] = list(csv.DictReader(io.StringIO(result.stdout)))
    assert row["role_1"] == "ml-engineer" and row["role_2"] and "role_3" not in row
    assert row["gaps_1"] == "algorithms 3->4; stats 2->3; product 1->2"
    assert row["critical_1"] == "" and row["error"] == ""


def test_default_csv_is_unchanged(invoke: Invoke) -> None:
    result = invoke("batch", "-", "-f", "csv", input=csv_text([("sam", MLE), ("b", {**MLE, "ml": 9})]))
    header, sam, bad = result.stdout.splitlines()
    assert (
        header
        == "id,top_role,top_match,top_fit,top_band,"
        + ",".join(json.loads(invoke("batch", "-", input=csv_text([("sam", MLE)])).stdout)["fits"])
        + ",error"
    )
    assert sam.startswith("sam,ml-engineer,0.8746,0.9149,close,") and sam.endswith(",")
    assert bad == "b" + "," * (header.count(",") - 1) + ",\"rating for 'ml' is 9, outside the scale 0-5\""


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (
            "p.csv",
            csv_text([("a", {**MLE, "ml": 3.5}), ("b", {**DS, "stats": "4.5", "sme": 2.5}), ("c", MLE)]),
        ),
        (
            "p.jsonl",
            "".join(
                json.dumps(r) + "\n"
                for r in (
                    {"id": "a", **MLE, "ml": 3.5},
                    {"id": "b", **DS, "stats": "4.5", "sme": 2.5},
                    {"id": "c", **MLE},
                )
            ),
        ),
        (
            "p.yaml",
            "- {id: a, ml: 3.5, " + json.dumps({k: v for k, v in MLE.items() if k != "ml"})[1:] + "\n"
            "- {id: b, stats: '4.5', sme: 2.5, "
            + json.dumps({k: v for k, v in DS.items() if k not in ("stats", "sme")})[1:]
            + "\n"
            "- {id: c, " + json.dumps(MLE)[1:] + "\n",
        ),
    ],
)
@pytest.mark.parametrize("fmt", ["jsonl", "csv", "table"])
def test_half_levels_are_counted_on_stderr_in_every_format(
    invoke: Invoke, tmp_path: Path, name: str, text: str, fmt: str
) -> None:
    source = tmp_path / name
    source.write_text(text)
    result = invoke("batch", str(source), "-f", fmt)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (
        "batch: 3 half levels read as the level below (3.5 -> 3)\nbatch: 3 records, 3 scored, 0 failed\n"
    )


def test_half_levels_score_like_the_level_below(invoke: Invoke) -> None:
    halves = invoke("batch", "-", input=csv_text([("a", {**MLE, "ml": 4.5})])).stdout
    assert halves == invoke("batch", "-", input=csv_text([("a", MLE)])).stdout


def test_other_fractions_are_error_records_naming_the_rule(invoke: Invoke) -> None:
    result = invoke("batch", "-", input=csv_text([("a", {**MLE, "ml": 3.2})]))
    assert result.exit_code == 3
    assert json.loads(result.stdout) == {
        "id": "a",
        "error": "rating for 'ml' is '3.2'; levels are whole numbers 0-5 "
        "(a value halfway between two, such as 3.5, is read as the lower level)",
    }


def test_no_progress_bar_over_a_table_on_the_screen(monkeypatch: pytest.MonkeyPatch) -> None:
    from roleadvisor.commands import batch as batch_module

    monkeypatch.setattr(batch_module.sys.stderr, "isatty", lambda: True, raising=False)
    reporter = batch_module._Reporter(100, bar=False)
    reporter.started -= 10  # long past the half second after which a bar would show
    reporter.advance(50)
    assert reporter.progress is None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="worker processes: Linux only")
@pytest.mark.parametrize(("rows", "made"), [(60_000, [2]), (200, [])])
def test_a_large_input_to_a_file_is_scored_by_worker_processes(
    invoke: Invoke, tmp_path: Path, worker_processes: list[int], rows: int, made: list[int]
) -> None:
    """Worker processes for inputs over a megabyte (a small one is done before they would be made)."""
    source, target = tmp_path / "in.csv", tmp_path / "out.jsonl"
    source.write_text(csv_text([(f"p{i}", MLE if i % 2 else DS) for i in range(rows)]), encoding="utf-8")
    result = invoke("batch", str(source), "-o", str(target))
    assert result.exit_code == 0, result.output
    assert worker_processes == made
    lines = target.read_bytes().splitlines()
    assert len(lines) == rows and json.loads(lines[-1])["id"] == f"p{rows - 1}"
