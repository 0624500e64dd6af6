"""Where output goes: a stdout console for data, a stderr console for messages,
and atomic file writes (temporary file, then rename)."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from rich.console import Console

from roleadvisor.errors import OutputIOError


def stdout_console() -> Console:
    """A console on the current ``sys.stdout`` (Rich honours NO_COLOR and non-terminals)."""
    return Console(file=sys.stdout, highlight=False, soft_wrap=False)


def stderr_console() -> Console:
    """A console on the current ``sys.stderr`` for prompts, warnings and errors."""
    return Console(file=sys.stderr, highlight=False, soft_wrap=True)


def write_stdout(text: str) -> None:
    """Write data to stdout unchanged (never through Rich, which may wrap lines)."""
    sys.stdout.write(text)
    if not text.endswith("\n"):
        sys.stdout.write("\n")
    sys.stdout.flush()


@contextlib.contextmanager
def atomic_binary(path: Path) -> Iterator[IO[bytes]]:
    """Open a temporary file beside ``path``; rename it over ``path`` only on success.

    On any error (or interruption) the temporary file is removed and an existing
    ``path`` is left untouched.
    """
    directory = path.parent if str(path.parent) else Path()
    if not directory.is_dir():
        raise OutputIOError(f"{path}: cannot write: directory {directory} does not exist")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise OutputIOError(f"{path}: cannot write: {exc.strerror or exc}") from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        if path.is_dir():
            raise OutputIOError(f"{path}: cannot write: is a directory")
        _keep_mode(path, tmp)
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise OutputIOError(f"{path}: cannot write: {exc.strerror or exc}") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _keep_mode(path: Path, tmp: Path) -> None:
    """Give the new file the old file's permissions, or the usual umask default."""
    try:
        mode = path.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    tmp.chmod(mode)


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` atomically."""
    write_atomic_with(path, lambda handle: handle.write(text.encode("utf-8")))


def write_atomic_with(path: Path, writer: Callable[[IO[bytes]], object]) -> None:
    """Call ``writer`` with a binary handle whose content replaces ``path`` atomically."""
    with atomic_binary(path) as handle:
        writer(handle)
