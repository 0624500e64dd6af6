"""Byte-stream plumbing for the batch readers: counted blocks, complete lines, a prefix put back.

Nothing here knows a format. Every loop is linear in the input: long lines are
gathered in a list and joined once, never grown by repeated ``+=``.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from typing import Any, Protocol

BLOCK_BYTES = 4 * 1024 * 1024


class BinaryReadable(Protocol):
    """Anything with ``read(size) -> bytes``: a file, stdin's buffer, a wrapped stream."""

    def read(self, size: int = -1, /) -> bytes: ...


class CountingReader:
    """Wraps a binary stream and counts the bytes read (for the progress bar)."""

    def __init__(self, raw: BinaryReadable) -> None:
        self.raw = raw
        self.bytes_read = 0

    def read(self, size: int = -1) -> bytes:
        data = self.raw.read(size)
        self.bytes_read += len(data)
        return data

    def blocks(self) -> Iterator[bytes]:
        """Blocks of at most ``BLOCK_BYTES`` until the end of the stream."""
        while True:
            data = self.read(BLOCK_BYTES)
            if not data:
                return
            yield data


def read_upto(stream: BinaryReadable, size: int) -> bytes:
    """Up to ``size`` bytes; fewer only at the end of the stream (short reads are retried)."""
    parts: list[bytes] = []
    got = 0
    while got < size:
        data = stream.read(size - got)
        if not data:
            break
        parts.append(data)
        got += len(data)
    return b"".join(parts)


class Prefixed:
    """A binary stream whose first bytes were already read (to sniff the format), put back."""

    def __init__(self, prefix: bytes, rest: BinaryReadable) -> None:
        self.prefix = prefix
        self.rest = rest

    def read(self, size: int = -1, /) -> bytes:
        if self.prefix:
            if size < 0:
                data, self.prefix = self.prefix + self.rest.read(), b""
                return data
            data, self.prefix = self.prefix[:size], self.prefix[size:]
            return data
        return self.rest.read(size)


class LineBlocks:
    """Blocks ending at a line feed (the last may not), from a stream of blocks.

    Iterate for the blocks; ``rest()`` then gives every byte not yet handed out
    (the part line held back and the blocks not yet read), so a reader can switch
    to another way of reading mid-stream without losing a byte.
    """

    def __init__(self, blocks: Iterable[bytes]) -> None:
        self._blocks = iter(blocks)
        self._pending: list[bytes] = []

    def __iter__(self) -> Iterator[bytes]:
        for block in self._blocks:
            cut = block.rfind(b"\n") + 1
            if not cut:
                self._pending.append(block)
                continue
            self._pending.append(block[:cut])
            out = b"".join(self._pending)
            self._pending = [block[cut:]] if cut < len(block) else []
            yield out
        if self._pending:
            out = b"".join(self._pending)
            self._pending = []
            yield out

    def rest(self) -> Iterator[bytes]:
        """The bytes not handed out yet, in order."""
        pending, self._pending = self._pending, []
        yield from pending
        yield from self._blocks


def chain(first: bytes, rest: Iterable[bytes]) -> Iterator[bytes]:
    """``first`` (when not empty), then ``rest``."""
    if first:
        yield first
    yield from rest


class BlockStream(io.RawIOBase):
    """A raw binary stream over an iterator of blocks (for ``io.TextIOWrapper``)."""

    def __init__(self, blocks: Iterable[bytes]) -> None:
        self._blocks = iter(blocks)
        self._view = memoryview(b"")
        self._at = 0

    def readable(self) -> bool:
        return True

    def readinto(self, target: Any) -> int:  # noqa: ANN401 - the buffer protocol has no precise type
        while self._at >= len(self._view):
            nxt = next(self._blocks, None)
            if nxt is None:
                return 0
            self._view, self._at = memoryview(nxt), 0
        size = min(len(target), len(self._view) - self._at)
        target[:size] = self._view[self._at : self._at + size]
        self._at += size
        return size
