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
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from roleadvisor.batch import csvinput, streams
from roleadvisor.batch.csvinput import SHOWN_CHARS, RecordScanner, TooLong
from roleadvisor.batch.readers import read_chunks
from roleadvisor.batch.run import run_batch
from roleadvisor.batch.writers import WriteOptions
from roleadvisor.catalog.loader import load_catalog
from roleadvisor.catalog.models import Catalog
from roleadvisor.errors import BatchInputError, RoleAdvisorError
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
SEPARATORS = [b",", b";", b"\t"]
# in a file separated by ';' or tab a comma is text: a decimal comma, or a ragged row's ',' read whole
OTHER_TOKENS = [b",", b"3,5", b"0,0", b" 2,5 ", b"9,9"]
ENDINGS = [b"\n", b"\r\n", b"\r", b"", b"\n\n", b"\r\r\n"]
DIGITS = [b"0", b"1", b"2", b"5", b"9", b"7"]  # valid levels, and ids


def _spoil(args: tuple[list[bytes], int, bytes, bool], sep: bytes = b",") -> bytes:
    cells, index, token, spoilt = args
    return sep.join([*cells[:index], token, *cells[index + 1 :]] if spoilt else cells)


def csv_like(
    columns: int, tokens: list[bytes], endings: list[bytes], sep: bytes = b","
) -> st.SearchStrategy[bytes]:
    """Bytes shaped like CSV rows: valid rows with at most one odd field each, and some ragged rows."""
    valid = st.lists(st.sampled_from(DIGITS), min_size=columns, max_size=columns)
    odd = st.one_of(
        st.sampled_from(tokens), st.lists(st.sampled_from(tokens), min_size=2, max_size=3).map(b"".join)
    )
    row = st.tuples(valid, st.integers(0, columns - 1), odd, st.booleans()).map(lambda a: _spoil(a, sep))
    ragged = st.lists(st.sampled_from(DIGITS + tokens), min_size=columns - 1, max_size=columns + 1).map(
        sep.join
    )
    empty = st.just(sep * (columns - 1))  # a spreadsheet's empty row: no person
    line = st.tuples(st.one_of(row, row, row, ragged, empty), st.sampled_from(endings)).map(b"".join)
    return st.lists(line, max_size=12).map(b"".join)


def any_input(header: bytes, columns: int, sep: bytes = b",") -> st.SearchStrategy[bytes]:
    """Inputs whose header, split at ``sep``, is valid (so ``sep`` is sniffed), then rows of any kind."""
    head = header.replace(b",", sep)
    tokens = CLEAN_TOKENS + (OTHER_TOKENS if sep != b"," else [])
    clean = csv_like(columns, tokens, [b"\n"] * 4 + [b"\r\n"], sep).map(lambda body: head + body)
    return st.one_of(
        clean,
        clean,
        csv_like(columns, tokens + DIRTY_TOKENS, [b"\n"] * 8 + ENDINGS, sep).map(lambda body: head + body),
        st.binary(max_size=200).map(lambda body: head + body),
        st.lists(st.sampled_from([*FIELD_TOKENS, *SEPARATORS, b"\n"]), max_size=60).map(
            lambda t: head + b"".join(t)
        ),
        st.binary(max_size=80),
    )


# 300 examples for each of the three delimiters
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@pytest.mark.parametrize("sep", SEPARATORS, ids=["comma", "semicolon", "tab"])
@given(
    data=st.data(),
    block=st.integers(1, 40),
    rows=st.integers(1, 4),
    strict=st.booleans(),
    out=st.sampled_from(["jsonl", "csv"]),
)
def test_fast_path_equals_general_path_on_any_bytes(
    scale_10: Catalog, sep: bytes, data: st.DataObject, block: int, rows: int, strict: bool, out: str
) -> None:
    text = data.draw(any_input(b"id,a,b,c\n", 4, sep), label="input")
    assert_same_both_ways(scale_10, text, block=block, rows=rows, strict=strict, out=out)


def assert_same_both_ways(
    catalog: Catalog, data: bytes, *, block: int, rows: int, strict: bool = False, out: str = "jsonl"
) -> None:
    with small_sizes(block=block, rows=rows, field=4):
        fast = run(data, catalog, fast=True, strict=strict, out=out)
        slow = run(data, catalog, fast=False, strict=strict, out=out)
    assert fast == slow


@pytest.mark.parametrize(
    "data",
    [
        b"id,a,b,c\nx,:,1,2\n",
        b"id,a,b,c\n\xc2\xa0,1,2,3\n\xe3\x80\x80,1,2,3\n",
        b'id,a,b,c\nx,1,2,3\n"yyyyyy\nz,1,2,3\n",1,2,3\nw,1,2,3\n',
        b"id;a;b;c\nx;3,5;1;2\n;;;\ny;1;2;3\n ; ;\t;\n",
        b'id\ta\tb\tc\nx\t1\t2\t3\n\t\t\t\n"y\tz"\t1\t2\t3\nw\t1,5\t2\t3\n',
    ],
    ids=["colon", "unicode-spaces", "quote-spanning-lines", "semicolon-commas-empty-rows", "tab-quoted"],
)
@pytest.mark.parametrize(("block", "rows"), [(64, 4), (5, 2)])
def test_fast_path_equals_general_path_on_known_cases(
    scale_10: Catalog, data: bytes, block: int, rows: int
) -> None:
    assert_same_both_ways(scale_10, data, block=block, rows=rows)


@SETTINGS
@pytest.mark.parametrize("sep", SEPARATORS, ids=["comma", "semicolon", "tab"])
@given(data=st.data(), block=st.integers(1, 100), rows=st.integers(1, 5))
def test_fast_path_equals_general_path_with_the_builtin_catalogue(
    builtin: Catalog, sep: bytes, data: st.DataObject, block: int, rows: int
) -> None:
    text = data.draw(any_input(HEADER.encode(), len(SKILLS) + 1, sep), label="input")
    with small_sizes(block=block, rows=rows, field=16):
        assert run(text, builtin, fast=True) == run(text, builtin, fast=False)


@pytest.mark.parametrize("sep", [",", ";", "\t"], ids=["comma", "semicolon", "tab"])
def test_the_fast_path_reads_every_delimiter(
    builtin: Catalog, sep: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the comparisons above would prove nothing for a delimiter the fast path always handed on
    taken: list[int] = []
    original = csvinput._fast_chunk

    def counting(*args: object) -> object:
        chunk = original(*args)
        taken.append(0 if chunk is None else len(chunk))
        return chunk

    monkeypatch.setattr(csvinput, "_fast_chunk", counting)
    rows = [f"p{i}{sep}{GOOD.replace(',', sep)}" for i in range(1000)]
    _out, errors, result = run(
        (HEADER.replace(",", sep) + "\n".join(rows) + "\n").encode(), builtin, fast=True
    )
    assert (errors, result) == ([], (1000, 0))
    assert sum(taken) == 1000


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
            "in.csv: the CSV header is not UTF-8 text (invalid byte 0xe9 at position 8 of line 1); "
            "save it as UTF-8 (CSV UTF-8 in Excel)",
        ),
        (
            # as Excel in a Russian locale saves "CSV (разделители - запятые)": Windows-1251
            "Имя;Системы;Базы данных\r\n".encode("cp1251"),
            "in.csv: the CSV header is not UTF-8 text (invalid byte 0xc8 at position 1 of line 1); "
            "save it as UTF-8 (CSV UTF-8 in Excel)",
        ),
        (
            "id,systems\n".encode("utf-16"),
            "in.csv: the input is UTF-16 text; save it as UTF-8 (CSV UTF-8 in Excel)",
        ),
        (
            b"name," + b"q" * 100_000 + b"\n",
            "in.csv: the CSV header has no 'id' column (read as ','-separated, its columns are 'name', "
            f"'{'q' * 39}... (100,002 characters)); name the column that "
            "identifies each person with --id-column, e.g. --id-column name",
        ),
    ],
    ids=[
        "empty",
        "blank-first-line",
        "bare-cr",
        "long-field",
        "long-line",
        "latin-1",
        "cp1251",
        "utf-16",
        "no-id",
    ],
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
@pytest.mark.parametrize("sep", [",", ";", "\t"], ids=["comma", "semicolon", "tab"])
@given(st.lists(st.sampled_from([*TEXT_TOKENS, ";", "\t"]), max_size=40).map("".join), st.integers(1, 8))
def test_the_record_scanner_reads_records_as_the_csv_module_does(sep: str, text: str, limit: int) -> None:
    lines = list(io.StringIO(text, newline=""))
    saved = csv.field_size_limit(sys.maxsize)
    try:
        expected = [
            [TooLong(len(f), f[:SHOWN_CHARS]) if len(f) > limit else f for f in row]
            for row in csv.reader(iter(lines), delimiter=sep)
        ]
    finally:
        csv.field_size_limit(saved)
    got: list[list[object]] = []
    scanner = RecordScanner(limit, sep)
    for line in lines:
        if scanner.feed(line):
            got.append(list(scanner.fields))
            scanner = RecordScanner(limit, sep)
    if scanner.state != 0 or scanner.fields:
        scanner.finish()
        got.append(list(scanner.fields))
    assert got == expected


# ---------------------------------------------------------------- spreadsheets as people keep them


def read(data: bytes, catalog: Catalog, **options: str | None) -> tuple[list[object], list[str]]:
    """``(line, id, ratings)`` of the good records and the ``line: message`` of the bad ones,
    read the fast way and the general way (which must agree)."""
    outcomes = []
    for fast in (True, False):
        good: list[object] = []
        bad: list[str] = []
        stream = streams.CountingReader(io.BytesIO(data))
        for chunk in read_chunks(stream, catalog, "csv", "in.csv", fast_csv=fast, **options):
            for i, key in enumerate(chunk.id_json):
                if i in chunk.errors:
                    bad.append(f"{chunk.lines[i]}: {chunk.errors[i]}")
                else:
                    good.append((int(chunk.lines[i]), json.loads(key), chunk.ratings[i].tolist()))
        outcomes.append((good, bad))
    assert outcomes[0] == outcomes[1]
    return outcomes[0]


def header_error(data: bytes, catalog: Catalog, **options: str | None) -> str:
    with pytest.raises(BatchInputError) as caught:
        read(data, catalog, **options)
    return caught.value.message


LEVELS = [MLE[s] for s in SKILLS]
ROW = ",".join(map(str, LEVELS))


@pytest.mark.parametrize(
    "header",
    [
        "id,Systems,Databases,ML,Algorithms,Statistics,SME,Product,Communication",
        "ID, systems ,DATABASES,Machine Learning,algorithms,STATS,Subject-matter expertise,product,communication",
        " Id ,Разработка и инфраструктура,Базы данных,Машинное обучение,Алгоритмы,Статистика,"
        "Знание предметной области,Продуктовый менеджмент,Коммуникация",
        "iD,مهندسی سیستم,پایگاه داده,یادگیری ماشین,الگوریتم\u200cها,آمار,دانش حوزه,محصول,مهارت ارتباطی",
        "notes,id,machine   learning,systems,databases,algorithms,statistics,sme,product,communication,extra",
    ],
    ids=["titles", "case-and-spaces", "russian-titles", "persian-titles", "other-order-extra-columns"],
)
def test_headers_name_skills_by_id_or_title_in_any_language(builtin: Catalog, header: str) -> None:
    names = [c.strip() for c in header.split(",")]
    from roleadvisor.ratings import SkillKeys

    keys = SkillKeys.of(builtin)
    by_column = {i: keys.get(name) for i, name in enumerate(names)}
    cells = [
        "p1" if name.strip().lower() == "id" else str(MLE[by_column[i]]) if by_column[i] else "x"
        for i, name in enumerate(names)
    ]
    good, bad = read(f"{header}\n{','.join(cells)}\n".encode(), builtin)
    assert bad == []
    assert good == [(2, "p1", [MLE[s] for s in builtin.skill_ids])]


def test_headers_follow_the_rule_assess_follows(builtin: Catalog) -> None:
    # the same names assess --rate takes, resolved by the same function
    from roleadvisor.ratings import parse_rate_options

    names = ["Machine learning", "STATS", "subject matter expertise", "Базы данных"]
    rated = parse_rate_options([f"{n}=2" for n in names], builtin)
    header = ",".join(["id", *names, "systems", "algorithms", "product", "communication"])
    good, _ = read(f"{header}\np,2,2,2,2,1,1,1,1\n".encode(), builtin)
    assert good[0][2] == [rated.get(s, 1) for s in builtin.skill_ids]


def test_the_id_column_named_with_id_column(builtin: Catalog) -> None:
    data = f"Student name,Email,{','.join(SKILLS)}\nAna Lima,ana@x,{ROW}\n".encode()
    for name in ("Student name", "student NAME", "  Student   name "):
        assert read(data, builtin, id_column=name)[0] == [(2, "Ana Lima", LEVELS)]
    assert read(data, builtin, id_column="email")[0] == [(2, "ana@x", LEVELS)]


def test_no_id_column_names_the_columns_found_and_the_option(builtin: Catalog) -> None:
    message = header_error(f"Name;Group;{';'.join(SKILLS)}\n".encode(), builtin)
    assert message == (
        "in.csv: the CSV header has no 'id' column (read as ';'-separated, its columns are 'Name', 'Group', "
        "'systems', 'databases', 'ml', 'algorithms', 'stats', 'sme', 'product', 'communication'); "
        "name the column that identifies each person with --id-column, e.g. --id-column Name"
    )
    message = header_error(f"Full name;{';'.join(SKILLS)}\n".encode(), builtin)
    assert message.endswith("e.g. --id-column 'Full name'")
    message = header_error(f"id;{';'.join(SKILLS)}\n".encode(), builtin, id_column="Student")
    assert message.startswith(
        "in.csv: the CSV header has no column 'Student' (--id-column) (read as ';'-separated, "
        "its columns are 'id', 'systems',"
    )


def test_many_columns_are_listed_cut_short(builtin: Catalog) -> None:
    message = header_error(("name," + ",".join(f"c{i}" for i in range(40)) + "\n").encode(), builtin)
    assert "'c10' and 29 more)" in message


def test_two_columns_for_one_skill_or_two_id_columns(builtin: Catalog) -> None:
    message = header_error(f"id,{','.join(SKILLS)},Machine Learning\n".encode(), builtin)
    assert message == (
        "in.csv: the CSV header has 2 columns for skill 'ml': field 4 ('ml') and field 10 "
        "('Machine Learning') (read as ','-separated); keep one"
    )
    message = header_error(f"id;{';'.join(SKILLS)};ID\n".encode(), builtin)
    assert message == (
        "in.csv: the CSV header has 2 id columns: field 1 ('id') and field 10 ('ID') "
        "(read as ';'-separated); keep one"
    )


def test_a_missing_skill_column_names_the_delimiter(builtin: Catalog) -> None:
    message = header_error(b"id\tsystems\tdatabases\tmll\n", builtin)
    assert message.startswith(
        "in.csv: the CSV header lacks skill columns ml (found 'mll'?), algorithms, stats, sme, product, "
        "communication (read as tab-separated); columns not recognised: 'mll'; names accepted: ml (or "
        "Machine learning, یادگیری ماشین, Машинное обучение), algorithms (or الگوریتم\u200cها, Алгоритмы), "
        "stats (or Statistics, آمار, Статистика) (and likewise for the other 3); "
        "expected the columns id, systems, databases, ml,"
    )
    message = header_error(b"id;systems;databases\n", builtin)
    assert "communication (read as ';'-separated); names accepted: ml (or " in message
    assert message.endswith(
        "(and likewise for the other 3); expected id;systems;databases;ml;algorithms;stats;sme;product;communication"
    )


# The trial files of a new user: spreadsheet exports with everyday column names.
EXPORT = "Name;Systems;Databases;ML;Algorithms;Statistics;Domain;Product;Communication\n"
EXPORT_RU = (
    "Имя;Системы;Базы данных;Машинное обучение;Алгоритмы;Статистика;Предметная область;Продукт;Коммуникация\n"
)


def test_a_missing_skill_column_says_which_columns_were_ignored_and_which_names_it_takes(
    builtin: Catalog,
) -> None:
    message = header_error(EXPORT.encode(), builtin, id_column="Name")
    assert message == (
        "in.csv: the CSV header lacks skill column sme (read as ';'-separated); "
        "columns not recognised: 'Domain'; "
        "names accepted: sme (or Subject-matter expertise, دانش حوزه, Знание предметной области); "
        "expected Name;systems;databases;ml;algorithms;stats;sme;product;communication"
    )


def test_a_russian_header_of_everyday_words_gets_the_same_help(builtin: Catalog) -> None:
    message = header_error(EXPORT_RU.encode(), builtin, id_column="имя")
    assert message == (
        "in.csv: the CSV header lacks skill columns systems, sme (found 'Предметная область'?), "
        "product (found 'Продукт'?) (read as ';'-separated); "
        "columns not recognised: 'Системы', 'Предметная область', 'Продукт'; "
        "names accepted: systems (or مهندسی سیستم, Разработка и инфраструктура), "
        "sme (or Subject-matter expertise, دانش حوزه, Знание предметной области), "
        "product (or محصول, Продуктовый менеджмент); "
        "expected имя;systems;databases;ml;algorithms;stats;sme;product;communication"
    )
    assert "\n" not in message


def test_blank_columns_are_not_listed_as_not_recognised(builtin: Catalog) -> None:
    message = header_error(b"id;systems;databases;ml;algorithms;stats;sme;product;;\n", builtin)
    assert message.startswith(
        "in.csv: the CSV header lacks skill column communication (read as ';'-separated); names accepted: "
    )


@pytest.mark.parametrize("column", ["Systems", "machine learning", "Статистика", "SME"])
def test_the_id_column_cannot_be_a_skill_column(builtin: Catalog, column: str) -> None:
    skill = {"Systems": "systems", "machine learning": "ml", "Статистика": "stats", "SME": "sme"}[column]
    message = header_error(EXPORT.encode(), builtin, id_column=column)
    assert message == (
        f"in.csv: --id-column {column!r} names the skill {skill!r}: the id column cannot be a skill "
        "column; name the column that identifies each person, e.g. --id-column Name"
    )
    assert header_error(EXPORT.encode(), builtin, id_column=column, delimiter=";") == message
    # split where the file is not, the header suggests no column
    message = header_error(EXPORT.encode(), builtin, id_column=column, delimiter=",")
    assert message.endswith("cannot be a skill column; name the column that identifies each person")


def test_a_record_that_is_not_utf8_says_how_to_save_the_file(builtin: Catalog) -> None:
    data = HEADER.encode() + "Иван".encode("cp1251") + b"," + ROW.encode() + b"\nok," + ROW.encode() + b"\n"
    long_field = b"x" * 200_000
    data += "Пётр".encode("cp1251") + b"," + long_field + b"," + ROW.encode() + b"\n"
    good, bad = read(data, builtin)
    assert good == [(3, "ok", LEVELS)]
    assert bad == [
        "2: not valid UTF-8; save the file as UTF-8 (CSV UTF-8 in Excel)",
        "4: not valid UTF-8; save the file as UTF-8 (CSV UTF-8 in Excel)",
    ]


@pytest.mark.parametrize(("sep", "name"), [(",", "','"), (";", "';'"), ("\t", "tab")])
def test_each_delimiter_is_sniffed_and_named_in_record_errors(builtin: Catalog, sep: str, name: str) -> None:
    rows = [f"a{sep}{ROW.replace(',', sep)}", f"b{sep}1{sep}2", f"c{sep}{ROW.replace(',', sep)}"]
    data = (HEADER.replace(",", sep) + "\n".join(rows) + "\n").encode()
    good, bad = read(data, builtin)
    assert [g[1] for g in good] == ["a", "c"]
    word = "tab" if sep == "\t" else name
    assert bad == [f"3: has 3 fields, the header has 9 (read as {word}-separated)"]
    assert read(data, builtin, delimiter=sep) == (good, bad)


def test_a_semicolon_export_with_bom_crlf_decimal_commas_and_empty_rows(builtin: Catalog) -> None:
    # as a spreadsheet in a comma-decimal locale saves it: BOM, CRLF, titles, empty rows at the end
    header = "\ufeffID;Systems;Databases;ML;Algorithms;Statistics;SME;Product;Communication"
    rows = [
        "ana;4;3;4;3;2;2;1;3",
        "bo;2;3;3;2;4;4;2;3",
        "cy;4;3;3,5;3;2;2;x;3",
        ";;;;;;;;",
        "dee;4;3;3,0;3;2;2;1;3",
        ";;;;;;;;",
        " ; ;;;;;;; ",
    ]
    good, bad = read(("\r\n".join([header, *rows]) + "\r\n").encode(), builtin)
    assert [(g[0], g[1]) for g in good] == [(2, "ana"), (3, "bo")]
    assert good[0][2] == LEVELS
    assert len(bad) == 2
    assert bad[0].startswith(
        "4: rating for 'ml' is '3,5', a number with a decimal comma (read as ';'-separated); "
    )
    assert "rating for 'product' is 'x', not a number" in bad[0]
    assert bad[1] == (
        "6: rating for 'ml' is '3,0', a number with a decimal comma (read as ';'-separated); "
        "write it with a decimal point: 3.0"
    )


def test_a_comma_file_says_so_when_a_row_has_decimal_commas(builtin: Catalog) -> None:
    _, bad = read((HEADER + "a,4,3,3,5,3,2,2,1,3\n" + 'b,4,3,"3,0",3,2,2,1,3\n').encode(), builtin)
    assert bad == [
        "2: has 10 fields, the header has 9 (read as ','-separated)",
        "3: rating for 'ml' is '3,0', a number with a decimal comma (read as ','-separated); "
        "write it with a decimal point: 3.0",
    ]


def test_a_tie_goes_to_comma_then_semicolon(builtin: Catalog) -> None:
    # valid split at ',' (the last column is 'x;y;id;...') and at ';' (the first is 'id,...,x')
    header = f"{HEADER.strip()},x;y;{HEADER.strip().replace(',', ';')}"
    row_comma = f"p,{ROW},ignored"
    assert read(f"{header}\n{row_comma}\n".encode(), builtin)[0] == [(2, "p", LEVELS)]
    row_semicolon = f"ignored;z;q;{ROW.replace(',', ';')}"
    good, _ = read(f"{header}\n{row_semicolon}\n".encode(), builtin, delimiter=";")
    assert good == [(2, "q", LEVELS)]


def test_a_forced_delimiter_that_does_not_fit_says_which_would(builtin: Catalog) -> None:
    message = header_error(HEADER.replace(",", ";").encode(), builtin, delimiter=",")
    assert message.startswith(
        "in.csv: the CSV header has no 'id' column (read as ','-separated, its columns are"
    )
    assert message.endswith(
        "; read as ';'-separated, it is a valid header: pass --delimiter ';' or leave --delimiter out"
    )


def test_an_unsplittable_header_names_the_likeliest_delimiter(builtin: Catalog) -> None:
    # no split is valid: the error is the one of the split that recognised the most columns
    assert "(read as ';'-separated)" in header_error(b"id;systems;ml;stats\n", builtin)
    assert "(read as tab-separated)" in header_error(b"id\tsystems\tml\tstats\n", builtin)
    assert "(read as ','-separated, its columns are 'nothing here')" in header_error(
        b"nothing here\n", builtin
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"PK\x03\x04\x14\x00\x06\x00", "in.csv: the input is a zip file (an .xlsx workbook?), not CSV; "),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00", "in.csv: the input is an old binary Excel workbook (.xls)"),
    ],
    ids=["xlsx", "xls"],
)
def test_a_workbook_read_as_csv_says_what_it_is(builtin: Catalog, data: bytes, message: str) -> None:
    assert header_error(data, builtin).startswith(message)


# ---------------------------------------------------------------- through the command


def test_a_semicolon_file_through_the_command(invoke: Invoke, tmp_path: Path) -> None:
    source = tmp_path / "learners.csv"
    header = "ID;Systems;Databases;ML;Algorithms;Statistics;SME;Product;Communication"
    source.write_bytes(("\ufeff" + header + "\r\n" + f"ana;{ROW.replace(',', ';')}\r\n;;;;;;;;\r\n").encode())
    result = invoke("batch", str(source))
    assert result.exit_code == 0, result.stderr
    assert [r["id"] for r in records(result.stdout)] == ["ana"]
    assert result.stderr == "batch: 1 record, 1 scored, 0 failed\n"


def test_a_header_error_through_the_command_is_one_line(invoke: Invoke) -> None:
    result = invoke("batch", "-", input=f"Name;{';'.join(SKILLS)}\n")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "error: <stdin>: the CSV header has no 'id' column (read as ';'-separated, its columns are 'Name', "
        "'systems', 'databases', 'ml', 'algorithms', 'stats', 'sme', 'product', 'communication'); "
        "name the column that identifies each person with --id-column, e.g. --id-column Name"
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--delimiter", ";", "-I", "jsonl"], "error: --delimiter applies to CSV input; this input is jsonl"),
        (["--sheet", "Learners"], "error: --sheet applies to .xlsx input; this input is csv"),
        (
            ["--id-column", " "],
            "error: --id-column is blank; give the header of the column holding each person's id",
        ),
        (
            ["--id-column", "Name", "-I", "yaml"],
            "error: --id-column applies to CSV and .xlsx input; this input is yaml",
        ),
        (["--delimiter", "|"], "error: Invalid value for '--delimiter': '|' is not one of ',', ';', 'tab'"),
    ],
    ids=["delimiter-jsonl", "sheet-csv", "blank-id-column", "id-column-yaml", "unknown-delimiter"],
)
def test_input_options_that_do_not_fit_are_usage_errors(
    invoke: Invoke, args: list[str], message: str
) -> None:
    result = invoke("batch", "-", *args, input=HEADER)
    assert result.exit_code == 2
    assert result.stderr.startswith(message)
    assert result.stdout == ""


# The reading options reach the reader through the batch command too.


def test_id_column_through_the_command(invoke: Invoke, tmp_path: Path) -> None:
    source = tmp_path / "learners.csv"
    source.write_text(f"Name;{';'.join(SKILLS)}\nAna Lima;{ROW.replace(',', ';')}\n", encoding="utf-8")
    result = invoke("batch", str(source), "--id-column", "name")
    assert result.exit_code == 0, result.stderr
    assert [r["id"] for r in records(result.stdout)] == ["Ana Lima"]


@pytest.mark.parametrize(
    ("option", "sep"),
    [
        (";", ";"),
        ("tab", "\t"),
        (",", ","),  # what sniffing picks too
    ],
)
def test_delimiter_through_the_command(invoke: Invoke, option: str, sep: str) -> None:
    # the header is valid split at ',' as well (its last column 'x;y...'), so only --delimiter picks sep
    other = ";" if sep == "," else sep
    header = f"{HEADER.strip()},x;y{other}{HEADER.strip().replace(',', other)}"
    row = {
        ",": f"p,{ROW},z",
        ";": f"z;z;q;{ROW.replace(',', ';')}",
        "\t": f"z\tq\t{ROW.replace(',', chr(9))}",
    }[sep]
    result = invoke("batch", "-", "-I", "csv", "--delimiter", option, input=f"{header}\n{row}\n")
    assert result.exit_code == 0, result.stderr
    assert [r["id"] for r in records(result.stdout)] == ["p" if sep == "," else "q"]
