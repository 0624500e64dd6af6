"""Everyone in one input, for the commands that look at people together (``cohort``, ``rank``).

They read exactly as ``batch`` reads (``roleadvisor.batch.source``) and list
the records they had to skip on stderr the way ``batch`` does.
"""

from __future__ import annotations

from roleadvisor.batch.source import BadRecord, InputSpec, People, open_source, read_people
from roleadvisor.catalog.models import Catalog
from roleadvisor.i18n import _, ngettext, number
from roleadvisor.output import note
from roleadvisor.ratings import half_levels_note

MAX_ERROR_LINES = 20  # bad records listed on stderr, as batch does


def read_everyone(spec: InputSpec, catalog: Catalog, *, limit: int, command: str) -> tuple[People, str]:
    """Every record of ``spec`` (at most ``limit`` good ones) and the input's name.

    Bad records are listed on stderr, and half levels counted there (``cohort: 2 half
    levels read as the level below (3.5 -> 3)``), as ``batch`` does.
    """
    with open_source(spec) as source:
        people = read_people(source, catalog, limit=limit)
        name = source.name
    report_bad_records(people.bad)
    if people.half_levels:
        note(f"{command}: {half_levels_note(people.half_levels, people.half_example)}")
    return people, name


def report_bad_records(bad: tuple[BadRecord, ...]) -> None:
    """The first ``MAX_ERROR_LINES`` bad records on stderr, then how many more there were."""
    for record in bad[:MAX_ERROR_LINES]:
        note(_("bad record: {record}").format(record=record.describe()))
    if len(bad) > MAX_ERROR_LINES:
        hidden = len(bad) - MAX_ERROR_LINES
        note(
            ngettext("... and {count} more bad record", "... and {count} more bad records", hidden).format(
                count=number(hidden)
            )
        )
