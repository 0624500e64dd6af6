"""How stable a ranking is when the self-ratings are a level off. Pure Python, no I/O.

Self-ratings are noisy: studies of self-assessment find correlations of about
0.3 to 0.5 with measured skill. So the report says how often the best role
stays first when every rating may be one level off: a *nearby profile* moves
each rating by -1, 0 or +1 (within the scale), each equally likely, all skills
at once. When there are at most ``SAMPLES`` nearby profiles they are all
scored; otherwise ``SAMPLES`` of them, drawn with a fixed-seed generator, so
the same profile always gets the same figure.

Each nearby profile is ranked by exactly the rule of ``roleadvisor.engine``:
with whole-number weights (the built-in catalogue) every role's sums are added
at once in packed integers, the whole ``rank_key`` used only on a tie; other
catalogues go through ``engine.rank``. ``tests/test_stability.py`` checks the
two against each other profile by profile.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from roleadvisor.engine import Model, measures, rank
from roleadvisor.records import record

SAMPLES = 256
_MASK = (1 << 64) - 1


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


def _order(model: Model, have: tuple[int, ...]) -> list[int]:
    """The first three roles for ``have`` by the engine's ranking (any catalogue)."""
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
    critical: tuple[tuple[int, ...], ...]  # the number of critical gaps
    shifts: tuple[int, ...]  # per role
    near_bands: tuple[tuple[int, int | None], ...]  # all bands but the last: (min fit %, max critical)
    region: int  # bits of one table in ``combined``
    combined: tuple[tuple[int, ...], ...]  # covered, used, units and critical side by side: one add a skill


def _packed(model: Model) -> _Packed | None:
    if model.max_level < 0 or any(w != int(w) or w < 0 for row in model.weight for w in row):
        return None
    r = model.ranking
    top = model.max_level
    n_skills = len(model.skill_ids)
    heaviest = max([int(w) for row in model.weight for w in row] or [1])
    largest = max([*(int(d) for d in model.denominator), n_skills * top * top * max(heaviest, 1), 1])
    bits = largest.bit_length() + 1
    tables: list[list[list[int]]] = [[] for _ in range(8)]
    for j in range(n_skills):
        rows = [[0] * (top + 1) for _ in range(8)]
        for h in range(top + 1):
            for i in range(len(model.role_ids)):
                n, w = model.need[i][j], int(model.weight[i][j])
                shift = bits * i
                gap = n - h if h < n else 0
                rows[0][h] += (w * (h if h < n else n)) << shift
                rows[1][h] += (h * h if h < n else h * n) << shift
                if gap >= r.critical_levels and w >= r.critical_weight:
                    rows[2][h] += (gap - r.critical_levels + 1) << shift
                    rows[7][h] += 1 << shift
                rows[3][h] += gap << shift
                rows[4][h] += (w * gap) << shift
                rows[5][h] += abs(n - h) << shift
                rows[6][h] += (w * (h * h if h < n else h * n)) << shift
        for t in range(8):
            tables[t].append(rows[t])
    covered, used, units, learning, shortfall, distance, emphasis, critical = (
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
        critical=critical,
        near_bands=tuple((round(b.min_fit * 100), b.max_critical_gaps) for b in r.bands[:-1]),
        region=bits * len(model.role_ids),
        combined=tuple(
            tuple(
                covered[j][h]
                | used[j][h] << (bits * len(model.role_ids))
                | units[j][h] << (2 * bits * len(model.role_ids))
                | critical[j][h] << (3 * bits * len(model.role_ids))
                for h in range(top + 1)
            )
            for j in range(n_skills)
        ),
        shifts=tuple(bits * i for i in range(len(model.role_ids))),
    )


def _last_band(packed: _Packed, fit: float, critical: int) -> bool:
    """``Ranking.is_last`` from the precomputed thresholds."""
    shown = round(fit * 100)
    for min_fit, max_critical in packed.near_bands:
        if shown >= min_fit and (max_critical is None or critical <= max_critical):
            return False
    return True


def _packed_order(model: Model, packed: _Packed, have: tuple[int, ...]) -> list[int]:
    """``_order`` for whole-number weights: every role's sums in a few integer additions per skill."""
    total = strength = 0
    for row, h in zip(packed.combined, have):  # noqa: B905 - one row per skill
        total += row[h]
        strength += h * h
    region = packed.region
    whole = (1 << region) - 1
    cov = total & whole
    use_sum = (total >> region) & whole
    units = (total >> (2 * region)) & whole
    crit = total >> (3 * region)
    mask = (1 << packed.bits) - 1
    ranking = model.ranking
    penalty = ranking.critical_penalty
    fits = []
    matches = []
    for shift, denominator in zip(packed.shifts, model.denominator):  # noqa: B905 - one per role
        fit = round(((cov >> shift) & mask) / denominator * 10000.0) / 10000.0 if denominator > 0 else 1.0
        use = round(((use_sum >> shift) & mask) / strength * 10000.0) / 10000.0 if strength > 0 else 1.0
        match = fit * use - penalty * ((units >> shift) & mask)
        fits.append(fit)
        matches.append(round((0.0 if match < 0.0 else 1.0 if match > 1.0 else match) * 10000.0) / 10000.0)
    # long shots (last band and a critical gap) rank after the others: find them in match order,
    # only as far down as needed to know the first four places
    near: list[int] = []
    far: list[int] = []
    for i in sorted(range(len(matches)), key=matches.__getitem__, reverse=True):
        count = (crit >> packed.shifts[i]) & mask
        if count and _last_band(packed, fits[i], count):
            far.append(i)
        else:
            near.append(i)
            if len(near) == 4:
                break
    ordered = near + far if len(near) < 4 else near
    head = [(i in far, -matches[i]) for i in ordered[:4]]
    if all(a < b for a, b in pairwise(head)):
        return ordered[:3]
    # a tie: the rest of the ranking rule, from the same packed sums
    learning = shortfall = distance = emphasis = 0
    for j, h in enumerate(have):
        learning += packed.learning[j][h]
        shortfall += packed.shortfall[j][h]
        distance += packed.distance[j][h]
        emphasis += packed.emphasis[j][h]
    keys = [
        (
            bool((crit >> s) & mask) and _last_band(packed, fits[i], (crit >> s) & mask),
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
    profiles, exhaustive = nearby_profiles(levels, model.max_level, samples)
    first = top3 = 0
    others: dict[int, int] = {}
    for profile in profiles:
        order = _order(model, profile) if packed is None else _packed_order(model, packed, profile)
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
