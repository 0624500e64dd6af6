"""The catalogue's file formats: pydantic models of the YAML files exactly as written.

Imported only for a file that ``roleadvisor.catalog.fastspec`` (the same format
read strictly, without pydantic) does not accept, so that its problems are
reported precisely; the cross-reference checks and the conversion to
``Catalog`` are in ``roleadvisor.catalog.validate``.
"""

from __future__ import annotations

from typing import Annotated, Any

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
    # checked field by field in roleadvisor.catalog.validate (three more pydantic models
    # would cost every cold load ~6 ms to define)
    advice: dict[str, Any] = Field(default_factory=dict)


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
    min_weight: float = 2.0


class RolesFile(_Strict):
    roles: list[RoleSpec] = Field(min_length=1)
    seniority: list[SenioritySpec] = Field(default_factory=list)


class ResourceSpec(_Strict):
    title: Text
    kind: str
    skills: list[str] = Field(min_length=1)
    levels: list[int] = Field(min_length=2, max_length=2)
    url: str | None = None
    note: Text | None = None
    language: str = "en"
    translation_of: Text | None = None


class ResourcesFile(_Strict):
    resources: list[ResourceSpec] = Field(default_factory=list)
