"""Scores looked up in tables are ``measure_matrix``'s, bit for bit, or not used at all."""

from __future__ import annotations

import dataclasses
import itertools
from pathlib import Path

import numpy as np
import pytest

from roleadvisor.batch import levels
from roleadvisor.batch.levels import LevelTables
from roleadvisor.catalog.loader import load_catalog
from roleadvisor.vector import Matrices, MeasureArrays, measure_matrix
from tests.batch.test_csvinput import write_scale_10_catalog

ROOT = Path(__file__).resolve().parents[2]


def assert_same(a: MeasureArrays, b: MeasureArrays) -> None:
    """Every array of the same type and shape, and the same bits."""
    for field in dataclasses.fields(MeasureArrays):
        x, y = getattr(a, field.name), getattr(b, field.name)
        assert (x.dtype, x.shape) == (y.dtype, y.shape), field.name
        assert np.array_equal(x.view(np.uint8), y.view(np.uint8)), field.name


def every_profile(skills: int, top: int) -> np.ndarray:
    return np.array(list(itertools.product(range(top + 1), repeat=skills)), dtype=np.int16)


def some_profiles(skills: int, top: int, n: int = 20_000) -> np.ndarray:
    rng = np.random.default_rng(11)
    edges = [np.zeros(skills), np.full(skills, top)]
    for j in range(skills):  # one skill at each level, the rest at 0 and at the top
        for level in range(top + 1):
            for rest in (0, top):
                row = np.full(skills, rest)
                row[j] = level
                edges.append(row)
    return np.vstack([np.array(edges), rng.integers(0, top + 1, size=(n, skills))]).astype(np.int16)


def test_the_builtin_catalogue_in_one_lane_and_two_groups_of_four(matrices: Matrices) -> None:
    tables = LevelTables.of(matrices)
    assert tables is not None
    assert tables.lanes == 1 and tables.groups == ((0, 1, 2, 3), (4, 5, 6, 7))
    ratings = some_profiles(len(matrices.skill_ids), matrices.max_level)
    assert_same(tables.measure(ratings), measure_matrix(matrices, ratings))


@pytest.mark.slow
def test_every_profile_of_the_builtin_catalogue(matrices: Matrices) -> None:
    tables = LevelTables.of(matrices)
    assert tables is not None
    everyone = every_profile(len(matrices.skill_ids), matrices.max_level)  # 6**8 = 1,679,616
    for start in range(0, len(everyone), 200_000):
        part = everyone[start : start + 200_000]
        assert_same(tables.measure(part), measure_matrix(matrices, part))


@pytest.mark.parametrize("which", ["minimal", "scale-10"])
def test_every_profile_of_small_catalogues(which: str, tmp_path: Path) -> None:
    folder = ROOT / "examples/minimal-catalog" if which == "minimal" else write_scale_10_catalog(tmp_path)
    m = Matrices.from_catalog(load_catalog(folder))
    tables = LevelTables.of(m)
    assert tables is not None
    everyone = every_profile(len(m.skill_ids), m.max_level)
    assert_same(tables.measure(everyone), measure_matrix(m, everyone))


@pytest.mark.parametrize(("lane_bits", "entries"), [(12, 4096), (63, 1), (20, 40)])
def test_more_lanes_and_smaller_groups_give_the_same(
    matrices: Matrices, monkeypatch: pytest.MonkeyPatch, lane_bits: int, entries: int
) -> None:
    monkeypatch.setattr(levels, "LANE_BITS", lane_bits)
    monkeypatch.setattr(levels, "GROUP_ENTRIES", entries)
    tables = LevelTables.of(matrices)
    assert tables is not None
    assert (tables.lanes > 1) == (lane_bits < 63)
    assert (len(tables.groups) > 2) == (entries < 1296)
    ratings = some_profiles(len(matrices.skill_ids), matrices.max_level, 3000)
    assert_same(tables.measure(ratings), measure_matrix(matrices, ratings))


def test_terms_that_are_not_whole_numbers_are_left_to_measure_matrix(matrices: Matrices) -> None:
    """Weights of 0.7: sums of such terms depend on the order of additions, so no tables."""
    assert LevelTables.of(dataclasses.replace(matrices, weight=matrices.weight * 0.7)) is None
    assert LevelTables.of(dataclasses.replace(matrices, need=matrices.need - 0.5)) is None


@pytest.mark.parametrize(
    "ratings",
    [
        np.full((3, 8), 6, dtype=np.int16),  # above the scale
        np.full((3, 8), -1, dtype=np.int16),
        np.full((3, 8), 2.5),  # not whole levels
        np.zeros((0, 8), dtype=np.int16),
    ],
    ids=["above", "below", "halves", "none"],
)
def test_ratings_that_are_not_whole_levels_are_scored_by_measure_matrix(
    matrices: Matrices, ratings: np.ndarray
) -> None:
    tables = LevelTables.of(matrices)
    assert tables is not None
    assert_same(tables.measure(ratings), measure_matrix(matrices, ratings))
