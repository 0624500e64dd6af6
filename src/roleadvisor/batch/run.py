"""A batch run: stream chunks in, mark duplicates, score, write, count.

No printing here: bad records are handed to ``on_error`` and progress to
``on_progress``; the command decides what to show.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import IO

import numpy as np

from roleadvisor.batch.ids import shown_id
from roleadvisor.batch.readers import read_chunks
from roleadvisor.batch.records import Chunk
from roleadvisor.batch.source import mark_duplicates
from roleadvisor.batch.streams import BinaryReadable, CountingReader
from roleadvisor.batch.writers import WriteOptions, Writer
from roleadvisor.catalog.models import Catalog
from roleadvisor.errors import StrictStop
from roleadvisor.vector import Matrices, measure_matrix


@dataclass(frozen=True)
class BatchSummary:
    """How many records were scored and how many failed."""

    scored: int
    failed: int


def describe(chunk: Chunk, i: int) -> str:
    """``line 7 (id "p7"): <message>`` for stderr (a long id cut short)."""
    ident = f" (id {shown_id(chunk.id_json[i])})" if chunk.id_json[i] else ""
    return f"line {chunk.lines[i]}{ident}: {chunk.errors[i]}"


def run_batch(
    stream: BinaryReadable,
    sink: IO[bytes],
    catalog: Catalog,
    *,
    input_format: str,
    name: str,
    write: WriteOptions,
    strict: bool = False,
    on_error: Callable[[str], None] = lambda _line: None,
    on_progress: Callable[[int], None] = lambda _bytes: None,
    fast_csv: bool = True,
    id_column: str | None = None,
    delimiter: str | None = None,
    sheet: str | None = None,
) -> BatchSummary:
    """Score every record of ``stream`` into ``sink``; see the README for formats.

    ``fast_csv=False`` reads CSV the general way only: slower, and the same result (tests compare them).
    """
    m = Matrices.from_catalog(catalog)
    counter = CountingReader(stream)
    writer = Writer(m, write, sink, catalog)
    seen: set[bytes] = set()
    scored = failed = 0
    chunks: Iterator[Chunk] = read_chunks(
        counter,
        catalog,
        input_format,
        name,
        fast_csv=fast_csv,
        id_column=id_column,
        delimiter=delimiter,
        sheet=sheet,
    )
    for chunk in chunks:
        mark_duplicates(chunk, seen)
        if strict and chunk.errors:
            first = min(chunk.errors)
            head = _prefix(chunk, first)
            writer.write(head, measure_matrix(m, head.ratings))
            raise StrictStop(f"--strict: stopped at the first bad record: {describe(chunk, first)}")
        writer.write(chunk, measure_matrix(m, chunk.ratings))
        for i in sorted(chunk.errors):
            on_error(describe(chunk, i))
        failed += len(chunk.errors)
        scored += len(chunk) - len(chunk.errors)
        on_progress(counter.bytes_read)
    return BatchSummary(scored=scored, failed=failed)


def _prefix(chunk: Chunk, end: int) -> Chunk:
    return Chunk(
        id_json=chunk.id_json[:end],
        lines=chunk.lines[:end],
        ratings=np.ascontiguousarray(chunk.ratings[:end]),
        errors={},
    )
