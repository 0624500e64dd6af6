"""``roleadvisor cohort``: read the people (as ``batch`` does), describe the cohort, build the report."""

from __future__ import annotations

from dataclasses import dataclass

from roleadvisor.batch.source import BadRecord, InputSpec, open_source, read_people
from roleadvisor.catalog.models import Catalog
from roleadvisor.contracts.cohort import CohortReport, SkippedOut, build_cohort
from roleadvisor.errors import EXIT_OK, EXIT_PARTIAL, BatchInputError, UsageError
from roleadvisor.i18n import _, ngettext
from roleadvisor.output import note

MAX_ERROR_LINES = 20  # bad records listed on stderr, as batch lists them
MAX_PEOPLE = 1_000_000  # everyone is held in memory at once
DELIMITERS = {",": ",", ";": ";", "\t": "\t", "tab": "\t", "\\t": "\t"}


@dataclass(frozen=True)
class CohortOptions:
    """What the command line asked for."""

    input: str
    input_format: str | None = None
    id_column: str | None = None
    delimiter: str | None = None
    target: str | None = None


def delimiter(value: str | None) -> str | None:
    """``--delimiter``: ``,``, ``;`` or a tab (``tab`` or ``\\t`` typed out)."""
    if value is None:
        return None
    found = DELIMITERS.get(value.lower() if len(value) > 1 else value)
    if found is None:
        raise UsageError(
            _("--delimiter: {value!r} is not a delimiter roleadvisor reads; use ',', ';' or tab").format(
                value=value[:40]
            )
        )
    return found


def report_bad_records(bad: tuple[BadRecord, ...]) -> None:
    """The first ``MAX_ERROR_LINES`` bad records on stderr, then how many more there were."""
    for record in bad[:MAX_ERROR_LINES]:
        note(f"bad record: {record.describe()}")
    if len(bad) > MAX_ERROR_LINES:
        hidden = len(bad) - MAX_ERROR_LINES
        note(
            ngettext("... and {count} more bad record", "... and {count} more bad records", hidden).format(
                count=hidden
            )
        )


def cohort_report(catalog: Catalog, options: CohortOptions) -> tuple[CohortReport, int]:
    """Read the people, describe them, and return the report with the exit code it deserves
    (0 every record read, 3 some skipped). No usable record at all is ``BatchInputError`` (exit 2)."""
    from roleadvisor.cohort import analyse
    from roleadvisor.vector import Matrices

    target = None
    if options.target is not None:
        from roleadvisor.lookup import resolve_role

        target = catalog.role_ids.index(resolve_role(options.target, catalog).id)
    spec = InputSpec(options.input, options.input_format, options.id_column, delimiter(options.delimiter))
    with open_source(spec) as source:
        people = read_people(source, catalog, limit=MAX_PEOPLE)
        name = source.name
    report_bad_records(people.bad)
    if len(people) == 0:
        if people.bad:
            raise BatchInputError(
                ngettext(
                    "{name}: the only record could not be read; a cohort needs at least one person",
                    "{name}: none of the {count} records could be read; a cohort needs at least one person",
                    len(people.bad),
                ).format(name=name, count=len(people.bad))
            )
        raise BatchInputError(
            _("{name}: no profiles found; a cohort needs at least one person").format(name=name)
        )
    m = Matrices.from_catalog(catalog)
    cohort = analyse(m, catalog, people.ids, people.ratings, target=target)
    skipped = tuple(SkippedOut(line=b.line, id=b.id, message=b.message) for b in people.bad)
    report = build_cohort(
        cohort, m, catalog, source=name, lines=tuple(int(x) for x in people.lines), skipped=skipped
    )
    if people.bad:
        note(
            ngettext(
                "cohort: {total} records, {people} read, {count} skipped",
                "cohort: {total} records, {people} read, {count} skipped",
                len(people.bad),
            ).format(total=len(people) + len(people.bad), people=len(people), count=len(people.bad))
        )
    return report, EXIT_PARTIAL if people.bad else EXIT_OK
