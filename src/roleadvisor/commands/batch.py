"""``roleadvisor batch``: open the input and output, run the batch, report on stderr."""

from __future__ import annotations

import sys
import time
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from roleadvisor.batch.run import BatchSummary, run_batch
from roleadvisor.batch.source import InputSpec, open_source
from roleadvisor.batch.writers import WriteOptions
from roleadvisor.catalog.models import Catalog
from roleadvisor.errors import EXIT_OK, EXIT_PARTIAL, BatchInputError, OutputIOError, UsageError
from roleadvisor.output import note, open_output

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

MAX_ERROR_LINES = 20


@dataclass(frozen=True)
class BatchOptions:
    """What the command line asked for."""

    input: str
    input_format: str | None
    output: Path | None
    output_format: str | None
    top: int | None
    with_gaps: bool
    strict: bool
    id_column: str | None = None
    delimiter: str | None = None
    sheet: str | None = None


class _Reporter:
    """Bad-record lines on stderr (the first few), and a progress bar on a terminal."""

    def __init__(self, total: int | None) -> None:
        self.console: Any = None
        self.total = total
        self.started = time.monotonic()
        self.progress: Progress | None = None
        self.task: TaskID | None = None
        self.shown = 0
        self.hidden = 0

    def error(self, line: str) -> None:
        if self.shown < MAX_ERROR_LINES:
            self.shown += 1
            if self.progress is not None:  # print above the live bar
                self.console.print(f"bad record: {line}", markup=False, highlight=False)
            else:
                note(f"bad record: {line}")
        else:
            self.hidden += 1

    def advance(self, bytes_read: int) -> None:
        if self.progress is None:
            if time.monotonic() - self.started < 0.5 or sys.stderr is None or not sys.stderr.isatty():
                return
            from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeElapsedColumn

            from roleadvisor.output import stderr_console

            self.console = stderr_console()
            self.progress = Progress(
                TextColumn("scoring"),
                BarColumn(),
                DownloadColumn(),
                TimeElapsedColumn(),
                console=self.console,
                transient=True,
            )
            self.progress.start()
            self.task = self.progress.add_task("batch", total=self.total)
        if self.task is not None:
            self.progress.update(self.task, completed=bytes_read)

    def close(self) -> None:
        if self.progress is not None:
            self.progress.stop()


def _output_format(options: BatchOptions) -> str:
    if options.output_format is not None:
        return options.output_format
    if options.output is not None and options.output.suffix.lower() == ".csv":
        return "csv"
    return "jsonl"


def run_batch_command(catalog: Catalog, options: BatchOptions) -> int:
    """Run the batch; return the exit code (0 all scored, 3 some failed)."""
    out_fmt = _output_format(options)
    if options.top is not None and out_fmt == "csv":
        raise UsageError("--top applies to JSON Lines output; CSV output has one column per role")
    if options.with_gaps and out_fmt == "csv":
        raise UsageError("--with-gaps needs JSON Lines output; CSV has no place for gap lists")
    with ExitStack() as stack:
        source = stack.enter_context(
            open_source(
                InputSpec(
                    options.input, options.input_format, options.id_column, options.delimiter, options.sheet
                )
            )
        )
        name, size = source.name, source.size
        reporter = _Reporter(size)
        stack.callback(reporter.close)
        sink = stack.enter_context(open_output(options.output)) if options.output else _stdout_buffer()
        summary: BatchSummary = run_batch(
            source.stream,
            sink,
            catalog,
            input_format=source.fmt,
            name=name,
            write=WriteOptions(fmt=out_fmt, top=options.top, with_gaps=options.with_gaps),
            strict=options.strict,
            on_error=reporter.error,
            on_progress=reporter.advance,
        )
        total = summary.scored + summary.failed
        if total == 0:  # raised inside the output's context, so an existing --output file is kept
            raise BatchInputError(f"{name}: no profiles found")
        sink.flush()
    if reporter.hidden:
        note(f"... and {reporter.hidden} more bad records (see the error records in the output)")
    where = f"; written to {options.output}" if options.output else ""
    note(f"batch: {total:,} records, {summary.scored:,} scored, {summary.failed:,} failed{where}")
    return EXIT_PARTIAL if summary.failed else EXIT_OK


def _stdout_buffer() -> IO[bytes]:
    if sys.stdout is None:
        raise OutputIOError("stdout is closed; nothing was written")
    return sys.stdout.buffer
