"""Asking for missing ratings on a terminal, each skill shown with its level descriptors.

Only used when stdin is a terminal; everything is written to stderr so that
stdout carries nothing but the report. An answer is a level's number or its scale
label (``beginner``, any case), read by the one ratings rule (``parse_level``). An
answer typed in another encoding than the terminal's (``LC_ALL=C``,
``PYTHONIOENCODING=ascii``) is read with replacement characters and asked again,
never a crash. The answers are put in the caller's dict as they come, so that the
caller keeps them when input ends (``RatingError``) or Ctrl-C stops the prompt.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Sequence

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from roleadvisor.catalog.models import Catalog
from roleadvisor.errors import RatingError
from roleadvisor.ratings import parse_level, usable_labels


def tolerant_stdin() -> None:
    """Decode bytes that stdin's encoding does not allow as U+FFFD instead of raising."""
    stdin = sys.stdin
    if isinstance(stdin, io.TextIOWrapper) and stdin.errors == "strict":
        stdin.reconfigure(errors="replace")


def answer_hint(catalog: Catalog) -> str:
    """``type its number or its label (for example 2 or beginner)``, from the catalogue's scale."""
    labels = catalog.scale.labels
    usable = [(level, label) for level, label in enumerate(labels) if label in usable_labels(labels)]
    if not usable:
        return "type its number"
    level, label = usable[min(2, len(usable) - 1)]
    return f"type its number or its label (for example {level} or {label})"


def ask_ratings(
    catalog: Catalog,
    missing: Sequence[str],
    console: Console,
    *,
    answers: dict[str, int] | None = None,
) -> dict[str, int]:
    """Prompt for each skill in ``missing``, re-asking until the answer is a valid level.

    Each answer goes into ``answers`` (a new dict if not given) as soon as it is given, and
    that dict is returned. End of input raises ``RatingError``; Ctrl-C raises
    ``KeyboardInterrupt``; either way ``answers`` holds what was answered before.
    """
    tolerant_stdin()
    top = catalog.scale.max
    labels = catalog.scale.labels
    console.print(
        f"[bold]Rate yourself in {len(missing)} skill area{'s' if len(missing) != 1 else ''}.[/] "
        f"Pick the highest level whose description is true of you today and {escape(answer_hint(catalog))}."
    )
    if answers is None:
        answers = {}
    named = usable_labels(labels)
    or_labels = f" or a label: {escape(', '.join(named))}" if named else ""
    for number, skill_id in enumerate(missing, start=1):
        skill = catalog.skill(skill_id)
        console.print()
        console.print(
            f"[bold cyan]{number}/{len(missing)} {escape(skill.title)}[/] ({escape(skill.id)}): "
            f"{escape(skill.description)}"
        )
        levels = Table(show_header=False, box=None, padding=(0, 1))
        levels.add_column(justify="right", style="bold")
        levels.add_column(style="dim")
        levels.add_column()
        for level in catalog.scale.levels:
            levels.add_row(str(level), escape(catalog.scale.labels[level]), escape(skill.descriptor(level)))
        console.print(levels)
        while True:
            try:
                answer = console.input(f"Your level for {escape(skill.title)} [0-{top} or a label]: ")
            except KeyboardInterrupt:
                console.print()  # the cursor is still after the question
                raise
            except EOFError:
                console.print()
                raise RatingError(
                    f"input ended before every skill was rated (still missing: "
                    f"{', '.join(missing[number - 1 :])})"
                ) from None
            try:
                answers[skill_id] = parse_level(answer, skill=skill_id, top=top, labels=labels)
                break
            except RatingError:
                said = (
                    "[red]No answer.[/]"
                    if not answer.strip()
                    else f"[red]'{escape(answer.strip())}' is not a level.[/]"
                )
                console.print(f"{said} Type a whole number from 0 to {top}{or_labels}.")
    console.print()
    return answers
