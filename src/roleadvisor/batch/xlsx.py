"""Batch input from an .xlsx workbook, read with openpyxl (the optional extra ``roleadvisor[xlsx]``).

One sheet (the first, or the one named) is read in openpyxl's read-only mode,
row by row. Its first row that is not empty is the header, taken by the CSV
reader's rules (``CsvLayout``: skills by id or title, the id column by name);
every later row is a record by the same rules, numbered by its row in the
sheet. Numbers stay numbers, an empty cell is a missing value, a row of empty
cells is no person, and cells past the header's last column are ignored.
Formulas count by the value the spreadsheet saved for them.

openpyxl is imported here only, when a workbook is read: no other command pays for it.
"""

from __future__ import annotations

import datetime
import importlib
import io
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from roleadvisor.batch import streams
from roleadvisor.batch.csvinput import CsvLayout, decimal_commas
from roleadvisor.batch.ids import text_id
from roleadvisor.batch.records import CHUNK_ROWS, Chunk, ChunkBuilder
from roleadvisor.catalog.models import Catalog
from roleadvisor.errors import BatchInputError
from roleadvisor.ratings import cut, label_key

if TYPE_CHECKING:
    from types import ModuleType

XLSX_MAX_BYTES = 256 * 1024 * 1024  # a workbook is read whole (a zip file needs to seek)
NEEDS_OPENPYXL = "reading .xlsx needs openpyxl: pip install 'roleadvisor[xlsx]'"
_ODS = b"mimetypeapplication/vnd.oasis.opendocument"  # at byte 30 of an OpenDocument file


def _openpyxl() -> ModuleType:
    try:
        return importlib.import_module("openpyxl")  # untyped: used through ``Any``
    except ImportError:
        raise BatchInputError(NEEDS_OPENPYXL) from None


def _reason(exc: BaseException) -> str:
    """What a failure inside openpyxl (or zipfile, or the XML parser) says, on one line, cut short."""
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {cut(text, 120)}" if text else type(exc).__name__


def read_xlsx(
    stream: streams.CountingReader,
    catalog: Catalog,
    name: str,
    *,
    id_column: str | None = None,
    sheet: str | None = None,
) -> Iterator[Chunk]:
    """The records of one sheet of the workbook in ``stream`` (see the module's docstring)."""
    openpyxl = _openpyxl()
    data = streams.read_upto(stream, XLSX_MAX_BYTES + 1)
    if len(data) > XLSX_MAX_BYTES:
        raise BatchInputError(f"{name}: a workbook larger than 256 MiB; save the sheet as CSV, which streams")
    if data[30:].startswith(_ODS):
        raise BatchInputError(
            f"{name}: an OpenDocument spreadsheet (.ods), not .xlsx; save it as .xlsx or CSV"
        )
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # any failure of the parser means the same to the user
        raise BatchInputError(f"{name}: not a readable .xlsx workbook ({_reason(exc)})") from None
    try:
        yield from _read_sheet(_sheet(book, sheet, name), catalog, name, id_column)
    finally:
        book.close()


def _sheet(book: Any, wanted: str | None, name: str) -> Any:  # noqa: ANN401 - openpyxl is untyped
    sheets = list(book.worksheets)
    titles = ", ".join(repr(s.title) for s in sheets)
    if wanted is None:
        if not sheets:
            raise BatchInputError(f"{name}: the workbook has no worksheet")
        return sheets[0]
    for match in (lambda s: s.title == wanted, lambda s: label_key(s.title) == label_key(wanted)):
        found = [s for s in sheets if match(s)]
        if len(found) == 1:
            return found[0]
    raise BatchInputError(f"{name}: the workbook has no sheet {wanted!r} (--sheet); its sheets: {titles}")


def _text(value: object) -> str:
    """A cell as text, as the spreadsheet shows it plainly: ``7`` for 7 and 7.0, dates in ISO form."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    return str(value)


def _empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _rows(sheet: Any, name: str) -> Iterator[tuple[int, tuple[object, ...]]]:  # noqa: ANN401
    """``(row number, values)`` for every row of ``sheet``; a broken file is one clear error."""
    sheet.reset_dimensions()  # a wrong saved size would cut rows or columns off: read what is there
    rows = sheet.iter_rows(values_only=True)
    number = 0
    while True:
        try:
            values = next(rows, None)
        except Exception as exc:  # a damaged sheet fails anywhere inside openpyxl
            raise BatchInputError(
                f"{name}: sheet {sheet.title!r} cannot be read after row {number:,} ({_reason(exc)})"
            ) from None
        if values is None:
            return
        number += 1
        yield number, values


def _read_sheet(sheet: Any, catalog: Catalog, name: str, id_column: str | None) -> Iterator[Chunk]:  # noqa: ANN401
    layout: CsvLayout | None = None
    builder = ChunkBuilder(catalog)
    for number, values in _rows(sheet, name):
        if all(_empty(v) for v in values):
            continue
        if layout is None:
            where = f"the header (row {number:,} of sheet {sheet.title!r})"
            header = [_text(v) for v in values]
            layout = CsvLayout(header, catalog, name, id_column=id_column, delimiter=None, where=where)
            continue
        cells = [*values, *([None] * (layout.ncols - len(values)))]
        ident = text_id(_text(cells[layout.id_col]).strip())
        raw: dict[str, object] = {
            skill: cells[col] for skill, col in zip(builder.skills, layout.skill_cols, strict=True)
        }
        commas = decimal_commas(raw, builder.top)
        builder.add(ident, number, None if commas else raw, error=commas)
        if len(builder) >= CHUNK_ROWS:
            yield builder.build()
    if layout is None:
        raise BatchInputError(
            f"{name}: sheet {sheet.title!r} is empty; expected a header row, then one row per person"
        )
    if len(builder):
        yield builder.build()
