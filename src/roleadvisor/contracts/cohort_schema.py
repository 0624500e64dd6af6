"""The JSON Schema of the cohort report, from pydantic mirrors of its JSON fields.

Only ``roleadvisor schema cohort`` and the tests import this (the report itself is
written without pydantic). A test checks that these models reproduce
``CohortReport.to_json()`` exactly, so the schema cannot drift from what is written.
Fits, shares and gains are fractions of 1 (a gain summed over people may pass 1).
"""

from __future__ import annotations

from pydantic import Field

from roleadvisor.contracts.cohort import SCHEMA_VERSION
from roleadvisor.contracts.schema import CatalogOut, GapOut, _Out


class InputOut(_Out):
    """Where the people came from: the input's name, its records, the people read, the records skipped."""

    name: str
    records: int = Field(ge=0)
    people: int = Field(ge=0)
    skipped: int = Field(ge=0)


class SkippedOut(_Out):
    """A record that could not be read: its line, its id if it had one, and why."""

    line: int = Field(ge=0)
    id: str | None
    error: str


class Ref(_Out):
    """An id with its title."""

    id: str
    title: str


class ScaleOut(_Out):
    """The rating scale: its top, its labels, and the level from which a skill counts as held high."""

    max: int = Field(ge=1)
    labels: list[str]
    high: int = Field(ge=1)


class BestOut(_Out):
    """A person's best role (first by the ranking of ``assess``), with its fit, match and readiness band."""

    role: str
    fit: float = Field(ge=0.0, le=1.0)
    match: float = Field(ge=0.0, le=1.0)
    band: str


class TargetFitOut(_Out):
    """A person against the ``--target`` role: fit, match, band, levels to learn, critical gaps."""

    fit: float = Field(ge=0.0, le=1.0)
    match: float = Field(ge=0.0, le=1.0)
    band: str
    learning: int = Field(ge=0)
    critical_gaps: list[GapOut]


class PersonOut(_Out):
    """One person: id, input line, ratings, best role, and (with ``--target``) their fit to the target."""

    id: str
    line: int = Field(ge=0)
    ratings: dict[str, int]
    best: BestOut
    target: TargetFitOut | None


class RoleCountOut(_Out):
    """A role that is someone's best role: how many people, by readiness band, and who (best fit first)."""

    id: str
    title: str
    people: int = Field(ge=1)
    bands: dict[str, int]
    names: list[str]


class BandCountOut(_Out):
    """How many people's best role falls in a readiness band."""

    id: str
    label: str
    people: int = Field(ge=0)


class SkillLevelsOut(_Out):
    """A skill across the cohort: people at each level (0 first), people at a high level, mean level."""

    skill: str
    title: str
    counts: list[int]
    high: int = Field(ge=0)
    mean: float = Field(ge=0.0)


class StageOut(_Out):
    """A stage's needs (per skill of its mix, the lowest level its owner roles ask for) and who meets them.

    ``owners`` are the roles the needs are read from; ``share`` is ``meet`` over the people in the cohort;
    ``mean_fit`` the cohort's mean stage fit (as in the assess report).
    """

    id: str
    title: str
    owners: list[str]
    needs: dict[str, int]
    meet: int = Field(ge=0)
    share: float = Field(ge=0.0, le=1.0)
    people: list[str]
    mean_fit: float = Field(ge=0.0, le=1.0)


class SinglePointOut(_Out):
    """A skill only one person holds at a high level (``scale.high`` or above), and who."""

    skill: str
    title: str
    person: str
    level: int = Field(ge=1)


class GainOut(_Out):
    """One learner of teach-next: their id, level now, the level after, the role, and the fit gained."""

    id: str
    role: str
    have: int = Field(ge=0)
    to: int = Field(ge=1)
    gain: float = Field(gt=0.0, le=1.0)


class TeachOptionOut(_Out):
    """One more level in ``skill`` for its learners (the people below their focus role's need in it):
    how many learn, how many gain, the fit gained summed over them, and that sum over the cohort's size."""

    skill: str
    title: str
    learners: int = Field(ge=0)
    gainers: int = Field(ge=0)
    gain_total: float = Field(ge=0.0)
    gain_mean: float = Field(ge=0.0, le=1.0)


class TeachNextOut(_Out):
    """The skill to teach next; ``role`` is the target's id, or ``None`` for each person's best role."""

    skill: str
    title: str
    role: str | None
    learners: int = Field(ge=1)
    gainers: int = Field(ge=1)
    gain_total: float = Field(gt=0.0)
    gain_mean: float = Field(gt=0.0, le=1.0)
    gains: list[GainOut]


class ClosestOut(_Out):
    """A person against the target role, ranked as ``rank --role`` ranks candidates: ``rank`` is shared by
    people equal on every ranking measure (``tied``), who keep their input order."""

    rank: int = Field(ge=1)
    tied: bool
    id: str
    line: int = Field(ge=0)
    fit: float = Field(ge=0.0, le=1.0)
    match: float = Field(ge=0.0, le=1.0)
    band: str
    learning: int = Field(ge=0)
    critical_gaps: list[GapOut]


class CohortReport(_Out):
    """The report of ``roleadvisor cohort``; every number comes from self-rated levels."""

    schema_version: int = SCHEMA_VERSION
    language: str = Field(
        default="en",
        description="the language of the titles and labels: en, fa or ru; ids and keys stay English",
    )
    input: InputOut
    skipped: list[SkippedOut]
    target: Ref | None
    scale: ScaleOut
    skills: list[Ref]
    people: list[PersonOut]
    roles: list[RoleCountOut]
    bands: list[BandCountOut]
    skill_levels: list[SkillLevelsOut]
    stages: list[StageOut]
    single_points: list[SinglePointOut]
    uncovered: list[str]
    teach_next: TeachNextOut | None
    teach_options: list[TeachOptionOut]
    closest: list[ClosestOut]
    catalog: CatalogOut


def cohort_json_schema() -> dict[str, object]:
    """The JSON Schema of the cohort report."""
    schema = CohortReport.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://roleadvisor.invalid/schema/cohort-report-v{SCHEMA_VERSION}.json"
    return schema
