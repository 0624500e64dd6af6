"""The engine for many profiles: the formulas of ``roleadvisor.engine`` over NumPy arrays.

``batch`` and the Python API score thousands or millions of profiles a chunk
at a time here. The arrays are built from the engine's ``Model`` (the same
levels, weights, denominators and stage shares) and every sum runs skill by
skill in catalogue order, so a profile's fits are the very same floats as
``engine.fits`` gives for it alone, and do not depend on how many other
profiles are scored with it. Pure functions, no I/O, no printing.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from roleadvisor.catalog.models import Catalog
from roleadvisor.engine import FIT_DECIMALS, Model

FloatArray = NDArray[np.float64]


@dataclass(frozen=True)
class Matrices:
    """A ``Model`` as arrays: rows are roles (or stages), columns skills."""

    model: Model
    need: FloatArray  # (roles, skills) required level
    weight: FloatArray  # (roles, skills) importance
    denominator: FloatArray  # (roles,) the model's sum(weight * need); 0 means nothing required
    mix: FloatArray  # (stages, skills) skill mix normalised to sum to 1
    id_order: NDArray[np.intp]  # role indices sorted by role id

    @classmethod
    def from_model(cls, model: Model) -> Matrices:
        """The arrays of ``model``, holding exactly its numbers."""
        n_skills = len(model.skill_ids)
        return cls(
            model=model,
            need=np.array(model.need, dtype=np.float64).reshape(len(model.role_ids), n_skills),
            weight=np.array(model.weight, dtype=np.float64).reshape(len(model.role_ids), n_skills),
            denominator=np.array(model.denominator, dtype=np.float64),
            mix=np.array(model.mix, dtype=np.float64).reshape(len(model.stage_ids), n_skills),
            id_order=np.array(model.id_order, dtype=np.intp),
        )

    @classmethod
    def from_catalog(cls, catalog: Catalog) -> Matrices:
        """``from_model(Model.from_catalog(catalog))``."""
        return cls.from_model(Model.from_catalog(catalog))

    @property
    def skill_ids(self) -> tuple[str, ...]:
        """Skill ids: the columns."""
        return self.model.skill_ids

    @property
    def role_ids(self) -> tuple[str, ...]:
        """Role ids: the rows of ``need`` and ``weight``."""
        return self.model.role_ids

    @property
    def stage_ids(self) -> tuple[str, ...]:
        """Stage ids: the rows of ``mix``."""
        return self.model.stage_ids

    @property
    def max_level(self) -> int:
        """The top of the rating scale."""
        return self.model.max_level


def _ratings(m: Matrices, ratings: NDArray[np.generic]) -> FloatArray:
    have = np.asarray(ratings, dtype=np.float64)
    if have.ndim != 2 or have.shape[1] != len(m.skill_ids):
        raise ValueError(f"ratings must have shape (n, {len(m.skill_ids)}), got {have.shape}")
    return have


def score_matrix(m: Matrices, ratings: NDArray[np.generic]) -> FloatArray:
    """Fits for many profiles: ``ratings`` is (profiles, skills), the result (profiles, roles).

    The sum runs skill by skill over whole columns, so a profile's fits do not
    depend on how many other profiles are scored with it.
    """
    have = _ratings(m, ratings)
    covered = np.zeros((have.shape[0], len(m.role_ids)))
    for j in range(len(m.skill_ids)):
        covered += m.weight[:, j] * np.minimum(have[:, j, None], m.need[:, j])
    safe = np.where(m.denominator > 0, m.denominator, 1.0)
    fits = np.where(m.denominator > 0, covered / safe, 1.0)
    return rounded(fits)


def stage_matrix(m: Matrices, ratings: NDArray[np.generic]) -> FloatArray:
    """Stage fits for many profiles: (profiles, skills) -> (profiles, stages).

    Summed skill by skill like ``score_matrix`` (not a matrix product, whose
    order of additions is up to the BLAS library).
    """
    have = np.clip(_ratings(m, ratings), 0, m.max_level) / m.max_level
    covered = np.zeros((have.shape[0], len(m.stage_ids)))
    for j in range(len(m.skill_ids)):
        covered += have[:, j, None] * m.mix[:, j]
    return rounded(covered)


def rounded(values: FloatArray) -> FloatArray:
    """Clipped to 0..1 and rounded to the engine's decimals, as every fit and match is."""
    out: FloatArray = np.round(np.clip(values, 0.0, 1.0), FIT_DECIMALS).astype(np.float64)
    return out


@dataclass(frozen=True)
class MeasureArrays:
    """The engine's ``Measures`` for many profiles: each array is (profiles, roles)."""

    fit: FloatArray
    use: FloatArray
    match: FloatArray
    critical: NDArray[np.int64]
    learning: NDArray[np.int64]
    distance: NDArray[np.int64]
    band: NDArray[np.intp]  # index into the catalogue's readiness bands
    shortfall: FloatArray  # learning weighted by importance
    emphasis: FloatArray  # sum(weight * have * min(have, need))


def measure_matrix(m: Matrices, ratings: NDArray[np.generic]) -> MeasureArrays:
    """Fit, use, match, critical gaps, learning, distance and band for many profiles.

    The same formulas and the same order of additions as ``engine.measures``,
    so each number equals what ``assess`` reports for that profile alone.
    """
    have = _ratings(m, ratings)
    fit = score_matrix(m, have)
    ranking = m.model.ranking
    n, roles = have.shape[0], len(m.role_ids)
    used = np.zeros((n, roles))
    strength = np.zeros((n, 1))
    units = np.zeros((n, roles), dtype=np.int64)
    critical = np.zeros((n, roles), dtype=np.int64)
    learning = np.zeros((n, roles), dtype=np.int64)
    distance = np.zeros((n, roles), dtype=np.int64)
    shortfall = np.zeros((n, roles))
    emphasis = np.zeros((n, roles))
    defining = m.weight >= ranking.critical_weight  # (roles, skills)
    for j in range(len(m.skill_ids)):
        h = have[:, j, None]
        need = m.need[:, j]
        short = h < need
        used += np.where(short, h * h, h * need)
        emphasis += m.weight[:, j] * np.where(short, h * h, h * need)
        strength += h * h
        gap = np.maximum(need - h, 0).astype(np.int64)
        learning += gap
        shortfall += m.weight[:, j] * np.maximum(need - h, 0)
        distance += np.abs(need - h).astype(np.int64)
        crit = defining[:, j] & (gap >= ranking.critical_levels)
        critical += crit
        units += np.where(crit, gap - ranking.critical_levels + 1, 0)
    safe = np.where(strength > 0, strength, 1.0)
    use = np.where(strength > 0, np.round(used / safe, FIT_DECIMALS), 1.0)
    match = rounded(fit * use - ranking.critical_penalty * units)
    band = bands(m, fit, critical)
    return MeasureArrays(
        fit=fit,
        use=use,
        match=match,
        critical=critical,
        learning=learning,
        distance=distance,
        band=band,
        shortfall=shortfall,
        emphasis=emphasis,
    )


def bands(m: Matrices, fit: FloatArray, critical: NDArray[np.int64]) -> NDArray[np.intp]:
    """Each fit's readiness band (an index into the catalogue's bands), by fit and critical gaps."""
    ranking = m.model.ranking
    band = np.full(fit.shape, len(ranking.bands) - 1, dtype=np.intp)
    shown = np.rint(fit * 100)  # whole percent, as people read it (rint rounds half to even, like round)
    for b in range(len(ranking.bands) - 1, -1, -1):
        spec = ranking.bands[b]
        ok = shown >= round(spec.min_fit * 100)
        if spec.max_critical_gaps is not None:
            ok &= critical <= spec.max_critical_gaps
        band = np.where(ok, b, band)
    return band


def rank_roles(m: Matrices, ms: MeasureArrays) -> NDArray[np.intp]:
    """Role indices per profile in ranking order (``engine.rank_key``): (profiles, roles)."""
    index = np.broadcast_to(np.arange(len(m.role_ids)), ms.fit.shape)
    far = (ms.band == len(m.model.ranking.bands) - 1) & (ms.critical > 0)  # long shots
    keys = (index, ms.distance, -ms.emphasis, -ms.fit, ms.shortfall, ms.learning, -ms.match, far)
    lex: NDArray[np.intp] = np.lexsort(keys, axis=-1)
    return lex


def top_roles(m: Matrices, ms: MeasureArrays) -> NDArray[np.intp]:
    """Index of each row's best role by the ranking rule.

    Only rows whose best match (among roles that are not long shots, if any) is
    shared by another role need the whole rule; the rest take the argmax.
    """
    far = (ms.band == len(m.model.ranking.bands) - 1) & (ms.critical > 0)
    keyed = np.where(far, ms.match - 2.0, ms.match)  # a long shot ranks after the others
    best: NDArray[np.intp] = np.argmax(keyed, axis=1)
    top = keyed[np.arange(len(best)), best]
    tied = np.flatnonzero((keyed == top[:, None]).sum(axis=1) > 1)
    if len(tied):
        best[tied] = rank_roles(m, measure_rows(ms, tied))[:, 0]
    return best


def measure_rows(ms: MeasureArrays, rows: NDArray[np.intp]) -> MeasureArrays:
    """The measures of some profiles (rows) only."""
    return MeasureArrays(
        fit=ms.fit[rows],
        use=ms.use[rows],
        match=ms.match[rows],
        critical=ms.critical[rows],
        learning=ms.learning[rows],
        distance=ms.distance[rows],
        band=ms.band[rows],
        shortfall=ms.shortfall[rows],
        emphasis=ms.emphasis[rows],
    )
