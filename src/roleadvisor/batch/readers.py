"""Streaming readers for batch input: CSV, JSON Lines, and YAML/JSON lists.

Each reader yields ``Chunk`` objects of bounded size. A problem with one record
becomes an error in its chunk; a problem with the input as a whole (unreadable,
no header, a skill column missing) raises ``BatchInputError`` (exit 2).
"""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Iterable, Iterator
from typing import Any, Protocol

import numpy as np
import orjson

from roleadvisor.batch.records import CHUNK_ROWS, Chunk, ChunkBuilder
from roleadvisor.catalog.models import Catalog
from roleadvisor.errors import BatchInputError, YamlProblem
from roleadvisor.ratings import SkillKeys, record_values
from roleadvisor.safeyaml import load_yaml

BLOCK_BYTES = 4 * 1024 * 1024
LIST_MAX_BYTES = 256 * 1024 * 1024
FORMATS = ("csv", "jsonl", "yaml", "json")
EXTENSIONS = {
    ".csv": "csv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".yaml": "yaml",
    ".yml": "yaml",
    ".json": "json",
}


class BinaryReadable(Protocol):
    """Anything with ``read(size) -> bytes``: a file, stdin's buffer, a wrapped stream."""

    def read(self, size: int = -1, /) -> bytes: ...


class CountingReader:
    """Wraps a binary stream and counts the bytes read (for the progress bar)."""

    def __init__(self, raw: BinaryReadable) -> None:
        self.raw = raw
        self.bytes_read = 0

    def read(self, size: int = -1) -> bytes:
        data = self.raw.read(size)
        self.bytes_read += len(data)
        return data

    def blocks(self) -> Iterator[bytes]:
        """Fixed-size blocks until the end of the stream."""
        while True:
            data = self.read(BLOCK_BYTES)
            if not data:
                return
            yield data


def json_id(value: object) -> bytes:
    """The id as JSON (strings and numbers only); ``b""`` when unusable."""
    if isinstance(value, bool) or value is None:
        return b""
    if isinstance(value, str):
        return orjson.dumps(value) if value.strip() else b""
    if isinstance(value, int | float):
        return orjson.dumps(value)
    return b""


# ---------------------------------------------------------------- CSV


class _CsvLayout:
    def __init__(self, header: list[str], catalog: Catalog, name: str) -> None:
        keys = SkillKeys.of(catalog)
        names = [h.strip() if h.strip() == "id" else (keys.get(h.strip()) or h.strip()) for h in header]
        if "id" not in names:
            raise BatchInputError(f"{name}: the CSV header has no 'id' column (header: {','.join(names)})")
        missing = [s for s in catalog.skill_ids if s not in names]
        if missing:
            from roleadvisor.lookup import did_you_mean

            hints = []
            for skill in missing:
                guess = did_you_mean(skill, [n for n in names if n not in catalog.skill_ids])
                hints.append(f"{skill} (found {guess!r}?)" if guess else skill)
            raise BatchInputError(
                f"{name}: the CSV header lacks skill column{'s' if len(missing) > 1 else ''} "
                f"{', '.join(hints)}; expected id,{','.join(catalog.skill_ids)}"
            )
        duplicated = sorted(
            {n for n in names if names.count(n) > 1 and (n == "id" or n in catalog.skill_ids)}
        )
        if duplicated:
            raise BatchInputError(f"{name}: the CSV header repeats column {', '.join(duplicated)}")
        self.ncols = len(names)
        self.id_col = names.index("id")
        self.skill_cols = [names.index(s) for s in catalog.skill_ids]


def read_csv(stream: CountingReader, catalog: Catalog, name: str) -> Iterator[Chunk]:
    """CSV with a header ``id,<skills...>``; UTF-8 with or without BOM; extra columns ignored.

    Blocks without quotes are parsed with NumPy; anything unusual (quotes, stray
    carriage returns, ragged rows, invalid UTF-8, odd values) takes the ``csv``
    module's path, so the fast path never changes a result, only its speed.
    """
    blocks = stream.blocks()
    pending = b""
    header_line: bytes | None = None
    for block in blocks:
        pending += block
        cut = pending.find(b"\n")
        if cut >= 0:
            header_line, pending = pending[: cut + 1], pending[cut + 1 :]
            break
    else:
        if pending.strip():
            header_line, pending = pending, b""
    if header_line is None or not header_line.strip():
        raise BatchInputError(
            f"{name}: the input is empty; expected a CSV header id,{','.join(catalog.skill_ids)}"
        )
    if header_line.startswith(b"\xef\xbb\xbf"):
        header_line = header_line[3:]
    try:
        header = next(csv.reader([header_line.decode("utf-8").rstrip("\r\n")]))
    except (UnicodeDecodeError, csv.Error, StopIteration):
        raise BatchInputError(f"{name}: the CSV header is not readable UTF-8 text") from None
    layout = _CsvLayout(header, catalog, name)
    line = 2
    for lines_block in _complete_lines(pending, blocks):
        if b'"' in lines_block:
            # Quoted fields may span lines: hand the rest of the stream to the csv module.
            yield from _csv_module_chunks(_chain(lines_block, blocks), layout, catalog, line)
            return
        block = lines_block.replace(b"\r\n", b"\n") if b"\r" in lines_block else lines_block
        for part in _split_rows(block, CHUNK_ROWS):
            chunk = _fast_chunk(part, layout, catalog, line)
            if chunk is None:
                chunk = next(_csv_module_chunks(iter([part]), layout, catalog, line, max_rows=None), None)
            line += part.count(b"\n")
            if chunk is not None and len(chunk):
                yield chunk


def _complete_lines(pending: bytes, blocks: Iterator[bytes]) -> Iterator[bytes]:
    for block in blocks:
        pending += block
        cut = pending.rfind(b"\n")
        if cut >= 0:
            yield pending[: cut + 1]
            pending = pending[cut + 1 :]
    if pending:
        yield pending if pending.endswith(b"\n") else pending + b"\n"


def _split_rows(block: bytes, rows: int) -> Iterator[bytes]:
    """Pieces of ``block`` (complete lines) holding at most ``rows`` lines each."""
    newlines = np.flatnonzero(np.frombuffer(block, dtype=np.uint8) == 10)
    cuts = [0, *(newlines[rows - 1 :: rows] + 1).tolist()]
    if cuts[-1] < len(block):
        cuts.append(len(block))
    for start, end in itertools.pairwise(cuts):
        yield block[start:end]


def _chain(first: bytes, rest: Iterable[bytes]) -> Iterator[bytes]:
    yield first
    yield from rest


def _fast_chunk(block: bytes, layout: _CsvLayout, catalog: Catalog, first_line: int) -> Chunk | None:
    """Parse quote-free complete lines with NumPy, or ``None`` to use the general path."""
    buf = np.frombuffer(block, dtype=np.uint8)
    if ((buf < 32) & (buf != 10)).any() or b"\\" in block:
        return None  # control characters or backslashes in ids need JSON escaping
    try:
        block.decode("utf-8")
    except UnicodeDecodeError:
        return None
    newlines = np.flatnonzero(buf == 10)
    n = len(newlines)
    commas = np.flatnonzero(buf == 44)
    per_row = layout.ncols - 1
    if n == 0 or len(commas) != n * per_row:
        return None
    if per_row and not (np.bincount(np.searchsorted(newlines, commas), minlength=n) == per_row).all():
        return None
    ends = np.empty((n, layout.ncols), dtype=np.int64)
    ends[:, :per_row] = commas.reshape(n, per_row)
    ends[:, per_row] = newlines
    starts = np.empty_like(ends)
    starts[0, 0] = 0
    starts[1:, 0] = newlines[:-1] + 1
    starts[:, 1:] = ends[:, :-1] + 1
    top = catalog.scale.max
    ratings = np.zeros((n, len(layout.skill_cols)), dtype=np.int16)
    good = np.ones(n, dtype=bool)
    for j, col in enumerate(layout.skill_cols):
        value = buf[starts[:, col]].astype(np.int16) - 48
        ok = ((ends[:, col] - starts[:, col]) == 1) & (value >= 0) & (value <= top)
        ratings[:, j] = np.where(ok, value, 0)
        good &= ok
    id_starts, id_ends = starts[:, layout.id_col], ends[:, layout.id_col]
    pairs = zip(id_starts.tolist(), id_ends.tolist(), strict=True)
    if b" " in block:  # ids may need trimming, and may be blank once trimmed
        trimmed = [block[s:e].strip() for s, e in pairs]
        ids = [b'"' + value + b'"' if value else b"" for value in trimmed]
        no_id = np.fromiter((not value for value in trimmed), dtype=bool, count=n)
    else:
        ids = [b'"%s"' % block[s:e] if e > s else b"" for s, e in pairs]
        no_id = id_ends == id_starts
    lines = np.arange(first_line, first_line + n, dtype=np.int64)
    chunk = Chunk(id_json=ids, lines=lines, ratings=ratings)
    for i in np.flatnonzero(~good | no_id).tolist():
        # Recheck the odd row the general way: it may be fine (" 3", "3.0") or need a message.
        fields = block[starts[i, 0] : ends[i, -1]].decode("utf-8").split(",")
        builder = ChunkBuilder(catalog)
        _add_csv_row(builder, fields, layout, first_line + i)
        one = builder.build()
        chunk.ratings[i] = one.ratings[0]
        chunk.id_json[i] = one.id_json[0]
        if one.errors:
            chunk.errors[i] = one.errors[0]
    return chunk


def _add_csv_row(builder: ChunkBuilder, fields: list[str], layout: _CsvLayout, line: int) -> None:
    if len(fields) != layout.ncols:
        id_value = fields[layout.id_col].strip() if len(fields) > layout.id_col else ""
        builder.add(
            json_id(id_value),
            line,
            None,
            error=f"has {len(fields)} fields, the header has {layout.ncols}",
        )
        return
    id_value = fields[layout.id_col].strip()
    values: dict[str, object] = {
        skill: fields[col] for skill, col in zip(builder.skills, layout.skill_cols, strict=True)
    }
    builder.add(json_id(id_value), line, values)


def _csv_module_chunks(
    blocks: Iterable[bytes],
    layout: _CsvLayout,
    catalog: Catalog,
    first_line: int,
    max_rows: int | None = CHUNK_ROWS,
) -> Iterator[Chunk]:
    raw = io.BufferedReader(_BlockStream(blocks))
    text = io.TextIOWrapper(raw, encoding="utf-8", errors="surrogateescape", newline="")
    reader = csv.reader(text)
    builder = ChunkBuilder(catalog)
    previous_line = 0
    try:
        for fields in reader:
            line = first_line + previous_line
            previous_line = reader.line_num
            if not fields or (len(fields) == 1 and not fields[0].strip()):
                continue
            if any("\udc80" <= ch <= "\udcff" for field in fields for ch in field):
                builder.add(b"", line, None, error="not valid UTF-8")
            else:
                _add_csv_row(builder, fields, layout, line)
            if max_rows is not None and len(builder) >= max_rows:
                yield builder.build()
    except csv.Error as exc:
        builder.add(b"", first_line + reader.line_num - 1, None, error=f"unreadable CSV: {exc}")
    if len(builder):
        yield builder.build()


class _BlockStream(io.RawIOBase):
    def __init__(self, blocks: Iterable[bytes]) -> None:
        self._blocks = iter(blocks)
        self._buffer = b""

    def readable(self) -> bool:
        return True

    def readinto(self, target: Any) -> int:  # noqa: ANN401 - the buffer protocol has no precise type
        while not self._buffer:
            nxt = next(self._blocks, None)
            if nxt is None:
                return 0
            self._buffer = nxt
        size = min(len(target), len(self._buffer))
        target[:size] = self._buffer[:size]
        self._buffer = self._buffer[size:]
        return size


# ---------------------------------------------------------------- JSON Lines and lists


def _add_record(builder: ChunkBuilder, record: object, line: int, keys: SkillKeys) -> None:
    if not isinstance(record, dict):
        builder.add(b"", line, None, error="a record must be a JSON object")
        return
    values, problem = record_values(record, keys)
    builder.add(json_id(record.get("id")), line, values, error=problem)


def read_jsonl(stream: CountingReader, catalog: Catalog, name: str) -> Iterator[Chunk]:
    """One JSON object per line: ``{"id": ..., "ratings": {...}}`` or flat ``{"id": ..., "ml": 3}``."""
    del name
    keys = SkillKeys.of(catalog)
    builder = ChunkBuilder(catalog)
    line = 0
    first = True
    for lines_block in _complete_lines(b"", stream.blocks()):
        block = lines_block[3:] if first and lines_block.startswith(b"\xef\xbb\xbf") else lines_block
        first = False
        for raw_line in block.splitlines():
            line += 1
            if not raw_line.strip():
                continue
            try:
                record = orjson.loads(raw_line)
            except orjson.JSONDecodeError as exc:
                builder.add(b"", line, None, error=f"not valid JSON: {str(exc).split(':')[0]}")
                continue
            _add_record(builder, record, line, keys)
            if len(builder) >= CHUNK_ROWS:
                yield builder.build()
    if len(builder):
        yield builder.build()


def read_list(stream: CountingReader, catalog: Catalog, name: str, fmt: str) -> Iterator[Chunk]:
    """A YAML or JSON document holding a list of records (read whole, up to 256 MiB)."""
    data = stream.read(LIST_MAX_BYTES + 1)
    if len(data) > LIST_MAX_BYTES:
        raise BatchInputError(
            f"{name}: a {fmt.upper()} list larger than 256 MiB; use CSV or JSON Lines, which stream"
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BatchInputError(f"{name}: is not UTF-8 text (invalid byte at offset {exc.start})") from None
    try:
        document: Any = orjson.loads(text) if fmt == "json" else load_yaml(text)
    except orjson.JSONDecodeError as exc:
        raise BatchInputError(f"{name}: not valid JSON: {exc}") from None
    except YamlProblem as exc:
        raise BatchInputError(f"{name}: {exc}") from None
    if isinstance(document, dict) and isinstance(document.get("profiles"), list):
        document = document["profiles"]
    if not isinstance(document, list):
        raise BatchInputError(f"{name}: expected a list of profiles (or a mapping with a 'profiles' list)")
    keys = SkillKeys.of(catalog)
    builder = ChunkBuilder(catalog)
    for index, record in enumerate(document):
        _add_record(builder, record, index + 1, keys)
        if len(builder) >= CHUNK_ROWS:
            yield builder.build()
    if len(builder):
        yield builder.build()


def read_chunks(stream: CountingReader, catalog: Catalog, fmt: str, name: str) -> Iterator[Chunk]:
    """Chunks from ``stream`` in format ``fmt``."""
    if fmt == "csv":
        return read_csv(stream, catalog, name)
    if fmt == "jsonl":
        return read_jsonl(stream, catalog, name)
    return read_list(stream, catalog, name, fmt)
