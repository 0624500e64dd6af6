"""What the browsing commands show: ``roles``, ``role``, ``lifecycle`` and ``skills``.

Each ``*_view`` function turns the catalogue into a contract; the table renderers
and ``--format json`` both start from it, so the two never disagree. No I/O here.
"""

from __future__ import annotations

from roleadvisor.catalog.models import Catalog, Role
from roleadvisor.contracts import Contract, shown
from roleadvisor.contracts.common import CatalogOut, Ref, catalog_out
from roleadvisor.records import record

CLOSEST_SHOWN = 3
TOP_SKILLS = 3


@record(frozen=False, eq=False, kw_only=True)
class SkillNeed:
    """A skill a role requires: level and importance (weight)."""

    skill: str
    level: int
    weight: float
    title: str = shown("")


@record(frozen=False, eq=False, kw_only=True)
class RoleRow:
    """One line of ``roleadvisor roles``."""

    id: str
    title: str
    family: str
    stages: list[str]
    top_skills: list[SkillNeed]
    stage_titles: list[str] = shown()


@record(frozen=False, eq=False, kw_only=True)
class RolesView(Contract):
    """``roleadvisor roles --format json``."""

    kind = "roles"

    roles: list[RoleRow]
    catalog: CatalogOut


@record(frozen=False, eq=False, kw_only=True)
class Requirement:
    """A role's requirement in one skill, with what that level means."""

    skill: str
    title: str
    level: int
    label: str
    weight: float
    importance: float
    descriptor: str


@record(frozen=False, eq=False, kw_only=True)
class Difference:
    """A skill where a nearby role needs a different level."""

    skill: str
    this_role: int
    other_role: int
    title: str = shown("")


@record(frozen=False, eq=False, kw_only=True)
class Neighbour:
    """A role with a similar requirement profile."""

    id: str
    title: str
    similarity: float
    differences: list[Difference]


@record(frozen=False, eq=False, kw_only=True)
class RoleView(Contract):
    """``roleadvisor role QUERY --format json``: one role in full."""

    kind = "role"

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
    scale_max: int = shown(0)
    also_called: list[str] = shown()


@record(frozen=False, eq=False, kw_only=True)
class MixShare:
    """A skill's share of a stage's skill mix (shares add up to 1)."""

    skill: str
    title: str
    share: float


@record(frozen=False, eq=False, kw_only=True)
class StageView:
    """One stage of the production cycle."""

    position: int
    id: str
    title: str
    description: str
    skill_mix: list[MixShare]
    owners: list[Ref]


@record(frozen=False, eq=False, kw_only=True)
class LifecycleView(Contract):
    """``roleadvisor lifecycle --format json``: the stages in cycle order."""

    kind = "lifecycle"

    stages: list[StageView]
    catalog: CatalogOut


@record(frozen=False, eq=False, kw_only=True)
class Level:
    """One level of the scale in one skill area."""

    level: int
    label: str
    descriptor: str


@record(frozen=False, eq=False, kw_only=True)
class SkillView:
    """A skill area with every level described."""

    id: str
    title: str
    description: str
    levels: list[Level]
    keywords: list[str]


@record(frozen=False, eq=False, kw_only=True)
class ScaleOut:
    """The rating scale."""

    max: int
    labels: list[str]


@record(frozen=False, eq=False, kw_only=True)
class SkillsView(Contract):
    """``roleadvisor skills --format json``."""

    kind = "skills"

    scale: ScaleOut
    skills: list[SkillView]
    catalog: CatalogOut


# The letters each language other than English is written in, to tell its names from the English ones.
SCRIPTS = {
    "ru": (("\u0400", "\u04ff"),),  # Cyrillic
    "fa": (("\u0600", "\u06ff"), ("\ufb50", "\ufdff"), ("\ufe70", "\ufeff")),  # Arabic script
}


def written_in(name: str, language: str) -> bool:
    """Whether ``name`` has a letter of ``language``'s script (``"ML-инженер"`` is Russian)."""
    ranges = SCRIPTS.get(language, ())
    return any(low <= char <= high for char in name for low, high in ranges)


def also_called(role: Role, language: str) -> list[str]:
    """The role's other names for people reading ``language``: its names in that language
    (from the catalogue's overlay) first, then the English aliases; the shown title left out."""
    seen = {role.title.casefold()}
    native = []
    for name in role.translated_names:
        if written_in(name, language) and name.casefold() not in seen:  # not "дата-инженер" again
            seen.add(name.casefold())
            native.append(name)
    return native + [alias for alias in role.aliases if alias not in native and alias != role.title]


def top_skills(role: Role, count: int = TOP_SKILLS, catalog: Catalog | None = None) -> list[SkillNeed]:
    """The skills that matter most to ``role``: highest weight, then highest level, then file order."""
    ranked = sorted(
        enumerate(role.requirements),
        key=lambda item: (-item[1][1].weight, -item[1][1].level, item[0]),
    )
    return [
        SkillNeed(
            skill=sid,
            level=req.level,
            weight=req.weight,
            title=catalog.skill(sid).title if catalog is not None else sid,
        )
        for _, (sid, req) in ranked[:count]
    ]


def roles_view(catalog: Catalog, family: str | None = None) -> RolesView:
    """Every role (of ``family`` if given), in catalogue order."""
    return RolesView(
        roles=[
            RoleRow(
                id=role.id,
                title=role.title,
                family=role.family,
                stages=list(role.stages),
                top_skills=top_skills(role, catalog=catalog),
                stage_titles=[catalog.stage(s).title for s in role.stages],
            )
            for role in catalog.roles
            if family is None or role.family == family
        ],
        catalog=catalog_out(catalog),
    )


def role_view(catalog: Catalog, role: Role, closest: int = CLOSEST_SHOWN, language: str = "en") -> RoleView:
    """One role in full, with the roles nearest to it by requirement profile; ``language`` is the
    one the catalogue's text is in (its names for the role are listed first)."""
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
    from roleadvisor.engine import Model, similar_roles

    neighbours = similar_roles(Model.from_catalog(catalog), role.id)[:closest]
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
                    Difference(
                        skill=skill, this_role=mine, other_role=theirs, title=catalog.skill(skill).title
                    )
                    for skill, mine, theirs in n.differences
                ],
            )
            for n in neighbours
        ],
        catalog=catalog_out(catalog),
        scale_max=catalog.scale.max,
        also_called=also_called(role, language),
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
