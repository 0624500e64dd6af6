"""The one-line validation result in Russian and Persian: counts with the language's plural forms
and digits, the built-in catalogue named in words; English unchanged."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from roleadvisor import i18n
from roleadvisor.contracts.catalog import ValidationReport
from roleadvisor.render.plain import validation_line


@pytest.fixture(autouse=True)
def _english_afterwards() -> Iterator[None]:
    yield
    i18n.activate("en")


def _valid(catalog: str, skills: int, stages: int, roles: int) -> ValidationReport:
    return ValidationReport(
        catalog=catalog, valid=True, problems=(), warnings=("an alias is a common word",),
        version="2026.11.1", skills=skills, stages=stages, roles=roles,
    )  # fmt: skip


def test_english_is_as_before() -> None:
    assert validation_line(_valid("built-in", 8, 6, 13)) == (
        "ok: catalogue built-in (version 2026.11.1) is valid: 8 skill areas, 6 stages, 13 roles\n"
        "warning: an alias is a common word\n"
    )


def test_russian_counts_take_their_plural_forms() -> None:
    i18n.activate("ru")
    assert validation_line(_valid("built-in", 8, 6, 13)).splitlines()[0] == (
        "проверено: встроенный каталог (версия 2026.11.1) корректен: 8 областей навыков, 6 этапов, 13 ролей"
    )
    assert validation_line(_valid("my-catalog", 1, 2, 21)).splitlines() == [
        "проверено: каталог my-catalog (версия 2026.11.1) корректен: 1 область навыков, 2 этапа, 21 роль",
        "warning: an alias is a common word",
    ]
    broken = ValidationReport(catalog="x", valid=False, problems=("a", "b", "c"))
    assert validation_line(broken) == "каталог x некорректен (3 ошибки)\n"


def test_persian_counts_in_persian_digits() -> None:
    i18n.activate("fa")
    assert validation_line(_valid("built-in", 8, 6, 13)).splitlines()[0] == (
        "بررسی شد: کاتالوگ داخلی (نسخه 2026.11.1) معتبر است: ۸ حوزه مهارتی، ۶ مرحله، ۱۳ نقش"
    )
