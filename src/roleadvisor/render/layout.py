"""Layouts that fit the terminal: tables when there is room, stacked blocks when there is not.

Rich wraps text at spaces, but a table column narrower than a word (a role id
such as ``ml-infrastructure-engineer``) cuts that word. ``Responsive`` picks its
layout when it is printed, from the width it is given, so renderers stay
functions of a contract alone and every width reads whole words.

Rich also breaks lines at no-break spaces, which Russian puts inside numbers
and percentages (``78\u00a0%``, ``1\u00a0234``); ``Paragraph`` and
``fitted_table`` wrap text that holds one at ordinary spaces only.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, JustifyMethod, RenderableType, RenderResult
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from roleadvisor.contracts.words import percent
from roleadvisor.records import record

NARROW_BELOW = 80  # columns: below this, tables become stacked blocks
BAR_WIDTH = 12
NO_BREAK = "\u00a0"
_WORD = re.compile(r"[^ ]+")
_SPACES = re.compile(r"[ \t]+")


def wrap_lines(text: Text, width: int) -> list[Text]:
    """``text`` cut into lines of at most ``width`` cells at ordinary spaces (never at a no-break
    space); a word wider than ``width`` gets a line of its own."""
    out: list[Text] = []
    for line in text.split("\n", allow_blank=True):
        plain = line.plain
        start: int | None = None
        end = 0
        for word in _WORD.finditer(plain):
            if start is None:
                start = word.start()
            elif cell_len(plain[start : word.end()]) > width:
                out.append(line[start:end])
                start = word.start()
            end = word.end()
        out.append(line[start:end] if start is not None else Text())
    return out


@record
class Paragraph:
    """Text wrapped to the width it is given; Rich's own wrapping unless it holds a no-break space."""

    text: Text | str
    style: str = ""

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        del console
        text = Text(self.text, style=self.style) if isinstance(self.text, str) else self.text
        if NO_BREAK not in text.plain:
            yield text
            return
        yield from wrap_lines(text, max(options.max_width, 1))


def bar(fraction: float, width: int = BAR_WIDTH) -> Text:
    """A horizontal bar of ``width`` cells filled to ``fraction`` (eighth-cell steps)."""
    eighths = round(max(0.0, min(1.0, fraction)) * width * 8)
    full, rest = divmod(eighths, 8)
    partial = " ▏▎▍▌▋▊▉"[rest] if rest else ""
    filled = "█" * full + partial
    return Text(filled.ljust(width), style="green" if fraction >= 0.75 else "yellow")


def fit_cell(fit: float) -> Text:
    """Percentage and bar side by side."""
    return Text.assemble((f"{percent(fit):>4} ", "bold"), bar(fit))


@record
class Responsive:
    """``wide(width)`` when it returns a layout that fits, else ``narrow()``.

    ``wide`` is not tried below ``below`` columns; it returns ``None`` when its
    words cannot all fit whole (see ``fitted_table``).
    """

    wide: Callable[[int], RenderableType | None]
    narrow: Callable[[], RenderableType]
    below: int = NARROW_BELOW

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        del console
        chosen = self.wide(options.max_width) if options.max_width >= self.below else None
        yield chosen if chosen is not None else self.narrow()


@record(frozen=False, eq=False, kw_only=True)
class Column:
    """A column of ``fitted_table``: its heading and how its cells are laid out."""

    header: str
    justify: JustifyMethod = "left"
    no_wrap: bool = False
    style: str = ""


Cell = Text | str


def _extent(cell: Cell, no_wrap: bool) -> tuple[int, int]:
    """(narrowest width that keeps every word whole, width of the longest line)."""
    text = cell.plain if isinstance(cell, Text) else cell
    lines = text.split("\n")
    longest_line = max((cell_len(line) for line in lines), default=0)
    if no_wrap:
        return longest_line, longest_line
    longest_word = max((cell_len(word) for line in lines for word in _SPACES.split(line.strip())), default=0)
    return longest_word, longest_line


def column_widths(width: int, extents: list[tuple[int, int]]) -> list[int] | None:
    """Content widths for columns of (minimum, wanted) extents in ``width`` cells, or ``None``.

    Each column gets at least its minimum (its longest word), then the room left
    is shared in proportion to what each still wants, never past its want.
    ``width`` is the content width: borders and padding already taken off.
    """
    widths = [low for low, _ in extents]
    room = width - sum(widths)
    if room < 0:
        return None
    wants = [max(0, high - low) for low, high in extents]
    total = sum(wants)
    if total <= room:
        return [low + want for low, want in zip(widths, wants, strict=True)]
    given = [room * want // total for want in wants]
    left = room - sum(given)
    for i in sorted(range(len(wants)), key=lambda i: -(wants[i] - given[i])):
        if left <= 0:
            break
        if given[i] < wants[i]:
            given[i] += 1
            left -= 1
    return [low + extra for low, extra in zip(widths, given, strict=True)]


def fitted_table(
    width: int, columns: list[Column], rows: list[list[Cell]], *, title: str | None = None
) -> Table | None:
    """A table whose every column is at least as wide as its longest word, or ``None`` if none fits.

    Rich shares out a narrow terminal's width in proportion, cutting words it
    cannot fit (``ml-infrastructure-engin…``); this sets each column's width
    itself, so Rich only ever wraps between words.
    """
    extents = []
    for j, column in enumerate(columns):
        cells = [column.header, *(row[j] for row in rows)]
        found = [_extent(cell, column.no_wrap) for cell in cells]
        extents.append((max(low for low, _ in found), max(high for _, high in found)))
    overhead = 3 * len(columns) + 1  # a border before each column and after the last, a space each side
    widths = column_widths(width - overhead, extents)
    if widths is None:
        return None
    table = Table(title=Text(title) if title else None, title_justify="left")
    for column, content_width in zip(columns, widths, strict=True):
        table.add_column(
            column.header,
            justify=column.justify,
            no_wrap=column.no_wrap,
            style=column.style,
            width=content_width,
        )
    for row in rows:
        texts = [cell if isinstance(cell, Text) else Text(cell) for cell in row]
        table.add_row(
            *(
                Text("\n").join(wrap_lines(text, content_width))
                if NO_BREAK in text.plain and not column.no_wrap
                else text
                for text, column, content_width in zip(texts, columns, widths, strict=True)
            )
        )
    return table


@record
class Hanging:
    """``label`` in a column ``indent`` wide, then ``text`` wrapped at words under a hanging indent.

    A table's look for label-and-paragraph lists at a third of a Rich table's cost
    (``skills`` prints 48 of them); a label wider than the column gets its own line.
    """

    label: Text
    text: str
    indent: int

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        del console
        import textwrap

        width = max(options.max_width - self.indent, 20)
        lines = textwrap.wrap(self.text, width, break_long_words=False, break_on_hyphens=False) or [""]
        pad = " " * self.indent
        if self.label.cell_len < self.indent:
            first = self.label.copy()
            first.append(" " * (self.indent - self.label.cell_len))
            first.append(lines[0])
            yield first
        else:
            yield self.label
            yield Text(pad + lines[0])
        for line in lines[1:]:
            yield Text(pad + line)


def block(head: Text, lines: Iterable[Text | str], indent: int = 3) -> RenderableType:
    """A heading line and lines indented below it; long lines wrap inside the indent."""
    body = [Paragraph(line) for line in lines]
    if not body:
        return head
    return Group(head, Padding(Group(*body), (0, 0, 0, indent)))


def stacked(title: str | None, items: Iterable[RenderableType]) -> RenderableType:
    """Blocks one after another under an optional title (the narrow form of a table)."""
    parts: list[RenderableType] = [Text(title, style="bold")] if title else []
    parts += list(items)
    return Group(*parts)
