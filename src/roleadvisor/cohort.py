"""A cohort of people at once: which roles it fits, where it is thin, and what to teach next.

Pure functions over ``roleadvisor.vector`` (the engine for many profiles): no I/O,
no printing. Every number is the one ``assess`` gives each person alone: a person's
best role is the first of the ranking (``vector.top_roles``), fits and readiness
bands come from ``vector.measure_matrix``.

The terms, as the reports explain them:

* **best role**: each person's first role by the ranking rule of ``assess``.
* **focus role**: the role teach-next aims at for a person: ``target`` when one is
  given, else their best role.
* **a stage's needs**: for each skill in the stage's skill mix, the lowest level
  that any of the stage's owner roles requires in it (the roles the catalogue
  names as owning the stage; if it names none, the roles that list the stage;
  if none does, every role). A person *meets* a stage when they are at or above
  every one of those levels: they could do at least the entry-level share of the
  stage's work that the least demanding owner asks for, skill by skill.
* **high level**: one below the top of the scale (``advanced``, 4 of 5, on the
  built-in scale), at least 1. A skill held at a high level by exactly one
  person is a *single point of failure*; by nobody, *uncovered*.
* **teach next**: for a skill, its *learners* are the people whose level in it is
  below what their focus role needs in it. Giving each learner one more level
  raises the fit of their focus role by a gain. Fit is linear in the levels up to
  the need, so that gain is the same for every learner of the same skill and role
  (the skill's weight over the role's ``sum(weight * need)``); it is taken from the
  unrounded fits and rounded once, to whole units of 1/10,000 of fit, so equal
  steps show equal gains. Differencing two rounded fits would not: a level of
  databases adds 2/47 of fit to ML engineer, yet 0.5957 - 0.5532 = 0.0425 while
  0.6809 - 0.6383 = 0.0426 (+4.2 and +4.3 points). A skill's *total gain* is the sum of
  those gains; teach next is the skill with the largest total gain (ties: more
  people gaining, then catalogue skill order). The sum is of whole units, so it is
  exact and does not depend on the order of people.
* **closest to the target**: the people ranked against the target role by
  ``roleadvisor.rank.rank_candidates``, exactly as ``rank --role`` ranks them
  (readiness band, long shots, fit, critical gaps, levels to learn, weighted
  learning); people equal on all of these share a rank and keep input order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from fractions import Fraction

import numpy as np
from numpy.typing import NDArray

from roleadvisor.catalog.models import Catalog
from roleadvisor.engine import FIT_DECIMALS, Gap, critical_gaps, role_gaps
from roleadvisor.rank import Ranked, rank_candidates, requirement_model, role_requirements
from roleadvisor.vector import FloatArray, Matrices, MeasureArrays, measure_matrix, stage_matrix, top_roles

UNITS: int = 10**FIT_DECIMALS  # fits are rounded to FIT_DECIMALS places: whole units of 1/10,000


def high_level(max_level: int) -> int:
    """The level from which a skill counts as held at a high level: one below the top, at least 1."""
    return max(1, max_level - 1)


def fit_units(fits: FloatArray) -> NDArray[np.int64]:
    """Rounded fits as whole units of 1/10,000 (exact integers, so sums do not depend on order)."""
    out: NDArray[np.int64] = np.rint(np.asarray(fits, dtype=np.float64) * UNITS).astype(np.int64)
    return out


@dataclass(frozen=True)
class StageNeeds:
    """A stage's needs (``(skill index, level)``, catalogue skill order) and who meets them."""

    stage: int
    roles: tuple[int, ...]  # the roles the needs are read from (the stage's owners)
    needs: tuple[tuple[int, int], ...]
    meets: NDArray[np.bool_]  # per person
    mean_fit: float  # the cohort's mean stage fit (as assess's stage fit), rounded to FIT_DECIMALS places

    @property
    def count(self) -> int:
        """How many people meet the stage's needs."""
        return int(self.meets.sum())


@dataclass(frozen=True)
class TeachOption:
    """One more level in ``skill`` for its learners: who they are and what each gains."""

    skill: int
    learners: NDArray[np.intp]  # people below their focus role's need in the skill, in input order
    gains: NDArray[np.int64]  # each learner's fit gain for their focus role, in units of 1/10,000

    @property
    def total(self) -> int:
        """The summed gain, in units of 1/10,000 of fit."""
        return int(self.gains.sum())

    @property
    def gainers(self) -> int:
        """How many learners gain anything."""
        return int((self.gains > 0).sum())


@dataclass(frozen=True)
class Cohort:
    """A cohort scored: every person's measures, and what the cohort as a whole looks like."""

    ids: tuple[str, ...]
    ratings: NDArray[np.int64]  # (people, skills)
    measures: MeasureArrays  # (people, roles)
    best: NDArray[np.intp]  # each person's best role
    focus: NDArray[np.intp]  # the role teach-next aims at for each person: target, else best
    target: int | None
    stage_fits: FloatArray  # (people, stages)
    stages: tuple[StageNeeds, ...]
    high: int
    holders: tuple[NDArray[np.intp], ...]  # per skill: the people at or above ``high``, input order
    teach: tuple[TeachOption, ...]  # every skill, largest total gain first
    closest: tuple[Ranked, ...]  # with a target: everyone as ``rank --role`` ranks them; else empty

    @property
    def size(self) -> int:
        """How many people."""
        return len(self.ids)

    def best_fit(self) -> FloatArray:
        """Each person's fit to their best role."""
        out: FloatArray = self.measures.fit[np.arange(self.size), self.best]
        return out

    def best_band(self) -> NDArray[np.intp]:
        """Each person's readiness band (index) for their best role."""
        out: NDArray[np.intp] = self.measures.band[np.arange(self.size), self.best]
        return out

    def role_counts(self) -> tuple[tuple[int, int], ...]:
        """``(role, people)`` for every role someone has as best role: most people first, then
        catalogue order."""
        counts = np.bincount(self.best, minlength=self.measures.fit.shape[1])
        order = sorted((r for r in range(len(counts)) if counts[r]), key=lambda r: (-counts[r], r))
        return tuple((r, int(counts[r])) for r in order)

    def band_counts(self, bands: int) -> tuple[int, ...]:
        """How many people's best role falls in each readiness band (by band index)."""
        return tuple(int(c) for c in np.bincount(self.best_band(), minlength=bands)[:bands])

    def single_points(self) -> tuple[tuple[int, int], ...]:
        """``(skill, person)`` for every skill exactly one person holds at a high level."""
        return tuple((k, int(people[0])) for k, people in enumerate(self.holders) if len(people) == 1)

    def uncovered(self) -> tuple[int, ...]:
        """Skills nobody holds at a high level."""
        return tuple(k for k, people in enumerate(self.holders) if len(people) == 0)

    @property
    def teach_next(self) -> TeachOption | None:
        """The skill to teach next; ``None`` when one more level in any skill raises no fit."""
        return self.teach[0] if self.teach and self.teach[0].total > 0 else None

    def by_fit(self, people: Sequence[int] | NDArray[np.intp], role: NDArray[np.intp]) -> list[int]:
        """``people`` ordered by fit to ``role[person]``, highest first, then by id."""
        fit = self.measures.fit
        return sorted((int(i) for i in people), key=lambda i: (-fit[i, role[i]], self.ids[i], i))

    def heatmap_order(self) -> list[int]:
        """People grouped by best role (the most common first), then by fit to it, then by id."""
        place = {role: n for n, (role, _count) in enumerate(self.role_counts())}
        fit = self.best_fit()
        return sorted(range(self.size), key=lambda i: (place[int(self.best[i])], -fit[i], self.ids[i], i))

    def gaps(self, m: Matrices, person: int, role: int) -> tuple[Gap, ...]:
        """Every gap of ``person`` to ``role``, largest weighted first (as ``assess`` lists them)."""
        return role_gaps(m.model, tuple(int(x) for x in self.ratings[person]), role)

    def critical(self, m: Matrices, person: int, role: int) -> tuple[Gap, ...]:
        """The critical gaps of ``person`` to ``role``."""
        return critical_gaps(m.model, self.gaps(m, person, role))


def stage_roles(catalog: Catalog, stage: int) -> tuple[int, ...]:
    """The roles a stage's needs are read from: its owners, else the roles listing it, else all."""
    index = {role_id: r for r, role_id in enumerate(catalog.role_ids)}
    spec = catalog.stages[stage]
    owners = tuple(index[o] for o in spec.owners if o in index)
    if owners:
        return owners
    listing = tuple(r for r, role in enumerate(catalog.roles) if spec.id in role.stages)
    return listing or tuple(range(len(catalog.roles)))


def stage_needs(
    m: Matrices, catalog: Catalog, stage: int
) -> tuple[tuple[int, ...], tuple[tuple[int, int], ...]]:
    """The roles a stage's needs come from, and the needs: per skill of its mix, the lowest level
    those roles require."""
    roles = stage_roles(catalog, stage)
    needs = tuple(
        (k, int(min(m.need[r, k] for r in roles))) for k in range(len(m.skill_ids)) if m.mix[stage, k] > 0
    )
    return roles, needs


def step_units(m: Matrices) -> NDArray[np.int64]:
    """(roles, skills): the fit one more level in a skill adds to a role for anyone below the role's need
    in it, in whole units of 1/10,000, rounded once (half to even, as fits are) from the exact quotient
    ``weight / sum(weight * need)``, so that it does not depend on the rest of a person's levels."""
    roles, skills = m.weight.shape
    out = np.zeros((roles, skills), dtype=np.int64)
    for r in range(roles):
        denominator = Fraction(float(m.denominator[r]))
        if denominator <= 0:
            continue  # nothing required: the fit is 1 whatever the levels
        for k in range(skills):
            out[r, k] = round(Fraction(float(m.weight[r, k])) * UNITS / denominator)
    return out


def _teach_option(
    have: NDArray[np.int64], need: FloatArray, focus: NDArray[np.intp], steps: NDArray[np.int64], k: int
) -> TeachOption:
    learners = np.flatnonzero(have[:, k] < need[focus, k]).astype(np.intp)
    gains: NDArray[np.int64] = steps[focus[learners], k].astype(np.int64)
    return TeachOption(skill=k, learners=learners, gains=gains)


def analyse(
    m: Matrices,
    catalog: Catalog,
    ids: Sequence[str],
    ratings: NDArray[np.integer] | Sequence[Sequence[int]],
    target: int | None = None,
) -> Cohort:
    """Score every person and describe the cohort (see the module docstring for every term).

    ``ratings`` is (people, skills) in catalogue skill order, levels within the scale;
    ``target`` a role index or ``None``. An empty cohort gives empty results.
    """
    n_skills = len(m.skill_ids)
    have = np.asarray(ratings, dtype=np.int64).reshape(-1, n_skills)
    if len(ids) != len(have):
        raise ValueError(f"{len(ids)} ids for {len(have)} rows of ratings")
    if target is not None and not 0 <= target < len(m.role_ids):
        raise ValueError(f"no role with index {target}")
    measures = measure_matrix(m, have)
    best = top_roles(m, measures).astype(np.intp) if len(have) else np.zeros(0, dtype=np.intp)
    focus = np.full(len(have), target, dtype=np.intp) if target is not None else best
    stage_fits = stage_matrix(m, have)
    stages = []
    for t in range(len(m.stage_ids)):
        roles, needs = stage_needs(m, catalog, t)
        meets = np.ones(len(have), dtype=bool)
        for k, level in needs:
            meets &= have[:, k] >= level
        # summed as whole units, so the mean does not depend on the order of people
        mean = (
            round(int(fit_units(stage_fits[:, t]).sum()) / len(have) / UNITS, FIT_DECIMALS)
            if len(have)
            else 0.0
        )
        stages.append(StageNeeds(stage=t, roles=roles, needs=needs, meets=meets, mean_fit=mean))
    high = high_level(m.max_level)
    holders = tuple(np.flatnonzero(have[:, k] >= high).astype(np.intp) for k in range(n_skills))
    steps = step_units(m)
    options = [_teach_option(have, m.need, focus, steps, k) for k in range(n_skills)]
    teach = tuple(sorted(options, key=lambda o: (-o.total, -o.gainers, o.skill)))
    cohort = Cohort(
        ids=tuple(ids),
        ratings=have,
        measures=measures,
        best=best,
        focus=focus,
        target=target,
        stage_fits=stage_fits,
        stages=tuple(stages),
        high=high,
        holders=holders,
        teach=teach,
        closest=(),
    )
    if target is None:
        return cohort
    # the very ordering of ``rank --role``: the target's own levels and weights as a one-role model
    model = requirement_model(catalog, role_requirements(catalog, m.role_ids[target]))
    return replace(cohort, closest=rank_candidates(model, have))


def gainers(cohort: Cohort, option: TeachOption) -> list[tuple[int, int]]:
    """``(person, gain in units)`` of the learners who gain, largest gain first, then by id."""
    pairs = [(int(i), int(g)) for i, g in zip(option.learners, option.gains, strict=True) if g > 0]
    return sorted(pairs, key=lambda p: (-p[1], cohort.ids[p[0]], p[0]))
