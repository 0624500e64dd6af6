"""The ``roleadvisor`` command line: parse options, call the library, render the result.

Every command converts ``RoleAdvisorError`` into a one-line message on stderr
and its documented exit code; no traceback reaches the user.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Annotated, ParamSpec, TypeVar

import typer

from roleadvisor import __version__
from roleadvisor.catalog.loader import ENV_VAR, load_catalog
from roleadvisor.catalog.models import Catalog
from roleadvisor.errors import EXIT_IO, EXIT_USAGE, RoleAdvisorError, UsageError

P = ParamSpec("P")
R = TypeVar("R")

app = typer.Typer(
    name="roleadvisor",
    help=(
        "Which ML role am I, and what do I learn next? Rate your skills, see how you fit "
        "the roles of the ML production cycle, and what separates you from each.\n\n"
        "Example: roleadvisor assess --rate systems=4 --rate ml=3 ... --format json"
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)


class Format(str, Enum):
    """Report formats of ``assess``."""

    table = "table"
    json = "json"
    markdown = "markdown"
    html = "html"
    svg = "svg"


EXTENSION_FORMATS = {
    ".json": Format.json,
    ".md": Format.markdown,
    ".markdown": Format.markdown,
    ".txt": Format.table,
    ".html": Format.html,
    ".htm": Format.html,
    ".svg": Format.svg,
}


def report_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Turn ``RoleAdvisorError`` into stderr lines and the error's exit code."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except RoleAdvisorError as exc:
            print_error(exc)
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            sys.stderr.write("\nroleadvisor: interrupted\n")
            raise typer.Exit(130) from None
        except BrokenPipeError:
            # The reader of stdout went away (e.g. `| head`): stop quietly.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise typer.Exit(EXIT_IO) from None

    return wrapper


def print_error(exc: RoleAdvisorError) -> None:
    """One ``error:`` line, then one indented line per detail."""
    sys.stderr.write(f"error: {exc.message}\n")
    for line in exc.details:
        sys.stderr.write(f"  {line}\n")
    sys.stderr.flush()


def get_catalog(ctx: typer.Context) -> Catalog:
    """The catalogue chosen by ``--catalog`` / ``$ROLEADVISOR_CATALOG``, loaded once."""
    root = ctx.find_root()
    obj = root.obj if isinstance(root.obj, dict) else {}
    if "catalog" not in obj:
        obj["catalog"] = load_catalog(obj.get("catalog_dir"))
        root.obj = obj
    catalog: Catalog = obj["catalog"]
    return catalog


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"roleadvisor {__version__}\n")
        raise typer.Exit(0)


@app.callback()
def main_options(
    ctx: typer.Context,
    catalog: Annotated[
        Path | None,
        typer.Option(
            "--catalog",
            envvar=ENV_VAR,
            help="Directory holding lifecycle.yaml and roles.yaml to use instead of the "
            f"built-in catalogue (also ${ENV_VAR}).",
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


@app.command(
    epilog=(
        "Examples:\n\n"
        "  roleadvisor assess                       # asks for each skill on a terminal\n\n"
        "  roleadvisor assess --profile me.yaml --top 5\n\n"
        "  roleadvisor assess -r systems=4 -r databases=3 -r ml=4 -r algorithms=3 "
        "-r stats=2 -r sme=2 -r product=1 -r communication=3 --format json\n\n"
        "  roleadvisor assess --profile me.yaml --rate ml=4 --output report.md\n\n"
        "  roleadvisor assess --profile me.yaml --target mlops --prefer video,course\n\n"
        "  roleadvisor assess --profile me.yaml --target mlops --output me.html   # page with radar chart"
    )
)
@report_errors
def assess(
    ctx: typer.Context,
    rate: Annotated[
        list[str] | None,
        typer.Option(
            "--rate",
            "-r",
            metavar="SKILL=LEVEL",
            help="Rate one skill (repeatable); overrides the profile file.",
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
        int | None, typer.Option("--top", "-n", min=1, help="Show only the N best-fitting roles.")
    ] = None,
    output_format: Annotated[
        Format | None,
        typer.Option("--format", "-f", help="Report format [default: table, or from --output's extension]."),
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
        ),
    ] = None,
    prefer: Annotated[
        str | None,
        typer.Option(
            "--prefer",
            metavar="KIND[,KIND]",
            help="Order resources by these kinds: book, course, video, community, practice, article.",
        ),
    ] = None,
) -> None:
    """Rate your skills, rank the ML roles by fit, and get a plan for what to learn next."""
    from roleadvisor.commands.assess import AssessOptions, run_assess

    fmt = _resolve_format(output_format, output)
    run_assess(
        get_catalog(ctx),
        AssessOptions(
            rates=tuple(rate or ()),
            profile=profile,
            top=top,
            fmt=fmt.value,
            output=output,
            interactive=not no_input and sys.stdin.isatty(),
            target=target,
            prefer=prefer,
        ),
    )


def _resolve_format(explicit: Format | None, output: Path | None) -> Format:
    if explicit is not None:
        return explicit
    if output is None:
        return Format.table
    fmt = EXTENSION_FORMATS.get(output.suffix.lower())
    if fmt is None:
        known = ", ".join(EXTENSION_FORMATS)
        raise UsageError(
            f"--output {output}: cannot tell the format from the extension "
            f"{output.suffix or '(none)'!r}; use one of {known} or pass --format"
        )
    return fmt


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
    epilog=(
        "Examples:\n\n"
        "  roleadvisor batch people.csv -o results.jsonl\n\n"
        "  cat people.jsonl | roleadvisor batch - | jq .top_role\n\n"
        "  roleadvisor batch people.csv --output-format csv -o results.csv\n\n"
        "  roleadvisor batch people.yaml --top 3 --with-gaps --strict\n\n"
        "Exit codes: 0 all scored, 3 some records failed (error records are in the output), "
        "2 the input as a whole cannot be read, 1 a file could not be read or written."
    )
)
@report_errors
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
            "--input-format", "-I", help="Input format [default: from the extension, else sniffed]."
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
            "--output-format", "-O", help="jsonl or csv [default: csv for a .csv --output, else jsonl]."
        ),
    ] = None,
    top: Annotated[
        int | None, typer.Option("--top", "-n", min=1, help="Keep only the N best roles in 'fits'.")
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


@app.command(epilog="Example:\n\n  roleadvisor schema > assess-report.schema.json")
@report_errors
def schema() -> None:
    """Print the JSON Schema of the 'assess --format json' report."""
    import json

    from roleadvisor.output import write_stdout
    from roleadvisor.report import report_json_schema

    write_stdout(json.dumps(report_json_schema(), indent=2))


class ViewFormat(str, Enum):
    """Formats of the browsing commands."""

    table = "table"
    json = "json"


FORMAT_HELP = "table for people, json for programs (a stable shape)."


@app.command(
    epilog=(
        "Examples:\n\n"
        "  roleadvisor roles\n\n"
        "  roleadvisor roles --family adjacent\n\n"
        "  roleadvisor roles --format json | jq -r '.roles[].id'"
    )
)
@report_errors
def roles(
    ctx: typer.Context,
    family: Annotated[
        str | None,
        typer.Option("--family", help="Only roles of this family (e.g. core, research, adjacent)."),
    ] = None,
    output_format: Annotated[ViewFormat, typer.Option("--format", "-f", help=FORMAT_HELP)] = ViewFormat.table,
) -> None:
    """List the roles: family, stages and the skills that matter most to each."""
    from roleadvisor.commands.explore import run_roles

    run_roles(get_catalog(ctx), family, output_format.value)


@app.command(
    epilog=(
        "Examples:\n\n"
        "  roleadvisor role devrel\n\n"
        '  roleadvisor role "ML eng"\n\n'
        "  roleadvisor role mlops --format json | jq .requirements"
    )
)
@report_errors
def role(
    ctx: typer.Context,
    query: Annotated[
        str, typer.Argument(metavar="ROLE", help="Role id, title or alias; typos are forgiven.")
    ],
    output_format: Annotated[ViewFormat, typer.Option("--format", "-f", help=FORMAT_HELP)] = ViewFormat.table,
) -> None:
    """Explain one role: what it does, what each skill level it needs means, its closest roles."""
    from roleadvisor.commands.explore import run_role

    run_role(get_catalog(ctx), query, output_format.value)


@app.command(
    epilog="Examples:\n\n  roleadvisor lifecycle\n\n  roleadvisor lifecycle --format json | jq '.stages[].id'"
)
@report_errors
def lifecycle(
    ctx: typer.Context,
    output_format: Annotated[ViewFormat, typer.Option("--format", "-f", help=FORMAT_HELP)] = ViewFormat.table,
) -> None:
    """Show the stages of the ML production cycle, their skill mix and who owns each."""
    from roleadvisor.commands.explore import run_lifecycle

    run_lifecycle(get_catalog(ctx), output_format.value)


@app.command(
    epilog=(
        "Examples:\n\n  roleadvisor skills\n\n  roleadvisor skills stats\n\n"
        "  roleadvisor skills --format json"
    )
)
@report_errors
def skills(
    ctx: typer.Context,
    query: Annotated[
        str | None, typer.Argument(metavar="[SKILL]", help="Show only this skill area (id or title).")
    ] = None,
    output_format: Annotated[ViewFormat, typer.Option("--format", "-f", help=FORMAT_HELP)] = ViewFormat.table,
) -> None:
    """Show each skill area with what every level of the scale means in it."""
    from roleadvisor.commands.explore import run_skills

    run_skills(get_catalog(ctx), query, output_format.value)


class DecodeFormat(str, Enum):
    """Formats of ``decode``."""

    table = "table"
    json = "json"
    profile = "profile"


@app.command(
    epilog=(
        "Examples:\n\n"
        '  roleadvisor decode "Staff ML Platform Engineer"\n\n'
        "  roleadvisor decode --file advert.txt --format json\n\n"
        "  pbpaste | roleadvisor decode\n\n"
        '  roleadvisor decode "Senior Data Scientist" --format profile > job.json\n\n'
        "  roleadvisor assess --profile job.json   # what the job asks, scored like a person"
    )
)
@report_errors
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
    from roleadvisor.commands.explore import read_advert, run_decode

    catalog = get_catalog(ctx)
    run_decode(catalog, read_advert(text, file, sys.stdin.isatty()), output_format.value)


@app.command(
    epilog=(
        "OLD and NEW are reports saved with 'assess --format json' (or 'decode --format json'), "
        "or profile files; both are re-scored with the current catalogue.\n\n"
        "Examples:\n\n"
        "  roleadvisor compare march.json november.json\n\n"
        "  roleadvisor compare march.json me.yaml --format json"
    )
)
@report_errors
def compare(
    ctx: typer.Context,
    old: Annotated[Path, typer.Argument(metavar="OLD", help="Earlier report or profile.")],
    new: Annotated[Path, typer.Argument(metavar="NEW", help="Later report or profile.")],
    output_format: Annotated[ViewFormat, typer.Option("--format", "-f", help=FORMAT_HELP)] = ViewFormat.table,
) -> None:
    """Show what changed between two saved reports (or a report and a profile)."""
    from roleadvisor.commands.compare import run_compare

    run_compare(get_catalog(ctx), old, new, output_format.value)


catalog_app = typer.Typer(
    name="catalog",
    help="Start, and check, a catalogue of your own (your career framework).",
    no_args_is_help=True,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
app.add_typer(catalog_app, name="catalog")


@catalog_app.command(
    "init",
    epilog=(
        "Example:\n\n"
        "  roleadvisor catalog init my-framework\n\n"
        "  roleadvisor --catalog my-framework assess --profile me.yaml"
    ),
)
@report_errors
def catalog_init(
    directory: Annotated[Path, typer.Argument(metavar="DIR", help="Directory to create (or fill).")],
    force: Annotated[bool, typer.Option("--force", help="Overwrite catalogue files already in DIR.")] = False,
) -> None:
    """Write a copy of the built-in catalogue into DIR to edit."""
    from roleadvisor.commands.catalogs import run_init

    run_init(directory, force)


@catalog_app.command(
    "validate",
    epilog=(
        "Exit codes: 0 valid, 2 problems found (each listed with its file and place).\n\n"
        "Examples:\n\n"
        "  roleadvisor catalog validate my-framework\n\n"
        "  roleadvisor --catalog my-framework catalog validate --format json"
    ),
)
@report_errors
def catalog_validate(
    ctx: typer.Context,
    directory: Annotated[
        Path | None,
        typer.Argument(
            metavar="[DIR]", help="Catalogue directory [default: --catalog, $ROLEADVISOR_CATALOG, built-in]."
        ),
    ] = None,
    output_format: Annotated[ViewFormat, typer.Option("--format", "-f", help=FORMAT_HELP)] = ViewFormat.table,
) -> None:
    """Check a catalogue and list every problem with its file and place."""
    from roleadvisor.commands.catalogs import run_validate

    root = ctx.find_root()
    global_dir = root.obj.get("catalog_dir") if isinstance(root.obj, dict) else None
    code = run_validate(directory, global_dir, output_format.value)
    if code:
        raise typer.Exit(code)


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except RoleAdvisorError as exc:  # raised outside a command (should not happen)
        print_error(exc)
        sys.exit(exc.exit_code if exc.exit_code else EXIT_USAGE)
