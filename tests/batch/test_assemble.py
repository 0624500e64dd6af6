"""Records laid out with NumPy are the bytes a plain join of their pieces gives."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from roleadvisor.batch.assemble import (
    Choice,
    Const,
    Fixed,
    Segment,
    Var,
    assemble,
    decimal_texts,
    decimals4,
)

# NUL bytes on purpose: NumPy reads a bytes value's trailing NULs as padding
BYTE = st.sampled_from([0, 10, 34, 44, 48, 65, 122, 200, 255])
SHORT = st.lists(BYTE, max_size=6).map(bytes)


def segments(rows: int) -> st.SearchStrategy[list[Segment]]:
    const = SHORT.map(Const)
    fixed = st.integers(0, 5).flatmap(
        lambda width: st.lists(st.lists(BYTE, min_size=width, max_size=width), min_size=rows, max_size=rows).map(
            lambda cells: Fixed(np.array(cells, dtype=np.uint8).reshape(rows, width))
        )
    )
    var = st.lists(SHORT, min_size=rows, max_size=rows).map(Var)
    choice = st.lists(SHORT, min_size=1, max_size=4).flatmap(
        lambda table: st.lists(st.integers(0, len(table) - 1), min_size=rows, max_size=rows).map(
            lambda index: Choice(table, np.array(index, dtype=np.intp))
        )
    )
    return st.lists(st.one_of(const, fixed, var, choice), max_size=7)


def plain(rows: int, segs: list[Segment]) -> list[bytes]:
    out = []
    for i in range(rows):
        parts = []
        for seg in segs:
            if isinstance(seg, Const):
                parts.append(seg.value)
            elif isinstance(seg, Fixed):
                parts.append(seg.matrix[i].tobytes())
            elif isinstance(seg, Var):
                parts.append(seg.items[i])
            else:
                parts.append(seg.table[int(seg.index[i])])
        out.append(b"".join(parts))
    return out


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 6).flatmap(lambda rows: st.tuples(st.just(rows), segments(rows))))
def test_every_row_is_the_join_of_its_pieces(case: tuple[int, list[Segment]]) -> None:
    rows, segs = case
    assert assemble(rows, segs) == plain(rows, segs)


@settings(max_examples=100, deadline=None)
@given(
    st.integers(1, 6).flatmap(
        lambda rows: st.tuples(
            st.just(rows),
            st.lists(st.lists(st.sampled_from([48, 65, 122]), max_size=9).map(bytes), min_size=rows, max_size=rows),
        )
    )
)
def test_the_fast_way_is_taken_without_nul_and_agrees(case: tuple[int, list[bytes]]) -> None:
    """Without a NUL byte anywhere the pieces are joined by ``numpy.strings.add``: same bytes."""
    rows, ids = case
    digits = decimals4(np.linspace(0, 1, rows))
    segs: list[Segment] = [
        Const(b'{"id":'),
        Var(ids),
        Const(b',"x":'),
        Fixed(digits),
        Choice([b"a", b"bbb", b""], np.arange(rows, dtype=np.intp) % 3),
        Const(b"}\n"),
    ]
    assert assemble(rows, segs) == plain(rows, segs)


@given(st.lists(st.floats(0, 1), min_size=1, max_size=50))
def test_four_decimals_read_like_python_formats_a_rounded_fit(values: list[float]) -> None:
    fits = np.round(np.array(values), 4)  # as the engine rounds every fit and match
    expected = [f"{v:.4f}".encode() for v in fits.tolist()]
    assert [bytes(row) for row in decimals4(fits)] == expected
    assert decimal_texts(fits).tolist() == expected


def test_out_of_range_values_are_clipped() -> None:
    assert [bytes(row) for row in decimals4(np.array([-0.5, 1.5, 0.99995]))] == [b"0.0000", b"1.0000", b"1.0000"]
