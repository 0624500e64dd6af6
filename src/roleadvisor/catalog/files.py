"""The catalogue's file formats: pydantic models of the YAML files exactly as written.

Imported only when YAML has to be validated (a cold load, ``catalog validate``);
the cross-reference checks and the conversion to ``Catalog`` are in
``roleadvisor.catalog.validate``.
"""

from __future__ import annotations

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


class CriticalGapSpec(_Strict):
    min_weight: float = 3.0
    min_levels: int = Field(default=2, ge=1)
    penalty: float = Field(default=0.1, ge=0, le=1)


class BandSpec(_Strict):
    id: Id
    label: Text
    min_fit: float = Field(ge=0, le=1)
    max_critical_gaps: int | None = Field(default=None, ge=0)
    meaning: Text


def _default_bands() -> list[BandSpec]:
    from roleadvisor.catalog.models import DEFAULT_BANDS

    return [
        BandSpec(
            id=b.id,
            label=b.label,
            min_fit=b.min_fit,
            max_critical_gaps=b.max_critical_gaps,
            meaning=b.meaning,
        )
        for b in DEFAULT_BANDS
    ]


class AdviceSpec(_Strict):
    critical_gap: CriticalGapSpec = Field(default_factory=CriticalGapSpec)
    readiness: list[BandSpec] = Field(default_factory=_default_bands, min_length=1, max_length=10)


class LifecycleFile(_Strict):
    catalog_version: Text
    scale: ScaleSpec
    skills: list[SkillSpec] = Field(min_length=1)
    stages: list[StageSpec] = Field(default_factory=list)
    advice: AdviceSpec = Field(default_factory=AdviceSpec)


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


class ResourceSpec(_Strict):
    title: Text
    kind: str
    skills: list[str] = Field(min_length=1)
    levels: list[int] = Field(min_length=2, max_length=2)
    url: str | None = None
    note: Text | None = None


class ResourcesFile(_Strict):
    resources: list[ResourceSpec] = Field(default_factory=list)
