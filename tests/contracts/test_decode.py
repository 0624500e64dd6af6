"""The decode contract's sentences for people: English as before, and Russian and Persian when the
language is active (JSON values such as ``why`` and section ids stay as they are)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from roleadvisor import i18n
from roleadvisor.catalog.models import Catalog
from roleadvisor.contracts.decode import decode_view, where_shown, why_shown
from roleadvisor.decode import decode_text

OTHER = Path(__file__).resolve().parents[1] / "decode_set" / "other"


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    i18n.activate("en")
    yield
    i18n.activate("en")


def test_english_sentences(catalog: Catalog) -> None:
    senior = decode_view(decode_text("Senior Data Scientist", catalog), catalog)
    assert senior.seniority.sentence == (
        "Seniority in the title: Senior (levels of defining skills (weight 3) moved by +1)."
    )
    staff = decode_view(decode_text("Staff ML Platform Engineer", catalog), catalog)
    assert staff.seniority.sentence == (
        "Seniority in the title: Staff (levels of skills weighted 2 or more moved by +1)."
    )
    assert "a first role given 80% or more was right" in staff.confidence_meaning
    # MLOps engineers' defining skill is already at the top: "Senior" moves nothing, and says so
    mlops = decode_view(decode_text("Senior MLOps Engineer", catalog), catalog)
    assert mlops.seniority.sentence == (
        "Seniority in the title: Senior (no change to the levels: those it moves are already at the end "
        "of the scale)."
    )
    assert all(not reason.startswith("Senior:") for ask in mlops.skills for reason in ask.reasons)
    assert staff.warnings == [] and staff.reading.note is None
    assert where_shown("duties") == "duties" and where_shown("own-section") == "own-section"
    assert why_shown("a colleague") == "a colleague"


def test_russian_sentences(catalog: Catalog) -> None:
    i18n.activate("ru")
    senior = decode_view(decode_text("Senior Data Scientist", catalog), catalog)
    assert senior.seniority.sentence == (
        "Грейд в названии: Senior (уровни определяющих навыков (вес 3) сдвинуты на +1)."
    )
    assert "80\u00a0%" in senior.confidence_meaning
    assert senior.profile.name == "из вакансии: Senior Data Scientist"
    reasons = {ask.skill: ask.reasons for ask in senior.skills}
    assert reasons["stats"][:2] == ["data-scientist: нужен уровень 4", "Senior: +1"]
    assert (where_shown("duties"), where_shown("title"), why_shown("another team")) == (
        "обязанности",
        "название",
        "другая команда",
    )
    german = decode_view(
        decode_text((OTHER / "de-ml-engineer.txt").read_text(encoding="utf-8"), catalog), catalog
    )
    (warning,) = german.warnings
    assert warning.startswith("Распознано лишь 12\u00a0% слов текста")


def test_persian_sentences(catalog: Catalog) -> None:
    i18n.activate("fa")
    staff = decode_view(decode_text("Staff ML Platform Engineer", catalog), catalog)
    assert staff.seniority.sentence == (
        "سطح ارشدیت در عنوان: Staff (سطح مهارت‌هایی با وزن ۲ یا بیشتر به اندازه +۱ جابه‌جا شد)."
    )
    assert "۸۰٪" in staff.confidence_meaning
    assert where_shown("requirements") == "شرایط احراز" and why_shown("a colleague") == "همکار"
    vague = decode_view(decode_text("cloud kubernetes", catalog), catalog)
    assert vague.reading.note is not None and vague.reading.note.startswith("متن شاهد چندانی")
