"""`roleadvisor --lang ru|fa compare`: headings, counts and numbers in the reader's language, skills
and roles by their titles (English keeps its ids), and JSON unchanged."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from roleadvisor import i18n
from tests.conftest import Invoke

PROFILE = str(Path(__file__).resolve().parents[2] / "examples" / "ml-engineer.yaml")
OLD = {
    "systems": 2,
    "databases": 3,
    "ml": 2,
    "algorithms": 2,
    "stats": 2,
    "sme": 2,
    "product": 1,
    "communication": 3,
}


@pytest.fixture(autouse=True)
def _english_afterwards() -> Iterator[None]:
    yield
    i18n.activate(i18n.ENGLISH)


@pytest.fixture
def old(tmp_path: Path) -> str:
    path = tmp_path / "old.json"
    path.write_text(json.dumps({"ratings": OLD}), encoding="utf-8")
    return str(path)


def _flat(text: str) -> str:
    return re.sub(r"[ \t\n]+", " ", text).strip()


def test_russian_compare(invoke: Invoke, old: str) -> None:
    result = invoke("--lang", "ru", "compare", old, PROFILE)
    assert result.exit_code == 0, result.stderr
    flat = _flat(result.stdout)
    assert flat.startswith("Оценки")
    assert "│ Разработка и инфраструктура │ 2 │ 4 │ +2 │" in flat
    assert "Соответствие по ролям (новый рейтинг)" in flat
    assert "+29,8" in flat
    assert "Закрытые пробелы (15):" in flat
    assert (
        "ML-инженер: Машинное обучение (было 2, нужно 4), Разработка и инфраструктура (было 2, нужно 4)"
        in flat
    )
    assert "Оба профиля оценены по каталогу 2026.11.1." in flat


def test_persian_compare(invoke: Invoke, old: str) -> None:
    result = invoke("--lang", "fa", "compare", old, PROFILE)
    assert result.exit_code == 0, result.stderr
    flat = _flat(result.stdout)
    assert "│ مهندسی سیستم │ ۲ │ ۴ │ +۲ │" in flat
    assert "شکاف‌های بسته‌شده (۱۵):" in flat
    assert "مهندس یادگیری ماشین: یادگیری ماشین (قبلاً ۲، نیاز ۴)، مهندسی سیستم (قبلاً ۲، نیاز ۴)" in flat
    assert "+۲۹٫۸" in flat


def test_english_compare_keeps_ids_and_json_is_one_shape(invoke: Invoke, old: str) -> None:
    english = invoke("--lang", "en", "compare", old, PROFILE)
    assert "│ systems       │   2 │   4 │     +2 │" in english.stdout
    assert "  ml-engineer: ml (was 2, needs 4), systems (was 2, needs 4)" in english.stdout
    en_json = json.loads(invoke("--lang", "en", "compare", old, PROFILE, "-f", "json").stdout)
    ru_json = json.loads(invoke("--lang", "ru", "compare", old, PROFILE, "-f", "json").stdout)
    en_json["roles"] = [{k: v for k, v in r.items() if k != "title"} for r in en_json["roles"]]
    ru_json["roles"] = [{k: v for k, v in r.items() if k != "title"} for r in ru_json["roles"]]
    assert ru_json == en_json


def test_persian_compare_on_a_narrow_terminal_points_its_arrows_the_way_it_reads(
    invoke: Invoke, old: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "30")
    result = invoke("--lang", "fa", "compare", old, PROFILE)
    assert result.exit_code == 0, result.stderr
    assert "مهندسی سیستم: ۲←۴" in result.stdout.splitlines()  # right to left: from 2 to 4
    assert "→" not in result.stdout
