"""The report of ``roleadvisor assess``: the versioned JSON contract programs rely on.

``build_assess`` turns an engine ``Assessment`` and its ``Advice`` into an
``AssessReport`` with every sentence a person reads already written. The JSON
Schema printed by ``roleadvisor schema`` describes ``to_data()`` of this
contract (``roleadvisor.contracts.schema``, tested equal). Bump
``SCHEMA_VERSION`` on any change to the JSON that is not a pure addition.
"""

from __future__ import annotations

from roleadvisor.advice import Advice, Move, Moves
from roleadvisor.catalog.models import Catalog
from roleadvisor.contracts import Contract, shown
from roleadvisor.contracts.common import CatalogOut, ProfileOut, Ref, ResourceOut, catalog_out, resources_out
from roleadvisor.contracts.words import listing, lower_first, percent, points
from roleadvisor.engine import Assessment, RoleFit, StageFit
from roleadvisor.records import record

SCHEMA_VERSION = 1
NEARLY_TIED = 0.02  # fits this close are called nearly tied
CHART_ROLES = 3  # roles drawn against the person when no target is given


@record(frozen=False, eq=False, kw_only=True)
class GapOut:
    """A skill where the person is below the role's requirement."""

    skill: str
    have: int
    need: int


@record(frozen=False, eq=False, kw_only=True)
class RoleOut:
    """One role's fit; ``gaps`` lists every shortfall, largest weighted gap first."""

    id: str
    title: str
    family: str
    fit: float
    gaps: tuple[GapOut, ...]


@record(frozen=False, eq=False, kw_only=True)
class StageOut:
    """How much of a production-cycle stage's skill mix the person covers."""

    id: str
    title: str
    fit: float
    owners: tuple[str, ...] = shown(())


@record(frozen=False, eq=False, kw_only=True)
class PlanStepOut:
    """One step of a target plan: reach ``need`` in ``skill``; the fit once this step is done."""

    skill: str
    have: int
    need: int
    fit_after: float
    descriptor: str
    resources: tuple[ResourceOut, ...]
    skill_title: str = shown("")


@record(frozen=False, eq=False, kw_only=True)
class TargetOut:
    """The role asked for with ``--target``: its fit and the steps to close every gap."""

    id: str
    title: str
    fit: float
    plan: tuple[PlanStepOut, ...]


@record(frozen=False, eq=False, kw_only=True)
class NextStepOut:
    """The single +1 that raises the mean fit of the top ``roles`` the most, by ``gain``."""

    skill: str
    have: int
    to: int
    gain: float
    roles: tuple[str, ...]
    descriptor: str
    resources: tuple[ResourceOut, ...]
    skill_title: str = shown("")
    sentence: str = shown("")


@record(frozen=False, eq=False, kw_only=True)
class MoveOut:
    """A role to move to: fit, likeness to the best role, learning needed (weighted gaps)."""

    id: str
    title: str
    fit: float
    similarity: float
    learning: float


@record(frozen=False, eq=False, kw_only=True)
class MovesOut:
    """The best current role, the roles closest to it, and the exploit/explore pair."""

    best: MoveOut
    adjacent: tuple[MoveOut, ...]
    use_what_you_have: MoveOut
    highest_ceiling: MoveOut
    tradeoffs: tuple[str, ...]


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
    """The report of ``roleadvisor assess``: roles sorted by fit, best first."""

    kind = "assess"

    schema_version: int = SCHEMA_VERSION
    profile: ProfileOut
    roles: tuple[RoleOut, ...]
    stages: tuple[StageOut, ...]
    target: TargetOut | None = None
    next_step: NextStepOut | None = None
    moves: MovesOut | None = None
    catalog: CatalogOut
    summary: tuple[str, ...] = shown(())
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


def tradeoff_sentences(moves: Moves, catalog: Catalog) -> tuple[str, ...]:
    """One sentence for *use what you have* and one for *highest ceiling*."""
    use, ceiling = moves.use_what_you_have, moves.highest_ceiling
    use_title = catalog.role(use.role_id).title
    first = (
        f"Use what you have: {use_title} fits you best ({percent(use.fit)}) with "
        f"{points(use.learning)} of new learning, so you can do it now and deepen strengths you already use."
    )
    if ceiling.role_id == use.role_id:
        second = (
            f"Highest ceiling: no other role is within reach of {use_title}, "
            "so grow in it before exploring a new area."
        )
    else:
        second = (
            f"Highest ceiling: {catalog.role(ceiling.role_id).title} ({percent(ceiling.fit)}) asks for "
            f"{points(ceiling.learning)} of new learning, a bigger stretch that builds new strengths "
            "at the cost of time before you are fully productive."
        )
    return (first, second)


def summary_sentences(
    roles: tuple[RoleFit, ...], stages: tuple[StageFit, ...], catalog: Catalog
) -> tuple[str, ...]:
    """Where the person stands, naming only the roles the report shows."""
    if not roles:
        return ()
    best = roles[0]
    best_role = catalog.role(best.role_id)
    out: list[str] = []
    others = [f"{catalog.role(r.role_id).title} ({percent(r.fit)})" for r in roles[1:3]]
    sentence = f"Your closest match is {best_role.title} at {percent(best.fit)}"
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
    if len(roles) > 1 and roles[1].fit >= best.fit - NEARLY_TIED:
        out.append(
            f"{best_role.title} and {catalog.role(roles[1].role_id).title} are nearly tied: "
            "weigh what each role does day to day before choosing."
        )
    if stages:
        strong = catalog.stage(stages[0].stage_id).title
        weak = catalog.stage(stages[-1].stage_id).title
        out.append(
            f"In the production cycle you are strongest in {strong.lower()} and weakest in {weak.lower()}."
        )
    return tuple(out)


def _target(advice: Advice, catalog: Catalog) -> TargetOut | None:
    plan = advice.plan
    if plan is None:
        return None
    return TargetOut(
        id=plan.role_id,
        title=catalog.role(plan.role_id).title,
        fit=plan.fit,
        plan=tuple(
            PlanStepOut(
                skill=step.skill,
                have=step.have,
                need=step.need,
                fit_after=step.fit_after,
                descriptor=catalog.skill(step.skill).descriptor(step.need),
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
    sentence = (
        f"Raise {skill.title.lower()} from {ns.have} to {ns.to} "
        f"(+{ns.gain * 100:.1f} points of fit on average for "
        f"{listing([catalog.role(r).title for r in ns.roles])}). At level {ns.to} a person "
        f"{lower_first(skill.descriptor(ns.to))} Learn from: {learn}."
    )
    return NextStepOut(
        skill=ns.skill,
        have=ns.have,
        to=ns.to,
        gain=ns.gain,
        roles=ns.roles,
        descriptor=skill.descriptor(ns.to),
        resources=resources,
        skill_title=skill.title,
        sentence=sentence,
    )


def _moves(moves: Moves, catalog: Catalog) -> MovesOut:
    return MovesOut(
        best=_move(moves.best, catalog),
        adjacent=tuple(_move(x, catalog) for x in moves.adjacent),
        use_what_you_have=_move(moves.use_what_you_have, catalog),
        highest_ceiling=_move(moves.highest_ceiling, catalog),
        tradeoffs=tradeoff_sentences(moves, catalog),
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


def build_assess(
    assessment: Assessment,
    catalog: Catalog,
    *,
    name: str | None,
    top: int | None = None,
    advice: Advice | None = None,
) -> AssessReport:
    """The report for ``assessment``; ``top`` keeps only the best N roles (and the prose follows)."""
    roles = assessment.roles if top is None else assessment.roles[:top]
    ratings = dict(assessment.ratings)
    target = _target(advice, catalog) if advice is not None else None
    charted = [target.id] if target is not None else [r.role_id for r in roles[:CHART_ROLES]]
    return AssessReport(
        profile=ProfileOut(name=name, ratings=ratings),
        roles=tuple(
            RoleOut(
                id=result.role_id,
                title=catalog.role(result.role_id).title,
                family=catalog.role(result.role_id).family,
                fit=result.fit,
                gaps=tuple(GapOut(skill=g.skill, have=g.have, need=g.need) for g in result.gaps),
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
        target=target,
        next_step=_next_step(advice, catalog) if advice is not None else None,
        moves=_moves(advice.moves, catalog) if advice is not None else None,
        catalog=catalog_out(catalog),
        summary=summary_sentences(roles, assessment.stages, catalog),
        chart=_chart(catalog, ratings, charted),
        ratings=tuple(
            RatingLine(
                skill=sid, title=catalog.skill(sid).title, level=level, label=catalog.scale.labels[level]
            )
            for sid, level in ratings.items()
        ),
    )
