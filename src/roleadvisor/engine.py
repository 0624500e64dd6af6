"""The scoring engine: pure functions over NumPy arrays, no I/O, no printing.

Fit of a person to a role, for required levels ``need``, importance weights
``w`` and the person's ratings ``have`` (one entry per skill)::

    fit = sum(w * min(have, need)) / sum(w * need)

A rating above the requirement earns nothing extra; a rating below it costs
``w * (need - have)``. A role that requires nothing has fit 1.0. Fits are
rounded to ``FIT_DECIMALS`` places, so every command and the Python API
report the very same numbers. A stage's fit is the share of its skill mix the
person covers, counting each skill as ``have / scale.max``.

The same vectorised functions score one profile (``assess``) or a chunk of a
million (``score_matrix``): there is only one engine.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from roleadvisor.catalog.models import Catalog

FIT_DECIMALS = 4

FloatArray = NDArray[np.float64]


@dataclass(frozen=True)
class Matrices:
    """A catalogue compiled into arrays: rows are roles (or stages), columns skills."""

    skill_ids: tuple[str, ...]
    role_ids: tuple[str, ...]
    stage_ids: tuple[str, ...]
    need: FloatArray  # (roles, skills) required level
    weight: FloatArray  # (roles, skills) importance
    denominator: FloatArray  # (roles,) sum(weight * need); 0 means nothing required
    mix: FloatArray  # (stages, skills) skill mix normalised to sum to 1
    max_level: int
    id_order: NDArray[np.intp]  # role indices sorted by role id, for tie-breaking

    @classmethod
    def from_catalog(cls, catalog: Catalog) -> Matrices:
        """Compile ``catalog``; skills and roles keep catalogue order."""
        skills = catalog.skill_ids
        col = {skill_id: j for j, skill_id in enumerate(skills)}
        need = np.zeros((len(catalog.roles), len(skills)))
        weight = np.zeros_like(need)
        for i, role in enumerate(catalog.roles):
            for skill_id, req in role.requirements:
                need[i, col[skill_id]] = req.level
                weight[i, col[skill_id]] = req.weight
        mix = np.zeros((len(catalog.stages), len(skills)))
        for t, stage in enumerate(catalog.stages):
            for skill_id, share in stage.skill_mix:
                mix[t, col[skill_id]] = share
            total = mix[t].sum()
            if total > 0:
                mix[t] /= total
        role_ids = catalog.role_ids
        return cls(
            skill_ids=skills,
            role_ids=role_ids,
            stage_ids=tuple(stage.id for stage in catalog.stages),
            need=need,
            weight=weight,
            denominator=(weight * need).sum(axis=1),
            mix=mix,
            max_level=catalog.scale.max,
            id_order=np.array(sorted(range(len(role_ids)), key=role_ids.__getitem__), dtype=np.intp),
        )


def score_matrix(m: Matrices, ratings: NDArray[np.generic]) -> FloatArray:
    """Fits for many profiles: ``ratings`` is (profiles, skills), the result (profiles, roles).

    The sum runs skill by skill over whole columns, so a profile's fits do not
    depend on how many other profiles are scored with it.
    """
    have = np.asarray(ratings, dtype=np.float64)
    if have.ndim != 2 or have.shape[1] != len(m.skill_ids):
        raise ValueError(f"ratings must have shape (n, {len(m.skill_ids)}), got {have.shape}")
    covered = np.zeros((have.shape[0], len(m.role_ids)))
    for j in range(len(m.skill_ids)):
        covered += m.weight[:, j] * np.minimum(have[:, j, None], m.need[:, j])
    safe = np.where(m.denominator > 0, m.denominator, 1.0)
    fits = np.where(m.denominator > 0, covered / safe, 1.0)
    return _rounded(fits)


def stage_matrix(m: Matrices, ratings: NDArray[np.generic]) -> FloatArray:
    """Stage fits for many profiles: (profiles, skills) -> (profiles, stages)."""
    have = np.clip(np.asarray(ratings, dtype=np.float64), 0, m.max_level) / m.max_level
    return _rounded(have @ m.mix.T)


def _rounded(values: NDArray[np.float64]) -> FloatArray:
    out: FloatArray = np.round(np.clip(values, 0.0, 1.0), FIT_DECIMALS).astype(np.float64)
    return out


def rank_roles(m: Matrices, fits: FloatArray) -> NDArray[np.intp]:
    """Role indices per profile, best fit first, ties broken by role id: (profiles, roles)."""
    by_id = fits[:, m.id_order]
    order = np.argsort(-by_id, axis=1, kind="stable")
    return m.id_order[order]


@dataclass(frozen=True)
class Gap:
    """One skill where the person is below a role's requirement."""

    skill: str
    have: int
    need: int
    weight: float

    @property
    def weighted(self) -> float:
        """The shortfall times the skill's importance to the role."""
        return self.weight * (self.need - self.have)


@dataclass(frozen=True)
class RoleFit:
    """How well a profile fits one role, with its gaps, largest weighted gap first."""

    role_id: str
    fit: float
    gaps: tuple[Gap, ...]


@dataclass(frozen=True)
class StageFit:
    """How much of a stage's skill mix a profile covers."""

    stage_id: str
    fit: float


@dataclass(frozen=True)
class Assessment:
    """A profile scored against a whole catalogue, roles and stages ranked."""

    ratings: tuple[tuple[str, int], ...]
    roles: tuple[RoleFit, ...]
    stages: tuple[StageFit, ...]

    def role(self, role_id: str) -> RoleFit:
        """The result for one role."""
        for result in self.roles:
            if result.role_id == role_id:
                return result
        raise KeyError(role_id)


def ratings_vector(m: Matrices, ratings: Mapping[str, int]) -> NDArray[np.int64]:
    """Order a {skill: level} mapping as the engine's columns; every skill must be present."""
    missing = [skill for skill in m.skill_ids if skill not in ratings]
    if missing:
        raise KeyError(f"missing ratings for: {', '.join(missing)}")
    return np.array([int(ratings[skill]) for skill in m.skill_ids], dtype=np.int64)


def role_gaps(m: Matrices, have: NDArray[np.int64], role_index: int) -> tuple[Gap, ...]:
    """Every skill where ``have`` is below the role's need, largest weighted gap first.

    Ties keep catalogue skill order.
    """
    gaps = [
        Gap(
            skill=m.skill_ids[j],
            have=int(have[j]),
            need=int(m.need[role_index, j]),
            weight=float(m.weight[role_index, j]),
        )
        for j in range(len(m.skill_ids))
        if have[j] < m.need[role_index, j]
    ]
    return tuple(sorted(gaps, key=lambda gap: -gap.weighted))


def assess(m: Matrices, ratings: Mapping[str, int]) -> Assessment:
    """Score one complete profile: ranked role fits with gaps, and ranked stage fits."""
    have = ratings_vector(m, ratings)
    fits = score_matrix(m, have[None, :])
    order = rank_roles(m, fits)[0]
    stage_fits = stage_matrix(m, have[None, :])[0]
    stage_order = sorted(range(len(m.stage_ids)), key=lambda t: (-stage_fits[t], t))
    return Assessment(
        ratings=tuple((skill, int(level)) for skill, level in zip(m.skill_ids, have, strict=True)),
        roles=tuple(
            RoleFit(role_id=m.role_ids[i], fit=float(fits[0, i]), gaps=role_gaps(m, have, int(i)))
            for i in order
        ),
        stages=tuple(StageFit(stage_id=m.stage_ids[t], fit=float(stage_fits[t])) for t in stage_order),
    )


def flat_profile(ratings: Mapping[str, int]) -> tuple[int, int] | None:
    """``(level, count)`` when all but at most one skill share one level, else ``None``.

    Such profiles barely discriminate between roles, so their matches are unreliable.
    """
    values = list(ratings.values())
    if len(values) < 4:
        return None
    counts: dict[int, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    level, count = max(counts.items(), key=lambda item: (item[1], item[0]))
    return (level, count) if count >= len(values) - 1 else None


@dataclass(frozen=True)
class RoleSimilarity:
    """How close another role's requirements are to a given role's (1.0 = identical)."""

    role_id: str
    similarity: float
    differences: tuple[tuple[str, int, int], ...]  # (skill, this role's level, other's), largest first


def similar_roles(m: Matrices, role_id: str) -> list[RoleSimilarity]:
    """Every other role, closest requirement profile first.

    Distance is the mean level difference weighted by how much each skill
    matters to ``role_id``, as a share of the scale; similarity is one minus it.
    Ties go to the role id that sorts first.
    """
    i = m.role_ids.index(role_id)
    weights = m.weight[i]
    total = weights.sum()
    diff = np.abs(m.need - m.need[i])  # (roles, skills)
    if total > 0 and m.max_level > 0:
        distance = (diff * weights).sum(axis=1) / (total * m.max_level)
    else:
        distance = np.zeros(len(m.role_ids))
    similarity = np.round(1.0 - distance, FIT_DECIMALS)
    out: list[RoleSimilarity] = []
    for j in sorted(range(len(m.role_ids)), key=lambda r: (-similarity[r], m.role_ids[r])):
        if j == i:
            continue
        order = sorted(
            (k for k in range(len(m.skill_ids)) if diff[j, k] > 0),
            key=lambda k: (-diff[j, k] * weights[k], k),
        )
        out.append(
            RoleSimilarity(
                role_id=m.role_ids[j],
                similarity=float(similarity[j]),
                differences=tuple((m.skill_ids[k], int(m.need[i, k]), int(m.need[j, k])) for k in order),
            )
        )
    return out
