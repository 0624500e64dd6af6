"""`roleadvisor --lang ru|fa assess`: the report reads in Russian or Persian from the first line to
the last (table and Markdown), JSON keeps its keys, ids and numbers and only its sentences change
language, and English stays as it was.

"Every word is Russian" is checked by collecting the Latin-letter words of the output and taking
away only what legitimately stays Latin: ids (roles, skills, stages, bands), the catalogue's own
translated text (which keeps tech terms such as ML, MLOps, SQL, CI, GPU in Latin), the resources'
titles and addresses (mostly English books and courses), the profile's name, ``MARKUP`` and
``COMMANDS``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from roleadvisor import i18n
from roleadvisor.catalog.loader import load_catalog
from roleadvisor.catalog.localize import localize, text_keys
from tests.conftest import Invoke

PROFILE = str(Path(__file__).resolve().parents[2] / "examples" / "ml-engineer.yaml")
LATIN = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[-/.][A-Za-z0-9]+)*")
URL = re.compile(r"https?://\S+")
MARKUP = {"br"}  # Markdown's line break inside a table cell (<br>)
COMMANDS = {"roleadvisor", "skills"}  # a command the warnings point to ('roleadvisor skills')
CYRILLIC = re.compile(r"[А-Яа-яЁё]")
PERSIAN = re.compile(r"[\u0600-\u06ff]")


@pytest.fixture(autouse=True)
def _english_afterwards() -> Iterator[None]:
    """A run with --lang leaves its language active in this process: later tests get English back."""
    yield
    i18n.activate(i18n.ENGLISH)


def _run(invoke: Invoke, language: str, *args: str) -> str:
    result = invoke("--lang", language, "assess", "--profile", PROFILE, *args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def _flat(text: str) -> str:
    """Wrapped lines joined again: a sentence wraps only at ordinary spaces (no-break spaces stay)."""
    return re.sub(r"[ \t\n]+", " ", text).strip()


PLAN_TITLES = {"ru": "План для роли", "fa": "برنامه رسیدن به نقش"}


def leftover_latin(output: str, language: str) -> set[str]:
    """The Latin-letter words of ``output`` that are neither ids nor quoted from the catalogue.

    Resource titles are taken out whole, except in the terminal's plan table, whose cells wrap
    them: there only the words of resource titles are let through.
    """
    catalog, _missing = localize(load_catalog(), language)
    lines = output.split("\n")
    start = next((i for i, line in enumerate(lines) if line.startswith(PLAN_TITLES[language])), None)
    end = next((i for i in range(start or 0, len(lines)) if not lines[i].strip()), len(lines))
    plan = "\n".join(lines[start:end]) if start is not None and "┃" in "\n".join(lines[start:end]) else ""
    text = _flat(output.replace(plan, " ") if plan else output)
    for resource in sorted(catalog.resources, key=lambda r: -len(r.title)):
        text = text.replace(resource.title, " ")
    text = URL.sub(" ", text)
    titles = {word for r in catalog.resources for word in LATIN.findall(r.title)}
    allowed = MARKUP | COMMANDS
    allowed |= set(catalog.skill_ids) | {r.id for r in catalog.roles} | {s.id for s in catalog.stages}
    allowed |= {b.id for b in catalog.ranking.bands}
    for key, value in text_keys(catalog):
        if not key.startswith("resources."):
            allowed |= set(LATIN.findall(value))
    allowed |= set(LATIN.findall(yaml.safe_load(Path(PROFILE).read_text(encoding="utf-8"))["name"]))
    return (set(LATIN.findall(text)) - allowed) | (set(LATIN.findall(plan)) - allowed - titles)


def test_the_latin_check_catches_an_english_word() -> None:
    assert leftover_latin("Лучше всего вам подходит ML-инженер (ml-engineer)", "ru") == set()
    assert leftover_latin("Your best match is ML-инженер", "ru") == {"Your", "best", "match", "is"}
    assert leftover_latin("алгоритмы 3→4 and статистика 2→3", "ru") == {"and"}


@pytest.mark.parametrize("extra", [[], ["--target", "mlops"], ["--target", "data-scientist", "--top", "4"]])
def test_russian_table_is_russian(invoke: Invoke, extra: list[str]) -> None:
    out = _run(invoke, "ru", *extra)
    flat = _flat(out)
    assert flat.startswith("Роли по степени совпадения: Sam (ML engineer)")
    assert "Лучше всего вам подходит ML-инженер: совпадение 87\u00a0% (соответствие 91\u00a0%" in flat
    assert "Этапы жизненного цикла ML" in flat
    assert "Каталог 2026.11.1 (встроенный). Что означают числа:" in flat
    assert "критический пробел нехватка 2 уровней и больше в навыке" in flat  # the legend, term then meaning
    assert leftover_latin(out, "ru") == set()


def test_russian_table_says_counts_and_ranks_in_russian(invoke: Invoke) -> None:
    flat = _flat(_run(invoke, "ru", "--target", "mlops"))
    assert "Готовность к роли MLOps-инженер: близко (осталось несколько целенаправленных шагов)" in flat
    assert "всего нужно освоить 2 уровня (разработка и инфраструктура 4→5 и базы данных 3→4)" in flat
    assert "По совпадению эта роль на 5-м месте из 13." in flat
    assert (
        "План для роли MLOps-инженер (соответствие сейчас 85\u00a0%, близко; осталось освоить 2 уровня)"
        in flat
    )
    assert "Самый полезный следующий шаг: поднимите навык «разработка и инфраструктура» с 4 до 5" in flat
    assert "на 9,1\u00a0п.\u00a0п." in flat  # decimal comma, percentage points kept together
    assert "[книга]" in flat
    assert "[book]" not in flat


@pytest.mark.parametrize("language", ["ru", "fa"])
@pytest.mark.parametrize("ratings", [[], ["--rate", "product=5", "--rate", "communication=5"]])
def test_narrow_terminal_cuts_nothing(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch, language: str, ratings: list[str]
) -> None:
    """Stacked blocks and the levels chart at 50 columns: no word shortened with an ellipsis."""
    monkeypatch.setenv("COLUMNS", "50")
    out = _run(invoke, language, "--target", "mlops", *ratings)
    assert "…" not in out.replace("специалист…", "").replace("فرد…", "")
    assert leftover_latin(out, language) == set()


def test_russian_percentages_never_break_across_lines(invoke: Invoke) -> None:
    out = _run(invoke, "ru")
    assert not re.search(r"\d\s*\n\s*%", out)
    assert not re.search(r"(?m)^\W*%", out)


def test_russian_markdown_is_russian(invoke: Invoke) -> None:
    out = _run(invoke, "ru", "-f", "markdown", "--target", "mlops")
    assert out.startswith("# Подходящие роли: Sam (ML engineer)\n")
    assert (
        "| # | Роль | Группа | Совпадение | Соответствие | Использование | Готовность | Почему такое место |"
        in out
    )
    assert (
        "| 1 | ML-инженер (`ml-engineer`) | основные роли | 87\u00a0% | 91\u00a0% | 96\u00a0% | близко | "
        "осталось освоить 3 уровня (алгоритмы 3→4, статистика 2→3 и продуктовый менеджмент 1→2) |"
    ) in out
    assert "## Роли, ближайшие к роли MLOps-инженер (ваша цель)" in out
    assert "_Каталог 2026.11.1, версия шкалы 1. Что означают числа:_" in out
    assert leftover_latin(out, "ru") == set()


@pytest.mark.parametrize("extra", [[], ["-f", "markdown"], ["--target", "data-scientist"]])
def test_persian_report_is_persian(invoke: Invoke, extra: list[str]) -> None:
    out = _run(invoke, "fa", *extra)
    flat = _flat(out)
    assert "بهترین تطابق شما مهندس یادگیری ماشین است با ۸۷٪ (تناسب ۹۱٪،" in flat
    assert "۳ سطح برای یادگیری (الگوریتم‌ها ۳←۴، آمار ۲←۳ و محصول ۱←۲)" in flat  # «،» and «و»
    assert "پایداری بهترین تطابق شما" in flat
    assert not re.search(r"[0-9]\s*[%٪]", out), "a percentage in Latin digits"
    assert leftover_latin(out, "fa") == set()


def test_persian_ranks_and_plans_in_persian_digits(invoke: Invoke) -> None:
    flat = _flat(_run(invoke, "fa", "--target", "data-scientist"))
    assert "از نظر تطابق، این نقش رتبه ۱۱ را از میان ۱۳ نقش دارد." in flat
    assert "برنامه رسیدن به نقش دانشمند داده (تناسب کنونی ۷۳٪، بلندپروازانه؛ ۵ سطح برای یادگیری)" in flat
    assert "[کتاب]" in flat


def _shape(value: object) -> object:
    """The JSON with every string replaced by its kind: the keys, nesting and numbers stay."""
    if isinstance(value, dict):
        return {key: _shape(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_shape(item) for item in value]
    return "text" if isinstance(value, str) else value


def _without_resources(value: object) -> object:
    """The JSON without its resource lists (each language may recommend resources in its own)."""
    if isinstance(value, dict):
        return {key: _without_resources(item) for key, item in value.items() if key != "resources"}
    if isinstance(value, list):
        return [_without_resources(item) for item in value]
    return value


def test_json_keeps_keys_ids_and_numbers_and_only_sentences_change(invoke: Invoke) -> None:
    english = json.loads(_run(invoke, "en", "-f", "json", "--target", "mlops"))
    russian = json.loads(_run(invoke, "ru", "-f", "json", "--target", "mlops"))
    assert (english["language"], russian["language"]) == ("en", "ru")
    assert _shape(_without_resources(russian)) == _shape(_without_resources(english))
    assert [r["id"] for r in russian["roles"]] == [r["id"] for r in english["roles"]]
    assert [r["band"] for r in russian["roles"]] == [r["band"] for r in english["roles"]]
    assert russian["roles"][0]["gaps"] == english["roles"][0]["gaps"]
    assert russian["readiness"]["band"] == "close" and russian["readiness"]["role"] == "mlops-engineer"
    assert russian["target"]["plan"][0]["skill"] == "systems"
    sentences = [
        russian["readiness"]["sentence"],
        russian["stability"]["sentence"],
        *russian["moves"]["tradeoffs"],
        *(r["reason"] for r in russian["roles"]),
    ]
    for sentence in sentences:
        assert CYRILLIC.search(sentence), sentence
        assert not {"the", "and", "of", "your", "to", "in"} & set(LATIN.findall(sentence)), sentence
    assert russian["readiness"]["sentence"].startswith("Готовность к роли MLOps-инженер: близко")


def test_persian_json_sentences_are_persian(invoke: Invoke) -> None:
    persian = json.loads(_run(invoke, "fa", "-f", "json"))
    assert persian["roles"][0]["id"] == "ml-engineer" and persian["roles"][0]["band"] == "close"
    assert persian["roles"][0]["match"] == 0.8746
    assert PERSIAN.search(persian["readiness"]["sentence"])
    assert persian["roles"][0]["reason"] == "۳ سطح برای یادگیری (الگوریتم‌ها ۳←۴، آمار ۲←۳ و محصول ۱←۲)"


def test_warnings_are_translated(invoke: Invoke) -> None:
    top = [f"{skill}=5" for skill in ("systems", "databases", "ml", "algorithms", "stats", "sme", "product")]
    args = [arg for rating in [*top, "communication=4"] for arg in ("--rate", rating)]
    ru = invoke("--lang", "ru", "assess", *args, "-f", "markdown")
    assert ru.exit_code == 0, ru.stderr
    assert "> **Внимание:** 7 из 8 навыков оценены на 5 (эксперт) — это верх шкалы." in ru.stdout
    fa = invoke("--lang", "fa", "assess", *args)
    assert fa.exit_code == 0, fa.stderr
    assert "هشدار: ۷ مهارت از ۸ مهارت با سطح ۵ (خبره) ارزیابی شده‌اند" in _flat(fa.stdout)


def test_english_is_unchanged(invoke: Invoke) -> None:
    """The same strings as before the messages were marked (other tests pin many more)."""
    flat = _flat(_run(invoke, "en", "--target", "mlops"))
    assert "Readiness for MLOps Engineer: close (a few focused steps away); 2 levels to learn in all" in flat
    assert "It ranks 5th of 13 roles by match." in flat
    assert "Plan for MLOps Engineer (fit now 85%, close; 2 levels to learn), first step first" in flat
    assert "[book]" in flat
    assert "\u00a0" not in flat
