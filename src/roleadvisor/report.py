"""The versioned assessment report: the JSON contract programs rely on.

``build_report`` turns an engine ``Assessment`` into an ``AssessReport``; the
JSON Schema printed by ``roleadvisor schema`` is generated from these models.
Bump ``SCHEMA_VERSION`` on any change that is not a pure addition.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from roleadvisor.catalog.models import Catalog
from roleadvisor.engine import Assessment

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


class AssessReport(_Out):
    """The report of ``roleadvisor assess``: roles sorted by fit, best first."""

    schema_version: int = SCHEMA_VERSION
    profile: ProfileOut
    roles: list[RoleOut]
    stages: list[StageOut]
    catalog: CatalogOut


def build_report(
    assessment: Assessment, catalog: Catalog, *, name: str | None, top: int | None = None
) -> AssessReport:
    """The report for ``assessment``; ``top`` keeps only the best N roles."""
    roles = assessment.roles if top is None else assessment.roles[:top]
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
