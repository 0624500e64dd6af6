"""The Click group under the ``roleadvisor`` Typer app: the error boundary, lazy subcommands, bash completion.

``cli.py`` declares the commands; this module is the plumbing beneath them:

* ``RoleAdvisorGroup.main`` runs every invocation inside the one error boundary
  (``roleadvisor.boundary``), both for the console script and for tests that
  call the app through Typer's ``CliRunner``;
* ``lazy_group`` builds the group with each subcommand made only when it is
  called (Typer would inspect all of them on every run), listing them in
  ``--help`` from their help texts;
* bash completion joins back the words bash splits at ``=``;
* ``--help`` says Click's and Typer's own words (``Usage:``, ``Options``,
  ``Show this message and exit.``, ``[default: ...]``) in the active language
  (``HelpFormatter``); in English it is Click's output, byte for byte.

It relies on Typer 0.28's own builders and vendored Click (pinned in pyproject.toml).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Sequence
from typing import Any

import typer
import typer._click as click  # Typer 0.28 vendors Click (pinned in pyproject.toml)
from typer.core import TyperGroup

from roleadvisor.boundary import run
from roleadvisor.i18n import ENGLISH, _, current

_EXTRAS = re.compile(r"(.*)  \[([^\[\]]*)\]", re.DOTALL)  # Typer's "help  [default: x; required]"


def _click_words() -> dict[str, str]:
    """Click's and Typer's own words in ``--help`` (they write them in English), in the active language."""
    return {
        "Usage: ": _("Usage: "),
        "Options": _("Options"),
        "Arguments": _("Arguments"),
        "Commands": _("Commands"),
        "Show this message and exit.": _("Show this message and exit."),
        "Install completion for the current shell.": _("Install completion for the current shell."),
        "Show completion for the current shell, to copy it or customize the installation.": _(
            "Show completion for the current shell, to copy it or customize the installation."
        ),
        "required": _("required"),
    }


def _extra(word: str, words: dict[str, str]) -> str:
    """One of Typer's notes after an option's help: ``default: table``, ``required``, ``env var: X``."""
    if word.startswith("default: "):
        return _("default: {default}").format(default=word.removeprefix("default: "))
    if word.startswith("env var: "):
        return _("env var: {var}").format(var=word.removeprefix("env var: "))
    return words.get(word, word)  # a range such as x>=1 stays as written


def _help_words(text: str, words: dict[str, str]) -> str:
    """An option's help text with Click's and Typer's own words translated (ours are already)."""
    if text in words:
        return words[text]
    found = _EXTRAS.fullmatch(text)
    if found is None:
        return text
    extras = "; ".join(_extra(word, words) for word in found.group(2).split("; "))
    return f"{words.get(found.group(1), found.group(1))}  [{extras}]"


class HelpFormatter(click.HelpFormatter):
    """Click's help formatter, saying Click's own words in the active language (English: untouched)."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        """The usage line, ``Usage:`` translated."""
        if prefix is None and current() != ENGLISH:
            prefix = _click_words()["Usage: "]
        super().write_usage(prog, args, prefix)

    def write_heading(self, heading: str) -> None:
        """A section heading (``Options``, ``Arguments``, ``Commands``), translated."""
        if current() != ENGLISH:
            heading = _click_words().get(heading, heading)
        super().write_heading(heading)

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        """Options and their help, with what Click and Typer add (``[default: ...]``) translated."""
        if current() != ENGLISH:
            words = _click_words()
            rows = [(term, _help_words(text, words)) for term, text in rows]
        super().write_dl(rows, col_max, col_spacing)


class HelpContext(click.Context):
    """Click's context, with the translating help formatter."""

    formatter_class = HelpFormatter


def _with_help_context(command: click.Command) -> click.Command:
    """``command`` (and a group's subcommands) writing its help with ``HelpFormatter``."""
    command.context_class = HelpContext
    for sub in getattr(command, "commands", {}).values():
        _with_help_context(sub)
    return command


class RoleAdvisorGroup(TyperGroup):
    """Typer's group with the one error boundary around every invocation.

    Built by ``app_command``, its subcommands are made from their functions only
    when one is asked for (Typer would inspect all eleven on every run).
    """

    context_class = HelpContext
    builders: dict[str, Callable[[], click.Command]] | None = None
    order: tuple[str, ...] = ()
    summaries: dict[str, str] | None = None

    def _command_path(self, args: list[str]) -> str:
        """``roleadvisor catalog init`` from the words typed: the leading ones that name commands."""
        path = [self.name or "roleadvisor"]
        command: click.Command = self
        for word in args:
            lookup = getattr(command, "get_command", None)
            sub = lookup(click.Context(command), word) if lookup is not None else None
            if sub is None:
                break
            path.append(word)
            command = sub
        return " ".join(path)

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,  # noqa: ANN401 - Click's own context settings
    ) -> click.Context:
        """Parse the arguments; Ctrl-C here goes on to the boundary too (Typer would exit 130 silently)."""
        from roleadvisor.errors import Interrupted

        try:
            return super().make_context(info_name, args, parent, **extra)
        except KeyboardInterrupt:
            raise Interrupted from None

    def invoke(self, ctx: click.Context) -> Any:  # noqa: ANN401 - whatever the command returns
        """Run the command; Ctrl-C goes on to the boundary (Typer would turn it into a silent exit)."""
        from roleadvisor.errors import Interrupted

        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            raise Interrupted from None

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """The subcommand ``cmd_name``, built on first use."""
        built = self.commands.get(cmd_name)
        if built is None and self.builders and cmd_name in self.builders:
            built = self.commands[cmd_name] = _with_help_context(self.builders.pop(cmd_name)())
        return built

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Every subcommand name, in the order they are declared below, without building any."""
        return list(self.order) if self.order else super().list_commands(ctx)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The commands section of ``--help``, from each command's help text, building none of them."""
        if not self.order or self.summaries is None:
            super().format_commands(ctx, formatter)
            return
        from typer._click.utils import make_default_short_help

        limit = formatter.width - 6 - max(len(name) for name in self.order)
        rows = [(name, make_default_short_help(self.summaries.get(name, ""), limit)) for name in self.order]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        """Click's resolution; an unknown name gets a did-you-mean over every subcommand."""
        try:
            return self._click_resolve_command(ctx, args)
        except click.exceptions.UsageError as exc:
            from difflib import get_close_matches

            typed = args[0].lower() if args else ""
            if typed in ("help", "-help"):
                matches = ["--help"]
            else:
                matches = get_close_matches(typed, self.list_commands(ctx)) if typed else []
            if matches:
                exc.message = f"{exc.message.rstrip('.')}. Did you mean {', '.join(map(repr, matches))}?"
            raise

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,  # noqa: ANN401 - passed through to Click
    ) -> Any:  # noqa: ANN401 - Click's signature
        """Run the command line; the exit code is returned, or the process exits with it."""

        def invoke() -> int:
            typed = list(sys.argv[1:] if args is None else args)
            if any("\x00" in word for word in typed):  # no shell can pass one; Python callers can
                from roleadvisor.errors import UsageError

                raise UsageError("an argument contains a NUL character")
            if sys.stdout is None and (not typed or {"-h", "--help"} & set(typed)):
                from roleadvisor.errors import OutputIOError  # Click would print the help to nowhere

                raise OutputIOError("stdout is closed; nothing was written")
            try:
                result = super(RoleAdvisorGroup, self).main(
                    args,
                    prog_name,
                    complete_var,
                    standalone_mode=False,
                    windows_expand_args=windows_expand_args,
                    **extra,
                )
            except click.exceptions.UsageError as exc:
                if exc.ctx is None:  # raised by the option parser: name the command from the words typed
                    exc.command_path = self._command_path(typed)  # type: ignore[attr-defined]
                raise
            return result if isinstance(result, int) else 0

        code = run(invoke)
        if standalone_mode:
            sys.exit(code)
        return code


def lazy_group(app: typer.Typer) -> RoleAdvisorGroup:
    """The Click group behind ``app`` (what the console script runs), its subcommands built lazily.

    Uses Typer's own builders (``get_command_from_info``, ``get_group_from_info``;
    Typer is pinned to 0.28), so each subcommand is exactly what Typer would make.
    """
    import inspect
    from functools import partial

    from typer.main import get_command_from_info, get_command_name, get_group_from_info

    commands, groups = app.registered_commands, app.registered_groups
    app.registered_commands, app.registered_groups = [], []
    try:
        group = typer.main.get_command(app)
    finally:
        app.registered_commands, app.registered_groups = commands, groups
    if not isinstance(group, RoleAdvisorGroup):  # the app is made with cls=RoleAdvisorGroup
        raise TypeError(f"expected a RoleAdvisorGroup, got {type(group).__name__}")
    builders: dict[str, Callable[[], click.Command]] = {}
    summaries: dict[str, str] = {}
    for info in commands:
        name = info.name or get_command_name(getattr(info.callback, "__name__", ""))
        summaries[name] = _text(info.help) or inspect.getdoc(info.callback) or ""
        builders[name] = partial(
            get_command_from_info,
            info,
            pretty_exceptions_short=app.pretty_exceptions_short,
            rich_markup_mode=app.rich_markup_mode,
        )
    for sub in groups:
        summaries[str(sub.name)] = _text(sub.help) or _text(getattr(sub.typer_instance, "info", sub).help)
        builders[str(sub.name)] = partial(
            get_group_from_info,
            sub,
            pretty_exceptions_short=app.pretty_exceptions_short,
            rich_markup_mode=app.rich_markup_mode,
            suggest_commands=app.suggest_commands,
        )
    group.builders = builders
    group.order = tuple(builders)
    group.summaries = summaries
    _complete_bash_after_equals()
    return group


def _complete_bash_after_equals() -> None:
    """Bash splits ``--rate systems=`` at ``=``; put the word back together for Click, then answer
    with what goes after the ``=`` (all bash replaces). Also serves ``--format=<TAB>``."""
    from typer._click.shell_completion import CompletionItem, add_completion_class
    from typer._completion_classes import BashComplete

    class BashAfterEquals(BashComplete):
        joined = ""  # "systems=": what Click sees and bash does not replace

        def get_completion_args(self) -> tuple[list[str], str]:
            args, incomplete = super().get_completion_args()
            if len(args) >= 2 and args[-1] == "=":  # systems = 3<TAB>
                self.joined = f"{args[-2]}="
                return args[:-2], self.joined + incomplete
            if args and incomplete == "=":  # systems=<TAB>: bash names "=" the word, but replaces ""
                self.joined = f"{args[-1]}="
                return args[:-1], self.joined
            return args, incomplete

        def format_completion(self, item: CompletionItem) -> str:
            value = str(item.value)
            return value.removeprefix(self.joined) if self.joined else value

    add_completion_class(BashAfterEquals, "bash")


def _text(value: object) -> str:
    """``value`` if it is text (Typer marks unset options with placeholder objects)."""
    return value if isinstance(value, str) else ""
