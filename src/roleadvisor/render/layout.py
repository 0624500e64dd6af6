"""Layouts that fit the terminal: tables when there is room, stacked blocks when there is not.

Rich wraps text at spaces, but a table column narrower than a word (a role id
such as ``ml-infrastructure-engineer``) cuts that word. ``Responsive`` picks its
layout when it is printed, from the width it is given, so renderers stay
functions of a contract alone and every width reads whole words.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.padding import Padding
from rich.text import Text

from roleadvisor.contracts.words import percent
from roleadvisor.records import record

NARROW_BELOW = 80  # columns: below this, tables become stacked blocks
BAR_WIDTH = 12


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


def longest_word(texts: Iterable[str]) -> int:
    """The width a column needs so that none of these words is cut."""
    return max((len(word) for text in texts for word in text.split()), default=1)




@record
class Responsive:
    """``wide()`` at ``NARROW_BELOW`` columns or more, ``narrow()`` below."""

    wide: Callable[[], RenderableType]
    narrow: Callable[[], RenderableType]
    below: int = NARROW_BELOW

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        del console
        yield self.narrow() if options.max_width < self.below else self.wide()


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
    body = [line if isinstance(line, Text) else Text(line) for line in lines]
    if not body:
        return head
    return Group(head, Padding(Group(*body), (0, 0, 0, indent)))


def stacked(title: str | None, items: Iterable[RenderableType]) -> RenderableType:
    """Blocks one after another under an optional title (the narrow form of a table)."""
    parts: list[RenderableType] = [Text(title, style="bold")] if title else []
    parts += list(items)
    return Group(*parts)
