"""The two engines agree exactly: ``engine`` (pure Python, one profile) and ``vector`` (NumPy, many).

Exactly means the same float64 bits, not approximately: ``assess`` and ``batch``
must print the same numbers for the same person. The built-in catalogue is
checked on every profile of its scale, custom catalogues with awkward float
weights and shares on every profile of a small scale and on a Hypothesis sample.
"""

from __future__ import annotations

import functools
import itertools
import multiprocessing
import os
from array import array
from concurrent.futures import ProcessPoolExecutor

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.typing import NDArray

from roleadvisor.catalog.loader import load_catalog
from roleadvisor.catalog.models import Catalog, Requirement, Role, Scale, Skill, Stage
from roleadvisor.engine import Model, assess, fits, measures, rank, stage_fits
from roleadvisor.vector import Matrices, MeasureArrays, measure_matrix, rank_roles, score_matrix, stage_matrix

Mismatch = tuple[tuple[int, ...], tuple[float, ...], tuple[float, ...]]


def _grid(model: Model, first: int) -> NDArray[np.int64]:
    """Every profile whose first skill is at ``first``, in ``itertools.product`` order."""
    rest = len(model.skill_ids) - 1
    tail = np.indices((model.max_level + 1,) * rest).reshape(rest, -1).T
    return np.hstack([np.full((len(tail), 1), first), tail])


def _check_first_level(model: Model, first: int) -> tuple[int, list[Mismatch]]:
    """Score every profile with the first skill at ``first`` both ways and compare the bits.

    Returns how many profiles the pure ``fits`` scored and the first few that differ.
    """
    levels = range(model.max_level + 1)
    profiles = itertools.product((first,), *[levels] * (len(model.skill_ids) - 1))
    pure = array("d", itertools.chain.from_iterable(map(functools.partial(fits, model), profiles)))
    got = np.frombuffer(pure, dtype=np.float64).reshape(-1, len(model.role_ids))
    grid = _grid(model, first)
    want = score_matrix(Matrices.from_model(model), grid)
    bad = np.flatnonzero((got.view(np.uint64) != want.view(np.uint64)).any(axis=1))
    return len(got), [
        (tuple(grid[i].tolist()), tuple(got[i].tolist()), tuple(want[i].tolist())) for i in bad[:5]
    ]


def _check_every_profile(model: Model) -> int:
    """Run ``_check_first_level`` for every first level, on up to two processes; return the count."""
    firsts = list(range(model.max_level + 1))
    workers = min(2, os.cpu_count() or 1)
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        results = list(pool.map(_check_first_level, [model] * len(firsts), firsts))
    mismatches = [m for _, found in results for m in found]
    assert mismatches == [], f"pure and NumPy fits differ, e.g. (profile, pure, numpy): {mismatches[:3]}"
    return sum(count for count, _ in results)


@pytest.mark.slow
def test_builtin_catalogue_every_profile_of_the_scale() -> None:
    model = Model.from_catalog(load_catalog())
    assert (model.max_level, len(model.skill_ids)) == (5, 8)
    assert _check_every_profile(model) == 6**8 == 1_679_616


# --- a custom catalogue with awkward float weights and shares ---------------------------------

SKILLS = ("s1", "s2", "s3", "s4", "s5")
WEIGHTS = {
    # role id: (level, weight) per skill; catalogue order is not id order
    "zeta": ((3, 0.1), (4, 0.7), (2, 1.3), (1, 2.9), (4, 0.3)),
    "alpha": ((2, 2.9), (2, 0.1), (4, 0.7), (3, 1.3), (1, 0.2)),
    "mid": ((4, 1.1), (1, 0.3), (3, 0.6), (2, 0.7), (3, 1.7)),
    "mid-twin": ((4, 1.1), (1, 0.3), (3, 0.6), (2, 0.7), (3, 1.7)),  # ties with "mid" everywhere
    "beta": ((1, 0.1), (1, 0.2), (1, 0.3), (1, 0.4), (1, 0.5)),
    "gamma": ((4, 1e-3), (3, 3.3), (2, 0.01), (4, 2.2), (4, 0.7)),
    "none": ((0, 0.1), (0, 0.7), (0, 1.3), (0, 2.9), (0, 0.3)),  # requires nothing: fit 1.0
    # at (1, 0, ...) the fit is 0.17 / 1.6 = 0.10625000000000001: np.round gives 0.1062,
    # Python's round(x, 4) 0.1063
    "halfway": ((1, 0.17), (1, 1.43), (0, 0.1), (0, 0.7), (0, 1.3)),
}
MIXES = {
    "tenths": {"s1": 0.1, "s2": 0.2, "s3": 0.3},
    "sevens": {"s2": 0.7, "s4": 0.7, "s5": 0.7},
    "thirds": {"s1": 0.3, "s3": 0.3, "s5": 0.3, "s4": 0.1},
    "one": {"s3": 2.9},
}


def awkward_catalog() -> Catalog:
    top = 4
    return Catalog(
        version="awkward-1",
        scale=Scale(version=1, max=top, labels=tuple(f"level {n}" for n in range(top + 1))),
        skills=tuple(
            Skill(id=s, title=s, description=s, levels=tuple(f"{s} {n}" for n in range(top + 1)))
            for s in SKILLS
        ),
        stages=tuple(
            Stage(id=sid, title=sid, description=sid, skill_mix=tuple(mix.items()), owners=())
            for sid, mix in MIXES.items()
        ),
        roles=tuple(
            Role(
                id=rid,
                title=rid,
                family="test",
                aliases=(),
                description=rid,
                stages=(),
                requirements=tuple(
                    (s, Requirement(level=level, weight=weight))
                    for s, (level, weight) in zip(SKILLS, reqs, strict=True)
                ),
            )
            for rid, reqs in WEIGHTS.items()
        ),
    )


@pytest.fixture(scope="module")
def awkward() -> tuple[Model, Matrices]:
    model = Model.from_catalog(awkward_catalog())
    return model, Matrices.from_model(model)


def test_awkward_model_holds_the_catalogue(awkward: tuple[Model, Matrices]) -> None:
    model, m = awkward
    assert model.role_ids == tuple(WEIGHTS)
    assert model.id_order == tuple(model.role_ids.index(r) for r in sorted(WEIGHTS))
    # the denominators are added skill by skill: 0.1*3 + 0.7*4 + 1.3*2 + 2.9*1 + 0.3*4
    expected = 0.0
    for level, weight in WEIGHTS["zeta"]:
        expected += weight * level
    assert model.denominator[0] == expected
    assert model.denominator[model.role_ids.index("none")] == 0.0
    assert m.denominator.tolist() == list(model.denominator)
    assert m.need.tolist() == [list(row) for row in model.need]
    assert m.weight.tolist() == [list(row) for row in model.weight]
    assert m.mix.tolist() == [list(row) for row in model.mix]
    for shares in model.mix:
        assert sum(shares) == pytest.approx(1.0, abs=1e-15)


def test_awkward_catalogue_every_profile(awkward: tuple[Model, Matrices]) -> None:
    model, m = awkward
    profiles = list(itertools.product(range(model.max_level + 1), repeat=len(model.skill_ids)))
    table = np.array(profiles)
    role_fits = score_matrix(m, table)
    stages = stage_matrix(m, table)
    ms = measure_matrix(m, table)
    ranked = rank_roles(m, ms)
    for i, have in enumerate(profiles):
        pure = fits(model, have)
        assert pure == tuple(role_fits[i].tolist()), have
        assert stage_fits(model, have) == tuple(stages[i].tolist()), have
        _same_measures(model, have, ms, i)
        assert rank(model, measures(model, have)) == tuple(ranked[i].tolist()), have
    assert len(profiles) == 5**5
    # the twin roles tie on every profile and the tie goes to the one listed first
    mid, twin = model.role_ids.index("mid"), model.role_ids.index("mid-twin")
    assert (role_fits[:, mid] == role_fits[:, twin]).all()
    assert all(list(row).index(mid) < list(row).index(twin) for row in ranked.tolist())


def _same_measures(model: Model, have: tuple[int, ...], ms: MeasureArrays, i: int) -> None:
    """Every measure of the pure engine equals the NumPy one, bit for bit."""
    for j, x in enumerate(measures(model, have)):
        got = (x.fit, x.use, x.match, x.critical, x.learning, x.distance, x.shortfall, x.emphasis)
        want = (
            float(ms.fit[i, j]),
            float(ms.use[i, j]),
            float(ms.match[i, j]),
            int(ms.critical[i, j]),
            int(ms.learning[i, j]),
            int(ms.distance[i, j]),
            float(ms.shortfall[i, j]),
            float(ms.emphasis[i, j]),
        )
        assert got == want, (have, model.role_ids[j])
        assert model.ranking.bands[int(ms.band[i, j])] == model.ranking.band(x.fit, x.critical)


def test_rounding_is_numpys(awkward: tuple[Model, Matrices]) -> None:
    # np.round(x, 4) is rint(x * 10000) / 10000, which is not Python's round(x, 4)
    model, m = awkward
    halfway = model.role_ids.index("halfway")
    raw = 0.17 / (0.17 + 1.43)
    assert (raw, round(raw, 4), float(np.round(raw, 4))) == (0.10625000000000001, 0.1063, 0.1062)
    have = (1, 0, 0, 0, 0)
    assert fits(model, have)[halfway] == score_matrix(m, np.array([have]))[0, halfway] == 0.1062


def _profiles(model: Model, low: int, high: int) -> st.SearchStrategy[tuple[int, ...]]:
    return st.tuples(*[st.integers(low, high)] * len(model.skill_ids))


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_awkward_catalogue_sample(awkward: tuple[Model, Matrices], data: st.DataObject) -> None:
    model, m = awkward
    # off-scale levels too: the engines must agree on them, clipping included
    rows = data.draw(st.lists(_profiles(model, -2, model.max_level + 3), min_size=1, max_size=12))
    role_fits = score_matrix(m, np.array(rows))
    stages = stage_matrix(m, np.array(rows))
    ms = measure_matrix(m, np.array(rows))
    ranked = rank_roles(m, ms)
    for i, have in enumerate(rows):
        pure = fits(model, have)
        assert pure == tuple(role_fits[i].tolist())
        assert stage_fits(model, have) == tuple(stages[i].tolist())
        _same_measures(model, have, ms, i)
        assert rank(model, measures(model, have)) == tuple(ranked[i].tolist())


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_assess_agrees_with_the_matrices(
    awkward: tuple[Model, Matrices], model: Model, matrices: Matrices, data: st.DataObject
) -> None:
    for mdl, mats in (awkward, (model, matrices)):
        have = data.draw(_profiles(mdl, 0, mdl.max_level))
        result = assess(mdl, dict(zip(mdl.skill_ids, have, strict=True)))
        role_fits = score_matrix(mats, np.array([have]))
        ms = measure_matrix(mats, np.array([have]))
        assert [r.role_id for r in result.roles] == [mdl.role_ids[i] for i in rank_roles(mats, ms)[0]]
        assert [r.match for r in result.roles] == [
            ms.match[0, mdl.role_ids.index(r.role_id)] for r in result.roles
        ]
        assert [r.fit for r in result.roles] == [
            role_fits[0, mdl.role_ids.index(r.role_id)] for r in result.roles
        ]
        stages = stage_matrix(mats, np.array([have]))[0].tolist()
        assert {s.stage_id: s.fit for s in result.stages} == dict(zip(mdl.stage_ids, stages, strict=True))


@pytest.mark.slow
def test_builtin_catalogue_measures_on_a_large_sample(model: Model, matrices: Matrices) -> None:
    """Measures and ranking agree on 20,000 profiles of the built-in scale (all of it is ~80 s)."""
    rng = np.random.default_rng(9)
    table = rng.integers(0, model.max_level + 1, size=(20_000, len(model.skill_ids)))
    ms = measure_matrix(matrices, table)
    ranked = rank_roles(matrices, ms)
    for i, have in enumerate(map(tuple, table.tolist())):
        _same_measures(model, have, ms, i)
        assert rank(model, measures(model, have)) == tuple(ranked[i].tolist()), have
