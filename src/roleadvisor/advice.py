"""From a score to a plan: target plans, the next best step, adjacent moves.

Pure functions over the engine's ``Model`` (no I/O, no printing, no NumPy). All
fits come from ``engine.fits``, so a plan's ``fit_after`` is exactly what
``assess`` would report for the improved profile.

Its records are ``@dataclass(eq=False)``: built once per run and read, never
compared or mutated, and cheaper to define that way (start-up time).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from roleadvisor.catalog.models import Catalog, Resource
from roleadvisor.engine import Model, fits, ratings_vector, similar_roles
from roleadvisor.records import record
from roleadvisor.resources import pick_resources

NEXT_STEP_ROLES = 3  # "your top roles" for the next best step
ADJACENT_SHOWN = 3
REACH = 0.15  # roles within this much fit of the best are "within reach"


@record(frozen=False, eq=False)
class Step:
    """Close one gap of the target role: raise ``skill`` from ``have`` to ``need``."""

    skill: str
    have: int
    need: int
    gain: float  # how much this step alone raises the target's fit
    helps_others: float  # summed fit gain over every other role
    fit_after: float  # the target's fit once this and every earlier step are done


@record(frozen=False, eq=False)
class Plan:
    """The target role, the current fit and the ordered steps to close every gap."""

    role_id: str
    fit: float
    steps: tuple[Step, ...]


def _with(have: tuple[int, ...], changes: Mapping[int, int]) -> tuple[int, ...]:
    """``have`` with the levels of some skills (by index) replaced."""
    return tuple(changes.get(k, level) for k, level in enumerate(have))


def plan_for(m: Model, ratings: Mapping[str, int], role_id: str) -> Plan:
    """One step per gap of ``role_id``, the step that raises its fit most first.

    Ties go to the step that also raises the other roles' fits most, then to
    catalogue skill order. ``fit_after`` is cumulative: the last step reaches 1.0.
    """
    have = ratings_vector(m, ratings)
    i = m.role_ids.index(role_id)
    need, weight, denominator = m.need[i], m.weight[i], m.denominator[i]
    base = fits(m, have)
    gaps = [k for k in range(len(m.skill_ids)) if have[k] < need[k]]
    if not gaps:
        return Plan(role_id=role_id, fit=base[i], steps=())
    # gains from the unrounded formula, so ordering is not decided by rounding
    gain = {k: weight[k] * (need[k] - have[k]) / denominator if denominator > 0 else 0.0 for k in gaps}
    helps: dict[int, float] = {}
    for k in gaps:
        after_one = fits(m, _with(have, {k: need[k]}))
        total = 0.0
        for r, (after, before) in enumerate(zip(after_one, base, strict=True)):
            if r != i:
                total += after - before
        helps[k] = total
    order = sorted(gaps, key=lambda k: (-round(gain[k], 9), -round(helps[k], 9), k))
    steps = []
    done: dict[int, int] = {}
    for k in order:
        done[k] = need[k]
        steps.append(
            Step(
                skill=m.skill_ids[k],
                have=have[k],
                need=need[k],
                gain=round(gain[k], 4),
                helps_others=round(helps[k], 4),
                fit_after=fits(m, _with(have, done))[i],
            )
        )
    return Plan(role_id=role_id, fit=base[i], steps=tuple(steps))


@record(frozen=False, eq=False)
class NextStep:
    """The single +1 that raises the fit of the person's top roles the most."""

    skill: str
    have: int
    to: int
    roles: tuple[str, ...]  # the top roles it was measured on
    gain: float  # mean fit gain over those roles


def next_best_step(m: Model, ratings: Mapping[str, int], top: int = NEXT_STEP_ROLES) -> NextStep | None:
    """The +1 on one skill that raises the mean fit of the ``top`` best roles most.

    Ties: the larger total gain over all roles, then catalogue skill order.
    ``None`` when no +1 raises any of those fits (every requirement is met).
    """
    have = ratings_vector(m, ratings)
    base = fits(m, have)
    best_roles = sorted(range(len(m.role_ids)), key=lambda r: (-base[r], m.role_ids[r]))[:top]
    candidates = [k for k in range(len(m.skill_ids)) if have[k] < m.max_level]
    if not candidates or not best_roles:
        return None
    on_top: list[float] = []
    overall: list[float] = []
    for k in candidates:
        delta = [
            after - before for after, before in zip(fits(m, _with(have, {k: have[k] + 1})), base, strict=True)
        ]
        on_top.append(_sum(delta[r] for r in best_roles) / len(best_roles))
        overall.append(_sum(delta))
    row = min(range(len(candidates)), key=lambda r: (-round(on_top[r], 9), -round(overall[r], 9), r))
    if on_top[row] <= 0:
        return None
    k = candidates[row]
    return NextStep(
        skill=m.skill_ids[k],
        have=have[k],
        to=have[k] + 1,
        roles=tuple(m.role_ids[r] for r in best_roles),
        gain=round(on_top[row], 4),
    )


def _sum(values: Iterable[float]) -> float:
    """Add in order (``sum`` of floats is compensated from Python 3.12 on)."""
    total = 0.0
    for value in values:
        total += value
    return total


@record(frozen=False, eq=False)
class Move:
    """A role the person could move to: fit, likeness to their best role, learning needed."""

    role_id: str
    fit: float
    similarity: float  # to the person's best current role
    learning: float  # sum of importance-weighted level gaps


@record(frozen=False, eq=False)
class Moves:
    """Where the person stands and where they could go next."""

    best: Move
    adjacent: tuple[Move, ...]  # the roles most like the best one
    use_what_you_have: Move  # highest fit, least new learning
    highest_ceiling: Move  # the most room to grow among roles still within reach


def _learning(m: Model, have: Sequence[int], i: int) -> float:
    return round(
        _sum(w * (n - h if n > h else 0) for w, n, h in zip(m.weight[i], m.need[i], have, strict=True)), 4
    )


def moves(m: Model, ratings: Mapping[str, int], shown: int = ADJACENT_SHOWN) -> Moves:
    """The best current role, its closest roles, and the exploit/explore pair.

    *Use what you have* is the role of highest fit (ties: least learning, then
    id): the person can do it now with the skills they have. *Highest ceiling*
    is, among roles whose fit is within ``REACH`` of the best, the one that needs
    the most new learning (ties: higher fit, then id): the biggest stretch that
    is still within reach. It is the best role itself when no other is in reach.
    """
    have = ratings_vector(m, ratings)
    role_fits = fits(m, have)
    learning = [_learning(m, have, i) for i in range(len(m.role_ids))]
    ranked = sorted(range(len(m.role_ids)), key=lambda i: (-role_fits[i], learning[i], m.role_ids[i]))
    best = ranked[0]
    index = {role_id: i for i, role_id in enumerate(m.role_ids)}
    neighbours = similar_roles(m, m.role_ids[best])
    similarity = {s.role_id: s.similarity for s in neighbours}
    similarity[m.role_ids[best]] = 1.0

    def move(i: int) -> Move:
        return Move(
            role_id=m.role_ids[i],
            fit=role_fits[i],
            similarity=similarity[m.role_ids[i]],
            learning=learning[i],
        )

    near = [index[s.role_id] for s in neighbours][:shown]
    reach = [i for i in ranked if role_fits[i] >= role_fits[best] - REACH]
    ceiling = sorted(reach, key=lambda i: (-learning[i], -role_fits[i], m.role_ids[i]))[0]
    return Moves(
        best=move(best),
        adjacent=tuple(move(i) for i in near),
        use_what_you_have=move(best),
        highest_ceiling=move(ceiling),
    )


@record(frozen=False, eq=False)
class Advice:
    """Everything beyond the ranking: target plan (if asked), next step, moves, resources."""

    plan: Plan | None
    resources: dict[str, tuple[Resource, ...]]  # by skill, for the plan's steps
    next_step: NextStep | None
    next_resources: tuple[Resource, ...]
    moves: Moves


def advise(
    m: Model,
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
