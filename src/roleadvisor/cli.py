"""The ``roleadvisor`` command line: options in, one contract out, rendered and written.

Thin on purpose: each command parses its options, asks ``roleadvisor.commands``
for a contract, and hands it to ``show`` (one renderer registry, one writer).
The Click plumbing beneath (error boundary, lazy subcommands) is in
``roleadvisor.cligroup``, the completion answers in ``roleadvisor.completion``.
Imports here are Typer and the standard library only; everything else loads
inside the command that needs it.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from roleadvisor import __version__
from roleadvisor.cligroup import RoleAdvisorGroup, lazy_group
from roleadvisor.completion import (
    complete_family,
    complete_kinds,
    complete_language,
    complete_rating,
    complete_role,
    complete_skill,
)
from roleadvisor.i18n import _

if TYPE_CHECKING:
    from roleadvisor.catalog.models import Catalog
    from roleadvisor.contracts import Contract

ENV_CATALOG = "ROLEADVISOR_CATALOG"
CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


app = typer.Typer(
    name="roleadvisor",
    cls=RoleAdvisorGroup,
    help=(
        _(
            "Which ML role am I, and what do I learn next? Rate your skills, see how you fit "
            "the roles of the ML production cycle, and what separates you from each."
        )
        + "\n\n"
        + _("Example: {command}").format(
            command="roleadvisor assess --rate systems=4 --rate ml=3 ... --format json"
        )
    ),
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings=CONTEXT,
)


def app_command() -> RoleAdvisorGroup:
    """The Click group behind ``app``, subcommands built lazily (what the console script runs)."""
    return lazy_group(app)


# ---------------------------------------------------------------- shared plumbing


def examples(*lines: str, before: str = "", after: str = "") -> str:
    """An epilog: ``before``, the example lines kept as typed (Click's \\b: never re-wrapped), ``after``."""
    parts = [before] if before else []
    parts.append(_("Examples:") + "\n\n\b\n" + "\n".join(f"  {line}" for line in lines))
    if after:
        parts.append(after)
    return "\n\n".join(parts)


def get_catalog(ctx: typer.Context) -> Catalog:
    """The catalogue chosen by ``--catalog`` / ``$ROLEADVISOR_CATALOG``, loaded once per run."""
    from roleadvisor.catalog.loader import load_catalog

    root = ctx.find_root()
    obj = root.obj if isinstance(root.obj, dict) else {}
    if "catalog" not in obj:
        obj["catalog"] = _in_language(load_catalog(obj.get("catalog_dir")))
        root.obj = obj
    catalog: Catalog = obj["catalog"]
    return catalog


def _in_language(catalog: Catalog) -> Catalog:
    """``catalog`` in the active language, saying on stderr how much of it stays in English."""
    from roleadvisor import i18n

    if i18n.current() == i18n.ENGLISH:
        return catalog
    from roleadvisor.catalog.localize import localize
    from roleadvisor.output import note

    localized, missing = localize(catalog, i18n.current())
    if i18n.current() not in catalog.languages:
        note(
            i18n._(
                "This catalogue has no text in {language} (no i18n/{code}.yaml): its roles, skills and "
                "stages are shown in English."
            ).format(language=i18n.NAMES[i18n.current()], code=i18n.current())
        )
    elif missing:
        note(
            i18n.ngettext(
                "{count} text of the catalogue has no translation and is shown in English "
                "('roleadvisor catalog validate' lists it).",
                "{count} texts of the catalogue have no translation and are shown in English "
                "('roleadvisor catalog validate' lists them).",
                len(missing),
            ).format(count=i18n.number(len(missing)))
        )
    return localized


def show(contract: Contract, fmt: str, output: Path | None = None) -> None:
    """Render ``contract`` in ``fmt`` and write it to stdout or ``output``."""
    from roleadvisor.output import emit
    from roleadvisor.render import render

    emit(render(contract, fmt), output)


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
            help=_(
                "Directory holding lifecycle.yaml and roles.yaml to use instead of the "
                "built-in catalogue (also $ROLEADVISOR_CATALOG)."
            ),
            show_envvar=False,
        ),
    ] = None,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            metavar="LANG",
            help=_(
                "Language of the messages, reports and catalogue text: en, fa or ru (default: "
                "$ROLEADVISOR_LANG, else the locale, LC_ALL/LC_MESSAGES/LANG, else en). JSON keys and ids "
                "stay English."
            ),
            autocompletion=complete_language,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help=_("Print the version.")),
    ] = False,
) -> None:
    """Global options shared by every command."""
    from roleadvisor import i18n

    i18n.activate(i18n.resolve(lang))
    ctx.obj = {"catalog_dir": catalog}


# ---------------------------------------------------------------- assess


# The --output of the commands that write one report (assess, rank, cohort).
ReportOutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help=_("Write the report to FILE (atomically) instead of stdout."),
    ),
]


class Format(str, Enum):
    """Report formats of ``assess``."""

    table = "table"
    json = "json"
    markdown = "markdown"
    html = "html"
    svg = "svg"


@app.command(
    help=_("Rate your skills, rank the ML roles by match, and get a plan for what to learn next."),
    epilog=examples(
        "roleadvisor assess            # " + _("asks for each skill on a terminal"),
        "roleadvisor assess --profile me.yaml --top 5",
        "roleadvisor assess -r systems=4 -r databases=3 -r ml=4 -r algorithms=3 \\",
        "    -r stats=2 -r sme=2 -r product=1 -r communication=3 --format json",
        "roleadvisor assess --profile me.yaml --rate ml=4 --output report.md",
        "roleadvisor assess --profile me.yaml --target mlops --prefer video,course",
        "roleadvisor assess --profile me.yaml --target mlops -o me.html  # " + _("a page"),
    ),
)
def assess(
    ctx: typer.Context,
    rate: Annotated[
        list[str] | None,
        typer.Option(
            "--rate",
            "-r",
            metavar="SKILL=LEVEL",
            help=_(
                "Rate one skill (repeatable), by level number or label (ml=2, ml=beginner); "
                "overrides the profile file."
            ),
            autocompletion=complete_rating,
        ),
    ] = None,
    profile: Annotated[
        Path | None,
        typer.Option(
            "--profile",
            "-p",
            metavar="FILE",
            help=_(
                "YAML or JSON file with 'name' and 'ratings: {skill: level}', or a saved JSON report; "
                "'-' reads stdin."
            ),
        ),
    ] = None,
    save_profile: Annotated[
        Path | None,
        typer.Option(
            "--save-profile",
            metavar="FILE",
            help=_(
                "Also save the ratings (with your answers to the prompt) to FILE, YAML or JSON by its "
                "extension, for --profile next time; an existing FILE is replaced atomically. If input "
                "ends or Ctrl-C stops the prompt, the answers so far go to FILE if it is new (else to a "
                "new file)."
            ),
        ),
    ] = None,
    top: Annotated[
        int | None,
        typer.Option("--top", "-n", min=1, metavar="N", help=_("Show only the N best-fitting roles.")),
    ] = None,
    output_format: Annotated[
        Format | None,
        typer.Option(
            "--format", "-f", help=_("Report format (default: table, or what --output's extension says).")
        ),
    ] = None,
    output: ReportOutputOption = None,
    no_input: Annotated[
        bool, typer.Option("--no-input", help=_("Never prompt; missing ratings are an error."))
    ] = False,
    target: Annotated[
        str | None,
        typer.Option(
            "--target",
            "-t",
            metavar="ROLE",
            help=_(
                "Plan the steps to this role (id, title or alias), or to the advert in a saved "
                "'decode --format json' file, best step first."
            ),
            autocompletion=complete_role,
        ),
    ] = None,
    prefer: Annotated[
        str | None,
        typer.Option(
            "--prefer",
            metavar="KIND|LANG[,...]",
            help=_(
                "Put first the resources of these kinds (book, course, video, community, practice, "
                "article) and languages (en, fa, ru), in this order, e.g. ru,video. Without a language, "
                "the --lang language comes first; other languages follow, never hidden."
            ),
            autocompletion=complete_kinds,
        ),
    ] = None,
) -> None:
    """Rate your skills, rank the ML roles by match, and get a plan for what to learn next."""
    from roleadvisor.commands.assess import AssessOptions, assess_report
    from roleadvisor.render import choose_format

    fmt = choose_format("assess", output_format.value if output_format else None, output)
    interactive = not no_input and sys.stdin is not None and sys.stdin.isatty()
    # a table on the terminal shows the warnings itself: no second copy on stderr
    on_screen = fmt == "table" and output is None and sys.stdout is not None and sys.stdout.isatty()
    report = assess_report(
        get_catalog(ctx),
        AssessOptions(
            rates=tuple(rate or ()),
            profile=profile,
            top=top,
            interactive=interactive,
            target=target,
            prefer=prefer,
            save_profile=save_profile,
        ),
        warn_on_stderr=not on_screen,
    )
    show(report, fmt, output)


# ---------------------------------------------------------------- batch


class InputFormat(str, Enum):
    """Batch input formats."""

    csv = "csv"
    jsonl = "jsonl"
    yaml = "yaml"
    json = "json"
    xlsx = "xlsx"


class Delimiter(str, Enum):
    """What separates the fields of a CSV input."""

    comma = ","
    semicolon = ";"
    tab = "tab"


class OutputFormat(str, Enum):
    """Batch output formats."""

    table = "table"
    jsonl = "jsonl"
    csv = "csv"


# The input options batch, cohort and rank share: the same people file reads the same way in all three.
InputFormatOption = Annotated[
    InputFormat | None,
    typer.Option(
        "--input-format",
        "-I",
        help=_("Input format (default: from the file's extension, else sniffed)."),
    ),
]
IdColumnOption = Annotated[
    str | None,
    typer.Option(
        "--id-column",
        metavar="NAME",
        help=_("CSV and .xlsx: the column holding each person's id (default: 'id'; any case)."),
    ),
]
DelimiterOption = Annotated[
    Delimiter | None,
    typer.Option(
        "--delimiter",
        help=_("CSV: what separates fields (default: ',', ';' or tab, found from the header)."),
    ),
]
SheetOption = Annotated[
    str | None,
    typer.Option("--sheet", metavar="NAME", help=_(".xlsx: the sheet to read (default: the first).")),
]


@app.command(
    help=_(
        "Score many profiles from a file or stdin: a table on a terminal, JSON Lines or CSV for programs."
    ),
    epilog=examples(
        "roleadvisor batch people.csv",
        "roleadvisor batch people.csv -o results.jsonl",
        "roleadvisor batch learners.xlsx --id-column Name",
        "cat people.jsonl | roleadvisor batch - | jq .top_role",
        "roleadvisor batch people.csv --top 3 --with-gaps -f csv -o results.csv",
        "roleadvisor batch people.yaml --top 3 --with-gaps --strict",
        after=_(
            "Exit codes: 0 all scored, 3 some records failed (error records are in the output), "
            "2 the input as a whole cannot be read, 1 a file could not be read or written."
        ),
    ),
)
def batch(
    ctx: typer.Context,
    input_path: Annotated[
        str,
        typer.Argument(
            metavar="INPUT",
            help=_("CSV, JSON Lines, YAML, JSON or .xlsx file of profiles; '-' reads stdin."),
        ),
    ],
    input_format: InputFormatOption = None,
    id_column: IdColumnOption = None,
    delimiter: DelimiterOption = None,
    sheet: SheetOption = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", metavar="FILE", help=_("Write results to FILE atomically instead of stdout.")
        ),
    ] = None,
    output_format: Annotated[
        OutputFormat | None,
        typer.Option(
            "--format",
            "-f",
            "--output-format",
            "-O",
            help=_(
                "table for people, jsonl or csv for programs (default: table on a terminal; "
                "csv for a .csv --output; else jsonl)."
            ),
        ),
    ] = None,
    top: Annotated[
        int | None,
        typer.Option(
            "--top",
            "-n",
            min=1,
            metavar="N",
            help=_("Keep only the N best roles (CSV: ranked columns role_1 ... role_N)."),
        ),
    ] = None,
    with_gaps: Annotated[
        bool, typer.Option("--with-gaps", help=_("Add each role's gaps, as in the assess report (slower)."))
    ] = False,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict", help=_("Stop at the first bad record instead of reporting it and going on.")
        ),
    ] = False,
) -> None:
    """Score many profiles from a file or stdin: a table on a terminal, JSON Lines or CSV for programs."""
    from roleadvisor.commands.batch import BatchOptions, run_batch_command

    code = run_batch_command(
        get_catalog(ctx),
        BatchOptions(
            input=input_path,
            input_format=None if input_format is None else input_format.value,
            id_column=id_column,
            delimiter=None if delimiter is None else delimiter.value,
            sheet=sheet,
            output=output,
            output_format=None if output_format is None else output_format.value,
            top=top,
            with_gaps=with_gaps,
            strict=strict,
            table=_batch_table,
        ),
    )
    if code:
        raise typer.Exit(code)


def _batch_table(**layout: Any) -> Any:  # noqa: ANN401 - commands.batch.MakeTable, kept lazy
    """The batch table's layout; Rich is imported only when a table is printed."""
    from roleadvisor.render.batchtable import BatchTable

    return BatchTable(**layout)


# ---------------------------------------------------------------- cohort


class CohortFormat(str, Enum):
    """Report formats of ``cohort``."""

    table = "table"
    json = "json"
    html = "html"


class RankFormat(str, Enum):
    """Formats of ``rank``."""

    table = "table"
    json = "json"
    markdown = "markdown"


@app.command(
    help=_(
        "Rank candidates against a role, an advert or a saved decode: fit, gaps and critical gaps for each. "
        "It supports a conversation, not a hiring decision."
    ),
    epilog=examples(
        "roleadvisor rank candidates.csv --role mlops",
        "roleadvisor rank candidates.csv --advert advert.txt",
        "pbpaste | roleadvisor rank candidates.csv --advert -",
        "roleadvisor decode --file advert.txt -f json > job.json",
        "roleadvisor rank candidates.csv --requirements job.json -f json -o ranking.json",
        after=_(
            "Exit codes: 0 every candidate ranked, 3 some records skipped (listed on stderr), 2 bad input "
            "or no candidate to rank, 1 a file could not be read or written."
        ),
    ),
)
def rank(
    ctx: typer.Context,
    input_path: Annotated[
        str,
        typer.Argument(
            metavar="FILE",
            help=_("Candidates: CSV, JSON Lines, YAML, JSON or .xlsx, as for batch; '-' reads stdin."),
        ),
    ],
    role: Annotated[
        str | None,
        typer.Option(
            "--role",
            metavar="ROLE",
            help=_("Rank against this role (id, title or alias)."),
            autocompletion=complete_role,
        ),
    ] = None,
    advert: Annotated[
        str | None,
        typer.Option(
            "--advert",
            metavar="FILE",
            help=_(
                "Rank against this job advert, decoded first and shown so you can check it; '-' reads stdin."
            ),
        ),
    ] = None,
    requirements: Annotated[
        str | None,
        typer.Option(
            "--requirements",
            metavar="FILE",
            help=_(
                "Rank against a saved 'decode --format json' (or '--format profile') file; '-' reads stdin."
            ),
        ),
    ] = None,
    top: Annotated[
        int | None,
        typer.Option("--top", "-n", min=1, metavar="N", help=_("Show only the N best-ranked candidates.")),
    ] = None,
    output_format: Annotated[
        RankFormat | None,
        typer.Option(
            "--format", "-f", help=_("Report format (default: table, or what --output's extension says).")
        ),
    ] = None,
    output: ReportOutputOption = None,
    input_format: InputFormatOption = None,
    id_column: IdColumnOption = None,
    delimiter: DelimiterOption = None,
    sheet: SheetOption = None,
) -> None:
    """Rank candidates against a role, an advert or a saved decode."""
    from roleadvisor.commands.rank import RankOptions, rank_contract
    from roleadvisor.render import choose_format

    fmt = choose_format("rank", output_format.value if output_format else None, output)
    report, code = rank_contract(
        get_catalog(ctx),
        RankOptions(
            input=input_path,
            role=role,
            advert=advert,
            requirements=requirements,
            top=top,
            input_format=None if input_format is None else input_format.value,
            id_column=id_column,
            delimiter=None if delimiter is None else delimiter.value,
            sheet=sheet,
        ),
    )
    show(report, fmt, output)
    if code:
        raise typer.Exit(code)


@app.command(
    help=_(
        "Describe a group of people (a cohort, a class, a team): the roles it fits, a heatmap of its "
        "levels, the stages it covers, the skills only one person holds, and what to teach next."
    ),
    epilog=examples(
        "roleadvisor cohort learners.csv                  # " + _("which roles does my cohort fit?"),
        "roleadvisor cohort learners.csv -o cohort.html   # " + _("the same as a page to share"),
        "roleadvisor cohort learners.csv --target mlops   # " + _("who is closest to MLOps?"),
        "roleadvisor cohort learners.csv --id-column Name --delimiter ';' --format json",
        before=_(
            "The input is read as 'roleadvisor batch' reads it (CSV, JSON Lines, YAML, JSON or .xlsx). "
            "Every number comes from the ratings people gave themselves."
        ),
        after=_(
            "Exit codes: 0 every record read, 3 some records could not be read (listed on stderr, left out "
            "of the report), 2 no record could be read or bad usage, 1 a file could not be read or written."
        ),
    ),
)
def cohort(
    ctx: typer.Context,
    input_path: Annotated[
        str,
        typer.Argument(
            metavar="INPUT",
            help=_("CSV, JSON Lines, YAML, JSON or .xlsx file of profiles; '-' reads stdin."),
        ),
    ],
    target: Annotated[
        str | None,
        typer.Option(
            "--target",
            "-t",
            metavar="ROLE",
            help=_(
                "Rank the people by fit to this role (id, title or alias), with their critical gaps, and "
                "aim teach-next at it."
            ),
            autocompletion=complete_role,
        ),
    ] = None,
    output_format: Annotated[
        CohortFormat | None,
        typer.Option(
            "--format", "-f", help=_("Report format (default: table, or what --output's extension says).")
        ),
    ] = None,
    output: ReportOutputOption = None,
    input_format: InputFormatOption = None,
    id_column: IdColumnOption = None,
    delimiter: DelimiterOption = None,
    sheet: SheetOption = None,
) -> None:
    """Describe a cohort: its roles, a heatmap of its levels, its stages, its single points, what to teach."""
    from roleadvisor.commands.cohort import CohortOptions, cohort_report
    from roleadvisor.render import choose_format

    fmt = choose_format("cohort", output_format.value if output_format else None, output)
    report, code = cohort_report(
        get_catalog(ctx),
        CohortOptions(
            input=input_path,
            input_format=None if input_format is None else input_format.value,
            id_column=id_column,
            delimiter=None if delimiter is None else delimiter.value,
            sheet=sheet,
            target=target,
        ),
    )
    show(report, fmt, output)
    if code:
        raise typer.Exit(code)


class SchemaReport(str, Enum):
    """Reports with a JSON Schema."""

    assess = "assess"
    cohort = "cohort"


@app.command(
    help=_("Print the JSON Schema of a JSON report: assess (the default) or cohort."),
    epilog=examples(
        "roleadvisor schema > assess-report.schema.json",
        "roleadvisor schema cohort > cohort-report.schema.json",
    ),
)
def schema(
    report: Annotated[
        SchemaReport,
        typer.Argument(metavar="[REPORT]", help=_("Whose JSON: assess or cohort.")),
    ] = SchemaReport.assess,
) -> None:
    """Print the JSON Schema of a JSON report: assess (the default) or cohort."""
    import json

    from roleadvisor.output import write_stdout

    if report is SchemaReport.cohort:
        from roleadvisor.contracts.cohort_schema import cohort_json_schema

        write_stdout(json.dumps(cohort_json_schema(), indent=2))
        return
    from roleadvisor.contracts.schema import report_json_schema

    write_stdout(json.dumps(report_json_schema(), indent=2))


# ---------------------------------------------------------------- browsing


class ViewFormat(str, Enum):
    """Formats of the browsing commands."""

    table = "table"
    json = "json"


FORMAT_HELP = _("table for people, json for programs (a stable shape).")


@app.command(
    help=_("List the roles: family, stages and the skills that matter most to each."),
    epilog=examples(
        "roleadvisor roles",
        "roleadvisor roles --family adjacent",
        "roleadvisor roles --format json | jq -r '.roles[].id'",
    ),
)
def roles(
    ctx: typer.Context,
    family: Annotated[
        str | None,
        typer.Option(
            "--family",
            help=_("Only roles of this family (e.g. core, research, adjacent)."),
            autocompletion=complete_family,
        ),
    ] = None,
    output_format: Annotated[ViewFormat, typer.Option("--format", "-f", help=FORMAT_HELP)] = ViewFormat.table,
) -> None:
    """List the roles: family, stages and the skills that matter most to each."""
    from roleadvisor.commands.browse import roles_contract

    show(roles_contract(get_catalog(ctx), family), output_format.value)


@app.command(
    help=_("Explain one role: what it does, what each skill level it needs means, its closest roles."),
    epilog=examples(
        "roleadvisor role devrel",
        'roleadvisor role "ML eng"',
        "roleadvisor role mlops --format json | jq .requirements",
    ),
)
def role(
    ctx: typer.Context,
    query: Annotated[
        str,
        typer.Argument(
            metavar="ROLE",
            help=_("Role id, title or alias; typos are forgiven."),
            autocompletion=complete_role,
        ),
    ],
    output_format: Annotated[ViewFormat, typer.Option("--format", "-f", help=FORMAT_HELP)] = ViewFormat.table,
) -> None:
    """Explain one role: what it does, what each skill level it needs means, its closest roles."""
    from roleadvisor.commands.browse import role_contract

    show(role_contract(get_catalog(ctx), query), output_format.value)


@app.command(
    help=_("Show the stages of the ML production cycle, their skill mix and who owns each."),
    epilog=examples("roleadvisor lifecycle", "roleadvisor lifecycle --format json | jq '.stages[].id'"),
)
def lifecycle(
    ctx: typer.Context,
    output_format: Annotated[ViewFormat, typer.Option("--format", "-f", help=FORMAT_HELP)] = ViewFormat.table,
) -> None:
    """Show the stages of the ML production cycle, their skill mix and who owns each."""
    from roleadvisor.commands.browse import lifecycle_contract

    show(lifecycle_contract(get_catalog(ctx)), output_format.value)


@app.command(
    help=_("Show each skill area with what every level of the scale means in it."),
    epilog=examples("roleadvisor skills", "roleadvisor skills stats", "roleadvisor skills --format json"),
)
def skills(
    ctx: typer.Context,
    query: Annotated[
        str | None,
        typer.Argument(
            metavar="[SKILL]",
            help=_("Show only this skill area (id or title)."),
            autocompletion=complete_skill,
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
    help=_("Map a job title or advert to the roles it most likely is and the skill levels it asks for."),
    epilog=examples(
        'roleadvisor decode "Staff ML Platform Engineer"',
        "roleadvisor decode --file advert.txt --format json",
        "pbpaste | roleadvisor decode",
        'roleadvisor decode "Senior Data Scientist" --format profile > job.json',
        "roleadvisor assess --profile job.json   # " + _("the job, scored like a person"),
    ),
)
def decode(
    ctx: typer.Context,
    text: Annotated[
        str | None,
        typer.Argument(metavar="[TEXT]", help=_("A job title or advert; omit to read --file or stdin.")),
    ] = None,
    file: Annotated[
        Path | None,
        typer.Option("--file", metavar="FILE", help=_("Read the advert from FILE ('-' for stdin).")),
    ] = None,
    output_format: Annotated[
        DecodeFormat,
        typer.Option(
            "--format",
            "-f",
            help=_("table, json, or profile (just the profile, for 'assess --profile')."),
        ),
    ] = DecodeFormat.table,
) -> None:
    """Map a job title or advert to the roles it most likely is and the skill levels it asks for."""
    from roleadvisor.commands.browse import decode_contract, read_advert

    stdin_is_terminal = sys.stdin is not None and sys.stdin.isatty()
    advert = read_advert(text, file, stdin_is_terminal)
    show(decode_contract(get_catalog(ctx), advert), output_format.value)


@app.command(
    help=_("Show what changed between two saved reports (or a report and a profile)."),
    epilog=examples(
        "roleadvisor compare march.json november.json",
        "roleadvisor compare march.json me.yaml --format json",
        before=_(
            "OLD and NEW are reports saved with 'assess --format json' (or 'decode --format json'), "
            "or profile files; both are re-scored with the current catalogue."
        ),
    ),
)
def compare(
    ctx: typer.Context,
    old: Annotated[Path, typer.Argument(metavar="OLD", help=_("Earlier report or profile."))],
    new: Annotated[Path, typer.Argument(metavar="NEW", help=_("Later report or profile."))],
    output_format: Annotated[ViewFormat, typer.Option("--format", "-f", help=FORMAT_HELP)] = ViewFormat.table,
) -> None:
    """Show what changed between two saved reports (or a report and a profile)."""
    from roleadvisor.commands.compare import compare_contract

    show(compare_contract(get_catalog(ctx), old, new), output_format.value)


# ---------------------------------------------------------------- catalog


catalog_app = typer.Typer(
    name="catalog",
    help=_("Start, and check, a catalogue of your own (your career framework)."),
    no_args_is_help=True,
    rich_markup_mode=None,
    context_settings=CONTEXT,
)
app.add_typer(catalog_app, name="catalog")


@catalog_app.command(
    "init",
    help=_("Write a copy of the built-in catalogue into DIR to edit."),
    epilog=examples(
        "roleadvisor catalog init my-framework",
        "roleadvisor --catalog my-framework assess --profile me.yaml",
    ),
)
def catalog_init(
    directory: Annotated[Path, typer.Argument(metavar="DIR", help=_("Directory to create (or fill)."))],
    force: Annotated[
        bool, typer.Option("--force", help=_("Overwrite catalogue files already in DIR."))
    ] = False,
) -> None:
    """Write a copy of the built-in catalogue into DIR to edit."""
    from roleadvisor.commands.catalogs import run_init

    run_init(directory, force)


@catalog_app.command(
    "validate",
    help=_("Check a catalogue and list every problem with its file and place."),
    epilog=examples(
        "roleadvisor catalog validate my-framework",
        "roleadvisor --catalog my-framework catalog validate --format json",
        before=_("Exit codes: 0 valid, 2 problems found (each listed with its file and place)."),
    ),
)
def catalog_validate(
    ctx: typer.Context,
    directory: Annotated[
        Path | None,
        typer.Argument(
            metavar="[DIR]",
            help=_("Catalogue directory (default: --catalog, $ROLEADVISOR_CATALOG, else the built-in one)."),
        ),
    ] = None,
    output_format: Annotated[ViewFormat, typer.Option("--format", "-f", help=FORMAT_HELP)] = ViewFormat.table,
) -> None:
    """Check a catalogue and list every problem with its file and place."""
    from roleadvisor.commands.catalogs import validate_contract, validation_error

    root = ctx.find_root()
    global_dir = root.obj.get("catalog_dir") if isinstance(root.obj, dict) else None
    report = validate_contract(directory, global_dir)
    if output_format is ViewFormat.json:
        show(report, "json")
        if not report.valid:  # the data on stdout, the one error line on stderr (exit 2)
            raise validation_error(report, listed="in the JSON on stdout")
        return
    if not report.valid:
        raise validation_error(report)
    show(report, "table")


def main() -> None:
    """Console-script entry point (kept for ``roleadvisor.cli:main`` callers)."""
    from roleadvisor.__main__ import main as entry

    sys.exit(entry())
