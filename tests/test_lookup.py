"""Fuzzy lookup of roles and skills: exact, alias, typo, ambiguous, nothing close."""

from __future__ import annotations

import pytest

from roleadvisor.catalog.models import Catalog
from roleadvisor.errors import LookupFailed, RatingError
from roleadvisor.lookup import resolve_role, resolve_skill_query
from roleadvisor.ratings import SkillKeys
from roleadvisor.text import normalise


@pytest.mark.parametrize(
    ("query", "role_id"),
    [
        # exact ids and titles, any case and punctuation
        ("ml-engineer", "ml-engineer"),
        ("Data Scientist", "data-scientist"),
        ("DATA_SCIENTIST", "data-scientist"),
        ("  developer   advocate. ", "developer-advocate"),
        # aliases
        ("mlops", "mlops-engineer"),
        ("devrel", "developer-advocate"),
        ("Dev-Rel", "developer-advocate"),
        ("MLE", "ml-engineer"),
        ("ML platform engineer", "ml-infrastructure-engineer"),
        # the start of a name
        ("ML eng", "ml-engineer"),
        ("infra", "ml-infrastructure-engineer"),
        # typos
        ("data scintist", "data-scientist"),
        ("mlosp", "mlops-engineer"),
        ("develper advocate", "developer-advocate"),
        # seniority words from the catalogue are ignored
        ("Staff ML Platform Engineer", "ml-infrastructure-engineer"),
        ("Senior Data Scientist", "data-scientist"),
        ("junior data analyst", "data-analyst"),
    ],
)
def test_clear_winner(catalog: Catalog, query: str, role_id: str) -> None:
    assert resolve_role(query, catalog).id == role_id


def test_ambiguous_lists_the_candidates(catalog: Catalog) -> None:
    with pytest.raises(LookupFailed) as info:
        resolve_role("research", catalog)
    assert info.value.message == "role 'research' is ambiguous; it could be:"
    assert info.value.details == (
        "research-engineer  Research Engineer",
        "research-scientist  Research Scientist",
        "name one of them more fully, or see 'roleadvisor roles'",
    )
    assert info.value.exit_code == 2


def test_ambiguous_names_the_alias_that_matched(catalog: Catalog) -> None:
    with pytest.raises(LookupFailed) as info:
        resolve_role("platform", catalog)
    assert info.value.details[:2] == (
        "data-engineer  Data Engineer (as 'data platform engineer')",
        "ml-infrastructure-engineer  ML Infrastructure / Platform Engineer",
    )


def test_a_word_in_many_titles_is_ambiguous(catalog: Catalog) -> None:
    with pytest.raises(LookupFailed, match="ambiguous"):
        resolve_role("engineer", catalog)


def test_nothing_close(catalog: Catalog) -> None:
    with pytest.raises(LookupFailed) as info:
        resolve_role("astronaut", catalog)
    assert info.value.message == "no role matches 'astronaut' (see 'roleadvisor roles')"


def test_near_miss_gets_a_did_you_mean(catalog: Catalog) -> None:
    with pytest.raises(LookupFailed) as info:
        resolve_role("hardwre chip guy", catalog)
    assert info.value.message == (
        "no role matches 'hardwre chip guy'; did you mean 'ml-hardware-engineer' (AI hardware engineer)? "
        "(see 'roleadvisor roles')"
    )


def test_empty_query(catalog: Catalog) -> None:
    with pytest.raises(LookupFailed, match="has no letters or digits"):
        resolve_role(" -- ", catalog)


@pytest.mark.parametrize(
    ("query", "skill_id"),
    [("stats", "stats"), ("Statistics", "stats"), ("statistcs", "stats"), ("machine learning", "ml")],
)
def test_skill_query(catalog: Catalog, query: str, skill_id: str) -> None:
    assert resolve_skill_query(query, catalog).id == skill_id


def test_ratings_never_guess_a_skill(catalog: Catalog) -> None:
    # the same typo that browsing forgives is an error in a rating
    keys = SkillKeys.of(catalog)
    with pytest.raises(RatingError) as info:
        keys.resolve("statistcs")
    assert "did you mean 'stats'?" in info.value.message
    # an exact title is not a guess
    assert keys.resolve("Machine learning") == "ml"
    assert keys.resolve("ML") == "ml"


def test_normalise() -> None:
    assert normalise("  ML-Eng. ") == "ml eng"
    assert normalise("C++ / C#") == "c++ c#"
    assert normalise("A/B testing") == "a b testing"
