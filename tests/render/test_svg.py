
"""The radar chart in a right-to-left language (Persian) and with long labels (Russian)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

from roleadvisor import i18n
from roleadvisor.render import svg
from tests.conftest import MLE, Invoke, rate_args

SVG_NS = "{http://www.w3.org/2000/svg}"
AXES = [
    "Systems",
    "Databases",
    "Machine learning",
    "Algorithms",
    "Statistics",
    "Subject-matter expertise",
    "Product",
    "Communication",
]


@pytest.fixture
def language() -> Iterator[None]:
    yield
    i18n.activate("en")


def _chart(invoke: Invoke, tmp_path: Path, lang: str) -> ET.Element:
    path = tmp_path / f"{lang}.svg"
    result = invoke("--lang", lang, "assess", *rate_args(MLE), "-o", str(path))
    assert result.exit_code == 0, result.output
    return ET.fromstring(path.read_text(encoding="utf-8"))  # noqa: S314 (our own output)


def _axes(root: ET.Element) -> list[ET.Element]:
    return [t for t in root.iter(f"{SVG_NS}text") if t.get("class") == "axis"]


def test_persian_chart_reads_right_to_left(invoke: Invoke, tmp_path: Path) -> None:
    root = _chart(invoke, tmp_path, "fa")
    assert root.get("direction") == "rtl"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "fa"
    assert "Vazirmatn" in (root.get("font-family") or "")
    title = root.find(f"{SVG_NS}title")
    assert title is not None and title.text == "سطح مهارت‌های شما در برابر الزامات نقش‌ها"
    for text in _axes(root):
        x = float(text.get("x") or 0)
        anchor = text.get("text-anchor")
        # in right-to-left text "end" is the left edge: labels right of the chart start there
        if x > svg.CENTRE_X + 10:
            assert anchor == "end", text.text
        elif x < svg.CENTRE_X - 10:
            assert anchor == "start", text.text
        else:
            assert anchor == "middle", text.text
    assert next(t.text for t in _axes(root)) == "مهندسی سیستم"
    # the legend sits on the right and its swatches end where its text begins
    legend = [t for t in root.iter(f"{SVG_NS}text") if float(t.get("y") or 0) > svg.SIZE]
    assert legend and all(float(t.get("x") or 0) > svg.WIDTH / 2 for t in legend)
    assert legend[0].text == "شما (سطح‌های شما)"
    # the rings' levels in Persian digits
    levels = [t.text for t in root.iter(f"{SVG_NS}text") if t.get("font-size") == "10"]
    assert levels == ["۱", "۲", "۳", "۴", "۵"]


def test_english_chart_is_unchanged(invoke: Invoke, tmp_path: Path) -> None:
    root = _chart(invoke, tmp_path, "en")
    assert root.get("direction") is None
    assert root.get("font-family") == "system-ui, sans-serif"
    assert [t.text for t in _axes(root)] == AXES
    anchors = [t.get("text-anchor") for t in _axes(root)]
    assert anchors == ["middle", "start", "start", "start", "middle", "end", "end", "end"]
    legend = [t for t in root.iter(f"{SVG_NS}text") if float(t.get("y") or 0) > svg.SIZE]
    assert {t.get("x") for t in legend} == {"196"}


def test_a_label_too_wide_for_its_side_goes_on_two_lines(invoke: Invoke, tmp_path: Path) -> None:
    root = _chart(invoke, tmp_path, "ru")
    wrapped = {
        t.get("data-label"): [s.text for s in t.iter(f"{SVG_NS}tspan")]
        for t in _axes(root)
        if t.get("data-label")
    }
    # the left-most label has about 155 px; a diagonal one more, and the top one the whole width
    assert wrapped == {"Продуктовый менеджмент": ["Продуктовый", "менеджмент"]}
    assert {"Знание предметной области", "Разработка и инфраструктура"} <= {t.text for t in _axes(root)}
    product = next(t for t in _axes(root) if t.get("data-label"))
    ys = [float(s.get("y") or 0) for s in product.iter(f"{SVG_NS}tspan")]
    assert ys[1] - ys[0] == svg.LINE  # one line under the other, around the axis end
    assert ys[0] < svg.CENTRE_Y < ys[1] + 4


def test_wrapping_splits_at_the_space_nearest_the_middle() -> None:
    assert svg._wrap("Systems", 10) == ["Systems"]
    assert svg._wrap("Знание предметной области", 100) == ["Знание предметной", "области"]
    assert svg._wrap("Разработка и инфраструктура", 100) == ["Разработка и", "инфраструктура"]
    assert svg._wrap("Разработка и инфраструктура", 700) == ["Разработка и инфраструктура"]
    assert svg._wrap("Incomprehensibilitiesness", 10) == ["Incomprehensibilitiesness"]  # no space: one line
    assert svg._room(svg.CENTRE_X) == svg.WIDTH - 2 * svg.MARGIN
    assert svg._room(600) == svg.WIDTH - 600 - svg.MARGIN
    assert svg._room(150) == 150 - svg.MARGIN


@pytest.mark.usefixtures("language")
def test_names_are_isolated_in_labels_but_not_in_data() -> None:
    i18n.activate("fa")
    series = [
        svg.Series(label=f"{svg.isolate('Sam (ML)')} (x)", colour="#000", values=(1, 2, 3), filled=True)
    ]
    out = svg.radar_svg(["a", "b", "c"], 5, series, title="t", rtl=True)
    assert "\u2068Sam (ML)\u2069 (x)" in out
    assert 'data-label="Sam (ML) (x)"' in out
    i18n.activate("en")
    assert svg.isolate("Sam") == "Sam"
