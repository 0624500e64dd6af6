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
from roleadvisor.i18n import _, current, ngettext
from roleadvisor.i18n import number as num
from roleadvisor.ratings import other_labels, parse_level, usable_labels


def tolerant_stdin() -> None:
    """Decode bytes that stdin's encoding does not allow as U+FFFD instead of raising."""
    stdin = sys.stdin
    if isinstance(stdin, io.TextIOWrapper) and stdin.errors == "strict":
        stdin.reconfigure(errors="replace")


def _example(catalog: Catalog) -> tuple[int, str] | None:
    """A level and its label to show as an example answer (the third usable label), if any."""
    labels = catalog.scale.labels
    usable = [(level, label) for level, label in enumerate(labels) if label in usable_labels(labels)]
    return usable[min(2, len(usable) - 1)] if usable else None


def answer_hint(catalog: Catalog) -> str:
    """``type its number or its label (for example 2 or beginner)``, from the catalogue's scale."""
    example = _example(catalog)
    if example is None:
        return _("type its number")
    return _("type its number or its label (for example {level} or {label})").format(
        level=num(example[0]), label=example[1]
    )


def _introduction(catalog: Catalog, count: int) -> str:
    """The first lines of the prompt (Rich markup): how many skills, and how to answer."""
    asked = ngettext("Rate yourself in {count} skill area.", "Rate yourself in {count} skill areas.", count)
    example = _example(catalog)
    if example is None:
        how = _("Pick the highest level whose description is true of you today and type its number.")
    else:
        how = _(
            "Pick the highest level whose description is true of you today and type its number or its "
            "label (for example {level} or {label})."
        ).format(level=num(example[0]), label=example[1])
    return f"[bold]{escape(asked.format(count=num(count)))}[/] {escape(how)}"


def _list(items: Sequence[str]) -> str:
    return ("\u060c " if current() == "fa" else ", ").join(items)


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
    other = other_labels(catalog)  # English labels are answers too in Russian, and the other way
    console.print(_introduction(catalog, len(missing)))
    if answers is None:
        answers = {}
    named = usable_labels(labels)
    if named:
        accepted = _("Type a whole number from 0 to {top} or a label: {labels}.").format(
            top=num(top), labels=_list(named)
        )
    else:
        accepted = _("Type a whole number from 0 to {top}.").format(top=num(top))
    for number, skill_id in enumerate(missing, start=1):
        skill = catalog.skill(skill_id)
        console.print()
        console.print(
            f"[bold cyan]{num(number)}/{num(len(missing))} {escape(skill.title)}[/] ({escape(skill.id)}): "
            f"{escape(skill.description)}"
        )
        levels = Table(show_header=False, box=None, padding=(0, 1))
        levels.add_column(justify="right", style="bold")
        levels.add_column(style="dim")
        levels.add_column()
        for level in catalog.scale.levels:
            levels.add_row(num(level), escape(catalog.scale.labels[level]), escape(skill.descriptor(level)))
        console.print(levels)
        question = _("Your level for {skill} [0-{top} or a label]: ").format(skill=skill.title, top=num(top))
        while True:
            try:
                answer = console.input(escape(question))
            except KeyboardInterrupt:
                console.print()  # the cursor is still after the question
                raise
            except EOFError:
                console.print()
                raise RatingError(
                    _("input ended before every skill was rated (still missing: {skills})").format(
                        skills=_list(missing[number - 1 :])
                    )
                ) from None
            try:
                answers[skill_id] = parse_level(answer, skill=skill_id, top=top, labels=labels, other=other)
                break
            except RatingError:
                said = (
                    _("No answer.")
                    if not answer.strip()
                    else _("'{answer}' is not a level.").format(answer=answer.strip())
                )
                console.print(f"[red]{escape(said)}[/] {escape(accepted)}")
    console.print()
    return answers
