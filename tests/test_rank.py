"""rank.py: requirement profiles scored with the engine's formulas, candidates in a documented order."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from roleadvisor.advice import advise
from roleadvisor.catalog.models import Catalog
from roleadvisor.engine import Model, measures, rank_key
from roleadvisor.rank import (
    ADVERT_ID,
    EQUAL_WEIGHT,
    advert_requirements,
    advert_role,
    advise_toward,
    candidate_gaps,
    critical_units,
    rank_candidates,
    requirement_model,
    role_requirements,
)
from tests.conftest import MLE

LEVEL = st.integers(min_value=0, max_value=5)
PEOPLE = st.lists(st.lists(LEVEL, min_size=8, max_size=8), min_size=1, max_size=25)


def _levels(catalog: Catalog, role_id: str) -> dict[str, int]:
    role = catalog.role(role_id)
    return {s: role.requirement(s).level for s in catalog.skill_ids}


@settings(max_examples=60, deadline=None)
@given(people=PEOPLE, role_index=st.integers(min_value=0, max_value=12))
def test_a_role_s_own_levels_as_an_advert_rank_exactly_like_the_role(
    catalog: Catalog, people: list[list[int]], role_index: int
) -> None:
    role_id = catalog.role_ids[role_index]
    by_role = rank_candidates(
        requirement_model(catalog, role_requirements(catalog, role_id)), np.array(people)
    )
    advert = advert_requirements(catalog, _levels(catalog, role_id), role_id)
    assert advert.id == ADVERT_ID
    by_advert = rank_candidates(requirement_model(catalog, advert), np.array(people))
    assert [(r.index, r.rank, r.tied, r.fit, r.use, r.match, r.band) for r in by_role] == [
        (r.index, r.rank, r.tied, r.fit, r.use, r.match, r.band) for r in by_advert
    ]


@settings(max_examples=60, deadline=None)
@given(people=PEOPLE, role_index=st.integers(min_value=0, max_value=12))
def test_every_number_is_the_one_assess_reports_for_that_role(
    catalog: Catalog, model: Model, people: list[list[int]], role_index: int
) -> None:
    role_id = catalog.role_ids[role_index]
    one = requirement_model(catalog, role_requirements(catalog, role_id))
    for r in rank_candidates(one, np.array(people)):
        full = measures(model, people[r.index])[role_index]
        band = catalog.ranking.band(full.fit, full.critical).id
        assert (r.fit, r.use, r.match, r.critical, r.learning, r.band, r.long_shot) == (
            full.fit,
            full.use,
            full.match,
            full.critical,
            full.learning,
            band,
            full.long_shot,
        )


@settings(max_examples=80, deadline=None)
@given(people=PEOPLE, role_index=st.integers(min_value=0, max_value=12))
def test_the_order_is_band_then_fit_then_critical_then_learning_and_ties_share_a_rank(
    catalog: Catalog, people: list[list[int]], role_index: int
) -> None:
    one = requirement_model(catalog, role_requirements(catalog, catalog.role_ids[role_index]))
    ranked = rank_candidates(one, np.array(people))
    assert sorted(r.index for r in ranked) == list(range(len(people)))
    bands = [b.id for b in catalog.ranking.bands]
    units = critical_units(one, np.array(people))

    def key(r: object) -> tuple[object, ...]:
        return (
            bands.index(r.band),
            r.long_shot,
            -r.fit,
            int(units[r.index]),
            r.learning,
            round(r.shortfall, 9),
        )  # type: ignore[attr-defined]

    keys = [key(r) for r in ranked]
    assert keys == sorted(keys)
    for position, (a, b) in enumerate(itertools.pairwise(ranked)):
        if key(a) == key(b):
            assert a.rank == b.rank and a.tied and b.tied
            assert a.index < b.index  # equal candidates keep input order
        else:
            assert b.rank == position + 2
    assert ranked[0].rank == 1
    for r in ranked:
        assert r.tied == (sum(1 for o in ranked if o.rank == r.rank) > 1)


def test_a_long_shot_comes_after_a_far_candidate_without_a_critical_gap(catalog: Catalog) -> None:
    one = requirement_model(catalog, role_requirements(catalog, "mlops-engineer"))
    # the first has lower fit but no critical gap; the second is 3 short on systems (defining)
    weak_everywhere = [4, 2, 0, 1, 0, 0, 0, 0]
    short_on_systems = [2, 3, 1, 2, 1, 1, 1, 2]
    ranked = rank_candidates(one, np.array([short_on_systems, weak_everywhere]))
    assert [r.band for r in ranked] == ["far", "far"]
    assert ranked[0].index == 1 and not ranked[0].long_shot
    assert ranked[1].long_shot and ranked[1].fit > ranked[0].fit


def test_equal_weights_when_no_role_was_decoded_mean_no_critical_gap(catalog: Catalog) -> None:
    req = advert_requirements(catalog, _levels(catalog, "mlops-engineer"), None)
    assert req.weights == (EQUAL_WEIGHT,) * len(catalog.skill_ids) and req.weights_from is None
    one = requirement_model(catalog, req)
    (r,) = rank_candidates(one, np.array([[0] * 8]))
    assert r.critical == 0 and r.fit == 0.0
    gaps, critical = candidate_gaps(one, [0] * 8)
    assert critical == () and len(gaps) == 8


def test_gaps_largest_weighted_first_and_critical_ones(catalog: Catalog) -> None:
    one = requirement_model(catalog, role_requirements(catalog, "mlops-engineer"))
    gaps, critical = candidate_gaps(one, [2, 3, 4, 2, 2, 2, 2, 2])
    assert [(g.skill, g.have, g.need) for g in gaps] == [
        ("systems", 2, 5),
        ("databases", 3, 4),
        ("algorithms", 2, 3),
    ]
    assert [(g.skill, g.have, g.need) for g in critical] == [("systems", 2, 5)]
    assert critical_units(one, np.array([[2, 3, 4, 2, 2, 2, 2, 2], [3] * 8, [5] * 8])).tolist() == [2, 1, 0]


def test_no_candidates_no_ranking(catalog: Catalog) -> None:
    one = requirement_model(catalog, role_requirements(catalog, "data-scientist"))
    assert rank_candidates(one, np.zeros((0, 8), dtype=np.int16)) == ()


def test_a_model_with_many_roles_is_refused(model: Model) -> None:
    with pytest.raises(ValueError, match="exactly one role"):
        rank_candidates(model, np.array([[1] * 8]))


def test_advice_toward_an_advert_plans_for_it_and_leaves_the_roles_alone(
    catalog: Catalog, model: Model
) -> None:
    req = advert_requirements(catalog, _levels(catalog, "mlops-engineer"), "mlops-engineer")
    toward = advise_toward(model, catalog, MLE, advert_role(catalog, req, "the advert"))
    own = advise(model, catalog, MLE, target="mlops-engineer")
    assert toward.advice.plan is not None and own.plan is not None
    assert toward.advice.plan.role_id == ADVERT_ID
    assert [(s.skill, s.need, s.fit_after) for s in toward.advice.plan.steps] == [
        (s.skill, s.need, s.fit_after) for s in own.plan.steps
    ]
    assert toward.result.fit == own.plan.fit
    # the advert does not join the roles: stability and "use what you have" are the catalogue's
    plain = advise(model, catalog, MLE)
    assert toward.advice.stability is not None and plain.stability is not None
    assert repr(toward.advice.stability) == repr(plain.stability)
    assert toward.advice.moves.use_what_you_have.role_id == plain.moves.use_what_you_have.role_id
    assert toward.advice.moves.best.role_id == ADVERT_ID
    assert toward.advice.moves.adjacent[0].role_id == "mlops-engineer"  # its own levels: the closest role
    # where it would rank: tied with MLOps Engineer, so at MLOps Engineer's place (5th for this person)
    every = measures(model, [MLE[s] for s in catalog.skill_ids])
    order = sorted(range(len(every)), key=lambda i: rank_key(every[i], i))
    assert toward.rank == order.index(catalog.role_ids.index("mlops-engineer")) + 1 == 5
    assert ADVERT_ID in toward.catalog.role_ids and ADVERT_ID not in catalog.role_ids
