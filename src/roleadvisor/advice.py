"""From a score to a plan: target plans, the next best step, adjacent moves.

Pure functions over the engine's ``Model`` (no I/O, no printing, no NumPy). All
fits come from ``engine.fits``, so a plan's ``fit_after`` is exactly what
``assess`` would report for the improved profile.

Its records are ``@dataclass(eq=False)``: built once per run and read, never
compared or mutated, and cheaper to define that way (start-up time).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from roleadvisor.catalog.models import Catalog, Resource
from roleadvisor.engine import Model, fits, measures, rank, ratings_vector, similar_roles
from roleadvisor.records import record
from roleadvisor.resources import pick_resources
from roleadvisor.stability import Stability, stability

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
    """The single +1 that raises the fit of the best match (or of the target) the most."""

    skill: str
    have: int
    to: int
    roles: tuple[str, ...]  # the roles whose fit this +1 raises, the role it is for first
    gain: float  # how much it raises the fit of ``roles[0]``
    gains: tuple[float, ...] = ()  # how much it raises each of ``roles``
    covered: tuple[str, ...] = ()  # better-ranked roles whose every requirement is already met


def next_best_step(
    m: Model, ratings: Mapping[str, int], top: int = NEXT_STEP_ROLES, target: str | None = None
) -> NextStep | None:
    """The +1 on one skill that raises the fit of the role it is for the most.

    That role is ``target`` when given, else the best-ranked role with a gap
    (better-ranked roles whose requirements are all met are named in
    ``covered``). Ties go to the +1 that raises the mean fit of the first ``top``
    ranked roles with a gap most, then the total over all roles, then catalogue
    skill order. ``None`` when no +1 raises that role's fit.
    """
    have = ratings_vector(m, ratings)
    base = fits(m, have)
    covered: list[int] = []
    if target is not None:
        considered = [m.role_ids.index(target)]
    else:
        considered = []
        for r in rank(m, measures(m, have)):
            if base[r] < 1.0:
                considered.append(r)
            elif not considered:
                covered.append(r)
            if len(considered) == top:
                break
    candidates = [k for k in range(len(m.skill_ids)) if have[k] < m.max_level]
    if not candidates or not considered:
        return None
    focus = considered[0]
    deltas: list[list[float]] = []
    keys: list[tuple[float, float, float, int]] = []
    for row, k in enumerate(candidates):
        delta = [
            after - before for after, before in zip(fits(m, _with(have, {k: have[k] + 1})), base, strict=True)
        ]
        deltas.append(delta)
        mean = _sum(delta[r] for r in considered) / len(considered)
        keys.append((-round(delta[focus], 9), -round(mean, 9), -round(_sum(delta), 9), row))
    row = min(range(len(candidates)), key=keys.__getitem__)
    delta = deltas[row]
    if delta[focus] <= 0:
        return None
    k = candidates[row]
    raised = [focus, *(r for r in considered[1:] if delta[r] > 0)]
    return NextStep(
        skill=m.skill_ids[k],
        have=have[k],
        to=have[k] + 1,
        roles=tuple(m.role_ids[r] for r in raised),
        gain=round(delta[focus], 4),
        gains=tuple(round(delta[r], 4) for r in raised),
        covered=tuple(m.role_ids[r] for r in covered),
    )


def _sum(values: Iterable[float]) -> float:
    """Add in order (``sum`` of floats is compensated from Python 3.12 on)."""
    total = 0.0
    for value in values:
        total += value
    return total


@record(frozen=False, eq=False)
class Move:
    """A role the person could move to: fit, likeness to the anchor role, levels to learn."""

    role_id: str
    fit: float
    similarity: float  # to the anchor: the target when one is given, else the best-ranked role
    learning: int  # levels still to learn, summed over skills


@record(frozen=False, eq=False)
class Moves:
    """Where the person stands and where they could go next."""

    best: Move  # the anchor: the target when one is given, else the best-ranked role
    adjacent: tuple[Move, ...]  # the roles most like the anchor
    use_what_you_have: Move  # the best-ranked role: highest match
    highest_ceiling: Move  # the most room to grow among roles still within reach


def moves(
    m: Model, ratings: Mapping[str, int], shown: int = ADJACENT_SHOWN, target: str | None = None
) -> Moves:
    """The anchor role, its closest roles, and the exploit/explore pair.

    *Use what you have* is the first role of the ranking (``engine.rank``):
    the highest match of coverage and use of your strengths. *Highest ceiling*
    is, among roles *within reach* (no critical gap, fit within ``REACH`` of the
    best role's) that ask for more levels of learning than the best role, the
    one that asks for the most (ties: higher fit, then id): the biggest stretch
    still within reach. It is the best role itself when there is none. The anchor (``best``) and its adjacent
    roles follow ``target`` when one is given.
    """
    have = ratings_vector(m, ratings)
    role_measures = measures(m, have)
    ranked = rank(m, role_measures)
    best = ranked[0]
    anchor = m.role_ids.index(target) if target is not None else best
    index = {role_id: i for i, role_id in enumerate(m.role_ids)}
    neighbours = similar_roles(m, m.role_ids[anchor])
    similarity = {s.role_id: s.similarity for s in neighbours}
    similarity[m.role_ids[anchor]] = 1.0
    best_similarity = {s.role_id: s.similarity for s in similar_roles(m, m.role_ids[best])}
    best_similarity[m.role_ids[best]] = 1.0

    def move(i: int, likeness: Mapping[str, float]) -> Move:
        return Move(
            role_id=m.role_ids[i],
            fit=role_measures[i].fit,
            similarity=likeness[m.role_ids[i]],
            learning=role_measures[i].learning,
        )

    near = [index[s.role_id] for s in neighbours][:shown]
    best_fit, best_learning = role_measures[best].fit, role_measures[best].learning
    reach = [
        i
        for i in ranked
        if role_measures[i].fit >= best_fit - REACH
        and not role_measures[i].critical
        and role_measures[i].learning > best_learning
    ]
    reach = reach or [best]
    ceiling = sorted(reach, key=lambda i: (-role_measures[i].learning, -role_measures[i].fit, m.role_ids[i]))[
        0
    ]
    return Moves(
        best=move(anchor, similarity),
        adjacent=tuple(move(i, similarity) for i in near),
        use_what_you_have=move(best, best_similarity),
        highest_ceiling=move(ceiling, best_similarity),
    )


def step_resources(
    catalog: Catalog, skill: str, have: int, need: int, prefer: tuple[str, ...] = (), limit: int = 3
) -> tuple[Resource, ...]:
    """Resources for a step, the next level first: a jump of two or more levels starts where the
    person is (``have + 1``) and ends with what fits the level it reaches."""
    if need - have <= 1:
        return pick_resources(catalog, skill, have, need, prefer, limit)
    first = pick_resources(catalog, skill, have, have + 1, prefer, limit - 1)
    last = pick_resources(catalog, skill, need - 1, need, prefer, limit)
    out = list(first)
    for resource in last:
        if len(out) == limit:
            break
        if resource not in out:
            out.append(resource)
    return tuple(out)


@record(frozen=False, eq=False)
class Advice:
    """Everything beyond the ranking: target plan (if asked), next step, moves, resources, stability."""

    plan: Plan | None
    resources: dict[str, tuple[Resource, ...]]  # by skill, for the plan's steps
    next_step: NextStep | None
    next_resources: tuple[Resource, ...]
    moves: Moves
    stability: Stability | None = None


def advise(
    m: Model,
    catalog: Catalog,
    ratings: Mapping[str, int],
    target: str | None = None,
    prefer: tuple[str, ...] = (),
    shown: int | None = None,
) -> Advice:
    """Compute the plan for ``target`` (if any), the next best step, the moves and the stability.

    ``shown`` is how many roles the report shows: the next best step is measured
    on no more top roles than that, so it never names a role the report leaves out.
    """
    plan = plan_for(m, ratings, target) if target is not None else None
    resources = (
        {s.skill: step_resources(catalog, s.skill, s.have, s.need, prefer) for s in plan.steps}
        if plan is not None
        else {}
    )
    top = NEXT_STEP_ROLES if shown is None else max(1, min(shown, NEXT_STEP_ROLES))
    step = next_best_step(m, ratings, top=top, target=target)
    next_resources = pick_resources(catalog, step.skill, step.have, step.to, prefer) if step else ()
    return Advice(
        plan=plan,
        resources=resources,
        next_step=step,
        next_resources=next_resources,
        moves=moves(m, ratings, target=target),
        stability=stability(m, ratings_vector(m, ratings)),
    )
