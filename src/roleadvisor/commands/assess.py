"""``roleadvisor assess``: gather ratings, score them, render the report."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from roleadvisor.advice import advise
from roleadvisor.catalog.models import RESOURCE_KINDS, Catalog
from roleadvisor.engine import Assessment, Matrices, assess, flat_profile
from roleadvisor.errors import RatingError, UsageError
from roleadvisor.lookup import did_you_mean, resolve_role
from roleadvisor.output import stderr_console, stdout_console, write_atomic, write_stdout
from roleadvisor.profile import (
    PROFILE_MAX_BYTES,
    Profile,
    load_profile,
    parse_profile_text,
    parse_rate_options,
)
from roleadvisor.report import AssessReport, build_report
from roleadvisor.textfile import decode_text


@dataclass(frozen=True)
class AssessOptions:
    """What the command line asked for."""

    rates: tuple[str, ...]
    profile: Path | None
    top: int | None
    fmt: str
    output: Path | None
    interactive: bool
    target: str | None = None
    prefer: str | None = None


def parse_prefer(value: str | None) -> tuple[str, ...]:
    """``"video,book"`` -> ``("video", "book")``; unknown kinds are an error with a suggestion."""
    if value is None:
        return ()
    kinds: list[str] = []
    for part in value.split(","):
        kind = part.strip().lower()
        if not kind:
            continue
        if kind not in RESOURCE_KINDS:
            hint = did_you_mean(kind, RESOURCE_KINDS)
            suggestion = f"; did you mean {hint!r}?" if hint else ""
            kinds_list = ", ".join(RESOURCE_KINDS)
            raise UsageError(
                f"--prefer: unknown resource kind {part.strip()!r}{suggestion} (kinds: {kinds_list})"
            )
        if kind not in kinds:
            kinds.append(kind)
    return tuple(kinds)


def gather_profile(catalog: Catalog, options: AssessOptions) -> Profile:
    """Ratings from the profile file, overridden by --rate, completed by prompting."""
    name: str | None = None
    ratings: dict[str, int] = {}
    reads_stdin = options.profile is not None and str(options.profile) == "-"
    if options.profile is not None:
        if reads_stdin:
            data = sys.stdin.buffer.read(PROFILE_MAX_BYTES + 1)
            text = decode_text(data, name="<stdin>", what="profile", max_bytes=PROFILE_MAX_BYTES)
            loaded = parse_profile_text(text, catalog, source="<stdin>", as_json=False)
        else:
            loaded = load_profile(options.profile, catalog)
        name = loaded.name
        ratings.update(loaded.ratings)
    ratings.update(parse_rate_options(options.rates, catalog))
    missing = [skill for skill in catalog.skill_ids if skill not in ratings]
    if missing and options.interactive and not reads_stdin:
        from roleadvisor.interactive import ask_ratings

        ratings.update(ask_ratings(catalog, missing, stderr_console()))
        missing = []
    if missing:
        example = " ".join(f"--rate {skill}=N" for skill in missing[:3])
        raise RatingError(
            f"missing rating{'s' if len(missing) > 1 else ''} for {', '.join(missing)}; "
            f"pass {example}{' ...' if len(missing) > 3 else ''} or a --profile file "
            "(prompting only happens on a terminal)"
        )
    return Profile(name=name, ratings={skill: ratings[skill] for skill in catalog.skill_ids})


def render_text(report: AssessReport, assessment: Assessment, catalog: Catalog, fmt: str) -> str:
    """The report as text in ``fmt``; a table becomes plain text without colour."""
    if fmt == "json":
        return report.model_dump_json(indent=2) + "\n"
    if fmt == "markdown":
        from roleadvisor.render.markdown import render_markdown

        return render_markdown(report, assessment, catalog)
    if fmt == "html":
        from roleadvisor.render.html import render_html

        return render_html(report, catalog)
    if fmt == "svg":
        from roleadvisor.render.svg import radar_for_report

        return radar_for_report(report, catalog)
    from roleadvisor.render.table import render_assessment, render_to_text

    return render_to_text(render_assessment(report, assessment, catalog))


def run_assess(catalog: Catalog, options: AssessOptions) -> None:
    """Score the profile the options describe and write the report."""
    target = resolve_role(options.target, catalog).id if options.target is not None else None
    prefer = parse_prefer(options.prefer)
    profile = gather_profile(catalog, options)
    flat = flat_profile(profile.ratings)
    if flat is not None:
        level, count = flat
        stderr_console().print(
            f"[yellow]warning:[/] {count} of {len(profile.ratings)} skills are rated {level}; "
            "a profile this flat fits many roles alike, so the ranking is unreliable. "
            "Rate each skill against its level descriptions (run without --rate on a terminal to see them)."
        )
    matrices = Matrices.from_catalog(catalog)
    assessment = assess(matrices, profile.ratings)
    advice = advise(matrices, catalog, profile.ratings, target=target, prefer=prefer)
    report = build_report(assessment, catalog, name=profile.name, top=options.top, advice=advice)
    if options.output is not None:
        write_atomic(options.output, render_text(report, assessment, catalog, options.fmt))
        stderr_console().print(f"Wrote {options.fmt} report to {options.output}", highlight=False)
    elif options.fmt == "table":
        from roleadvisor.render.table import render_assessment

        stdout_console().print(render_assessment(report, assessment, catalog))
    else:
        write_stdout(render_text(report, assessment, catalog, options.fmt))
