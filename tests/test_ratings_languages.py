"""Rating errors in Russian and Persian: the same facts, in the reader's language and digits."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from roleadvisor import i18n
from roleadvisor.errors import RatingError
from roleadvisor.ratings import parse_level


@pytest.fixture(autouse=True)
def _english_afterwards() -> Iterator[None]:
    yield
    i18n.activate("en")


@pytest.mark.parametrize(
    ("language", "value", "expected"),
    [
        ("en", 9, "--rate: rating for 'ml' is 9, outside the scale 0-5"),
        ("ru", 9, "--rate: оценка навыка 'ml': 9 — вне шкалы от 0 до 5"),
        ("fa", 9, "--rate: ارزیابی مهارت 'ml': مقدار 9 خارج از مقیاس ۰ تا ۵ است"),
        ("ru", "много", "--rate: оценка навыка 'ml': 'много' — не число; допустимо: целое число от 0 до 5"),
        ("ru", 2.5, "--rate: оценка навыка 'ml': 2.5; уровни — целые числа от 0 до 5"),
    ],
)
def test_rating_errors_per_language(language: str, value: object, expected: str) -> None:
    i18n.activate(language)
    with pytest.raises(RatingError) as info:
        parse_level(value, skill="ml", top=5, source="--rate")
    assert info.value.message == expected


def test_a_scale_label_is_accepted_in_the_reader_s_language() -> None:
    i18n.activate("ru")
    labels = ("нет", "знаком", "начинающий", "практик", "продвинутый", "эксперт")
    assert parse_level("практик", skill="ml", top=5, labels=labels) == 3
    with pytest.raises(RatingError, match="допустимо: целое число от 0 до 5 или название уровня"):
        parse_level("гуру", skill="ml", top=5, labels=labels)
