"""Repeated ids found in little memory: the same answers as a set of every id, whatever the hash does."""

from __future__ import annotations

import random
import tempfile
from collections.abc import Sequence

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from roleadvisor.batch import dedupe
from roleadvisor.batch.dedupe import DuplicateIds, IdStore, PrefixFilter, Words
from roleadvisor.batch.records import Chunk
from roleadvisor.batch.source import mark_duplicates
from roleadvisor.errors import BatchInputError


def chunk(ids: Sequence[bytes], errors: dict[int, str] | None = None) -> Chunk:
    n = len(ids)
    return Chunk(
        id_json=list(ids),
        lines=np.arange(2, n + 2, dtype=np.int64),
        ratings=np.zeros((n, 8), dtype=np.int16),
        errors=dict(errors or {}),
    )


def one_hash(keys: Sequence[bytes]) -> Words:
    """Every id gets the same hash: every id after the first is a hash hit."""
    return np.full(len(keys), 0xDEADBEEF_00000000, dtype=np.uint64)


def few_hashes(keys: Sequence[bytes]) -> Words:
    """Four hashes in all (by the id's last byte): many collisions between different ids."""
    return np.array([(key[-1] % 4) << 40 for key in keys], dtype=np.uint64)


HASHES = {"python": dedupe.python_hash, "one": one_hash, "few": few_hashes}


def marked(batches: list[tuple[list[bytes], dict[int, str]]], **kwargs: object) -> list[dict[int, str]]:
    """The errors of each chunk after ``DuplicateIds.mark``."""
    out = []
    with DuplicateIds(**kwargs) as seen:  # type: ignore[arg-type]
        for ids, errors in batches:
            c = chunk(ids, errors)
            seen.mark(c)
            out.append(c.errors)
    return out


def expected(batches: list[tuple[list[bytes], dict[int, str]]]) -> list[dict[int, str]]:
    """The same with a set of every id (``mark_duplicates``, the rule as it always was)."""
    seen: set[bytes] = set()
    out = []
    for ids, errors in batches:
        c = chunk(ids, errors)
        mark_duplicates(c, seen)
        out.append(c.errors)
    return out


def test_a_hash_collision_is_not_a_duplicate_and_a_real_repeat_is() -> None:
    batches = [([b'"ana"', b'"sam"', b'"ana"'], {}), ([b'"bo"', b'"sam"', b'"cy"'], {})]
    errors = marked(batches, hash_ids=one_hash)  # ana, sam, bo and cy all share one hash
    assert errors == [
        {2: 'duplicate id "ana" (an earlier record has it)'},
        {1: 'duplicate id "sam" (an earlier record has it)'},
    ]
    assert errors == expected(batches)


def test_colliding_ids_are_both_kept_and_each_still_caught_when_repeated() -> None:
    """Two different ids with one hash, in different chunks, then each repeated later."""
    first, second = b'"x-1"', b'"y-2"'
    assert first != second
    batches = [([first], {}), ([second], {}), ([b'"z"', second, first], {})]
    assert marked(batches, hash_ids=one_hash) == [
        {},
        {},
        {
            1: 'duplicate id "y-2" (an earlier record has it)',
            2: 'duplicate id "x-1" (an earlier record has it)',
        },
    ]


def test_records_in_error_and_records_without_an_id_are_neither_checked_nor_kept() -> None:
    batches = [
        ([b'"a"', b'"b"', b""], {1: "rating for 'ml' is 9", 2: "missing id"}),
        ([b'"b"', b'"a"', b'"b"'], {}),
    ]
    assert (
        marked(batches)
        == expected(batches)
        == [
            {1: "rating for 'ml' is 9", 2: "missing id"},
            {
                1: 'duplicate id "a" (an earlier record has it)',
                2: 'duplicate id "b" (an earlier record has it)',
            },
        ]
    )


def test_a_long_id_is_cut_short_in_its_message() -> None:
    long = b'"' + b"x" * 100 + b'"'
    errors = marked([([long, long], {})], hash_ids=one_hash)
    assert errors == expected([([long, long], {})])
    assert errors[0][1].startswith('duplicate id "xxxxxxxx') and "102 characters" in errors[0][1]


ids_strategy = st.lists(
    st.tuples(
        st.lists(
            st.one_of(st.integers(0, 40).map(lambda i: b'"%d"' % i), st.just(b"")),
            max_size=30,
        ),
        st.sets(st.integers(0, 29), max_size=4),
    ),
    max_size=8,
)


@settings(max_examples=150, deadline=None)
@given(batches=ids_strategy, hashing=st.sampled_from(sorted(HASHES)), in_memory=st.booleans())
def test_the_same_answers_as_a_set_of_every_id(
    batches: list[tuple[list[bytes], set[int]]], hashing: str, in_memory: bool
) -> None:
    cases = [
        (
            ids,
            {i: "bad" for i in errors if i < len(ids)}
            | {i: "missing id" for i, k in enumerate(ids) if not k},
        )
        for ids, errors in batches
    ]
    store = IdStore(in_memory=in_memory)
    assert marked(cases, hash_ids=HASHES[hashing], store=store) == expected(cases)


def test_many_chunks_many_repeats_with_small_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Runs capped small (so many runs), a small filter, ids repeated near and far."""
    monkeypatch.setattr(dedupe, "MAX_RUN", 64)
    rng = random.Random(4)  # noqa: S311 - reproducible ids, not secrets
    batches = [
        ([b'"p%d"' % rng.randrange(3000) for _ in range(rng.randrange(1, 90))], {}) for _ in range(120)
    ]
    for hashing in (dedupe.python_hash, few_hashes):
        assert marked(batches, hash_ids=hashing) == expected(batches)
    with DuplicateIds() as seen:
        for ids, _ in batches:
            seen.mark(chunk(ids))
        assert seen.runs > 1
        assert len(seen) == len({key for ids, _ in batches for key in ids})


def test_runs_merge_so_there_are_few_of_them() -> None:
    with DuplicateIds() as seen:
        for start in range(0, 200_000, 1000):
            seen.mark(chunk([b'"p%d"' % i for i in range(start, start + 1000)]))
        assert len(seen) == 200_000
        assert seen.runs <= 10  # about log2(200 chunks)
        assert seen.nbytes / len(seen) < 8 + 32 / 8  # a word, and at most 32 filter bits, an id
        again = chunk([b'"p%d"' % i for i in range(0, 200_000, 997)])  # kept before the filter grew
        seen.mark(again)
        assert len(again.errors) == len(again)


def test_the_prefix_filter_has_no_false_negatives_and_few_false_positives() -> None:
    rng = np.random.default_rng(2)
    prefixes = rng.integers(0, 2**32, size=50_000, dtype=np.int64).astype(np.uint64)
    bloom = PrefixFilter(len(prefixes))
    bloom.add(prefixes[:25_000])
    bloom.add(prefixes[25_000:])
    assert bloom.maybe(prefixes).all()
    others = rng.integers(0, 2**32, size=50_000, dtype=np.int64).astype(np.uint64)
    others = others[~np.isin(others, prefixes)]
    assert bloom.maybe(others).mean() < 0.05


def test_too_many_ids_is_said(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dedupe, "MAX_IDS", 5)
    with DuplicateIds("in.csv") as seen:
        seen.mark(chunk([b'"a"', b'"b"', b'"c"']))
        with pytest.raises(BatchInputError) as caught:
            seen.mark(chunk([b'"d"', b'"e"', b'"f"']))
        assert caught.value.message == "in.csv: more than 5 records with an id; split the input"


def test_ids_live_in_a_temporary_file_and_come_back_exactly() -> None:
    store = IdStore()
    assert store.on_disk
    ids = [b'"a"', b"", b'"\\u00e9t\\u00e9"', b"12345678901234567890", b'"' + b"z" * 5000 + b'"']
    store.append(ids[:2])
    store.append(ids[2:])
    assert store.get([4, 0, 1, 3, 2]) == [ids[4], ids[0], ids[1], ids[3], ids[2]]
    store.close()
    store.close()


def test_without_a_temporary_directory_ids_are_kept_in_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(**_: object) -> None:
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(tempfile, "TemporaryFile", refuse)
    store = IdStore()
    assert not store.on_disk
    batches = [([b'"a"', b'"b"'], {}), ([b'"b"', b'"c"'], {})]
    assert marked(batches, hash_ids=one_hash, store=store) == expected(batches)


def test_a_full_temporary_directory_moves_the_ids_to_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    store = IdStore()
    store.append([b'"a"', b'"b"'])
    calls = {"n": 0}
    real = dedupe._write_all

    def full_on_second_file(handle: object, data: bytes) -> None:
        calls["n"] += 1
        if calls["n"] == 2:  # the ids were written, the ends were not
            raise OSError(28, "No space left on device")
        real(handle, data)  # type: ignore[arg-type]

    monkeypatch.setattr(dedupe, "_write_all", full_on_second_file)
    store.append([b'"c"', b'"dd"'])
    assert not store.on_disk
    store.append([b'"e"'])
    assert store.get([0, 1, 2, 3, 4]) == [b'"a"', b'"b"', b'"c"', b'"dd"', b'"e"']
