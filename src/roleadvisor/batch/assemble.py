"""Build many text records at once with NumPy: rows made of byte segments.

Formatting a million JSON lines one dict at a time costs seconds. Here every
row is described as a sequence of segments (constant bytes, a fixed-width
byte matrix, one bytes value per row, or a choice from a short table). Runs of
constant and fixed-width segments are laid out as one matrix, row by row in a
single pass, and the few variable-length pieces are joined to them with
NumPy's string addition (``numpy.strings.add``), which works in C on arrays of
fixed-width bytes. Pure functions, no I/O.

A NumPy bytes value reads trailing NUL bytes as padding, so a row whose pieces
hold a NUL byte (only a CSV id can) is laid out the plain way, with
``bytes.join``: slower, and the same bytes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

Bytes = NDArray[np.uint8]
Texts = NDArray[np.bytes_]


@dataclass(frozen=True)
class Const:
    """The same bytes in every row."""

    value: bytes


@dataclass(frozen=True)
class Fixed:
    """A (rows, width) byte matrix: one fixed-width field per row."""

    matrix: Bytes


@dataclass(frozen=True)
class Var:
    """One bytes value per row, of any length."""

    items: Sequence[bytes]


@dataclass(frozen=True)
class Choice:
    """Row i gets ``table[index[i]]`` (for example the id of its best role)."""

    table: Sequence[bytes]
    index: NDArray[np.intp]


Segment = Const | Fixed | Var | Choice


def assemble(rows: int, segments: Sequence[Segment]) -> list[bytes]:
    """Lay out ``rows`` rows of ``segments``: one bytes object per row."""
    if rows == 0:
        return []
    if any(_holds_nul(seg) for seg in segments):
        return _one_by_one(rows, segments)
    out: Texts | None = None
    for block in _blocks(rows, segments):
        out = block if out is None else np.strings.add(out, block)
    if out is None:
        return [b""] * rows
    return list(np.broadcast_to(out, (rows,)).tolist())


def _blocks(rows: int, segments: Sequence[Segment]) -> list[Texts]:
    """Each run of constant and fixed-width segments as one array, each other segment as its own."""
    blocks: list[Texts] = []
    run: list[Const | Fixed] = []
    for seg in segments:
        if isinstance(seg, Const | Fixed):
            run.append(seg)
            continue
        if run:
            blocks.append(_fixed_run(rows, run))
            run = []
        if isinstance(seg, Var):
            blocks.append(np.array(seg.items, dtype=np.bytes_))
        else:
            blocks.append(np.array(seg.table, dtype=np.bytes_)[seg.index])
    if run:
        blocks.append(_fixed_run(rows, run))
    return blocks


def _fixed_run(rows: int, run: Sequence[Const | Fixed]) -> Texts:
    """Constant and fixed-width segments side by side: an array of ``rows`` values of one width."""
    if all(isinstance(seg, Const) for seg in run):
        return np.array([b"".join(seg.value for seg in run if isinstance(seg, Const))], dtype=np.bytes_)
    parts: list[Bytes] = []
    for seg in run:
        if isinstance(seg, Const):
            parts.append(np.broadcast_to(np.frombuffer(seg.value, dtype=np.uint8), (rows, len(seg.value))))
        else:
            parts.append(seg.matrix)
    width = sum(part.shape[1] for part in parts)
    if width == 0:
        return np.zeros(rows, "S1")
    if len(parts) == 1 and parts[0].flags.c_contiguous:
        matrix = parts[0]
    else:
        matrix = np.empty((rows, width), dtype=np.uint8)  # in C order whatever the parts' layouts
        np.concatenate(parts, axis=1, out=matrix)
    texts: Texts = matrix.view(f"S{matrix.shape[1]}").reshape(rows)
    return texts


def _holds_nul(seg: Segment) -> bool:
    if isinstance(seg, Const):
        return b"\0" in seg.value
    if isinstance(seg, Fixed):
        return seg.matrix.size > 0 and int(seg.matrix.min()) == 0
    if isinstance(seg, Var):
        return b"\0" in b"".join(seg.items)
    return any(b"\0" in item for item in seg.table)


def _one_by_one(rows: int, segments: Sequence[Segment]) -> list[bytes]:
    """The plain way: every row joined from its pieces."""
    columns: list[Sequence[bytes]] = []
    for seg in segments:
        if isinstance(seg, Const):
            columns.append([seg.value] * rows)
        elif isinstance(seg, Fixed):
            columns.append([row.tobytes() for row in seg.matrix])
        elif isinstance(seg, Var):
            columns.append(seg.items)
        else:
            columns.append([seg.table[k] for k in seg.index.tolist()])
    return [b"".join(parts) for parts in zip(*columns, strict=True)]


def _decimal_table() -> NDArray[np.uint64]:
    """``d.dddd`` for every number of ten-thousandths 0..10000, in the first six bytes of a 64-bit word.

    One word per number, so a look-up moves one machine word (a row of six
    bytes would be copied byte by byte).
    """
    text = b"".join(f"{q // 10_000}.{q % 10_000:04d}\0\0".encode() for q in range(10_001))
    table: NDArray[np.uint64] = np.frombuffer(text, dtype=np.uint64).copy()
    return table


_DECIMALS = _decimal_table()


def decimals4(values: NDArray[np.float64]) -> Bytes:
    """Numbers in [0, 1] as fixed-width ``d.dddd`` text: shape (...) -> (..., 6) bytes (a view)."""
    q = np.rint(np.clip(np.asarray(values), 0.0, 1.0) * 10_000).astype(np.intp)
    words = np.take(_DECIMALS, q)
    out: Bytes = words.view(np.uint8).reshape(*q.shape, 8)[..., :6]
    return out


_DIGITS = np.dtype({"names": ["d"], "formats": ["S6"], "offsets": [0], "itemsize": 8})


def decimal_texts(values: NDArray[np.float64]) -> NDArray[np.bytes_]:
    """``decimals4`` as six-byte values (``S6``): shape (...) -> (...) (a view)."""
    q = np.rint(np.clip(np.asarray(values), 0.0, 1.0) * 10_000).astype(np.intp)
    out: NDArray[np.bytes_] = np.take(_DECIMALS, q).view(_DIGITS)["d"]
    return out
