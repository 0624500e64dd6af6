"""Resources in the person's languages come first (rule 1 of ``pick_resources``); English ones are
never hidden, and a run that asks for no other language picks what it picked before."""

from __future__ import annotations

import pytest

from roleadvisor.catalog.models import Catalog, Resource
from roleadvisor.records import replace
from roleadvisor.resources import pick_resources

TOP = 5


def _steps() -> list[tuple[int, int]]:
    return [(have, need) for need in range(1, TOP + 1) for have in range(need)]


def _res(title: str, language: str = "en", kind: str = "course", low: int = 2, high: int = 2) -> Resource:
    return Resource(title=title, kind=kind, skills=("ml",), low=low, high=high, language=language)


def _titles(picks: tuple[Resource, ...]) -> list[str]:
    return [r.title for r in picks]


@pytest.fixture
def small(catalog: Catalog) -> Catalog:
    # the English one fits the step best, the Persian one worst
    return replace(
        catalog,
        resources=(
            _res("en exact", "en", low=2, high=2),
            _res("ru wide", "ru", low=1, high=3),
            _res("fa wider", "fa", low=1, high=4),
            _res("de exact", "de", low=2, high=2),
        ),
    )


def test_the_languages_asked_for_come_first_in_their_order_then_english_then_the_rest(small: Catalog) -> None:
    assert _titles(pick_resources(small, "ml", 1, 2, limit=9)) == [
        "en exact",
        "de exact",
        "ru wide",
        "fa wider",
    ]
    assert _titles(pick_resources(small, "ml", 1, 2, ("ru",), limit=9)) == [
        "ru wide",
        "en exact",
        "de exact",
        "fa wider",
    ]
    assert _titles(pick_resources(small, "ml", 1, 2, ("fa", "ru"), limit=9)) == [
        "fa wider",
        "ru wide",
        "en exact",
        "de exact",
    ]
    # English named after Russian: still after it
    assert _titles(pick_resources(small, "ml", 1, 2, ("ru", "en"), limit=9))[:2] == ["ru wide", "en exact"]
    # a language is never a reason to leave a resource out
    assert len(pick_resources(small, "ml", 1, 2, ("ru",), limit=9)) == 4


def test_preferences_decide_in_the_order_given(small: Catalog) -> None:
    pool = replace(
        small, resources=(_res("en video", "en", kind="video"), _res("ru book", "ru", kind="book"))
    )
    assert _titles(pick_resources(pool, "ml", 1, 2, ("ru", "video"))) == ["ru book", "en video"]
    assert _titles(pick_resources(pool, "ml", 1, 2, ("video", "ru"))) == ["en video", "ru book"]
    assert _titles(pick_resources(pool, "ml", 1, 2, ("video",))) == ["en video", "ru book"]
    both = replace(small, resources=(*pool.resources, _res("ru video", "ru", kind="video")))
    # --lang ru --prefer video: Russian videos, English videos, other Russian resources
    assert _titles(pick_resources(both, "ml", 1, 2, ("video", "ru"))) == ["ru video", "en video", "ru book"]
    assert _titles(pick_resources(both, "ml", 1, 2, ("ru", "video"))) == ["ru video", "ru book", "en video"]


def test_a_language_the_reader_did_not_ask_for_comes_last(small: Catalog) -> None:
    """An English reader who prefers videos is not sent to a Persian video before an English book."""
    pool = replace(
        small, resources=(_res("fa video", "fa", kind="video"), _res("en book", "en", kind="book"))
    )
    assert _titles(pick_resources(pool, "ml", 1, 2, ("video", "en"))) == ["en book", "fa video"]
    assert _titles(pick_resources(pool, "ml", 1, 2, ("video", "fa"))) == ["fa video", "en book"]


def test_the_builtin_catalogue_has_russian_and_persian_resources(catalog: Catalog) -> None:
    by_language = {lang: [r for r in catalog.resources if r.language == lang] for lang in ("ru", "fa")}
    assert len(by_language["ru"]) >= 8 and len(by_language["fa"]) >= 3
    for skill in ("ml", "algorithms"):  # the skills both communities have resources for
        for lang in ("ru", "fa"):
            assert any(skill in r.skills for r in by_language[lang]), (skill, lang)


@pytest.mark.parametrize(("language", "script"), [("ru", "Ѐ-ӿ"), ("fa", "؀-ۿ")])
def test_asking_for_a_language_puts_its_resource_first(catalog: Catalog, language: str, script: str) -> None:
    first = pick_resources(catalog, "ml", 1, 2, (language,))[0]
    assert first.language == language
    low, high = script.split("-")
    assert any(low <= ch <= high for ch in first.title), first.title  # the title in its own script
    assert pick_resources(catalog, "ml", 1, 2)[0].language == "en"


@pytest.mark.parametrize("prefer", [(), ("en",), ("video",), ("book", "en")])
def test_english_runs_pick_what_an_english_only_catalogue_picks(
    catalog: Catalog, prefer: tuple[str, ...]
) -> None:
    english = replace(catalog, resources=tuple(r for r in catalog.resources if r.language == "en"))
    for skill in catalog.skill_ids:
        for have, need in _steps():
            for limit in (1, 3):
                picks = pick_resources(catalog, skill, have, need, prefer, limit)
                only = pick_resources(english, skill, have, need, prefer, limit)
                assert picks[: len(only)] == only, (skill, have, need, prefer)
                assert all(r.language != "en" for r in picks[len(only) :])


def test_russian_runs_keep_english_after_the_russian_ones(catalog: Catalog) -> None:
    for skill in catalog.skill_ids:
        for have, need in _steps():
            picks = pick_resources(catalog, skill, have, need, ("ru",), limit=50)
            languages = [r.language for r in picks]
            ranked = [{"ru": 0, "en": 1}.get(lang, 2) for lang in languages]
            assert ranked == sorted(ranked), (skill, have, need, languages)
            every = pick_resources(catalog, skill, have, need, (), limit=50)
            # nothing hidden, but one edition of a book given in two languages
            editions = {r.title for r in catalog.resources if r.translation_of} | {
                r.translation_of for r in catalog.resources if r.translation_of
            }
            assert {r.title for r in picks} - editions == {r.title for r in every} - editions
            assert len({r.title for r in picks} & editions) == len({r.title for r in every} & editions)
            if "ru" not in languages:
                assert picks == every
