"""The ranking rule: fit, use, critical gaps and match, by hand and as Hypothesis properties.

The rule (README, "How roleadvisor ranks roles"): ``match = fit * use`` less
``critical_penalty`` for every level of a critical gap from the
``critical_levels``-th on; roles are ranked by match, then fewer levels to
learn, less weighted learning, higher fit, nearer requirements, catalogue order.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from roleadvisor.catalog.models import Catalog, Ranking
from roleadvisor.engine import Model, assess, measures, rank, ratings_vector
from tests.conftest import Invoke

LEVEL = st.integers(min_value=0, max_value=5)
DATA_SCIENTIST = {  # the data scientist, in catalogue order 2,2,3,2,4,4,2,3
    "systems": 2,
    "databases": 2,
    "ml": 3,
    "algorithms": 2,
    "stats": 4,
    "sme": 4,
    "product": 2,
    "communication": 3,
}
GENERALIST = {
    "systems": 5,
    "databases": 4,
    "ml": 5,
    "algorithms": 5,
    "stats": 4,
    "sme": 4,
    "product": 3,
    "communication": 4,
}


def profiles(model: Model) -> st.SearchStrategy[dict[str, int]]:
    return st.fixed_dictionaries(dict.fromkeys(model.skill_ids, LEVEL))


def test_worked_example_of_the_readme(model: Model) -> None:
    # Data Scientist needs systems 2 (w1), databases 3 (w2), ml 3 (w2), algorithms 2 (w1),
    # stats 4 (w3), sme 3 (w3), product 3 (w2), communication 3 (w2): sum(w * need) = 49.
    # The profile misses databases by 1 (w2) and product by 1 (w2): fit = 45/49 = 0.9184.
    # use = sum(have * min(have, need)) / sum(have^2)
    #     = (4 + 4 + 9 + 4 + 16 + 12 + 4 + 9) / (4 + 4 + 9 + 4 + 16 + 16 + 4 + 9) = 62/66 = 0.9394.
    # match = 0.9184 * 0.9394 = 0.8627 (no critical gap).
    ds = assess(model, DATA_SCIENTIST).role("data-scientist")
    assert (ds.fit, ds.use, ds.match, ds.learning, ds.critical) == (0.9184, 0.9394, 0.8627, 2, ())
    # Data Analyst: fit 33/35 = 0.9429 but use 48/66 = 0.7273: match 0.6858.
    da = assess(model, DATA_SCIENTIST).role("data-analyst")
    assert (da.fit, da.use, da.match) == (0.9429, 0.7273, round(0.9429 * 0.7273, 4))
    # ML Product Manager: product 2 -> 5 is 3 levels short on a weight-3 skill: a critical gap
    # costing 0.10 for its 2nd level and 0.10 for its 3rd.
    pm = assess(model, DATA_SCIENTIST).role("ml-product-manager")
    assert [(g.skill, g.have, g.need) for g in pm.critical] == [("product", 2, 5)]
    assert pm.match == round(pm.fit * pm.use - 0.2, 4)
    assert [r.role_id for r in assess(model, DATA_SCIENTIST).roles[:2]] == ["data-scientist", "data-analyst"]


def test_the_strong_generalist_is_not_told_data_analyst(model: Model) -> None:
    ranked = assess(model, GENERALIST).roles
    assert ranked[0].role_id == "ml-engineer"
    assert ranked[0].fit == 1.0 and ranked[0].band == "ready"
    assert "data-analyst" not in [r.role_id for r in ranked[:5]]


def test_beginner_is_far_from_every_role(model: Model) -> None:
    ranked = assess(model, dict.fromkeys(model.skill_ids, 1)).roles
    assert {r.band for r in ranked} == {"far"}
    assert ranked[0].role_id == "data-analyst"  # the fewest levels to learn (9)
    assert ranked[0].learning == 9


def test_every_role_ranks_first_at_its_own_levels(model: Model) -> None:
    for i, role_id in enumerate(model.role_ids):
        ratings = dict(zip(model.skill_ids, model.need[i], strict=True))
        top = assess(model, ratings).roles[0]
        assert (top.role_id, top.fit, top.use, top.match) == (role_id, 1.0, 1.0, 1.0)


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_fully_covered_roles_rank_by_use(model: Model, data: st.DataObject) -> None:
    ratings = data.draw(profiles(model))
    ranked = assess(model, ratings).roles
    covered = [r for r in ranked if r.fit == 1.0]
    for earlier, later in pairwise(covered):
        assert earlier.use >= later.use
    for a in covered:
        for b in covered:
            if a.use > b.use:
                assert ranked.index(a) < ranked.index(b)


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_a_critical_gap_ranks_below_similar_coverage_without_one(model: Model, data: st.DataObject) -> None:
    ratings = data.draw(profiles(model))
    ranked = assess(model, ratings).roles
    for a in ranked:
        if not a.critical or a.fit < 0.2 or a.use < 0.5:
            continue
        for b in ranked:
            if not b.critical and b.fit >= a.fit - 0.04 and b.use >= a.use - 0.04:
                assert ranked.index(b) < ranked.index(a), (a, b)


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_match_is_fit_times_use_less_the_penalty(model: Model, data: st.DataObject) -> None:
    ratings = data.draw(profiles(model))
    penalty = model.ranking.critical_penalty
    for r in assess(model, ratings).roles:
        units = sum(g.need - g.have - model.ranking.critical_levels + 1 for g in r.critical)
        # rounded as NumPy rounds (rint(x * 10**4) / 10**4), like every fit
        assert r.match == round(min(1.0, max(0.0, r.fit * r.use - penalty * units)) * 10000) / 10000
        assert 0.0 <= r.match <= r.fit
        assert r.learning == sum(g.need - g.have for g in r.gaps)
        assert all(g.weight >= 3 and g.need - g.have >= 2 for g in r.critical)


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_the_order_follows_the_documented_keys(model: Model, data: st.DataObject) -> None:
    ratings = data.draw(profiles(model))
    have = ratings_vector(model, ratings)
    ms = measures(model, have)
    order = rank(model, ms)
    keys = [
        (
            ms[i].long_shot,
            -ms[i].match,
            ms[i].learning,
            ms[i].shortfall,
            -ms[i].fit,
            -ms[i].emphasis,
            ms[i].distance,
        )
        for i in order
    ]
    assert keys == sorted(keys)
    # long shots: in the last band and with a critical gap
    assert all(ms[i].long_shot == (ms[i].critical > 0 and round(ms[i].fit * 100) < 65) for i in order)
    # catalogue order decides only between roles equal on every measure
    for i, j in pairwise(order):
        if keys[order.index(i)] == keys[order.index(j)]:
            assert i < j


@settings(max_examples=60, deadline=None)
@given(
    need=st.lists(st.lists(LEVEL, min_size=4, max_size=4), min_size=2, max_size=6, unique_by=tuple),
    weights=st.lists(st.sampled_from([1.0, 2.0, 3.0]), min_size=4, max_size=4),
)
def test_own_levels_rank_first_in_any_catalogue(need: list[list[int]], weights: list[float]) -> None:
    assume(all(any(row) for row in need))
    m = Model(
        skill_ids=("a", "b", "c", "d"),
        role_ids=tuple(f"r{i}" for i in range(len(need))),
        stage_ids=(),
        need=tuple(tuple(row) for row in need),
        weight=tuple(tuple(weights) for _ in need),
        mix=(),
        max_level=5,
        ranking=Ranking(),
    )
    for i, row in enumerate(need):
        assert assess(m, dict(zip(m.skill_ids, row, strict=True))).roles[0].role_id == f"r{i}"


def _replace_in_lifecycle(directory: Path, start_at: str, section: str) -> None:
    """Replace lifecycle.yaml's text from ``start_at`` up to its ``skills:`` with ``section``."""
    lifecycle = directory / "lifecycle.yaml"
    text = lifecycle.read_text(encoding="utf-8")
    lifecycle.write_text(
        text[: text.index(start_at)] + section + text[text.index("\nskills:") :], encoding="utf-8"
    )


def test_bands_come_from_the_catalogue(catalog_copy: Callable[..., Path], invoke: Invoke) -> None:
    directory = catalog_copy()
    bands = (
        "  readiness:\n"
        "    - {id: hired, label: hired, min_fit: 0.5, max_critical_gaps: 0, meaning: 'apply today'}\n"
        "    - {id: later, label: later, min_fit: 0.0, meaning: 'keep learning'}\n"
    )
    _replace_in_lifecycle(directory, "  readiness:", bands)
    args = [f"--rate={s}=2" for s in ("systems", "databases", "ml", "algorithms", "stats", "sme", "product")]
    result = invoke("--catalog", str(directory), "assess", *args, "--rate=communication=3", "-f", "json")
    assert result.exit_code == 0, result.output
    import json

    report = json.loads(result.stdout)
    assert {r["band"] for r in report["roles"]} <= {"hired", "later"}
    assert report["readiness"]["label"] in {"hired", "later"}


def test_a_bad_band_list_is_reported(catalog_copy: Callable[..., Path]) -> None:
    from roleadvisor.catalog.loader import validate_catalog_dir

    directory = catalog_copy()
    bands = (
        "  readiness:\n"
        "    - {id: low, label: low, min_fit: 0.5, meaning: x}\n"
        "    - {id: high, label: high, min_fit: 0.9, max_critical_gaps: 0, meaning: y}\n"
    )
    _replace_in_lifecycle(directory, "  readiness:", bands)
    catalog, problems = validate_catalog_dir(directory)
    assert catalog is None
    assert problems == [
        "lifecycle.yaml: advice.readiness[1].min_fit: 0.9 is above the band before it (0.5); "
        "list bands from the most ready to the least",
        "lifecycle.yaml: advice.readiness[1]: the last band must take every result "
        "(min_fit: 0 and no max_critical_gaps)",
    ]


def test_a_catalogue_without_an_advice_section_uses_the_defaults(catalog: Catalog) -> None:
    assert catalog.ranking == Ranking()


@pytest.mark.parametrize(
    ("section", "problem"),
    [
        (
            "advice:\n  critical_gaps: {}\n",
            "lifecycle.yaml: advice.critical_gaps: unknown field (check its spelling)",
        ),
        (
            "advice:\n  critical_gap: {min_weight: .nan}\n",
            "lifecycle.yaml: advice.critical_gap.min_weight: must be a positive number up to 1000",
        ),
        (
            "advice:\n  critical_gap: {penalty: 2}\n",
            "lifecycle.yaml: advice.critical_gap.penalty: must be a number from 0 to 1",
        ),
        (
            "advice:\n  critical_gap: {min_levels: 1.5}\n",
            "lifecycle.yaml: advice.critical_gap.min_levels: must be a whole number of at least 1",
        ),
        (
            "advice:\n  readiness: []\n",
            "lifecycle.yaml: advice.readiness: must be a list of bands, the most ready first",
        ),
        (
            "advice:\n  readiness:\n    - {id: a, label: a, min_fit: 0}\n",
            "lifecycle.yaml: advice.readiness[0]: missing meaning",
        ),
        (
            "advice:\n  readiness:\n    - {id: A, label: a, min_fit: 0, meaning: m}\n",
            "lifecycle.yaml: advice.readiness[0].id: must be lowercase letters, digits, '-' or '_', "
            "starting with a letter or digit",
        ),
    ],
)
def test_advice_section_problems(catalog_copy: Callable[..., Path], section: str, problem: str) -> None:
    from roleadvisor.catalog.loader import validate_catalog_dir

    directory = catalog_copy()
    _replace_in_lifecycle(directory, "advice:", section)
    catalog, problems = validate_catalog_dir(directory)
    assert catalog is None
    assert problem in problems
