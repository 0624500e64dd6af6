"""The readers: formats by extension, and whole documents refusing deep nesting as every reader does."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from roleadvisor.batch.readers import FORMATS
from roleadvisor.batch.source import InputSpec, open_source
from tests.conftest import MLE, Invoke


@pytest.mark.parametrize(
    ("name", "text"), [("deep.json", "[" * 5000 + "]" * 5000), ("deep.yaml", "[" * 5000)]
)
def test_deep_lists_are_refused_before_parsing(invoke: Invoke, tmp_path: Path, name: str, text: str) -> None:
    source = tmp_path / name
    source.write_text(text)
    result = invoke("batch", str(source))
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"error: {source}: line 1: lists and mappings are nested more than 64 levels deep; refusing to read it"
    ]


@pytest.mark.parametrize(
    ("suffix", "fmt"),
    [(".csv", "csv"), (".tsv", "csv"), (".xlsx", "xlsx"), (".XLSX", "xlsx"), (".xlsm", "xlsx")],
)
def test_the_format_from_the_extension(tmp_path: Path, suffix: str, fmt: str) -> None:
    path = tmp_path / f"people{suffix}"
    path.write_bytes(b"")
    with open_source(InputSpec(str(path))) as source:
        assert source.fmt == fmt
    assert fmt in FORMATS


def test_a_tab_separated_file(invoke: Invoke, tmp_path: Path) -> None:
    source = tmp_path / "people.tsv"
    source.write_text("ID\t" + "\t".join(MLE) + "\nana\t" + "\t".join(str(v) for v in MLE.values()) + "\n")
    result = invoke("batch", str(source))
    assert result.exit_code == 0, result.stderr
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["ana"]


COMMA = "rating for 'ml' is '3,5', a number with a decimal comma; write it with a decimal point: 3.5"


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("p.jsonl", '{"id": "a", "ratings": {RATINGS}}\n'),
        ("p.json", '[{"id": "a", "ratings": {RATINGS}}]'),
        ("p.yaml", "- id: a\n  ratings: {RATINGS}\n"),
    ],
    ids=["jsonl", "json", "yaml"],
)
def test_a_decimal_comma_is_told_as_the_csv_and_xlsx_readers_tell_it(
    invoke: Invoke, tmp_path: Path, name: str, text: str
) -> None:
    ratings = {**MLE, "ml": "3,5"}
    source = tmp_path / name
    source.write_text(text.replace("{RATINGS}", json.dumps(ratings, separators=(", ", ": "))))
    result = invoke("batch", str(source))
    assert result.exit_code == 3, result.stderr
    assert f'bad record: line 1 (id "a"): {COMMA}' in result.stderr.splitlines()


def test_a_decimal_comma_keeps_the_other_problems_of_its_record(invoke: Invoke, tmp_path: Path) -> None:
    # the rest of the record is told as before, in the catalogue's order of skills
    record = {"id": "a", "stats": "x", "ml": "3,0", **{s: 1 for s in MLE if s not in ("ml", "stats", "sme")}}
    source = tmp_path / "p.jsonl"
    source.write_text(json.dumps(record) + "\n")
    result = invoke("batch", str(source))
    assert result.stderr.splitlines()[0] == (
        "bad record: line 1 (id \"a\"): rating for 'ml' is '3,0', a number with a decimal comma; "
        "write it with a decimal point: 3.0; rating for 'stats' is 'x', not a number; use a whole number 0-5; "
        "missing rating for 'sme'"
    )
