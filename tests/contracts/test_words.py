"""How numbers, lists and titles are said in English, Russian and Persian (``contracts.words``)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from roleadvisor import i18n
from roleadvisor.contracts import words


@pytest.fixture
def lang() -> Iterator[object]:
    """Activate a language for one test; English again afterwards."""
    yield i18n.activate
    i18n.activate(i18n.ENGLISH)


def test_english_is_as_before() -> None:
    assert words.percent(0.9149) == "91%"
    assert words.levels(1) == "1 level"
    assert words.levels(7) == "7 levels"
    assert words.listing([]) == ""
    assert words.listing(["a"]) == "a"
    assert words.listing(["a", "b"]) == "a and b"
    assert words.listing(["a", "b", "c"]) == "a, b and c"
    assert [words.ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st", "111th",
    ]  # fmt: skip
    assert words.lower_first("Ships a service") == "ships a service"
    assert words.lower_title("Machine Learning") == "machine learning"
    assert words.clauses("a", "b", "c") == "a; b; c"
    assert words.gap("algorithms", 3, 4) == "algorithms 3→4"
    assert words.resource("Deep Learning", "book") == "Deep Learning [book]"
    assert words.kind("podcast") == "podcast"
    assert words.signed(2) == "+2"
    assert words.signed(-2) == "-2"
    assert words.signed(-0.04, 1) == "-0.0"
    assert words.source("built-in") == "built-in"


def test_russian(lang: object) -> None:
    i18n.activate("ru")
    assert words.percent(0.9149) == "91\u00a0%"
    assert [words.levels(n) for n in (1, 2, 5, 11, 21, 22)] == [
        "1 уровень", "2 уровня", "5 уровней", "11 уровней", "21 уровень", "22 уровня",
    ]  # fmt: skip
    assert words.listing(["a", "b", "c"]) == "a, b и c"
    assert words.ordinal(5) == "5"
    assert words.lower_first("Разрабатывает сервисы") == "разрабатывает сервисы"
    assert words.lower_first("ML-инженер") == "ML-инженер"  # an abbreviation keeps its capitals
    assert words.lower_title("Знание предметной области") == "знание предметной области"
    assert words.lower_title("SQL и Моделирование") == "SQL и моделирование"
    assert words.clauses("a", "b") == "a; b"
    assert words.resource("Deep Learning", "book") == "Deep Learning [книга]"
    assert words.number(1234.5, 1) == "1\u00a0234,5"
    assert words.source("built-in") == "встроенный"
    assert words.source("/tmp/catalog") == "/tmp/catalog"


def test_persian(lang: object) -> None:
    i18n.activate("fa")
    assert words.percent(0.86) == "۸۶٪"
    assert words.levels(5) == "۵ سطح"
    assert words.listing(["a", "b", "c"]) == "a، b و c"
    assert words.ordinal(5) == "۵"
    assert words.lower_first("SQL را می‌نویسد") == "SQL را می‌نویسد"
    assert words.lower_title("Statistics") == "Statistics"  # no letter case: titles stay as written
    assert words.clauses("a", "b") == "a؛ b"
    assert words.gap("آمار", 2, 4) == "آمار ۲←۴"
    assert words.signed(-2) == "-۲"
    assert words.resource("Deep Learning", "course") == "Deep Learning [دوره]"
