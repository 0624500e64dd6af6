"""``vector.measure_matrix`` for whole levels, looked up in tables instead of computed.

A batch rates people in whole levels on the catalogue's scale (0-5), so every
term ``measure_matrix`` adds up for a skill (the weighted cover of a role's
need, the strength used, the emphasis, the shortfall, the gap, whether it is
critical) takes one of a handful of values per role, worked out once here with
the very expressions ``measure_matrix`` uses.

When every such term is a whole number (as in the built-in catalogue, whose
weights and levels are whole), the sums are whole numbers too, and a sum of
whole numbers is exact in any order. So the terms are packed side by side into
64-bit integers (one bit field each, wide enough for its largest sum), the
terms of several skills are added up in advance for every combination of their
levels, and a profile's sums come from two or three look-ups and additions per
role instead of dozens of array operations. Unpacked, they are the very floats
``measure_matrix`` computes, and the rest (fit, use, match, band) is the same
code; ``tests/batch/test_levels.py`` checks every array bit for bit.

Ratings that are not whole levels on the scale, and catalogues whose terms are
not whole numbers, are scored by ``measure_matrix`` itself.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from roleadvisor.engine import FIT_DECIMALS
from roleadvisor.vector import FloatArray, Matrices, MeasureArrays, bands, measure_matrix, rounded

Ints = NDArray[np.int64]

# the sums measure_matrix keeps, as packed fields (STRENGTH is the same for every role)
COVERED, USED, EMPHASIS, SHORTFALL, LEARNING, DISTANCE, CRITICAL, UNITS, STRENGTH = range(9)
FIELDS = 9
LANE_BITS = 63  # bits used in each int64: sums stay positive
GROUP_ENTRIES = 4096  # most level combinations in one table (1,296 for four skills on 0-5)


def terms(m: Matrices) -> FloatArray:
    """Every term ``measure_matrix`` adds up, per skill and level: (skills, fields, levels, roles)."""
    ranking = m.model.ranking
    h = np.arange(m.max_level + 1, dtype=np.float64)[:, None]  # (levels, 1): a column of ``have``
    defining = m.weight >= ranking.critical_weight
    out = np.empty((len(m.skill_ids), FIELDS, len(h), len(m.role_ids)), dtype=np.float64)
    for j in range(len(m.skill_ids)):
        need = m.need[:, j]
        short = h < need
        gap = np.maximum(need - h, 0).astype(np.int64)
        crit = defining[:, j] & (gap >= ranking.critical_levels)
        out[j, COVERED] = m.weight[:, j] * np.minimum(h, need)
        out[j, USED] = np.where(short, h * h, h * need)
        out[j, EMPHASIS] = m.weight[:, j] * np.where(short, h * h, h * need)
        out[j, SHORTFALL] = m.weight[:, j] * np.maximum(need - h, 0)
        out[j, LEARNING] = gap
        out[j, DISTANCE] = np.abs(need - h).astype(np.int64)
        out[j, CRITICAL] = crit
        out[j, UNITS] = np.where(crit, gap - ranking.critical_levels + 1, 0)
        out[j, STRENGTH] = h * h
    return out


@dataclass(frozen=True)
class Field:
    """Where one sum lives: its lane (which int64), its first bit and its width."""

    lane: int
    shift: int
    bits: int


@dataclass(frozen=True)
class LevelTables:
    """Packed sums for every combination of levels of each group of skills."""

    m: Matrices
    fields: tuple[Field, ...]  # by field number
    lanes: int
    groups: tuple[tuple[int, ...], ...]  # skill indices, in catalogue order
    tables: tuple[Ints, ...]  # per group: (levels ** len(group), lanes * roles)

    @classmethod
    def of(cls, m: Matrices) -> LevelTables | None:
        """The tables of ``m``, or ``None`` when its terms are not all whole numbers (or too large)."""
        values = terms(m)
        if not (np.isfinite(values).all() and (values >= 0).all() and (values == np.floor(values)).all()):
            return None
        largest = values.max(axis=2).sum(axis=0).max(axis=1)  # each field's largest sum over a profile
        if largest.max() >= 2.0**52:
            return None
        fields = _layout([int(v).bit_length() for v in largest.tolist()])
        lanes = 1 + max(f.lane for f in fields)
        levels, roles = m.max_level + 1, len(m.role_ids)
        packed = np.zeros((len(m.skill_ids), levels, lanes, roles), dtype=np.int64)
        for number, spot in enumerate(fields):
            packed[:, :, spot.lane, :] += values[:, number].astype(np.int64) << spot.shift
        packed_rows = packed.reshape(len(m.skill_ids), levels, lanes * roles)
        size = max(1, int(np.log(GROUP_ENTRIES) // np.log(levels)))
        skills = list(range(len(m.skill_ids)))
        groups = tuple(tuple(skills[i : i + size]) for i in range(0, len(skills), size))
        tables = []
        for group in groups:
            table = np.zeros((1, lanes * roles), dtype=np.int64)
            for j in group:  # level of the group's first skill varies slowest
                table = (table[:, None, :] + packed_rows[j][None, :, :]).reshape(-1, lanes * roles)
            tables.append(table)
        return cls(m=m, fields=fields, lanes=lanes, groups=groups, tables=tuple(tables))

    def measure(self, ratings: NDArray[np.generic]) -> MeasureArrays:
        """``measure_matrix(m, ratings)``: the same arrays, bit for bit."""
        m = self.m
        if not _whole_levels(ratings, m.max_level, len(m.skill_ids)):
            return measure_matrix(m, ratings)
        n, roles, levels = ratings.shape[0], len(m.role_ids), m.max_level + 1
        whole = ratings.astype(np.intp)
        total = np.zeros((n, self.lanes * roles), dtype=np.int64)
        for group, table in zip(self.groups, self.tables, strict=True):
            code = np.zeros(n, dtype=np.intp)
            for j in group:
                code = code * levels + whole[:, j]
            total += np.take(table, code, axis=0, mode="clip")  # every code is in range (checked)
        lanes = total.reshape(n, self.lanes, roles)

        def field(number: int) -> Ints:
            spot = self.fields[number]
            return (lanes[:, spot.lane, :] >> spot.shift) & ((1 << spot.bits) - 1)

        ranking = m.model.ranking
        covered = field(COVERED).astype(np.float64)
        safe_den = np.where(m.denominator > 0, m.denominator, 1.0)
        fit = rounded(np.where(m.denominator > 0, covered / safe_den, 1.0))
        strength = field(STRENGTH)[:, :1].astype(np.float64)
        safe = np.where(strength > 0, strength, 1.0)
        use = np.where(strength > 0, np.round(field(USED) / safe, FIT_DECIMALS), 1.0)
        critical = field(CRITICAL)
        match = rounded(fit * use - ranking.critical_penalty * field(UNITS))
        band = bands(m, fit, critical)
        return MeasureArrays(
            fit=fit,
            use=use,
            match=match,
            critical=critical,
            learning=field(LEARNING),
            distance=field(DISTANCE),
            band=band,
            shortfall=field(SHORTFALL).astype(np.float64),
            emphasis=field(EMPHASIS).astype(np.float64),
        )


def _layout(widths: list[int]) -> tuple[Field, ...]:
    """Fields side by side in as few 63-bit lanes as they need, in field order."""
    out = []
    lane = shift = 0
    for bits in widths:
        width = max(bits, 1)
        if shift + width > LANE_BITS:
            lane, shift = lane + 1, 0
        out.append(Field(lane, shift, width))
        shift += width
    return tuple(out)


def _whole_levels(ratings: NDArray[np.generic], top: int, skills: int) -> bool:
    """Whether every rating is a whole level ``0..top`` in an integer array of (profiles, skills)."""
    if ratings.ndim != 2 or ratings.shape[1] != skills or not np.issubdtype(ratings.dtype, np.integer):
        return False
    return not ratings.size or (int(ratings.min()) >= 0 and int(ratings.max()) <= top)
