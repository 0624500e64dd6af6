"""``roleadvisor cohort``: read the people (as ``batch`` does), describe the cohort, build the report."""

from __future__ import annotations

from dataclasses import dataclass

from roleadvisor.batch.source import InputSpec
from roleadvisor.catalog.models import Catalog
from roleadvisor.commands.people import read_everyone
from roleadvisor.contracts.cohort import CohortReport, build_cohort
from roleadvisor.contracts.common import SkippedOut
from roleadvisor.errors import EXIT_OK, EXIT_PARTIAL, BatchInputError
from roleadvisor.i18n import _, ngettext, number
from roleadvisor.output import note

MAX_PEOPLE = 1_000_000  # everyone is held in memory at once


@dataclass(frozen=True)
class CohortOptions:
    """What the command line asked for."""

    input: str
    input_format: str | None = None
    id_column: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    target: str | None = None


def cohort_report(catalog: Catalog, options: CohortOptions) -> tuple[CohortReport, int]:
    """Read the people, describe them, and return the report with the exit code it deserves
    (0 every record read, 3 some skipped). No usable record at all is ``BatchInputError`` (exit 2)."""
    from roleadvisor.cohort import analyse
    from roleadvisor.vector import Matrices

    target = None
    if options.target is not None:
        from roleadvisor.lookup import resolve_role

        target = catalog.role_ids.index(resolve_role(options.target, catalog).id)
    spec = InputSpec(options.input, options.input_format, options.id_column, options.delimiter, options.sheet)
    people, name = read_everyone(spec, catalog, limit=MAX_PEOPLE, command="cohort")
    if len(people) == 0:
        if people.bad:
            raise BatchInputError(
                ngettext(
                    "{name}: the only record could not be read; a cohort needs at least one person",
                    "{name}: none of the {count} records could be read; a cohort needs at least one person",
                    len(people.bad),
                ).format(name=name, count=number(len(people.bad)))
            )
        raise BatchInputError(
            _("{name}: no profiles found; a cohort needs at least one person").format(name=name)
        )
    m = Matrices.from_catalog(catalog)
    cohort = analyse(m, catalog, people.ids, people.ratings, target=target)
    skipped = tuple(SkippedOut(line=b.line, id=b.id, error=b.message) for b in people.bad)
    report = build_cohort(
        cohort, m, catalog, source=name, lines=tuple(int(x) for x in people.lines), skipped=skipped
    )
    if people.bad:
        note(
            ngettext(
                "cohort: {total} records, {people} read, {count} skipped",
                "cohort: {total} records, {people} read, {count} skipped",
                len(people.bad),
            ).format(
                total=number(len(people) + len(people.bad)),
                people=number(len(people)),
                count=number(len(people.bad)),
            )
        )
    return report, EXIT_PARTIAL if people.bad else EXIT_OK
