"""The report of ``roleadvisor cohort``: a cohort's roles, levels, stages, single points and teach-next.

``build_cohort`` turns an engine ``Cohort`` (``roleadvisor.cohort``) into a
``CohortReport`` with every sentence already written in the active language.
``roleadvisor schema cohort`` prints the JSON Schema of its ``to_data()``
(``roleadvisor.contracts.cohort_schema``, tested equal). Bump ``SCHEMA_VERSION``
on any change to the JSON that is not a pure addition.

Fits, gains and shares in the JSON are fractions (``0.8485`` is 84.85% fit); a
gain summed over people can pass 1.0 (``1.2`` = 120 percentage points in all).
"""

from __future__ import annotations

from roleadvisor import i18n
from roleadvisor.catalog.models import Catalog
from roleadvisor.cohort import UNITS, Cohort, TeachOption, gainers
from roleadvisor.contracts import Contract, shown
from roleadvisor.contracts.assess import GapOut, _band_rule, band_label, gaps_out
from roleadvisor.contracts.common import CatalogOut, Ref, SkippedOut, catalog_out
from roleadvisor.contracts.words import clauses, commas, gap, listing, lower_title, number
from roleadvisor.engine import FIT_DECIMALS, Gap
from roleadvisor.i18n import _, ngettext
from roleadvisor.records import record
from roleadvisor.vector import Matrices

SCHEMA_VERSION = 1
NAMES_SHOWN = 12  # names a table or page lists per role in the distribution; the JSON lists all
ROWS_SHOWN = 40  # people a table or page lists who gain or who are closest; the JSON lists all
TEACH_OPTIONS_SHOWN = 3  # skills a table or page names after teach next, as runners-up


@record(frozen=False, eq=False, kw_only=True)
class InputOut:
    """Where the people came from: the input's name, its records, the people read, the records skipped."""

    name: str
    records: int
    people: int
    skipped: int


@record(frozen=False, eq=False, kw_only=True)
class ScaleOut:
    """The rating scale: its top, its labels, and the level from which a skill counts as held high."""

    max: int
    labels: tuple[str, ...]
    high: int


@record(frozen=False, eq=False, kw_only=True)
class BestOut:
    """A person's best role (first by the ranking of ``assess``), with its fit, match and readiness band."""

    role: str
    fit: float
    match: float
    band: str
    title: str = shown("")
    band_label: str = shown("")


@record(frozen=False, eq=False, kw_only=True)
class TargetFitOut:
    """A person against the ``--target`` role: fit, match, band, levels to learn, critical gaps."""

    fit: float
    match: float
    band: str
    learning: int
    critical_gaps: tuple[GapOut, ...]
    band_label: str = shown("")


@record(frozen=False, eq=False, kw_only=True)
class PersonOut:
    """One person: id, input line, ratings, best role, and (with ``--target``) their fit to the target."""

    id: str
    line: int
    ratings: dict[str, int]
    best: BestOut
    target: TargetFitOut | None


@record(frozen=False, eq=False, kw_only=True)
class RoleCountOut:
    """A role that is someone's best role: how many people, by readiness band, and who (best fit first)."""

    id: str
    title: str
    people: int
    bands: dict[str, int]
    names: tuple[str, ...]


@record(frozen=False, eq=False, kw_only=True)
class BandCountOut:
    """How many people's best role falls in a readiness band."""

    id: str
    label: str
    people: int


@record(frozen=False, eq=False, kw_only=True)
class SkillLevelsOut:
    """A skill across the cohort: people at each level (0 first), people at a high level, mean level."""

    skill: str
    title: str
    counts: tuple[int, ...]
    high: int
    mean: float


@record(frozen=False, eq=False, kw_only=True)
class StageOut:
    """A stage's needs (per skill of its mix, the lowest level its owner roles ask for) and who meets them."""

    id: str
    title: str
    owners: tuple[str, ...]
    needs: dict[str, int]
    meet: int
    share: float
    people: tuple[str, ...]
    mean_fit: float
    needs_text: str = shown("")


@record(frozen=False, eq=False, kw_only=True)
class SinglePointOut:
    """A skill only one person holds at a high level, and who."""

    skill: str
    title: str
    person: str
    level: int


@record(frozen=False, eq=False, kw_only=True)
class GainOut:
    """One learner of teach-next: their id, level now, the level after, the role, and the fit gained."""

    id: str
    role: str
    have: int
    to: int
    gain: float
    role_title: str = shown("")


@record(frozen=False, eq=False, kw_only=True)
class TeachOptionOut:
    """One more level in ``skill`` for its learners: how many learn, how many gain, the gain in all and per
    person of the cohort (fractions of fit, summed)."""

    skill: str
    title: str
    learners: int
    gainers: int
    gain_total: float
    gain_mean: float


@record(frozen=False, eq=False, kw_only=True)
class TeachNextOut:
    """The skill to teach next; ``role`` is the target's id, or ``None`` for each person's best role."""

    skill: str
    title: str
    role: str | None
    learners: int
    gainers: int
    gain_total: float
    gain_mean: float
    gains: tuple[GainOut, ...]
    sentence: str = shown("")


@record(frozen=False, eq=False, kw_only=True)
class ClosestOut:
    """A person against the target role, ranked as ``rank --role`` ranks candidates: ``rank`` is shared by
    people equal on every ranking measure (``tied``), who keep their input order."""

    rank: int
    tied: bool
    id: str
    line: int
    fit: float
    match: float
    band: str
    learning: int
    critical_gaps: tuple[GapOut, ...]
    band_label: str = shown("")
    critical_text: str = shown("")


@record(frozen=False, eq=False, kw_only=True)
class HeatRow:
    """A row of the heatmap: a person, their best role and their levels in skill order."""

    person: str
    role: str
    role_title: str
    fit: float
    levels: tuple[int, ...]


@record(frozen=False, eq=False, kw_only=True)
class CohortReport(Contract):
    """The report of ``roleadvisor cohort``."""

    kind = "cohort"

    schema_version: int = SCHEMA_VERSION
    language: str = "en"
    input: InputOut
    skipped: tuple[SkippedOut, ...]
    target: Ref | None
    scale: ScaleOut
    skills: tuple[Ref, ...]
    people: tuple[PersonOut, ...]
    roles: tuple[RoleCountOut, ...]
    bands: tuple[BandCountOut, ...]
    skill_levels: tuple[SkillLevelsOut, ...]
    stages: tuple[StageOut, ...]
    single_points: tuple[SinglePointOut, ...]
    uncovered: tuple[str, ...]
    teach_next: TeachNextOut | None
    teach_options: tuple[TeachOptionOut, ...]
    closest: tuple[ClosestOut, ...]
    catalog: CatalogOut
    summary: tuple[str, ...] = shown(())
    caveat: str = shown("")
    heatmap: tuple[HeatRow, ...] = shown(())
    spof_text: tuple[str, ...] = shown(())
    teach_text: tuple[str, ...] = shown(())
    closest_title: str = shown("")
    legend: tuple[str, ...] = shown(())


def names_shown(names: tuple[str, ...], limit: int = NAMES_SHOWN) -> str:
    """Up to ``limit`` names, then how many more there are (the JSON report lists everyone)."""
    if len(names) <= limit:
        return commas(list(names))
    more = len(names) - limit
    return ngettext("{names} and {count} more", "{names} and {count} more", more).format(
        names=commas(list(names[:limit])), count=number(more)
    )


def more_rows(total: int, limit: int = ROWS_SHOWN) -> str:
    """The line under a list cut to ``limit`` people: how many more, and where they all are."""
    more = total - limit
    return ngettext(
        "... and {count} more person (the JSON report lists everyone).",
        "... and {count} more people (the JSON report lists everyone).",
        more,
    ).format(count=number(more))


def _fraction(units: int) -> float:
    """Units of 1/10,000 of fit as a fraction, rounded as fits are."""
    return round(units / UNITS, FIT_DECIMALS)


def _points(units: float) -> str:
    """Units of 1/10,000 of fit as percentage points with one decimal (``"12.5"``)."""
    return number(units / 100, 1)


def _gap_text(gaps: tuple[Gap, ...], catalog: Catalog) -> str:
    return listing([gap(lower_title(catalog.skill(g.skill).title), g.have, g.need) for g in gaps])


def _teach_option(cohort: Cohort, option: TeachOption, catalog: Catalog) -> TeachOptionOut:
    return TeachOptionOut(
        skill=catalog.skill_ids[option.skill],
        title=catalog.skills[option.skill].title,
        learners=len(option.learners),
        gainers=option.gainers,
        gain_total=_fraction(option.total),
        gain_mean=round(option.total / UNITS / cohort.size, FIT_DECIMALS) if cohort.size else 0.0,
    )


def _teach_next(cohort: Cohort, catalog: Catalog) -> TeachNextOut | None:
    option = cohort.teach_next
    if option is None:
        return None
    k = option.skill
    role_ids = catalog.role_ids
    gains = tuple(
        GainOut(
            id=cohort.ids[i],
            role=role_ids[int(cohort.focus[i])],
            have=int(cohort.ratings[i, k]),
            to=int(cohort.ratings[i, k]) + 1,
            gain=_fraction(units),
            role_title=catalog.roles[int(cohort.focus[i])].title,
        )
        for i, units in gainers(cohort, option)
    )
    out = _teach_option(cohort, option, catalog)
    skill = lower_title(catalog.skills[k].title)
    fields = {
        "skill": skill,
        "count": number(out.learners),
        "total": _points(option.total),
        "mean": _points(option.total / cohort.size),
    }
    if cohort.target is None:
        sentence = ngettext(
            "Teach {skill} next: one more level for the {count} person below what their best role needs in "
            "it raises the fit of that role by {total} percentage points in all ({mean} per person of the "
            "cohort).",
            "Teach {skill} next: one more level for the {count} people below what their best role needs in "
            "it raises the fits of those roles by {total} percentage points in all ({mean} per person of the "
            "cohort).",
            out.learners,
        ).format(**fields)
    else:
        sentence = ngettext(
            "Teach {skill} next for {role}: one more level for the {count} person below what {role} needs "
            "in it raises their fit to it by {total} percentage points in all ({mean} per person of the "
            "cohort).",
            "Teach {skill} next for {role}: one more level for the {count} people below what {role} needs "
            "in it raises their fits to it by {total} percentage points in all ({mean} per person of the "
            "cohort).",
            out.learners,
        ).format(**fields, role=catalog.roles[cohort.target].title)
    return TeachNextOut(
        skill=out.skill,
        title=out.title,
        role=None if cohort.target is None else role_ids[cohort.target],
        learners=out.learners,
        gainers=out.gainers,
        gain_total=out.gain_total,
        gain_mean=out.gain_mean,
        gains=gains,
        sentence=sentence,
    )


def _teach_text(cohort: Cohort, catalog: Catalog, teach: TeachNextOut | None) -> tuple[str, ...]:
    if cohort.size == 0:
        return ()
    if teach is None:
        if cohort.target is None:
            return (_("Nothing to teach for their best roles: everyone meets every requirement of theirs."),)
        return (
            _("Nothing to teach for {role}: everyone meets every requirement of it.").format(
                role=catalog.roles[cohort.target].title
            ),
        )
    lines = [teach.sentence]
    others = [
        ngettext(
            "{skill} (+{total} points, {count} learner)",
            "{skill} (+{total} points, {count} learners)",
            len(o.learners),
        ).format(
            skill=lower_title(catalog.skills[o.skill].title),
            total=_points(o.total),
            count=number(len(o.learners)),
        )
        for o in cohort.teach[1 : 1 + TEACH_OPTIONS_SHOWN]
        if o.total > 0
    ]
    if others:
        lines.append(_("Next after it: {skills}.").format(skills=listing(others)))
    return tuple(lines)


def _needs_text(needs: dict[str, int], catalog: Catalog) -> str:
    return listing(
        [
            _("{skill} {level}+").format(skill=lower_title(catalog.skill(s).title), level=number(level))
            for s, level in needs.items()
        ]
    )


def skipped_sentence(count: int) -> str:
    """How many records were left out; each format says where they are listed."""
    return ngettext(
        "{count} record could not be read and is left out.",
        "{count} records could not be read and are left out.",
        count,
    ).format(count=number(count))


def _summary(cohort: Cohort, catalog: Catalog, source: str, skipped: int) -> tuple[str, ...]:
    n = cohort.size
    lines = [
        ngettext("{count} person from {source}.", "{count} people from {source}.", n).format(
            count=number(n), source=source
        )
    ]
    if skipped:
        lines[0] += " " + skipped_sentence(skipped)
    if n == 0:
        return tuple(lines)
    counts = cohort.role_counts()
    top_count = counts[0][1]
    common = [catalog.roles[r].title for r, c in counts if c == top_count]
    fields = {"roles": listing(common), "count": number(top_count), "total": number(n)}
    if n == 1:
        lines.append(_("Their best role is {role}.").format(role=common[0]))
    elif len(common) == 1:
        lines.append(_("The most common best role is {roles} ({count} of {total} people).").format(**fields))
    else:
        lines.append(
            _("The most common best roles are {roles} ({count} of {total} people each).").format(**fields)
        )
    bands = cohort.band_counts(len(catalog.ranking.bands))
    lines.append(
        _("Readiness for their best role: {bands}.").format(
            bands=listing(
                [
                    _("{count} {band}").format(count=number(c), band=b.label)
                    for b, c in zip(catalog.ranking.bands, bands, strict=True)
                ]
            )
        )
    )
    return tuple(lines)


def _spof_text(cohort: Cohort, catalog: Catalog) -> tuple[str, ...]:
    high = cohort.high
    label = catalog.scale.labels[high]
    if cohort.size == 0:
        return ()
    if cohort.size < 2:
        out = [
            _(
                "Single points of failure need at least two people to compare; this cohort has {count}."
            ).format(count=number(cohort.size))
        ]
    else:
        out = [
            _("Only {person} holds {skill} at level {level} ({label}) or above.").format(
                person=cohort.ids[i],
                skill=lower_title(catalog.skills[k].title),
                level=number(high),
                label=label,
            )
            for k, i in cohort.single_points()
        ]
        if not out:
            out.append(
                _(
                    "No single point of failure: every skill held at level {level} ({label}) or above is "
                    "held by two people or more."
                ).format(level=number(high), label=label)
            )
    none = cohort.uncovered()
    if none:
        out.append(
            _("Nobody holds {skills} at level {level} ({label}) or above.").format(
                skills=listing([lower_title(catalog.skills[k].title) for k in none]),
                level=number(high),
                label=label,
            )
        )
    return tuple(out)


def legend_lines(catalog: Catalog, high: int, target: bool) -> tuple[str, ...]:
    """What each term of the cohort report means, with the catalogue's own numbers."""
    r = catalog.ranking
    top = catalog.scale.max
    lines = [
        _(
            "self-rated: every number here comes from the levels people gave themselves (0 to {top}); it "
            "shows "
            "where to look and what to ask, not what anyone can prove."
        ).format(top=number(top)),
        _(
            "best role: a person's first role by the same ranking as 'roleadvisor assess' (match, then its "
            "tie-breaks)."
        ),
        _(
            "fit: how much of a role's requirements a person covers, each skill weighted by how much it "
            "matters."
        ),
        _("readiness (fits as shown, in whole percent): {bands}; otherwise {last}.").format(
            bands=clauses(*(_band_rule(b) for b in r.bands[:-1])) if len(r.bands) > 1 else "",
            last=r.bands[-1].label,
        ),
        _(
            "heatmap: each person's level in each skill, 0 ({none}) to {top} ({expert}); people grouped by "
            "best role."
        ).format(none=catalog.scale.labels[0], top=number(top), expert=catalog.scale.labels[top]),
        _(
            "stage needs: for each skill in a stage's skill mix, the lowest level any role owning the stage "
            "asks "
            "for; a person meets the stage when they are at or above every one of those levels."
        ),
        _(
            "stage fit: how much of a stage's skill mix a person's levels cover, each level counted out of "
            "{top}; "
            "the cohort's mean is shown."
        ).format(top=number(top)),
        _(
            "single point of failure: a skill only one person holds at level {level} ({label}) or above; "
            "nobody: no one does."
        ).format(level=number(high), label=catalog.scale.labels[high]),
        (
            _(
                "teach next: for each skill, its learners are the people below the level the target role "
                "needs "
                "in it; one more level each raises their fit to the target. The gain is the sum of those fit "
                "gains in percentage points (per person: divided by everyone in the cohort); the skill with "
                "the "
                "largest gain comes first."
            )
            if target
            else _(
                "teach next: for each skill, its learners are the people below the level their best role "
                "needs "
                "in it; one more level each raises the fit of that role. The gain is the sum of those fit "
                "gains "
                "in percentage points (per person: divided by everyone in the cohort); the skill with the "
                "largest "
                "gain comes first."
            )
        ),
    ]
    if target:
        lines += [
            ngettext(
                "critical gap: {count} or more levels short on a skill that defines the role "
                "(one the catalogue gives its highest importance).",
                "critical gap: {count} or more levels short on a skill that defines the role "
                "(one the catalogue gives its highest importance).",
                r.critical_levels,
            ).format(count=number(r.critical_levels)),
            _(
                "closest: people ranked against the target as 'roleadvisor rank --role' ranks candidates: "
                "readiness first, then higher fit, smaller critical gaps, fewer levels to learn and less "
                "learning on skills that matter; people equal on all of these share a rank (marked =) and "
                "keep their order in the input."
            ),
        ]
    return tuple(lines)


def build_cohort(
    cohort: Cohort,
    m: Matrices,
    catalog: Catalog,
    *,
    source: str,
    lines: tuple[int, ...],
    skipped: tuple[SkippedOut, ...] = (),
) -> CohortReport:
    """The report of ``cohort`` (read from ``source``; ``lines`` are each person's input line)."""
    skill_ids, role_ids = catalog.skill_ids, catalog.role_ids
    bands = catalog.ranking.bands
    n = cohort.size
    ms = cohort.measures
    best_band = cohort.best_band()
    target = cohort.target

    def target_fit(i: int) -> TargetFitOut | None:
        if target is None:
            return None
        band = int(ms.band[i, target])
        return TargetFitOut(
            fit=float(ms.fit[i, target]),
            match=float(ms.match[i, target]),
            band=bands[band].id,
            learning=int(ms.learning[i, target]),
            critical_gaps=gaps_out(cohort.critical(m, i, target)),
            band_label=bands[band].label,
        )

    people = tuple(
        PersonOut(
            id=cohort.ids[i],
            line=lines[i],
            ratings={s: int(cohort.ratings[i, k]) for k, s in enumerate(skill_ids)},
            best=BestOut(
                role=role_ids[int(cohort.best[i])],
                fit=float(ms.fit[i, cohort.best[i]]),
                match=float(ms.match[i, cohort.best[i]]),
                band=bands[int(best_band[i])].id,
                title=catalog.roles[int(cohort.best[i])].title,
                band_label=bands[int(best_band[i])].label,
            ),
            target=target_fit(i),
        )
        for i in range(n)
    )
    roles = []
    for r, count in cohort.role_counts():
        members = [i for i in range(n) if cohort.best[i] == r]
        roles.append(
            RoleCountOut(
                id=role_ids[r],
                title=catalog.roles[r].title,
                people=count,
                bands={b.id: sum(1 for i in members if best_band[i] == j) for j, b in enumerate(bands)},
                names=tuple(cohort.ids[i] for i in cohort.by_fit(members, cohort.best)),
            )
        )
    band_counts = cohort.band_counts(len(bands))
    top = catalog.scale.max
    skill_levels = tuple(
        SkillLevelsOut(
            skill=s,
            title=catalog.skills[k].title,
            counts=tuple(int((cohort.ratings[:, k] == level).sum()) for level in range(top + 1)),
            high=len(cohort.holders[k]),
            mean=round(float(cohort.ratings[:, k].mean()), 2) if n else 0.0,
        )
        for k, s in enumerate(skill_ids)
    )
    stages = []
    for st in cohort.stages:
        needs = {skill_ids[k]: level for k, level in st.needs}
        stages.append(
            StageOut(
                id=catalog.stages[st.stage].id,
                title=catalog.stages[st.stage].title,
                owners=tuple(role_ids[r] for r in st.roles),
                needs=needs,
                meet=st.count,
                share=round(st.count / n, FIT_DECIMALS) if n else 0.0,
                people=tuple(cohort.ids[i] for i in range(n) if st.meets[i]),
                mean_fit=st.mean_fit,
                needs_text=_needs_text(needs, catalog),
            )
        )
    teach = _teach_next(cohort, catalog)
    closest = (
        tuple(
            ClosestOut(
                rank=r.rank,
                tied=r.tied,
                id=cohort.ids[r.index],
                line=lines[r.index],
                fit=r.fit,
                match=r.match,
                band=r.band,
                learning=r.learning,
                critical_gaps=gaps_out(crit := cohort.critical(m, r.index, target)),
                band_label=band_label(r.band, catalog),
                critical_text=_gap_text(crit, catalog),
            )
            for r in cohort.closest
        )
        if target is not None
        else ()
    )
    target_ref = None if target is None else Ref(id=role_ids[target], title=catalog.roles[target].title)
    return CohortReport(
        language=i18n.current(),
        input=InputOut(name=source, records=n + len(skipped), people=n, skipped=len(skipped)),
        skipped=skipped,
        target=target_ref,
        scale=ScaleOut(max=top, labels=catalog.scale.labels, high=cohort.high),
        skills=tuple(Ref(id=s.id, title=s.title) for s in catalog.skills),
        people=people,
        roles=tuple(roles),
        bands=tuple(
            BandCountOut(id=b.id, label=b.label, people=c) for b, c in zip(bands, band_counts, strict=True)
        ),
        skill_levels=skill_levels,
        stages=tuple(stages),
        single_points=tuple(
            SinglePointOut(
                skill=skill_ids[k],
                title=catalog.skills[k].title,
                person=cohort.ids[i],
                level=int(cohort.ratings[i, k]),
            )
            for k, i in (cohort.single_points() if n >= 2 else ())
        ),
        uncovered=tuple(skill_ids[k] for k in cohort.uncovered()) if n else (),
        teach_next=teach,
        teach_options=tuple(_teach_option(cohort, o, catalog) for o in cohort.teach) if n else (),
        closest=closest,
        catalog=catalog_out(catalog),
        summary=_summary(cohort, catalog, source, len(skipped)),
        caveat=_(
            "These numbers come from the ratings people gave themselves, not from tests: use them to decide "
            "what to ask and teach, not to grade anyone."
        ),
        heatmap=tuple(
            HeatRow(
                person=cohort.ids[i],
                role=role_ids[int(cohort.best[i])],
                role_title=catalog.roles[int(cohort.best[i])].title,
                fit=float(ms.fit[i, cohort.best[i]]),
                levels=tuple(int(x) for x in cohort.ratings[i]),
            )
            for i in cohort.heatmap_order()
        ),
        spof_text=_spof_text(cohort, catalog),
        teach_text=_teach_text(cohort, catalog, teach),
        closest_title=(
            _("Who is closest to {role}").format(role=catalog.roles[target].title)
            if target is not None
            else ""
        ),
        legend=legend_lines(catalog, cohort.high, target is not None),
    )
