"""Target plans, the next best step, adjacent moves and resources, on hand-worked examples."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from roleadvisor.advice import moves, next_best_step, plan_for
from roleadvisor.catalog.loader import validate_catalog_dir
from roleadvisor.catalog.models import Catalog
from roleadvisor.contracts.schema import report_json_schema
from roleadvisor.engine import Model, assess
from tests.conftest import DS, MLE, Invoke, rate_args


def test_plan_for_mlops_hand_worked(model: Model) -> None:
    # MLOps: sum(w * need) = 5*3 + 4*2 + 2 + 3 + 1 + 1 + 1 + 2*1 = 33.
    # MLE profile misses systems 4->5 (w3, worth 3/33) and databases 3->4 (w2, worth 2/33).
    plan = plan_for(model, MLE, "mlops-engineer")
    assert plan.fit == round(28 / 33, 4)
    assert [(s.skill, s.have, s.need) for s in plan.steps] == [("systems", 4, 5), ("databases", 3, 4)]
    assert [s.fit_after for s in plan.steps] == [round(31 / 33, 4), 1.0]
    assert plan.steps[0].gain == round(3 / 33, 4)


def _tiny() -> Model:
    """Skills a, b, c; target T needs a2 b2 c1 (all weight 1); O needs only b3."""
    return Model(
        skill_ids=("a", "b", "c"),
        role_ids=("t", "o"),
        stage_ids=(),
        need=((2, 2, 1), (0, 3, 0)),
        weight=((1.0, 1.0, 1.0), (1.0, 1.0, 1.0)),
        mix=(),
        max_level=5,
    )


def test_plan_ties_go_to_the_step_that_helps_other_roles() -> None:
    m = _tiny()
    # gaps a 1->2 and b 1->2 are worth the same to T; b also helps O, so b comes first
    plan = plan_for(m, {"a": 1, "b": 1, "c": 0}, "t")
    assert [s.skill for s in plan.steps] == ["b", "a", "c"]
    assert plan.steps[0].helps_others > 0 and plan.steps[1].helps_others == 0
    assert [s.fit_after for s in plan.steps] == [0.6, 0.8, 1.0]


def test_plan_ties_that_help_nobody_keep_skill_order() -> None:
    m = _tiny()
    plan = plan_for(m, {"a": 1, "b": 3, "c": 0}, "t")
    assert [s.skill for s in plan.steps] == ["a", "c"]  # equal gains, neither helps O


def test_no_gaps_no_steps(model: Model) -> None:
    plan = plan_for(model, dict.fromkeys(MLE, 5), "developer-advocate")
    assert plan.fit == 1.0 and plan.steps == ()


def test_next_best_step_hand_worked(model: Model) -> None:
    # the best match for MLE is ml-engineer (sum(w * need) = 47); of its gaps, algorithms 3->4
    # (weight 2) adds 2/47, stats 2->3 and product 1->2 (weight 1) 1/47 each: algorithms first.
    step = next_best_step(model, MLE)
    assert step is not None
    assert step.roles[0] == "ml-engineer" == assess(model, MLE).roles[0].role_id
    assert (step.skill, step.have, step.to) == ("algorithms", 3, 4)
    assert step.gain == pytest.approx(2 / 47, abs=1e-4)  # a difference of rounded fits
    assert step.gains[0] == step.gain and all(g > 0 for g in step.gains)
    # research-engineer and ml-hardware-engineer need algorithms 4 too, at weight 3
    assert step.roles == ("ml-engineer", "research-engineer", "ml-hardware-engineer")


def test_next_best_step_skips_roles_already_met(model: Model) -> None:
    senior = {**MLE, "algorithms": 4, "stats": 3, "product": 2}  # meets every ml-engineer requirement
    step = next_best_step(model, senior)
    assert step is not None
    assert "ml-engineer" in step.covered and "ml-engineer" not in step.roles
    assert step.gain > 0


def test_next_best_step_follows_the_target(model: Model) -> None:
    # toward MLOps only systems 4->5 (3/33) and databases 3->4 (2/33) raise its fit
    step = next_best_step(model, MLE, target="mlops-engineer")
    assert step is not None
    assert step.roles == ("mlops-engineer",)
    assert (step.skill, step.to, step.gain) == ("systems", 5, round(3 / 33, 4))


def test_next_best_step_is_none_at_the_top(model: Model) -> None:
    assert next_best_step(model, dict.fromkeys(MLE, 5)) is None


@settings(max_examples=40, deadline=None)
@given(st.fixed_dictionaries({skill: st.integers(0, 5) for skill in MLE}))
def test_plan_and_next_step_properties(ratings: dict[str, int]) -> None:
    from roleadvisor.catalog.loader import load_catalog

    m = Model.from_catalog(load_catalog())
    result = assess(m, ratings)
    now = {r.role_id: r.fit for r in result.roles}
    for role_id in m.role_ids:
        plan = plan_for(m, ratings, role_id)
        fits = [plan.fit, *(s.fit_after for s in plan.steps)]
        assert fits == sorted(fits)  # every step helps
        assert fits[-1] == 1.0  # closing every gap meets the role
        assert {s.skill for s in plan.steps} == {g.skill for g in result.role(role_id).gaps}
        gains = [s.gain for s in plan.steps]
        assert gains == sorted(gains, reverse=True)
    step = next_best_step(m, ratings)
    with_gaps = [r for r in result.roles if r.fit < 1.0]
    if step is None:
        assert not with_gaps or all(
            assess(m, {**ratings, s: ratings[s] + 1}).role(with_gaps[0].role_id).fit <= with_gaps[0].fit
            for s in m.skill_ids
            if ratings[s] < 5
        )
    else:
        focus = with_gaps[0].role_id
        assert step.roles[0] == focus  # the best-ranked role that still has a gap
        best_gain = max(
            assess(m, {**ratings, s: ratings[s] + 1}).role(focus).fit - now[focus]
            for s in m.skill_ids
            if ratings[s] < 5
        )
        assert step.gain == pytest.approx(best_gain, abs=1e-9)
        assert all(now[r] == 1.0 for r in step.covered)


def _levels_to_learn(catalog: Catalog, ratings: dict[str, int], role_id: str) -> int:
    role = catalog.role(role_id)
    return sum(max(0, req.level - ratings[s]) for s, req in role.requirements)


def test_moves_hand_worked(catalog: Catalog, model: Model) -> None:
    mv = moves(model, MLE)
    assert mv.use_what_you_have.role_id == mv.best.role_id == "ml-engineer"
    # MLE profile vs the role: algorithms 3->4, stats 2->3, product 1->2
    assert mv.best.learning == _levels_to_learn(catalog, MLE, "ml-engineer") == 3
    # within reach: fit >= 0.9149 - 0.15 and no critical gap; the one needing the most levels
    results = {r.role_id: r for r in assess(model, MLE).roles}
    reach = [r for r, x in results.items() if x.fit >= results["ml-engineer"].fit - 0.15 and not x.critical]
    expected = max(reach, key=lambda r: (_levels_to_learn(catalog, MLE, r), results[r].fit))
    assert mv.highest_ceiling.role_id == expected
    assert mv.highest_ceiling.learning == _levels_to_learn(catalog, MLE, expected)
    assert [m.role_id for m in mv.adjacent] == [
        "research-engineer",
        "ml-hardware-engineer",
        "ml-infrastructure-engineer",
    ]


def test_moves_follow_the_target(model: Model) -> None:
    mv = moves(model, MLE, target="mlops-engineer")
    assert mv.best.role_id == "mlops-engineer"
    assert mv.use_what_you_have.role_id == "ml-engineer"  # still the best match
    assert mv.adjacent[0].role_id == "ml-infrastructure-engineer"  # the role most like MLOps


def test_moves_when_nothing_else_is_in_reach(catalog: Catalog, model: Model) -> None:
    mv = moves(model, DS)
    assert mv.best.role_id == "data-scientist"
    assert mv.highest_ceiling.role_id == "data-scientist"


def test_resource_errors_are_reported(catalog_copy: Callable[..., Path]) -> None:
    directory = catalog_copy()
    (directory / "resources.yaml").write_text(
        "resources:\n"
        "  - {title: A, kind: podcast, skills: [ml], levels: [1, 2]}\n"
        "  - {title: B, kind: book, skills: [cooking], levels: [1, 2]}\n"
        "  - {title: C, kind: book, skills: [ml], levels: [4, 2], url: 'ftp://x'}\n"
        "  - {title: D, kind: book, skills: [ml], levels: [1, 2], year: 2020}\n",
        encoding="utf-8",
    )
    catalog, problems = validate_catalog_dir(directory)
    assert catalog is None
    assert problems == [
        "resources.yaml: resources[3].year: unknown field (check its spelling)",
    ]
    (directory / "resources.yaml").write_text(
        "resources:\n"
        "  - {title: A, kind: podcast, skills: [ml], levels: [1, 2]}\n"
        "  - {title: B, kind: book, skills: [cooking], levels: [1, 2]}\n"
        "  - {title: C, kind: book, skills: [ml], levels: [4, 2], url: 'ftp://x'}\n",
        encoding="utf-8",
    )
    catalog, problems = validate_catalog_dir(directory)
    assert problems == [
        "resources.yaml: resources[0].kind: 'podcast' is not one of book, course, video, community, practice, article",
        "resources.yaml: resources[1].skills[0]: unknown skill id 'cooking'",
        "resources.yaml: resources[2].levels: must be [low, high] with 0 <= low <= high <= 5, got [4, 2]",
        "resources.yaml: resources[2].url: must start with https:// or http://",
    ]


def test_custom_catalogue_brings_its_own_resources(invoke: Invoke, catalog_copy: Callable[..., Path]) -> None:
    directory = catalog_copy()
    (directory / "resources.yaml").write_text(
        "resources:\n  - {title: Our internal SRE academy, kind: course, skills: [systems], levels: [4, 5]}\n",
        encoding="utf-8",
    )
    result = invoke("--catalog", str(directory), "assess", *rate_args(MLE), "--target", "mlops", "-f", "json")
    assert result.exit_code == 0, result.output
    plan = json.loads(result.stdout)["target"]["plan"]
    assert plan[0]["resources"] == [{"title": "Our internal SRE academy", "kind": "course", "url": None}]
    assert plan[1]["resources"] == []


# --- the command ----------------------------------------------------------------------------


def test_target_json(invoke: Invoke, catalog: Catalog) -> None:
    result = invoke("assess", *rate_args(MLE), "--target", "MLOps", "--prefer", "video,book", "-f", "json")
    assert result.exit_code == 0, result.output
    report: dict[str, Any] = json.loads(result.stdout)
    jsonschema.validate(report, report_json_schema())
    target = report["target"]
    assert (target["id"], target["title"], target["fit"]) == ("mlops-engineer", "MLOps Engineer", 0.8485)
    assert (target["band"], target["learning"], target["rank"]) == ("close", 2, 5)  # 84.85% reads as 85%
    assert [list(step) for step in target["plan"]] == [
        ["skill", "have", "need", "fit_after", "descriptor", "levels", "resources"]
    ] * 2
    assert report["next_step"]["roles"] == ["mlops-engineer"]
    assert report["moves"]["best"]["id"] == "mlops-engineer"
    assert report["readiness"]["role"] == "mlops-engineer"
    first = target["plan"][0]
    assert (first["skill"], first["have"], first["need"], first["fit_after"]) == ("systems", 4, 5, 0.9394)
    assert first["descriptor"] == catalog.skill("systems").descriptor(5)
    assert first["resources"][0]["kind"] == "book"  # no systems video reaches level 5
    assert all(set(r) == {"title", "kind", "url"} for r in first["resources"])


def test_target_table_says_what_to_learn_first(invoke: Invoke) -> None:
    result = invoke("assess", *rate_args(MLE), "--target", "mlops")
    assert result.exit_code == 0, result.output
    out = " ".join(result.stdout.split())
    assert "You against MLOps Engineer, skill by skill" in out
    assert "Plan for MLOps Engineer (fit now 85%, close; 2 levels to learn)" in out
    assert "It ranks 5th of 13 roles by match." in out
    assert out.index("systems 4→5") < out.index("databases 3→4")
    assert "Next best step: raise systems from 4 to 5: it raises the fit of MLOps Engineer" in out
    assert "Roles closest to MLOps Engineer, your target" in out
    assert "Use what you have: Machine Learning Engineer" in out
    assert "Highest ceiling (among roles within reach, the one with the most to learn)" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--target", "research"], "error: role 'research' is ambiguous; it could be:"),
        (
            ["--target", "astronaut"],
            "error: no role matches 'astronaut' (see 'roleadvisor roles'), and there is no file 'astronaut' "
            "to read as a saved decode (save one with 'roleadvisor decode --format json')",
        ),
        (
            ["--prefer", "vidoe"],
            "error: --prefer: unknown resource kind or language 'vidoe'; did you mean 'video'? "
            "(kinds: book, course, video, community, practice, article; languages: en, fa, ru)",
        ),
    ],
)
def test_target_and_prefer_errors(invoke: Invoke, args: list[str], message: str) -> None:
    result = invoke("assess", *rate_args(MLE), *args)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == message
    assert result.stdout == ""
