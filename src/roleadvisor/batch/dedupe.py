"""Repeated ids in a batch run, found exactly, in about 10 bytes of memory a record.

``batch`` streams any number of records, so it cannot hold every id it has
seen. Instead each kept id is hashed (64 bits) and stands in memory as one
64-bit word: the hash's first 32 bits, then the id's number among the ids kept
so far (``ordinal``). The words are kept in sorted NumPy runs (one new run a
chunk; runs of like size are merged, so a word is copied about log2(records /
chunk) times), and a Bloom filter over the hashes' first 32 bits says "surely
new" for almost every new id without searching the runs at all.

A hash is only a hint. Every id whose hash prefix was seen before (or appears
twice in its chunk) is compared byte for byte with the earlier ids that have
that prefix, read back from ``IdStore``, a temporary file holding every kept
id in order. So a record is a duplicate exactly when an earlier kept record
has the very same id, whatever the hashes do: two different ids whose hashes
collide are both kept (tests inject a hash that makes every id collide).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Sequence
from typing import IO

import numpy as np
from numpy.typing import NDArray

from roleadvisor.batch.ids import duplicate_message
from roleadvisor.batch.records import Chunk
from roleadvisor.errors import BatchInputError

Words = NDArray[np.uint64]
HashIds = Callable[[Sequence[bytes]], Words]

ORDINAL_BITS = 32
MAX_IDS = (1 << ORDINAL_BITS) - 1  # ordinals must fit below the hash prefix in one word
_ORDINAL = np.uint64(MAX_IDS)
_SHIFT = np.uint64(ORDINAL_BITS)
MAX_RUN = 1 << 22  # words in a run no merge makes longer (32 MiB): a merge's extra memory stays bounded
FILTER_BITS_PER_ID = 8  # Bloom filter bits per id it is sized for (8 to 32 per id held)
_MIN_CAPACITY_LOG2 = 15


def python_hash(keys: Sequence[bytes]) -> Words:
    """Python's own hash of each id (SipHash, 64 bits, seeded afresh in each process)."""
    return np.fromiter(map(hash, keys), dtype=np.int64, count=len(keys)).view(np.uint64)


# ---------------------------------------------------------------- the ids themselves


class IdStore:
    """Every kept id, in the order kept, readable by ordinal.

    In two temporary files (ids back to back, and where each ends) so they cost
    no memory; in memory when no temporary file can be made or written.
    """

    def __init__(self, *, in_memory: bool = False) -> None:
        self._blob: IO[bytes] | None = None
        self._ends: IO[bytes] | None = None
        self._mem_blob = bytearray()
        self._mem_ends: list[NDArray[np.int64]] = []
        self._size = 0  # bytes of ids so far
        self._count = 0
        if not in_memory:
            try:
                self._blob = tempfile.TemporaryFile(buffering=0)  # noqa: SIM115 - closed by close()
                self._ends = tempfile.TemporaryFile(buffering=0)  # noqa: SIM115 - closed by close()
            except OSError:
                self.close()

    def __len__(self) -> int:
        return self._count

    @property
    def on_disk(self) -> bool:
        """Whether the ids are in temporary files (else in memory)."""
        return self._blob is not None

    def append(self, keys: Sequence[bytes]) -> None:
        """Keep ``keys``, numbered from ``len(self)`` on."""
        if not keys:
            return
        blob = b"".join(keys)
        lengths = np.fromiter(map(len, keys), dtype=np.int64, count=len(keys))
        ends = self._size + np.cumsum(lengths)
        if self._blob is not None and self._ends is not None:
            try:
                _write_all(self._blob, blob)
                _write_all(self._ends, ends.tobytes())
            except OSError:  # the temporary directory is full: go on in memory
                self._to_memory()
        if self._blob is None:
            self._mem_blob += blob
            self._mem_ends.append(ends)
        self._size += len(blob)
        self._count += len(keys)

    def get(self, ordinals: Sequence[int]) -> list[bytes]:
        """The ids numbered ``ordinals``."""
        if self._blob is None or self._ends is None:
            ends = self._memory_ends()
            out = []
            for k in ordinals:
                start = int(ends[k - 1]) if k else 0
                out.append(bytes(self._mem_blob[start : int(ends[k])]))
            return out
        blob, ends_file = self._blob.fileno(), self._ends.fileno()
        out = []
        for k in ordinals:
            if k:
                start, end = np.frombuffer(_pread(ends_file, 16, (k - 1) * 8), dtype=np.int64).tolist()
            else:
                start, end = 0, int(np.frombuffer(_pread(ends_file, 8, 0), dtype=np.int64)[0])
            out.append(_pread(blob, end - start, start))
        return out

    def _memory_ends(self) -> NDArray[np.int64]:
        if len(self._mem_ends) != 1:
            self._mem_ends = [np.concatenate(self._mem_ends)] if self._mem_ends else [np.zeros(0, np.int64)]
        return self._mem_ends[0]

    def _to_memory(self) -> None:
        """Move what the files hold into memory, up to the ``append`` that failed (added again, whole)."""
        assert self._blob is not None and self._ends is not None
        blob = _pread(self._blob.fileno(), self._size, 0) if self._size else b""
        ends = _pread(self._ends.fileno(), self._count * 8, 0) if self._count else b""
        self.close()
        self._mem_blob = bytearray(blob)
        self._mem_ends = [np.frombuffer(ends, dtype=np.int64).copy()]

    def close(self) -> None:
        """Remove the temporary files (safe to call twice)."""
        for handle in (self._blob, self._ends):
            if handle is not None:
                handle.close()
        self._blob = self._ends = None


def _write_all(handle: IO[bytes], data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = handle.write(view)
        if not written:
            raise OSError("short write")
        view = view[written:]


def _pread(fd: int, size: int, offset: int) -> bytes:
    parts = []
    while size > 0:
        if hasattr(os, "pread"):
            data = os.pread(fd, size, offset)
        else:  # pragma: no cover - Windows
            os.lseek(fd, offset, os.SEEK_SET)
            data = os.read(fd, size)
        if not data:
            raise OSError("the temporary file of ids ended early")
        parts.append(data)
        size -= len(data)
        offset += len(data)
    return b"".join(parts)


# ---------------------------------------------------------------- the Bloom filter


class PrefixFilter:
    """A blocked Bloom filter over 32-bit hash prefixes: one 64-bit word, four bits, per prefix.

    ``maybe`` is False only for a prefix never added. Sized for ``capacity``
    prefixes; ``grown`` gives a larger one (the caller adds everything again).
    """

    def __init__(self, capacity: int) -> None:
        log2 = max(_MIN_CAPACITY_LOG2, (max(capacity, 1) - 1).bit_length())
        self.capacity = 1 << log2
        self._word_bits = log2 + FILTER_BITS_PER_ID.bit_length() - 1 - 6  # 64 bits a word
        self._bits = np.zeros(1 << self._word_bits, dtype=np.uint64)

    @property
    def nbytes(self) -> int:
        """Memory held by the filter."""
        return int(self._bits.nbytes)

    def _where(self, prefixes: Words) -> tuple[NDArray[np.intp], Words]:
        x = prefixes * np.uint64(0x9E3779B97F4A7C15)  # mix the prefix's bits (splitmix64's finish)
        x ^= x >> np.uint64(30)
        x *= np.uint64(0xBF58476D1CE4E5B9)
        x ^= x >> np.uint64(27)
        x *= np.uint64(0x94D049BB133111EB)
        x ^= x >> np.uint64(31)
        word = (x >> np.uint64(64 - self._word_bits)).astype(np.intp)
        one = np.uint64(1)
        mask = one << (x & np.uint64(63))
        for shift in (6, 12, 18):
            mask |= one << ((x >> np.uint64(shift)) & np.uint64(63))
        return word, mask

    def add(self, prefixes: Words) -> None:
        """Add ``prefixes`` (32-bit values in uint64)."""
        word, mask = self._where(prefixes)
        while len(word):
            self._bits[word] |= mask  # where a word repeats in ``word`` only one update lands...
            missed = (self._bits[word] & mask) != mask
            word, mask = word[missed], mask[missed]  # ...so set the others again

    def maybe(self, prefixes: Words) -> NDArray[np.bool_]:
        """False where a prefix was surely never added."""
        word, mask = self._where(prefixes)
        hit: NDArray[np.bool_] = (self._bits[word] & mask) == mask
        return hit


# ---------------------------------------------------------------- the ids seen


class DuplicateIds:
    """The ids kept so far in a run; ``mark`` makes each repeat an error record, as ``mark_duplicates`` does.

    ``name`` (the input's) starts the one message it may raise; ``hash_ids`` may be
    replaced (tests force collisions): the answer never depends on it.
    """

    def __init__(
        self, name: str = "<input>", *, hash_ids: HashIds = python_hash, store: IdStore | None = None
    ) -> None:
        self._name = name
        self._hash = hash_ids
        self._store = store if store is not None else IdStore()
        self._runs: list[Words] = []
        self._count = 0
        self._filter = PrefixFilter(0)

    def __enter__(self) -> DuplicateIds:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Remove the temporary files."""
        self._store.close()

    def __len__(self) -> int:
        return self._count

    @property
    def nbytes(self) -> int:
        """Memory held (runs and filter), for the benchmark and tests."""
        return sum(int(r.nbytes) for r in self._runs) + self._filter.nbytes

    @property
    def runs(self) -> int:
        """How many sorted runs the words are in."""
        return len(self._runs)

    def mark(self, chunk: Chunk) -> None:
        """Make every id kept before (in an earlier chunk or earlier in this one) an error record.

        Records already in error, and records with no id, are neither checked nor kept.
        Raises ``BatchInputError`` past ``MAX_IDS`` ids.
        """
        keys, where = _candidates(chunk)
        n = len(keys)
        if n == 0:
            return
        if self._count + n > MAX_IDS:
            raise BatchInputError(f"{self._name}: more than {MAX_IDS:,} records with an id; split the input")
        prefixes = self._hash(keys) >> _SHIFT
        suspect = _repeated(prefixes)
        if self._runs:
            maybe = np.flatnonzero(self._filter.maybe(prefixes))
            if len(maybe):
                suspect[maybe[self._in_runs(prefixes[maybe])]] = True
        repeat = self._confirm(keys, prefixes, np.flatnonzero(suspect)) if suspect.any() else None
        if repeat is None or not repeat.any():
            self._keep(keys, prefixes)
            return
        fresh = np.flatnonzero(~repeat)
        self._keep([keys[j] for j in fresh.tolist()], prefixes[fresh])
        for j in np.flatnonzero(repeat).tolist():
            i = j if where is None else where[j]
            chunk.errors[i] = duplicate_message(keys[j])

    def _in_runs(self, prefixes: Words) -> NDArray[np.bool_]:
        """Whether some kept word has each prefix."""
        low = prefixes << _SHIFT
        found = np.zeros(len(prefixes), dtype=bool)
        for run in self._runs:
            at = np.searchsorted(run, low)
            inside = at < len(run)
            found[inside] |= (run[at[inside]] >> _SHIFT) == prefixes[inside]
        return found

    def _words_with(self, prefixes: Words) -> Words:
        """Every kept word whose prefix is one of ``prefixes`` (sorted, distinct)."""
        low = prefixes << _SHIFT
        high = low | _ORDINAL
        parts = []
        for run in self._runs:
            starts = np.searchsorted(run, low, side="left")
            ends = np.searchsorted(run, high, side="right")
            for start, end in zip(starts[starts < ends].tolist(), ends[starts < ends].tolist(), strict=True):
                parts.append(run[start:end])
        return np.concatenate(parts) if parts else np.zeros(0, dtype=np.uint64)

    def _confirm(
        self, keys: Sequence[bytes], prefixes: Words, suspects: NDArray[np.intp]
    ) -> NDArray[np.bool_]:
        """Which suspects repeat an earlier id, byte for byte (suspects: sorted positions in ``keys``)."""
        earlier = self._words_with(np.unique(prefixes[suspects]))
        known: dict[int, set[bytes]] = {}
        ordinals = (earlier & _ORDINAL).tolist()
        for prefix, key in zip((earlier >> _SHIFT).tolist(), self._store.get(ordinals), strict=True):
            known.setdefault(prefix, set()).add(key)
        repeat = np.zeros(len(keys), dtype=bool)
        for j, prefix in zip(suspects.tolist(), prefixes[suspects].tolist(), strict=True):
            same = known.setdefault(prefix, set())
            key = keys[j]
            if key in same:
                repeat[j] = True
            else:
                same.add(key)
        return repeat

    def _keep(self, keys: Sequence[bytes], prefixes: Words) -> None:
        n = len(keys)
        if n == 0:
            return
        self._store.append(keys)
        words = (prefixes << _SHIFT) | np.arange(self._count, self._count + n, dtype=np.uint64)
        words.sort()
        self._count += n
        self._runs.append(words)
        while (
            len(self._runs) >= 2
            and len(self._runs[-2]) <= 2 * len(self._runs[-1])
            and (len(self._runs[-2]) + len(self._runs[-1]) <= MAX_RUN)
        ):
            last = self._runs.pop()
            merged = np.concatenate((self._runs.pop(), last))
            del last
            merged.sort(kind="stable")  # two sorted runs: a linear merge
            self._runs.append(merged)
        if self._count > self._filter.capacity:
            self._filter = PrefixFilter(self._count * 2)
            for run in self._runs:
                for start in range(0, len(run), 1 << 20):
                    self._filter.add(run[start : start + (1 << 20)] >> _SHIFT)
        else:
            self._filter.add(prefixes)


def _candidates(chunk: Chunk) -> tuple[Sequence[bytes], list[int] | None]:
    """The ids to check, and their rows (``None``: every row, in order)."""
    ids = chunk.id_json
    if not chunk.errors and b"" not in ids:
        return ids, None
    where = [i for i, key in enumerate(ids) if key and i not in chunk.errors]
    return [ids[i] for i in where], where


def _repeated(prefixes: Words) -> NDArray[np.bool_]:
    """True for every prefix that appears more than once."""
    ordered = np.sort(prefixes)
    same = ordered[1:] == ordered[:-1]
    if not same.any():
        return np.zeros(len(prefixes), dtype=bool)
    out: NDArray[np.bool_] = np.isin(prefixes, ordered[1:][same])
    return out
