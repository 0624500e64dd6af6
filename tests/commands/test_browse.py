"""roles, role, lifecycle and skills: tables for people, stable JSON for programs."""

from __future__ import annotations

import json

import pytest

from roleadvisor.catalog.models import Catalog
from roleadvisor.engine import Model, similar_roles
from tests.conftest import Invoke


def _json(invoke: Invoke, *args: str) -> dict[str, object]:
    result = invoke(*args, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert isinstance(data, dict)
    return data


def test_roles_json(invoke: Invoke, catalog: Catalog) -> None:
    data = _json(invoke, "roles")
    assert list(data) == ["roles", "catalog"]
    rows = data["roles"]
    assert isinstance(rows, list)
    assert [r["id"] for r in rows] == list(catalog.role_ids)
    devrel = next(r for r in rows if r["id"] == "developer-advocate")
    assert devrel == {
        "id": "developer-advocate",
        "title": "Developer Advocate",
        "family": "adjacent",
        "stages": ["deployment", "business-analysis"],
        "top_skills": [
            {"skill": "communication", "level": 5, "weight": 3.0},
            {"skill": "systems", "level": 3, "weight": 2.0},
            {"skill": "ml", "level": 3, "weight": 2.0},
        ],
    }


def test_roles_family_filter(invoke: Invoke, catalog: Catalog) -> None:
    data = _json(invoke, "roles", "--family", "Research")
    rows = data["roles"]
    assert isinstance(rows, list)
    assert [r["id"] for r in rows] == ["research-scientist", "research-engineer"]
    result = invoke("roles", "--family", "adjacnt")
    assert result.exit_code == 2
    assert result.stderr == (
        "error: no role family 'adjacnt'; did you mean 'adjacent'? (families: core, research, adjacent)\n"
    )


def test_roles_table(invoke: Invoke) -> None:
    result = invoke("roles")
    assert result.exit_code == 0
    for text in ("Developer Advocate", "developer-advocate", "communication 5", "business-analysis"):
        assert text in result.stdout


def test_role_json_is_one_object_with_the_role_id(invoke: Invoke, catalog: Catalog) -> None:
    data = _json(invoke, "role", "devrel")
    assert data["id"] == "developer-advocate"
    assert list(data) == [
        "id", "title", "family", "description", "aliases", "stages",
        "requirements", "keywords", "closest", "catalog",
    ]  # fmt: skip
    reqs = data["requirements"]
    assert isinstance(reqs, list)
    comm = next(r for r in reqs if r["skill"] == "communication")
    assert comm["level"] == 5
    assert comm["label"] == "expert"
    assert comm["descriptor"] == catalog.skill("communication").descriptor(5)
    assert comm["importance"] == pytest.approx(3 / 12, abs=1e-4)
    closest = data["closest"]
    assert isinstance(closest, list)
    assert len(closest) == 3
    assert closest[0]["id"] == "ml-solutions-architect"


@pytest.mark.parametrize("query", ["ML eng", "mlops", "devrel", "Data Scientist"])
def test_role_queries_from_the_issue(invoke: Invoke, query: str) -> None:
    result = invoke("role", query)
    assert result.exit_code == 0, result.output


def test_role_table_explains_itself(invoke: Invoke, catalog: Catalog) -> None:
    result = invoke("role", "devrel")
    assert result.exit_code == 0
    out = result.stdout
    assert "Developer Advocate" in out
    assert "Works in: Deployment, Business analysis" in out
    assert "Also called: devrel" in out
    assert "5 expert" in out
    assert "●●● 25%" in out
    assert "Shapes how a whole" in out  # start of the level-5 communication descriptor
    assert "Closest roles by requirements" in out
    assert "ML Solutions Architect" in out


def test_role_lookup_errors(invoke: Invoke) -> None:
    result = invoke("role", "research")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == "error: role 'research' is ambiguous; it could be:"
    result = invoke("role", "astronaut")
    assert result.exit_code == 2
    assert result.stderr == "error: no role matches 'astronaut' (see 'roleadvisor roles')\n"
    assert result.stdout == ""


def test_similar_roles_hand_worked(catalog: Catalog) -> None:
    m = Model.from_catalog(catalog)
    near = similar_roles(m, "developer-advocate")
    assert "developer-advocate" not in [n.role_id for n in near]
    assert len(near) == len(catalog.roles) - 1
    # solutions architect differs from devrel by +1 in systems (w2), databases (w1),
    # stats (w1), sme (w1) and product (w1): 6 / (12 * 5) = 0.1 -> similarity 0.9
    assert near[0].role_id == "ml-solutions-architect"
    assert near[0].similarity == 0.9
    assert near[0].differences[0] == ("systems", 3, 4)
    sims = [n.similarity for n in near]
    assert sims == sorted(sims, reverse=True)


def test_lifecycle_json(invoke: Invoke, catalog: Catalog) -> None:
    data = _json(invoke, "lifecycle")
    stages = data["stages"]
    assert isinstance(stages, list)
    assert [s["id"] for s in stages] == [
        "project-scoping", "data-management", "model-development",
        "deployment", "monitoring", "business-analysis",
    ]  # fmt: skip
    assert [s["position"] for s in stages] == [1, 2, 3, 4, 5, 6]
    deployment = stages[3]
    assert deployment["skill_mix"] == [
        {"skill": "systems", "title": "Systems", "share": 0.75},
        {"skill": "ml", "title": "Machine learning", "share": 0.25},
    ]
    assert [o["id"] for o in deployment["owners"]] == [
        "ml-engineer", "mlops-engineer", "ml-infrastructure-engineer",
    ]  # fmt: skip
    for stage in stages:
        assert sum(m["share"] for m in stage["skill_mix"]) == pytest.approx(1.0, abs=1e-3)


def test_lifecycle_table(invoke: Invoke) -> None:
    result = invoke("lifecycle")
    assert result.exit_code == 0
    out = result.stdout
    assert out.index("1/6  Project scoping") < out.index("6/6  Business analysis")
    assert "Owned by: MLOps Engineer" in out
    assert "75%" in out


def test_skills_json_and_one_skill(invoke: Invoke, catalog: Catalog) -> None:
    data = _json(invoke, "skills")
    assert data["scale"] == {"max": 5, "labels": list(catalog.scale.labels)}
    skills = data["skills"]
    assert isinstance(skills, list)
    assert [s["id"] for s in skills] == list(catalog.skill_ids)
    assert all(len(s["levels"]) == 6 for s in skills)
    one = _json(invoke, "skills", "statistcs")
    only = one["skills"]
    assert isinstance(only, list)
    assert [s["id"] for s in only] == ["stats"]
    assert only[0]["levels"][3]["label"] == "practitioner"


def test_skills_table(invoke: Invoke, catalog: Catalog) -> None:
    result = invoke("skills", "ml")
    assert result.exit_code == 0
    assert "Machine learning" in result.stdout
    assert "5 expert" in result.stdout
    assert "Statistics" not in result.stdout
