"""Sniffing stdin's format: sure from enough of the input, or an error asking for --input-format."""

from __future__ import annotations

import io
import json

import pytest

from roleadvisor.batch.sniff import SNIFF_BYTES, guess, sniff
from roleadvisor.errors import BatchInputError
from tests.conftest import DS, MLE, Invoke

ONE = {"id": "a", "ratings": MLE}
TWO = {"id": "b", "ratings": DS}


def ids(stdout: str) -> list[object]:
    return [json.loads(line).get("id", json.loads(line).get("line")) for line in stdout.splitlines()]


@pytest.mark.parametrize(
    "text",
    [
        json.dumps({"profiles": [ONE, TWO]}),
        json.dumps({"profiles": [ONE, TWO]}, indent=2),
        json.dumps({"version": 1, "profiles": [ONE, TWO]}),
        json.dumps({"version": 1, "profiles": [ONE, TWO]}, indent=2),
        json.dumps([ONE, TWO]),
        json.dumps([ONE, TWO], indent=2),
    ],
    ids=[
        "profiles-line",
        "profiles-pretty",
        "key-before-profiles",
        "key-before-pretty",
        "list",
        "list-pretty",
    ],
)
def test_one_json_document_on_stdin(invoke: Invoke, text: str) -> None:
    result = invoke("batch", "-", input=text)
    assert result.exit_code == 0, result.stderr
    assert ids(result.stdout) == ["a", "b"]


def test_a_large_pretty_json_document_is_read_until_sure(invoke: Invoke) -> None:
    people = [{"id": f"p{i}", "ratings": MLE} for i in range(2000)]
    text = json.dumps({"source": "hr", "profiles": people}, indent=2)
    assert len(text) > 4 * SNIFF_BYTES
    result = invoke("batch", "-", input=text)
    assert result.exit_code == 0, result.stderr
    assert ids(result.stdout) == [f"p{i}" for i in range(2000)]


def test_json_lines_whose_first_line_is_null(invoke: Invoke) -> None:
    result = invoke("batch", "-", input="null\n" + json.dumps(ONE) + "\n" + json.dumps(TWO) + "\n")
    assert result.exit_code == 3
    assert result.stdout.splitlines()[0] == '{"line":1,"error":"a record must be a JSON object"}'
    assert ids(result.stdout) == [1, "a", "b"]


@pytest.mark.parametrize(
    ("first", "expected"),
    [
        ('{"id": "x", "ml": 3,', [1, "a", "b"]),  # a broken first record
        ("[1, 2]", [1, "a", "b"]),  # a first line that is a list, then more lines
        ('"just text"', [1, "a", "b"]),
        (
            json.dumps({"id": "big", "ratings": MLE, "note": "n" * 100_000}),
            ["big", "a", "b"],
        ),  # a long first line
    ],
    ids=["broken-first", "list-first", "string-first", "long-first"],
)
def test_json_lines_with_an_odd_first_line(invoke: Invoke, first: str, expected: list[object]) -> None:
    text = first + "\n" + json.dumps(ONE) + "\n" + json.dumps(TWO) + "\n"
    result = invoke("batch", "-", input=text)
    assert result.exit_code in (0, 3), result.stderr
    assert ids(result.stdout) == expected


@pytest.mark.parametrize(
    "text",
    [
        "[{id: a, systems: 1}]\n",  # YAML flow style: not JSON, not JSON Lines
        '{"source": "hr",\n "profiles": [{"id": "a",, }]}\n',  # broken JSON over several lines
    ],
    ids=["yaml-flow", "broken-document"],
)
def test_unsure_says_so_and_names_the_flag(invoke: Invoke, text: str) -> None:
    result = invoke("batch", "-", input=text)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("error: <stdin>: cannot tell whether")
    assert "--input-format" in result.stderr


def test_csv_and_yaml_are_still_recognised(invoke: Invoke) -> None:
    csv_text = "id," + ",".join(MLE) + "\na," + ",".join(map(str, MLE.values())) + "\n"
    assert ids(invoke("batch", "-", input=csv_text).stdout) == ["a"]
    yaml_text = "- id: a\n  ratings: " + json.dumps(MLE) + "\n"
    assert ids(invoke("batch", "-", input=yaml_text).stdout) == ["a"]
    nested = "profiles:\n  - id: a\n    ratings: " + json.dumps(MLE) + "\n"
    assert ids(invoke("batch", "-", input=nested).stdout) == ["a"]


def test_a_broken_document_that_starts_as_one_is_read_as_json(invoke: Invoke) -> None:
    result = invoke("batch", "-", input='{"profiles":\n [{"id": "a",, }]}\n')
    assert result.exit_code == 2
    assert result.stderr.startswith("error: <stdin>: not valid JSON: ") and result.stderr.count("\n") == 1


@pytest.mark.parametrize(
    ("data", "complete", "expected"),
    [
        (b"", True, "csv"),
        (b'\xef\xbb\xbf{"id": 1}\n', True, "jsonl"),
        (b'{"id": 1}', True, "jsonl"),
        (b'{"profiles": []}', True, "json"),
        (b'{"profiles": [', False, "json"),
        (b"[1]", True, "json"),
        (b"[1]\n[2]\n", True, "jsonl"),
        (b"null", True, "jsonl"),
        (b"{\n", False, "more"),
        (b"[\n", False, "more"),
        (b"{\n", True, None),
        (b'{"a":\n{"b": 1}\n}', True, "json"),
        (b"id,ml\n", True, "csv"),
        (b"- id: a\n", True, "yaml"),
        (b"---\n", True, "yaml"),
    ],
)
def test_guess(data: bytes, complete: bool, expected: str | None) -> None:
    assert guess(data, complete=complete) == expected


def test_the_bytes_read_to_decide_are_put_back() -> None:
    data = json.dumps({"x": 1, "profiles": [ONE] * 3000}, indent=1).encode()
    fmt, stream = sniff(io.BytesIO(data), "in")
    assert fmt == "json"
    assert stream.read(10) + stream.read() == data


def test_unsure_raises_an_input_error() -> None:
    with pytest.raises(BatchInputError, match=r"pass --input-format jsonl, json or yaml$"):
        sniff(io.BytesIO(b"{\n oops\n"), "in")


def test_a_zip_file_is_a_workbook() -> None:
    assert guess(b"PK\x03\x04\x14\x00\x06\x00\x08\x00", complete=False) == "xlsx"
    assert guess(b"PK\x03\x04", complete=True) == "xlsx"
    assert guess(b"PK,systems\n", complete=True) == "csv"  # a CSV whose first column starts 'PK'


@pytest.mark.parametrize("sep", [";", "\t"], ids=["semicolon", "tab"])
def test_semicolon_and_tab_files_are_csv(invoke: Invoke, sep: str) -> None:
    header = sep.join(["id", *MLE])
    text = f"{header}\na{sep}{sep.join(str(v) for v in MLE.values())}\n"
    assert guess(text.encode(), complete=True) == "csv"
    result = invoke("batch", "-", input=text)
    assert result.exit_code == 0, result.stderr
    assert ids(result.stdout) == ["a"]
