"""The cohort engine: the same numbers as assess for each person, and properties of the whole."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from roleadvisor.catalog.models import Catalog
from roleadvisor.cohort import UNITS, analyse, gainers, high_level, stage_needs
from roleadvisor.engine import Model, fits, measures, rank
from roleadvisor.rank import rank_candidates, requirement_model, role_requirements
from roleadvisor.vector import Matrices

SKILLS = 8
levels = st.lists(st.integers(0, 5), min_size=SKILLS, max_size=SKILLS)
cohorts = st.lists(levels, min_size=0, max_size=12)


def _ids(n: int) -> list[str]:
    return [f"p{i:02d}" for i in range(n)]


def _exact_fit(model: Model, have: list[int], role: int) -> Fraction:
    """The unrounded fit, exactly: sum(weight * min(have, need)) / sum(weight * need)."""
    covered = sum(
        (Fraction(w) * min(h, n) for h, n, w in zip(have, model.need[role], model.weight[role], strict=True)),
        Fraction(0),
    )
    return covered / Fraction(model.denominator[role])


@settings(max_examples=60, deadline=None)
@given(cohorts, st.one_of(st.none(), st.integers(0, 12)))
def test_teach_next_gains_are_never_negative_and_match_the_engine(
    matrices: Matrices, model: Model, catalog: Catalog, rows: list[list[int]], target: int | None
) -> None:
    cohort = analyse(matrices, catalog, _ids(len(rows)), rows, target=target)
    for option in cohort.teach:
        assert (option.gains >= 0).all()
        for person, gain in zip(option.learners, option.gains, strict=True):
            have = list(rows[person])
            role = int(cohort.focus[person])
            assert have[option.skill] < model.need[role][option.skill]  # a learner is below the need
            raised = have.copy()
            raised[option.skill] += 1
            # the gain of the unrounded fits, rounded once (Fraction rounds half to even, as rint does)
            exact = _exact_fit(model, raised, role) - _exact_fit(model, have, role)
            assert gain == round(exact * UNITS)
            # and within a unit of what the rounded fits of assess differ by
            assert abs(gain - round((fits(model, raised)[role] - fits(model, have)[role]) * UNITS)) <= 1
            assert gain > 0  # every built-in role weighs every skill
        # the same one-level step toward the same role gains the same for everyone
        by_role: dict[int, set[int]] = {}
        for person, gain in zip(option.learners, option.gains, strict=True):
            by_role.setdefault(int(cohort.focus[person]), set()).add(int(gain))
        assert all(len(g) == 1 for g in by_role.values())
    totals = [option.total for option in cohort.teach]
    assert totals == sorted(totals, reverse=True)
    if cohort.teach_next is not None:
        assert cohort.teach_next.total == max(totals) > 0
    else:
        assert all(t == 0 for t in totals)


@settings(max_examples=60, deadline=None)
@given(cohorts)
def test_each_best_role_is_what_assess_ranks_first(
    matrices: Matrices, model: Model, catalog: Catalog, rows: list[list[int]]
) -> None:
    cohort = analyse(matrices, catalog, _ids(len(rows)), rows)
    for i, have in enumerate(rows):
        assert int(cohort.best[i]) == rank(model, measures(model, have))[0]
        assert cohort.best_fit()[i] == fits(model, have)[int(cohort.best[i])]


@settings(max_examples=60, deadline=None)
@given(cohorts, st.randoms(use_true_random=False), st.one_of(st.none(), st.integers(0, 12)))
def test_permuting_people_permutes_nothing_else(
    matrices: Matrices, catalog: Catalog, rows: list[list[int]], rnd: object, target: int | None
) -> None:
    ids = _ids(len(rows))
    order = list(range(len(rows)))
    rnd.shuffle(order)  # type: ignore[attr-defined]
    one = analyse(matrices, catalog, ids, rows, target=target)
    two = analyse(matrices, catalog, [ids[i] for i in order], [rows[i] for i in order], target=target)
    assert one.role_counts() == two.role_counts()
    assert one.band_counts(4) == two.band_counts(4)
    assert [s.count for s in one.stages] == [s.count for s in two.stages]
    assert [s.mean_fit for s in one.stages] == [s.mean_fit for s in two.stages]
    assert [(o.skill, o.total, o.gainers) for o in one.teach] == [
        (o.skill, o.total, o.gainers) for o in two.teach
    ]
    for a, b in zip(one.teach, two.teach, strict=True):
        named_a = [(one.ids[i], g) for i, g in gainers(one, a)]
        named_b = [(two.ids[i], g) for i, g in gainers(two, b)]
        assert named_a == named_b
    assert [(k, one.ids[i]) for k, i in one.single_points()] == [
        (k, two.ids[i]) for k, i in two.single_points()
    ]
    assert one.uncovered() == two.uncovered()
    assert [one.ids[i] for i in one.heatmap_order()] == [two.ids[i] for i in two.heatmap_order()]
    # ranks and ties do not depend on the order; tied people keep input order, so compare them as sets
    assert {one.ids[r.index]: (r.rank, r.tied) for r in one.closest} == {
        two.ids[r.index]: (r.rank, r.tied) for r in two.closest
    }
    by_id = {two.ids[i]: int(two.best[i]) for i in range(len(rows))}
    assert all(by_id[one.ids[i]] == int(one.best[i]) for i in range(len(rows)))


def test_stage_needs_are_the_lowest_level_the_owners_ask(matrices: Matrices, catalog: Catalog) -> None:
    skills = catalog.skill_ids
    needs = {
        catalog.stages[t].id: {skills[k]: level for k, level in stage_needs(matrices, catalog, t)[1]}
        for t in range(len(catalog.stages))
    }
    # project scoping is owned by the ML product manager, data scientist and solutions architect
    assert needs["project-scoping"] == {"ml": 3, "sme": 3, "product": 3}
    assert needs["deployment"] == {"systems": 4, "ml": 2}  # MLE 4/4, MLOps 5/2, platform 5/2
    assert needs["monitoring"] == {"systems": 5, "databases": 4}  # MLOps alone
    cohort = analyse(matrices, catalog, ["a", "b"], [[4, 3, 2, 3, 1, 1, 1, 2], [3, 3, 4, 3, 3, 3, 3, 3]])
    deployment = next(s for s in cohort.stages if catalog.stages[s.stage].id == "deployment")
    assert deployment.meets.tolist() == [True, False]


def test_a_stage_without_owners_reads_the_roles_that_list_it(catalog: Catalog) -> None:
    from roleadvisor.records import replace

    stages = tuple(replace(s, owners=()) if s.id == "monitoring" else s for s in catalog.stages)
    changed = replace(catalog, stages=stages)
    m = Matrices.from_catalog(changed)
    t = changed.stages.index(next(s for s in stages if s.id == "monitoring"))
    roles, _needs = stage_needs(m, changed, t)
    assert [changed.role_ids[r] for r in roles] == [r.id for r in changed.roles if "monitoring" in r.stages]


def test_single_points_and_uncovered_skills(matrices: Matrices, catalog: Catalog) -> None:
    rows = [
        [4, 0, 0, 0, 0, 0, 0, 0],  # the only one with systems at 4
        [3, 5, 0, 0, 0, 0, 0, 0],
        [3, 4, 0, 0, 0, 0, 0, 0],
    ]
    cohort = analyse(matrices, catalog, ["ann", "bob", "cy"], rows)
    assert high_level(5) == cohort.high == 4
    assert cohort.single_points() == ((0, 0),)
    assert cohort.uncovered() == (2, 3, 4, 5, 6, 7)


def test_closest_ranks_by_fit_to_the_target(matrices: Matrices, catalog: Catalog) -> None:
    mlops = catalog.role_ids.index("mlops-engineer")
    rows = [[2, 2, 2, 2, 2, 2, 2, 2], [5, 4, 2, 3, 1, 1, 1, 2], [4, 3, 2, 3, 1, 1, 1, 2]]
    cohort = analyse(matrices, catalog, ["low", "full", "near"], rows, target=mlops)
    assert [cohort.ids[r.index] for r in cohort.closest] == ["full", "near", "low"]
    assert [r.rank for r in cohort.closest] == [1, 2, 3]
    assert (cohort.focus == mlops).all()
    assert cohort.critical(matrices, 0, mlops)  # systems 2 of 5 on a defining skill


def test_closest_is_rank_s_order_with_its_ties(matrices: Matrices, catalog: Catalog) -> None:
    mlops = catalog.role_ids.index("mlops-engineer")
    # "zed" and "amy" are equal on every measure: they share a rank and keep input order (not a-z)
    rows = [[3, 3, 2, 3, 1, 1, 1, 2], [5, 4, 2, 3, 1, 1, 1, 2], [3, 3, 2, 3, 1, 1, 1, 2], [1] * SKILLS]
    cohort = analyse(matrices, catalog, ["zed", "top", "amy", "low"], rows, target=mlops)
    placed = [(cohort.ids[r.index], r.rank, r.tied) for r in cohort.closest]
    assert placed == [("top", 1, False), ("zed", 2, True), ("amy", 2, True), ("low", 4, False)]
    model = requirement_model(catalog, role_requirements(catalog, "mlops-engineer"))
    expected = rank_candidates(model, np.array(rows))
    assert [(r.index, r.rank, r.tied) for r in cohort.closest] == [
        (r.index, r.rank, r.tied) for r in expected
    ]


def test_equal_steps_show_equal_gains(matrices: Matrices, catalog: Catalog) -> None:
    # one more level of databases toward ML engineer: differencing the rounded fits gives 0.0425 for
    # one of these people and 0.0426 for the other (shown as +4.2 and +4.3 points)
    mle = catalog.role_ids.index("ml-engineer")
    databases = catalog.skill_ids.index("databases")
    rows = [[2, 1, 3, 2, 0, 1, 2, 2], [4, 2, 0, 4, 4, 2, 0, 1]]
    cohort = analyse(matrices, catalog, ["a", "b"], rows, target=mle)
    option = next(o for o in cohort.teach if o.skill == databases)
    assert option.learners.tolist() == [0, 1]
    assert option.gains[0] == option.gains[1]
    assert option.total == 2 * int(option.gains[0])


def test_empty_and_one_person_cohorts(matrices: Matrices, catalog: Catalog) -> None:
    empty = analyse(matrices, catalog, [], np.zeros((0, SKILLS), dtype=np.int64), target=0)
    assert empty.size == 0 and empty.role_counts() == () and empty.teach_next is None
    assert [s.count for s in empty.stages] == [0] * len(catalog.stages)
    one = analyse(matrices, catalog, ["solo"], [[5] * SKILLS])
    assert one.teach_next is None  # meets every requirement: nothing to teach
    assert one.role_counts()[0][1] == 1


def test_bad_shapes_are_refused(matrices: Matrices, catalog: Catalog) -> None:
    with pytest.raises(ValueError, match="ids"):
        analyse(matrices, catalog, ["a"], [[1] * SKILLS, [2] * SKILLS])
    with pytest.raises(ValueError, match="role"):
        analyse(matrices, catalog, ["a"], [[1] * SKILLS], target=99)
