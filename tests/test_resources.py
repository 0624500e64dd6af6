"""Choosing the resources for one step: skill, target level, preferred kinds."""

from __future__ import annotations

from roleadvisor.catalog.models import RESOURCE_KINDS, Catalog
from roleadvisor.resources import pick_resources


def test_builtin_resources_cover_every_skill_and_level(catalog: Catalog) -> None:
    assert len(catalog.resources) >= 60
    for skill in catalog.skill_ids:
        for level in range(1, catalog.scale.max + 1):
            assert pick_resources(catalog, skill, level - 1, level), (skill, level)
    assert {r.kind for r in catalog.resources} == set(RESOURCE_KINDS)
    assert all(r.url is None or r.url.startswith("https://") for r in catalog.resources)


def test_prefer_orders_by_kind(catalog: Catalog) -> None:
    plain = pick_resources(catalog, "ml", 1, 2)
    videos = pick_resources(catalog, "ml", 1, 2, prefer=("video",))
    assert videos[0].kind == "video"
    assert plain[0].kind != "video"
    mixed = pick_resources(catalog, "ml", 1, 2, prefer=("community", "course"), limit=10)
    kinds = [r.kind for r in mixed]
    ranks = [("community", "course").index(k) if k in ("community", "course") else 2 for k in kinds]
    assert ranks == sorted(ranks)
    # only resources whose levels meet the step
    for r in pick_resources(catalog, "ml", 4, 5, limit=50):
        assert r.high >= 5 and "ml" in r.skills
