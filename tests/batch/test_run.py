"""`roleadvisor batch`: formats, stdin/stdout, error records, exit codes, atomic output."""

from __future__ import annotations

import csv
import io
import json
import subprocess
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import DS, MLE, Invoke, installed_command, rate_args

SKILLS = list(MLE)
HEADER = "id," + ",".join(SKILLS) + "\n"


def csv_text(rows: list[tuple[str, dict[str, int]]]) -> str:
    return HEADER + "".join(f"{i}," + ",".join(str(r[s]) for s in SKILLS) + "\n" for i, r in rows)


def records(stdout: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in stdout.splitlines()]


def assess_fits(invoke: Invoke, ratings: dict[str, int]) -> dict[str, float]:
    report = json.loads(invoke("assess", *rate_args(ratings), "-f", "json").stdout)
    return {r["id"]: r["fit"] for r in report["roles"]}


def test_csv_to_jsonl_matches_assess(invoke: Invoke, tmp_path: Path) -> None:
    source = tmp_path / "people.csv"
    source.write_text(csv_text([("sam", MLE), ("ana", DS)]))
    result = invoke("batch", str(source))
    assert result.exit_code == 0, result.stderr
    out = records(result.stdout)
    assert [r["id"] for r in out] == ["sam", "ana"]
    assert out[0]["top_role"] == "ml-engineer"
    assert out[0]["fits"] == assess_fits(invoke, MLE)
    assert out[1]["fits"] == assess_fits(invoke, DS)
    assert out[0]["top_fit"] == max(out[0]["fits"].values())
    assert result.stderr == "batch: 2 records, 2 scored, 0 failed\n"


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (
            "p.jsonl",
            json.dumps({"id": "sam", "ratings": MLE}) + "\n" + json.dumps({"id": "ana", **DS}) + "\n",
        ),
        ("p.json", json.dumps([{"id": "sam", "ratings": MLE}, {"id": "ana", **DS}])),
        ("p.yaml", "- id: sam\n  ratings: " + json.dumps(MLE) + "\n- {id: ana, " + json.dumps(DS)[1:] + "\n"),
        ("p.csv", "\ufeff" + csv_text([("sam", MLE), ("ana", DS)]).replace("\n", "\r\n")),
        (
            "p.csv",
            "team," + HEADER.replace("id,", "id,") + "x,sam," + ",".join(map(str, MLE.values())) + "\n"
            "y,ana," + ",".join(map(str, DS.values())) + "\n",
        ),
        (
            "p.csv",
            HEADER
            + '"sam",'
            + ",".join(f'"{v}"' for v in MLE.values())
            + "\nana,"
            + ",".join(map(str, DS.values()))
            + "\n",
        ),
    ],
    ids=["jsonl", "json-list", "yaml-list", "csv-bom-crlf", "csv-extra-column-first", "csv-quoted"],
)
def test_every_input_format(invoke: Invoke, tmp_path: Path, name: str, text: str) -> None:
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    result = invoke("batch", str(source))
    assert result.exit_code == 0, result.stderr
    out = records(result.stdout)
    assert [(r["id"], r["top_role"]) for r in out] == [("sam", "ml-engineer"), ("ana", "data-scientist")]
    assert out[0]["fits"] == assess_fits(invoke, MLE)


def test_stdin_is_sniffed(invoke: Invoke) -> None:
    jsonl = json.dumps({"id": 1, "ratings": MLE}) + "\n"
    result = invoke("batch", "-", input=jsonl)
    assert result.exit_code == 0, result.stderr
    assert records(result.stdout)[0]["id"] == 1
    as_csv = invoke("batch", "-", input=csv_text([("sam", MLE)]))
    assert records(as_csv.stdout)[0]["top_role"] == "ml-engineer"


def test_bad_records_become_error_records(invoke: Invoke, tmp_path: Path) -> None:
    source = tmp_path / "people.csv"
    good = ",".join(map(str, MLE.values()))
    source.write_text(
        HEADER
        + f"a,{good}\n"
        + "b,9,"
        + good.split(",", 1)[1]
        + "\n"
        + "c,x,"
        + good.split(",", 1)[1]
        + "\n"
        + f"a,{good}\n"
        + f",{good}\n"
        + "d,3,3\n"
        + "e,,"
        + good.split(",", 1)[1]
        + "\n"
        + f"f,{good}\n"
    )
    result = invoke("batch", str(source))
    assert result.exit_code == 3
    assert records(result.stdout) == [
        {"id": "a", **{k: v for k, v in records(result.stdout)[0].items() if k != "id"}},
        {"id": "b", "error": "rating for 'systems' is 9, outside the scale 0-5"},
        {"id": "c", "error": "rating for 'systems' is 'x', not a number; use a whole number 0-5"},
        {"id": "a", "error": 'duplicate id "a" (an earlier record has it)'},
        {"line": 6, "error": "missing id"},
        {"id": "d", "error": "has 3 fields, the header has 9 (read as ','-separated)"},
        {"id": "e", "error": "missing rating for 'systems'"},
        {"id": "f", **{k: v for k, v in records(result.stdout)[7].items() if k != "id"}},
    ]
    assert "top_role" in records(result.stdout)[7]
    assert result.stderr.splitlines() == [
        "bad record: line 3 (id \"b\"): rating for 'systems' is 9, outside the scale 0-5",
        "bad record: line 4 (id \"c\"): rating for 'systems' is 'x', not a number; use a whole number 0-5",
        'bad record: line 5 (id "a"): duplicate id "a" (an earlier record has it)',
        "bad record: line 6: missing id",
        "bad record: line 7 (id \"d\"): has 3 fields, the header has 9 (read as ','-separated)",
        "bad record: line 8 (id \"e\"): missing rating for 'systems'",
        "batch: 8 records, 2 scored, 6 failed",
    ]


def test_jsonl_record_errors(invoke: Invoke) -> None:
    lines = [
        json.dumps({"id": "a", "mll": 3, **{k: v for k, v in MLE.items() if k != "ml"}}),
        "{broken",
        json.dumps([1, 2]),
        json.dumps({"id": "b", "ratings": {**MLE, "stats": 2.25}}),
        json.dumps({"id": "c", "ratings": MLE}),
    ]
    result = invoke("batch", "-", "--input-format", "jsonl", input="\n".join(lines) + "\n")
    assert result.exit_code == 3
    out = records(result.stdout)
    assert out[0] == {
        "id": "a",
        "error": "unknown skill 'mll'; did you mean 'ml'? "
        "(skills: systems, databases, ml, algorithms, stats, sme, product, communication)",
    }
    assert out[1]["line"] == 2 and out[1]["error"].startswith("not valid JSON")
    assert out[2] == {"line": 3, "error": "a record must be a JSON object"}
    assert out[3] == {
        "id": "b",
        "error": "rating for 'stats' is 2.25; levels are whole numbers 0-5 "
        "(a value halfway between two, such as 3.5, is read as the lower level)",
    }
    assert out[4]["top_role"] == "ml-engineer"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "error: <stdin>: the input is empty; expected a CSV header id,systems,"),
        (
            "id,systems,databases,mll\n",
            "error: <stdin>: the CSV header lacks skill columns ml (found 'mll'?), algorithms",
        ),
        ("name,systems\n", "error: <stdin>: the CSV header has no 'id' column"),
    ],
)
def test_unreadable_input_exits_2(invoke: Invoke, text: str, message: str) -> None:
    result = invoke("batch", "-", "-I", "csv", input=text)
    assert result.exit_code == 2
    assert result.stderr.startswith(message)
    assert result.stdout == ""


def test_missing_input_file(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("batch", str(tmp_path / "nope.csv"))
    assert result.exit_code == 2
    assert result.stderr == f"error: {tmp_path / 'nope.csv'}: no such file\n"


def test_strict_stops_at_first_bad_record(invoke: Invoke, tmp_path: Path) -> None:
    source = tmp_path / "p.csv"
    source.write_text(csv_text([("a", MLE), ("b", {**MLE, "ml": 9}), ("c", DS)]))
    result = invoke("batch", str(source), "--strict")
    assert result.exit_code == 3
    assert [r["id"] for r in records(result.stdout)] == ["a"]
    assert result.stderr == (
        "error: --strict: stopped at the first bad record: "
        "line 3 (id \"b\"): rating for 'ml' is 9, outside the scale 0-5\n"
    )


def test_failed_run_leaves_old_output_untouched(invoke: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "results.jsonl"
    target.write_text("previous results\n")
    source = tmp_path / "p.csv"
    source.write_text(csv_text([("a", MLE), ("b", {**MLE, "ml": 9})]))
    strict = invoke("batch", str(source), "--strict", "-o", str(target))
    assert strict.exit_code == 3
    broken = tmp_path / "broken.csv"
    broken.write_text("id,systems\n")
    unreadable = invoke("batch", str(broken), "-o", str(target))
    assert unreadable.exit_code == 2
    assert target.read_text() == "previous results\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.csv", "p.csv", "results.jsonl"]
    ok = invoke("batch", str(source), "-o", str(target))
    assert ok.exit_code == 3
    assert [json.loads(x).get("id") for x in target.read_text().splitlines()] == ["a", "b"]
    assert ok.stdout == ""


def test_csv_output_and_top(invoke: Invoke, tmp_path: Path) -> None:
    source = tmp_path / "p.csv"
    source.write_text(csv_text([("a", MLE), ("b", {**MLE, "ml": 9})]))
    target = tmp_path / "out.csv"
    result = invoke("batch", str(source), "-o", str(target))
    assert result.exit_code == 3
    rows = list(csv.DictReader(io.StringIO(target.read_text())))
    assert rows[0]["top_role"] == "ml-engineer"
    fits = assess_fits(invoke, MLE)
    assert {r: float(rows[0][r]) for r in fits} == fits
    assert rows[0]["error"] == "" and rows[1]["error"].startswith("rating for 'ml' is 9")
    top = invoke("batch", str(source), "--top", "2")
    first = records(top.stdout)[0]
    assert list(first["fits"]) == ["ml-engineer", "research-engineer"]
    ranked = invoke("batch", str(source), "--top", "2", "-O", "csv")  # no longer refused: ranked columns
    assert ranked.exit_code == 3
    assert ranked.stdout.splitlines()[0].endswith(",role_2,match_2,fit_2,band_2,error")


def test_with_gaps_matches_assess(invoke: Invoke, tmp_path: Path) -> None:
    source = tmp_path / "p.jsonl"
    source.write_text(json.dumps({"id": "a", "ratings": MLE}) + "\n")
    out = records(invoke("batch", str(source), "--with-gaps").stdout)[0]
    report = json.loads(invoke("assess", *rate_args(MLE), "-f", "json").stdout)
    assert out["gaps"] == {r["id"]: r["gaps"] for r in report["roles"]}
    assert out["fits"] == {r["id"]: r["fit"] for r in report["roles"]}


@settings(max_examples=20, deadline=None)
@given(st.lists(st.fixed_dictionaries({s: st.integers(0, 5) for s in SKILLS}), min_size=1, max_size=30))
def test_batch_fits_equal_assess_fits(profiles: list[dict[str, int]]) -> None:
    from typer.testing import CliRunner

    from roleadvisor.cli import app

    runner = CliRunner()
    text = csv_text([(f"p{i}", p) for i, p in enumerate(profiles)])
    fast = records(runner.invoke(app, ["batch", "-"], input=text).stdout)
    # The same rows with quoted ids take the csv-module path: results must not change.
    quoted = HEADER + "".join(
        f'"p{i}",' + ",".join(str(p[s]) for s in SKILLS) + "\n" for i, p in enumerate(profiles)
    )
    general = records(runner.invoke(app, ["batch", "-"], input=quoted).stdout)
    assert fast == general
    for record, ratings in zip(fast, profiles, strict=True):
        report = json.loads(runner.invoke(app, ["assess", *rate_args(ratings), "-f", "json"]).stdout)
        assert record["fits"] == {r["id"]: r["fit"] for r in report["roles"]}
        assert record["top_role"] == report["roles"][0]["id"]


@pytest.mark.slow
def test_large_input_through_the_installed_command(tmp_path: Path) -> None:
    n = 200_000
    rng = np.random.default_rng(3)
    levels = rng.integers(0, 6, size=(n, len(SKILLS)))
    source = tmp_path / "big.csv"
    source.write_text(
        HEADER + "".join(f"p{i}," + ",".join(map(str, row)) + "\n" for i, row in enumerate(levels.tolist()))
    )
    target = tmp_path / "big.jsonl"
    result = subprocess.run(
        [*installed_command(), "batch", str(source), "-o", str(target)],
        capture_output=True,
        text=True,
        check=False,
        stdin=subprocess.DEVNULL,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == f"batch: {n:,} records, {n:,} scored, 0 failed; written to {target}\n"
    with target.open() as handle:
        count = 0
        for count, line in enumerate(handle, start=1):
            if count in (1, n // 2, n):
                record = json.loads(line)
                assert record["id"] == f"p{count - 1}"
    assert count == n


def test_pipe_to_a_consumer() -> None:
    producer = subprocess.Popen(
        [*installed_command(), "batch", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    out, err = producer.communicate(json.dumps({"id": "x", "ratings": MLE}).encode() + b"\n", timeout=60)
    assert producer.returncode == 0, err
    assert json.loads(out)["top_role"] == "ml-engineer"
