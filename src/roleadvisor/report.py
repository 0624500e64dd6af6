"""The versioned assessment report: the JSON contract programs rely on.

``build_report`` turns an engine ``Assessment`` into an ``AssessReport``; the
JSON Schema printed by ``roleadvisor schema`` is generated from these models.
Bump ``SCHEMA_VERSION`` on any change that is not a pure addition.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from roleadvisor.advice import Advice, Move
from roleadvisor.catalog.models import Catalog, Resource
from roleadvisor.engine import Assessment
from roleadvisor.summary import tradeoff_sentences

SCHEMA_VERSION = 1


class _Out(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class GapOut(_Out):
    """A skill where the person is below the role's requirement."""

    skill: str
    have: int = Field(ge=0)
    need: int = Field(ge=0)


class RoleOut(_Out):
    """One role's fit; ``gaps`` lists every shortfall, largest weighted gap first."""

    id: str
    title: str
    family: str
    fit: float = Field(ge=0.0, le=1.0)
    gaps: list[GapOut]


class StageOut(_Out):
    """How much of a production-cycle stage's skill mix the person covers."""

    id: str
    title: str
    fit: float = Field(ge=0.0, le=1.0)


class ProfileOut(_Out):
    """The ratings that were scored, every skill of the catalogue included."""

    name: str | None
    ratings: dict[str, int]


class CatalogOut(_Out):
    """Which catalogue produced the report."""

    version: str
    scale_version: int
    source: str


class ResourceOut(_Out):
    """A learning resource from the catalogue."""

    title: str
    kind: str
    url: str | None


class PlanStepOut(_Out):
    """One step of a target plan: reach ``need`` in ``skill``; the fit once this step is done."""

    skill: str
    have: int = Field(ge=0)
    need: int = Field(ge=0)
    fit_after: float = Field(ge=0.0, le=1.0)
    descriptor: str
    resources: list[ResourceOut]


class TargetOut(_Out):
    """The role asked for with ``--target``: its fit and the steps to close every gap."""

    id: str
    title: str
    fit: float = Field(ge=0.0, le=1.0)
    plan: list[PlanStepOut]


class NextStepOut(_Out):
    """The single +1 that raises the mean fit of the top ``roles`` the most, by ``gain``."""

    skill: str
    have: int
    to: int
    gain: float
    roles: list[str]
    descriptor: str
    resources: list[ResourceOut]


class MoveOut(_Out):
    """A role to move to: fit, likeness to the best role, learning needed (weighted gaps)."""

    id: str
    title: str
    fit: float = Field(ge=0.0, le=1.0)
    similarity: float
    learning: float


class MovesOut(_Out):
    """The best current role, the roles closest to it, and the exploit/explore pair."""

    best: MoveOut
    adjacent: list[MoveOut]
    use_what_you_have: MoveOut
    highest_ceiling: MoveOut
    tradeoffs: list[str]


class AssessReport(_Out):
    """The report of ``roleadvisor assess``: roles sorted by fit, best first."""

    schema_version: int = SCHEMA_VERSION
    profile: ProfileOut
    roles: list[RoleOut]
    stages: list[StageOut]
    target: TargetOut | None = None
    next_step: NextStepOut | None = None
    moves: MovesOut | None = None
    catalog: CatalogOut


def _resources(items: tuple[Resource, ...]) -> list[ResourceOut]:
    return [ResourceOut(title=r.title, kind=r.kind, url=r.url) for r in items]


def _move(move: Move, catalog: Catalog) -> MoveOut:
    return MoveOut(
        id=move.role_id,
        title=catalog.role(move.role_id).title,
        fit=move.fit,
        similarity=move.similarity,
        learning=move.learning,
    )


def _advice_parts(advice: Advice, catalog: Catalog) -> tuple[TargetOut | None, NextStepOut | None, MovesOut]:
    target = None
    if advice.plan is not None:
        plan = advice.plan
        target = TargetOut(
            id=plan.role_id,
            title=catalog.role(plan.role_id).title,
            fit=plan.fit,
            plan=[
                PlanStepOut(
                    skill=step.skill,
                    have=step.have,
                    need=step.need,
                    fit_after=step.fit_after,
                    descriptor=catalog.skill(step.skill).descriptor(step.need),
                    resources=_resources(advice.resources.get(step.skill, ())),
                )
                for step in plan.steps
            ],
        )
    next_step = None
    if advice.next_step is not None:
        ns = advice.next_step
        next_step = NextStepOut(
            skill=ns.skill,
            have=ns.have,
            to=ns.to,
            gain=ns.gain,
            roles=list(ns.roles),
            descriptor=catalog.skill(ns.skill).descriptor(ns.to),
            resources=_resources(advice.next_resources),
        )
    mv = advice.moves
    moves = MovesOut(
        best=_move(mv.best, catalog),
        adjacent=[_move(x, catalog) for x in mv.adjacent],
        use_what_you_have=_move(mv.use_what_you_have, catalog),
        highest_ceiling=_move(mv.highest_ceiling, catalog),
        tradeoffs=tradeoff_sentences(mv, catalog),
    )
    return target, next_step, moves


def build_report(
    assessment: Assessment,
    catalog: Catalog,
    *,
    name: str | None,
    top: int | None = None,
    advice: Advice | None = None,
) -> AssessReport:
    """The report for ``assessment``; ``top`` keeps only the best N roles."""
    roles = assessment.roles if top is None else assessment.roles[:top]
    target, next_step, moves = _advice_parts(advice, catalog) if advice is not None else (None, None, None)
    return AssessReport(
        profile=ProfileOut(name=name, ratings=dict(assessment.ratings)),
        roles=[
            RoleOut(
                id=result.role_id,
                title=catalog.role(result.role_id).title,
                family=catalog.role(result.role_id).family,
                fit=result.fit,
                gaps=[GapOut(skill=g.skill, have=g.have, need=g.need) for g in result.gaps],
            )
            for result in roles
        ],
        stages=[
            StageOut(id=s.stage_id, title=catalog.stage(s.stage_id).title, fit=s.fit)
            for s in assessment.stages
        ],
        target=target,
        next_step=next_step,
        moves=moves,
        catalog=CatalogOut(
            version=catalog.version, scale_version=catalog.scale.version, source=catalog.source
        ),
    )


def report_json_schema() -> dict[str, object]:
    """The JSON Schema of ``AssessReport``."""
    schema = AssessReport.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://roleadvisor.invalid/schema/assess-report-v{SCHEMA_VERSION}.json"
    return schema
