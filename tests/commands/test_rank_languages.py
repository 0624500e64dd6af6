"""`roleadvisor --lang ru|fa rank`: the table and Markdown read in Russian or Persian (ids, tech terms,
candidates' names and the advert's own title aside); JSON keeps its keys and ids."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from roleadvisor import i18n
from tests.commands.test_assess_languages import LATIN, leftover_latin
from tests.conftest import Invoke

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
CANDIDATES = EXAMPLES / "candidates.csv"
ADVERT = EXAMPLES / "advert-mlops.txt"
NAMES = set(LATIN.findall(CANDIDATES.read_text(encoding="utf-8").split("\n", 1)[1]))
TITLE = {"Senior", "MLOps", "Engineer"}  # the advert's own title, quoted as written


@pytest.fixture(autouse=True)
def _english_afterwards() -> Iterator[None]:
    yield
    i18n.activate(i18n.ENGLISH)


def _run(invoke: Invoke, language: str, *args: str) -> str:
    result = invoke("--lang", language, "rank", str(CANDIDATES), *args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("language", ["ru", "fa"])
@pytest.mark.parametrize(
    "args",
    [
        ["--advert", str(ADVERT)],
        ["--role", "mlops"],
        ["--advert", str(ADVERT), "-f", "markdown"],
        ["--role", "data-scientist", "--top", "3"],
    ],
)
@pytest.mark.parametrize("width", ["100", "50"])
def test_no_english_left(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch, language: str, args: list[str], width: str
) -> None:
    monkeypatch.setenv("COLUMNS", width)
    out = _run(invoke, language, *args)
    assert leftover_latin(out, language) - NAMES - TITLE - {"csv"} == set()
    assert "…" not in out


def test_the_latin_check_would_catch_an_english_heading(invoke: Invoke) -> None:
    assert leftover_latin("Candidates against MLOps-инженер", "ru") - NAMES - TITLE == {
        "Candidates",
        "against",
    }


def test_russian_says_it_supports_a_conversation(invoke: Invoke) -> None:
    flat = re.sub(r"\s+", " ", _run(invoke, "ru", "--advert", str(ADVERT)))
    assert "Требования роли из вакансии «Senior MLOps Engineer» после расшифровки" in flat
    assert "Кандидаты для роли из вакансии «Senior MLOps Engineer», лучшие первыми" in flat
    assert "опора для разговора, а не решение о найме" in flat
    assert "│ 3= │ Amira Haddad" in _run(invoke, "ru", "--advert", str(ADVERT))


def test_persian_digits_and_json_stays_english(invoke: Invoke) -> None:
    out = _run(invoke, "fa", "--role", "mlops")
    assert "نامزدها در برابر مهندس MLOps، بهترین‌ها نخست" in out
    assert "۹۱٪" in out
    data = json.loads(_run(invoke, "fa", "--role", "mlops", "-f", "json"))
    assert data["language"] == "fa"
    assert data["candidates"][0]["id"] == "Farah Siddiqui" and data["candidates"][0]["band"] == "ready"
    assert "استخدام" in data["caution"]
