"""A batch run: stream chunks in, mark duplicates, score, write, count.

No printing here: bad records are handed to ``on_error`` and progress to
``on_progress``; the command decides what to show.

The main thread reads and parses the input, marks repeated ids (in input
order) and reports; workers score chunks and lay out their output bytes
meanwhile. Where they can be (``procs.available``: Linux, no other thread, an
output that is a plain file or pipe) the workers are processes that also write their
chunks, in turn (``roleadvisor.batch.procs``); elsewhere they are threads and
the main thread writes. A chunk is scored a slice of ``SLICE_ROWS`` rows at a
time, so its working arrays stay in the processor's cache. Output is written
strictly in input order, and is the same bytes whatever the workers or the
slice size: every row is scored and written on its own.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial
from typing import IO, cast

import numpy as np
from numpy.typing import NDArray

from roleadvisor.batch import ids, procs
from roleadvisor.batch.dedupe import DuplicateIds
from roleadvisor.batch.levels import LevelTables
from roleadvisor.batch.readers import read_chunks
from roleadvisor.batch.records import Chunk
from roleadvisor.batch.streams import BinaryReadable, CountingReader
from roleadvisor.batch.writers import Tally, WriteOptions, Writer
from roleadvisor.catalog.models import Catalog
from roleadvisor.errors import StrictStop
from roleadvisor.i18n import _
from roleadvisor.vector import Matrices, MeasureArrays, measure_matrix

SLICE_ROWS = 4096  # rows scored and laid out at once: ~400 KiB per (rows, roles) array of floats
AHEAD = 2  # chunks being scored while the main thread reads on


@dataclass(frozen=True)
class BatchSummary:
    """How many records were scored and how many failed."""

    scored: int
    failed: int


def describe(chunk: Chunk, i: int) -> str:
    """``line 7 (id "p7"): <message>`` for stderr (a long id cut short)."""
    return ids.describe(int(chunk.lines[i]), chunk.id_json[i], chunk.errors[i])


def default_threads() -> int:
    """Workers for scoring: one per core, at most two (more gain nothing: the parse is serial)."""
    return max(1, min(2, os.cpu_count() or 1))


class _Pieces:
    """A sink that keeps what is written to it, to be written elsewhere later (``Writer`` only writes)."""

    def __init__(self) -> None:
        self.parts: list[bytes] = []

    def write(self, data: bytes) -> int:
        self.parts.append(data)
        return len(data)

    def take(self) -> list[bytes]:
        parts, self.parts = self.parts, []
        return parts


class _Formatter:
    """Scores a chunk and lays out its output bytes; one ``Writer`` per call, so calls may run at once."""

    def __init__(self, m: Matrices, write: WriteOptions, catalog: Catalog, slice_rows: int) -> None:
        self.m = m
        self.write = write
        self.catalog = catalog
        self.slice_rows = slice_rows
        tables = LevelTables.of(m)
        self.measure: Callable[[NDArray[np.int16]], MeasureArrays] = (
            tables.measure if tables is not None else partial(measure_matrix, m)
        )
        pieces = _Pieces()
        Writer(m, write, cast("IO[bytes]", pieces), catalog)
        self.preamble = b"".join(pieces.take())  # what a writer writes first (the CSV header)

    def writer(self) -> tuple[Writer, _Pieces]:
        """A writer whose preamble is already dropped."""
        pieces = _Pieces()
        writer = Writer(self.m, self.write, cast("IO[bytes]", pieces), self.catalog)
        pieces.take()
        return writer, pieces

    def __call__(self, chunk: Chunk) -> list[bytes]:
        writer, pieces = self.writer()
        n = len(chunk)
        step = self.slice_rows
        for start in range(0, n, step):
            part = chunk if start == 0 and n <= step else _rows(chunk, start, min(n, start + step))
            writer.write(part, self.measure(part.ratings))
        return pieces.take()


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
    threads: int | None = None,
    slice_rows: int = SLICE_ROWS,
    processes: bool | None = None,
) -> BatchSummary:
    """Score every record of ``stream`` into ``sink``; see the README for formats.

    ``fast_csv=False`` reads CSV the general way only: slower, and the same result (tests compare them).
    ``threads``: workers for scoring (``0``: none, all in this thread; default: one per
    core, at most two). ``processes``: whether the workers are processes (see
    ``roleadvisor.batch.procs``; default: where they can be, with two workers or more) or
    threads. None of these, nor ``slice_rows``, changes a byte of the output.
    """
    counter = CountingReader(stream)
    formatter = _Formatter(Matrices.from_catalog(catalog), write, catalog, slice_rows)
    if formatter.preamble:
        sink.write(formatter.preamble)
    chunks = read_chunks(
        counter,
        catalog,
        input_format,
        name,
        fast_csv=fast_csv,
        id_column=id_column,
        delimiter=delimiter,
        sheet=sheet,
    )
    # a table is for people to read (its layout counts what it cuts): laid out here, in order
    workers = 0 if write.fmt == "table" else default_threads() if threads is None else threads
    if processes is None:
        processes = workers >= 2
    if processes and workers > 0 and procs.available(sink):
        output: _Output = _ProcessOutput(sink, formatter, on_error, on_progress, workers, write.tally)
    else:
        output = _Output(sink, on_error, on_progress, workers, write.tally)
    with output, DuplicateIds(name) as seen:
        while True:
            try:
                chunk = next(chunks, None)
                if chunk is not None:
                    seen.mark(chunk)
            except Exception:
                output.finish()  # what was read before the problem is written, as it was read
                raise
            if chunk is None:
                break
            if strict and chunk.errors:
                output.finish()
                first = min(chunk.errors)
                sink.write(b"".join(formatter(_rows(chunk, 0, first))))
                stop = _("--strict: stopped at the first bad record: {record}")
                raise StrictStop(stop.format(record=describe(chunk, first)))
            output.add(chunk, formatter, counter.bytes_read)
        output.finish()
        return BatchSummary(scored=output.scored, failed=output.failed)


class _Output:
    """Chunks scored by worker threads (or here, with none), written to the sink in input order."""

    def __init__(
        self,
        sink: IO[bytes],
        on_error: Callable[[str], None],
        on_progress: Callable[[int], None],
        workers: int,
        tally: Tally | None = None,
    ) -> None:
        self.sink = sink
        self.tally = tally
        self.on_error = on_error
        self.on_progress = on_progress
        self.pool = ThreadPoolExecutor(workers, thread_name_prefix="batch") if workers > 0 else None
        self.pending: deque[tuple[Chunk, Future[list[bytes]], int]] = deque()
        self.scored = self.failed = 0

    def __enter__(self) -> _Output:
        return self

    def __exit__(self, *exc: object) -> None:
        """Stop at once: chunks not yet written are dropped (after a problem, or Ctrl-C)."""
        if self.pool is not None:
            for _, future, _ in self.pending:
                future.cancel()
            self.pool.shutdown(wait=True)  # a running chunk finishes: a few hundredths of a second

    def add(self, chunk: Chunk, formatter: _Formatter, bytes_read: int) -> None:
        """Score and write ``chunk`` (``bytes_read``: of the input so far, for the progress bar)."""
        if self.pool is None:
            self._write(chunk, formatter(chunk), bytes_read)
            return
        self.pending.append((chunk, self.pool.submit(formatter, chunk), bytes_read))
        while len(self.pending) > AHEAD or (len(self.pending) > 1 and self.pending[0][1].done()):
            self._write_oldest()

    def finish(self) -> None:
        """Write every chunk still being scored."""
        while self.pending:
            self._write_oldest()

    def _write_oldest(self) -> None:
        chunk, future, bytes_read = self.pending[0]
        parts = future.result()
        self.pending.popleft()
        self._write(chunk, parts, bytes_read)

    def _write(self, chunk: Chunk, parts: list[bytes], bytes_read: int) -> None:
        for part in parts:
            self.sink.write(part)
        self._tell(chunk, bytes_read)

    def _tell(self, chunk: Chunk, bytes_read: int) -> None:
        """What is told of a chunk once written: its bad records, the tally, the progress."""
        if self.tally is not None:  # here, in input order, on the whole chunk (a slice drops nothing)
            self.tally.add(chunk)
        for i in sorted(chunk.errors):
            self.on_error(describe(chunk, i))
        self.failed += len(chunk.errors)
        self.scored += len(chunk) - len(chunk.errors)
        self.on_progress(bytes_read)


class _ProcessOutput(_Output):
    """``_Output`` with worker processes (``roleadvisor.batch.procs``) instead of threads."""

    def __init__(
        self,
        sink: IO[bytes],
        formatter: _Formatter,
        on_error: Callable[[str], None],
        on_progress: Callable[[int], None],
        workers: int,
        tally: Tally | None = None,
    ) -> None:
        super().__init__(sink, on_error, on_progress, 0, tally)
        self.workers = procs.ProcessOutput(sink, formatter, self._tell, workers)

    def __exit__(self, *exc: object) -> None:
        self.workers.close()

    def add(self, chunk: Chunk, formatter: _Formatter, bytes_read: int) -> None:
        """Hand ``chunk`` to a worker process (``formatter`` is the one each worker got when made)."""
        self.workers.add(chunk, bytes_read)

    def finish(self) -> None:
        """Wait until every chunk handed out is written."""
        self.workers.finish()


def _rows(chunk: Chunk, start: int, end: int) -> Chunk:
    """Rows ``start:end`` of ``chunk`` as a chunk of their own (errors renumbered)."""
    return Chunk(
        id_json=chunk.id_json[start:end],
        lines=chunk.lines[start:end],
        ratings=np.ascontiguousarray(chunk.ratings[start:end]),
        errors={i - start: message for i, message in chunk.errors.items() if start <= i < end},
        halves={i - start: values for i, values in chunk.halves.items() if start <= i < end},
    )
