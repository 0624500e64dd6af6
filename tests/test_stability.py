"""Stability of the best role when every self-rating may be a level off."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from roleadvisor.engine import Model, measures, rank
from roleadvisor.stability import SAMPLES, _packed, _packed_order, nearby_profiles, stability

LEVELS = st.tuples(*[st.integers(0, 5)] * 8)


@settings(max_examples=40, deadline=None)
@given(have=LEVELS)
def test_the_fast_order_is_the_engine_ranking(model: Model, have: tuple[int, ...]) -> None:
    packed = _packed(model)
    assert packed is not None  # whole-number weights
    profiles, _ = nearby_profiles(have, model.max_level, samples=60)
    for profile in profiles:
        assert _packed_order(model, packed, profile) == list(rank(model, measures(model, profile))[:3])


@settings(max_examples=40, deadline=None)
@given(have=LEVELS)
def test_nearby_profiles_move_each_rating_by_at_most_one(model: Model, have: tuple[int, ...]) -> None:
    profiles, exhaustive = nearby_profiles(have, model.max_level)
    total = 1
    for h in have:
        total *= len([x for x in (h - 1, h, h + 1) if 0 <= x <= model.max_level])
    assert exhaustive == (total <= SAMPLES)
    assert len(profiles) == min(total, SAMPLES)
    if exhaustive:
        assert len(set(profiles)) == total
    for profile in profiles:
        assert all(abs(p - h) <= 1 and 0 <= p <= model.max_level for p, h in zip(profile, have, strict=True))


def test_all_maximum_is_enumerated_and_the_figures_add_up(model: Model) -> None:
    result = stability(model, (5,) * 8)
    assert result.exhaustive and result.profiles == 2**8
    assert 0 <= result.first <= result.top3 <= result.profiles
    assert result.role_id == model.role_ids[rank(model, measures(model, (5,) * 8))[0]]


def test_the_same_profile_gets_the_same_figure(model: Model) -> None:
    have = (2, 2, 3, 2, 4, 4, 2, 3)
    a, b = stability(model, have), stability(model, have)
    assert (a.first, a.top3, a.profiles, a.runner_up) == (b.first, b.top3, b.profiles, b.runner_up)
    assert a.role_id == "data-scientist"
    assert a.first_share >= 0.7  # a clear data scientist stays one under rating noise
    assert a.runner_up == "data-analyst"


def test_a_flat_beginner_is_less_settled_than_a_clear_profile(model: Model) -> None:
    beginner = stability(model, (1,) * 8)
    clear = stability(model, (2, 2, 3, 2, 4, 4, 2, 3))
    assert beginner.first_share < clear.first_share
