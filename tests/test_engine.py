"""The scoring engine: hand-worked examples and Hypothesis properties."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from roleadvisor.catalog.models import Catalog
from roleadvisor.engine import Matrices, assess, flat_profile, score_matrix

from .conftest import MLE

LEVEL = st.integers(min_value=0, max_value=5)


def profiles(skills: tuple[str, ...]) -> st.SearchStrategy[dict[str, int]]:
    return st.fixed_dictionaries(dict.fromkeys(skills, LEVEL))


def test_fit_by_hand(matrices: Matrices, catalog: Catalog) -> None:
    # data-engineer needs systems 4 (w2), databases 5 (w3), ml 1, algorithms 3 (w2), stats 1,
    # sme 2, product 1, communication 2 (w1 each): denominator 8+15+1+6+1+2+1+2 = 36.
    # MLE profile covers 8 + 9 + 1 + 6 + 1 + 2 + 1 + 2 = 30 -> 30/36.
    result = assess(matrices, MLE).role("data-engineer")
    assert result.fit == round(30 / 36, 4)
    assert [(g.skill, g.have, g.need) for g in result.gaps] == [("databases", 3, 5)]


def test_gaps_are_ordered_by_weighted_gap(matrices: Matrices) -> None:
    ratings = dict.fromkeys(matrices.skill_ids, 0)
    result = assess(matrices, ratings).role("developer-advocate")
    weighted = [g.weighted for g in result.gaps]
    assert weighted == sorted(weighted, reverse=True)
    assert result.gaps[0].skill == "communication"  # 5 levels short at weight 3
    assert len(result.gaps) == len(matrices.skill_ids)


def test_ranking_breaks_ties_by_id(matrices: Matrices) -> None:
    ratings = dict.fromkeys(matrices.skill_ids, 5)
    ranked = [r.role_id for r in assess(matrices, ratings).roles]
    assert ranked == sorted(matrices.role_ids)
    assert all(r.fit == 1.0 for r in assess(matrices, ratings).roles)


def test_zero_profile_fits_zero(matrices: Matrices) -> None:
    fits = score_matrix(matrices, np.zeros((1, len(matrices.skill_ids))))
    assert (fits == 0.0).all()


def test_stage_fit_by_hand(matrices: Matrices) -> None:
    # deployment: systems 0.75, ml 0.25 -> 0.75*4/5 + 0.25*4/5 = 0.8
    stages = {s.stage_id: s.fit for s in assess(matrices, MLE).stages}
    assert stages["deployment"] == 0.8
    assert stages["monitoring"] == round(0.6 * 4 / 5 + 0.4 * 3 / 5, 4)


def test_missing_rating_is_rejected(matrices: Matrices) -> None:
    with pytest.raises(KeyError, match="communication"):
        assess(matrices, {k: v for k, v in MLE.items() if k != "communication"})


def test_flat_profile_detection() -> None:
    assert flat_profile(dict(zip("abcdefgh", [3] * 8, strict=True))) == (3, 8)
    assert flat_profile(dict(zip("abcdefgh", [3] * 7 + [5], strict=True))) == (3, 7)
    assert flat_profile(dict(zip("abcdefgh", [3] * 6 + [5, 1], strict=True))) is None


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_fit_in_unit_interval(matrices: Matrices, data: st.DataObject) -> None:
    ratings = data.draw(profiles(matrices.skill_ids))
    for result in assess(matrices, ratings).roles:
        assert 0.0 <= result.fit <= 1.0
    for stage in assess(matrices, ratings).stages:
        assert 0.0 <= stage.fit <= 1.0


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_raising_a_rating_never_lowers_a_fit(matrices: Matrices, data: st.DataObject) -> None:
    ratings = data.draw(profiles(matrices.skill_ids))
    skill = data.draw(st.sampled_from(matrices.skill_ids))
    raised = dict(ratings, **{skill: min(5, ratings[skill] + data.draw(st.integers(1, 5)))})
    before, after = assess(matrices, ratings), assess(matrices, raised)
    for role_id in matrices.role_ids:
        assert after.role(role_id).fit >= before.role(role_id).fit
    stages_before = {s.stage_id: s.fit for s in before.stages}
    for stage in after.stages:
        assert stage.fit >= stages_before[stage.stage_id]


@settings(max_examples=100, deadline=None)
@given(data=st.data())
def test_meeting_every_requirement_gives_one(
    matrices: Matrices, catalog: Catalog, data: st.DataObject
) -> None:
    role = data.draw(st.sampled_from(catalog.roles))
    ratings = {skill: data.draw(st.integers(req.level, 5)) for skill, req in role.requirements}
    result = assess(matrices, ratings).role(role.id)
    assert result.fit == 1.0
    assert result.gaps == ()


@settings(max_examples=100, deadline=None)
@given(data=st.data())
def test_result_does_not_depend_on_input_order(matrices: Matrices, data: st.DataObject) -> None:
    ratings = data.draw(profiles(matrices.skill_ids))
    shuffled = dict(data.draw(st.permutations(list(ratings.items()))))
    assert assess(matrices, ratings) == assess(matrices, shuffled)


@settings(max_examples=50, deadline=None)
@given(data=st.data())
def test_batch_rows_equal_single_profiles(matrices: Matrices, data: st.DataObject) -> None:
    rows = data.draw(st.lists(profiles(matrices.skill_ids), min_size=1, max_size=20))
    table = np.array([[r[s] for s in matrices.skill_ids] for r in rows])
    fits = score_matrix(matrices, table)
    for i, ratings in enumerate(rows):
        single = assess(matrices, ratings)
        for j, role_id in enumerate(matrices.role_ids):
            assert fits[i, j] == single.role(role_id).fit
