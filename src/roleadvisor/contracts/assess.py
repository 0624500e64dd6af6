"""The report of ``roleadvisor assess``: the versioned JSON contract programs rely on.

``build_assess`` turns an engine ``Assessment`` and its ``Advice`` into an
``AssessReport`` with every sentence a person reads already written. The JSON
Schema printed by ``roleadvisor schema`` describes ``to_data()`` of this
contract (``roleadvisor.contracts.schema``, tested equal). Bump
``SCHEMA_VERSION`` on any change to the JSON that is not a pure addition.
"""

from __future__ import annotations

from collections.abc import Sequence

from roleadvisor import i18n
from roleadvisor.advice import REACH, Advice, Move, Moves
from roleadvisor.catalog.models import Band, Catalog
from roleadvisor.contracts import Contract, shown
from roleadvisor.contracts.common import CatalogOut, ProfileOut, Ref, ResourceOut, catalog_out, resources_out
from roleadvisor.contracts.words import (
    clauses,
    gap,
    levels,
    listing,
    lower_first,
    lower_title,
    number,
    ordinal,
    percent,
    resource,
)
from roleadvisor.engine import Assessment, Gap, RoleFit, StageFit, flat_profile
from roleadvisor.i18n import _, ngettext
from roleadvisor.records import record
from roleadvisor.stability import Stability

SCHEMA_VERSION = 2
NEARLY_TIED = 0.02  # matches this close are called nearly tied
CHART_ROLES = 3  # roles drawn against the person when no target is given
USES_MOST = 0.8  # a role using less of the person's strength than this is said to use "only" so much
UNSTABLE = 0.5  # a best role first in fewer nearby profiles than this is called unsettled


@record(frozen=False, eq=False, kw_only=True)
class GapOut:
    """A skill where the person is below the role's requirement."""

    skill: str
    have: int
    need: int


@record(frozen=False, eq=False, kw_only=True)
class RoleOut:
    """One role's measures and the reason for its rank; ``gaps`` lists every shortfall, largest first."""

    id: str
    title: str
    family: str
    match: float
    fit: float
    use: float
    learning: int
    band: str
    critical_gaps: tuple[GapOut, ...]
    gaps: tuple[GapOut, ...]
    reason: str
    band_label: str = shown("")


@record(frozen=False, eq=False, kw_only=True)
class StageOut:
    """How much of a production-cycle stage's skill mix the person covers."""

    id: str
    title: str
    fit: float
    owners: tuple[str, ...] = shown(())


@record(frozen=False, eq=False, kw_only=True)
class LevelOut:
    """One level of a skill and what a person at that level can do."""

    level: int
    descriptor: str


@record(frozen=False, eq=False, kw_only=True)
class PlanStepOut:
    """One step of a target plan: reach ``need`` in ``skill``; the fit once this step is done.

    ``levels`` lists every level the step passes through (``have + 1`` to ``need``).
    """

    skill: str
    have: int
    need: int
    fit_after: float
    descriptor: str
    levels: tuple[LevelOut, ...]
    resources: tuple[ResourceOut, ...]
    skill_title: str = shown("")


@record(frozen=False, eq=False, kw_only=True)
class TargetOut:
    """The role asked for with ``--target``: its fit and the steps to close every gap."""

    id: str
    title: str
    fit: float
    band: str
    learning: int
    rank: int
    plan: tuple[PlanStepOut, ...]
    band_label: str = shown("")


@record(frozen=False, eq=False, kw_only=True)
class NextStepOut:
    """The single +1 that raises the fit of ``roles[0]`` (the target, else the best match with a gap) most.

    ``roles`` are the roles whose fit it raises, ``gains`` by how much each;
    ``gain`` is ``gains[0]``; ``covered`` the better-ranked roles already fully met.
    """

    skill: str
    have: int
    to: int
    gain: float
    roles: tuple[str, ...]
    gains: tuple[float, ...]
    covered: tuple[str, ...]
    descriptor: str
    resources: tuple[ResourceOut, ...]
    skill_title: str = shown("")
    sentence: str = shown("")


@record(frozen=False, eq=False, kw_only=True)
class MoveOut:
    """A role to move to: fit, likeness to the anchor role, levels still to learn."""

    id: str
    title: str
    fit: float
    similarity: float
    learning: int


@record(frozen=False, eq=False, kw_only=True)
class MovesOut:
    """The anchor role (the target, else the best match), its closest roles, the exploit/explore pair."""

    best: MoveOut
    adjacent: tuple[MoveOut, ...]
    use_what_you_have: MoveOut
    highest_ceiling: MoveOut
    tradeoffs: tuple[str, ...]


@record(frozen=False, eq=False, kw_only=True)
class ReadinessOut:
    """How ready the person is for ``role`` (the target, else the best match), in the catalogue's bands."""

    role: str
    band: str
    label: str
    meaning: str
    fit: float
    learning: int
    sentence: str


@record(frozen=False, eq=False, kw_only=True)
class StabilityOut:
    """How often ``role`` stays first (and in the top three) when each rating moves by up to one level."""

    role: str
    first_share: float
    top3_share: float
    profiles: int
    exhaustive: bool
    runner_up: str | None
    sentence: str


@record(frozen=False, eq=False, kw_only=True)
class RoleLevels:
    """A role's required level in each skill of the chart, in the chart's skill order."""

    id: str
    title: str
    levels: tuple[int, ...]


@record(frozen=False, eq=False, kw_only=True)
class Chart:
    """The person's levels against the target's requirements, else the best-fitting roles'."""

    skills: tuple[Ref, ...]
    have: tuple[int, ...]
    roles: tuple[RoleLevels, ...]
    scale_max: int


@record(frozen=False, eq=False, kw_only=True)
class RatingLine:
    """A rating with the skill's title and the level's label."""

    skill: str
    title: str
    level: int
    label: str


@record(frozen=False, eq=False, kw_only=True)
class AssessReport(Contract):
    """The report of ``roleadvisor assess``: roles in ranking order (best match first)."""

    kind = "assess"

    schema_version: int = SCHEMA_VERSION
    language: str = "en"  # the language of the report's sentences and titles (ids and keys stay English)
    profile: ProfileOut
    roles: tuple[RoleOut, ...]
    stages: tuple[StageOut, ...]
    readiness: ReadinessOut | None = None
    stability: StabilityOut | None = None
    warnings: tuple[str, ...] = ()
    target: TargetOut | None = None
    next_step: NextStepOut | None = None
    moves: MovesOut | None = None
    catalog: CatalogOut
    summary: tuple[str, ...] = shown(())
    legend: tuple[str, ...] = shown(())
    chart: Chart | None = shown(None)
    ratings: tuple[RatingLine, ...] = shown(())


def _move(move: Move, catalog: Catalog) -> MoveOut:
    return MoveOut(
        id=move.role_id,
        title=catalog.role(move.role_id).title,
        fit=move.fit,
        similarity=move.similarity,
        learning=move.learning,
    )


def band_label(band_id: str, catalog: Catalog) -> str:
    """The readiness band's label people read (the catalogue's, in the active language)."""
    return next((b.label for b in catalog.ranking.bands if b.id == band_id), band_id)


def _gap_list(gaps: tuple[Gap, ...], catalog: Catalog) -> str:
    return listing([gap(lower_title(catalog.skill(g.skill).title), g.have, g.need) for g in gaps])


def role_reason(result: RoleFit, catalog: Catalog) -> str:
    """One line on why a role ranks where it does, from its own measures."""
    n = len(result.critical)
    in_all = ngettext(
        "{count} level to learn in all", "{count} levels to learn in all", result.learning
    ).format(count=number(result.learning))
    if result.critical and result.band == catalog.ranking.bands[-1].id:
        return clauses(
            ngettext(
                "a long shot, ranked after roles that are not: {band}, with critical gap {gaps}",
                "a long shot, ranked after roles that are not: {band}, with critical gaps {gaps}",
                n,
            ).format(band=band_label(result.band, catalog), gaps=_gap_list(result.critical, catalog)),
            in_all,
        )
    if result.critical:
        return clauses(
            ngettext(
                "critical gap on a defining skill: {gaps}", "critical gaps on defining skills: {gaps}", n
            ).format(gaps=_gap_list(result.critical, catalog)),
            in_all,
        )
    if result.learning == 0:
        if result.use >= USES_MOST:
            return _("you meet every requirement and it uses {percent} of your strengths").format(
                percent=percent(result.use)
            )
        return _("you meet every requirement, but it uses only {percent} of your strengths").format(
            percent=percent(result.use)
        )
    out = ngettext(
        "{count} level to learn ({gaps})", "{count} levels to learn ({gaps})", result.learning
    ).format(count=number(result.learning), gaps=_gap_list(result.gaps, catalog))
    if result.use < USES_MOST:
        out = clauses(out, _("uses only {percent} of your strengths").format(percent=percent(result.use)))
    return out


def _band_rule(band: Band) -> str:
    """``"close = fit 85% or more with no critical gap"``."""
    if band.max_critical_gaps is None:
        rule = _("{label} = fit {percent} or more")
    elif band.max_critical_gaps == 0:
        rule = _("{label} = fit {percent} or more with no critical gap")
    else:
        rule = ngettext(
            "{label} = fit {percent} or more with at most {count} critical gap",
            "{label} = fit {percent} or more with at most {count} critical gaps",
            band.max_critical_gaps,
        )
    return rule.format(
        label=band.label, percent=percent(band.min_fit), count=number(band.max_critical_gaps or 0)
    )


def legend_lines(catalog: Catalog, plan: bool = True, moves: bool = True) -> tuple[str, ...]:
    """What each measure in the report means, with the catalogue's own thresholds."""
    r = catalog.ranking
    return (
        ngettext(
            "match: fit \u00d7 use, less {points} points for a critical gap {count} level short, {double} "
            "for one {more} levels short, and so on; roles are ranked by it (it stops at {zero}), long shots "
            "({far} and with a critical gap) after the others.",
            "match: fit \u00d7 use, less {points} points for a critical gap {count} levels short, {double} "
            "for one {more} levels short, and so on; roles are ranked by it (it stops at {zero}), long shots "
            "({far} and with a critical gap) after the others.",
            r.critical_levels,
        ).format(
            points=number(round(r.critical_penalty * 100)),
            count=number(r.critical_levels),
            double=number(round(r.critical_penalty * 200)),
            more=number(r.critical_levels + 1),
            zero=percent(0.0),
            far=r.bands[-1].label,
        ),
        _("fit: how much of the role's requirements you cover, each skill weighted by how much it matters."),
        _("use: how much of your strength the role asks for; your strongest skills count most."),
        ngettext(
            "critical gap: {count} or more levels short on a skill that defines the role "
            "(one the catalogue gives its highest importance).",
            "critical gap: {count} or more levels short on a skill that defines the role "
            "(one the catalogue gives its highest importance).",
            r.critical_levels,
        ).format(count=number(r.critical_levels)),
        _("learning: the levels you still need to gain to meet every requirement."),
        *([_("fit after: the fit once that step and every step before it is done.")] if plan else []),
        *(
            [
                _("similar: how close a role's requirements are to those of the role it is compared with."),
                _(
                    "within reach: no critical gap, and a fit within {points} points of your best match's."
                ).format(points=number(round(REACH * 100))),
            ]
            if moves
            else []
        ),
        _("readiness (fits as shown, in whole percent): {bands}; otherwise {last}.").format(
            bands=clauses(*(_band_rule(b) for b in r.bands[:-1])) if len(r.bands) > 1 else "",
            last=r.bands[-1].label,
        ),
        _(
            "stage fit: how much of a stage's skill mix your levels cover, each level counted out of {top}."
        ).format(top=number(catalog.scale.max)),
    )


def profile_warnings(ratings: dict[str, int], catalog: Catalog) -> tuple[str, ...]:
    """Warnings about profiles whose ranking says little: flat, or nearly every rating at the top."""
    top = catalog.scale.max
    n = len(ratings)
    at_top = sum(1 for level in ratings.values() if level == top)
    if n >= 4 and at_top >= n - 2:
        return (
            ngettext(
                "{count} of {total} skill is rated {top} ({label}), the top of the scale. Few people are "
                "experts in nearly everything, and at the top every role is covered, so the ranking mostly "
                "says which roles ask for the most. Rate each skill against its level descriptions "
                "('roleadvisor skills' lists them).",
                "{count} of {total} skills are rated {top} ({label}), the top of the scale. Few people are "
                "experts in nearly everything, and at the top every role is covered, so the ranking mostly "
                "says which roles ask for the most. Rate each skill against its level descriptions "
                "('roleadvisor skills' lists them).",
                n,
            ).format(count=number(at_top), total=number(n), top=number(top), label=catalog.scale.labels[top]),
        )
    flat = flat_profile(ratings)
    if flat is not None:
        level, count = flat
        return (
            ngettext(
                "{count} of {total} skill is rated {level}; a profile this flat fits many roles alike, so "
                "the ranking is unreliable. Rate each skill against its level descriptions ('roleadvisor "
                "skills' lists them).",
                "{count} of {total} skills are rated {level}; a profile this flat fits many roles alike, so "
                "the ranking is unreliable. Rate each skill against its level descriptions ('roleadvisor "
                "skills' lists them).",
                n,
            ).format(count=number(count), total=number(n), level=number(level)),
        )
    return ()


def _readiness(result: RoleFit, catalog: Catalog, rank: int | None = None, of: int = 0) -> ReadinessOut:
    band = next((b for b in catalog.ranking.bands if b.id == result.band), catalog.ranking.bands[-1])
    fields = {"role": catalog.role(result.role_id).title, "label": band.label, "meaning": band.meaning}
    if result.learning == 0:
        sentence = _("Readiness for {role}: {label} ({meaning}); you meet every requirement.").format(
            **fields
        )
    elif result.critical:
        sentence = ngettext(
            "Readiness for {role}: {label} ({meaning}); {levels} to learn in all ({gaps}), including {count} "
            "critical gap on a defining skill.",
            "Readiness for {role}: {label} ({meaning}); {levels} to learn in all ({gaps}), including {count} "
            "critical gaps on defining skills.",
            len(result.critical),
        ).format(
            **fields,
            levels=levels(result.learning),
            gaps=_gap_list(result.gaps, catalog),
            count=number(len(result.critical)),
        )
    else:
        sentence = ngettext(
            "Readiness for {role}: {label} ({meaning}); {count} level to learn in all ({gaps}).",
            "Readiness for {role}: {label} ({meaning}); {count} levels to learn in all ({gaps}).",
            result.learning,
        ).format(**fields, count=number(result.learning), gaps=_gap_list(result.gaps, catalog))
    if rank is not None:
        sentence += " " + ngettext(
            "It ranks {ordinal} of {count} role by match.",
            "It ranks {ordinal} of {count} roles by match.",
            of,
        ).format(ordinal=ordinal(rank), count=number(of))
    return ReadinessOut(
        role=result.role_id,
        band=band.id,
        label=band.label,
        meaning=band.meaning,
        fit=result.fit,
        learning=result.learning,
        sentence=sentence,
    )


def _stability(st: Stability, catalog: Catalog) -> StabilityOut:
    shares = {
        "role": catalog.role(st.role_id).title,
        "first": percent(st.first_share),
        "top3": percent(st.top3_share),
        "count": number(st.profiles),
    }
    if st.exhaustive:
        sentence = ngettext(
            "Stability of your best match: {role} stays first in {first} of nearby profiles (all {count} "
            "with each rating moved by up to one level) and in the top three in {top3}.",
            "Stability of your best match: {role} stays first in {first} of nearby profiles (all {count} "
            "with each rating moved by up to one level) and in the top three in {top3}.",
            st.profiles,
        ).format(**shares)
    else:
        sentence = ngettext(
            "Stability of your best match: {role} stays first in {first} of nearby profiles (each rating "
            "moved by up to one level; {count} drawn at random) and in the top three in {top3}.",
            "Stability of your best match: {role} stays first in {first} of nearby profiles (each rating "
            "moved by up to one level; {count} drawn at random) and in the top three in {top3}.",
            st.profiles,
        ).format(**shares)
    if st.runner_up is not None:
        runner = catalog.role(st.runner_up).title
        if st.first_share < UNSTABLE:
            sentence += " " + _(
                "Your ratings do not settle it: {runner} often comes first instead, so check the skills "
                "where the two differ against their level descriptions."
            ).format(runner=runner)
        else:
            sentence += " " + _("When it is not first, {runner} usually is.").format(runner=runner)
    return StabilityOut(
        role=st.role_id,
        first_share=round(st.first_share, 4),
        top3_share=round(st.top3_share, 4),
        profiles=st.profiles,
        exhaustive=st.exhaustive,
        runner_up=st.runner_up,
        sentence=sentence,
    )


def tradeoff_sentences(moves: Moves, roles: dict[str, RoleFit], catalog: Catalog) -> tuple[str, ...]:
    """One sentence for *use what you have* and one for *highest ceiling*."""
    use, ceiling = moves.use_what_you_have, moves.highest_ceiling
    use_title = catalog.role(use.role_id).title
    best = roles[use.role_id]
    measures = (
        _("fit {fit}, uses {use} of your strengths").format(fit=percent(best.fit), use=percent(best.use))
        if best.fit > 0
        else _("fit {fit}").format(fit=percent(best.fit))
    )
    fields = {"role": use_title, "measures": measures, "levels": levels(best.learning)}
    if best.band == catalog.ranking.bands[0].id:
        first = _(
            "Use what you have: {role} is your best match ({measures}) with {levels} to learn, so you could "
            "do it now and deepen strengths you already have."
        ).format(**fields)
    elif best.band == catalog.ranking.bands[-1].id:
        first = _(
            "Use what you have: {role} is your best match ({measures}) with {levels} to learn; it is still "
            "{band}, so start with the foundations of its largest gaps."
        ).format(**fields, band=band_label(best.band, catalog))
    else:
        first = _(
            "Use what you have: {role} is your best match ({measures}) with {levels} to learn; it builds on "
            "strengths you already have."
        ).format(**fields)
    if ceiling.role_id != use.role_id:
        second = _(
            "Highest ceiling (among roles within reach, the one with the most to learn): {ceiling} (fit "
            "{fit}) asks for {levels} of new learning, {more} more than {role}: a bigger step that builds "
            "new strengths at the cost of time before you are fully productive."
        ).format(
            ceiling=catalog.role(ceiling.role_id).title,
            fit=percent(ceiling.fit),
            levels=levels(ceiling.learning),
            more=number(ceiling.learning - best.learning),
            role=use_title,
        )
    elif best.critical or best.band == catalog.ranking.bands[-1].id:
        if len(best.critical) > 1:
            second = _(
                "Highest ceiling (among roles within reach, the one with the most to learn): none yet, since "
                "no role is within reach while {role} itself still has critical gaps; close its largest gaps "
                "first."
            )
        elif best.critical:
            second = _(
                "Highest ceiling (among roles within reach, the one with the most to learn): none yet, since "
                "no role is within reach while {role} itself still has a critical gap; close its largest "
                "gaps first."
            )
        else:
            second = _(
                "Highest ceiling (among roles within reach, the one with the most to learn): none yet, since "
                "no role is within reach while {role} itself still has far to go; close its largest gaps "
                "first."
            )
        second = second.format(role=use_title)
    elif best.learning == 0:
        second = _(
            "Highest ceiling (among roles within reach, the one with the most to learn): none asks for more "
            "than {role}, whose requirements you already meet; to grow, look at the roles closest to it, "
            "which build new strengths."
        ).format(role=use_title)
    else:
        second = _(
            "Highest ceiling (among roles within reach, the one with the most to learn): {role} itself; no "
            "other role within reach asks for more new learning, so grow in it before exploring a new area."
        ).format(role=use_title)
    return (first, second)


def summary_sentences(
    roles: tuple[RoleFit, ...], stages: tuple[StageFit, ...], catalog: Catalog, has_strengths: bool = True
) -> tuple[str, ...]:
    """Where the person stands, naming only the roles the report shows.

    ``has_strengths`` is false for a profile rated 0 everywhere: nothing is "used" then.
    """
    if not roles:
        return ()
    best = roles[0]
    best_role = catalog.role(best.role_id)
    out: list[str] = []
    last = catalog.ranking.bands[-1].id
    if not has_strengths:
        out.append(
            _(
                "No role matches yet: every skill is rated 0. Start with level 1 of the skills your first "
                "role, {role}, weighs most."
            ).format(role=best_role.title)
        )
        return tuple(out)
    others = [
        (
            _("{role} ({match}, ranked lower: {band} with a critical gap)")
            if r.band == last and r.critical and r.match > best.match
            else _("{role} ({match})")
        ).format(role=catalog.role(r.role_id).title, match=percent(r.match), band=band_label(r.band, catalog))
        for r in roles[1:3]
    ]
    fields = {
        "role": best_role.title,
        "match": percent(best.match),
        "fit": percent(best.fit),
        "use": percent(best.use),
    }
    if others:
        out.append(
            _(
                "Your best match is {role} at {match} (fit {fit}, uses {use} of your strengths), followed by "
                "{others}."
            ).format(**fields, others=listing(others))
        )
    else:
        out.append(
            _("Your best match is {role} at {match} (fit {fit}, uses {use} of your strengths).").format(
                **fields
            )
        )
    if best.gaps:
        top_gap = best.gaps[0]
        skill = catalog.skill(top_gap.skill)
        out.append(
            _(
                "The largest gap for {role} is {skill} (you rated {have}, the role needs {need}): at level "
                "{need} a person {descriptor}"
            ).format(
                role=best_role.title,
                skill=lower_title(skill.title),
                have=number(top_gap.have),
                need=number(top_gap.need),
                descriptor=lower_first(skill.descriptor(top_gap.need)),
            )
        )
    else:
        out.append(_("You meet every requirement of {role}.").format(role=best_role.title))
    if (
        len(roles) > 1
        and abs(roles[1].match - best.match) <= NEARLY_TIED
        and (roles[1].band == last) == (best.band == last)
    ):
        out.append(
            _(
                "{role} and {other} are nearly tied: weigh what each role does day to day before choosing."
            ).format(role=best_role.title, other=catalog.role(roles[1].role_id).title)
        )
    if stages and stages[0].fit == stages[-1].fit:
        out.append(
            _("Your levels cover every stage of the production cycle alike ({fit}).").format(
                fit=percent(stages[0].fit)
            )
        )
    elif stages:
        strong = listing(
            [lower_title(catalog.stage(t.stage_id).title) for t in stages if t.fit == stages[0].fit]
        )
        weak = listing(
            [lower_title(catalog.stage(t.stage_id).title) for t in stages if t.fit == stages[-1].fit]
        )
        out.append(
            _(
                "In the production cycle you are strongest in {strong} ({strong_fit}) and weakest in {weak} "
                "({weak_fit})."
            ).format(
                strong=strong, strong_fit=percent(stages[0].fit), weak=weak, weak_fit=percent(stages[-1].fit)
            )
        )
    return tuple(out)


def _target(
    advice: Advice, catalog: Catalog, roles: dict[str, RoleFit], rank: int | None = None
) -> TargetOut | None:
    plan = advice.plan
    if plan is None:
        return None
    result = roles[plan.role_id]
    return TargetOut(
        id=plan.role_id,
        title=catalog.role(plan.role_id).title,
        fit=plan.fit,
        band=result.band,
        learning=result.learning,
        rank=list(roles).index(plan.role_id) + 1 if rank is None else rank,
        band_label=band_label(result.band, catalog),
        plan=tuple(
            PlanStepOut(
                skill=step.skill,
                have=step.have,
                need=step.need,
                fit_after=step.fit_after,
                descriptor=catalog.skill(step.skill).descriptor(step.need),
                levels=tuple(
                    LevelOut(level=level, descriptor=catalog.skill(step.skill).descriptor(level))
                    for level in range(step.have + 1, step.need + 1)
                ),
                resources=resources_out(advice.resources.get(step.skill, ())),
                skill_title=catalog.skill(step.skill).title,
            )
            for step in plan.steps
        ),
    )


def _next_step(advice: Advice, catalog: Catalog) -> NextStepOut | None:
    ns = advice.next_step
    if ns is None:
        return None
    skill = catalog.skill(ns.skill)
    resources = resources_out(advice.next_resources)
    learn = (
        clauses(*(resource(r.title, r.kind) for r in resources))
        if resources
        else _("no resource in the catalogue")
    )
    titles = [catalog.role(r).title for r in ns.roles]
    others = [
        _("of {role} by {gain}").format(role=t, gain=number(g * 100, 1))
        for t, g in zip(titles[1:], ns.gains[1:], strict=True)
    ]
    raise_it = (
        _(
            "Raise {skill} from {have} to {to}: it raises the fit of {role} by {gain} percentage points "
            "(and {others})."
        )
        if others
        else _("Raise {skill} from {have} to {to}: it raises the fit of {role} by {gain} percentage points.")
    ).format(
        skill=lower_title(skill.title),
        have=number(ns.have),
        to=number(ns.to),
        role=titles[0],
        gain=number(ns.gain * 100, 1),
        others=listing(others),
    )
    parts = [
        raise_it,
        _("At level {level} a person {descriptor} Learn from: {resources}.").format(
            level=number(ns.to), descriptor=lower_first(skill.descriptor(ns.to)), resources=learn
        ),
    ]
    if ns.covered:
        parts.insert(
            0,
            _(
                "You meet every requirement of {roles}, ranked above; this step is for {role}, the "
                "best-ranked role with a gap."
            ).format(
                roles=listing([catalog.role(r).title for r in ns.covered]),
                role=catalog.role(ns.roles[0]).title,
            ),
        )
    sentence = " ".join(parts)
    return NextStepOut(
        skill=ns.skill,
        have=ns.have,
        to=ns.to,
        gain=ns.gain,
        roles=ns.roles,
        gains=ns.gains,
        covered=ns.covered,
        descriptor=skill.descriptor(ns.to),
        resources=resources,
        skill_title=skill.title,
        sentence=sentence,
    )


def _moves(moves: Moves, catalog: Catalog, roles: dict[str, RoleFit]) -> MovesOut:
    return MovesOut(
        best=_move(moves.best, catalog),
        adjacent=tuple(_move(x, catalog) for x in moves.adjacent),
        use_what_you_have=_move(moves.use_what_you_have, catalog),
        highest_ceiling=_move(moves.highest_ceiling, catalog),
        tradeoffs=tradeoff_sentences(moves, roles, catalog),
    )


def _chart(catalog: Catalog, ratings: dict[str, int], role_ids: list[str]) -> Chart:
    return Chart(
        skills=tuple(Ref(id=s.id, title=s.title) for s in catalog.skills),
        have=tuple(ratings[sid] for sid in catalog.skill_ids),
        roles=tuple(
            RoleLevels(
                id=role.id,
                title=role.title,
                levels=tuple(req.level for _, req in role.requirements),
            )
            for role in (catalog.role(rid) for rid in role_ids)
        ),
        scale_max=catalog.scale.max,
    )


def gaps_out(gaps: Sequence[Gap]) -> tuple[GapOut, ...]:
    """The engine's gaps as the reports write them."""
    return tuple(GapOut(skill=g.skill, have=g.have, need=g.need) for g in gaps)


def build_assess(
    assessment: Assessment,
    catalog: Catalog,
    *,
    name: str | None,
    top: int | None = None,
    advice: Advice | None = None,
    outside: tuple[RoleFit, int] | None = None,
) -> AssessReport:
    """The report for ``assessment``; ``top`` keeps only the best N roles (and the prose follows).

    Readiness is for the target when one is given, else for the best match. ``outside`` is a
    target that is not one of the ranked roles (an advert): its result, and where it would rank.
    """
    roles = assessment.roles if top is None else assessment.roles[:top]
    by_id = {r.role_id: r for r in assessment.roles}
    if outside is not None:
        by_id[outside[0].role_id] = outside[0]
    ratings = dict(assessment.ratings)
    target = (
        _target(advice, catalog, by_id, rank=outside[1] if outside is not None else None)
        if advice is not None
        else None
    )
    charted = [target.id] if target is not None else [r.role_id for r in roles[:CHART_ROLES]]
    focus = by_id[target.id] if target is not None else (roles[0] if roles else None)
    return AssessReport(
        profile=ProfileOut(name=name, ratings=ratings),
        roles=tuple(
            RoleOut(
                id=result.role_id,
                title=catalog.role(result.role_id).title,
                family=catalog.role(result.role_id).family,
                match=result.match,
                fit=result.fit,
                use=result.use,
                learning=result.learning,
                band=result.band,
                critical_gaps=gaps_out(result.critical),
                gaps=gaps_out(result.gaps),
                reason=role_reason(result, catalog),
                band_label=band_label(result.band, catalog),
            )
            for result in roles
        ),
        stages=tuple(
            StageOut(
                id=s.stage_id,
                title=catalog.stage(s.stage_id).title,
                fit=s.fit,
                owners=catalog.stage(s.stage_id).owners,
            )
            for s in assessment.stages
        ),
        readiness=(
            _readiness(
                focus, catalog, rank=target.rank if target and not outside else None, of=len(assessment.roles)
            )
            if focus is not None
            else None
        ),
        stability=(
            _stability(advice.stability, catalog)
            if advice is not None and advice.stability is not None
            else None
        ),
        warnings=profile_warnings(ratings, catalog),
        language=i18n.current(),
        target=target,
        next_step=_next_step(advice, catalog) if advice is not None else None,
        moves=_moves(advice.moves, catalog, by_id) if advice is not None else None,
        catalog=catalog_out(catalog),
        summary=summary_sentences(roles, assessment.stages, catalog, has_strengths=any(ratings.values())),
        legend=legend_lines(catalog, plan=target is not None, moves=advice is not None),
        chart=_chart(catalog, ratings, charted),
        ratings=tuple(
            RatingLine(
                skill=sid, title=catalog.skill(sid).title, level=level, label=catalog.scale.labels[level]
            )
            for sid, level in ratings.items()
        ),
    )
