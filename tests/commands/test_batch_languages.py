"""`roleadvisor --lang ru|fa batch`: the bad-record lines, the place of each record, the error records
in the output and the closing summary read in Russian or Persian; English stays as it was.

"No English left" uses the assess check (``leftover_latin``) on stderr once the parts that stay as
written are taken out: the file paths, the quoted values and ids (``"p1"``, ``'systems'``), skill
ids, the command's name ``batch``, the names of formats (``JSON``, ``CSV``, ``UTF-8``, ``Excel``) and
a JSON value quoted as the input wrote it (``true``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from roleadvisor import i18n
from tests.commands.test_assess_languages import leftover_latin
from tests.conftest import Invoke

HEADER = "id,systems,databases,ml,algorithms,statistics,sme,product,communication\n"
GOOD = "3,3,3,3,3,3,3,3"
CSV = (
    HEADER
    + f"p1,{GOOD}\n"
    + "p1,2,2,2,2,2,2,2,2\n"  # a duplicate id
    + "p2,3,3\n"  # a short row
    + f",{GOOD}\n"  # no id
    + "p3,9,3,3,3,3,3,3,3\n"  # a level off the scale
    + "p4,3,3,3,3,3,3,3,\n"  # a rating left out
    + 'p5,"3,5",3,3,3,3,3,3,3\n'  # a decimal comma
)
LONG = "x" * 131_073
CSV_BYTES = (HEADER + f"p1,{LONG},{LONG},3,3,3,3,3,3\n").encode() + b"p\xff2," + GOOD.encode() + b"\n"
ALL = '"systems": 3, "databases": 3, "ml": 3, "algorithms": 3, "statistics": 3, "sme": 3, "product": 3'
JSONL = (
    f'{{"id": "j1", "ratings": {{{ALL}, "communication": 3}}}}\n'
    "[1, 2]\n"  # not an object
    '{"id": "j2", "ratings": {"ml": 3}}\n'  # ratings left out
    '{"id": true, "ml": 3}\n'  # an id that is neither text nor a number
    '{"id": "j1", "ratings": {' + ALL + ', "communication": 2}}\n'  # a duplicate id
)
QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"")
KEPT = {"batch", "id", "JSON", "CSV", "UTF-8", "Excel", "true"}  # true: a JSON id as the input wrote it


@pytest.fixture(autouse=True)
def _english_afterwards() -> Iterator[None]:
    yield
    i18n.activate(i18n.ENGLISH)


def _english_words(text: str, language: str, *paths: Path) -> set[str]:
    """The Latin words of ``text`` beyond the paths, quoted values, ids and ``KEPT``."""
    for path in paths:
        text = text.replace(str(path), " ")
    return leftover_latin(QUOTED.sub(" ", text), language) - KEPT


def _run(invoke: Invoke, language: str, source: Path, out: Path, *args: str) -> tuple[str, list[str]]:
    """stderr, and the error messages of the output's error records."""
    result = invoke("--lang", language, "batch", str(source), "-o", str(out), *args)
    assert result.exit_code == 3, result.stderr
    errors = [
        r["error"] for r in map(json.loads, out.read_text(encoding="utf-8").splitlines()) if "error" in r
    ]
    return result.stderr, errors


@pytest.fixture
def inputs(tmp_path: Path) -> dict[str, Path]:
    paths = {
        "csv": tmp_path / "people.csv",
        "bytes": tmp_path / "long.csv",
        "jsonl": tmp_path / "people.jsonl",
    }
    paths["csv"].write_text(CSV, encoding="utf-8")
    paths["bytes"].write_bytes(CSV_BYTES)
    paths["jsonl"].write_text(JSONL, encoding="utf-8")
    return paths


@pytest.mark.parametrize("language", ["ru", "fa"])
@pytest.mark.parametrize("kind", ["csv", "bytes", "jsonl"])
def test_no_english_left_on_stderr_or_in_the_error_records(
    invoke: Invoke, inputs: dict[str, Path], tmp_path: Path, language: str, kind: str
) -> None:
    out = tmp_path / "out.jsonl"
    stderr, errors = _run(invoke, language, inputs[kind], out)
    assert errors
    assert _english_words(stderr, language, inputs[kind], out) == set()
    assert _english_words("\n".join(errors), language) == set()
    assert len(stderr.splitlines()) == len(errors) + 1  # a line per bad record and the summary


def test_russian_words(invoke: Invoke, inputs: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    stderr, _errors = _run(invoke, "ru", inputs["csv"], out)
    assert stderr.splitlines() == [
        'ошибочная запись: строка 3 (id "p1"): повторный id "p1" (он уже есть у одной из записей выше)',
        "ошибочная запись: строка 4 (id \"p2\"): полей: 3, а в заголовке: 9 (разделитель полей — ',')",
        "ошибочная запись: строка 5: нет id",
        "ошибочная запись: строка 6 (id \"p3\"): оценка навыка 'systems': 9 — вне шкалы от 0 до 5",
        "ошибочная запись: строка 7 (id \"p4\"): нет оценки навыка 'communication'",
        "ошибочная запись: строка 8 (id \"p5\"): оценка навыка 'systems': '3,5' — число с десятичной "
        "запятой (разделитель полей — ','); запишите его с десятичной точкой: 3.5",
        f"batch: 7 записей, оценено: 1, с ошибками: 6; результат записан в {out}",
    ]


def test_persian_words_and_digits(invoke: Invoke, inputs: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    stderr, errors = _run(invoke, "fa", inputs["jsonl"], out)
    lines = stderr.splitlines()
    assert lines[0] == "رکورد نادرست: سطر 2: هر رکورد باید یک شیء JSON باشد"
    assert lines[1].startswith("رکورد نادرست: سطر 3 (شناسه \"j2\"): مهارت 'systems' ارزیابی نشده است؛ ")
    assert lines[-1] == f"batch: ۵ رکورد، ۱ ارزیابی‌شده، ۴ ناموفق؛ در {out} نوشته شد"
    assert errors[-1] == 'شناسهٔ تکراری "j1" (رکوردی پیش‌تر همین شناسه را دارد)'


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", "... and 5 more bad records (see the error records in the output)"),
        ("ru", "... и ещё 5 ошибочных записей (см. записи об ошибках в выводе)"),
        ("fa", "... و ۵ رکورد نادرست دیگر (رکوردهای خطا را در خروجی ببینید)"),
    ],
)
def test_the_bad_records_not_listed_are_counted(
    invoke: Invoke, tmp_path: Path, language: str, words: str
) -> None:
    source = tmp_path / "many.csv"
    source.write_text(HEADER + f",{GOOD}\n" * 25, encoding="utf-8")
    stderr, _errors = _run(invoke, language, source, tmp_path / "out.jsonl")
    assert stderr.splitlines()[-2] == words


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("ru", 'остановлено на первой ошибочной записи: строка 3 (id "p1"): повторный id "p1"'),
        ("fa", 'در نخستین رکورد نادرست متوقف شد: سطر 3 (شناسه "p1"): شناسهٔ تکراری "p1"'),
    ],
)
def test_strict_stops_in_the_language(
    invoke: Invoke, inputs: dict[str, Path], language: str, words: str
) -> None:
    result = invoke("--lang", language, "batch", str(inputs["csv"]), "--strict")
    assert result.exit_code == 3
    assert words in result.stderr


def test_english_is_as_before(invoke: Invoke, inputs: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert _run(invoke, "en", inputs["csv"], out)[0].splitlines() == [
        'bad record: line 3 (id "p1"): duplicate id "p1" (an earlier record has it)',
        "bad record: line 4 (id \"p2\"): has 3 fields, the header has 9 (read as ','-separated)",
        "bad record: line 5: missing id",
        "bad record: line 6 (id \"p3\"): rating for 'systems' is 9, outside the scale 0-5",
        "bad record: line 7 (id \"p4\"): missing rating for 'communication'",
        "bad record: line 8 (id \"p5\"): rating for 'systems' is '3,5', a number with a decimal comma "
        "(read as ','-separated); write it with a decimal point: 3.5",
        f"batch: 7 records, 1 scored, 6 failed; written to {out}",
    ]
    assert _run(invoke, "en", inputs["bytes"], out)[0].splitlines() == [
        f"bad record: line 2 (id \"p1\"): field 2 (systems) has 131,073 characters, starting '{'x' * 40}'; "
        "a field may have at most 131,072 (and 1 more long field) (read as ','-separated)",
        "bad record: line 3: not valid UTF-8; save the file as UTF-8 (CSV UTF-8 in Excel)",
        f"batch: 2 records, 0 scored, 2 failed; written to {out}",
    ]
    assert _run(invoke, "en", inputs["jsonl"], out)[0].splitlines()[:-1] == [
        "bad record: line 2: a record must be a JSON object",
        "bad record: line 3 (id \"j2\"): missing rating for 'systems'; missing rating for 'databases'; "
        "missing rating for 'algorithms'; missing rating for 'stats'; missing rating for 'sme'; "
        "missing rating for 'product'; missing rating for 'communication'",
        "bad record: line 4: the id is true; an id must be text or a number",
        'bad record: line 5 (id "j1"): duplicate id "j1" (an earlier record has it)',
    ]


def test_one_record_is_one_record(invoke: Invoke) -> None:
    result = invoke("batch", "-", "-I", "csv", input=HEADER + f"p1,{GOOD}\n")
    assert result.exit_code == 0
    assert result.stderr == "batch: 1 record, 1 scored, 0 failed\n"


def test_the_check_finds_english_left_in_a_russian_line(inputs: dict[str, Path]) -> None:
    line = f'ошибочная запись: строка 4 (id "p2"): has 3 fields (файл {inputs["csv"]})'
    assert _english_words(line, "ru", inputs["csv"]) == {"has", "fields"}
