"""``roleadvisor assess``: gather the ratings, score them, build the report contract."""

from __future__ import annotations

import sys
from pathlib import Path

from roleadvisor.advice import advise
from roleadvisor.catalog.models import RESOURCE_KINDS, Catalog
from roleadvisor.contracts.assess import AssessReport, build_assess
from roleadvisor.engine import Model, assess, flat_profile
from roleadvisor.errors import RatingError, UsageError
from roleadvisor.output import warn
from roleadvisor.profile import Profile, read_profile
from roleadvisor.ratings import parse_rate_options
from roleadvisor.records import record


@record
class AssessOptions:
    """What the command line asked for."""

    rates: tuple[str, ...]
    profile: Path | None
    top: int | None
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
            from roleadvisor.lookup import did_you_mean

            hint = did_you_mean(kind[:100], RESOURCE_KINDS)
            suggestion = f"; did you mean {hint!r}?" if hint else ""
            kinds_list = ", ".join(RESOURCE_KINDS)
            raise UsageError(
                f"--prefer: unknown resource kind {part.strip()[:40]!r}{suggestion} (kinds: {kinds_list})"
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
        stdin = sys.stdin.buffer if sys.stdin is not None else None
        loaded = read_profile(options.profile, catalog, stdin)
        name = loaded.name
        ratings.update(loaded.ratings)
    ratings.update(parse_rate_options(options.rates, catalog))
    missing = [skill for skill in catalog.skill_ids if skill not in ratings]
    if missing and options.interactive and not reads_stdin:
        from roleadvisor.interactive import ask_ratings
        from roleadvisor.output import stderr_console

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


def assess_report(catalog: Catalog, options: AssessOptions) -> AssessReport:
    """Score the profile the options describe; warn on stderr when the ranking is unreliable."""
    target = None
    if options.target is not None:
        from roleadvisor.lookup import resolve_role

        target = resolve_role(options.target, catalog).id
    prefer = parse_prefer(options.prefer)
    profile = gather_profile(catalog, options)
    flat = flat_profile(profile.ratings)
    if flat is not None:
        level, count = flat
        warn(
            f"{count} of {len(profile.ratings)} skills are rated {level}; "
            "a profile this flat fits many roles alike, so the ranking is unreliable. "
            "Rate each skill against its level descriptions (run without --rate on a terminal to see them)."
        )
    model = Model.from_catalog(catalog)
    assessment = assess(model, profile.ratings)
    advice = advise(model, catalog, profile.ratings, target=target, prefer=prefer)
    return build_assess(assessment, catalog, name=profile.name, top=options.top, advice=advice)
