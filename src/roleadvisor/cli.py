"""The ``roleadvisor`` command line: options in, one contract out, rendered and written.

Thin on purpose: each command parses its options, asks ``roleadvisor.commands``
for a contract, and hands it to ``show`` (one renderer registry, one writer).
Errors of every command meet one boundary (``roleadvisor.boundary``), reached
through ``RoleAdvisorGroup.main`` both by the console script and by tests that
invoke ``app`` with Typer's ``CliRunner``. Imports here are Typer and the
standard library only; everything else loads inside the command that needs it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
import typer._click as click  # Typer 0.28 vendors Click (pinned in pyproject.toml)
from typer.core import TyperGroup

from roleadvisor import __version__
from roleadvisor.boundary import run

if TYPE_CHECKING:
    from roleadvisor.catalog.models import Catalog
    from roleadvisor.contracts import Contract

ENV_CATALOG = "ROLEADVISOR_CATALOG"
CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


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


app = typer.Typer(
    name="roleadvisor",
    cls=RoleAdvisorGroup,
    help=(
        "Which ML role am I, and what do I learn next? Rate your skills, see how you fit "
        "the roles of the ML production cycle, and what separates you from each.\n\n"
        "Example: roleadvisor assess --rate systems=4 --rate ml=3 ... --format json"
    ),
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings=CONTEXT,
)


def app_command() -> RoleAdvisorGroup:
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
    if not isinstance(group, RoleAdvisorGroup):  # cls= above makes it one
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


# ---------------------------------------------------------------- shared plumbing


def examples(*lines: str, before: str = "", after: str = "") -> str:
    """An epilog: ``before``, the example lines kept as typed (Click's \\b: never re-wrapped), ``after``."""
    parts = [before] if before else []
    parts.append("Examples:\n\n\b\n" + "\n".join(f"  {line}" for line in lines))
    if after:
        parts.append(after)
    return "\n\n".join(parts)


def get_catalog(ctx: typer.Context) -> Catalog:
    """The catalogue chosen by ``--catalog`` / ``$ROLEADVISOR_CATALOG``, loaded once per run."""
    from roleadvisor.catalog.loader import load_catalog

    root = ctx.find_root()
    obj = root.obj if isinstance(root.obj, dict) else {}
    if "catalog" not in obj:
        obj["catalog"] = load_catalog(obj.get("catalog_dir"))
        root.obj = obj
    catalog: Catalog = obj["catalog"]
    return catalog


def show(contract: Contract, fmt: str, output: Path | None = None) -> None:
    """Render ``contract`` in ``fmt`` and write it to stdout or ``output``."""
    from roleadvisor.output import emit
    from roleadvisor.render import render

    emit(render(contract, fmt), output)


def _completion_catalog(ctx: typer.Context) -> Catalog | None:
    """The catalogue for shell completion; ``None`` (no completions) if it cannot be loaded."""
    from roleadvisor.catalog.loader import load_catalog
    from roleadvisor.errors import RoleAdvisorError

    root = ctx.find_root()
    directory = root.params.get("catalog") if root.params else None
    try:
        return load_catalog(directory)
    except RoleAdvisorError:
        return None


def complete_role(ctx: typer.Context, incomplete: str) -> list[str]:
    """Role ids starting with what was typed."""
    catalog = _completion_catalog(ctx)
    if catalog is None:
        return []
    return [rid for rid in catalog.role_ids if rid.startswith(incomplete.lower())]


def complete_skill(ctx: typer.Context, incomplete: str) -> list[str]:
    """Skill ids starting with what was typed."""
    catalog = _completion_catalog(ctx)
    if catalog is None:
        return []
    return [sid for sid in catalog.skill_ids if sid.startswith(incomplete.lower())]


def complete_rating(ctx: typer.Context, incomplete: str) -> list[str]:
    """``skill=`` for each skill, then ``skill=N`` for each level once the skill is typed."""
    catalog = _completion_catalog(ctx)
    if catalog is None:
        return []
    skill, sep, _ = incomplete.partition("=")
    if sep and skill in catalog.skill_ids:
        levels = (f"{skill}={level}" for level in catalog.scale.levels)
        return [word for word in levels if word.startswith(incomplete)]
    return [f"{sid}=" for sid in catalog.skill_ids if sid.startswith(incomplete.lower())]


def complete_family(ctx: typer.Context, incomplete: str) -> list[str]:
    """Role families (core, research, adjacent, ...) starting with what was typed."""
    catalog = _completion_catalog(ctx)
    if catalog is None:
        return []
    families = dict.fromkeys(role.family for role in catalog.roles)
    return [family for family in families if family.startswith(incomplete.lower())]


def complete_kinds(incomplete: str) -> list[str]:
    """Resource kinds for ``--prefer``, after any already given (``video,bo`` -> ``video,book``)."""
    from roleadvisor.catalog.models import RESOURCE_KINDS

    done, _, last = incomplete.rpartition(",")
    prefix = f"{done}," if done else ""
    taken = set(done.split(","))
    return [prefix + kind for kind in RESOURCE_KINDS if kind.startswith(last) and kind not in taken]


def _version(value: bool) -> None:
    if value:
        from roleadvisor.output import write_stdout

        write_stdout(f"roleadvisor {__version__}")
        raise typer.Exit(0)


@app.callback()
def main_options(
    ctx: typer.Context,
    catalog: Annotated[
        Path | None,
        typer.Option(
            "--catalog",
            envvar=ENV_CATALOG,
            metavar="DIR",
            help="Directory holding lifecycle.yaml and roles.yaml to use instead of the "
            f"built-in catalogue (also ${ENV_CATALOG}).",
            show_envvar=False,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """Global options shared by every command."""
    ctx.obj = {"catalog_dir": catalog}


# ---------------------------------------------------------------- assess


class Format(str, Enum):
    """Report formats of ``assess``."""

    table = "table"
    json = "json"
    markdown = "markdown"
    html = "html"
    svg = "svg"


@app.command(
    epilog=examples(
        "roleadvisor assess            # asks for each skill on a terminal",
        "roleadvisor assess --profile me.yaml --top 5",
        "roleadvisor assess -r systems=4 -r databases=3 -r ml=4 -r algorithms=3 \\",
        "    -r stats=2 -r sme=2 -r product=1 -r communication=3 --format json",
        "roleadvisor assess --profile me.yaml --rate ml=4 --output report.md",
        "roleadvisor assess --profile me.yaml --target mlops --prefer video,course",
        "roleadvisor assess --profile me.yaml --target mlops -o me.html  # a page",
    )
)
def assess(
    ctx: typer.Context,
    rate: Annotated[
        list[str] | None,
        typer.Option(
            "--rate",
            "-r",
            metavar="SKILL=LEVEL",
            help="Rate one skill (repeatable); overrides the profile file.",
            autocompletion=complete_rating,
        ),
    ] = None,
    profile: Annotated[
        Path | None,
        typer.Option(
            "--profile",
            "-p",
            metavar="FILE",
            help="YAML or JSON file with 'name' and 'ratings: {skill: level}'; '-' reads stdin.",
        ),
    ] = None,
    top: Annotated[
        int | None,
        typer.Option("--top", "-n", min=1, metavar="N", help="Show only the N best-fitting roles."),
    ] = None,
    output_format: Annotated[
        Format | None,
        typer.Option(
            "--format", "-f", help="Report format (default: table, or what --output's extension says)."
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", metavar="FILE", help="Write the report to FILE (atomically) instead of stdout."
        ),
    ] = None,
    no_input: Annotated[
        bool, typer.Option("--no-input", help="Never prompt; missing ratings are an error.")
    ] = False,
    target: Annotated[
        str | None,
        typer.Option(
            "--target",
            "-t",
            metavar="ROLE",
            help="Plan the steps to this role (id, title or alias), best step first.",
            autocompletion=complete_role,
        ),
    ] = None,
    prefer: Annotated[
        str | None,
        typer.Option(
            "--prefer",
            metavar="KIND[,KIND]",
            help="Order resources by these kinds: book, course, video, community, practice, article.",
            autocompletion=complete_kinds,
        ),
    ] = None,
) -> None:
    """Rate your skills, rank the ML roles by fit, and get a plan for what to learn next."""
    from roleadvisor.commands.assess import AssessOptions, assess_report
    from roleadvisor.render import choose_format

    fmt = choose_format("assess", output_format.value if output_format else None, output)
    interactive = not no_input and sys.stdin is not None and sys.stdin.isatty()
    report = assess_report(
        get_catalog(ctx),
        AssessOptions(
            rates=tuple(rate or ()),
            profile=profile,
            top=top,
            interactive=interactive,
            target=target,
            prefer=prefer,
        ),
    )
    show(report, fmt, output)


# ---------------------------------------------------------------- batch


class InputFormat(str, Enum):
    """Batch input formats."""

    csv = "csv"
    jsonl = "jsonl"
    yaml = "yaml"
    json = "json"


class OutputFormat(str, Enum):
    """Batch output formats."""

    jsonl = "jsonl"
    csv = "csv"


@app.command(
    epilog=examples(
        "roleadvisor batch people.csv -o results.jsonl",
        "cat people.jsonl | roleadvisor batch - | jq .top_role",
        "roleadvisor batch people.csv --output-format csv -o results.csv",
        "roleadvisor batch people.yaml --top 3 --with-gaps --strict",
        after="Exit codes: 0 all scored, 3 some records failed (error records are in the output), "
        "2 the input as a whole cannot be read, 1 a file could not be read or written.",
    )
)
def batch(
    ctx: typer.Context,
    input_path: Annotated[
        str,
        typer.Argument(
            metavar="INPUT", help="CSV, JSON Lines, YAML or JSON file of profiles; '-' reads stdin."
        ),
    ],
    input_format: Annotated[
        InputFormat | None,
        typer.Option(
            "--input-format", "-I", help="Input format (default: from the file's extension, else sniffed)."
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", metavar="FILE", help="Write results to FILE atomically instead of stdout."
        ),
    ] = None,
    output_format: Annotated[
        OutputFormat | None,
        typer.Option(
            "--output-format", "-O", help="jsonl or csv (default: csv for a .csv --output, else jsonl)."
        ),
    ] = None,
    top: Annotated[
        int | None,
        typer.Option("--top", "-n", min=1, metavar="N", help="Keep only the N best roles in 'fits'."),
    ] = None,
    with_gaps: Annotated[
        bool, typer.Option("--with-gaps", help="Add each role's gaps, as in the assess report (slower).")
    ] = False,
    strict: Annotated[
        bool,
        typer.Option("--strict", help="Stop at the first bad record instead of reporting it and going on."),
    ] = False,
) -> None:
    """Score many profiles from a file or stdin; one JSON line (or CSV row) per profile."""
    from roleadvisor.commands.batch import BatchOptions, run_batch_command

    code = run_batch_command(
        get_catalog(ctx),
        BatchOptions(
            input=input_path,
            input_format=None if input_format is None else input_format.value,
            output=output,
            output_format=None if output_format is None else output_format.value,
            top=top,
            with_gaps=with_gaps,
            strict=strict,
        ),
    )
    if code:
        raise typer.Exit(code)


@app.command(epilog=examples("roleadvisor schema > assess-report.schema.json"))
def schema() -> None:
    """Print the JSON Schema of the 'assess --format json' report."""
    import json

    from roleadvisor.contracts.schema import report_json_schema
    from roleadvisor.output import write_stdout

    write_stdout(json.dumps(report_json_schema(), indent=2))


# ---------------------------------------------------------------- browsing


class ViewFormat(str, Enum):
    """Formats of the browsing commands."""

    table = "table"
    json = "json"


FORMAT_HELP = "table for people, json for programs (a stable shape)."


@app.command(
    epilog=examples(
        "roleadvisor roles",
        "roleadvisor roles --family adjacent",
        "roleadvisor roles --format json | jq -r '.roles[].id'",
    )
)
def roles(
    ctx: typer.Context,
    family: Annotated[
        str | None,
        typer.Option(
            "--family",
            help="Only roles of this family (e.g. core, research, adjacent).",
            autocompletion=complete_family,
        ),
    ] = None,
    output_format: Annotated[ViewFormat, typer.Option("--format", "-f", help=FORMAT_HELP)] = ViewFormat.table,
) -> None:
    """List the roles: family, stages and the skills that matter most to each."""
    from roleadvisor.commands.browse import roles_contract

    show(roles_contract(get_catalog(ctx), family), output_format.value)


@app.command(
    epilog=examples(
        "roleadvisor role devrel",
        'roleadvisor role "ML eng"',
        "roleadvisor role mlops --format json | jq .requirements",
    )
)
def role(
    ctx: typer.Context,
    query: Annotated[
        str,
        typer.Argument(
            metavar="ROLE", help="Role id, title or alias; typos are forgiven.", autocompletion=complete_role
        ),
    ],
    output_format: Annotated[ViewFormat, typer.Option("--format", "-f", help=FORMAT_HELP)] = ViewFormat.table,
) -> None:
    """Explain one role: what it does, what each skill level it needs means, its closest roles."""
    from roleadvisor.commands.browse import role_contract

    show(role_contract(get_catalog(ctx), query), output_format.value)


@app.command(
    epilog=examples("roleadvisor lifecycle", "roleadvisor lifecycle --format json | jq '.stages[].id'")
)
def lifecycle(
    ctx: typer.Context,
    output_format: Annotated[ViewFormat, typer.Option("--format", "-f", help=FORMAT_HELP)] = ViewFormat.table,
) -> None:
    """Show the stages of the ML production cycle, their skill mix and who owns each."""
    from roleadvisor.commands.browse import lifecycle_contract

    show(lifecycle_contract(get_catalog(ctx)), output_format.value)


@app.command(
    epilog=examples("roleadvisor skills", "roleadvisor skills stats", "roleadvisor skills --format json")
)
def skills(
    ctx: typer.Context,
    query: Annotated[
        str | None,
        typer.Argument(
            metavar="[SKILL]", help="Show only this skill area (id or title).", autocompletion=complete_skill
        ),
    ] = None,
    output_format: Annotated[ViewFormat, typer.Option("--format", "-f", help=FORMAT_HELP)] = ViewFormat.table,
) -> None:
    """Show each skill area with what every level of the scale means in it."""
    from roleadvisor.commands.browse import skills_contract

    show(skills_contract(get_catalog(ctx), query), output_format.value)


class DecodeFormat(str, Enum):
    """Formats of ``decode``."""

    table = "table"
    json = "json"
    profile = "profile"


@app.command(
    epilog=examples(
        'roleadvisor decode "Staff ML Platform Engineer"',
        "roleadvisor decode --file advert.txt --format json",
        "pbpaste | roleadvisor decode",
        'roleadvisor decode "Senior Data Scientist" --format profile > job.json',
        "roleadvisor assess --profile job.json   # the job, scored like a person",
    )
)
def decode(
    ctx: typer.Context,
    text: Annotated[
        str | None,
        typer.Argument(metavar="[TEXT]", help="A job title or advert; omit to read --file or stdin."),
    ] = None,
    file: Annotated[
        Path | None,
        typer.Option("--file", metavar="FILE", help="Read the advert from FILE ('-' for stdin)."),
    ] = None,
    output_format: Annotated[
        DecodeFormat,
        typer.Option(
            "--format",
            "-f",
            help="table, json, or profile (just the profile, for 'assess --profile').",
        ),
    ] = DecodeFormat.table,
) -> None:
    """Map a job title or advert to the roles it most likely is and the skill levels it asks for."""
    from roleadvisor.commands.browse import decode_contract, read_advert

    stdin_is_terminal = sys.stdin is not None and sys.stdin.isatty()
    advert = read_advert(text, file, stdin_is_terminal)
    show(decode_contract(get_catalog(ctx), advert), output_format.value)


@app.command(
    epilog=examples(
        "roleadvisor compare march.json november.json",
        "roleadvisor compare march.json me.yaml --format json",
        before="OLD and NEW are reports saved with 'assess --format json' (or 'decode --format json'), "
        "or profile files; both are re-scored with the current catalogue.",
    )
)
def compare(
    ctx: typer.Context,
    old: Annotated[Path, typer.Argument(metavar="OLD", help="Earlier report or profile.")],
    new: Annotated[Path, typer.Argument(metavar="NEW", help="Later report or profile.")],
    output_format: Annotated[ViewFormat, typer.Option("--format", "-f", help=FORMAT_HELP)] = ViewFormat.table,
) -> None:
    """Show what changed between two saved reports (or a report and a profile)."""
    from roleadvisor.commands.compare import compare_contract

    show(compare_contract(get_catalog(ctx), old, new), output_format.value)


# ---------------------------------------------------------------- catalog


catalog_app = typer.Typer(
    name="catalog",
    help="Start, and check, a catalogue of your own (your career framework).",
    no_args_is_help=True,
    rich_markup_mode=None,
    context_settings=CONTEXT,
)
app.add_typer(catalog_app, name="catalog")


@catalog_app.command(
    "init",
    epilog=examples(
        "roleadvisor catalog init my-framework",
        "roleadvisor --catalog my-framework assess --profile me.yaml",
    ),
)
def catalog_init(
    directory: Annotated[Path, typer.Argument(metavar="DIR", help="Directory to create (or fill).")],
    force: Annotated[bool, typer.Option("--force", help="Overwrite catalogue files already in DIR.")] = False,
) -> None:
    """Write a copy of the built-in catalogue into DIR to edit."""
    from roleadvisor.commands.catalogs import run_init

    run_init(directory, force)


@catalog_app.command(
    "validate",
    epilog=examples(
        "roleadvisor catalog validate my-framework",
        "roleadvisor --catalog my-framework catalog validate --format json",
        before="Exit codes: 0 valid, 2 problems found (each listed with its file and place).",
    ),
)
def catalog_validate(
    ctx: typer.Context,
    directory: Annotated[
        Path | None,
        typer.Argument(
            metavar="[DIR]",
            help="Catalogue directory (default: --catalog, $ROLEADVISOR_CATALOG, else the built-in one).",
        ),
    ] = None,
    output_format: Annotated[ViewFormat, typer.Option("--format", "-f", help=FORMAT_HELP)] = ViewFormat.table,
) -> None:
    """Check a catalogue and list every problem with its file and place."""
    from roleadvisor.commands.catalogs import validate_contract, validation_error
    from roleadvisor.errors import EXIT_USAGE

    root = ctx.find_root()
    global_dir = root.obj.get("catalog_dir") if isinstance(root.obj, dict) else None
    report = validate_contract(directory, global_dir)
    if output_format is ViewFormat.json:
        show(report, "json")
        if not report.valid:
            raise typer.Exit(EXIT_USAGE)
        return
    if not report.valid:
        raise validation_error(report)
    show(report, "table")


def main() -> None:
    """Console-script entry point (kept for ``roleadvisor.cli:main`` callers)."""
    from roleadvisor.__main__ import main as entry

    sys.exit(entry())
