"""Where output goes: one function writes a rendered result to stdout or a file.

Data goes to stdout, messages to stderr. A file is written atomically
(temporary file beside it, then rename) when it is, or will be, a regular file;
through a symlink the file it points to is replaced and the link kept; a device
or FIFO (``/dev/stdout``, a named pipe) is written directly. Rich is imported
only when a table is printed.

A terminal or pipe whose encoding cannot hold every character (``LC_ALL=C``,
``PYTHONIOENCODING=ascii`` or ``latin-1``) never makes a command fail: tables are
drawn with ASCII borders (Rich's own choice for such an encoding), and each
character the encoding lacks is written as an ASCII look-alike of the same width
(``→`` as ``>``, ``é`` as ``e``, a bar's ``█`` as ``#``), else ``?``. Exact text
(JSON, Markdown, HTML, SVG) is written to such a stdout as UTF-8 bytes, the bytes
``--output`` writes: JSON is UTF-8 by definition (RFC 8259), and replacing characters
would change the data.
"""

from __future__ import annotations

import codecs
import contextlib
import io
import os
import stat
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from roleadvisor.errors import OutputIOError
from roleadvisor.i18n import _

if TYPE_CHECKING:
    from rich.console import Console

    from roleadvisor.render import Rendered

PROSE_WIDTH = 100  # no line wider than this, however wide the terminal
FILE_WIDTH = 100  # tables written to a file are laid out for this width


def _stream(name: str) -> IO[str]:
    stream: IO[str] | None = getattr(sys, name)
    if stream is None:
        raise OutputIOError(_("{stream} is closed; nothing was written").format(stream=name))
    return stream


REPLACE_ERRORS = "roleadvisor.lookalike"  # the codec error handler of streams that lack characters

# ASCII look-alikes, one cell wide like the characters they stand for (Rich has laid the line
# out by then); a bar's eighth-cell blocks round to a whole cell, full or empty.
_LOOKALIKES = {
    "\u2192": ">", "\u2190": "<", "\u2191": "^", "\u2193": "v", "\u00b7": "-", "\u2022": "*",
    "\u2026": ".", "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u2018": "'", "\u2019": "'",
    "\u201c": '"', "\u201d": '"', "\u00d7": "x", "\u00a0": " ", "\u2588": "#", "\u2589": "#",
    "\u258a": "#", "\u258b": "#", "\u258c": "#", "\u258d": " ", "\u258e": " ", "\u258f": " ",
    "\u25cf": "*", "\u25cb": "o", "\u2713": "v", "\u2717": "x", "\u25b2": "^", "\u25bc": "v",
}  # fmt: skip


def _lookalike(char: str) -> str:
    """What to write for ``char`` on a stream whose encoding lacks it: ASCII, as wide as ``char``."""
    import unicodedata

    if char in _LOOKALIKES:
        return _LOOKALIKES[char]
    if "\u2500" <= char <= "\u257f":  # box drawing, should a border be drawn without Rich's ASCII box
        words = set(unicodedata.name(char, "").split())
        if not words & {"VERTICAL", "UP", "DOWN"}:
            return "-"
        return "|" if not words & {"HORIZONTAL", "LEFT", "RIGHT"} else "+"
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return ""  # zero width: an accent already folded into its letter, a joiner
    base = "".join(part for part in unicodedata.normalize("NFKD", char) if not unicodedata.combining(part))
    if len(base) == 1 and base.isascii() and base.isprintable():
        return base  # e for \u00e9, A for \u00c5
    return "??" if unicodedata.east_asian_width(char) in ("W", "F") else "?"


def _replace_unencodable(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    return "".join(map(_lookalike, exc.object[exc.start : exc.end])), exc.end


def _holds_everything(stream: IO[str]) -> bool:
    """Whether ``stream``'s encoding can write every character (a UTF encoding)."""
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        return codecs.lookup(encoding).name.startswith("utf")
    except LookupError:
        return False


def tolerant(stream: IO[str]) -> IO[str]:
    """``stream``, set to write look-alikes (``REPLACE_ERRORS``) for characters its encoding lacks.

    A UTF stream, or one that is not a ``TextIOWrapper``, is returned unchanged.
    """
    if not isinstance(stream, io.TextIOWrapper) or stream.errors == REPLACE_ERRORS:
        return stream
    if not _holds_everything(stream):
        codecs.register_error(REPLACE_ERRORS, _replace_unencodable)
        stream.reconfigure(errors=REPLACE_ERRORS)
    return stream


def stdout_console() -> Console:
    """A console on stdout, at most ``PROSE_WIDTH`` wide (Rich honours NO_COLOR and pipes).

    On an encoding without every character it draws ASCII (see the module docstring).
    """
    from rich.console import Console

    console = Console(file=tolerant(_stream("stdout")), highlight=False, soft_wrap=False, markup=False)
    console.width = min(console.width, PROSE_WIDTH)
    return console


def stderr_console() -> Console:
    """A console on stderr for prompts, progress and warnings (ASCII where stdout's would be)."""
    from rich.console import Console

    console = Console(file=tolerant(_stream("stderr")), highlight=False, soft_wrap=False)
    console.width = min(console.width, PROSE_WIDTH)
    return console


def note(message: str) -> None:
    """One plain message on stderr (never interpreted as markup).

    On a terminal a long message is wrapped at words to the terminal's width
    (at most ``PROSE_WIDTH``); to a file or pipe it stays one line, for grep. A
    no-break space keeps its two sides on one line and is written as a plain space
    (so a command to copy, written with no-break spaces, is never split).
    """
    err = sys.stderr
    if err is None:
        return
    text = message.rstrip("\n")
    try:
        interactive = err.isatty()
    except (AttributeError, ValueError, OSError):
        interactive = False
    if interactive and "\n" not in text:
        import shutil
        import textwrap

        width = min(shutil.get_terminal_size((PROSE_WIDTH, 24)).columns, PROSE_WIDTH)
        if len(text) > width > 20:
            text = "\n".join(
                textwrap.wrap(
                    text, width, subsequent_indent="  ", break_long_words=False, break_on_hyphens=False
                )
            )
    err.write(text.replace("\xa0", " ") + "\n")
    err.flush()


def warn(message: str) -> None:
    """``warning: <message>`` on stderr (the prefix in English in every language, like ``error:``,
    so that scripts find it)."""
    note(f"warning: {message}")


def write_stdout(text: str) -> None:
    """Write data to stdout unchanged (never through Rich, which may wrap lines).

    A stdout whose encoding lacks characters gets UTF-8 bytes, as a file would.
    """
    out = _stream("stdout")
    if not text.endswith("\n"):
        text += "\n"
    buffer = getattr(out, "buffer", None)
    if buffer is None:
        out.write(text)
    else:
        out.flush()
        if _holds_everything(out):
            data = text.encode(
                getattr(out, "encoding", None) or "utf-8", getattr(out, "errors", None) or "strict"
            )
        else:
            data = utf8_bytes(text)
        write_all(buffer, data)
        buffer.flush()
    out.flush()


def write_all(stream: IO[bytes], data: bytes | memoryview) -> int:
    """Write every byte of ``data`` or raise.

    A buffered stream may accept only part of a large write and say so only in
    its return value (a pipe whose reader went away, as ``| head -1`` does); the
    rest is written again, which then raises ``BrokenPipeError`` or the ``OSError``
    that stopped it, instead of the loss passing unseen.
    """
    view = memoryview(data).cast("B")
    total = len(view)
    while view:
        written = stream.write(view)
        if not written:
            raise BrokenPipeError(32, "the output stopped taking data")  # EPIPE
        view = view[written:]
    return total


class WholeWrites:
    """A binary stream whose ``write`` writes everything or raises (see ``write_all``)."""

    def __init__(self, stream: IO[bytes]) -> None:
        self._stream = stream

    def write(self, data: bytes | memoryview) -> int:
        """Every byte of ``data``, or an exception."""
        return write_all(self._stream, data)

    def flush(self) -> None:
        """Flush the stream underneath."""
        self._stream.flush()

    def fileno(self) -> int:
        """The file descriptor underneath."""
        return self._stream.fileno()

    @property
    def wrapped(self) -> IO[bytes]:
        """The stream written to."""
        return self._stream


def utf8_bytes(text: str) -> bytes:
    """``text`` as valid UTF-8, with command-line bytes the locale could not decode put back.

    Under ``LC_ALL=C`` an argument typed in UTF-8 (``decode "Zürich"``) arrives with each
    non-ASCII byte as a lone surrogate; those bytes are restored, and whatever is then
    still not UTF-8 becomes U+FFFD.
    """
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        pass
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        raw = text.encode("utf-8", "replace")
    return raw.decode("utf-8", "replace").encode("utf-8")


def plain_text(renderable: Any, *, width: int = FILE_WIDTH) -> str:  # noqa: ANN401 - any Rich renderable
    """Plain text (no colour codes) of a Rich renderable, for a file."""
    from rich.console import Console

    buffer = io.StringIO()
    Console(width=width, color_system=None, force_terminal=False, file=buffer, markup=False).print(renderable)
    return buffer.getvalue()


def emit(rendered: Rendered, output: Path | None = None, *, what: str = "report") -> None:
    """Write ``rendered`` to stdout, or to ``output`` (then say so on stderr)."""
    if output is None:
        if rendered.text is not None:
            write_stdout(rendered.text)
        else:
            console = stdout_console()
            if console.is_terminal:
                console.print(rendered.rich)
            else:  # a pipe or file: the same layout, without the padding Rich adds to every line
                with console.capture() as captured:
                    console.print(rendered.rich)
                if _holds_everything(_stream("stdout")):
                    write_stdout(_trimmed(captured.get()))  # every byte, or an error
                else:
                    console.file.write(_trimmed(captured.get()))  # with look-alikes for what it lacks
            console.file.flush()
        return
    text = rendered.text if rendered.text is not None else _trimmed(plain_text(rendered.rich))
    write_file(output, text)
    if what == "report":
        note(_("Wrote {format} report to {path}").format(format=rendered.fmt, path=output))
    else:
        note(_("Wrote {format} {what} to {path}").format(format=rendered.fmt, what=what, path=output))


def _trimmed(text: str) -> str:
    """``text`` without spaces at the ends of its lines."""
    return "".join(line.rstrip(" ") + "\n" for line in text.splitlines())


def write_file(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path``: atomically for a regular file, directly for a device."""
    write_file_with(path, lambda handle: handle.write(utf8_bytes(text)))


def write_file_with(path: Path, writer: Callable[[IO[bytes]], object]) -> None:
    """Call ``writer`` with a binary handle whose content becomes ``path``."""
    with open_output(path) as handle:
        writer(handle)


def _is_special(path: Path) -> bool:
    """An existing target that is not a regular file (a device, FIFO or socket), links followed."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


@contextlib.contextmanager
def open_output(path: Path) -> Iterator[IO[bytes]]:
    """A binary handle for ``path``; see the module docstring for how each kind of target is written."""
    if _is_special(path):
        handle: IO[bytes]
        try:
            handle = path.open("wb")
        except OSError as exc:
            raise OutputIOError(
                _("{path}: cannot write: {reason}").format(path=path, reason=exc.strerror or exc)
            ) from None
        try:
            with handle:
                yield handle
        except OSError as exc:
            raise OutputIOError(
                _("{path}: cannot write: {reason}").format(path=path, reason=exc.strerror or exc)
            ) from None
        return
    target = path.resolve() if path.is_symlink() else path
    with atomic_binary(target, shown=path) as handle:
        yield handle


@contextlib.contextmanager
def atomic_binary(path: Path, *, shown: Path | None = None) -> Iterator[IO[bytes]]:
    """Open a temporary file beside ``path``; rename it over ``path`` only on success.

    On any error (or interruption) the temporary file is removed and an existing
    ``path`` is left untouched. Messages name ``shown`` (what the person typed).
    """
    name = shown if shown is not None else path
    directory = path.parent if str(path.parent) else Path()
    if path.is_dir():
        raise OutputIOError(_("{path}: cannot write: is a directory").format(path=name))
    if not directory.is_dir():
        raise OutputIOError(
            _("{path}: cannot write: directory {directory} does not exist").format(
                path=name, directory=directory
            )
        )
    import tempfile  # here, not at the top: it costs start-up time that stdout output does not need

    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise OutputIOError(
            _("{path}: cannot write: {reason}").format(path=name, reason=exc.strerror or exc)
        ) from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        _keep_mode(path, tmp)
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise OutputIOError(
            _("{path}: cannot write: {reason}").format(path=name, reason=exc.strerror or exc)
        ) from None
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
