"""What the browsing commands, ``decode`` and ``compare`` report, as versioned JSON shapes.

Each ``*_view`` function turns the catalogue (and, for ``decode``, a
``Decoded``) into a pydantic model; the table renderers and ``--format json``
both start from these models, so the two never disagree. No I/O here.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from roleadvisor.catalog.models import Catalog, Role
from roleadvisor.compare import Comparison
from roleadvisor.decode import Decoded
from roleadvisor.engine import Matrices, similar_roles
from roleadvisor.report import CatalogOut, ProfileOut

CLOSEST_SHOWN = 3
TOP_SKILLS = 3


class _Out(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


def catalog_out(catalog: Catalog) -> CatalogOut:
    """Which catalogue a view came from."""
    return CatalogOut(version=catalog.version, scale_version=catalog.scale.version, source=catalog.source)


class SkillNeed(_Out):
    """A skill a role requires: level and importance (weight)."""

    skill: str
    level: int
    weight: float


class RoleRow(_Out):
    """One line of ``roleadvisor roles``."""

    id: str
    title: str
    family: str
    stages: list[str]
    top_skills: list[SkillNeed]


class RolesView(_Out):
    """``roleadvisor roles --format json``."""

    roles: list[RoleRow]
    catalog: CatalogOut


class Requirement(_Out):
    """A role's requirement in one skill, with what that level means."""

    skill: str
    title: str
    level: int
    label: str
    weight: float
    importance: float = Field(description="this skill's share of the role's total weight")
    descriptor: str


class Ref(_Out):
    """An id with its title."""

    id: str
    title: str


class Difference(_Out):
    """A skill where a nearby role needs a different level."""

    skill: str
    this_role: int
    other_role: int


class Neighbour(_Out):
    """A role with a similar requirement profile."""

    id: str
    title: str
    similarity: float = Field(ge=0.0, le=1.0)
    differences: list[Difference]


class RoleView(_Out):
    """``roleadvisor role QUERY --format json``: one role in full."""

    id: str
    title: str
    family: str
    description: str
    aliases: list[str]
    stages: list[Ref]
    requirements: list[Requirement]
    keywords: list[str]
    closest: list[Neighbour]
    catalog: CatalogOut


class MixShare(_Out):
    """A skill's share of a stage's skill mix (shares add up to 1)."""

    skill: str
    title: str
    share: float


class StageView(_Out):
    """One stage of the production cycle."""

    position: int
    id: str
    title: str
    description: str
    skill_mix: list[MixShare]
    owners: list[Ref]


class LifecycleView(_Out):
    """``roleadvisor lifecycle --format json``: the stages in cycle order."""

    stages: list[StageView]
    catalog: CatalogOut


class Level(_Out):
    """One level of the scale in one skill area."""

    level: int
    label: str
    descriptor: str


class SkillView(_Out):
    """A skill area with every level described."""

    id: str
    title: str
    description: str
    levels: list[Level]
    keywords: list[str]


class ScaleOut(_Out):
    """The rating scale."""

    max: int
    labels: list[str]


class SkillsView(_Out):
    """``roleadvisor skills --format json``."""

    scale: ScaleOut
    skills: list[SkillView]
    catalog: CatalogOut


class DecodedRole(_Out):
    """A role the text probably describes: share of the evidence, and the words behind it."""

    id: str
    title: str
    score: float = Field(ge=0.0, le=1.0)
    evidence: list[str]


class AskedSkill(_Out):
    """The level the text asks for in one skill, and why."""

    skill: str
    level: int
    label: str
    reasons: list[str]
    keywords: list[str]


class Seniority(_Out):
    """Seniority words found in the title line and the level shift they imply."""

    shift: int
    words: list[str]


class DecodeView(_Out):
    """``roleadvisor decode --format json``.

    ``profile`` has the shape of a profile file, so it can be fed to
    ``assess --profile``.
    """

    title: str
    roles: list[DecodedRole]
    profile: ProfileOut
    skills: list[AskedSkill]
    seniority: Seniority
    catalog: CatalogOut


def top_skills(role: Role, count: int = TOP_SKILLS) -> list[SkillNeed]:
    """The skills that matter most to ``role``: highest weight, then highest level, then file order."""
    ranked = sorted(
        enumerate(role.requirements),
        key=lambda item: (-item[1][1].weight, -item[1][1].level, item[0]),
    )
    return [SkillNeed(skill=sid, level=req.level, weight=req.weight) for _, (sid, req) in ranked[:count]]


def roles_view(catalog: Catalog, family: str | None = None) -> RolesView:
    """Every role (of ``family`` if given), in catalogue order."""
    return RolesView(
        roles=[
            RoleRow(
                id=role.id,
                title=role.title,
                family=role.family,
                stages=list(role.stages),
                top_skills=top_skills(role),
            )
            for role in catalog.roles
            if family is None or role.family == family
        ],
        catalog=catalog_out(catalog),
    )


def role_view(catalog: Catalog, role: Role, closest: int = CLOSEST_SHOWN) -> RoleView:
    """One role in full, with the roles nearest to it by requirement profile."""
    total = sum(req.weight for _, req in role.requirements)
    requirements = [
        Requirement(
            skill=sid,
            title=catalog.skill(sid).title,
            level=req.level,
            label=catalog.scale.labels[req.level],
            weight=req.weight,
            importance=round(req.weight / total, 4) if total > 0 else 0.0,
            descriptor=catalog.skill(sid).descriptor(req.level),
        )
        for sid, req in role.requirements
    ]
    neighbours = similar_roles(Matrices.from_catalog(catalog), role.id)[:closest]
    return RoleView(
        id=role.id,
        title=role.title,
        family=role.family,
        description=role.description,
        aliases=list(role.aliases),
        stages=[Ref(id=s, title=catalog.stage(s).title) for s in role.stages],
        requirements=requirements,
        keywords=list(role.keywords),
        closest=[
            Neighbour(
                id=n.role_id,
                title=catalog.role(n.role_id).title,
                similarity=n.similarity,
                differences=[
                    Difference(skill=skill, this_role=mine, other_role=theirs)
                    for skill, mine, theirs in n.differences
                ],
            )
            for n in neighbours
        ],
        catalog=catalog_out(catalog),
    )


def lifecycle_view(catalog: Catalog) -> LifecycleView:
    """The stages in the order the catalogue lists them (the cycle's order)."""
    stages = []
    for position, stage in enumerate(catalog.stages, start=1):
        total = sum(share for _, share in stage.skill_mix)
        mix = sorted(stage.skill_mix, key=lambda item: -item[1])
        stages.append(
            StageView(
                position=position,
                id=stage.id,
                title=stage.title,
                description=stage.description,
                skill_mix=[
                    MixShare(skill=sid, title=catalog.skill(sid).title, share=round(share / total, 4))
                    for sid, share in mix
                ],
                owners=[Ref(id=r, title=catalog.role(r).title) for r in stage.owners],
            )
        )
    return LifecycleView(stages=stages, catalog=catalog_out(catalog))


def skill_view(catalog: Catalog, skill_id: str) -> SkillView:
    """One skill area with all its level descriptors."""
    skill = catalog.skill(skill_id)
    return SkillView(
        id=skill.id,
        title=skill.title,
        description=skill.description,
        levels=[
            Level(level=lvl, label=catalog.scale.labels[lvl], descriptor=skill.descriptor(lvl))
            for lvl in catalog.scale.levels
        ],
        keywords=list(skill.keywords),
    )


def skills_view(catalog: Catalog, only: str | None = None) -> SkillsView:
    """Every skill area (or just ``only``) with the scale."""
    ids = catalog.skill_ids if only is None else (only,)
    return SkillsView(
        scale=ScaleOut(max=catalog.scale.max, labels=list(catalog.scale.labels)),
        skills=[skill_view(catalog, sid) for sid in ids],
        catalog=catalog_out(catalog),
    )


def decode_view(decoded: Decoded, catalog: Catalog) -> DecodeView:
    """The decode result with titles and labels filled in from the catalogue."""
    return DecodeView(
        title=decoded.title,
        roles=[
            DecodedRole(
                id=m.role_id, title=catalog.role(m.role_id).title, score=m.score, evidence=list(m.evidence)
            )
            for m in decoded.roles
        ],
        profile=ProfileOut(
            name=f"decoded: {decoded.title[:80]}" if decoded.title else None, ratings=decoded.ratings
        ),
        skills=[
            AskedSkill(
                skill=ask.skill,
                level=ask.level,
                label=catalog.scale.labels[ask.level],
                reasons=list(ask.reasons),
                keywords=list(ask.keywords),
            )
            for ask in decoded.skills
        ],
        seniority=Seniority(shift=decoded.seniority_shift, words=list(decoded.seniority_words)),
        catalog=catalog_out(catalog),
    )


class SideOut(_Out):
    """One side of the comparison."""

    file: str
    name: str | None
    catalog_version: str | None


class RatingOut(_Out):
    """A skill's rating before and after."""

    skill: str
    old: int
    new: int
    change: int


class RoleChangeOut(_Out):
    """A role's fit and rank before and after (rank 1 = best fit)."""

    id: str
    title: str
    old_fit: float
    new_fit: float
    change: float
    old_rank: int
    new_rank: int


class GapChangeOut(_Out):
    """A gap closed (or opened) between the two profiles."""

    role: str
    skill: str
    old: int
    need: int


class CompareReport(_Out):
    """``roleadvisor compare --format json``."""

    old: SideOut
    new: SideOut
    ratings: list[RatingOut]
    roles: list[RoleChangeOut]
    gaps_closed: list[GapChangeOut]
    gaps_opened: list[GapChangeOut]
    catalog: CatalogOut


def compare_view(comparison: Comparison, catalog: Catalog, old: SideOut, new: SideOut) -> CompareReport:
    """The JSON shape of a comparison."""
    return CompareReport(
        old=old,
        new=new,
        ratings=[
            RatingOut(skill=r.skill, old=r.old, new=r.new, change=r.new - r.old) for r in comparison.ratings
        ],
        roles=[
            RoleChangeOut(
                id=r.role_id,
                title=catalog.role(r.role_id).title,
                old_fit=r.old_fit,
                new_fit=r.new_fit,
                change=r.change,
                old_rank=r.old_rank,
                new_rank=r.new_rank,
            )
            for r in comparison.roles
        ],
        gaps_closed=[
            GapChangeOut(role=g.role_id, skill=g.skill, old=g.old, need=g.need) for g in comparison.closed
        ],
        gaps_opened=[
            GapChangeOut(role=g.role_id, skill=g.skill, old=g.old, need=g.need) for g in comparison.opened
        ],
        catalog=catalog_out(catalog),
    )
