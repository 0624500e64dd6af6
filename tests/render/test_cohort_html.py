"""The cohort page: self-contained, a coloured heatmap that loads in headless Chromium, in three languages,
and a heatmap that degrades with the cohort's size."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from roleadvisor.catalog.loader import load_catalog
from roleadvisor.cohort import analyse
from roleadvisor.contracts.cohort import build_cohort
from roleadvisor.render.cohort_html import COMPACT_ROWS, DENSE_ROWS, FULL_ROWS, PALETTE, cohort_html, shade
from roleadvisor.vector import Matrices
from tests.conftest import Invoke
from tests.render.test_html import _dom, _ink, _png_rows, _run_chromium

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "cohort.csv"
CATALOG = load_catalog()
MATRICES = Matrices.from_catalog(CATALOG)


@pytest.fixture
def page(invoke: Invoke, tmp_path: Path) -> Path:
    path = tmp_path / "cohort.html"
    result = invoke("cohort", str(EXAMPLE), "--target", "mlops", "-o", str(path))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    return path


def _page_for(n: int) -> str:
    rnd = random.Random(n)  # noqa: S311 - made-up ratings
    rows = [[rnd.randint(0, 5) for _ in range(8)] for _ in range(n)]
    cohort = analyse(MATRICES, CATALOG, [f"p{i}" for i in range(n)], rows)
    return cohort_html(build_cohort(cohort, MATRICES, CATALOG, source="x.csv", lines=tuple(range(n))))


def test_page_is_self_contained(page: Path) -> None:
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    for banned in ("<script", "<link", "<img", "src=", "@import", "url(", "@font-face", "http"):
        assert banned not in html, banned
    text = re.sub(r"<[^>]+>", "", html)
    for words in ("Best roles", "Who is closest to MLOps Engineer", "Levels, person by skill",
                  "People at each level", "Production-cycle stages", "Single points of failure",
                  "Teach next", "What the numbers mean", "ratings people gave themselves"):  # fmt: skip
        assert words in text, words


def test_the_heatmap_has_a_coloured_cell_per_person_and_skill(page: Path) -> None:
    html = page.read_text(encoding="utf-8")
    heat = html.split('<table class="heat full"', 1)[1].split("</table>", 1)[0]
    rows = re.findall(r'<tr title="([^"]*)">(.*?)</tr>', heat)
    assert len(rows) == 40
    for _title, row in rows:
        assert len(re.findall(r'<td class="lv l[0-5]"', row)) == 8
    nikita = next(row for title, row in rows if title.startswith("Nikita Volkov"))
    levels = re.findall(r'<td class="lv l([0-5])"[^>]*>([0-9])</td>', nikita)
    assert levels[0] == ("5", "5")  # systems 5: the darkest colour, the level written in it
    assert [shade(level, 5) for level in range(6)] == [0, 1, 2, 3, 4, 5]
    assert shade(3, 3) == 5 and shade(2, 4) == 2


@pytest.mark.parametrize(
    ("people", "mode"),
    [(3, "full"), (FULL_ROWS, "full"), (FULL_ROWS + 1, "compact"), (COMPACT_ROWS + 1, "dense")],
)
def test_the_heatmap_degrades_with_the_cohort_s_size(people: int, mode: str) -> None:
    html = _page_for(people)
    assert f'<table class="heat {mode}" data-people="{people}">' in html
    assert html.count("<tr title=") == people
    assert ('class="group"' in html) == (mode != "dense")
    assert "People at each level, skill by skill" in html


def test_beyond_the_dense_limit_only_the_counts_are_drawn(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("roleadvisor.render.cohort_html.DENSE_ROWS", 5)
    html = _page_for(6)
    assert "<tr title=" not in html and 'class="heat counts"' in html
    assert "a row per person would be too thin to read" in html
    assert DENSE_ROWS > COMPACT_ROWS > FULL_ROWS


def _colour_pixels(shot: Path, colour: str, rows: int) -> int:
    """Pixels within a few steps of ``colour`` (``#rrggbb``) in the top ``rows`` rows of a screenshot
    (the browser may shift a colour slightly as it renders it)."""
    want = bytes.fromhex(colour[1:])
    width, bpp, lines = _png_rows(shot, rows)
    return sum(
        1
        for line in lines
        for x in range(width)
        if all(abs(a - b) <= 4 for a, b in zip(line[x * bpp : x * bpp + 3], want, strict=True))
    )


def test_page_loads_in_headless_chromium_and_draws_the_heatmap(
    page: Path, invoke: Invoke, tmp_path: Path
) -> None:
    profile = tmp_path / "chromium-profile"
    dom = _dom(page, profile)
    assert dom.count('<td class="lv l') >= 40 * 8
    assert "Who is closest to MLOps Engineer" in dom
    page = tmp_path / "no-target.html"  # without a target the heatmap follows the role counts
    assert invoke("cohort", str(EXAMPLE), "-o", str(page)).exit_code == 0
    _dom(page, profile)
    shot = tmp_path / "cohort.png"
    taken = _run_chromium(page, profile, f"--screenshot={shot}", "--window-size=1000,2400")
    assert taken.returncode == 0, taken.stderr[-2000:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    # the heatmap's colours are on the screen: light cells, middle ones, and the darkest (Nikita's systems 5)
    for level in (1, 3, 5):
        assert _colour_pixels(shot, PALETTE[level], 2400) > 50, level
    left, right = _ink(shot)
    assert left > 2 * right > 0  # the heading starts at the left


@pytest.mark.parametrize(("lang", "direction"), [("fa", "rtl"), ("ru", "ltr")])
def test_persian_and_russian_pages_in_headless_chromium(
    invoke: Invoke, tmp_path: Path, lang: str, direction: str
) -> None:
    page = tmp_path / f"{lang}.html"
    result = invoke("--lang", lang, "cohort", str(EXAMPLE), "--target", "mlops", "-o", str(page))
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", "", html.split("<body>", 1)[1])
    for english in ("Best roles", "Teach next", "Levels, person by skill", "What the numbers mean", "people"):
        assert english not in text, english
    if lang == "fa":
        assert "۴۰" in text and "<bdi>Nikita Volkov</bdi>" in html
    profile = tmp_path / "chromium-profile"
    dom = _dom(page, profile)
    assert f'<html lang="{lang}" dir="{direction}">' in dom
    shot = tmp_path / f"{lang}.png"
    taken = _run_chromium(page, profile, f"--screenshot={shot}", "--window-size=1000,1800")
    assert taken.returncode == 0, taken.stderr[-2000:]
    left, right = _ink(shot)
    if direction == "rtl":  # the heading sits at the start of the line: the right in Persian
        assert right > 2 * left > 0, (left, right)
    else:
        assert left > 2 * right > 0, (left, right)


def _skipped_page(count: int) -> str:
    from roleadvisor.contracts.common import SkippedOut

    rows = [[3, 3, 3, 3, 3, 3, 3, 3], [4, 3, 2, 3, 1, 1, 1, 2], [4, 3, 2, 3, 1, 1, 1, 2]]
    cohort = analyse(
        MATRICES, CATALOG, ["a", "b", "c"], rows, target=CATALOG.role_ids.index("mlops-engineer")
    )
    skipped = tuple(
        SkippedOut(line=10 + i, id=None if i == 1 else f"bad{i}", error=f"problem number {i}")
        for i in range(count)
    )
    report = build_cohort(cohort, MATRICES, CATALOG, source="x.csv", lines=(2, 3, 4), skipped=skipped)
    return cohort_html(report)


def test_the_page_lists_the_skipped_records_itself() -> None:
    from roleadvisor.render.cohort_html import SKIPPED_SHOWN

    html = _skipped_page(SKIPPED_SHOWN + 3)
    assert "stderr" not in html  # a page has no stderr
    section = html.split("Records left out", 1)[1].split("</table>", 1)[0]
    assert section.count("<tr>") == SKIPPED_SHOWN + 1  # the header and the first SKIPPED_SHOWN
    assert (
        "problem number 0" in section
        and "bad0" in section
        and f"problem number {SKIPPED_SHOWN}" not in section
    )
    assert "... and 3 more records left out (the JSON report lists them all)." in html
    assert "Records left out" not in _skipped_page(0)


def test_shared_ranks_are_marked_in_the_page() -> None:
    html = _skipped_page(0)
    closest = html.split("Who is closest to", 1)[1].split("</table>", 1)[0]
    assert closest.count("<td>1=</td>") == 2 and "<td>3</td>" in closest  # b and c are equal


def test_the_persian_page_lists_skipped_records_in_persian() -> None:
    from roleadvisor import i18n

    i18n.activate("fa")
    try:
        html = _skipped_page(2)
    finally:
        i18n.activate("en")
    assert "stderr" not in html and "Records left out" not in html
    assert "رکوردهای کنارگذاشته" in html and "۱۰" in html
