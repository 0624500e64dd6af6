"""The HTML report in Persian (right to left, with its own font) and in Russian."""

from __future__ import annotations

import base64
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from roleadvisor import i18n
from roleadvisor.contracts.common import ResourceOut
from roleadvisor.render import html
from tests.conftest import Invoke

PROFILE = Path(__file__).resolve().parents[2] / "examples" / "ml-engineer.yaml"  # Sam (ML engineer)

# The page's own fixed text in English: none of it may be left in a Persian or Russian page.
ENGLISH_HEADINGS = (
    "roleadvisor report for",
    "What the numbers mean is explained",
    "Next best step",
    "Learn from",
    "Plan for",
    "Fit after",
    "At that level a person",
    "Moves from",
    "Closest role",
    "Levels to learn",
    "Roles ranked by match",
    "Why this rank",
    "Production-cycle stages",
    "What the numbers mean",
    "(your levels)",
    "(requirements)",
    "against role requirements",
    "built-in",
)


@pytest.fixture
def language() -> Iterator[None]:
    """Tests that activate a language themselves; English again afterwards."""
    yield
    i18n.activate("en")


def _page(invoke: Invoke, tmp_path: Path, lang: str) -> str:
    path = tmp_path / f"{lang}.html"
    args = ["--lang", lang, "assess", "--profile", str(PROFILE), "--target", "mlops"]
    result = invoke(*args, "--output", str(path))
    assert result.exit_code == 0, result.output
    return path.read_text(encoding="utf-8")


def _text(page: str) -> str:
    """What a reader sees: the body without tags (the chart's SVG included), entities left as they are."""
    body = page.split("<body>", 1)[1]
    return re.sub(r"<[^>]+>", "", body)


def test_persian_page_is_right_to_left_and_translated(invoke: Invoke, tmp_path: Path) -> None:
    page = _page(invoke, tmp_path, "fa")
    assert '<html lang="fa" dir="rtl">' in page
    text = _text(page)
    for english in ENGLISH_HEADINGS:
        assert english not in text, english
    for persian in ("نقش‌ها به ترتیب تطابق", "مراحل چرخه تولید", "بهترین گام بعدی:", "معنای عددها"):
        assert persian in text, persian
    # names are isolated: the role title, the person's name, ids
    assert "برنامه رسیدن به نقش <bdi>مهندس MLOps</bdi>" in page
    assert "<bdi>Sam (ML engineer)</bdi>" in page
    assert '<bdi class="id">mlops-engineer</bdi>' in page
    # the chart's text runs right to left
    assert 'direction="rtl"' in page
    # Persian digits in the page's own numbers: ranks, percentages, the plan's levels
    assert "<td>۱</td>" in page
    assert re.search(r'<span class="fit">[۰-۹]+٪<span class="bar', page)
    assert not re.search(r'<span class="fit">[0-9]', page)


def test_the_layout_mirrors_through_logical_properties(invoke: Invoke, tmp_path: Path) -> None:
    page = _page(invoke, tmp_path, "fa")
    css = page.split("<style>", 1)[1].split("</style>", 1)[0]
    for logical in (
        "text-align: start",
        "margin-inline-start",
        "border-inline-start",
        "padding-inline-start",
    ):
        assert logical in css, logical
    for physical in ("text-align: left", "margin-left", "border-left", "padding-left"):
        assert physical not in css, physical


def test_only_the_persian_page_embeds_its_font(invoke: Invoke, tmp_path: Path) -> None:
    persian = _page(invoke, tmp_path, "fa")
    faces = re.findall(r"@font-face \{[^}]*\}", persian)
    assert len(faces) == 1
    data = re.search(r"url\(data:font/woff2;base64,([A-Za-z0-9+/=]+)\)", faces[0])
    assert data is not None
    woff2 = base64.b64decode(data.group(1))
    assert woff2[:4] == b"wOF2"
    assert woff2 == html.FONT_FILE.read_bytes()
    assert len(woff2) < 25_000  # a subset, not the whole font
    # installed Persian fonts come first, the embedded one before the generic families
    stack = re.search(r"body, \.chart svg \{ font-family: ([^;]+);", persian)
    assert stack is not None
    families = [f.strip().strip("'\"") for f in stack.group(1).split(",")]
    assert families.index("Vazirmatn") < families.index(html.EMBEDDED_FAMILY) < families.index("sans-serif")
    # the only URL besides the resources' links is the font's data URI
    assert set(re.findall(r"url\((\w+):", persian)) == {"data"}
    for lang in ("ru", "en"):
        other = _page(invoke, tmp_path, lang)
        assert "@font-face" not in other and "url(" not in other
        assert len(other) < len(persian) - 20_000


def test_the_font_ships_with_its_licence() -> None:
    folder = html.FONT_FILE.parent
    assert "SIL OPEN FONT LICENSE" in (folder / "OFL.txt").read_text(encoding="utf-8")
    readme = (folder / "README.md").read_text(encoding="utf-8")
    assert "Noto Sans Arabic" in readme and "2.005" in readme and "Open Font License" in readme


def test_russian_page_is_left_to_right_and_translated(invoke: Invoke, tmp_path: Path) -> None:
    page = _page(invoke, tmp_path, "ru")
    assert '<html lang="ru" dir="ltr">' in page
    text = _text(page)
    for english in ENGLISH_HEADINGS:
        assert english not in text, english
    for russian in ("Роли по степени совпадения", "Этапы жизненного цикла ML", "Каталог", "встроенный"):
        assert russian in text, russian
    assert 'direction="rtl"' not in page
    assert "<bdi>" not in text  # Latin runs are isolated only in a right-to-left page
    # Russian percentages: a no-break space before the sign
    assert re.search(r'<span class="fit">[0-9]+\xa0%<span class="bar', page)


@pytest.mark.usefixtures("language")
def test_latin_runs_are_isolated_in_persian_text() -> None:
    i18n.activate("fa")
    assert html._t("کرنل‌ها و runtime‌ها") == "کرنل‌ها و <bdi>runtime</bdi>\u200cها"
    # sentence punctuation stays outside; a run keeps its own marks and spaces
    assert html._t("با C++ و scikit-learn کار می‌کند.") == (
        "با <bdi>C++</bdi> و <bdi>scikit-learn</bdi> کار می‌کند."
    )
    assert html._t("در production.") == "در <bdi>production</bdi>."
    assert html._t("(Airflow، dbt، Spark)") == "(<bdi>Airflow</bdi>، <bdi>dbt</bdi>، <bdi>Spark</bdi>)"
    assert html._t("کتاب Designing Data-Intensive Applications") == (
        "کتاب <bdi>Designing Data-Intensive Applications</bdi>"
    )
    # a word that starts with a digit is left to the bidi algorithm whole, never split
    assert html._t("مدل‌های 3D و GPT-2") == "مدل‌های 3D و <bdi>GPT-2</bdi>"
    # escaping is not undone: entities are never split
    assert html._t("A & B <x>") == "<bdi>A</bdi> &amp; <bdi>B</bdi> &lt;<bdi>x</bdi>&gt;"
    i18n.activate("en")
    assert html._t("C++ & <x>") == "C++ &amp; &lt;x&gt;"


@pytest.mark.usefixtures("language")
def test_a_template_keeps_its_fields_and_isolates_its_latin() -> None:
    i18n.activate("fa")
    filled = html._fill("گزارش roleadvisor برای {name}", name="<bdi>Sam</bdi>")
    assert filled == "گزارش <bdi>roleadvisor</bdi> برای <bdi>Sam</bdi>"


def test_the_next_step_loses_only_its_resource_sentence() -> None:
    books = (
        ResourceOut(title="Глубокое обучение. Погружение в мир нейронных сетей", kind="book", url=None),
        ResourceOut(title="Designing Data-Intensive Applications", kind="book", url=None),
    )
    sentence = (
        "Поднимите навык с 3 до 4: соответствие вырастет на 9,1 п. п. На уровне 4 человек строит сервис. "
        "Где учиться: Глубокое обучение. Погружение в мир нейронных сетей [книга]; "
        "Designing Data-Intensive Applications [книга]."
    )
    assert html._step_text(sentence, books) == (
        "Поднимите навык с 3 до 4: соответствие вырастет на 9,1 п. п. На уровне 4 человек строит сервис."
    )
    english = (
        "Raise ml from 3 to 4. At level 4 a person trains models. Learn from: no resource in the catalogue."
    )
    assert html._step_text(english, ()) == "Raise ml from 3 to 4. At level 4 a person trains models."
    # nothing to cut: the sentence stays whole
    assert html._step_text("Raise ml from 3 to 4", ()) == "Raise ml from 3 to 4"
