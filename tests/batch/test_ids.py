"""Ids are text: kept exactly as the input wrote them, in every input format, and shown cut short."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from roleadvisor.batch.ids import RawNumber, id_json, id_text, shown_id
from tests.conftest import MLE, Invoke

BIG = "123456789012345678901234567890"
FLAT = json.dumps(MLE)[1:-1]


def lines(stdout: str) -> list[str]:
    return stdout.splitlines()


def test_a_30_digit_json_lines_id_keeps_its_digits(invoke: Invoke) -> None:
    text = f'{{"id": {BIG}, {FLAT}}}\n{{"id": "s", {FLAT}}}\n{{"id": 7, {FLAT}}}\n'
    result = invoke("batch", "-", "-I", "jsonl", input=text)
    assert result.exit_code == 0, result.stderr
    out = lines(result.stdout)
    assert out[0].startswith('{"id":' + BIG + ",")  # the number as written, not 1.2345678901234568e+29
    assert json.loads(out[0])["id"] == int(BIG)
    assert json.loads(out[1])["id"] == "s" and json.loads(out[2])["id"] == 7


@pytest.mark.parametrize(
    "written", ["-0", "1.50", "1e3", "0.1000000000000000055511151231257827", "1" + "0" * 400]
)
def test_a_json_number_id_is_written_back_as_written(invoke: Invoke, written: str) -> None:
    for fmt, text in (
        ("jsonl", f'{{"id": {written}, {FLAT}}}\n'),
        ("json", f'[{{"id": {written}, {FLAT}}}]'),
        ("json", f'{{"profiles": [{{"id": {written}, {FLAT}}}]}}'),
    ):
        result = invoke("batch", "-", "-I", fmt, input=text)
        assert result.exit_code == 0, (fmt, result.stderr)
        assert result.stdout.startswith('{"id":' + written + ',"top_role":'), fmt


def test_a_json_list_id_keeps_its_digits(invoke: Invoke) -> None:
    text = json.dumps([{"id": "a", "ratings": MLE}]).replace('"a"', BIG)
    result = invoke("batch", "-", "-I", "json", input=text)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith('{"id":' + BIG + ",")


def test_yaml_ids_of_any_type_are_kept_as_text(invoke: Invoke) -> None:
    ids = [
        "999999999999999999999999999999",
        "12",
        "1.50",
        '"12"',
        "0x1F",
        "1_000",
        "yes",
        "2024-01-31",
        ".nan",
        "sam",
    ]
    text = "".join(f"- {{id: {i}, {FLAT}}}\n" for i in ids)
    result = invoke("batch", "-", "-I", "yaml", input=text)
    assert result.exit_code == 0, result.stderr
    heads = [line.split(',"top_role"')[0] for line in lines(result.stdout)]
    assert heads == [
        '{"id":999999999999999999999999999999',
        '{"id":12',
        '{"id":1.50',
        '{"id":"12"',
        '{"id":"0x1F"',
        '{"id":"1_000"',
        '{"id":"yes"',
        '{"id":"2024-01-31"',
        '{"id":".nan"',
        '{"id":"sam"',
    ]


def test_ids_that_are_not_text_or_numbers(invoke: Invoke) -> None:
    text = json.dumps([{"id": True, **MLE}, {"id": [1], **MLE}, {"id": None, **MLE}, {"id": " ", **MLE}])
    result = invoke("batch", "-", "-I", "json", input=text)
    assert result.exit_code == 3
    assert [json.loads(line) for line in lines(result.stdout)] == [
        {"line": 1, "error": "the id is true; an id must be text or a number"},
        {"line": 2, "error": "the id is a list; an id must be text or a number"},
        {"line": 3, "error": "missing id"},
        {"line": 4, "error": "missing id"},
    ]
    yaml_result = invoke("batch", "-", "-I", "yaml", input=f"- {{id: [1], {FLAT}}}\n- {{id: ~, {FLAT}}}\n")
    assert yaml_result.exit_code == 3
    assert [json.loads(line) for line in lines(yaml_result.stdout)] == [
        {"line": 1, "error": "the id is a list; an id must be text or a number"},
        {"line": 2, "error": "missing id"},
    ]


def test_numeric_ids_are_text_for_duplicates_and_csv_output(invoke: Invoke, tmp_path: Path) -> None:
    text = f'{{"id": {BIG}, {FLAT}}}\n{{"id": "{BIG}", {FLAT}}}\n{{"id": {BIG}, {FLAT}}}\n{{"id": 1.0, "ml": 9}}\n'
    target = tmp_path / "out.csv"
    result = invoke("batch", "-", "-I", "jsonl", "-o", str(target), input=text)
    assert result.exit_code == 3
    rows = list(csv.DictReader(io.StringIO(target.read_text())))
    assert [r["id"] for r in rows] == [BIG, BIG, BIG, "1.0"]  # the digits, never 1.2345678901234568e+29
    assert rows[0]["error"] == "" and rows[1]["error"] == ""  # the number and the string are two ids
    assert rows[2]["error"] == f"duplicate id {BIG} (an earlier record has it)"
    assert "rating for 'ml' is 9, outside the scale 0-5" in rows[3]["error"]


def test_a_long_id_is_cut_in_messages_and_kept_in_the_record(invoke: Invoke) -> None:
    long_id = "x" * 1_000_000
    text = json.dumps({"id": long_id, "ml": 9}) + "\n"
    result = invoke("batch", "-", "-I", "jsonl", input=text)
    assert result.exit_code == 3
    assert json.loads(result.stdout)["id"] == long_id  # the data is kept
    assert len(result.stderr) < 1000
    assert result.stderr.startswith('bad record: line 1 (id "' + "x" * 39 + "... (1,000,002 characters)): ")


def test_helpers() -> None:
    assert id_json(RawNumber("1.50")) == (b"1.50", None)
    assert id_json("  ") == (b"", None)
    assert id_json(10**40) == (b"1" + b"0" * 40, None)
    assert id_json(float("nan"))[1] == "the id is nan; an id must be text or a number"
    assert id_text(b"12") == "12" and id_text(b'"12"') == "12"
    assert shown_id(b'"p7"') == '"p7"'
    assert shown_id(b'"' + b"y" * 100 + b'"') == '"' + "y" * 39 + "... (102 characters)"
