"""Rating errors in Russian and Persian: the same facts, in the reader's language and digits."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from roleadvisor import i18n
from roleadvisor.errors import RatingError
from roleadvisor.ratings import HalfLevel, half_level_note, half_levels_note, parse_level


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
        (
            "ru",
            2.25,
            "--rate: оценка навыка 'ml': 2.25; уровни — целые числа от 0 до 5 "
            "(значение ровно посередине между двумя, например 3.5, засчитывается как нижний уровень)",
        ),
        ("ru", float("nan"), "--rate: оценка навыка 'ml': nan; уровни — целые числа от 0 до 5"),
        (
            "fa",
            3.75,
            "--rate: ارزیابی مهارت 'ml': مقدار 3.75 پذیرفته نیست؛ سطح‌ها عددهای صحیح ۰ تا ۵ هستند "
            "(مقداری که درست میان دو سطح باشد، مانند 3.5، سطح پایین‌تر در نظر گرفته می‌شود)",
        ),
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


def _keys(language: str) -> object:
    from roleadvisor.catalog.loader import load_catalog
    from roleadvisor.catalog.localize import localize
    from roleadvisor.ratings import SkillKeys

    catalog, _ = localize(load_catalog(), language)
    return SkillKeys.of(catalog)


@pytest.mark.parametrize("language", ["en", "ru", "fa"])
@pytest.mark.parametrize(
    ("name", "skill"),
    [
        ("ml", "ml"),
        ("Machine learning", "ml"),
        ("Машинное обучение", "ml"),
        ("машинное  обучение", "ml"),
        ("آمار", "stats"),
        ("Базы данных", "databases"),
    ],
)
def test_a_skill_is_named_in_any_of_the_catalogue_s_languages(language: str, name: str, skill: str) -> None:
    assert _keys(language).resolve(name) == skill  # type: ignore[attr-defined]


@pytest.mark.parametrize("language", ["en", "ru", "fa"])
@pytest.mark.parametrize("name", ["Фигня", "چیز", "—", "", "  "])
def test_a_name_of_another_script_is_never_taken_for_a_skill(language: str, name: str) -> None:
    """Non-Latin text once folded to "" and was read as the first skill (systems), silently."""
    with pytest.raises(RatingError, match=r"unknown skill|неизвестный навык|مهارت ناشناخته"):
        _keys(language).resolve(name)  # type: ignore[attr-defined]


@pytest.mark.parametrize("language", ["en", "ru", "fa"])
@pytest.mark.parametrize(
    ("label", "level"), [("advanced", 4), ("продвинутый", 4), ("پیشرفته", 4), ("none", 0)]
)
def test_a_level_label_is_read_in_any_of_the_catalogue_s_languages(
    language: str, label: str, level: int
) -> None:
    from roleadvisor.ratings import ratings_from_mapping

    keys = _keys(language)
    assert ratings_from_mapping({"ml": label}, keys) == {"ml": level}  # type: ignore[arg-type]


def test_rate_options_in_russian_through_the_cli() -> None:
    from typer.testing import CliRunner

    from roleadvisor.cli import app

    args = [
        "--lang",
        "ru",
        "assess",
        "-f",
        "json",
        "-r",
        "Машинное обучение=продвинутый",
        "-r",
        "stats=expert",
    ]
    args += [f"-r{s}=2" for s in ("systems", "databases", "algorithms", "sme", "product", "communication")]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    import json

    ratings = json.loads(result.stdout)["profile"]["ratings"]
    assert ratings["ml"] == 4
    assert ratings["stats"] == 5
    assert ratings["systems"] == 2


@pytest.mark.parametrize(
    ("language", "count", "expected"),
    [
        ("ru", 1, "1 оценка посередине между уровнями засчитана как нижний уровень (3.5 -> 3)"),
        ("ru", 3, "3 оценки посередине между уровнями засчитаны как нижний уровень (3.5 -> 3)"),
        ("ru", 12, "12 оценок посередине между уровнями засчитаны как нижний уровень (3.5 -> 3)"),
        ("fa", 12, "۱۲ امتیاز میان دو سطح، سطح پایین‌تر در نظر گرفته شد (3.5 -> 3)"),
    ],
)
def test_half_levels_are_counted_in_the_reader_s_language(language: str, count: int, expected: str) -> None:
    i18n.activate(language)
    assert half_levels_note(count, HalfLevel("ml", "3.5", 3)) == expected


def test_a_half_level_note_in_russian() -> None:
    i18n.activate("ru")
    assert half_level_note(HalfLevel("ml", "3.5", 3)) == (
        "оценка навыка 'ml' — 3.5, между двумя уровнями: засчитан уровень 3, достигнутый полностью"
    )
