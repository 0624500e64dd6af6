"""The ``roleadvisor`` command's entry point (also ``python -m roleadvisor``).

Stdlib only until a command needs more: ``--version`` answers without importing
Typer, and the error boundary guards even the imports (Ctrl-C during start-up
prints ``interrupted``, not a traceback).
"""

from __future__ import annotations

import os
import sys
from contextlib import suppress

from roleadvisor import __version__
from roleadvisor.boundary import raise_on_sigterm, run


def _run_app(argv: list[str]) -> int:
    # pydantic (used only to validate a changed catalogue) scans every installed package for
    # plugins on first use, ~17 ms a run; this process needs none. A value the user set wins.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    from roleadvisor import i18n

    # the language first: the commands' help is written when cli.py is imported
    i18n.activate(i18n.resolve(_lang_option(argv)))
    from roleadvisor.cli import app_command

    return app_command().main(args=argv, prog_name="roleadvisor", standalone_mode=False) or 0


def _lang_option(argv: list[str]) -> str | None:
    """The value of the global ``--lang`` (``--lang ru`` or ``--lang=ru``) before the command, if any."""
    i = 0
    while i < len(argv):
        word = argv[i]
        if word == "--lang":
            return argv[i + 1] if i + 1 < len(argv) else None
        if word.startswith("--lang="):
            return word.removeprefix("--lang=")
        if word == "--catalog":  # the other global option that takes a value
            i += 2
            continue
        if not word.startswith("-"):
            return None  # the command: --lang comes before it
        i += 1
    return None


def _print_version() -> None:
    out = sys.stdout
    if out is None:
        from roleadvisor.errors import OutputIOError

        raise OutputIOError("stdout is closed; nothing was written")
    out.write(f"roleadvisor {__version__}\n")
    out.flush()


def main(argv: list[str] | None = None) -> int:
    """Run the command line and return its exit code."""
    args = sys.argv[1:] if argv is None else argv
    code = run(_print_version) if args == ["--version"] else run(lambda: _start(args))
    if argv is None:  # the console script: the process ends now
        _ignore_late_signals()
    return code


def _ignore_late_signals() -> None:
    """The command has ended, its output complete: Ctrl-C or SIGTERM now could only break the
    interpreter's shutdown (joining batch workers, flushing) into a traceback, so they are ignored."""
    import signal

    for name in ("SIGINT", "SIGTERM"):
        with suppress(ValueError, OSError, AttributeError):  # not the main thread; no such signal here
            signal.signal(getattr(signal, name), signal.SIG_IGN)


def _start(argv: list[str]) -> int:
    """Inside the boundary from the first line: Ctrl-C while the signal handlers are set up is caught too."""
    raise_on_sigterm()
    return _run_app(argv)


if __name__ == "__main__":
    sys.exit(main())
