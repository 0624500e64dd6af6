"""``assess --prefer`` with languages, and the interface language: resources in the reader's
language come first in the plan; English runs are unchanged; a bad value says what is allowed."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from roleadvisor import i18n
from roleadvisor.catalog.models import Catalog
from roleadvisor.commands.assess import parse_prefer
from roleadvisor.errors import UsageError
from tests.conftest import Invoke, rate_args

# someone starting out who wants to become a data scientist: the plan climbs ml, stats and algorithms
BEGINNER = {
    "systems": 2,
    "databases": 1,
    "ml": 1,
    "algorithms": 1,
    "stats": 1,
    "sme": 2,
    "product": 1,
    "communication": 2,
}


@pytest.fixture(autouse=True)
def _english_locale(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for name in ("ROLEADVISOR_LANG", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    yield
    i18n.activate("en")  # --lang in one test must not leak into the next


def _plan(invoke: Invoke, *args: str) -> dict[str, list[str]]:
    """The titles of each planned step's resources, by skill; ``--lang X`` first goes before ``assess``."""
    root = list(args[:2]) if args[:1] == ("--lang",) else []
    rest = args[len(root) :]
    result = invoke(*root, "assess", *rate_args(BEGINNER), "--target", "data-scientist", "-f", "json", *rest)
    assert result.exit_code == 0, result.output
    report: dict[str, Any] = json.loads(result.stdout)
    english = _english_titles()
    return {
        step["skill"]: [english.get(r["title"], r["title"]) for r in step["resources"]]
        for step in report["target"]["plan"]
    }


def _english_titles() -> dict[str, str]:
    """Each resource's title as a Russian or Persian report shows it -> its title in the catalogue."""
    from roleadvisor.catalog.loader import load_catalog
    from roleadvisor.catalog.localize import localize

    catalog = load_catalog()
    out: dict[str, str] = {}
    for language in ("ru", "fa"):
        localized, _ = localize(catalog, language)
        for shown, original in zip(localized.resources, catalog.resources, strict=True):
            out[shown.title] = original.title
    return out


def _language(catalog: Catalog, title: str) -> str:
    return next(r.language for r in catalog.resources if r.title == title)


def test_prefer_ru_puts_a_russian_resource_first(invoke: Invoke, catalog: Catalog) -> None:
    plan = _plan(invoke, "--lang", "en", "--prefer", "ru")
    for skill in ("ml", "stats", "algorithms"):
        assert _language(catalog, plan[skill][0]) == "ru", (skill, plan[skill])
    assert plan["ml"][0].startswith("Открытый курс машинного обучения")
    assert plan["stats"][0].startswith("Основы статистики")
    # English resources still follow where Russian ones run out
    assert _language(catalog, plan["stats"][1]) == "en"
    assert all(_language(catalog, t) == "en" for t in plan["communication"])


def test_lang_ru_alone_puts_the_russian_resources_first(invoke: Invoke, catalog: Catalog) -> None:
    by_option = _plan(invoke, "--lang", "en", "--prefer", "ru")
    by_interface = _plan(invoke, "--lang", "ru")
    assert by_interface == by_option
    assert _language(catalog, by_interface["ml"][0]) == "ru"


def test_lang_ru_from_the_environment_too(
    invoke: Invoke, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ROLEADVISOR_LANG", "ru")
    plan = _plan(invoke, "--prefer", "book")  # a kind only: the interface language comes after it
    monkeypatch.delenv("ROLEADVISOR_LANG")
    assert plan == _plan(invoke, "--lang", "en", "--prefer", "book,ru")
    assert any(_language(catalog, title) == "ru" for titles in plan.values() for title in titles)


def test_a_kind_asked_for_shows_up_in_russian_too(invoke: Invoke, catalog: Catalog) -> None:
    """--lang ru --prefer course: courses first (Russian ones first among them), not Russian books."""
    result = invoke("--lang", "ru", "assess", *rate_args(BEGINNER), "--target", "data-scientist", "-f", "json",
                    "--prefer", "course")  # fmt: skip
    assert result.exit_code == 0, result.output
    english = _english_titles()
    kinds = {r.title: r.kind for r in catalog.resources}
    checked = 0
    for step in json.loads(result.stdout)["target"]["plan"]:
        have = step["have"]
        course = any(  # a course for the step's first level, the one its list starts with
            r.kind == "course" and step["skill"] in r.skills and r.low <= have + 1 <= r.high
            for r in catalog.resources
        )
        first = kinds[english.get(step["resources"][0]["title"], step["resources"][0]["title"])]
        if course:
            assert first == "course", step
            checked += 1
    assert checked >= 4


def test_lang_fa_puts_the_persian_resources_first(invoke: Invoke, catalog: Catalog) -> None:
    plan = _plan(invoke, "--lang", "fa")
    assert _language(catalog, plan["ml"][0]) == "fa"
    assert _language(catalog, plan["algorithms"][0]) == "fa"
    # no Persian statistics resource: English, not nothing
    assert _language(catalog, plan["stats"][0]) == "en"


def test_a_language_named_in_prefer_wins_over_the_interface(invoke: Invoke) -> None:
    assert _plan(invoke, "--lang", "ru", "--prefer", "en") == _plan(invoke, "--lang", "en")
    assert _plan(invoke, "--lang", "ru", "--prefer", "fa") == _plan(invoke, "--lang", "fa")


def test_english_runs_are_unchanged(invoke: Invoke, catalog: Catalog) -> None:
    plan = _plan(invoke, "--lang", "en")
    assert plan == _plan(invoke, "--lang", "en", "--prefer", "en")
    assert all(_language(catalog, title) == "en" for titles in plan.values() for title in titles)
    assert plan["ml"] == [
        "Machine Learning Crash Course (Google)",
        "Kaggle Learn (Python, SQL, intro ML)",
        "An Introduction to Statistical Learning (James, Witten, Hastie, Tibshirani; free online)",
    ]
    videos = _plan(invoke, "--lang", "en", "--prefer", "video")
    assert videos["ml"][0] == "3Blue1Brown (YouTube)"


def test_table_report_in_russian_names_the_russian_resource(invoke: Invoke) -> None:
    result = invoke("--lang", "ru", "assess", *rate_args(BEGINNER), "--target", "data-scientist")
    assert result.exit_code == 0, result.output
    assert "Открытый курс машинного обучения" in " ".join(result.stdout.split())


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, ("en",)),
        ("video", ("video", "en")),
        ("ru,video", ("ru", "video")),
        (" Video , RU ,, book,video ", ("video", "ru", "book")),
        ("fa,ru", ("fa", "ru")),
        ("en", ("en",)),
    ],
)
def test_parse_prefer(value: str | None, expected: tuple[str, ...]) -> None:
    assert parse_prefer(value) == expected


def test_parse_prefer_falls_back_to_the_interface_language() -> None:
    assert parse_prefer(None, "ru") == ("ru",)
    assert parse_prefer("course", "fa") == ("course", "fa")
    assert parse_prefer("en,course", "fa") == ("en", "course")


KINDS_AND_LANGUAGES = "(kinds: book, course, video, community, practice, article; languages: en, fa, ru)"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            "vidoe",
            f"error: --prefer: unknown resource kind or language 'vidoe'; did you mean 'video'? {KINDS_AND_LANGUAGES}",
        ),
        ("ru,qqq", f"error: --prefer: unknown resource kind or language 'qqq' {KINDS_AND_LANGUAGES}"),
        (
            "rus",
            f"error: --prefer: unknown resource kind or language 'rus'; did you mean 'ru'? {KINDS_AND_LANGUAGES}",
        ),
        (
            "farsi",
            f"error: --prefer: unknown resource kind or language 'farsi'; did you mean 'fa'? {KINDS_AND_LANGUAGES}",
        ),
    ],
)
def test_a_bad_prefer_value_lists_kinds_and_languages(invoke: Invoke, value: str, message: str) -> None:
    result = invoke("--lang", "en", "assess", *rate_args(BEGINNER), "--prefer", value)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [message]
    assert result.stdout == ""


def test_a_bad_prefer_value_in_russian_and_persian(invoke: Invoke) -> None:
    ru = invoke("--lang", "ru", "assess", *rate_args(BEGINNER), "--prefer", "vidoe")
    assert ru.exit_code == 2
    assert "неизвестный тип материала или язык 'vidoe'; возможно, вы имели в виду 'video'?" in ru.stderr
    assert "языки: en, fa, ru" in ru.stderr
    fa = invoke("--lang", "fa", "assess", *rate_args(BEGINNER), "--prefer", "qqq")
    assert fa.exit_code == 2
    assert "نوع منبع یا زبان ناشناخته: 'qqq'" in fa.stderr
    assert "زبان‌ها: en, fa, ru" in fa.stderr


def test_parse_prefer_error_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="unknown resource kind or language 'english'"):
        parse_prefer("english")


@pytest.mark.parametrize(
    ("language", "value", "expected"),
    [
        ("ru", "курс,книга", ("course", "book", "ru")),
        ("fa", "ویدیو", ("video", "fa")),
        ("en", "Course", ("course", "en")),
    ],
)
def test_prefer_takes_kinds_named_in_the_reader_s_language(
    language: str, value: str, expected: tuple[str, ...]
) -> None:
    i18n.activate(language)
    assert parse_prefer(value, language) == expected
