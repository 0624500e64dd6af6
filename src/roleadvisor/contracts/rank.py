"""What ``roleadvisor rank`` reports: the requirement profile, then the candidates ranked against it.

The JSON (``to_data()``) has stable keys; ``schema_version`` changes when a key
changes meaning or disappears. Sentences and labels for people are ``shown()``
fields, except ``caution``, which programs must pass on too.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from roleadvisor import i18n
from roleadvisor.catalog.models import Catalog
from roleadvisor.contracts import Contract, shown
from roleadvisor.contracts.assess import GapOut, _band_rule, band_label, gaps_out
from roleadvisor.contracts.common import CatalogOut, SkippedOut, catalog_out
from roleadvisor.contracts.words import clauses, gap, listing, lower_title, number
from roleadvisor.engine import Gap
from roleadvisor.i18n import _, ngettext
from roleadvisor.rank import ADVERT_ID, Ranked, Requirements
from roleadvisor.records import record

SCHEMA_VERSION = 1
SOURCES = ("role", "advert", "file")  # where the requirement profile came from
DECODED_SHOWN = 3  # decoded roles listed with the requirements: the first, and others this likely
DECODED_MIN_CONFIDENCE = 0.05


def caution() -> str:
    """What the ranking is, and is not: said in every format."""
    return _(
        "This ranking supports a conversation, not a hiring decision: it compares what candidates say "
        "about themselves (self-ratings) with roleadvisor's model of a role; it is not a test of anyone's "
        "ability. Use the gaps as questions to ask, not as reasons to turn anyone away."
    )


def advert_name(title: str | None) -> str:
    """How an advert is named inside a sentence: ``the advert “Senior MLOps Engineer”``."""
    if title:
        return _("the advert “{title}”").format(title=title)
    return _("the advert")


def importance(weight: float, critical_weight: float) -> str:
    """A weight in words: defining (the catalogue's highest), important (2 or more), useful."""
    if weight >= critical_weight:
        return _("defining")
    if weight >= 2:
        return _("important")
    return _("useful")


@record(frozen=False, eq=False, kw_only=True)
class AskedOut:
    """The level asked in one skill and its weight (how much it counts in fit)."""

    skill: str
    level: int
    weight: float
    title: str = shown("")
    label: str = shown("")
    importance: str = shown("")


@record(frozen=False, eq=False, kw_only=True)
class DecodedRoleOut:
    """A role the advert probably is, with the decoder's confidence."""

    id: str
    title: str
    confidence: float


@record(frozen=False, eq=False, kw_only=True)
class RequirementsOut:
    """What candidates are ranked against.

    ``source``: ``role`` (a catalogue role), ``advert`` (an advert decoded now) or
    ``file`` (a saved ``decode --format json`` or ``--format profile``). ``id`` is the
    role id, or ``advert``. ``weights_from`` is the role whose weights the skills
    carry (``null``: equal weights). ``roles`` are the decoded roles, most likely
    first (empty for a role).
    """

    source: str
    id: str
    title: str | None
    file: str | None
    weights_from: str | None
    roles: tuple[DecodedRoleOut, ...]
    skills: tuple[AskedOut, ...]
    notes: tuple[str, ...]
    name: str = shown("")  # how the target is named in sentences
    heading: str = shown("")


@record(frozen=False, eq=False, kw_only=True)
class CandidateOut:
    """One candidate: rank (``tied``: others share it), where in the input, and the engine's measures."""

    rank: int
    tied: bool
    id: str
    line: int
    fit: float
    use: float
    match: float
    band: str
    learning: int
    critical_gaps: tuple[GapOut, ...]
    gaps: tuple[GapOut, ...]
    ratings: dict[str, int]
    band_label: str = shown("")
    critical_text: str = shown("")
    gaps_text: str = shown("")


@record(frozen=False, eq=False, kw_only=True)
class Counts:
    """How many records were read, ranked, skipped, and shown (``--top``)."""

    read: int
    ranked: int
    skipped: int
    shown: int


@record(frozen=False, eq=False, kw_only=True)
class RankReport(Contract):
    """``roleadvisor rank``: the requirement profile first, then the candidates, best first."""

    kind = "rank"

    schema_version: int = SCHEMA_VERSION
    language: str = "en"
    requirements: RequirementsOut
    candidates: tuple[CandidateOut, ...]
    counts: Counts
    skipped: tuple[SkippedOut, ...]
    caution: str
    catalog: CatalogOut
    title: str = shown("")
    legend: tuple[str, ...] = shown(())


def requirements_out(
    catalog: Catalog,
    req: Requirements,
    *,
    source: str,
    title: str | None = None,
    file: str | None = None,
    decoded: Sequence[tuple[str, float]] = (),
    notes: Sequence[str] = (),
) -> RequirementsOut:
    """The requirement profile as people and programs read it, with a note on where its weights come from."""
    if source not in SOURCES:
        raise ValueError(f"unknown source {source!r}")
    critical_weight = catalog.ranking.critical_weight
    skills = tuple(
        AskedOut(
            skill=sid,
            level=level,
            weight=weight,
            title=catalog.skill(sid).title,
            label=catalog.scale.labels[level],
            importance=importance(weight, critical_weight),
        )
        for sid, level, weight in zip(catalog.skill_ids, req.levels, req.weights, strict=True)
    )
    all_notes = list(notes)
    if req.id == ADVERT_ID:
        name = advert_name(title)
        if req.weights_from is not None:
            all_notes.append(
                _(
                    "Weights: as {role} weighs each skill (its most likely role); the levels are the "
                    "advert's. Candidates are scored with the same formulas as against a role."
                ).format(role=catalog.role(req.weights_from).title)
            )
        else:
            all_notes.append(
                _(
                    "Weights: every skill counts the same, since no role was decoded (a saved profile holds "
                    "levels only), so no gap counts as critical. Save 'decode --format json' to weigh the "
                    "skills as the advert's most likely role does."
                )
            )
        if source == "file" and file:
            heading = _(
                "What {advert} asks for, as saved in {file}: check it before reading the ranking"
            ).format(advert=name, file=file)
        else:
            heading = _("What {advert} asks for, as decoded: check it before reading the ranking").format(
                advert=name
            )
    else:
        name = catalog.role(req.id).title
        heading = _("What {role} asks for (the catalogue's levels and weights)").format(role=name)
    return RequirementsOut(
        source=source,
        id=req.id,
        title=title if req.id == ADVERT_ID else name,
        file=file,
        weights_from=req.weights_from,
        roles=tuple(
            DecodedRoleOut(id=rid, title=catalog.role(rid).title, confidence=confidence)
            for n, (rid, confidence) in enumerate(decoded[:DECODED_SHOWN])
            if n == 0 or confidence >= DECODED_MIN_CONFIDENCE
        ),
        skills=skills,
        notes=tuple(all_notes),
        name=name,
        heading=heading,
    )


def _gap_text(gaps: Sequence[Gap], catalog: Catalog) -> str:
    return listing([gap(lower_title(catalog.skill(g.skill).title), g.have, g.need) for g in gaps])


def legend_lines(catalog: Catalog) -> tuple[str, ...]:
    """What each number means, and the order of the candidates."""
    r = catalog.ranking
    return (
        _(
            "fit: how much of the requirements a candidate's ratings cover, each skill weighted by how much "
            "it matters."
        ),
        _(
            "match: fit \u00d7 use (how much of the candidate's strengths the job asks for), less {points} "
            "points for a critical gap {count} levels short and {points} more for each further level; shown "
            "for the conversation (a low use can mean the job would leave strengths idle), not used to rank."
        ).format(points=number(round(r.critical_penalty * 100)), count=number(r.critical_levels)),
        ngettext(
            "critical gap: {count} or more levels short on a defining skill (weight {weight}).",
            "critical gap: {count} or more levels short on a defining skill (weight {weight}).",
            r.critical_levels,
        ).format(count=number(r.critical_levels), weight=number(r.critical_weight)),
        _("readiness (fits as shown, in whole percent): {bands}; otherwise {last}.").format(
            bands=clauses(*(_band_rule(b) for b in r.bands[:-1])) if len(r.bands) > 1 else "",
            last=r.bands[-1].label,
        ),
        _(
            "order: readiness first, then higher fit, smaller critical gaps, fewer levels to learn and less "
            "learning on skills that matter; candidates equal on all of these share a rank (marked =) and "
            "keep their order in the input."
        ),
    )


def build_rank(
    catalog: Catalog,
    requirements: RequirementsOut,
    *,
    model_gaps: Mapping[int, tuple[tuple[Gap, ...], tuple[Gap, ...]]],
    ranked: Sequence[Ranked],
    ids: Sequence[str],
    lines: Sequence[int],
    ratings: Sequence[Sequence[int]],
    skipped: Sequence[tuple[int, str | None, str]],
    top: int | None = None,
) -> RankReport:
    """The report: ``ranked`` (best first) trimmed to ``top``; ``model_gaps`` holds, by input index, the
    gaps and critical gaps of at least every candidate shown."""
    shown_ranked = ranked if top is None else ranked[:top]
    candidates = []
    for r in shown_ranked:
        gaps, critical = model_gaps[r.index]
        candidates.append(
            CandidateOut(
                rank=r.rank,
                tied=r.tied,
                id=ids[r.index],
                line=int(lines[r.index]),
                fit=r.fit,
                use=r.use,
                match=r.match,
                band=r.band,
                learning=r.learning,
                critical_gaps=gaps_out(critical),
                gaps=gaps_out(gaps),
                ratings={
                    sid: int(level) for sid, level in zip(catalog.skill_ids, ratings[r.index], strict=True)
                },
                band_label=band_label(r.band, catalog),
                critical_text=_gap_text(critical, catalog) if critical else _("none"),
                gaps_text=(
                    ngettext(
                        "{count} level to learn ({gaps})", "{count} levels to learn ({gaps})", r.learning
                    ).format(count=number(r.learning), gaps=_gap_text(gaps, catalog))
                    if gaps
                    else _("meets every requirement")
                ),
            )
        )
    if requirements.id == ADVERT_ID:
        title = _("Candidates against {advert}, best first").format(advert=requirements.name)
    else:
        title = _("Candidates against {role}, best first").format(role=requirements.name)
    return RankReport(
        language=i18n.current(),
        requirements=requirements,
        candidates=tuple(candidates),
        counts=Counts(
            read=len(ranked) + len(skipped), ranked=len(ranked), skipped=len(skipped), shown=len(candidates)
        ),
        skipped=tuple(SkippedOut(line=line, id=ident, error=message) for line, ident, message in skipped),
        caution=caution(),
        catalog=catalog_out(catalog),
        title=title,
        legend=legend_lines(catalog),
    )
