"""The scoring engine: hand-worked examples and Hypothesis properties."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from roleadvisor.catalog.models import Catalog
from roleadvisor.engine import Model, assess, fits, flat_profile, ratings_vector, stage_fits
from roleadvisor.vector import Matrices, score_matrix

from .conftest import MLE

LEVEL = st.integers(min_value=0, max_value=5)


def profiles(skills: tuple[str, ...]) -> st.SearchStrategy[dict[str, int]]:
    return st.fixed_dictionaries(dict.fromkeys(skills, LEVEL))


def test_fit_by_hand(model: Model, catalog: Catalog) -> None:
    # data-engineer needs systems 4 (w2), databases 5 (w3), ml 1, algorithms 3 (w2), stats 1,
    # sme 2, product 1, communication 2 (w1 each): denominator 8+15+1+6+1+2+1+2 = 36.
    # MLE profile covers 8 + 9 + 1 + 6 + 1 + 2 + 1 + 2 = 30 -> 30/36.
    result = assess(model, MLE).role("data-engineer")
    assert result.fit == round(30 / 36, 4)
    assert [(g.skill, g.have, g.need) for g in result.gaps] == [("databases", 3, 5)]


def test_gaps_are_ordered_by_weighted_gap(model: Model) -> None:
    ratings = dict.fromkeys(model.skill_ids, 0)
    result = assess(model, ratings).role("developer-advocate")
    weighted = [g.weighted for g in result.gaps]
    assert weighted == sorted(weighted, reverse=True)
    assert result.gaps[0].skill == "communication"  # 5 levels short at weight 3
    assert len(result.gaps) == len(model.skill_ids)


def test_zero_profile_fits_zero(model: Model, matrices: Matrices) -> None:
    assert fits(model, (0,) * len(model.skill_ids)) == (0.0,) * len(model.role_ids)
    assert (score_matrix(matrices, np.zeros((1, len(model.skill_ids)))) == 0.0).all()


def test_a_role_that_requires_nothing_fits_one() -> None:
    m = Model(
        skill_ids=("a", "b"),
        role_ids=("nothing", "some"),
        stage_ids=(),
        need=((0, 0), (2, 1)),
        weight=((1.0, 1.0), (1.0, 3.0)),
        mix=(),
        max_level=5,
    )
    assert m.denominator == (0.0, 5.0)
    assert fits(m, (0, 0)) == (1.0, 0.0)
    assert fits(m, (1, 1)) == (1.0, 0.8)


def test_model_rejects_rows_of_the_wrong_length() -> None:
    with pytest.raises(ValueError, match="one per skill"):
        Model(
            skill_ids=("a", "b"),
            role_ids=("r",),
            stage_ids=(),
            need=((1,),),
            weight=((1.0,),),
            mix=(),
            max_level=5,
        )
    m = Model(
        skill_ids=("a", "b"),
        role_ids=("r",),
        stage_ids=(),
        need=((1, 1),),
        weight=((1.0, 1.0),),
        mix=(),
        max_level=5,
    )
    with pytest.raises(ValueError, match="need 2 ratings"):
        fits(m, (1, 2, 3))


def test_ratings_vector_is_in_skill_order(model: Model) -> None:
    shuffled = dict(reversed(list(MLE.items())))
    assert ratings_vector(model, shuffled) == tuple(MLE[s] for s in model.skill_ids)
    assert stage_fits(model, ratings_vector(model, MLE)) == tuple(
        s.fit for s in sorted(assess(model, MLE).stages, key=lambda s: model.stage_ids.index(s.stage_id))
    )


def test_stage_fit_by_hand(model: Model) -> None:
    # deployment: systems 0.75, ml 0.25 -> 0.75*4/5 + 0.25*4/5 = 0.8
    stages = {s.stage_id: s.fit for s in assess(model, MLE).stages}
    assert stages["deployment"] == 0.8
    assert stages["monitoring"] == round(0.6 * 4 / 5 + 0.4 * 3 / 5, 4)


def test_missing_rating_is_rejected(model: Model) -> None:
    with pytest.raises(KeyError, match="communication"):
        assess(model, {k: v for k, v in MLE.items() if k != "communication"})


def test_single_profile_scoring_does_not_import_numpy() -> None:
    # NumPy costs ~70 ms to import; one profile is scored in pure Python
    code = (
        "import sys\n"
        "from roleadvisor.catalog.loader import load_catalog\n"
        "from roleadvisor.engine import Model, assess\n"
        "from roleadvisor.advice import advise\n"
        "from roleadvisor.compare import compare\n"
        "catalog = load_catalog()\n"
        "model = Model.from_catalog(catalog)\n"
        f"ratings = {MLE!r}\n"
        "assess(model, ratings)\n"
        "advise(model, catalog, ratings, target='mlops-engineer')\n"
        "compare(model, ratings, dict(ratings, ml=5))\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'numpy'))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout == "[]\n"


def test_flat_profile_detection() -> None:
    assert flat_profile(dict(zip("abcdefgh", [3] * 8, strict=True))) == (3, 8)
    assert flat_profile(dict(zip("abcdefgh", [3] * 7 + [5], strict=True))) == (3, 7)
    assert flat_profile(dict(zip("abcdefgh", [3] * 6 + [5, 1], strict=True))) is None


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_fit_in_unit_interval(model: Model, data: st.DataObject) -> None:
    ratings = data.draw(profiles(model.skill_ids))
    for result in assess(model, ratings).roles:
        assert 0.0 <= result.fit <= 1.0
    for stage in assess(model, ratings).stages:
        assert 0.0 <= stage.fit <= 1.0


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_raising_a_rating_never_lowers_a_fit(model: Model, data: st.DataObject) -> None:
    ratings = data.draw(profiles(model.skill_ids))
    skill = data.draw(st.sampled_from(model.skill_ids))
    raised = dict(ratings, **{skill: min(5, ratings[skill] + data.draw(st.integers(1, 5)))})
    before, after = assess(model, ratings), assess(model, raised)
    for role_id in model.role_ids:
        assert after.role(role_id).fit >= before.role(role_id).fit
    stages_before = {s.stage_id: s.fit for s in before.stages}
    for stage in after.stages:
        assert stage.fit >= stages_before[stage.stage_id]


@settings(max_examples=100, deadline=None)
@given(data=st.data())
def test_meeting_every_requirement_gives_one(model: Model, catalog: Catalog, data: st.DataObject) -> None:
    role = data.draw(st.sampled_from(catalog.roles))
    ratings = {skill: data.draw(st.integers(req.level, 5)) for skill, req in role.requirements}
    result = assess(model, ratings).role(role.id)
    assert result.fit == 1.0
    assert result.gaps == ()


@settings(max_examples=100, deadline=None)
@given(data=st.data())
def test_result_does_not_depend_on_input_order(model: Model, data: st.DataObject) -> None:
    ratings = data.draw(profiles(model.skill_ids))
    shuffled = dict(data.draw(st.permutations(list(ratings.items()))))
    assert assess(model, ratings) == assess(model, shuffled)


@settings(max_examples=50, deadline=None)
@given(data=st.data())
def test_batch_rows_equal_single_profiles(model: Model, matrices: Matrices, data: st.DataObject) -> None:
    rows = data.draw(st.lists(profiles(model.skill_ids), min_size=1, max_size=20))
    table = np.array([[r[s] for s in model.skill_ids] for r in rows])
    many = score_matrix(matrices, table)
    for i, ratings in enumerate(rows):
        single = assess(model, ratings)
        for j, role_id in enumerate(model.role_ids):
            assert many[i, j] == single.role(role_id).fit
