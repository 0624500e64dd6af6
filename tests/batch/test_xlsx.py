""".xlsx batch input: a sheet's rows through the CSV header and record rules, and one clear line when
the workbook (or openpyxl) is missing or broken."""

from __future__ import annotations

import datetime
import io
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from roleadvisor.batch import streams, xlsx
from roleadvisor.batch.readers import read_chunks
from roleadvisor.batch.source import InputSpec, open_source, read_people
from roleadvisor.catalog.loader import load_catalog
from roleadvisor.catalog.models import Catalog
from roleadvisor.errors import BatchInputError
from tests.conftest import DS, MLE, Invoke

openpyxl = pytest.importorskip("openpyxl")

SKILLS = list(MLE)
TITLES = ["Systems", "Databases", "ML", "Algorithms", "Statistics", "SME", "Product", "Communication"]
LEVELS = [MLE[s] for s in SKILLS]


@pytest.fixture(scope="module")
def builtin() -> Catalog:
    return load_catalog()


def workbook(*sheets: tuple[str, list[list[object]]]) -> bytes:
    """An .xlsx file with these sheets (title, rows), written by openpyxl."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets:
        sheet = book.create_sheet(title)
        for number, row in enumerate(rows, start=1):
            for column, value in enumerate(row, start=1):
                if value is not None:
                    sheet.cell(row=number, column=column, value=value)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def read(data: bytes, catalog: Catalog, **options: str | None) -> tuple[list[object], list[str]]:
    """``(row, id, ratings)`` of the good records and ``row: message`` of the bad ones."""
    good: list[object] = []
    bad: list[str] = []
    stream = streams.CountingReader(io.BytesIO(data))
    for chunk in read_chunks(stream, catalog, "xlsx", "book.xlsx", **options):
        for i, key in enumerate(chunk.id_json):
            if i in chunk.errors:
                bad.append(f"{chunk.lines[i]}: {chunk.errors[i]}")
            else:
                good.append((int(chunk.lines[i]), json.loads(key), chunk.ratings[i].tolist()))
    return good, bad


def error(data: bytes, catalog: Catalog, **options: str | None) -> str:
    with pytest.raises(BatchInputError) as caught:
        read(data, catalog, **options)
    return caught.value.message


def test_rows_go_through_the_csv_rules(builtin: Catalog) -> None:
    data = workbook(
        (
            "Learners",
            [
                [None],  # rows above the header are skipped when empty
                ["ID", *TITLES, "Notes"],
                ["ana", *LEVELS, "first"],
                [101, *[float(v) for v in LEVELS]],  # a number id is its text; 4.0 is level 4
                [None, None, None],  # an empty row is no person; its number still counts
                ["cy", *[str(v) for v in LEVELS[:-1]], None],  # text levels read as numbers; a missing one
                [" dee ", *LEVELS, None, "past the header", 9],  # cells past the header are ignored
                ["eve", *LEVELS[:2], True, *LEVELS[3:]],
                [None, *LEVELS],
            ],
        )
    )
    good, bad = read(data, builtin)
    assert good == [(3, "ana", LEVELS), (4, "101", LEVELS), (7, "dee", LEVELS)]
    assert bad == [
        "6: missing rating for 'communication'",
        "8: rating for 'ml' is True, not a number; use a whole number 0-5",
        "9: missing id",
    ]


def test_headers_by_title_in_any_case_and_language(builtin: Catalog) -> None:
    titles = ["разработка и инфраструктура", "Базы данных", "МАШИННОЕ ОБУЧЕНИЕ", "Алгоритмы", "Статистика"]
    titles += ["Знание предметной области", "Продуктовый менеджмент", "Коммуникация"]
    data = workbook(("Лист1", [[" Id ", *titles], ["p", *LEVELS]]))
    assert read(data, builtin)[0] == [(2, "p", LEVELS)]


def test_id_column_and_sheet(builtin: Catalog) -> None:
    data = workbook(
        ("Summary", [["nothing to see"]]),
        ("Group B", [["Student", *TITLES], ["Bo Chen", *LEVELS]]),
    )
    assert read(data, builtin, id_column="student", sheet="Group B")[0] == [(2, "Bo Chen", LEVELS)]
    assert read(data, builtin, id_column="Student", sheet="group  b")[0] == [(2, "Bo Chen", LEVELS)]
    assert error(data, builtin, sheet="Group C") == (
        "book.xlsx: the workbook has no sheet 'Group C' (--sheet); its sheets: 'Summary', 'Group B'"
    )
    assert error(data, builtin).startswith(
        "book.xlsx: the header (row 1 of sheet 'Summary') has no 'id' column (its columns are 'nothing to see'); "
        "name the column that identifies each person with --id-column, e.g. --id-column 'nothing to see'"
    )


def test_header_errors_name_the_sheet_and_row(builtin: Catalog) -> None:
    data = workbook(("S", [[], ["id", *TITLES[:-1], "Comunication"]]))
    assert error(data, builtin) == (
        "book.xlsx: the header (row 2 of sheet 'S') lacks skill column communication "
        "(found 'Comunication'?); columns not recognised: 'Comunication'; names accepted: communication "
        "(or مهارت ارتباطی, Коммуникация); expected the columns id, systems, databases, ml, algorithms, stats, "
        "sme, product, communication"
    )
    data = workbook(("S", [["id", *TITLES, "Machine learning"]]))
    assert error(data, builtin) == (
        "book.xlsx: the header (row 1 of sheet 'S') has 2 columns for skill 'ml': field 4 ('ML') and "
        "field 10 ('Machine learning'); keep one"
    )
    assert error(workbook(("Empty", [])), builtin) == (
        "book.xlsx: sheet 'Empty' is empty; expected a header row, then one row per person"
    )


def test_the_id_column_of_a_sheet_cannot_be_a_skill_column(builtin: Catalog) -> None:
    data = workbook(("S", [["Name", *TITLES], ["Ana", *LEVELS]]))
    assert error(data, builtin, id_column="ML") == (
        "book.xlsx: --id-column 'ML' names the skill 'ml': the id column cannot be a skill column; "
        "name the column that identifies each person, e.g. --id-column Name"
    )


def test_values_of_other_kinds(builtin: Catalog) -> None:
    day = datetime.datetime(2026, 3, 1, 0, 0)
    data = workbook(
        (
            "S",
            [
                ["id", *TITLES],
                [day, *LEVELS],  # a date id is its ISO text
                ["half", *LEVELS[:2], 3.5, *LEVELS[3:]],
                ["comma", *LEVELS[:2], "3,0", *LEVELS[3:]],
                ["formula", *LEVELS[:2], "=1+2", *LEVELS[3:]],
            ],
        )
    )
    good, bad = read(data, builtin)
    # the half-level rule: 3.5 is read as the level below
    assert good == [(2, "2026-03-01T00:00:00", LEVELS), (3, "half", [*LEVELS[:2], 3, *LEVELS[3:]])]
    assert bad[0] == (
        "4: rating for 'ml' is '3,0', a number with a decimal comma; write it with a decimal point: 3.0"
    )
    # a formula counts by the value the spreadsheet saved; openpyxl saves none
    assert bad[1] == "5: missing rating for 'ml'"


def test_rows_are_counted_by_the_sheet_even_with_gaps(builtin: Catalog) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    for column, value in enumerate(["id", *TITLES], start=1):
        sheet.cell(row=1, column=column, value=value)
    for column, value in enumerate(["far", *LEVELS], start=1):
        sheet.cell(row=40, column=column, value=value)
    out = io.BytesIO()
    book.save(out)
    assert read(out.getvalue(), builtin)[0] == [(40, "far", LEVELS)]


def test_a_wrong_saved_size_loses_no_row(builtin: Catalog) -> None:
    # some programs save a sheet's size as A1 only; read-only openpyxl would then read one cell
    data = workbook(("S", [["id", *TITLES], ["ana", *LEVELS], ["bo", *[DS[s] for s in SKILLS]]]))
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            body = source.read(item)
            if item.filename.startswith("xl/worksheets/"):
                body, changed = re.subn(rb'<dimension ref="A1:I3"\s*/>', b'<dimension ref="A1"/>', body)
                assert changed == 1
            target.writestr(item, body)
    assert [g[1] for g in read(out.getvalue(), builtin)[0]] == ["ana", "bo"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"PK\x03\x04" + b"\x00" * 40, "book.xlsx: not a readable .xlsx workbook (BadZipFile: "),
        (
            b"not a zip at all",
            "book.xlsx: not a readable .xlsx workbook (BadZipFile: File is not a zip file)",
        ),
    ],
    ids=["truncated", "not-zip"],
)
def test_a_broken_workbook_is_one_error(builtin: Catalog, data: bytes, message: str) -> None:
    assert error(data, builtin).startswith(message)


def test_a_damaged_sheet_is_one_error(builtin: Catalog) -> None:
    data = workbook(("S", [["id", *TITLES], ["ana", *LEVELS]]))
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            body = source.read(item)
            if item.filename.startswith("xl/worksheets/"):
                body = body.replace(b"</sheetData>", b"<row r='3'><c r='A3'><v>1</v></c></sheetDat")
            target.writestr(item, body)
    message = error(out.getvalue(), builtin)
    assert message.startswith("book.xlsx: ")
    assert "\n" not in message and len(message) < 300


def test_an_opendocument_spreadsheet_says_so(builtin: Catalog) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        target.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
    assert error(out.getvalue(), builtin) == (
        "book.xlsx: an OpenDocument spreadsheet (.ods), not .xlsx; save it as .xlsx or CSV"
    )


def test_without_openpyxl_one_line_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, builtin: Catalog
) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # ``import openpyxl`` now fails
    assert error(workbook(("S", [["id"]])), builtin) == (
        "reading .xlsx needs openpyxl: pip install 'roleadvisor[xlsx]'"
    )


# ---------------------------------------------------------------- through the command and the source


def test_batch_reads_a_workbook(invoke: Invoke, tmp_path: Path) -> None:
    source = tmp_path / "learners.xlsx"
    source.write_bytes(
        workbook(("Learners", [["id", *TITLES], ["ana", *LEVELS], ["bo", *[DS[s] for s in SKILLS]]]))
    )
    result = invoke("batch", str(source))
    assert result.exit_code == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in out] == ["ana", "bo"]
    assert out[0]["top_role"] == "ml-engineer"
    csv_like = tmp_path / "learners.csv"
    csv_like.write_text(
        "id,"
        + ",".join(TITLES)
        + "\nana,"
        + ",".join(map(str, LEVELS))
        + "\nbo,"
        + ",".join(str(DS[s]) for s in SKILLS)
        + "\n"
    )
    assert invoke("batch", str(csv_like)).stdout == result.stdout  # the same people, the same output


@pytest.mark.parametrize("args", [["-"], ["-", "-I", "xlsx"]], ids=["sniffed", "forced"])
def test_batch_reads_a_workbook_from_stdin(invoke: Invoke, args: list[str]) -> None:
    result = invoke("batch", *args, input=workbook(("S", [["ID", *TITLES], ["ana", *LEVELS]])))
    assert result.exit_code == 0, result.stderr
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["ana"]


def test_batch_without_openpyxl(invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "learners.xlsx"
    source.write_bytes(workbook(("S", [["id", *TITLES], ["ana", *LEVELS]])))
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    result = invoke("batch", str(source))
    assert result.exit_code == 2
    assert result.stderr == "error: reading .xlsx needs openpyxl: pip install 'roleadvisor[xlsx]'\n"
    assert result.stdout == ""


def test_batch_on_a_corrupt_workbook(invoke: Invoke, tmp_path: Path) -> None:
    source = tmp_path / "learners.xlsx"
    source.write_bytes(workbook(("S", [["id", *TITLES], ["ana", *LEVELS]]))[:500])
    result = invoke("batch", str(source))
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith(f"error: {source}: not a readable .xlsx workbook (")
    assert result.stdout == ""


def test_read_people_passes_id_column_and_sheet(tmp_path: Path) -> None:
    # what cohort and rank get: InputSpec's options reach the reader
    path = tmp_path / "learners.xlsx"
    path.write_bytes(workbook(("Intro", [["x"]]), ("Cohort", [["Name", *TITLES], ["Ana", *LEVELS]])))
    with open_source(InputSpec(str(path), id_column="name", sheet="Cohort")) as source:
        people = read_people(source, load_catalog())
    assert people.ids == ("Ana",)
    assert people.lines.tolist() == [2]


def test_only_a_workbook_imports_openpyxl(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text("id," + ",".join(SKILLS) + "\na," + ",".join(map(str, LEVELS)) + "\n")
    code = (
        "import sys\nfrom roleadvisor.__main__ import main\n"
        f"code = main(['batch', {str(path)!r}])\n"
        "print('openpyxl' in sys.modules, 'roleadvisor.batch.xlsx' in sys.modules, file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=60
    )
    assert done.stderr.splitlines()[-1] == "False False", done.stderr


def test_the_limit_on_a_workbook_s_size(builtin: Catalog, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xlsx, "XLSX_MAX_BYTES", 100)
    assert error(workbook(("S", [["id"]])), builtin) == (
        "book.xlsx: a workbook larger than 256 MiB; save the sheet as CSV, which streams"
    )
