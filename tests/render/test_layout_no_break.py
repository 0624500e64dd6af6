"""Russian no-break spaces (``78\u00a0%``, ``1\u00a0234``) never start a new line in the terminal,
and text without one is wrapped by Rich exactly as before."""

from __future__ import annotations

import io

from rich.console import Console, RenderableType
from rich.text import Text

from roleadvisor.render.layout import Column, Paragraph, block, fitted_table, wrap_lines


def _render(renderable: RenderableType, width: int) -> str:
    out = io.StringIO()
    Console(file=out, width=width, color_system=None, legacy_windows=False).print(renderable)
    return out.getvalue()


SENTENCE = "задействует лишь 78\u00a0% ваших сильных сторон и поднимает соответствие на 9,1\u00a0п.\u00a0п."


def test_wrap_lines_breaks_only_at_ordinary_spaces() -> None:
    for width in range(8, 60):
        lines = [line.plain for line in wrap_lines(Text(SENTENCE), width)]
        assert " ".join(lines) == SENTENCE
        assert all(not line.startswith(("%", "п.")) for line in lines)
        assert all(len(line) <= width or " " not in line for line in lines)


def test_wrap_lines_keeps_styles_and_blank_lines() -> None:
    text = Text.assemble(("78\u00a0%", "bold"), " и\n\nещё")
    lines = wrap_lines(text, 40)
    assert [line.plain for line in lines] == ["78\u00a0% и", "", "ещё"]
    assert lines[0].spans and lines[0].spans[0].style == "bold"


def test_paragraph_never_splits_a_percentage() -> None:
    for width in range(20, 70):
        rendered = _render(Paragraph(SENTENCE), width)
        assert "\n%" not in rendered and "\nп." not in rendered
        assert " ".join(rendered.split()) == " ".join(SENTENCE.split())


def test_paragraph_without_no_break_space_is_rich_s_own_wrapping() -> None:
    english = "uses only 78% of your strengths, " * 5
    for width in (20, 33, 61):
        assert _render(Paragraph(english, style="dim"), width) == _render(Text(english, style="dim"), width)
        assert _render(block(Text("head"), [english]), width) == _render(
            block(Text("head"), [Text(english)]), width
        )


def test_fitted_table_cells_keep_percentages_whole() -> None:
    rows: list[list[Text | str]] = [["1", SENTENCE]]
    table = fitted_table(30, [Column(header="#"), Column(header="Почему")], rows)
    assert table is not None
    rendered = _render(table, 30)
    assert "78\u00a0%" in rendered
    assert "п.\u00a0п." in rendered
