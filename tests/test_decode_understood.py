"""decode says when it understood little of a text: the share of words it recognised, a warning
and a lower confidence (adverts in other languages, tests/decode_set/other; and no false alarm on
any advert of the English, Russian and Persian sets)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from roleadvisor import i18n
from roleadvisor.catalog.models import Catalog
from roleadvisor.contracts.decode import decode_view
from roleadvisor.decode import JUDGED_WORDS, UNDERSTOOD_LOW, _trust, decode_text
from tests.conftest import Invoke

SET = Path(__file__).parent / "decode_set"
OTHER = sorted((SET / "other").glob("*.txt"))  # German, Spanish, Chinese, Portuguese, Turkish, Polish
OURS = sorted([*SET.glob("*.txt"), *(SET / "holdout").glob("*.txt"), *(SET / "ru").glob("*.txt")])
OURS += sorted((SET / "fa").glob("*.txt"))
FRENCH = SET / "ds-french.txt"  # in the English set: a French advert for a data scientist


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    i18n.activate("en")
    yield
    i18n.activate("en")


def test_the_sets_are_there() -> None:
    assert len(OTHER) >= 6 and len(OURS) >= 70


@pytest.mark.parametrize("path", OTHER, ids=lambda p: p.name)
def test_an_advert_in_another_language_is_flagged(catalog: Catalog, path: Path) -> None:
    decoded = decode_text(path.read_text(encoding="utf-8"), catalog)
    share = decoded.recognised / decoded.words
    assert decoded.words >= 90 and share < 0.25 and decoded.little_understood
    assert decoded.roles[0].confidence < 0.6  # a recruiter who cannot read the advert guesses
    view = decode_view(decoded, catalog)
    assert view.warnings == [
        f"Only {round(100 * share)}% of the words were recognised; the reading may be unreliable, and the "
        "confidence is lowered to match. Is the advert in a language roleadvisor reads (English, Russian, "
        "Persian)?"
    ]


@pytest.mark.parametrize("path", OURS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_advert_we_read_is_flagged(catalog: Catalog, path: Path) -> None:
    decoded = decode_text(path.read_text(encoding="utf-8"), catalog)
    if path == FRENCH:
        assert decoded.little_understood  # French is not one of roleadvisor's languages
        return
    assert decoded.recognised / decoded.words >= 0.45 and not decoded.little_understood
    assert decode_view(decoded, catalog).warnings == []


def test_the_confidence_is_lowered_by_the_share_understood(catalog: Catalog) -> None:
    """Lowered towards an even chance: trust = share / UNDERSTOOD_LOW of it, the rest spread evenly."""
    text = (SET / "other" / "de-ml-engineer.txt").read_text(encoding="utf-8")
    decoded = decode_text(text, catalog)
    trust = decoded.recognised / decoded.words / UNDERSTOOD_LOW
    assert 0 < trust < 1 and decoded.roles[0].role_id == "ml-engineer"
    even = 1 / len(catalog.role_ids)
    plain = (decoded.roles[0].confidence - (1 - trust) * even) / trust  # the confidence before lowering
    assert 0.9 < plain <= 1.0
    assert sum(m.confidence for m in decoded.roles) <= 1.0 + 1e-3


def test_the_trust_is_continuous_and_titles_are_not_judged() -> None:
    assert _trust(4, 10) == 1.0  # fewer than JUDGED_WORDS words: a title, judged by its role name
    assert JUDGED_WORDS == 12
    assert _trust(40, 100) == 1.0
    assert _trust(39, 100) == pytest.approx(0.975)
    assert _trust(10, 100) == pytest.approx(0.25)
    assert _trust(0, 100) == 0.0


def test_what_counts_as_recognised(catalog: Catalog) -> None:
    # role name (2), everyday words (we, are, for, a, with, and, the), a cue (looking for), skill
    # words (PyTorch, SQL); numbers are not counted
    decoded = decode_text("ML Engineer\nWe are looking for a person with PyTorch and SQL, 2024.", catalog)
    assert (decoded.recognised, decoded.words) == (11, 12)  # "person" is the one word not recognised
    headed = decode_text("ML Engineer\nResponsibilities:\n- train models in PyTorch", catalog)
    assert headed.recognised == headed.words  # the heading's word counts as recognised
    chinese = decode_text("ML Engineer\n负责推荐系统的模型训练与上线", catalog)
    assert chinese.words == 2 + 7  # a script written without spaces: a word per two characters


def test_cli_warns_on_stderr_and_in_json(invoke: Invoke) -> None:
    result = invoke("decode", "--file", str(SET / "other" / "tr-data-analyst.txt"), "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["reading"]["little_understood"] is True
    assert data["reading"]["words"] > 90 and data["reading"]["recognised"] < data["reading"]["words"] / 4
    (warning,) = data["warnings"]
    assert warning.startswith("Only ") and "% of the words were recognised" in warning
    assert f"warning: {warning}" in " ".join(result.stderr.split())


@pytest.mark.parametrize(
    ("language", "words"),
    [("ru", ["Распознано лишь", "слов текста", "roleadvisor"]), ("fa", ["تنها", "از واژه‌های متن شناخته شد"])],
)
def test_the_warning_in_russian_and_persian(invoke: Invoke, language: str, words: list[str]) -> None:
    result = invoke(
        "--lang", language, "decode", "--file", str(SET / "other" / "zh-ml-engineer.txt"), "--format", "json"
    )
    assert result.exit_code == 0
    (warning,) = json.loads(result.stdout)["warnings"]
    assert all(w in warning for w in words)
    if language == "fa":
        assert "٪" in warning and not any(c.isascii() and c.isdigit() for c in warning)
    else:
        assert "\u00a0%" in warning
