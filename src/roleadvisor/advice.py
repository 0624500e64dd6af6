"""From a score to a plan: target plans, the next best step, adjacent moves.

Pure functions over the engine's ``Matrices`` (no I/O, no printing). All fits
come from ``engine.score_matrix``, so a plan's ``fit_after`` is exactly what
``assess`` would report for the improved profile.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from roleadvisor.catalog.models import Catalog, Resource
from roleadvisor.engine import Matrices, ratings_vector, score_matrix, similar_roles

NEXT_STEP_ROLES = 3  # "your top roles" for the next best step
ADJACENT_SHOWN = 3
REACH = 0.15  # roles within this much fit of the best are "within reach"


@dataclass(frozen=True)
class Step:
    """Close one gap of the target role: raise ``skill`` from ``have`` to ``need``."""

    skill: str
    have: int
    need: int
    gain: float  # how much this step alone raises the target's fit
    helps_others: float  # summed fit gain over every other role
    fit_after: float  # the target's fit once this and every earlier step are done


@dataclass(frozen=True)
class Plan:
    """The target role, the current fit and the ordered steps to close every gap."""

    role_id: str
    fit: float
    steps: tuple[Step, ...]


def plan_for(m: Matrices, ratings: Mapping[str, int], role_id: str) -> Plan:
    """One step per gap of ``role_id``, the step that raises its fit most first.

    Ties go to the step that also raises the other roles' fits most, then to
    catalogue skill order. ``fit_after`` is cumulative: the last step reaches 1.0.
    """
    have = ratings_vector(m, ratings)
    i = m.role_ids.index(role_id)
    base = score_matrix(m, have[None, :])[0]
    gaps = [k for k in range(len(m.skill_ids)) if have[k] < m.need[i, k]]
    if not gaps:
        return Plan(role_id=role_id, fit=float(base[i]), steps=())
    raised = np.repeat(have[None, :], len(gaps), axis=0)
    for row, k in enumerate(gaps):
        raised[row, k] = int(m.need[i, k])
    after_one = score_matrix(m, raised)
    others = np.ones(len(m.role_ids), dtype=bool)
    others[i] = False
    # gains from the unrounded formula, so ordering is not decided by rounding
    gain = {
        k: float(m.weight[i, k] * (m.need[i, k] - have[k]) / m.denominator[i])
        if m.denominator[i] > 0
        else 0.0
        for k in gaps
    }
    helps = {k: float((after_one[row] - base)[others].sum()) for row, k in enumerate(gaps)}
    order = sorted(gaps, key=lambda k: (-round(gain[k], 9), -round(helps[k], 9), k))
    cumulative = np.repeat(have[None, :], len(order), axis=0)
    for row, k in enumerate(order):
        cumulative[row:, k] = int(m.need[i, k])
    fits_after = score_matrix(m, cumulative)[:, i]
    steps = tuple(
        Step(
            skill=m.skill_ids[k],
            have=int(have[k]),
            need=int(m.need[i, k]),
            gain=round(gain[k], 4),
            helps_others=round(helps[k], 4),
            fit_after=float(fits_after[row]),
        )
        for row, k in enumerate(order)
    )
    return Plan(role_id=role_id, fit=float(base[i]), steps=steps)


@dataclass(frozen=True)
class NextStep:
    """The single +1 that raises the fit of the person's top roles the most."""

    skill: str
    have: int
    to: int
    roles: tuple[str, ...]  # the top roles it was measured on
    gain: float  # mean fit gain over those roles


def next_best_step(m: Matrices, ratings: Mapping[str, int], top: int = NEXT_STEP_ROLES) -> NextStep | None:
    """The +1 on one skill that raises the mean fit of the ``top`` best roles most.

    Ties: the larger total gain over all roles, then catalogue skill order.
    ``None`` when no +1 raises any of those fits (every requirement is met).
    """
    have = ratings_vector(m, ratings)
    base = score_matrix(m, have[None, :])[0]
    best_roles = sorted(range(len(m.role_ids)), key=lambda r: (-base[r], m.role_ids[r]))[:top]
    candidates = [k for k in range(len(m.skill_ids)) if have[k] < m.max_level]
    if not candidates or not best_roles:
        return None
    raised = np.repeat(have[None, :], len(candidates), axis=0)
    for row, k in enumerate(candidates):
        raised[row, k] += 1
    delta = score_matrix(m, raised) - base
    on_top = delta[:, best_roles].mean(axis=1)
    overall = delta.sum(axis=1)
    row = min(range(len(candidates)), key=lambda r: (-round(on_top[r], 9), -round(overall[r], 9), r))
    if on_top[row] <= 0:
        return None
    k = candidates[row]
    return NextStep(
        skill=m.skill_ids[k],
        have=int(have[k]),
        to=int(have[k]) + 1,
        roles=tuple(m.role_ids[r] for r in best_roles),
        gain=round(float(on_top[row]), 4),
    )


@dataclass(frozen=True)
class Move:
    """A role the person could move to: fit, likeness to their best role, learning needed."""

    role_id: str
    fit: float
    similarity: float  # to the person's best current role
    learning: float  # sum of importance-weighted level gaps


@dataclass(frozen=True)
class Moves:
    """Where the person stands and where they could go next."""

    best: Move
    adjacent: tuple[Move, ...]  # the roles most like the best one
    use_what_you_have: Move  # highest fit, least new learning
    highest_ceiling: Move  # the most room to grow among roles still within reach


def _learning(m: Matrices, have: NDArray[np.int64], i: int) -> float:
    return round(float((m.weight[i] * np.clip(m.need[i] - have, 0, None)).sum()), 4)


def moves(m: Matrices, ratings: Mapping[str, int], shown: int = ADJACENT_SHOWN) -> Moves:
    """The best current role, its closest roles, and the exploit/explore pair.

    *Use what you have* is the role of highest fit (ties: least learning, then
    id): the person can do it now with the skills they have. *Highest ceiling*
    is, among roles whose fit is within ``REACH`` of the best, the one that needs
    the most new learning (ties: higher fit, then id): the biggest stretch that
    is still within reach. It is the best role itself when no other is in reach.
    """
    have = ratings_vector(m, ratings)
    fits = score_matrix(m, have[None, :])[0]
    learning = [_learning(m, have, i) for i in range(len(m.role_ids))]
    ranked = sorted(range(len(m.role_ids)), key=lambda i: (-fits[i], learning[i], m.role_ids[i]))
    best = ranked[0]
    index = {role_id: i for i, role_id in enumerate(m.role_ids)}
    similarity = {s.role_id: s.similarity for s in similar_roles(m, m.role_ids[best])}
    similarity[m.role_ids[best]] = 1.0

    def move(i: int) -> Move:
        return Move(
            role_id=m.role_ids[i],
            fit=float(fits[i]),
            similarity=similarity[m.role_ids[i]],
            learning=learning[i],
        )

    near = [index[s.role_id] for s in similar_roles(m, m.role_ids[best])][:shown]
    reach = [i for i in ranked if fits[i] >= fits[best] - REACH]
    ceiling = sorted(reach, key=lambda i: (-learning[i], -fits[i], m.role_ids[i]))[0]
    return Moves(
        best=move(best),
        adjacent=tuple(move(i) for i in near),
        use_what_you_have=move(best),
        highest_ceiling=move(ceiling),
    )


def pick_resources(
    catalog: Catalog, skill: str, have: int, need: int, prefer: tuple[str, ...] = (), limit: int = 3
) -> tuple[Resource, ...]:
    """Resources for raising ``skill`` from ``have`` to ``need``, best first.

    A resource qualifies when its level range meets ``have+1..need``. Order:
    the person's preferred kinds in the order given, then resources whose range
    contains ``need``, then the narrower range, then catalogue order.
    """
    wanted = range(have + 1, need + 1)
    found = [
        (pos, r)
        for pos, r in enumerate(catalog.resources)
        if skill in r.skills and any(r.low <= lvl <= r.high for lvl in wanted)
    ]

    def key(item: tuple[int, Resource]) -> tuple[int, int, int, int]:
        pos, r = item
        rank = prefer.index(r.kind) if r.kind in prefer else len(prefer)
        return (rank, 0 if r.low <= need <= r.high else 1, r.high - r.low, pos)

    return tuple(r for _, r in sorted(found, key=key)[:limit])


@dataclass(frozen=True)
class Advice:
    """Everything beyond the ranking: target plan (if asked), next step, moves, resources."""

    plan: Plan | None
    resources: dict[str, tuple[Resource, ...]]  # by skill, for the plan's steps
    next_step: NextStep | None
    next_resources: tuple[Resource, ...]
    moves: Moves


def advise(
    m: Matrices,
    catalog: Catalog,
    ratings: Mapping[str, int],
    target: str | None = None,
    prefer: tuple[str, ...] = (),
) -> Advice:
    """Compute the plan for ``target`` (if any), the next best step and the moves."""
    plan = plan_for(m, ratings, target) if target is not None else None
    resources = (
        {s.skill: pick_resources(catalog, s.skill, s.have, s.need, prefer) for s in plan.steps}
        if plan is not None
        else {}
    )
    step = next_best_step(m, ratings)
    next_resources = pick_resources(catalog, step.skill, step.have, step.to, prefer) if step else ()
    return Advice(
        plan=plan,
        resources=resources,
        next_step=step,
        next_resources=next_resources,
        moves=moves(m, ratings),
    )
