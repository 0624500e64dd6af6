"""Candidates against one requirement profile: a role's, or an advert's. Pure: no I/O, no printing.

A **requirement profile** is what the engine scores a person against: a level
asked in each skill and a weight per skill (how much it matters). A catalogue
role is one. An advert decoded by ``roleadvisor.decode`` asks for levels but
says nothing about weights, so an advert's profile is defined as:

* ``need``: the levels the decoder asks for, skill by skill;
* ``weight``: the weights of the decoded **most likely role** (the first of
  ``Decoded.roles``), or, when no role was decoded (a saved
  ``decode --format profile`` file holds levels only), **equal weights**
  (``EQUAL_WEIGHT`` on every skill). With equal weights no skill is a defining
  one, so no gap counts as critical.

It is then scored with the engine's own formulas (``engine.measures`` through
``vector.measure_matrix``: fit, use, match, critical gaps, learning, readiness
band), so a requirement profile equal to a role's levels and weights scores
every candidate exactly like that role.

**Order of the candidates** (``rank_candidates``): readiness band first (ready,
close, stretch, far: the catalogue's bands, which look at fit and critical
gaps), long shots (far with a critical gap) after the other far candidates,
then higher fit, smaller critical gaps (every level short of a defining skill
from the ``critical_levels``-th on, summed: the units ``match`` is penalised by),
fewer levels to learn and less important learning (``sum(weight * shortfall)``).
Candidates equal on every one of these share a rank (``tied``) and are listed in
input order: nothing else breaks the tie. Match is reported, not ranked by: its
*use* part (how much of a person's strength the job asks for) would rank a
candidate with more skills than the job needs below one who has just enough.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from numpy.typing import NDArray

from roleadvisor.advice import Advice, Moves, advise
from roleadvisor.catalog.models import Catalog, Requirement, Role
from roleadvisor.engine import (
    Gap,
    Model,
    RoleFit,
    critical_gaps,
    measures,
    rank_key,
    ratings_vector,
    role_fit,
    role_gaps,
)
from roleadvisor.records import record
from roleadvisor.vector import Matrices, measure_matrix

ADVERT_ID = "advert"  # the id of an advert's requirement profile, in reports and as assess's target
EQUAL_WEIGHT = 1.0


@record
class Requirements:
    """What a candidate is scored against: a level and a weight per skill, in catalogue skill order.

    ``id`` is a role id, or ``ADVERT_ID``; ``weights_from`` the role whose weights
    these are (``None``: equal weights).
    """

    id: str
    levels: tuple[int, ...]
    weights: tuple[float, ...]
    weights_from: str | None


def role_requirements(catalog: Catalog, role_id: str) -> Requirements:
    """A catalogue role's own levels and weights."""
    role = catalog.role(role_id)
    return Requirements(
        id=role.id,
        levels=tuple(int(role.requirement(s).level) for s in catalog.skill_ids),
        weights=tuple(float(role.requirement(s).weight) for s in catalog.skill_ids),
        weights_from=role.id,
    )


def advert_requirements(
    catalog: Catalog, levels: Mapping[str, int], weights_from: str | None
) -> Requirements:
    """An advert's requirement profile: ``levels`` (every skill), weighted as ``weights_from`` weighs
    its skills, or equally when ``None``."""
    missing = [s for s in catalog.skill_ids if s not in levels]
    if missing:
        raise KeyError(f"no level asked for: {', '.join(missing)}")
    if weights_from is None:
        weights = (EQUAL_WEIGHT,) * len(catalog.skill_ids)
    else:
        role = catalog.role(weights_from)
        weights = tuple(float(role.requirement(s).weight) for s in catalog.skill_ids)
    return Requirements(
        id=ADVERT_ID,
        levels=tuple(int(levels[s]) for s in catalog.skill_ids),
        weights=weights,
        weights_from=weights_from,
    )


def requirement_model(catalog: Catalog, req: Requirements) -> Model:
    """The engine's ``Model`` with the one role ``req`` (and no stages)."""
    return Model(
        skill_ids=catalog.skill_ids,
        role_ids=(req.id,),
        stage_ids=(),
        need=(req.levels,),
        weight=(req.weights,),
        mix=(),
        max_level=catalog.scale.max,
        ranking=catalog.ranking,
    )


# ---------------------------------------------------------------- ranking candidates


@record(frozen=False, eq=False)
class Ranked:
    """One candidate's place: ``index`` into the input, ``rank`` (shared by tied candidates), measures."""

    index: int
    rank: int
    tied: bool
    fit: float
    use: float
    match: float
    band: str
    critical: int
    learning: int
    shortfall: float
    long_shot: bool


def rank_candidates(model: Model, ratings: NDArray[np.generic]) -> tuple[Ranked, ...]:
    """Every candidate (a row of ``ratings``, skills in catalogue order) scored against the model's one
    role, best first (see the module docstring for the order and the ties)."""
    if len(model.role_ids) != 1:
        raise ValueError("a requirement model has exactly one role")
    n = int(np.asarray(ratings).shape[0]) if np.asarray(ratings).ndim == 2 else 0
    if n == 0:
        return ()
    ms = measure_matrix(Matrices.from_model(model), ratings)
    bands = model.ranking.bands
    last = len(bands) - 1
    band = ms.band[:, 0]
    critical = ms.critical[:, 0]
    long_shot = (band == last) & (critical > 0)
    fit, learning, shortfall = ms.fit[:, 0], ms.learning[:, 0], ms.shortfall[:, 0]
    units = critical_units(model, ratings)
    # np.lexsort: the last key is the primary one; it is stable, so equal candidates keep input order
    order = np.lexsort((np.round(shortfall, 9), learning, units, -fit, long_shot, band))
    out: list[Ranked] = []
    previous: tuple[object, ...] | None = None
    rank = 0
    keys = [
        (
            int(band[i]),
            bool(long_shot[i]),
            float(fit[i]),
            int(units[i]),
            int(learning[i]),
            round(float(shortfall[i]), 9),
        )
        for i in range(n)
    ]
    for position, i in enumerate(order.tolist()):
        if keys[i] != previous:
            rank = position + 1
            previous = keys[i]
        out.append(
            Ranked(
                index=i,
                rank=rank,
                tied=False,
                fit=float(fit[i]),
                use=float(ms.use[i, 0]),
                match=float(ms.match[i, 0]),
                band=bands[int(band[i])].id,
                critical=int(critical[i]),
                learning=int(learning[i]),
                shortfall=float(shortfall[i]),
                long_shot=bool(long_shot[i]),
            )
        )
    counts: dict[int, int] = {}
    for r in out:
        counts[r.rank] = counts.get(r.rank, 0) + 1
    for r in out:
        r.tied = counts[r.rank] > 1
    return tuple(out)


def critical_units(model: Model, ratings: NDArray[np.generic]) -> NDArray[np.int64]:
    """Per candidate, how far below the critical line the defining skills are: every level short from
    the ``critical_levels``-th on, summed (the units ``match`` is penalised by)."""
    have = np.asarray(ratings, dtype=np.int64)
    r = model.ranking
    out = np.zeros(have.shape[0], dtype=np.int64)
    for j, (need, weight) in enumerate(zip(model.need[0], model.weight[0], strict=True)):
        if weight >= r.critical_weight:
            short = need - have[:, j]
            out += np.where(short >= r.critical_levels, short - r.critical_levels + 1, 0)
    return out


def candidate_gaps(model: Model, have: Sequence[int]) -> tuple[tuple[Gap, ...], tuple[Gap, ...]]:
    """``(gaps, critical gaps)`` of one candidate against the model's one role, largest weighted gap first."""
    gaps = role_gaps(model, [int(h) for h in have], 0)
    return gaps, critical_gaps(model, gaps)


# ---------------------------------------------------------------- assess --target ADVERT


def advert_role(catalog: Catalog, req: Requirements, title: str) -> Role:
    """``req`` as a catalogue role called ``title``, so that plans and charts can name it."""
    stages = catalog.role(req.weights_from).stages if req.weights_from is not None else ()
    return Role(
        id=req.id,
        title=title,
        family=ADVERT_ID,
        aliases=(),
        description="",
        stages=stages,
        requirements=tuple(
            (skill, Requirement(level=level, weight=weight))
            for skill, level, weight in zip(catalog.skill_ids, req.levels, req.weights, strict=True)
        ),
    )


def with_role(catalog: Catalog, role: Role) -> Catalog:
    """``catalog`` with one more role (last), for planning toward it."""
    from roleadvisor.records import replace

    return replace(catalog, roles=(*catalog.roles, role))


@record(frozen=False, eq=False)
class Toward:
    """Advice toward an advert: the catalogue that names it, the advice, its result and where it
    would rank among the catalogue's roles (1 + the roles ranked strictly ahead of it)."""

    catalog: Catalog
    advice: Advice
    result: RoleFit
    rank: int


def advise_toward(
    model: Model,
    catalog: Catalog,
    ratings: Mapping[str, int],
    role: Role,
    *,
    prefer: tuple[str, ...] = (),
    shown: int | None = None,
) -> Toward:
    """The plan, next best step and closest roles toward ``role`` (an advert, not one of the catalogue's
    roles); the stability and the *use what you have* / *highest ceiling* pair stay those of the
    catalogue's own roles, which the advert does not join."""
    extended = with_role(catalog, role)
    wide = Model.from_catalog(extended)
    toward = advise(wide, extended, ratings, target=role.id, prefer=prefer, shown=shown)
    own = advise(model, catalog, ratings, prefer=prefer, shown=shown)
    have = ratings_vector(wide, ratings)
    every = measures(wide, have)
    i = wide.role_ids.index(role.id)
    mine = rank_key(every[i], 0)[:-1]
    ahead = sum(1 for j, m in enumerate(every) if j != i and rank_key(m, 0)[:-1] < mine)
    advice = Advice(
        plan=toward.plan,
        resources=toward.resources,
        next_step=toward.next_step,
        next_resources=toward.next_resources,
        moves=Moves(
            best=toward.moves.best,
            adjacent=toward.moves.adjacent,
            use_what_you_have=own.moves.use_what_you_have,
            highest_ceiling=own.moves.highest_ceiling,
        ),
        stability=own.stability,
    )
    return Toward(catalog=extended, advice=advice, result=role_fit(wide, have, i, every[i]), rank=ahead + 1)
