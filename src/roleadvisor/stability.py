"""How stable a ranking is when the self-ratings are a level off. Pure Python, no I/O.

Self-ratings are noisy: studies of self-assessment find correlations of about
0.3 to 0.5 with measured skill. So the report says how often the best role
stays first when every rating may be one level off: a *nearby profile* moves
each rating by -1, 0 or +1 (within the scale), each equally likely, all skills
at once. When there are at most ``SAMPLES`` nearby profiles they are all
scored; otherwise ``SAMPLES`` of them, drawn with a fixed-seed generator, so
the same profile always gets the same figure.

Each nearby profile is ranked by exactly the rule of ``roleadvisor.engine``
(``match`` first; on a tie in match, the whole ``rank_key``), checked in
``tests/test_stability.py`` against ``engine.rank`` profile by profile.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from roleadvisor.engine import Model, measures, rank
from roleadvisor.records import record

SAMPLES = 400
_MASK = (1 << 64) - 1
Tables = list[list[tuple[tuple[float, int, int], ...]]]  # role -> skill -> level -> (covered, used, units)


@record(frozen=False, eq=False)
class Stability:
    """How often the best role stays first, and in the top three, among nearby profiles."""

    role_id: str  # the best role for the profile as rated
    first: int  # nearby profiles where it is still first
    top3: int  # nearby profiles where it is in the top three
    profiles: int  # nearby profiles scored
    exhaustive: bool  # every nearby profile was scored (else a fixed sample)
    runner_up: str | None  # the role that most often takes first place instead

    @property
    def first_share(self) -> float:
        """``first / profiles``."""
        return self.first / self.profiles if self.profiles else 1.0

    @property
    def top3_share(self) -> float:
        """``top3 / profiles``."""
        return self.top3 / self.profiles if self.profiles else 1.0


def _choices(have: Sequence[int], top: int) -> list[tuple[int, ...]]:
    return [tuple(level for level in (h - 1, h, h + 1) if 0 <= level <= top) for h in have]


def nearby_profiles(
    have: Sequence[int], top: int, samples: int = SAMPLES
) -> tuple[list[tuple[int, ...]], bool]:
    """Every nearby profile of ``have`` if there are at most ``samples``, else a fixed sample of them."""
    choices = _choices(have, top)
    total = 1
    for options in choices:
        total *= len(options)
    out: list[tuple[int, ...]] = []
    if total <= samples:
        for index in range(total):
            profile = []
            number = index
            for options in choices:
                number, digit = divmod(number, len(options))
                profile.append(options[digit])
            out.append(tuple(profile))
        return out, True
    state = 0x9E3779B97F4A7C15 ^ sum((h + 1) << (3 * j) for j, h in enumerate(have))
    for _ in range(samples):
        profile = []
        for options in choices:
            state = (state * 6364136223846793005 + 1442695040888963407) & _MASK
            profile.append(options[(state >> 33) % len(options)])
        out.append(tuple(profile))
    return out, False


def _tables(model: Model) -> Tables:
    """Per role, per skill, per level: (covered weight, level used, critical-gap penalty units)."""
    top = model.max_level
    r = model.ranking
    out = []
    for need, weight in zip(model.need, model.weight, strict=True):
        per_skill = []
        for n, w in zip(need, weight, strict=True):
            per_skill.append(
                tuple(
                    (
                        w * (h if h < n else n),
                        h * h if h < n else h * n,
                        n - h - r.critical_levels + 1
                        if (n - h >= r.critical_levels and w >= r.critical_weight)
                        else 0,
                    )
                    for h in range(top + 1)
                )
            )
        out.append(per_skill)
    return out


def _round(value: float) -> float:
    return round((0.0 if value < 0.0 else 1.0 if value > 1.0 else value) * 10000.0) / 10000.0


def _order(
    model: Model, tables: list[list[tuple[tuple[float, int, int], ...]]], have: tuple[int, ...]
) -> list[int]:
    """The role indices in ranking order for ``have``: by match, the full rule only on a tie."""
    strength = 0
    for h in have:
        strength += h * h
    penalty = model.ranking.critical_penalty
    matches = []
    for per_skill, denominator in zip(tables, model.denominator, strict=True):
        covered = 0.0
        used = critical = 0
        for h, row in zip(have, per_skill):  # noqa: B905 - one row per skill by construction
            cell = row[h]
            covered += cell[0]
            used += cell[1]
            critical += cell[2]
        fit = _round(covered / denominator) if denominator > 0 else 1.0
        use = round(used / strength * 10000.0) / 10000.0 if strength > 0 else 1.0
        matches.append(_round(fit * use - penalty * critical))
    ordered = sorted(range(len(matches)), key=lambda i: -matches[i])
    head = [matches[i] for i in ordered[:4]]
    if all(a > b for a, b in pairwise(head)):
        return ordered[:3]  # the top three are decided by match alone
    return list(rank(model, measures(model, have))[:3])


@record(frozen=False, eq=False)
class _Packed:
    """The per-(skill, level) contributions of every role packed side by side in one integer.

    Possible when every weight is a whole number: then every sum the engine adds
    in floating point is a whole number too, held exactly, and adding the packed
    integers adds all roles at once. Each role has a lane of ``bits`` bits.
    """

    bits: int
    covered: tuple[tuple[int, ...], ...]  # per skill, per level
    used: tuple[tuple[int, ...], ...]
    units: tuple[tuple[int, ...], ...]
    learning: tuple[tuple[int, ...], ...]
    shortfall: tuple[tuple[int, ...], ...]
    distance: tuple[tuple[int, ...], ...]
    emphasis: tuple[tuple[int, ...], ...]
    shifts: tuple[int, ...]  # per role


def _packed(model: Model) -> _Packed | None:
    if model.max_level < 0 or any(w != int(w) or w < 0 for row in model.weight for w in row):
        return None
    r = model.ranking
    top = model.max_level
    n_skills = len(model.skill_ids)
    heaviest = max([int(w) for row in model.weight for w in row] or [1])
    largest = max([*(int(d) for d in model.denominator), n_skills * top * top * max(heaviest, 1), 1])
    bits = largest.bit_length() + 1
    tables: list[list[list[int]]] = [[] for _ in range(7)]
    for j in range(n_skills):
        rows = [[0] * (top + 1) for _ in range(7)]
        for h in range(top + 1):
            for i in range(len(model.role_ids)):
                n, w = model.need[i][j], int(model.weight[i][j])
                shift = bits * i
                gap = n - h if h < n else 0
                rows[0][h] += (w * (h if h < n else n)) << shift
                rows[1][h] += (h * h if h < n else h * n) << shift
                if gap >= r.critical_levels and w >= r.critical_weight:
                    rows[2][h] += (gap - r.critical_levels + 1) << shift
                rows[3][h] += gap << shift
                rows[4][h] += (w * gap) << shift
                rows[5][h] += abs(n - h) << shift
                rows[6][h] += (w * (h * h if h < n else h * n)) << shift
        for t in range(7):
            tables[t].append(rows[t])
    covered, used, units, learning, shortfall, distance, emphasis = (
        tuple(tuple(row) for row in table) for table in tables
    )
    return _Packed(
        bits=bits,
        covered=covered,
        used=used,
        units=units,
        learning=learning,
        shortfall=shortfall,
        distance=distance,
        emphasis=emphasis,
        shifts=tuple(bits * i for i in range(len(model.role_ids))),
    )


def _packed_order(model: Model, packed: _Packed, have: tuple[int, ...]) -> list[int]:
    """``_order`` for whole-number weights: every role's sums in three integer additions per skill."""
    cov = use_sum = units = strength = 0
    for j, h in enumerate(have):
        cov += packed.covered[j][h]
        use_sum += packed.used[j][h]
        units += packed.units[j][h]
        strength += h * h
    mask = (1 << packed.bits) - 1
    penalty = model.ranking.critical_penalty
    fits = []
    matches = []
    for shift, denominator in zip(packed.shifts, model.denominator):  # noqa: B905 - one per role
        fit = round(((cov >> shift) & mask) / denominator * 10000.0) / 10000.0 if denominator > 0 else 1.0
        use = round(((use_sum >> shift) & mask) / strength * 10000.0) / 10000.0 if strength > 0 else 1.0
        match = fit * use - penalty * ((units >> shift) & mask)
        fits.append(fit)
        matches.append(round((0.0 if match < 0.0 else 1.0 if match > 1.0 else match) * 10000.0) / 10000.0)
    ordered = sorted(range(len(matches)), key=matches.__getitem__, reverse=True)
    head = [matches[i] for i in ordered[:4]]
    if all(a > b for a, b in pairwise(head)):
        return ordered[:3]
    # a tie in match: the rest of the ranking rule, from the same packed sums
    learning = shortfall = distance = emphasis = 0
    for j, h in enumerate(have):
        learning += packed.learning[j][h]
        shortfall += packed.shortfall[j][h]
        distance += packed.distance[j][h]
        emphasis += packed.emphasis[j][h]
    keys = [
        (
            -matches[i],
            (learning >> s) & mask,
            (shortfall >> s) & mask,
            -fits[i],
            -((emphasis >> s) & mask),
            (distance >> s) & mask,
            i,
        )
        for i, s in enumerate(packed.shifts)
    ]
    return [key[-1] for key in sorted(keys)[:3]]


def stability(model: Model, have: Sequence[int], samples: int = SAMPLES) -> Stability:
    """How stable the best role of ``have`` is when each rating moves by up to one level."""
    levels = tuple(int(h) for h in have)
    best = rank(model, measures(model, levels))[0]
    packed = _packed(model)
    tables = _tables(model) if packed is None else []
    profiles, exhaustive = nearby_profiles(levels, model.max_level, samples)
    first = top3 = 0
    others: dict[int, int] = {}
    for profile in profiles:
        order = _order(model, tables, profile) if packed is None else _packed_order(model, packed, profile)
        if order[0] == best:
            first += 1
        else:
            others[order[0]] = others.get(order[0], 0) + 1
        if best in order[:3]:
            top3 += 1
    runner = min(others, key=lambda i: (-others[i], model.role_ids[i])) if others else None
    return Stability(
        role_id=model.role_ids[best],
        first=first,
        top3=top3,
        profiles=len(profiles),
        exhaustive=exhaustive,
        runner_up=None if runner is None else model.role_ids[runner],
    )
