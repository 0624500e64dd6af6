"""decode on Russian and Persian titles and adverts (tests/decode_set/ru, fa).

101 Russian and 84 Persian job titles, 16 adverts each, written for these tests
in the style of hh.ru / Habr Career and Iranian job boards before decode could
read either language (see each folder's README; the last 15 titles and 2 adverts
of each, the issue's own among them, were added with the Russian and Persian
forms of decode.yaml). Scored as the English set is
(``python -m tests.decode_set.evaluate --language ru --failures``). Before the
overlay names and the Russian stemmer, 40% (ru) and 43% (fa) of the titles were
read right first and 30 and 37 were refused.

Right first, titles / advert bodies without their title line:
  before decode.yaml's Russian and Persian forms and Persian compounds: ru 91% / 56%, fa 83% / 88%
  after: ru 94% (95 of 101) / 100% (16 of 16), fa 90% (76 of 84) / 100% (16 of 16)

Raise the floors when decode gets better; never lower them to make a change pass.
"""

from __future__ import annotations

import pytest

from roleadvisor.catalog.models import Catalog
from tests.decode_set.evaluate import (
    HERE,
    Result,
    calibration,
    load_items,
    report,
    run,
    seniority_score,
    tallies,
)

FLOORS = {  # share right at top-1, per kind of text
    "ru": {"title": 0.95, "advert": 1.0, "body": 0.93},
    "fa": {"title": 0.9, "advert": 1.0, "body": 0.93},
}
SENIORITY_FLOORS = {"ru": 0.97, "fa": 0.9}
CALIBRATION_FLOOR = 0.9


@pytest.fixture(scope="module")
def results(catalog: Catalog) -> dict[str, list[Result]]:
    out = {}
    for language in FLOORS:
        out[language] = run(load_items(catalog, HERE / language), catalog)
        print(f"\n--- decode evaluation: {language} ---\n" + report(out[language], catalog))  # noqa: T201
    return out


@pytest.mark.parametrize("language", sorted(FLOORS))
def test_the_set_covers_every_role(catalog: Catalog, language: str) -> None:
    items = load_items(catalog, HERE / language)
    titles = [i for i in items if i.kind == "title"]
    adverts = [i for i in items if i.kind == "advert"]
    assert len(titles) >= 80 and len(adverts) >= 16
    assert {i.role for i in titles} == set(catalog.role_ids)


@pytest.mark.parametrize(("language", "kind"), [(lang, k) for lang in FLOORS for k in FLOORS[lang]])
def test_accuracy_floors(results: dict[str, list[Result]], language: str, kind: str) -> None:
    whole = tallies(results[language])["all", kind]
    assert whole.top1 / whole.n >= FLOORS[language][kind]


@pytest.mark.parametrize("language", sorted(FLOORS))
def test_seniority_words_are_read(results: dict[str, list[Result]], language: str) -> None:
    right, asked = seniority_score(results[language])
    assert right / asked >= SENIORITY_FLOORS[language]


@pytest.mark.parametrize("language", sorted(FLOORS))
def test_confidence_holds_in_both_languages(results: dict[str, list[Result]], language: str) -> None:
    right, given = calibration(results[language])
    assert given >= 20 and right / given >= CALIBRATION_FLOOR
