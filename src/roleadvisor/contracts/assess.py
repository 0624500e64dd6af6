"""The report of ``roleadvisor assess``: the versioned JSON contract programs rely on.

``build_assess`` turns an engine ``Assessment`` and its ``Advice`` into an
``AssessReport`` with every sentence a person reads already written. The JSON
Schema printed by ``roleadvisor schema`` describes ``to_data()`` of this
contract (``roleadvisor.contracts.schema``, tested equal). Bump
``SCHEMA_VERSION`` on any change to the JSON that is not a pure addition.
"""

from __future__ import annotations

from roleadvisor.advice import REACH, Advice, Move, Moves
from roleadvisor.catalog.models import Catalog
from roleadvisor.contracts import Contract, shown
from roleadvisor.contracts.common import CatalogOut, ProfileOut, Ref, ResourceOut, catalog_out, resources_out
from roleadvisor.contracts.words import levels, listing, lower_first, percent
from roleadvisor.engine import Assessment, Gap, RoleFit, StageFit, flat_profile
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


def _gap_list(gaps: tuple[Gap, ...], catalog: Catalog) -> str:
    return listing([f"{catalog.skill(g.skill).title.lower()} {g.have}\u2192{g.need}" for g in gaps])


def role_reason(result: RoleFit, catalog: Catalog) -> str:
    """One line on why a role ranks where it does, from its own measures."""
    if result.critical and result.band == catalog.ranking.bands[-1].id:
        n = len(result.critical)
        return (
            f"a long shot, ranked after roles that are not: {result.band}, with "
            f"critical gap{'s' if n > 1 else ''} {_gap_list(result.critical, catalog)}; "
            f"{levels(result.learning)} to learn in all"
        )
    if result.critical:
        n = len(result.critical)
        return (
            f"critical gap{'s' if n > 1 else ''} on {'defining skills' if n > 1 else 'a defining skill'}: "
            f"{_gap_list(result.critical, catalog)}; {levels(result.learning)} to learn in all"
        )
    if result.learning == 0:
        if result.use >= USES_MOST:
            return f"you meet every requirement and it uses {percent(result.use)} of your strengths"
        return f"you meet every requirement, but it uses only {percent(result.use)} of your strengths"
    out = f"{levels(result.learning)} to learn ({_gap_list(result.gaps, catalog)})"
    if result.use < USES_MOST:
        out += f"; uses only {percent(result.use)} of your strengths"
    return out


def legend_lines(catalog: Catalog, plan: bool = True, moves: bool = True) -> tuple[str, ...]:
    """What each measure in the report means, with the catalogue's own thresholds."""
    r = catalog.ranking
    bands = "; ".join(
        f"{b.label} = fit {percent(b.min_fit)} or more"
        + (
            ""
            if b.max_critical_gaps is None
            else " with no critical gap"
            if b.max_critical_gaps == 0
            else f" with at most {b.max_critical_gaps} critical gaps"
        )
        for b in r.bands[:-1]
    )
    return (
        "match: fit \u00d7 use, less "
        f"{round(r.critical_penalty * 100):d} points for a critical gap {r.critical_levels} levels short, "
        f"{round(r.critical_penalty * 200):d} for one {r.critical_levels + 1} levels short, and so on; roles "
        f"are ranked by it (it stops at 0%), long shots ({r.bands[-1].label} and with a critical gap) "
        "after the others.",
        "fit: how much of the role's requirements you cover, each skill weighted by how much it matters.",
        "use: how much of your strength the role asks for; your strongest skills count most.",
        f"critical gap: {r.critical_levels} or more levels short on a skill that defines the role "
        "(one the catalogue gives its highest importance).",
        "learning: the levels you still need to gain to meet every requirement.",
        *(["fit after: the fit once that step and every step before it is done."] if plan else []),
        *(
            [
                "similar: how close a role's requirements are to those of the role it is compared with.",
                f"within reach: no critical gap, and a fit within {round(REACH * 100):d} points of your best "
                "match's.",
            ]
            if moves
            else []
        ),
        f"readiness (fits as shown, in whole percent): {bands}; otherwise {r.bands[-1].label}.",
        "stage fit: how much of a stage's skill mix your levels cover, "
        f"each level counted out of {catalog.scale.max}.",
    )


def profile_warnings(ratings: dict[str, int], catalog: Catalog) -> tuple[str, ...]:
    """Warnings about profiles whose ranking says little: flat, or nearly every rating at the top."""
    top = catalog.scale.max
    n = len(ratings)
    at_top = sum(1 for level in ratings.values() if level == top)
    if n >= 4 and at_top >= n - 2:
        return (
            f"{at_top} of {n} skills are rated {top} ({catalog.scale.labels[top]}), the top of the scale. "
            "Few people are experts in nearly everything, and at the top every role is covered, so the "
            "ranking mostly says which roles ask for the most. Rate each skill against its level "
            "descriptions ('roleadvisor skills' lists them).",
        )
    flat = flat_profile(ratings)
    if flat is not None:
        level, count = flat
        return (
            f"{count} of {n} skills are rated {level}; a profile this flat fits many roles alike, so the "
            "ranking is unreliable. Rate each skill against its level descriptions ('roleadvisor skills' "
            "lists them).",
        )
    return ()


def _readiness(result: RoleFit, catalog: Catalog, rank: int | None = None, of: int = 0) -> ReadinessOut:
    band = next((b for b in catalog.ranking.bands if b.id == result.band), catalog.ranking.bands[-1])
    title = catalog.role(result.role_id).title
    sentence = f"Readiness for {title}: {band.label} ({band.meaning})"
    if result.learning == 0:
        sentence += "; you meet every requirement."
    else:
        sentence += f"; {levels(result.learning)} to learn in all ({_gap_list(result.gaps, catalog)})"
        if result.critical:
            n = len(result.critical)
            on = "defining skills" if n > 1 else "a defining skill"
            sentence += f", including {n} critical gap{'s' if n > 1 else ''} on {on}"
        sentence += "."
    if rank is not None:
        sentence += f" It ranks {_ordinal(rank)} of {of} roles by match."
    return ReadinessOut(
        role=result.role_id,
        band=band.id,
        label=band.label,
        meaning=band.meaning,
        fit=result.fit,
        learning=result.learning,
        sentence=sentence,
    )


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _stability(st: Stability, catalog: Catalog) -> StabilityOut:
    title = catalog.role(st.role_id).title
    how = (
        f"all {st.profiles} with each rating moved by up to one level"
        if st.exhaustive
        else f"each rating moved by up to one level; {st.profiles} drawn at random"
    )
    sentence = (
        f"Stability of your best match: {title} stays first in {percent(st.first_share)} of nearby "
        f"profiles ({how}) and in the top three in {percent(st.top3_share)}."
    )
    if st.runner_up is not None:
        runner = catalog.role(st.runner_up).title
        if st.first_share < UNSTABLE:
            sentence += (
                f" Your ratings do not settle it: {runner} often comes first instead, so check the skills "
                "where the two differ against their level descriptions."
            )
        else:
            sentence += f" When it is not first, {runner} usually is."
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
    uses = f", uses {percent(best.use)} of your strengths" if best.fit > 0 else ""
    first = (
        f"Use what you have: {use_title} is your best match (fit {percent(best.fit)}{uses}) "
        f"with {levels(best.learning)} to learn"
    )
    if best.band == catalog.ranking.bands[0].id:
        first += ", so you could do it now and deepen strengths you already have."
    elif best.band == catalog.ranking.bands[-1].id:
        first += f"; it is still {best.band}, so start with the foundations of its largest gaps."
    else:
        first += "; it builds on strengths you already have."
    head = "Highest ceiling (among roles within reach, the one with the most to learn): "
    if ceiling.role_id != use.role_id:
        more = ceiling.learning - best.learning
        second = (
            f"{head}{catalog.role(ceiling.role_id).title} (fit {percent(ceiling.fit)}) asks for "
            f"{levels(ceiling.learning)} of new learning, {more} more than {use_title}: a bigger step that "
            "builds new strengths at the cost of time before you are fully productive."
        )
    elif best.critical or best.band == catalog.ranking.bands[-1].id:
        blocker = (
            "critical gaps" if len(best.critical) > 1 else "a critical gap" if best.critical else "far to go"
        )
        second = (
            f"{head}none yet, since no role is within reach while {use_title} itself still has {blocker}; "
            "close its largest gaps first."
        )
    elif best.learning == 0:
        second = (
            f"{head}none asks for more than {use_title}, whose requirements you already meet; to grow, look "
            "at the roles closest to it, which build new strengths."
        )
    else:
        second = (
            f"{head}{use_title} itself; no other role within reach asks for more new learning, so grow in "
            "it before exploring a new area."
        )
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
            "No role matches yet: every skill is rated 0. Start with level 1 of the skills your "
            f"first role, {best_role.title}, weighs most."
        )
        return tuple(out)
    others = [
        f"{catalog.role(r.role_id).title} ({percent(r.match)}"
        + (
            f", ranked lower: {r.band} with a critical gap"
            if r.band == last and r.critical and r.match > best.match
            else ""
        )
        + ")"
        for r in roles[1:3]
    ]
    strengths = f", uses {percent(best.use)} of your strengths" if has_strengths else ""
    sentence = (
        f"Your best match is {best_role.title} at {percent(best.match)} (fit {percent(best.fit)}{strengths})"
    )
    if others:
        sentence += ", followed by " + listing(others)
    out.append(sentence + ".")
    if best.gaps:
        gap = best.gaps[0]
        skill = catalog.skill(gap.skill)
        out.append(
            f"The largest gap for {best_role.title} is {skill.title.lower()} "
            f"(you rated {gap.have}, the role needs {gap.need}): at level {gap.need} a person "
            f"{lower_first(skill.descriptor(gap.need))}"
        )
    else:
        out.append(f"You meet every requirement of {best_role.title}.")
    if (
        len(roles) > 1
        and abs(roles[1].match - best.match) <= NEARLY_TIED
        and (roles[1].band == last) == (best.band == last)
    ):
        out.append(
            f"{best_role.title} and {catalog.role(roles[1].role_id).title} are nearly tied: "
            "weigh what each role does day to day before choosing."
        )
    if stages and stages[0].fit == stages[-1].fit:
        out.append(f"Your levels cover every stage of the production cycle alike ({percent(stages[0].fit)}).")
    elif stages:
        strong = listing([catalog.stage(t.stage_id).title.lower() for t in stages if t.fit == stages[0].fit])
        weak = listing([catalog.stage(t.stage_id).title.lower() for t in stages if t.fit == stages[-1].fit])
        out.append(
            f"In the production cycle you are strongest in {strong} ({percent(stages[0].fit)}) and weakest "
            f"in {weak} ({percent(stages[-1].fit)})."
        )
    return tuple(out)


def _target(advice: Advice, catalog: Catalog, roles: dict[str, RoleFit]) -> TargetOut | None:
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
        rank=list(roles).index(plan.role_id) + 1,
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
    learn = "; ".join(f"{r.title} [{r.kind}]" for r in resources) or "no resource in the catalogue"
    titles = [catalog.role(r).title for r in ns.roles]
    others = [f"of {t} by {g * 100:.1f}" for t, g in zip(titles[1:], ns.gains[1:], strict=True)]
    met = listing([catalog.role(r).title for r in ns.covered])
    sentence = (
        f"You meet every requirement of {met}, ranked above; this step is for "
        f"{catalog.role(ns.roles[0]).title}, the best-ranked role with a gap. "
        if ns.covered
        else ""
    )
    sentence += (
        f"Raise {skill.title.lower()} from {ns.have} to {ns.to}: it raises the fit of {titles[0]} by "
        f"{ns.gain * 100:.1f} percentage points" + (f" (and {listing(others)})" if others else "") + ". "
        f"At level {ns.to} a person {lower_first(skill.descriptor(ns.to))} Learn from: {learn}."
    )
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


def _gaps_out(gaps: tuple[Gap, ...]) -> tuple[GapOut, ...]:
    return tuple(GapOut(skill=g.skill, have=g.have, need=g.need) for g in gaps)


def build_assess(
    assessment: Assessment,
    catalog: Catalog,
    *,
    name: str | None,
    top: int | None = None,
    advice: Advice | None = None,
) -> AssessReport:
    """The report for ``assessment``; ``top`` keeps only the best N roles (and the prose follows).

    Readiness is for the target when one is given, else for the best match.
    """
    roles = assessment.roles if top is None else assessment.roles[:top]
    by_id = {r.role_id: r for r in assessment.roles}
    ratings = dict(assessment.ratings)
    target = _target(advice, catalog, by_id) if advice is not None else None
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
                critical_gaps=_gaps_out(result.critical),
                gaps=_gaps_out(result.gaps),
                reason=role_reason(result, catalog),
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
            _readiness(focus, catalog, rank=target.rank if target else None, of=len(assessment.roles))
            if focus is not None
            else None
        ),
        stability=(
            _stability(advice.stability, catalog)
            if advice is not None and advice.stability is not None
            else None
        ),
        warnings=profile_warnings(ratings, catalog),
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
