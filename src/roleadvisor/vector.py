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
    id_order: NDArray[np.intp]  # role indices sorted by role id, for tie-breaking

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
    return _rounded(fits)


def stage_matrix(m: Matrices, ratings: NDArray[np.generic]) -> FloatArray:
    """Stage fits for many profiles: (profiles, skills) -> (profiles, stages).

    Summed skill by skill like ``score_matrix`` (not a matrix product, whose
    order of additions is up to the BLAS library).
    """
    have = np.clip(_ratings(m, ratings), 0, m.max_level) / m.max_level
    covered = np.zeros((have.shape[0], len(m.stage_ids)))
    for j in range(len(m.skill_ids)):
        covered += have[:, j, None] * m.mix[:, j]
    return _rounded(covered)


def _rounded(values: FloatArray) -> FloatArray:
    out: FloatArray = np.round(np.clip(values, 0.0, 1.0), FIT_DECIMALS).astype(np.float64)
    return out


def rank_roles(m: Matrices, fits: FloatArray) -> NDArray[np.intp]:
    """Role indices per profile, best fit first, ties broken by role id: (profiles, roles)."""
    by_id = fits[:, m.id_order]
    order = np.argsort(-by_id, axis=1, kind="stable")
    ranked: NDArray[np.intp] = m.id_order[order]
    return ranked


def top_roles(m: Matrices, fits: FloatArray) -> NDArray[np.intp]:
    """Index of each row's best role; ties go to the smallest role id."""
    best: NDArray[np.intp] = m.id_order[np.argmax(fits[:, m.id_order], axis=1)]
    return best
