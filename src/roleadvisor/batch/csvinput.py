"""CSV batch input: the header, then records by Python's ``csv`` rules, fast where that is safe.

The meaning of the input is defined by the general path (``_slow_chunks``):
Python's ``csv`` module with its default dialect, reading lines split at LF,
CRLF or a bare CR, line numbers counted the same way. A field longer than
``FIELD_LIMIT`` characters makes its record an error record (the record still
ends where CSV says it ends, so every later record is read); nothing is lost.

The fast path (``_fast_chunk``) parses quote-free blocks with NumPy and hands
every row it is not sure of to the same per-record code, so it may change the
speed, never the result; a test compares both on arbitrary bytes.
"""

from __future__ import annotations

import csv
import functools
import io
import itertools
import re
import shlex
from collections.abc import Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import cast

import numpy as np
from numpy.typing import NDArray

from roleadvisor.batch import streams
from roleadvisor.batch.ids import shown, text_id
from roleadvisor.batch.records import CHUNK_ROWS, Chunk, ChunkBuilder, joined
from roleadvisor.catalog.models import Catalog
from roleadvisor.errors import BatchInputError
from roleadvisor.i18n import _, ngettext, number
from roleadvisor.ratings import (
    DECIMAL_COMMA,
    SHOWN_CHARS,
    SkillKeys,
    cut,
    decimal_comma_problem,
    label_key,
    level_or_error,
)
from roleadvisor.text import fold

FIELD_LIMIT = 131_072  # characters in one field: the csv module's default limit
HEADER_MAX_BYTES = 1024 * 1024
_SURROGATE = re.compile("[\udc80-\udcff]")  # bytes that were not UTF-8 (surrogateescape)
ZIP_MAGIC = b"PK\x03\x04"  # an .xlsx workbook (or any zip file)
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an old binary .xls workbook


@functools.cache
def _field_end(delimiter: str) -> re.Pattern[str]:
    """Where an unquoted field ends: the delimiter or a line ending."""
    return re.compile(f"[{re.escape(delimiter)}\r\n]")


@dataclass(frozen=True)
class TooLong:
    """A field longer than ``FIELD_LIMIT``: its length and first characters, not its text."""

    length: int
    head: str


Field = str | TooLong


def _field(text: str, limit: int) -> Field:
    return TooLong(len(text), text[:SHOWN_CHARS]) if len(text) > limit else text


# ---------------------------------------------------------------- the header

DELIMITERS = (",", ";", "\t")  # the order sniffing tries them in, and breaks ties in
DELIMITER_NAMES = {",": ",", ";": ";", "tab": "\t", "\t": "\t"}  # what --delimiter may say
SHOWN_COLUMNS = 12  # a header's columns listed in a message, at most
_AS_UTF8 = "as UTF-8 (CSV UTF-8 in Excel)"  # advice for text in another encoding (cp1251, UTF-16)
SAVE_AS_UTF8 = f"save it {_AS_UTF8}"  # after a message about the whole input


def not_utf8() -> str:
    """A record's error when its text is not UTF-8 (in the active language)."""
    return _("not valid UTF-8; save the file as UTF-8 (CSV UTF-8 in Excel)")


def read_as(delimiter: str) -> str:
    """``read as ';'-separated``: how a message names the delimiter it split lines at."""
    return "read as tab-separated" if delimiter == "\t" else f"read as {delimiter!r}-separated"


def _columns(cells: Sequence[Field]) -> str:
    """``'Name', 'Systems', ...``: a header's columns for a message, each and all cut short."""
    shown_cells = [
        f"<{cell.length:,} characters>" if isinstance(cell, TooLong) else cut(repr(cell.strip()))
        for cell in cells[:SHOWN_COLUMNS]
    ]
    more = len(cells) - SHOWN_COLUMNS
    return ", ".join(shown_cells) + (f" and {more:,} more" if more > 0 else "")


def _expected(id_name: str, skills: Sequence[str], delimiter: str | None) -> str:
    """The header a reader would take: ``id;systems;...`` (by column names for tabs and sheets)."""
    if delimiter in (",", ";"):
        return delimiter.join([id_name, *skills])
    return "the columns " + ", ".join([id_name, *skills])


class CsvLayout:
    """Where the id and each skill are in a row, from the header: a CSV line's fields or a sheet's row.

    A column names a skill by its id or its title in any language of the
    catalogue, in any case and spacing (``SkillKeys.get``, the rule every
    rating follows). The id column is ``id`` or ``id_column``, in any case,
    with runs of spaces as one; ``id_column`` may not be a name of a skill.
    ``where`` names the header in messages (``the CSV header``), ``delimiter``
    says how its line was split (``None``: a sheet).
    """

    def __init__(
        self,
        header: Sequence[Field],
        catalog: Catalog,
        name: str,
        *,
        id_column: str | None = None,
        delimiter: str | None = ",",
        where: str = "the CSV header",
    ) -> None:
        self.delimiter = delimiter
        note = f" ({read_as(delimiter)})" if delimiter is not None else ""
        id_name = id_column if id_column is not None else "id"
        expected = _expected(id_name, catalog.skill_ids, delimiter)
        for i, cell in enumerate(header):
            if isinstance(cell, TooLong):
                raise BatchInputError(
                    f"{name}: {where}'s field {i + 1} has {cell.length:,} characters, "
                    f"starting {cell.head!r}; a field may have at most {FIELD_LIMIT:,}{note}"
                )
        cells = [str(h).strip() for h in header]
        keys = SkillKeys.of(catalog)
        if id_column is not None and keys.get(id_column) is not None:
            others = [c for c in cells if c and keys.get(c) is None]
            split = len(others) < len([c for c in cells if c])  # else not split where the file is
            example = f", e.g. --id-column {shlex.quote(others[0][:40])}" if others and split else ""
            raise BatchInputError(
                f"{name}: --id-column {id_column!r} names the skill {keys.get(id_column)!r}: the id column "
                f"cannot be a skill column; name the column that identifies each person{example}"
            )
        names = _names(cells, keys, id_name)
        ids = [i for i, n in enumerate(names) if n == ID]
        if not ids:
            columns = f" ({read_as(delimiter) + ', ' if delimiter else ''}its columns are {_columns(cells)})"
            if id_column is None:
                others = [c for c, n in zip(cells, names, strict=True) if n is None and c]
                example = f", e.g. --id-column {shlex.quote(others[0][:40])}" if others else ""
                raise BatchInputError(
                    f"{name}: {where} has no 'id' column{columns}; name the column that identifies "
                    f"each person with --id-column{example}"
                )
            raise BatchInputError(f"{name}: {where} has no column {id_column!r} (--id-column){columns}")
        missing = [s for s in catalog.skill_ids if s not in names]
        if missing:
            others = [c for c, n in zip(cells, names, strict=True) if n is None and c]
            raise BatchInputError(
                f"{name}: {where} lacks skill column{'s' if len(missing) > 1 else ''} "
                f"{_missing_hints(missing, others, catalog)}{note}{_names_help(missing, others, catalog)}; "
                f"expected {expected}"
            )
        for key in [ID, *catalog.skill_ids]:
            at = [i for i, n in enumerate(names) if n == key]
            if len(at) > 1:
                what = "id columns" if key == ID else f"columns for skill {key!r}"
                fields = " and ".join(f"field {i + 1} ({cut(repr(cells[i]))})" for i in at)
                raise BatchInputError(f"{name}: {where} has {len(at)} {what}: {fields}{note}; keep one")
        self.names = [cells[i] if n == ID or n is None else n for i, n in enumerate(names)]
        self.ncols = len(names)
        self.id_col = ids[0]
        self.skill_cols = [names.index(s) for s in catalog.skill_ids]

    def column(self, index: int) -> str:
        """``field 3 (ml)`` for a record's message (in the active language)."""
        if index < self.ncols:
            return _("field {number} ({name})").format(number=index + 1, name=shown(self.names[index]))
        return _("field {number}").format(number=index + 1)

    def note(self) -> str:
        """`` (read as ';'-separated)`` for a record's message that depends on the delimiter (in the
        active language); empty for a sheet. Messages about the header say it with ``read_as``."""
        if self.delimiter is None:
            return ""
        if self.delimiter == "\t":
            return " (" + _("read as tab-separated") + ")"
        return " (" + _("read as {delimiter}-separated").format(delimiter=repr(self.delimiter)) + ")"


ID = "\0id"  # the id column's place in ``_names`` (no skill id has a NUL in it)


def _names(cells: Sequence[str], keys: SkillKeys, id_name: str) -> list[str | None]:
    """Each column as ``ID``, the skill id it names, or ``None`` (a column that is ignored)."""
    id_key = label_key(id_name)
    return [ID if label_key(cell) == id_key else keys.get(cell) for cell in cells]


SHOWN_SKILLS = 3  # missing skills whose accepted names a message lists, at most


def _skill_names(catalog: Catalog, skill: str) -> list[str]:
    """The names a column may give ``skill``: its id, then its title in each of the catalogue's
    languages, each spelling once (``sme``, ``Subject-matter expertise``, ``Знание предметной области``)."""
    titles = [catalog.translations(language).get(f"skills.{skill}.title") for language in catalog.languages]
    found = [s.title for s in catalog.skills if s.id == skill]
    out: dict[str, str] = {}
    for text in [skill, *found, *titles]:
        if text and fold(text):
            out.setdefault(fold(text), text)
    return list(out.values())


def _missing_hints(missing: Sequence[str], others: Sequence[str], catalog: Catalog) -> str:
    """``sme (found 'Domain'?), product``: each missing skill, with the ignored column it may be."""
    from roleadvisor.lookup import did_you_mean  # only when a header is wrong

    choices = [c[:100] for c in others]
    hints = []
    for skill in missing:
        guess = next(
            (g for g in (did_you_mean(n[:100], choices) for n in _skill_names(catalog, skill)) if g), None
        )
        hints.append(f"{skill} (found {guess!r}?)" if guess else skill)
    return ", ".join(hints)


def _names_help(missing: Sequence[str], others: Sequence[str], catalog: Catalog) -> str:
    """``; columns not recognised: 'Domain'; names accepted: sme (or Subject-matter expertise, ...)``."""
    ignored = f"; columns not recognised: {_columns(others)}" if others else ""
    accepted = []
    for skill in missing[:SHOWN_SKILLS]:
        first, *rest = _skill_names(catalog, skill)
        accepted.append(f"{first} (or {', '.join(rest)})" if rest else first)
    more = len(missing) - SHOWN_SKILLS
    others_too = f" (and likewise for the other {more})" if more > 0 else ""
    return f"{ignored}; names accepted: {', '.join(accepted)}{others_too}"


def _score(names: Sequence[str | None]) -> int:
    """How much of a header a split recognises: the id column and each skill, once."""
    return len({n for n in names if n is not None})


def choose_layout(
    text: str,
    catalog: Catalog,
    name: str,
    *,
    id_column: str | None = None,
    delimiter: str | None = None,
) -> CsvLayout:
    """The layout of a header line, split at ``delimiter`` or, when ``None``, at the first of
    ``,`` ``;`` tab that makes a valid header (ties go to that order).

    When none does, the error is the one of the split that recognised the most columns
    (the same order breaking ties), so it names the delimiter the file most likely uses.
    """
    tried = DELIMITERS if delimiter is None else (delimiter,)
    keys = SkillKeys.of(catalog)
    id_name = id_column if id_column is not None else "id"
    failures: list[tuple[int, BatchInputError]] = []
    for candidate in tried:
        header = _scan_header(text, candidate)
        try:
            return CsvLayout(header, catalog, name, id_column=id_column, delimiter=candidate)
        except BatchInputError as exc:
            cells = [c for c in header if isinstance(c, str)]
            failures.append((_score(_names([c.strip() for c in cells], keys, id_name)), exc))
    best = max(failures, key=lambda failure: failure[0])[1]  # max keeps the first of equals
    if delimiter is not None:
        for other in DELIMITERS:
            if other != delimiter and _valid(text, other, catalog, name, id_column):
                raise BatchInputError(
                    f"{best.message}; {read_as(other)}, it is a valid header: pass --delimiter "
                    f"{'tab' if other == chr(9) else repr(other)} or leave --delimiter out"
                ) from None
    raise best


def _valid(text: str, delimiter: str, catalog: Catalog, name: str, id_column: str | None) -> bool:
    try:
        CsvLayout(_scan_header(text, delimiter), catalog, name, id_column=id_column, delimiter=delimiter)
    except BatchInputError:
        return False
    return True


def _scan_header(text: str, delimiter: str) -> list[Field]:
    scanner = RecordScanner(FIELD_LIMIT, delimiter)
    scanner.feed(text)
    scanner.finish()
    return scanner.fields


def _read_header(
    blocks: Iterator[bytes], catalog: Catalog, name: str, id_column: str | None = None
) -> tuple[str, bytes]:
    """The header line's text (without its line ending) and the bytes read after it."""
    expected = _expected(id_column if id_column is not None else "id", catalog.skill_ids, ",")
    pieces: list[bytes] = []
    size = 0
    leftover = b""
    for block in blocks:
        end = block.find(b"\n") + 1
        if end:
            pieces.append(block[:end])
            leftover = block[end:]
            break
        pieces.append(block)
        size += len(block)
        if size > HEADER_MAX_BYTES:
            break
    line = b"".join(pieces)
    if line.startswith(b"\xef\xbb\xbf"):
        line = line[3:]
    if not line.strip():
        if leftover.strip() or any(block.strip() for block in blocks):
            raise BatchInputError(
                f"{name}: line 1 is blank; the first line must be the CSV header {expected}"
            )
        raise BatchInputError(f"{name}: the input is empty; expected a CSV header {expected}")
    if line.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise BatchInputError(f"{name}: the input is UTF-16 text; {SAVE_AS_UTF8}")
    if line.startswith(ZIP_MAGIC):
        raise BatchInputError(
            f"{name}: the input is a zip file (an .xlsx workbook?), not CSV; "
            "for a workbook pass --input-format xlsx"
        )
    if line.startswith(OLE_MAGIC):
        raise BatchInputError(
            f"{name}: the input is an old binary Excel workbook (.xls), not CSV; save it as .xlsx or as CSV"
        )
    body = line[:-2] if line.endswith(b"\r\n") else line.removesuffix(b"\n")
    if b"\r" in body:
        raise BatchInputError(
            f"{name}: the CSV header line ends in a bare carriage return (CR, old Mac line endings); "
            "save the file with LF or CRLF line endings"
        )
    if len(body) > HEADER_MAX_BYTES:
        raise BatchInputError(
            f"{name}: the first line is longer than {HEADER_MAX_BYTES // 1024 // 1024} MiB; "
            f"expected a CSV header {expected}"
        )
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BatchInputError(
            f"{name}: the CSV header is not UTF-8 text (invalid byte 0x{body[exc.start]:02x} "
            f"at position {exc.start + 1} of line 1); {SAVE_AS_UTF8}"
        ) from None
    return text, leftover


# ---------------------------------------------------------------- records, the general way


_START_RECORD, _START_FIELD, _IN_FIELD, _IN_QUOTED, _QUOTE_IN_QUOTED, _EAT_CRNL = range(6)


class RecordScanner:
    """One CSV record by the ``csv`` module's rules (default dialect, not strict), line by line.

    Unlike the ``csv`` module it has no limit: a field longer than ``limit``
    becomes a ``TooLong`` (its text is not kept), and the record still ends
    where CSV says it does, however far that is. Used on the records the
    ``csv`` module gives up on, and for the header.
    """

    def __init__(self, limit: int, delimiter: str = ",") -> None:
        self.limit = limit
        self.delimiter = delimiter
        self._field_end = _field_end(delimiter)
        self.fields: list[Field] = []
        self.state = _START_RECORD
        self._parts: list[str] = []
        self._length = 0
        self._head = ""

    def _add(self, text: str) -> None:
        if not text:
            return
        self._length += len(text)
        if self._length <= self.limit:
            self._parts.append(text)
            return
        if self._parts:  # the field just became too long: keep its first characters only
            self._head = "".join(self._parts)[:SHOWN_CHARS]
            self._parts = []
        if len(self._head) < SHOWN_CHARS:
            self._head += text[: SHOWN_CHARS - len(self._head)]

    def _save(self) -> None:
        if self._length > self.limit:
            self.fields.append(TooLong(self._length, self._head))
        else:
            self.fields.append("".join(self._parts))
        self._parts, self._length, self._head = [], 0, ""

    def feed(self, line: str) -> bool:
        """Read one line (with its line ending); ``True`` once the record has ended."""
        i, n = 0, len(line)
        while i < n:
            i = self._step(line, i)
        # the end of the line
        if self.state in (_START_FIELD, _IN_FIELD, _QUOTE_IN_QUOTED):
            self._save()
            self.state = _START_RECORD
        elif self.state == _EAT_CRNL:
            self.state = _START_RECORD
        return self.state == _START_RECORD

    def _step(self, line: str, i: int) -> int:
        """Read on from ``line[i]``; the index of the next character to read."""
        state, c = self.state, line[i]
        if state == _START_RECORD:
            self.state = _EAT_CRNL if c in "\r\n" else _START_FIELD
            return i + 1 if c in "\r\n" else i
        if state == _START_FIELD:
            if c == '"':
                self.state = _IN_QUOTED
                return i + 1
            if c in "\r\n" or c == self.delimiter:
                self._save()
                self.state = _START_FIELD if c == self.delimiter else _EAT_CRNL
                return i + 1
            self.state = _IN_FIELD
            return i
        if state == _IN_FIELD:
            match = self._field_end.search(line, i)
            end = match.start() if match else len(line)
            self._add(line[i:end])
            if not match:
                return end
            self._save()
            self.state = _START_FIELD if line[end] == self.delimiter else _EAT_CRNL
            return end + 1
        if state == _IN_QUOTED:
            end = line.find('"', i)
            if end < 0:
                self._add(line[i:])
                return len(line)
            self._add(line[i:end])
            self.state = _QUOTE_IN_QUOTED
            return end + 1
        if state == _QUOTE_IN_QUOTED:
            if c == '"':
                self._add('"')
                self.state = _IN_QUOTED
            elif c in "\r\n" or c == self.delimiter:
                self._save()
                self.state = _START_FIELD if c == self.delimiter else _EAT_CRNL
            else:  # not strict: text after a closing quote joins the field
                self._add(c)
                self.state = _IN_FIELD
            return i + 1
        return i + 1  # _EAT_CRNL: lines end at their line ending, so only \r or \n are left here

    def finish(self) -> None:
        """The input ended: a quoted field still open ends here (as the ``csv`` module does)."""
        if self.state == _IN_QUOTED or self._length:
            self._save()
        self.state = _START_RECORD


def _keeping(lines: Iterable[str], record: list[str]) -> Iterator[str]:
    """``lines``, each also appended to ``record`` (the lines of the record being read)."""
    for line in lines:
        record.append(line)
        yield line


def _rescan(record: list[str], lines: Iterator[str], limit: int, delimiter: str) -> tuple[list[Field], int]:
    """The record the ``csv`` module stopped in, read again from its first line to its real end.

    ``record`` holds its lines read so far; more are taken from ``lines``. Returns the
    fields and how many more lines were taken.
    """
    scanner = RecordScanner(limit, delimiter)
    done = False
    for line in record:
        done = scanner.feed(line)
    taken = 0
    while not done:
        following = next(lines, None)
        record.clear()
        if following is None:
            scanner.finish()
            break
        taken += 1
        done = scanner.feed(following)
    return scanner.fields, taken


def _slow_chunks(
    blocks: Iterable[bytes],
    layout: CsvLayout,
    catalog: Catalog,
    first_line: int,
) -> Iterator[Chunk]:
    """Records with the ``csv`` module; ``first_line`` is the line number of the first byte.

    The module's field limit (a global) is ours while a chunk is read, and given
    back whenever this generator yields or ends.
    """
    text = io.TextIOWrapper(
        io.BufferedReader(streams.BlockStream(blocks)), encoding="utf-8", errors="surrogateescape", newline=""
    )
    record: list[str] = []
    lines = _keeping(text, record)
    reader = csv.reader(lines, delimiter=layout.delimiter or ",")
    builder = ChunkBuilder(catalog)
    limit = FIELD_LIMIT
    skipped = 0  # lines read past the csv module (by _rescan)
    saved = csv.field_size_limit(limit)
    try:
        while True:
            record.clear()
            line = first_line + reader.line_num + skipped
            try:
                row = next(reader, None)
            except csv.Error:  # a field over the limit: read the record again, to its end
                fields, taken = _rescan(record, lines, limit, layout.delimiter or ",")
                skipped += taken
                if not _blank(fields):
                    _add_row(builder, fields, layout, line)
                continue
            if row is None:
                break
            if not _blank(row):
                _add_text_row(builder, row, layout, line)
            if len(builder) >= CHUNK_ROWS:
                csv.field_size_limit(saved)
                yield builder.build()
                saved = csv.field_size_limit(limit)
    finally:
        csv.field_size_limit(saved)
    if len(builder):
        yield builder.build()


def _blank(fields: list[str] | list[Field]) -> bool:
    """A blank line, or a row of empty cells (``;;;;`` as spreadsheets save an empty row): no person."""
    return all(isinstance(f, str) and not f.strip() for f in fields)


def _add_row(builder: ChunkBuilder, fields: list[Field], layout: CsvLayout, line: int) -> None:
    """One record, however it was read: the one rule for ids, field counts and long fields."""
    if any(isinstance(f, TooLong) for f in fields):
        _add_long_row(builder, fields, layout, line)
    else:
        _add_text_row(builder, cast("list[str]", fields), layout, line)


def _add_text_row(builder: ChunkBuilder, fields: list[str], layout: CsvLayout, line: int) -> None:
    """``_add_row`` for a record with no field over the limit (the common case, kept short)."""
    text = "".join(fields)
    if _SURROGATE.search(text):
        builder.add(b"", line, None, error=not_utf8())
        return
    ident = text_id(fields[layout.id_col].strip()) if len(fields) > layout.id_col else b""
    if len(fields) != layout.ncols:
        builder.add(
            ident,
            line,
            None,
            error=_("has {count} fields, the header has {columns}{note}").format(
                count=number(len(fields)), columns=number(layout.ncols), note=layout.note()
            ),
        )
        return
    values: dict[str, object] = {
        skill: fields[col] for skill, col in zip(builder.skills, layout.skill_cols, strict=True)
    }
    commas = decimal_commas(values, builder.top, layout.note()) if "," in text else None
    if commas is not None:
        builder.add(ident, line, None, error=commas)
        return
    builder.add(ident, line, values)


def decimal_commas(values: dict[str, object], top: int, note: str = "") -> str | None:
    """The problems of a row in which some level is written with a decimal comma (``3,5``), or ``None``.

    A comma in a level is a spreadsheet's decimal comma kept whole because the
    file is not comma-separated (or the field was quoted): the message says so,
    and what the same number written with a point would be, rather than calling
    it not a number. Other values get their usual messages.
    """
    if not any(isinstance(v, str) and DECIMAL_COMMA.fullmatch(v) for v in values.values()):
        return None
    problems: list[str] = []
    for skill, value in values.items():
        comma = decimal_comma_problem(value, skill, top, note)
        if comma is not None:
            problems.append(comma)
            continue
        outcome = level_or_error(value, skill, top)
        if isinstance(outcome, str):
            problems.append(outcome)
    return joined(problems)


def _add_long_row(builder: ChunkBuilder, fields: list[Field], layout: CsvLayout, line: int) -> None:
    if _SURROGATE.search("".join(f for f in fields if isinstance(f, str))):
        builder.add(b"", line, None, error=not_utf8())
        return
    id_field = fields[layout.id_col] if len(fields) > layout.id_col else ""
    ident = text_id(id_field.strip()) if isinstance(id_field, str) else b""
    long = [(i, f) for i, f in enumerate(fields) if isinstance(f, TooLong)]
    i, cell = long[0]
    others = len(long) - 1
    more = (
        " ("
        + ngettext("and {count} more long field", "and {count} more long fields", others).format(
            count=number(others)
        )
        + ")"
        if others
        else ""
    )
    builder.add(
        ident,
        line,
        None,
        error=_(
            "{column} has {length} characters, starting {start}; a field may have at most {limit}{more}{note}"
        ).format(
            column=layout.column(i),
            length=number(cell.length),
            start=repr(cell.head),
            limit=number(FIELD_LIMIT),
            more=more,
            note=layout.note(),
        ),
    )


# ---------------------------------------------------------------- reading a CSV input


def read_csv(
    stream: streams.CountingReader,
    catalog: Catalog,
    name: str,
    *,
    fast: bool = True,
    id_column: str | None = None,
    delimiter: str | None = None,
) -> Iterator[Chunk]:
    """CSV with a header ``id,<skills...>``; UTF-8 with or without BOM; extra columns ignored.

    The id column is ``id`` or ``id_column``; the fields are separated by
    ``delimiter`` (``,`` ``;`` or a tab), sniffed from the header when ``None``
    (see ``choose_layout``). ``fast=False`` reads everything the general way
    (for tests: the result must not change).
    """
    blocks = stream.blocks()
    text, leftover = _read_header(blocks, catalog, name, id_column)
    layout = choose_layout(text, catalog, name, id_column=id_column, delimiter=delimiter)
    rest = streams.chain(leftover, blocks)
    if not fast:
        yield from _slow_chunks(rest, layout, catalog, 2)
        return
    pieces = streams.LineBlocks(rest)
    line = 2
    for block in pieces:
        quote = block.find(b'"')
        if quote >= 0:
            # A quoted field may span lines: from the line holding the first quote on,
            # the csv module reads everything.
            at = block.rfind(b"\n", 0, quote) + 1
            line = yield from _fast_or_slow(block[:at], layout, catalog, line)
            yield from _slow_chunks(streams.chain(block[at:], pieces.rest()), layout, catalog, line)
            return
        line = yield from _fast_or_slow(block, layout, catalog, line)


def _count_lines(data: bytes) -> int:
    """Line endings in ``data``: LF, CRLF or a bare CR (as the general path counts lines)."""
    return data.count(b"\n") + data.count(b"\r") - data.count(b"\r\n")


def _fast_or_slow(
    block: bytes, layout: CsvLayout, catalog: Catalog, first_line: int
) -> Generator[Chunk, None, int]:
    """Chunks of ``block`` (complete lines), each part fast if it can be; returns the next line number."""
    line = first_line
    if not block:
        return line
    for part in _split_rows(block, CHUNK_ROWS):
        data = part if part.endswith(b"\n") else part + b"\n"
        has_cr = b"\r" in data
        if has_cr:
            data = data.replace(b"\r\n", b"\n")
        chunk = None if has_cr and b"\r" in data else _fast_chunk(data, layout, catalog, line)
        if chunk is None:
            yield from _slow_chunks([part], layout, catalog, line)
            line += _count_lines(part)
        else:
            yield chunk
            line += len(chunk)  # one row a line here
    return line


def _split_rows(block: bytes, rows: int) -> Iterator[bytes]:
    """Pieces of ``block`` (complete lines) holding at most ``rows`` lines each."""
    newlines = np.flatnonzero(np.frombuffer(block, dtype=np.uint8) == 10)
    cuts = [0, *(newlines[rows - 1 :: rows] + 1).tolist()]
    if cuts[-1] < len(block):
        cuts.append(len(block))
    for start, end in itertools.pairwise(cuts):
        yield block[start:end]


def _quoted(buf: NDArray[np.uint8], starts: NDArray[np.int64], ends: NDArray[np.int64]) -> list[bytes]:
    """``b'"' + buf[s:e] + b'"'`` for each id (``b""`` when empty), laid out with NumPy.

    The ids of a fast block hold no quote, backslash, control character or line
    ending, so each is its own JSON string and a line ending can part them.
    """
    lengths = ends - starts
    size = lengths + 3  # quote, id, quote, line ending
    at = np.zeros(len(size), dtype=np.int64)
    np.cumsum(size[:-1], out=at[1:])
    out = np.empty(int(size.sum()), dtype=np.uint8)
    out[at] = 34
    out[at + lengths + 1] = 34
    out[at + lengths + 2] = 10
    total = int(lengths.sum())
    if total:
        before = np.zeros(len(lengths), dtype=np.int64)
        np.cumsum(lengths[:-1], out=before[1:])
        source = np.arange(total, dtype=np.int64) + np.repeat(starts - before, lengths)
        out[source + np.repeat(at + 1 - starts, lengths)] = buf[source]
    ids = out.tobytes().split(b"\n")
    ids.pop()  # after the last line ending
    for i in np.flatnonzero(lengths == 0).tolist():
        ids[i] = b""
    return ids


def _rows_even(grid: NDArray[np.int64], newlines: NDArray[np.int64]) -> bool:
    """Whether row k holds separators ``grid[k]`` (all separators in order, as many a row).

    It does when each row's first separator comes after the line before it ends, and its
    last before the row ends: then the k-th line ending has exactly k rows' worth before it.
    """
    return bool((grid[1:, 0] > newlines[:-1]).all() and (grid[:, -1] < newlines).all())


def _fast_chunk(block: bytes, layout: CsvLayout, catalog: Catalog, first_line: int) -> Chunk | None:
    """Parse quote-free lines (each ending in LF) with NumPy, or ``None`` to read them the general way."""
    buf = np.frombuffer(block, dtype=np.uint8)
    sep = ord(layout.delimiter or ",")
    if ((buf < 32) & (buf != 10) & (buf != sep)).any() or b"\\" in block:
        return None  # control characters or backslashes in ids need JSON escaping
    try:
        block.decode("utf-8")
    except UnicodeDecodeError:
        return None
    newlines = np.flatnonzero(buf == 10)
    n = len(newlines)
    seps = np.flatnonzero(buf == sep)
    per_row = layout.ncols - 1
    if n == 0 or len(seps) != n * per_row:
        return None
    if per_row and not _rows_even(seps.reshape(n, per_row), newlines):
        return None
    ends = np.empty((n, layout.ncols), dtype=np.int64)
    ends[:, :per_row] = seps.reshape(n, per_row)
    ends[:, per_row] = newlines
    starts = np.empty_like(ends)
    starts[0, 0] = 0
    starts[1:, 0] = newlines[:-1] + 1
    starts[:, 1:] = ends[:, :-1] + 1
    top = min(catalog.scale.max, 9)  # one digit; longer values are rechecked below
    ratings = np.zeros((n, len(layout.skill_cols)), dtype=np.int16)
    # A row no longer than a field may be has no field too long; longer rows are rechecked field by field.
    good = (ends[:, -1] - starts[:, 0]) <= FIELD_LIMIT
    for j, col in enumerate(layout.skill_cols):
        value = buf[starts[:, col]].astype(np.int16) - 48
        ok = ((ends[:, col] - starts[:, col]) == 1) & (value >= 0) & (value <= top)
        ratings[:, j] = np.where(ok, value, 0)
        good &= ok
    id_starts, id_ends = starts[:, layout.id_col], ends[:, layout.id_col]
    if b" " in block or not block.isascii():
        pairs = zip(id_starts.tolist(), id_ends.tolist(), strict=True)
        # ids may need trimming (of any Unicode whitespace), and may be blank once trimmed
        trimmed = [block[s:e].decode("utf-8").strip() for s, e in pairs]
        ids = [b'"' + value.encode("utf-8") + b'"' if value else b"" for value in trimmed]
        no_id = np.fromiter((not value for value in trimmed), dtype=bool, count=n)
    else:
        ids = _quoted(buf, id_starts, id_ends)
        no_id = id_ends == id_starts
    lines = np.arange(first_line, first_line + n, dtype=np.int64)
    chunk = Chunk(id_json=ids, lines=lines, ratings=ratings)
    for i in np.flatnonzero(~good | no_id).tolist():
        # Recheck the odd row the general way: it may be fine (" 3", "3.0", "10") or need a message.
        text = block[starts[i, 0] : ends[i, -1]].decode("utf-8")
        fields = [_field(f, FIELD_LIMIT) for f in text.split(layout.delimiter or ",")]
        if _blank(fields):
            return None  # a row of empty cells is skipped, which the general way does
        builder = ChunkBuilder(catalog)
        _add_row(builder, fields, layout, first_line + i)
        one = builder.build()
        chunk.ratings[i] = one.ratings[0]
        chunk.id_json[i] = one.id_json[0]
        if one.errors:
            chunk.errors[i] = one.errors[0]
        chunk.take_halves(i, one)
    return chunk
