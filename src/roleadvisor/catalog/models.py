"""The catalogue's file formats (pydantic) and the validated, frozen ``Catalog``.

The pydantic models describe ``lifecycle.yaml`` and ``roles.yaml`` exactly as
written; ``Catalog`` is what the rest of roleadvisor uses once every cross
reference has been checked by ``roleadvisor.catalog.loader``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=64),
]
Text = Annotated[str, StringConstraints(min_length=1, max_length=2000, strip_whitespace=True)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class ScaleSpec(_Strict):
    version: int = Field(ge=1)
    max: int = Field(ge=1, le=10)
    labels: list[Text]


Keyword = Annotated[str, StringConstraints(min_length=1, max_length=100, strip_whitespace=True)]


class SkillSpec(_Strict):
    id: Id
    title: Text
    description: Text
    levels: list[Text]
    keywords: list[Keyword] = Field(default_factory=list)


class StageSpec(_Strict):
    id: Id
    title: Text
    description: Text
    skill_mix: dict[str, float]
    owners: list[str] = Field(default_factory=list)


class LifecycleFile(_Strict):
    catalog_version: Text
    scale: ScaleSpec
    skills: list[SkillSpec] = Field(min_length=1)
    stages: list[StageSpec] = Field(default_factory=list)


class RequirementSpec(_Strict):
    level: int
    weight: float


class RoleSpec(_Strict):
    id: Id
    title: Text
    family: Id
    aliases: list[Text] = Field(default_factory=list)
    description: Text
    stages: list[str] = Field(default_factory=list)
    skills: dict[str, RequirementSpec]
    keywords: list[Keyword] = Field(default_factory=list)


class SenioritySpec(_Strict):
    shift: int
    words: list[Keyword] = Field(min_length=1)


class RolesFile(_Strict):
    roles: list[RoleSpec] = Field(min_length=1)
    seniority: list[SenioritySpec] = Field(default_factory=list)


RESOURCE_KINDS = ("book", "course", "video", "community", "practice", "article")


class ResourceSpec(_Strict):
    title: Text
    kind: str
    skills: list[str] = Field(min_length=1)
    levels: list[int] = Field(min_length=2, max_length=2)
    url: str | None = None
    note: Text | None = None


class ResourcesFile(_Strict):
    resources: list[ResourceSpec] = Field(default_factory=list)


@dataclass(frozen=True)
class Resource:
    """A learning resource for some skill areas, suited to levels ``low``..``high``."""

    title: str
    kind: str
    skills: tuple[str, ...]
    low: int
    high: int
    url: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Skill:
    """A skill area with one behavioural descriptor per scale level."""

    id: str
    title: str
    description: str
    levels: tuple[str, ...]
    keywords: tuple[str, ...] = ()

    def descriptor(self, level: int) -> str:
        """What a person at ``level`` can do in this skill."""
        return self.levels[level]


@dataclass(frozen=True)
class Stage:
    """A stage of the ML production cycle and the skill mix it needs."""

    id: str
    title: str
    description: str
    skill_mix: tuple[tuple[str, float], ...]
    owners: tuple[str, ...]


@dataclass(frozen=True)
class Requirement:
    """The level a role needs in one skill and how much that skill matters."""

    level: int
    weight: float


@dataclass(frozen=True)
class Role:
    """A role: what it is, where it works in the cycle and what it requires."""

    id: str
    title: str
    family: str
    aliases: tuple[str, ...]
    description: str
    stages: tuple[str, ...]
    requirements: tuple[tuple[str, Requirement], ...]
    keywords: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """Every name the role goes by: id, title and aliases."""
        return (self.id, self.title, *self.aliases)

    def requirement(self, skill_id: str) -> Requirement:
        """The requirement for ``skill_id`` (every role lists every skill)."""
        return dict(self.requirements)[skill_id]


@dataclass(frozen=True)
class Scale:
    """The rating scale: levels 0..max, each with a label."""

    version: int
    max: int
    labels: tuple[str, ...]

    @property
    def levels(self) -> range:
        """Every valid level, lowest first."""
        return range(self.max + 1)


@dataclass(frozen=True)
class Seniority:
    """Words that mark a seniority (``"staff"``) and how far they shift required levels."""

    shift: int
    words: tuple[str, ...]


@dataclass(frozen=True)
class Catalog:
    """A validated catalogue: skills, scale, stages and roles, in file order."""

    version: str
    scale: Scale
    skills: tuple[Skill, ...]
    stages: tuple[Stage, ...]
    roles: tuple[Role, ...]
    seniority: tuple[Seniority, ...] = ()
    resources: tuple[Resource, ...] = ()
    source: str = "built-in"
    _skill_index: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._skill_index.update({skill.id: i for i, skill in enumerate(self.skills)})

    @property
    def skill_ids(self) -> tuple[str, ...]:
        """Skill ids in catalogue order."""
        return tuple(skill.id for skill in self.skills)

    @property
    def role_ids(self) -> tuple[str, ...]:
        """Role ids in catalogue order."""
        return tuple(role.id for role in self.roles)

    def skill(self, skill_id: str) -> Skill:
        """The skill with this exact id."""
        return self.skills[self._skill_index[skill_id]]

    def role(self, role_id: str) -> Role:
        """The role with this exact id."""
        for role in self.roles:
            if role.id == role_id:
                return role
        raise KeyError(role_id)

    def stage(self, stage_id: str) -> Stage:
        """The stage with this exact id."""
        for stage in self.stages:
            if stage.id == stage_id:
                return stage
        raise KeyError(stage_id)
