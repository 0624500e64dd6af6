"""The JSON Schema of the assess report, from pydantic mirrors of its JSON fields.

Only ``roleadvisor schema`` and the tests import this (pydantic costs ~50 ms to
import; the report itself is built and written without it). A test checks that
these models reproduce ``AssessReport.to_json()`` exactly for many profiles, so
the schema cannot drift from what is written.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from roleadvisor.contracts.assess import SCHEMA_VERSION


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


def report_json_schema() -> dict[str, object]:
    """The JSON Schema of the assess report."""
    schema = AssessReport.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://roleadvisor.invalid/schema/assess-report-v{SCHEMA_VERSION}.json"
    return schema
