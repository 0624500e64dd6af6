"""Choosing the language, and numbers written per language."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from roleadvisor import i18n
from roleadvisor.errors import UsageError


@pytest.fixture(autouse=True)
def _english_afterwards() -> Iterator[None]:
    yield
    i18n.activate("en")


def test_lang_option_wins_over_the_variable_and_the_locale() -> None:
    env = {"ROLEADVISOR_LANG": "fa", "LANG": "ru_RU.UTF-8"}
    assert i18n.resolve("ru", env) == "ru"
    assert i18n.resolve(None, env) == "fa"
    assert i18n.resolve(None, {"LANG": "ru_RU.UTF-8"}) == "ru"


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"LC_ALL": "fa_IR.UTF-8", "LANG": "ru_RU.UTF-8"}, "fa"),
        ({"LC_MESSAGES": "ru_RU", "LANG": "en_US.UTF-8"}, "ru"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "POSIX"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "en"),  # a language roleadvisor lacks: English, quietly
        ({"LC_ALL": "de_DE.UTF-8", "LANG": "ru_RU.UTF-8"}, "en"),  # LC_ALL decides, as in POSIX
        ({}, "en"),
    ],
)
def test_the_locale_decides_last(env: dict[str, str], expected: str) -> None:
    assert i18n.resolve(None, env) == expected


@pytest.mark.parametrize("value", ["RU", "ru-RU", "ru_RU.UTF-8", " fa "])
def test_language_spellings(value: str) -> None:
    assert i18n.parse_language(value, "--lang") in ("ru", "fa")


@pytest.mark.parametrize("value", ["xx", "english", "r"])
def test_an_unknown_language_asked_for_by_name_is_an_error(value: str) -> None:
    with pytest.raises(UsageError, match=r"--lang: unknown language .* \(languages: en, fa, ru\)"):
        i18n.resolve(value, {})
    with pytest.raises(UsageError, match=r"\$ROLEADVISOR_LANG: unknown language"):
        i18n.resolve(None, {"ROLEADVISOR_LANG": value})


@pytest.mark.parametrize(
    ("language", "share", "whole", "expected_percent", "expected_number"),
    [
        ("en", 0.863, 1234, "86%", "1,234"),
        ("ru", 0.863, 1234, "86\xa0%", "1\xa0234"),
        ("fa", 0.863, 1234, "۸۶٪", "۱٬۲۳۴"),
    ],
)
def test_numbers_per_language(
    language: str, share: float, whole: int, expected_percent: str, expected_number: str
) -> None:
    i18n.activate(language)
    assert i18n.percent(share) == expected_percent
    assert i18n.number(whole) == expected_number


@pytest.mark.parametrize("share", [0.0, 0.005, 0.015, 0.845, 0.855, 0.9999, 1.0])
def test_percent_rounds_alike_in_every_language(share: float) -> None:
    i18n.activate("en")
    english = i18n.percent(share).rstrip("%")
    for language in ("ru", "fa"):
        i18n.activate(language)
        digits = i18n.percent(share).translate(str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789"))
        assert "".join(ch for ch in digits if ch.isdigit()) == english


def test_russian_has_three_plural_forms() -> None:
    i18n.activate("ru")
    catalog = i18n._catalog
    assert catalog is not None
    plural = getattr(catalog, "plural", None)
    assert plural is not None
    assert [plural(n) for n in (1, 2, 5, 21, 11)] == [0, 1, 2, 0, 2]


def test_english_reads_no_message_catalogue() -> None:
    i18n.activate("en")
    assert i18n._catalog is None
    assert i18n._("anything") == "anything"
    assert i18n.ngettext("one level", "{n} levels", 1) == "one level"


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--lang", "ru", "roles"], "ru"),
        (["--lang=fa", "assess"], "fa"),
        (["--catalog", "dir", "--lang", "ru", "roles"], "ru"),
        (["roles", "--lang", "ru"], None),  # after the command it is not the global option
        (["assess", "--profile", "--lang"], None),
        (["--lang"], None),
        ([], None),
    ],
)
def test_the_language_is_read_before_the_commands_are_built(argv: list[str], expected: str | None) -> None:
    from roleadvisor.__main__ import _lang_option

    assert _lang_option(argv) == expected
