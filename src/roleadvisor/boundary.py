"""The one error boundary: every exception that ends a command becomes one message and an exit code.

- ``RoleAdvisorError``: ``error: <message>`` (plus indented details), its own exit code;
- a Click usage error (unknown flag, missing value, bad choice): one ``error:`` line with a
  hint to ``--help``, exit 2;
- no arguments at all (``roleadvisor``, ``roleadvisor catalog``): the help on stdout, exit 0;
- Ctrl-C: ``interrupted``, exit 130;
- SIGTERM (see ``raise_on_sigterm``): ``terminated``, exit 143;
- a closed pipe on stdout (``| head``): quiet, exit 1;
- stdout that cannot be written (a full disk, ``/dev/full``): one line, exit 1.

Anything else is a bug and keeps its traceback. Stdlib only, so it also guards start-up.
"""

from __future__ import annotations

import os
import sys

from roleadvisor.errors import (
    EXIT_INTERRUPTED,
    EXIT_IO,
    EXIT_TERMINATED,
    EXIT_USAGE,
    Interrupted,
    RoleAdvisorError,
    Terminated,
)

TYPE_CHECKING = False  # no typing import at start-up; type checkers read this as True
if TYPE_CHECKING:
    from collections.abc import Callable

PROG = "roleadvisor"


def _say(*lines: str) -> None:
    err = sys.stderr
    if err is None:
        return
    try:
        for line in lines:
            err.write(line + "\n")
        err.flush()
    except (OSError, ValueError):
        pass


def print_error(exc: RoleAdvisorError) -> None:
    """One ``error:`` line, then one indented line per detail."""
    _say(f"error: {exc.message}", *(f"  {line}" for line in exc.details))


def _silence_stdout() -> None:
    """Point stdout at /dev/null so Python's own flush at exit cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, AttributeError, ValueError):
        pass


def _usage_line(exc: Exception) -> str:
    """``error: No such option: --tp (see 'roleadvisor assess --help')`` for a Click usage error."""
    message = exc.format_message()  # type: ignore[attr-defined]
    ctx = getattr(exc, "ctx", None)
    command = ctx.command_path if ctx is not None else getattr(exc, "command_path", PROG)
    return f"error: {message.rstrip('.')} (see '{command} --help')"


def _is_click_error(exc: BaseException) -> bool:
    """A Click exception (Typer vendors Click; we recognise it without importing it)."""
    module = type(exc).__module__
    return module in ("click.exceptions", "typer.exceptions") or module.endswith("._click.exceptions")


def _flush_stdout() -> None:
    out = sys.stdout
    if out is not None:
        out.flush()


def run(call: Callable[[], int | None]) -> int:
    """Run ``call`` and return the process's exit code; see the module docstring."""
    try:
        code = call()
        _flush_stdout()
        return code or 0
    except RoleAdvisorError as exc:
        print_error(exc)
        return exc.exit_code
    except (KeyboardInterrupt, Interrupted):
        _say("", "interrupted")
        return EXIT_INTERRUPTED
    except Terminated:
        _say("terminated")
        return EXIT_TERMINATED
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_IO
    except OSError as exc:
        if exc.filename is not None:
            # a path the person gave that the file system refuses outright (a name too long, a
            # loop of links, a file where a directory should be): their input, said in one line
            import errno

            name = str(exc.filename)
            shown = name if len(name) <= 80 else name[:77] + "..."
            _say(f"error: {shown}: {exc.strerror or exc}")
            refused = (errno.ENAMETOOLONG, errno.ELOOP, errno.ENOTDIR, errno.ENOENT, errno.EINVAL)
            return EXIT_USAGE if exc.errno in refused else EXIT_IO
        # stdout or stderr could not be written (a full disk, /dev/full, a revoked terminal)
        _silence_stdout()
        _say(f"error: cannot write the output: {exc.strerror or exc}")
        return EXIT_IO
    except Exception as exc:
        if not _is_click_error(exc):
            raise
        if not hasattr(exc, "format_message"):  # Abort: input ended at a Click prompt
            _say("error: aborted")
            return EXIT_IO
        if type(exc).__name__ == "NoArgsIsHelpError":  # no arguments at all: the help is the answer
            out = sys.stdout
            if out is not None:
                out.write(exc.format_message().rstrip("\n") + "\n")
                out.flush()
            return 0
        code = getattr(exc, "exit_code", EXIT_USAGE)
        if code == EXIT_USAGE:
            _say(_usage_line(exc))
        else:
            _say(f"error: {exc.format_message()}")
        return int(code)


def raise_on_sigterm() -> None:
    """Turn SIGTERM into ``Terminated`` so clean-up runs (Python's default ends the process at once)."""
    import contextlib
    import signal

    def handler(signum: int, frame: object) -> None:
        del signum, frame
        raise Terminated

    with contextlib.suppress(ValueError, OSError):  # not the main thread, or no such signal here
        signal.signal(signal.SIGTERM, handler)
