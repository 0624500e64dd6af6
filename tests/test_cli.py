"""The console script's lazily built command tree is the tree Typer builds eagerly."""

from __future__ import annotations

import typer
import typer._click as click

from roleadvisor.cli import app, app_command


def help_of(command: click.Command, *path: str) -> str:
    ctx = click.Context(command, info_name="roleadvisor")
    for name in path:
        assert hasattr(command, "get_command")
        sub = command.get_command(ctx, name)
        assert sub is not None
        command, ctx = sub, click.Context(sub, info_name=name, parent=ctx)
    return command.get_help(ctx)


def test_lazy_and_eager_trees_give_the_same_help() -> None:
    eager = typer.main.get_command(app)
    assert hasattr(eager, "list_commands")
    ctx = click.Context(eager)
    names = eager.list_commands(ctx)
    assert app_command().list_commands(click.Context(app_command())) == names
    assert help_of(app_command()) == help_of(eager)
    for name in names:
        assert help_of(app_command(), name) == help_of(eager, name), name


def test_the_lazy_tree_builds_only_what_is_asked_for() -> None:
    group = app_command()
    assert group.commands == {}
    help_of(group)
    assert group.commands == {}  # the listing reads the help texts, not the commands
    group.get_command(click.Context(group), "assess")
    assert list(group.commands) == ["assess"]


def test_help_shows_plain_metavars_and_whole_example_lines() -> None:
    from typer.testing import CliRunner

    result = CliRunner().invoke(app, ["assess", "--help"], env={"COLUMNS": "80"})
    assert "-n, --top N" in result.stdout and "int range" not in result.stdout
    assert "[default:" not in result.stdout  # shells' completion descriptions drop bracketed text
    example = "-r stats=2 -r sme=2 -r product=1 -r communication=3 --format json"
    assert example in [line.strip() for line in result.stdout.splitlines()]
