"""CSV batch input: every record accounted for, and the fast path equal to the general one on any bytes."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from roleadvisor.batch import csvinput, streams
from roleadvisor.batch.csvinput import SHOWN_CHARS, RecordScanner, TooLong
from roleadvisor.batch.run import run_batch
from roleadvisor.batch.writers import WriteOptions
from roleadvisor.catalog.loader import load_catalog
from roleadvisor.catalog.models import Catalog
from roleadvisor.errors import RoleAdvisorError
from tests.conftest import MLE, Invoke

ROOT = Path(__file__).resolve().parents[2]
SKILLS = list(MLE)
HEADER = "id," + ",".join(SKILLS) + "\n"
GOOD = ",".join(str(v) for v in MLE.values())


def records(stdout: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in stdout.splitlines()]


def write_scale_10_catalog(target: Path) -> Path:
    """The minimal example catalogue with skills a, b, c on a 0-10 scale (11 labels, 11 levels)."""
    lifecycle = yaml.safe_load((ROOT / "examples/minimal-catalog/lifecycle.yaml").read_text(encoding="utf-8"))
    roles = yaml.safe_load((ROOT / "examples/minimal-catalog/roles.yaml").read_text(encoding="utf-8"))
    rename = {"coding": "a", "modelling": "b", "customers": "c"}
    lifecycle["scale"]["max"] = 10
    lifecycle["scale"]["labels"] = [f"level {i}" for i in range(11)]
    for skill in lifecycle["skills"]:
        skill["id"] = rename[skill["id"]]
        skill["levels"] = [f"{skill['title']} at level {i}." for i in range(11)]
    for stage in lifecycle["stages"]:
        stage["skill_mix"] = {rename[k]: v for k, v in stage["skill_mix"].items()}
    for role in roles["roles"]:
        role["skills"] = {
            rename[k]: {"level": v["level"] * 3, "weight": v["weight"]} for k, v in role["skills"].items()
        }
    target.mkdir(parents=True, exist_ok=True)
    (target / "lifecycle.yaml").write_text(yaml.safe_dump(lifecycle, sort_keys=False), encoding="utf-8")
    (target / "roles.yaml").write_text(yaml.safe_dump(roles, sort_keys=False), encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def scale_10(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    return load_catalog(write_scale_10_catalog(tmp_path_factory.mktemp("scale10")))


@pytest.fixture(scope="module")
def builtin() -> Catalog:
    return load_catalog()


Outcome = tuple[bytes, list[str], object]


def run(data: bytes, catalog: Catalog, *, fast: bool, strict: bool = False, out: str = "jsonl") -> Outcome:
    """Output bytes, bad-record lines and the summary (or the error) of one batch run over ``data``."""
    sink = io.BytesIO()
    errors: list[str] = []
    result: object
    try:
        summary = run_batch(
            io.BytesIO(data),
            sink,
            catalog,
            input_format="csv",
            name="in.csv",
            write=WriteOptions(fmt=out),
            strict=strict,
            on_error=errors.append,
            fast_csv=fast,
        )
        result = (summary.scored, summary.failed)
    except RoleAdvisorError as exc:
        result = (type(exc).__name__, exc.message)
    return sink.getvalue(), errors, result


@contextmanager
def small_sizes(*, block: int, rows: int, field: int) -> Iterator[None]:
    """Tiny blocks, chunks and field limit, so short inputs cross every boundary."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(streams, "BLOCK_BYTES", block)
        patch.setattr(csvinput, "CHUNK_ROWS", rows)
        patch.setattr(csvinput, "FIELD_LIMIT", field)
        yield


# ---------------------------------------------------------------- the fast path never changes a result

# Tokens the fast path takes (no quote, control character or backslash), then the ones it must not.
CLEAN_TOKENS = [
    b"0", b"1", b"3", b"5", b"9", b":", b";", b"/", b"10", b"11", b"-1", b"+2", b"3.0", b" 3", b"x", b"p1",
    b"a b", b" ", "\u00e9".encode(), "\u00a0".encode(), "\u3000".encode(), "\u2028".encode(),
    "\x85".encode(), "\u0663".encode(), b"y" * 9,
]  # fmt: skip
DIRTY_TOKENS = [b"\t", b"\\", b'"', b'""', b"\r", b"\x00", b"\x1c", b"\xff", b"\xc3"]
FIELD_TOKENS = CLEAN_TOKENS + DIRTY_TOKENS
ENDINGS = [b"\n", b"\r\n", b"\r", b"", b"\n\n", b"\r\r\n"]
DIGITS = [b"0", b"1", b"2", b"5", b"9", b"7"]  # valid levels, and ids


def _spoil(args: tuple[list[bytes], int, bytes, bool]) -> bytes:
    cells, index, token, spoilt = args
    return b",".join([*cells[:index], token, *cells[index + 1 :]] if spoilt else cells)


def csv_like(columns: int, tokens: list[bytes], endings: list[bytes]) -> st.SearchStrategy[bytes]:
    """Bytes shaped like CSV rows: valid rows with at most one odd field each, and some ragged rows."""
    valid = st.lists(st.sampled_from(DIGITS), min_size=columns, max_size=columns)
    odd = st.one_of(
        st.sampled_from(tokens), st.lists(st.sampled_from(tokens), min_size=2, max_size=3).map(b"".join)
    )
    row = st.tuples(valid, st.integers(0, columns - 1), odd, st.booleans()).map(_spoil)
    ragged = st.lists(st.sampled_from(DIGITS + tokens), min_size=columns - 1, max_size=columns + 1).map(
        b",".join
    )
    line = st.tuples(st.one_of(row, row, row, ragged), st.sampled_from(endings)).map(b"".join)
    return st.lists(line, max_size=12).map(b"".join)


def any_input(header: bytes, columns: int) -> st.SearchStrategy[bytes]:
    clean = csv_like(columns, CLEAN_TOKENS, [b"\n"] * 4 + [b"\r\n"]).map(lambda body: header + body)
    return st.one_of(
        clean,
        clean,
        csv_like(columns, FIELD_TOKENS, [b"\n"] * 8 + ENDINGS).map(lambda body: header + body),
        st.binary(max_size=200).map(lambda body: header + body),
        st.lists(st.sampled_from([*FIELD_TOKENS, b",", b"\n"]), max_size=60).map(
            lambda t: header + b"".join(t)
        ),
        st.binary(max_size=80),
    )


SETTINGS = settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(
    data=any_input(b"id,a,b,c\n", 4),
    block=st.integers(1, 40),
    rows=st.integers(1, 4),
    strict=st.booleans(),
    out=st.sampled_from(["jsonl", "csv"]),
)
@example(data=b"id,a,b,c\nx,:,1,2\n", block=64, rows=4, strict=False, out="jsonl")
@example(data=b"id,a,b,c\n\xc2\xa0,1,2,3\n\xe3\x80\x80,1,2,3\n", block=64, rows=4, strict=False, out="jsonl")
@example(
    data=b'id,a,b,c\nx,1,2,3\n"yyyyyy\nz,1,2,3\n",1,2,3\nw,1,2,3\n',
    block=5,
    rows=2,
    strict=False,
    out="jsonl",
)
def test_fast_path_equals_general_path_on_any_bytes(
    scale_10: Catalog, data: bytes, block: int, rows: int, strict: bool, out: str
) -> None:
    with small_sizes(block=block, rows=rows, field=4):
        fast = run(data, scale_10, fast=True, strict=strict, out=out)
        slow = run(data, scale_10, fast=False, strict=strict, out=out)
    assert fast == slow


@SETTINGS
@given(data=any_input(HEADER.encode(), len(SKILLS) + 1), block=st.integers(1, 100), rows=st.integers(1, 5))
def test_fast_path_equals_general_path_with_the_builtin_catalogue(
    builtin: Catalog, data: bytes, block: int, rows: int
) -> None:
    with small_sizes(block=block, rows=rows, field=16):
        assert run(data, builtin, fast=True) == run(data, builtin, fast=False)


def test_both_paths_agree_at_real_sizes(builtin: Catalog) -> None:
    rows = [f"p{i},{GOOD}" for i in range(70_000)]
    rows[5] = "p5,\u00a0,1,2,3,4,5,1,2"  # a no-break space is no level
    rows[6] = "\u3000,1,2,3,4,5,1,2,3"  # an ideographic space is not an id
    rows[40_000] = "q," + "x" * 140_000 + ",1,2,3,4,5,1,2"
    data = (HEADER + "\n".join(rows) + "\n").encode()
    fast = run(data, builtin, fast=True)
    assert fast == run(data, builtin, fast=False)
    assert fast[2] == (69_997, 3)
    assert fast[1] == [
        "line 7 (id \"p5\"): missing rating for 'systems'",
        "line 8: missing id",
        'line 40002 (id "q"): field 2 (systems) has 140,000 characters, starting '
        "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'; a field may have at most 131,072 (read as ','-separated)",
    ]


# ---------------------------------------------------------------- a scale to 10: ":" is not 10


def test_a_colon_is_not_level_10_and_10_is(scale_10: Catalog) -> None:
    data = b"id,a,b,c\nx,:,1,2\ny,10,1,2\nz,;,0,0\n"
    for fast in (True, False):
        out, _, result = run(data, scale_10, fast=fast)
        lines = [json.loads(line) for line in out.splitlines()]
        assert lines[0] == {
            "id": "x",
            "error": "rating for 'a' is ':', not a number; use a whole number 0-10",
        }
        assert lines[1]["id"] == "y" and "top_role" in lines[1]
        assert lines[2]["error"].startswith("rating for 'a' is ';'")
        assert result == (1, 2)


# ---------------------------------------------------------------- long fields: an error record, nothing lost


def test_a_quoted_field_over_the_limit_loses_no_later_row(invoke: Invoke, tmp_path: Path) -> None:
    good = [f"g{i},{GOOD}" for i in range(5)] + ['"q,' + "x" * 200_000 + '",' + GOOD.split(",", 1)[1]]
    after = [f"h{i},{GOOD}" for i in range(5)]
    source = tmp_path / "long.csv"
    source.write_text(HEADER + "\n".join(good + after) + "\n")
    result = invoke("batch", str(source))
    assert result.exit_code == 3
    out = records(result.stdout)
    assert [r.get("id", r.get("line")) for r in out] == [
        *(f"g{i}" for i in range(5)),
        7,
        *(f"h{i}" for i in range(5)),
    ]
    assert out[5] == {
        "line": 7,
        "error": f"field 1 (id) has 200,002 characters, starting {'q,' + 'x' * 38!r}; a field may have at most 131,072 (read as ','-separated)",
    }
    assert all("top_role" in r for r in out[6:])
    assert result.stderr.splitlines()[-1] == "batch: 11 records, 10 scored, 1 failed"
    assert len(result.stderr) < 400


def test_a_long_quoted_field_spanning_lines_is_one_record(builtin: Catalog) -> None:
    # CSV says the quoted field runs over three lines: one record, reported at its first line.
    text = (
        HEADER
        + f"a,{GOOD}\n"
        + '"b\n'
        + "y" * 140_000
        + '\nstill b",'
        + GOOD.split(",", 1)[1]
        + f"\nc,{GOOD}\n"
    )
    for fast in (True, False):
        out, errors, result = run(text.encode(), builtin, fast=fast)
        assert result == (2, 1)
        assert errors == [
            f"line 3: field 1 (id) has 140,010 characters, starting {'b' + chr(10) + 'y' * 38!r}; "
            "a field may have at most 131,072 (read as ','-separated)"
        ]
        assert [json.loads(x).get("id") for x in out.splitlines()] == ["a", None, "c"]


def test_an_unclosed_quote_swallows_the_rest_as_one_reported_record(builtin: Catalog) -> None:
    rows = [f"r{i},{GOOD}" for i in range(20_000)]
    text = HEADER + f"a,{GOOD}\n" + '"b,' + GOOD.split(",", 1)[1] + "\n" + "\n".join(rows) + "\n"
    out, errors, result = run(text.encode(), builtin, fast=True)
    assert result == (1, 1)  # by CSV's rules the rest of the file is inside the quoted field
    assert errors[0].startswith("line 3: field 1 (id) has ")
    assert run(text.encode(), builtin, fast=False) == (out, errors, result)


def test_an_unquoted_long_field_on_the_fast_path(builtin: Catalog) -> None:
    rest = GOOD.split(",", 1)[1]
    text = HEADER + "a," + "9" * 131_073 + f",{rest}\nb,{GOOD}\n" + "c" * 131_072 + f",{GOOD}\n"
    out, errors, result = run(text.encode(), builtin, fast=True)
    assert result == (2, 1)
    assert errors == [
        'line 2 (id "a"): field 2 (systems) has 131,073 characters, starting '
        "'9999999999999999999999999999999999999999'; a field may have at most 131,072 (read as ','-separated)"
    ]
    assert run(text.encode(), builtin, fast=False) == (out, errors, result)


def test_a_long_value_is_never_echoed_whole(invoke: Invoke, tmp_path: Path) -> None:
    source = tmp_path / "p.csv"
    source.write_text(HEADER + "a," + "7" * 5_000_000 + "," + GOOD.split(",", 1)[1] + "\n")
    result = invoke("batch", str(source))
    assert result.exit_code == 3
    assert len(result.stdout) < 300 and len(result.stderr) < 300
    assert "5,000,000 characters" in result.stdout


def test_no_line_is_lost_where_blocks_meet(builtin: Catalog) -> None:
    # a quote first seen after a block boundary used to drop the part line held back there
    rows = [f"p{i},{GOOD}" for i in range(4000)]
    rows[3000] = f'"quoted",{GOOD}'
    data = (HEADER + "\n".join(rows) + "\n").encode()
    with small_sizes(block=1000, rows=512, field=131_072):
        out, errors, result = run(data, builtin, fast=True)
    assert (errors, result) == ([], (4000, 0))
    assert [json.loads(x)["id"] for x in out.splitlines()] == [
        f"p{i}" if i != 3000 else "quoted" for i in range(4000)
    ]


# ---------------------------------------------------------------- the header: say what is wrong


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "in.csv: the input is empty; expected a CSV header id,systems,"),
        (
            b"\n" + HEADER.encode(),
            "in.csv: line 1 is blank; the first line must be the CSV header id,systems,",
        ),
        (
            HEADER.encode().replace(b"\n", b"\r") + b"a," + GOOD.encode() + b"\r",
            "in.csv: the CSV header line ends in a bare carriage return (CR, old Mac line endings); "
            "save the file with LF or CRLF line endings",
        ),
        (
            b"id,systems," + b"z" * 200_000 + b"\n",
            "in.csv: the CSV header's field 3 has 200,000 characters, starting 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz'; "
            "a field may have at most 131,072",
        ),
        (
            b"id," + b"w," * 700_000 + b"\n",
            "in.csv: the first line is longer than 1 MiB; expected a CSV header id,",
        ),
        (
            b"id,syst\xe9ms\n",
            "in.csv: the CSV header is not UTF-8 text (invalid byte 0xe9 at position 8 of line 1)",
        ),
        ("id,systems\n".encode("utf-16"), "in.csv: the input is UTF-16 text; save it as UTF-8"),
        (
            b"name," + b"q" * 100_000 + b"\n",
            "in.csv: the CSV header has no 'id' column (read as ','-separated, its columns are 'name', "
            f"'{'q' * 39}... (100,002 characters)); name the column that "
            "identifies each person with --id-column, e.g. --id-column name",
        ),
    ],
    ids=["empty", "blank-first-line", "bare-cr", "long-field", "long-line", "latin-1", "utf-16", "no-id"],
)
def test_an_unreadable_header_says_what_is_wrong(builtin: Catalog, data: bytes, message: str) -> None:
    for fast in (True, False):
        out, errors, result = run(data, builtin, fast=fast)
        assert out == b"" and errors == []
        assert isinstance(result, tuple) and result[0] == "BatchInputError"
        assert str(result[1]).startswith(message)
        assert len(str(result[1])) < 400


def test_a_bare_cr_header_through_the_command(invoke: Invoke) -> None:
    result = invoke("batch", "-", "-I", "csv", input=HEADER.replace("\n", "\r") + f"a,{GOOD}\r")
    assert result.exit_code == 2
    assert result.stderr.count("error:") == 1 and "bare carriage return" in result.stderr
    assert "UTF-8" not in result.stderr


# ---------------------------------------------------------------- the record scanner is the csv module


TEXT_TOKENS = ["a", "bc", ",", '"', '""', "\n", "\r", "\r\n", " ", "z" * 7, "é"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(TEXT_TOKENS), max_size=40).map("".join), st.integers(1, 8))
def test_the_record_scanner_reads_records_as_the_csv_module_does(text: str, limit: int) -> None:
    lines = list(io.StringIO(text, newline=""))
    saved = csv.field_size_limit(sys.maxsize)
    try:
        expected = [
            [TooLong(len(f), f[:SHOWN_CHARS]) if len(f) > limit else f for f in row]
            for row in csv.reader(iter(lines))
        ]
    finally:
        csv.field_size_limit(saved)
    got: list[list[object]] = []
    scanner = RecordScanner(limit)
    for line in lines:
        if scanner.feed(line):
            got.append(list(scanner.fields))
            scanner = RecordScanner(limit)
    if scanner.state != 0 or scanner.fields:
        scanner.finish()
        got.append(list(scanner.fields))
    assert got == expected
