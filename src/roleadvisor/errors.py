"""Every error roleadvisor raises on purpose, each tied to a documented exit code.

The one boundary (``roleadvisor.boundary``) catches ``RoleAdvisorError`` and
prints ``error: <message>`` (plus one indented line per detail); anything else
is a bug and should surface as one. Stdlib only: importing this costs nothing.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing costs ~10 ms to import; type checkers read this as True
if TYPE_CHECKING:
    from collections.abc import Sequence

EXIT_OK = 0
EXIT_IO = 1  # a file that exists could not be read, or the output could not be written
EXIT_USAGE = 2  # bad flags, ratings, profile or catalogue content: fix the input
EXIT_PARTIAL = 3  # batch: some records failed, the rest were scored
EXIT_INTERRUPTED = 130  # Ctrl-C (SIGINT), as shells report it
EXIT_TERMINATED = 143  # SIGTERM, as shells report it


class RoleAdvisorError(Exception):
    """A problem with the user's input or environment, reported without a traceback."""

    exit_code = EXIT_USAGE

    def __init__(self, message: str, *, details: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.details = tuple(details)

    def lines(self) -> list[str]:
        """The message followed by one line per detail."""
        return [self.message, *self.details]


class UsageError(RoleAdvisorError):
    """A flag or argument value is not acceptable."""


class RatingError(RoleAdvisorError):
    """A skill rating is missing, unknown or out of range."""


class ProfileError(RoleAdvisorError):
    """A profile file cannot be parsed into ratings."""


class CatalogError(RoleAdvisorError):
    """The catalogue files are missing or inconsistent."""


class LookupFailed(RoleAdvisorError):
    """A role or skill name matches nothing, or more than one thing."""


class InputIOError(RoleAdvisorError):
    """A file exists but could not be read."""

    exit_code = EXIT_IO


class OutputIOError(RoleAdvisorError):
    """The output could not be written."""

    exit_code = EXIT_IO


class DecodeError(UsageError):
    """The text given to ``decode`` is empty, too long, or names nothing the catalogue knows."""


class BatchInputError(RoleAdvisorError):
    """The batch input as a whole cannot be read (no header, a skill column missing...)."""


class StrictStop(RoleAdvisorError):
    """``batch --strict``: the first bad record ends the run."""

    exit_code = EXIT_PARTIAL


class YamlProblem(ValueError):
    """The text is not acceptable YAML; the message is one line without the file name.

    Raised by ``roleadvisor.safeyaml.load_yaml``; callers add the file name and
    turn it into the ``RoleAdvisorError`` that fits (catalogue, profile...).
    """


class Terminated(BaseException):
    """SIGTERM arrived: unwind like Ctrl-C, so that no temporary file is left behind.

    A ``BaseException`` (as ``KeyboardInterrupt`` is), so that only the boundary
    and clean-up code (``finally``, ``except BaseException``) handle it.
    """


class Interrupted(BaseException):
    """Ctrl-C inside a command, carried past Typer (which would end it silently) to the boundary."""
