"""The Click group under the ``roleadvisor`` Typer app: the error boundary, lazy subcommands, bash completion.

``cli.py`` declares the commands; this module is the plumbing beneath them:

* ``RoleAdvisorGroup.main`` runs every invocation inside the one error boundary
  (``roleadvisor.boundary``), both for the console script and for tests that
  call the app through Typer's ``CliRunner``;
* ``lazy_group`` builds the group with each subcommand made only when it is
  called (Typer would inspect all of them on every run), listing them in
  ``--help`` from their help texts;
* bash completion joins back the words bash splits at ``=``.

It relies on Typer 0.28's own builders and vendored Click (pinned in pyproject.toml).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import Any

import typer
import typer._click as click  # Typer 0.28 vendors Click (pinned in pyproject.toml)
from typer.core import TyperGroup

from roleadvisor.boundary import run


class RoleAdvisorGroup(TyperGroup):
    """Typer's group with the one error boundary around every invocation.

    Built by ``app_command``, its subcommands are made from their functions only
    when one is asked for (Typer would inspect all eleven on every run).
    """

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
            built = self.commands[cmd_name] = self.builders.pop(cmd_name)()
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
