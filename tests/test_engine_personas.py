"""The persona evaluation set (tests/eval/personas.yaml) against the ranking.

65 people judged the way a careful mentor would (see tests/eval/README.md).
Checked here:

* no persona gets a role its mentor rules out in the top three (all must pass);
* the first role is one the mentor accepts, for at least ``TOP1_FLOOR``
  personas, and every miss is one of ``KNOWN_MISSES`` (a new miss fails);
* the readiness band of the first role matches the mentor's for at least
  ``READINESS_FLOOR`` personas;
* every ``exact-<role>`` persona holds that role's catalogue levels.

Raise the floors when the ranking gets better; never lower them to make a change pass.
Run ``python tests/eval/report.py`` for the whole table.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from roleadvisor.catalog.models import Catalog
from roleadvisor.engine import Model, assess

PERSONAS = Path(__file__).resolve().parent / "eval" / "personas.yaml"
TOP1_FLOOR = 61
READINESS_FLOOR = 56
KNOWN_MISSES = {
    # a junior whose ratings sit between two close roles; the mentor names only one
    "junior-ml-engineer": "research-engineer asks less of databases, sme and product than ML engineer",
    "junior-ml-product-manager": "product 3 is two levels short of the role's 5; data analyst is covered",
    "backend-to-ml": "databases 4 makes data engineer the closest role; the person wants ML",
    "bootcamp-ml-engineering": "every role is far; the ranking among far roles is weak",
}


def _personas() -> list[dict[str, Any]]:
    data = yaml.safe_load(PERSONAS.read_text(encoding="utf-8"))
    assert isinstance(data, list)
    return data


@pytest.fixture(scope="module")
def results(model: Model) -> dict[str, tuple[list[str], str]]:
    out = {}
    for persona in _personas():
        ranked = assess(model, persona["ratings"]).roles
        out[persona["id"]] = ([r.role_id for r in ranked], ranked[0].band)
    return out


def test_the_set_is_big_and_well_formed(catalog: Catalog) -> None:
    personas = _personas()
    assert len(personas) >= 30
    assert len({p["id"] for p in personas}) == len(personas)
    roles = set(catalog.role_ids)
    for p in personas:
        assert set(p["ratings"]) == set(catalog.skill_ids), p["id"]
        assert all(0 <= v <= catalog.scale.max for v in p["ratings"].values()), p["id"]
        assert set(p["first"]) <= roles and set(p["not_top3"]) <= roles, p["id"]
        assert p["readiness"] in {b.id for b in catalog.ranking.bands}, p["id"]
    # every role is some persona's expected first role
    assert roles <= {r for p in personas for r in p["first"]}


def test_exact_personas_hold_the_catalogue_levels(catalog: Catalog) -> None:
    exact = {p["id"]: p for p in _personas() if p["id"].startswith("exact-")}
    assert set(exact) == {f"exact-{r}" for r in catalog.role_ids}
    for role in catalog.roles:
        assert exact[f"exact-{role.id}"]["ratings"] == {s: req.level for s, req in role.requirements}


def test_no_ruled_out_role_in_the_top_three(results: dict[str, tuple[list[str], str]]) -> None:
    bad = {
        p["id"]: sorted(set(results[p["id"]][0][:3]) & set(p["not_top3"]))
        for p in _personas()
        if set(results[p["id"]][0][:3]) & set(p["not_top3"])
    }
    assert bad == {}


def test_first_role_is_one_the_mentor_accepts(results: dict[str, tuple[list[str], str]]) -> None:
    misses = {
        p["id"]: results[p["id"]][0][:3] for p in _personas() if results[p["id"]][0][0] not in p["first"]
    }
    new = {k: v for k, v in misses.items() if k not in KNOWN_MISSES}
    assert new == {}, "new misses (ranking got worse for these personas)"
    assert len(_personas()) - len(misses) >= TOP1_FLOOR


def test_readiness_matches_the_mentor(results: dict[str, tuple[list[str], str]]) -> None:
    hits = sum(results[p["id"]][1] == p["readiness"] for p in _personas())
    assert hits >= READINESS_FLOOR


@pytest.mark.parametrize(
    ("persona_id", "band"),
    [("complete-beginner", "far"), ("all-zeros", "far"), ("strong-generalist", "ready")],
)
def test_bands_for_the_issue_examples(
    results: dict[str, tuple[list[str], str]], persona_id: str, band: str
) -> None:
    assert results[persona_id][1] == band
