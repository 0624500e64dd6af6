"""Reading user-supplied text files defensively: bounded size, text only.

Everything roleadvisor reads from disk (catalogues, profiles, reports) goes
through ``read_text`` so that a missing, unreadable, binary or huge file gives
one clear message instead of a traceback.
"""

from __future__ import annotations

from pathlib import Path

from roleadvisor.errors import InputIOError, RoleAdvisorError, UsageError

DEFAULT_MAX_BYTES = 5 * 1024 * 1024


def read_text(
    path: Path,
    *,
    what: str = "file",
    max_bytes: int = DEFAULT_MAX_BYTES,
    error: type[RoleAdvisorError] = UsageError,
) -> str:
    """Return the UTF-8 text of ``path`` or raise a one-line error naming it.

    A file that does not exist is a usage error (exit 2); one that exists but
    cannot be read is an I/O error (exit 1). Binary content, invalid UTF-8 and
    files over ``max_bytes`` are content errors of type ``error``.
    """
    data = read_bytes(path, what=what, max_bytes=max_bytes)
    return decode_text(data, name=str(path), what=what, max_bytes=max_bytes, error=error)


def read_bytes(path: Path, *, what: str = "file", max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The raw bytes of ``path``, at most ``max_bytes + 1`` of them (so that oversize shows).

    Same errors as ``read_text`` for a missing file, a directory or a failed read;
    the content is not checked (``decode_text`` does that).
    """
    if not path.exists():
        raise UsageError(f"{path}: no such {what}")
    if path.is_dir():
        raise InputIOError(f"{path}: is a directory, expected a {what}")
    try:
        with path.open("rb") as handle:
            return handle.read(max_bytes + 1)
    except OSError as exc:
        raise InputIOError(f"{path}: cannot read {what}: {exc.strerror or exc}") from None


def decode_text(
    data: bytes,
    *,
    name: str,
    what: str = "file",
    max_bytes: int = DEFAULT_MAX_BYTES,
    error: type[RoleAdvisorError] = UsageError,
) -> str:
    """Decode bytes read from a file or stdin, refusing binary and oversized input."""
    if len(data) > max_bytes:
        raise error(f"{name}: {what} is larger than {max_bytes // 1024} KiB; refusing to read it")
    if b"\x00" in data:
        raise error(f"{name}: is a binary file, expected a text {what}")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise error(
            f"{name}: is not UTF-8 text (invalid byte at offset {exc.start}); save the {what} as UTF-8"
        ) from None
