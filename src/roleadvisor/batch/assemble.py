"""Build many text records at once with NumPy: rows made of byte segments.

Formatting a million JSON lines one dict at a time costs seconds; here every
row is described as a sequence of segments (constant bytes, a fixed-width
byte matrix, or variable-length bytes) and all rows are laid out in one
buffer with a few vectorised passes. Pure functions, no I/O.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

Bytes = NDArray[np.uint8]
Ints = NDArray[np.int64]


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
    """Variable-length fields: all rows' bytes concatenated, and each row's length."""

    data: Bytes
    lengths: Ints


Segment = Const | Fixed | Var


def choice(table: Sequence[bytes], index: NDArray[np.intp]) -> Var:
    """Row i gets ``table[index[i]]`` (for example the id of its top role)."""
    lengths_tab = np.array([len(item) for item in table], dtype=np.int64)
    flat = np.frombuffer(b"".join(table), dtype=np.uint8)
    starts_tab = np.concatenate(([0], np.cumsum(lengths_tab)[:-1]))
    return gather(flat, starts_tab[index], lengths_tab[index])


def gather(flat: Bytes, starts: Ints, lengths: Ints) -> Var:
    """Row i gets ``flat[starts[i] : starts[i] + lengths[i]]``."""
    total = int(lengths.sum())
    if total == 0:
        return Var(np.zeros(0, dtype=np.uint8), lengths)
    out_starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    shift = np.repeat(starts - out_starts, lengths)
    return Var(flat[np.arange(total, dtype=np.int64) + shift], lengths)


def concat_bytes(items: Sequence[bytes]) -> Var:
    """A ``Var`` segment from one bytes object per row."""
    lengths = np.fromiter(map(len, items), dtype=np.int64, count=len(items))
    return Var(np.frombuffer(b"".join(items), dtype=np.uint8), lengths)


def assemble(rows: int, segments: Sequence[Segment]) -> tuple[Bytes, Ints]:
    """Lay out ``rows`` rows of ``segments``; return the buffer and row offsets (rows + 1).

    Trailing constant and fixed-width segments (typically most of the bytes) are
    merged into one matrix, so only the short variable head of each row needs
    the per-segment passes.
    """
    split = len(segments)
    while split > 0 and not isinstance(segments[split - 1], Var):
        split -= 1
    head, tail = segments[:split], segments[split:]
    if not tail:
        return _interleave(rows, head)
    tail_matrix = _fixed_block(rows, tail)
    if not head:
        offsets = np.arange(rows + 1, dtype=np.int64) * tail_matrix.shape[1]
        return tail_matrix.ravel(), offsets
    head_bytes, head_offsets = _interleave(rows, head)
    head_lengths = np.diff(head_offsets)
    width = tail_matrix.shape[1]
    offsets = head_offsets + np.arange(rows + 1, dtype=np.int64) * width
    pattern = np.empty((rows, 2), dtype=np.int64)
    pattern[:, 0] = head_lengths
    pattern[:, 1] = width
    is_head = np.repeat(np.tile(np.array([True, False]), rows), pattern.ravel())
    out = np.empty(int(offsets[-1]), dtype=np.uint8)
    out[is_head] = head_bytes
    out[~is_head] = tail_matrix.ravel()
    return out, offsets


def _fixed_block(rows: int, segments: Sequence[Segment]) -> Bytes:
    parts: list[Bytes] = []
    for seg in segments:
        if isinstance(seg, Const):
            parts.append(np.broadcast_to(np.frombuffer(seg.value, dtype=np.uint8), (rows, len(seg.value))))
        elif isinstance(seg, Fixed):
            parts.append(seg.matrix)
    return np.concatenate(parts, axis=1) if len(parts) > 1 else np.ascontiguousarray(parts[0])


def _interleave(rows: int, segments: Sequence[Segment]) -> tuple[Bytes, Ints]:
    k = len(segments)
    lengths = np.empty((rows, k), dtype=np.int64)
    for j, seg in enumerate(segments):
        if isinstance(seg, Const):
            lengths[:, j] = len(seg.value)
        elif isinstance(seg, Fixed):
            lengths[:, j] = seg.matrix.shape[1]
        else:
            lengths[:, j] = seg.lengths
    offsets = np.zeros(rows + 1, dtype=np.int64)
    np.cumsum(lengths.sum(axis=1), out=offsets[1:])
    out = np.empty(int(offsets[-1]), dtype=np.uint8)
    if rows == 0:
        return out, offsets
    label = np.repeat(np.tile(np.arange(k, dtype=np.uint8), rows), lengths.ravel())
    for j, seg in enumerate(segments):
        mask = label == j
        if isinstance(seg, Const):
            if seg.value:
                out[mask] = np.tile(np.frombuffer(seg.value, dtype=np.uint8), rows)
        elif isinstance(seg, Fixed):
            out[mask] = seg.matrix.ravel()
        else:
            out[mask] = seg.data
    return out, offsets


def _decimal_table() -> Bytes:
    table = np.zeros((10_001, 6), dtype=np.uint8)
    for q in range(10_001):
        table[q] = np.frombuffer(f"{q // 10_000}.{q % 10_000:04d}".encode(), dtype=np.uint8)
    return table


_DECIMALS = _decimal_table()


def decimals4(values: NDArray[np.float64]) -> Bytes:
    """Numbers in [0, 1] as fixed-width ``d.dddd`` text: shape (...) -> (..., 6) bytes."""
    q = np.rint(np.clip(np.asarray(values), 0.0, 1.0) * 10_000).astype(np.intp)
    out: Bytes = _DECIMALS[q]
    return out
