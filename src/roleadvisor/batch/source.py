"""Where many profiles come from: one input (a file or stdin) opened, its format found, read in chunks.

``batch``, ``cohort`` and ``rank`` read their people through here, so the same
file means the same people to all three: the same formats, the same header
rules, the same bad-record messages and the same duplicate-id rule.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
import orjson
from numpy.typing import NDArray

from roleadvisor.batch.csvinput import DELIMITER_NAMES
from roleadvisor.batch.ids import describe, id_text
from roleadvisor.batch.readers import EXTENSIONS, FORMATS, read_chunks
from roleadvisor.batch.records import Chunk
from roleadvisor.batch.sniff import sniff
from roleadvisor.batch.streams import BinaryReadable, CountingReader
from roleadvisor.catalog.models import Catalog
from roleadvisor.errors import BatchInputError, InputIOError, UsageError
from roleadvisor.ratings import HalfLevel


@dataclass(frozen=True)
class InputSpec:
    """What the command line said about the input."""

    path: str  # '-' for stdin
    input_format: str | None = None  # None: from the extension, else sniffed
    id_column: str | None = None  # CSV and xlsx: the column holding the id (default: "id")
    delimiter: str | None = None  # CSV: ",", ";", "\t" or "tab" (default: sniffed from the header)
    sheet: str | None = None  # xlsx: the sheet to read (default: the first)


@dataclass
class Source:
    """An opened input: its name for messages, size if known, format, and a counting stream."""

    name: str
    size: int | None
    fmt: str
    stream: CountingReader
    spec: InputSpec

    def chunks(self, catalog: Catalog, *, fast_csv: bool = True) -> Iterator[Chunk]:
        """The records, in input order, a chunk at a time."""
        return read_chunks(
            self.stream,
            catalog,
            self.fmt,
            self.name,
            fast_csv=fast_csv,
            id_column=self.spec.id_column,
            delimiter=self.spec.delimiter,
            sheet=self.spec.sheet,
        )


@contextmanager
def _open(spec: str) -> Iterator[tuple[BinaryReadable, str, int | None]]:
    if spec == "-":
        if sys.stdin is None:
            raise InputIOError("stdin is closed; nothing to read")
        yield sys.stdin.buffer, "<stdin>", None
        return
    path = Path(spec)
    if not path.exists():
        raise UsageError(f"{spec}: no such file")
    if path.is_dir():
        raise InputIOError(f"{spec}: is a directory, expected a file of profiles")
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise InputIOError(f"{spec}: cannot read: {exc.strerror or exc}") from None
    with handle:
        yield handle, spec, path.stat().st_size


@contextmanager
def open_source(spec: InputSpec) -> Iterator[Source]:
    """Open ``spec`` and find its format (``--input-format``, else the extension, else sniffed)."""
    with _open(spec.path) as (opened, name, size):
        stream: BinaryReadable = opened
        fmt = spec.input_format
        if fmt is None:
            suffix = Path(name).suffix.lower() if name != "<stdin>" else ""
            fmt = EXTENSIONS.get(suffix)
        if fmt is None:
            fmt, stream = sniff(stream, name)
        if fmt not in FORMATS:
            raise UsageError(f"unknown input format {fmt!r}")
        yield Source(name=name, size=size, fmt=fmt, stream=CountingReader(stream), spec=_checked(spec, fmt))


def _checked(spec: InputSpec, fmt: str) -> InputSpec:
    """``spec`` with its delimiter as the character itself, once the options fit the format."""
    if spec.id_column is not None and not spec.id_column.strip():
        raise UsageError("--id-column is blank; give the header of the column holding each person's id")
    if spec.id_column is not None and fmt not in ("csv", "xlsx"):
        raise UsageError(
            f"--id-column applies to CSV and .xlsx input; this input is {fmt} (its records name the id 'id')"
        )
    if spec.sheet is not None and fmt != "xlsx":
        raise UsageError(f"--sheet applies to .xlsx input; this input is {fmt}")
    if spec.delimiter is None:
        return spec
    if fmt != "csv":
        raise UsageError(f"--delimiter applies to CSV input; this input is {fmt}")
    delimiter = DELIMITER_NAMES.get(spec.delimiter)
    if delimiter is None:
        raise UsageError(f"--delimiter {spec.delimiter!r}: use ',', ';' or tab")
    return replace(spec, delimiter=delimiter)


# ---------------------------------------------------------------- duplicates


def mark_duplicates(chunk: Chunk, seen: set[bytes]) -> None:
    """Make every repeated id after its first appearance an error record.

    For commands that hold every record anyway; ``batch`` streams, and uses
    ``roleadvisor.batch.dedupe.DuplicateIds`` (the same rule, in less memory).
    """
    from roleadvisor.batch.ids import duplicate_message

    keys = (
        chunk.id_json
        if not chunk.errors
        else [key for i, key in enumerate(chunk.id_json) if i not in chunk.errors]
    )
    fresh = set(keys)
    fresh.discard(b"")
    if len(fresh) == len(keys) and seen.isdisjoint(fresh):
        seen |= fresh  # the common case, checked in C: no repeats here
        return
    for i, key in enumerate(chunk.id_json):
        if not key or i in chunk.errors:
            continue
        if key in seen:
            chunk.errors[i] = duplicate_message(key)
        else:
            seen.add(key)


# ---------------------------------------------------------------- everyone at once


@dataclass(frozen=True)
class BadRecord:
    """A record that could not be read: where it is, its id if it had one, and why."""

    line: int
    id: str | None
    message: str

    def describe(self) -> str:
        """``line 7 (id "p7"): <message>``, as ``batch`` reports it (a long id cut short)."""
        return describe(self.line, b"" if self.id is None else orjson.dumps(self.id), self.message)


@dataclass(frozen=True)
class People:
    """Every good record of an input, in input order, with its ratings in catalogue skill order."""

    ids: tuple[str, ...]
    lines: NDArray[np.int64]
    ratings: NDArray[np.int16]  # (people, skills)
    bad: tuple[BadRecord, ...] = field(default=())
    half_levels: int = 0  # ratings halfway between two levels, read as the lower one (good records)
    half_example: HalfLevel | None = None  # the first of them

    def __len__(self) -> int:
        return len(self.ids)


def read_people(source: Source, catalog: Catalog, *, limit: int | None = None) -> People:
    """Every record of ``source`` in memory: the good ones scored later, the bad ones listed.

    ``limit``: the most good records to keep (``BatchInputError`` beyond it), for
    commands that hold everyone at once.
    """
    seen: set[bytes] = set()
    ids: list[str] = []
    lines: list[NDArray[np.int64]] = []
    rows: list[NDArray[np.int16]] = []
    bad: list[BadRecord] = []
    half_levels, half_example = 0, None
    for chunk in source.chunks(catalog):
        mark_duplicates(chunk, seen)
        count, first = chunk.scored_halves()
        half_levels += count
        half_example = half_example or first
        keep = np.ones(len(chunk), dtype=bool)
        for i, message in sorted(chunk.errors.items()):
            keep[i] = False
            key = chunk.id_json[i]
            bad.append(BadRecord(int(chunk.lines[i]), id_text(key) if key else None, message))
        ids.extend(id_text(key) for key, ok in zip(chunk.id_json, keep.tolist(), strict=True) if ok)
        lines.append(chunk.lines[keep])
        rows.append(chunk.ratings[keep])
        if limit is not None and len(ids) > limit:
            raise BatchInputError(f"{source.name}: more than {limit:,} profiles; this command holds them all")
    n_skills = len(catalog.skill_ids)
    return People(
        ids=tuple(ids),
        lines=np.concatenate(lines) if lines else np.zeros(0, dtype=np.int64),
        ratings=np.concatenate(rows) if rows else np.zeros((0, n_skills), dtype=np.int16),
        bad=tuple(bad),
        half_levels=half_levels,
        half_example=half_example,
    )
