"""The scoring engine for one profile: pure Python, no NumPy, no I/O, no printing.

Fit of a person to a role, for required levels ``need``, importance weights
``w`` and the person's ratings ``have`` (one entry per skill)::

    fit = sum(w * min(have, need)) / sum(w * need)

A rating above the requirement earns nothing extra; a rating below it costs
``w * (need - have)``. A role that requires nothing has fit 1.0. Fits are
rounded to ``FIT_DECIMALS`` places, so every command and the Python API
report the very same numbers. A stage's fit is the share of its skill mix the
person covers, counting each skill as ``have / scale.max``.

Every sum runs skill by skill in catalogue order, and rounding is NumPy's
(``rint(x * 10**4) / 10**4``), so ``roleadvisor.vector``, which scores many
profiles at once with NumPy, gives the very same floats: the two are checked
against each other on every profile of the built-in scale
(``tests/test_engine_equivalence.py``). This module stays free of NumPy so
that scoring one profile does not pay for importing it.

Coverage alone answers "can you do this job", not "is this the job for you":
a strong generalist covers nine roles fully. So each role also gets

* ``use``: how much of the person's strength the role asks for,
  ``sum(have * min(have, need)) / sum(have * have)``: each skill counts as much
  as the person is strong in it, so a role that leaves their best skills idle
  scores low (1.0 when the person rated everything 0);
* ``critical``: the number of *critical gaps*, shortfalls of at least
  ``Ranking.critical_levels`` on a defining skill (weight at least
  ``Ranking.critical_weight``);
* ``learning``: the levels still to learn, ``sum(max(need - have, 0))``;
* ``match = fit * use - critical_penalty * units`` (fit and use rounded
  first, so the printed numbers multiply out), the number roles are ranked by;
  ``units`` counts, over the critical gaps, every level short from the
  ``critical_levels``-th on: a gap of 2 levels costs one penalty, 3 levels two.

``rank_key`` is the ranking rule: *long shots* (roles in the catalogue's last
readiness band, *far*, that also have a critical gap) after all others; then
higher match, then fewer levels to learn,
then less important learning (smaller ``sum(weight * (need - have))`` over the
gaps), then higher fit, then the role that weighs the person's strengths more
(larger ``sum(weight * have * min(have, need))``), then the requirement profile
nearest the person's (smallest ``sum(|have - need|)``), and only then catalogue
order (core roles are listed first), which decides only between roles whose
every measure is equal.

The result records (``Gap``, ``RoleFit``, ...) are ``@record``s, not frozen
dataclasses: nothing mutates them, and they cost nothing to define at start-up.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import field

from roleadvisor.catalog.models import Catalog, Ranking
from roleadvisor.records import record

FIT_DECIMALS = 4
_SCALE = 10.0**FIT_DECIMALS  # what np.round multiplies by and divides by again


def _round(value: float) -> float:
    """Round to ``FIT_DECIMALS`` places exactly as ``np.round(value, FIT_DECIMALS)`` does.

    NumPy computes ``rint(value * 10000.0) / 10000.0``; Python's ``round``
    without digits rounds half to even, like ``rint``.
    """
    return round(value * _SCALE) / _SCALE


def _round_fit(value: float) -> float:
    """Clip to [0, 1], then ``_round``: ``np.round(np.clip(value, 0, 1), FIT_DECIMALS)``."""
    return round((0.0 if value < 0.0 else 1.0 if value > 1.0 else value) * _SCALE) / _SCALE


@record
class Model:
    """A catalogue compiled into tuples: one row per role (or stage), one entry per skill.

    ``denominator`` (each role's ``sum(weight * need)``, added skill by skill in
    catalogue order) and ``id_order`` are derived from the other fields.
    """

    skill_ids: tuple[str, ...]
    role_ids: tuple[str, ...]
    stage_ids: tuple[str, ...]
    need: tuple[tuple[int, ...], ...]  # per role: required level per skill
    weight: tuple[tuple[float, ...], ...]  # per role: importance per skill
    mix: tuple[tuple[float, ...], ...]  # per stage: share per skill, summing to 1
    max_level: int
    ranking: Ranking = Ranking()
    denominator: tuple[float, ...] = field(init=False)  # per role; 0 means nothing required
    id_order: tuple[int, ...] = field(init=False)  # role indices sorted by role id, for tie-breaking

    def __post_init__(self) -> None:
        n_skills = len(self.skill_ids)
        rows = (*self.need, *self.weight, *self.mix)
        if (
            len(self.need) != len(self.role_ids)
            or len(self.weight) != len(self.role_ids)
            or len(self.mix) != len(self.stage_ids)
            or any(len(row) != n_skills for row in rows)
        ):
            raise ValueError("need and weight need one row per role, mix one per stage, each one per skill")
        denominator = []
        for need, weight in zip(self.need, self.weight, strict=True):
            total = 0.0
            for w, n in zip(weight, need, strict=True):
                total += w * n
            denominator.append(total)
        object.__setattr__(self, "denominator", tuple(denominator))
        order = sorted(range(len(self.role_ids)), key=self.role_ids.__getitem__)
        object.__setattr__(self, "id_order", tuple(order))

    @classmethod
    def from_catalog(cls, catalog: Catalog) -> Model:
        """Compile ``catalog``; skills, roles and stages keep catalogue order."""
        skills = catalog.skill_ids
        col = {skill_id: j for j, skill_id in enumerate(skills)}
        need: list[tuple[int, ...]] = []
        weight: list[tuple[float, ...]] = []
        for role in catalog.roles:
            levels = [0] * len(skills)
            weights = [0.0] * len(skills)
            for skill_id, req in role.requirements:
                levels[col[skill_id]] = int(req.level)
                weights[col[skill_id]] = float(req.weight)
            need.append(tuple(levels))
            weight.append(tuple(weights))
        mix: list[tuple[float, ...]] = []
        for stage in catalog.stages:
            shares = [0.0] * len(skills)
            for skill_id, share in stage.skill_mix:
                shares[col[skill_id]] = float(share)
            total = 0.0
            for share in shares:
                total += share
            mix.append(tuple(share / total for share in shares) if total > 0 else tuple(shares))
        return cls(
            skill_ids=skills,
            role_ids=catalog.role_ids,
            stage_ids=tuple(stage.id for stage in catalog.stages),
            need=tuple(need),
            weight=tuple(weight),
            mix=tuple(mix),
            max_level=catalog.scale.max,
            ranking=catalog.ranking,
        )


def fits(model: Model, have: Sequence[int]) -> tuple[float, ...]:
    """Fit of the profile ``have`` (one level per skill, in skill order) to every role, in role order."""
    if len(have) != len(model.skill_ids):
        raise ValueError(f"need {len(model.skill_ids)} ratings, one per skill; got {len(have)}")
    out = []
    for need, weight, denominator in zip(model.need, model.weight, model.denominator, strict=False):
        covered = 0.0
        # lengths are checked above; zip(strict=...) would add a tenth to the time of a call
        for h, n, w in zip(have, need, weight):  # noqa: B905
            covered += w * (h if h < n else n)
        out.append(_round_fit(covered / denominator) if denominator > 0 else 1.0)
    return tuple(out)


def stage_fits(model: Model, have: Sequence[int]) -> tuple[float, ...]:
    """Share of every stage's skill mix the profile covers, each skill counted as ``have / max``."""
    if len(have) != len(model.skill_ids):
        raise ValueError(f"need {len(model.skill_ids)} ratings, one per skill; got {len(have)}")
    top = model.max_level
    level = [(0 if h < 0 else top if h > top else h) / top for h in have]
    out = []
    for shares in model.mix:
        covered = 0.0
        for x, share in zip(level, shares, strict=False):
            covered += x * share
        out.append(_round_fit(covered))
    return tuple(out)


@record(frozen=False, eq=False)
class Measures:
    """Every number the ranking uses for one role (see the module docstring)."""

    fit: float
    use: float
    critical: int
    learning: int
    distance: int
    match: float
    long_shot: bool = False  # in the catalogue's last readiness band and with a critical gap
    shortfall: float = 0.0  # sum(weight * (need - have)) over the gaps: learning weighted by importance
    emphasis: float = 0.0  # sum(weight * have * min(have, need)): how much the role weighs your strengths


def measures(model: Model, have: Sequence[int]) -> tuple[Measures, ...]:
    """Fit, use, critical gaps, levels to learn and match of ``have`` for every role, in role order."""
    role_fits = fits(model, have)
    strength = 0
    for h in have:
        strength += h * h
    min_weight = model.ranking.critical_weight
    min_levels = model.ranking.critical_levels
    penalty = model.ranking.critical_penalty
    out = []
    for fit, need, weight in zip(role_fits, model.need, model.weight, strict=True):
        used = critical = units = learning = distance = 0
        shortfall = emphasis = 0.0
        for h, n, w in zip(have, need, weight):  # noqa: B905 - lengths checked by fits()
            if h < n:
                used += h * h
                emphasis += w * (h * h)
                learning += n - h
                distance += n - h
                shortfall += w * (n - h)
                if n - h >= min_levels and w >= min_weight:
                    critical += 1
                    units += n - h - min_levels + 1
            else:
                used += h * n
                emphasis += w * (h * n)
                distance += h - n
        use = _round(used / strength) if strength > 0 else 1.0
        out.append(
            Measures(
                fit=fit,
                use=use,
                critical=critical,
                learning=learning,
                distance=distance,
                match=_round_fit(fit * use - penalty * units),
                long_shot=critical > 0 and model.ranking.is_last(fit, critical),
                shortfall=shortfall,
                emphasis=emphasis,
            )
        )
    return tuple(out)


def rank_key(m: Measures, role_index: int) -> tuple[bool, float, int, float, float, float, int, int]:
    """The ranking rule as a sort key: long shots last, then match, learning, weighted learning, fit,
    emphasis, distance and catalogue order."""
    return (m.long_shot, -m.match, m.learning, m.shortfall, -m.fit, -m.emphasis, m.distance, role_index)


def rank(model: Model, role_measures: Sequence[Measures]) -> tuple[int, ...]:
    """Role indices in ranking order (``rank_key``)."""
    return tuple(sorted(range(len(model.role_ids)), key=lambda i: rank_key(role_measures[i], i)))


def rank_by_fit(model: Model, role_fits: Sequence[float]) -> tuple[int, ...]:
    """Role indices, best fit first, ties broken by role id (coverage alone; used by plans)."""
    return tuple(sorted(model.id_order, key=lambda i: -role_fits[i]))


@record(frozen=False)
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


@record(frozen=False)
class RoleFit:
    """How well a profile fits one role, with its gaps, largest weighted gap first."""

    role_id: str
    fit: float
    gaps: tuple[Gap, ...]
    use: float = 1.0
    critical: tuple[Gap, ...] = ()  # the gaps that are critical, largest first
    learning: int = 0  # levels still to learn
    match: float = 1.0
    band: str = ""  # readiness band id


@record(frozen=False)
class StageFit:
    """How much of a stage's skill mix a profile covers."""

    stage_id: str
    fit: float


@record(frozen=False)
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


def ratings_vector(model: Model, ratings: Mapping[str, int]) -> tuple[int, ...]:
    """Order a {skill: level} mapping as the engine's columns; every skill must be present."""
    missing = [skill for skill in model.skill_ids if skill not in ratings]
    if missing:
        raise KeyError(f"missing ratings for: {', '.join(missing)}")
    return tuple(int(ratings[skill]) for skill in model.skill_ids)


def role_gaps(model: Model, have: Sequence[int], role_index: int) -> tuple[Gap, ...]:
    """Every skill where ``have`` is below the role's need, largest weighted gap first.

    Ties keep catalogue skill order.
    """
    need, weight = model.need[role_index], model.weight[role_index]
    gaps = [
        Gap(skill=model.skill_ids[j], have=int(have[j]), need=need[j], weight=weight[j])
        for j in range(len(model.skill_ids))
        if have[j] < need[j]
    ]
    return tuple(sorted(gaps, key=lambda gap: -gap.weighted))


def critical_gaps(model: Model, gaps: Sequence[Gap]) -> tuple[Gap, ...]:
    """The gaps among ``gaps`` that are critical under the model's ranking rule."""
    r = model.ranking
    return tuple(g for g in gaps if g.weight >= r.critical_weight and g.need - g.have >= r.critical_levels)


def role_fit(model: Model, have: Sequence[int], role_index: int, m: Measures) -> RoleFit:
    """The full result for one role: its measures, gaps, critical gaps and readiness band."""
    gaps = role_gaps(model, have, role_index)
    return RoleFit(
        role_id=model.role_ids[role_index],
        fit=m.fit,
        gaps=gaps,
        use=m.use,
        critical=critical_gaps(model, gaps),
        learning=m.learning,
        match=m.match,
        band=model.ranking.band(m.fit, m.critical).id,
    )


def assess(model: Model, ratings: Mapping[str, int]) -> Assessment:
    """Score one complete profile: ranked role fits with gaps, and ranked stage fits."""
    have = ratings_vector(model, ratings)
    role_measures = measures(model, have)
    by_stage = stage_fits(model, have)
    stage_order = sorted(range(len(model.stage_ids)), key=lambda t: (-by_stage[t], t))
    return Assessment(
        ratings=tuple(zip(model.skill_ids, have, strict=True)),
        roles=tuple(role_fit(model, have, i, role_measures[i]) for i in rank(model, role_measures)),
        stages=tuple(StageFit(stage_id=model.stage_ids[t], fit=by_stage[t]) for t in stage_order),
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


@record(frozen=False)
class RoleSimilarity:
    """How close another role's requirements are to a given role's (1.0 = identical)."""

    role_id: str
    similarity: float
    differences: tuple[tuple[str, int, int], ...]  # (skill, this role's level, other's), largest first


def similar_roles(model: Model, role_id: str) -> list[RoleSimilarity]:
    """Every other role, closest requirement profile first.

    Distance is the mean level difference weighted by how much each skill
    matters to ``role_id``, as a share of the scale; similarity is one minus it.
    Ties go to the role id that sorts first.
    """
    i = model.role_ids.index(role_id)
    weights, own = model.weight[i], model.need[i]
    total = 0.0
    for w in weights:
        total += w
    diff = [tuple(abs(n - o) for n, o in zip(need, own, strict=True)) for need in model.need]
    similarity = []
    for row in diff:
        distance = 0.0
        if total > 0 and model.max_level > 0:
            for d, w in zip(row, weights, strict=True):
                distance += d * w
            distance /= total * model.max_level
        similarity.append(_round(1.0 - distance))
    out: list[RoleSimilarity] = []
    for j in sorted(range(len(model.role_ids)), key=lambda r: (-similarity[r], model.role_ids[r])):
        if j == i:
            continue
        order = sorted(
            (k for k in range(len(model.skill_ids)) if diff[j][k] > 0),
            key=lambda k: (-diff[j][k] * weights[k], k),
        )
        out.append(
            RoleSimilarity(
                role_id=model.role_ids[j],
                similarity=similarity[j],
                differences=tuple((model.skill_ids[k], own[k], model.need[j][k]) for k in order),
            )
        )
    return out
