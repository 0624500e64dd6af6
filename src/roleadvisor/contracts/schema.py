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
    """One role's measures and the reason for its rank; ``gaps`` lists every shortfall, largest first.

    ``match`` (= fit x use, less a penalty per critical gap) orders the roles;
    ``fit`` is the weighted share of the role's requirements the person covers;
    ``use`` the share of the person's strength the role asks for; ``learning``
    the levels still to learn; ``band`` the readiness band (catalogue ids, e.g.
    ready, close, stretch, far); ``critical_gaps`` the shortfalls of two or more
    levels on a defining skill.
    """

    id: str
    title: str
    family: str
    match: float = Field(ge=0.0, le=1.0)
    fit: float = Field(ge=0.0, le=1.0)
    use: float = Field(ge=0.0, le=1.0)
    learning: int = Field(ge=0)
    band: str
    critical_gaps: list[GapOut]
    gaps: list[GapOut]
    reason: str


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


class LevelOut(_Out):
    """One level of a skill and what a person at that level can do."""

    level: int = Field(ge=0)
    descriptor: str


class PlanStepOut(_Out):
    """One step of a target plan: reach ``need`` in ``skill``; the fit once this step is done.

    ``levels`` lists every level the step passes through (``have + 1`` to ``need``).
    """

    skill: str
    have: int = Field(ge=0)
    need: int = Field(ge=0)
    fit_after: float = Field(ge=0.0, le=1.0)
    descriptor: str
    levels: list[LevelOut]
    resources: list[ResourceOut]


class TargetOut(_Out):
    """The role asked for with ``--target``: its fit and the steps to close every gap."""

    id: str
    title: str
    fit: float = Field(ge=0.0, le=1.0)
    band: str
    learning: int = Field(ge=0)
    rank: int = Field(ge=1)
    plan: list[PlanStepOut]


class NextStepOut(_Out):
    """The single +1 that raises the fit of ``roles[0]`` (the target, else the best match with a gap) most.

    ``roles`` are the roles whose fit it raises, ``gains`` by how much each;
    ``gain`` is ``gains[0]``; ``covered`` the better-ranked roles already fully met.
    """

    skill: str
    have: int
    to: int
    gain: float
    roles: list[str]
    gains: list[float]
    covered: list[str]
    descriptor: str
    resources: list[ResourceOut]


class MoveOut(_Out):
    """A role to move to: fit, likeness to the anchor role, levels still to learn."""

    id: str
    title: str
    fit: float = Field(ge=0.0, le=1.0)
    similarity: float
    learning: int = Field(ge=0)


class MovesOut(_Out):
    """The anchor role (the target, else the best match), its closest roles, the exploit/explore pair."""

    best: MoveOut
    adjacent: list[MoveOut]
    use_what_you_have: MoveOut
    highest_ceiling: MoveOut
    tradeoffs: list[str]


class ReadinessOut(_Out):
    """How ready the person is for ``role`` (the target, else the best match), in the catalogue's bands."""

    role: str
    band: str
    label: str
    meaning: str
    fit: float = Field(ge=0.0, le=1.0)
    learning: int = Field(ge=0)
    sentence: str


class StabilityOut(_Out):
    """How often ``role`` stays first (and in the top three) when each rating moves by up to one level."""

    role: str
    first_share: float = Field(ge=0.0, le=1.0)
    top3_share: float = Field(ge=0.0, le=1.0)
    profiles: int = Field(ge=0)
    exhaustive: bool
    runner_up: str | None
    sentence: str


class AssessReport(_Out):
    """The report of ``roleadvisor assess``: roles in ranking order (best match first)."""

    schema_version: int = SCHEMA_VERSION
    language: str = Field(
        default="en",
        description="the language of the sentences and titles: en, fa or ru; ids and keys stay English",
    )
    profile: ProfileOut
    roles: list[RoleOut]
    stages: list[StageOut]
    readiness: ReadinessOut | None = None
    stability: StabilityOut | None = None
    warnings: list[str] = []
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
