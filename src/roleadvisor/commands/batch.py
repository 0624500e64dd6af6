"""``roleadvisor batch``: open the input and output, run the batch, report on stderr."""

from __future__ import annotations

import sys
import time
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Protocol, cast

from roleadvisor import i18n
from roleadvisor.batch.run import BatchSummary, run_batch
from roleadvisor.batch.source import InputSpec, open_source
from roleadvisor.batch.writers import Tally, WriteOptions
from roleadvisor.catalog.models import Catalog
from roleadvisor.errors import EXIT_OK, EXIT_PARTIAL, BatchInputError, OutputIOError, UsageError
from roleadvisor.i18n import _, ngettext
from roleadvisor.output import WholeWrites, note, open_output
from roleadvisor.ratings import half_levels_note

if TYPE_CHECKING:
    from collections.abc import Sequence

    from rich.progress import Progress, TaskID

    from roleadvisor.contracts.batch import BatchRow

MAX_ERROR_LINES = 20


class TableLayout(Protocol):
    """The batch table's layout (``render.batchtable.BatchTable``, handed in by the CLI)."""

    cut_ids: int
    id_width: int

    def header(self) -> str:
        """The headings line."""
        ...

    def lines(self, rows: Sequence[BatchRow]) -> str:
        """The lines of ``rows``."""
        ...


class MakeTable(Protocol):
    """Makes a ``TableLayout`` for a catalogue's titles and band labels."""

    def __call__(
        self, *, titles: Sequence[str], band_labels: Sequence[str], with_gaps: bool, colour: bool
    ) -> TableLayout:
        """The layout."""
        ...


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
    table: MakeTable | None = None  # how the table is laid out (needed for --format table)


class _Reporter:
    """Bad-record lines on stderr (the first few), and a progress bar on a terminal."""

    def __init__(self, total: int | None, bar: bool = True) -> None:
        self.console: Any = None
        self.total = total
        self.bar = bar
        self.started = time.monotonic()
        self.progress: Progress | None = None
        self.task: TaskID | None = None
        self.shown = 0
        self.hidden = 0

    def error(self, line: str) -> None:
        if self.shown < MAX_ERROR_LINES:
            self.shown += 1
            if self.progress is not None:  # print above the live bar
                self.console.print(
                    _("bad record: {record}").format(record=line), markup=False, highlight=False
                )
            else:
                note(_("bad record: {record}").format(record=line))
        else:
            self.hidden += 1

    def advance(self, bytes_read: int) -> None:
        if self.progress is None:
            if not self.bar:
                return
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


OUTPUT_EXTENSIONS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".txt": "table"}
# extensions of formats batch does not write: a file named so would not hold what it says
OTHER_FORMATS = (".json", ".md", ".markdown", ".html", ".htm", ".svg", ".yaml", ".yml", ".xlsx", ".tsv")


def output_format(options: BatchOptions, stdout_is_terminal: bool | None = None) -> str:
    """``--format``, else what --output's extension names, else table on a terminal, else JSON Lines.

    An --output named for a format batch does not write (``.json``: one JSON document;
    ``.html``) is a usage error rather than a file of another format; any other name
    (``/dev/null``, ``results``, ``out.log``) gets JSON Lines.
    """
    if options.output_format is not None:
        return options.output_format
    if options.output is not None:
        suffix = options.output.suffix.lower()
        if suffix in OTHER_FORMATS:
            json_hint = " (batch writes JSON Lines, one object a line, not one JSON document)"
            raise UsageError(
                f"--output {options.output}: batch does not write the {suffix!r} format; name the file "
                f"{', '.join(OUTPUT_EXTENSIONS)}, or pass --format jsonl, csv or table"
                f"{json_hint if suffix == '.json' else ''}"
            )
        return OUTPUT_EXTENSIONS.get(suffix, "jsonl")
    if stdout_is_terminal is None:
        stdout_is_terminal = sys.stdout is not None and sys.stdout.isatty()
    return "table" if stdout_is_terminal else "jsonl"


class _TableText:
    """The batch table's lines, encoded for where they go (``writers.TableText``)."""

    def __init__(self, table: TableLayout, encoding: str, errors: str) -> None:
        self.table = table
        self.encoding = encoding
        self.errors = errors

    def header(self) -> bytes:
        return self.table.header().encode(self.encoding, self.errors)

    def rows(self, rows: Sequence[BatchRow]) -> bytes:
        return self.table.lines(rows).encode(self.encoding, self.errors)


def _table_text(catalog: Catalog, options: BatchOptions) -> _TableText:
    from roleadvisor.contracts.assess import band_label

    if options.table is None:
        raise ValueError("--format table needs a table layout")
    encoding, errors, colour = "utf-8", "strict", False
    if options.output is None:
        from roleadvisor.output import stdout_console, tolerant

        stdout = tolerant(sys.stdout) if sys.stdout is not None else None
        if stdout is not None:
            encoding = getattr(stdout, "encoding", None) or "utf-8"
            errors = getattr(stdout, "errors", None) or "strict"
        console = stdout_console()
        colour = console.color_system is not None and not console.no_color
    table = options.table(
        titles=[role.title for role in catalog.roles],
        band_labels=[band_label(band.id, catalog) for band in catalog.ranking.bands],
        with_gaps=options.with_gaps,
        colour=colour,
    )
    return _TableText(table, encoding, errors)


SMALL_INPUT_BYTES = 1 << 20  # about 40,000 CSV rows: one chunk or two


def keep_freed_memory() -> None:
    """Ask glibc's malloc to reuse the memory each chunk frees instead of handing it back.

    Every chunk allocates the same few arrays of some megabytes; by default glibc
    maps them afresh and unmaps them when freed, and the kernel then zeroes new
    pages for the next chunk: about 190,000 page faults for 1M profiles. Kept for
    reuse (at most what one chunk needs, so peak memory does not change), that
    falls to about 35,000 and a fifth of a second of system time. Elsewhere (not
    glibc) this does nothing.
    """
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return
    mallopt(-3, 32 * 1024 * 1024)  # M_MMAP_THRESHOLD: chunk-sized arrays come from the heap
    mallopt(-1, 1024 * 1024 * 1024)  # M_TRIM_THRESHOLD: freed heap stays for the next chunk


def run_batch_command(catalog: Catalog, options: BatchOptions) -> int:
    """Run the batch; return the exit code (0 all scored, 3 some failed)."""
    out_fmt = output_format(options)
    keep_freed_memory()
    table = _table_text(catalog, options) if out_fmt == "table" else None
    tally = Tally()
    with ExitStack() as stack:
        source = stack.enter_context(
            open_source(
                InputSpec(
                    options.input, options.input_format, options.id_column, options.delimiter, options.sheet
                )
            )
        )
        name, size = source.name, source.size
        # a table on the screen shows the progress itself, and a bar would be drawn over its lines
        reporter = _Reporter(size, bar=table is None or options.output is not None)
        stack.callback(reporter.close)
        sink = stack.enter_context(open_output(options.output)) if options.output else _stdout_buffer()
        summary: BatchSummary = run_batch(
            source.stream,
            sink,
            catalog,
            input_format=source.fmt,
            name=name,
            write=WriteOptions(
                fmt=out_fmt, top=options.top, with_gaps=options.with_gaps, table=table, tally=tally
            ),
            strict=options.strict,
            on_error=reporter.error,
            on_progress=reporter.advance,
            id_column=source.spec.id_column,
            delimiter=source.spec.delimiter,
            sheet=source.spec.sheet,
            # a small input is scored before worker processes would be made (about 50 ms)
            processes=None if size is None or size > SMALL_INPUT_BYTES else False,
        )
        total = summary.scored + summary.failed
        if total == 0:  # raised inside the output's context, so an existing --output file is kept
            raise BatchInputError(f"{name}: no profiles found")
        sink.flush()
    if reporter.hidden:
        note(
            ngettext(
                "... and {count} more bad record (see the error records in the output)",
                "... and {count} more bad records (see the error records in the output)",
                reporter.hidden,
            ).format(count=i18n.number(reporter.hidden))
        )
    if tally.half_levels:
        note(f"batch: {half_levels_note(tally.half_levels, tally.half_example)}")
    if table is not None and table.table.cut_ids:
        note(
            ngettext(
                "batch: {count} id longer than {width} characters is cut short in the table "
                "(--format jsonl or csv shows ids whole)",
                "batch: {count} ids longer than {width} characters are cut short in the table "
                "(--format jsonl or csv shows ids whole)",
                table.table.cut_ids,
            ).format(count=i18n.number(table.table.cut_ids), width=i18n.number(table.table.id_width))
        )
    where = _("; written to {path}").format(path=options.output) if options.output else ""
    counts = ngettext(
        "batch: {total} record, {scored} scored, {failed} failed",
        "batch: {total} records, {scored} scored, {failed} failed",
        total,
    ).format(total=i18n.number(total), scored=i18n.number(summary.scored), failed=i18n.number(summary.failed))
    note(counts + where)
    return EXIT_PARTIAL if summary.failed else EXIT_OK


def _stdout_buffer() -> IO[bytes]:
    if sys.stdout is None:
        raise OutputIOError("stdout is closed; nothing was written")
    return cast("IO[bytes]", WholeWrites(sys.stdout.buffer))  # a short write to a pipe is not a loss
