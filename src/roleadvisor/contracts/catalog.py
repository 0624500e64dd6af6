"""What ``roleadvisor catalog validate`` reports: valid or not, and every problem by place."""

from __future__ import annotations

from typing import Any

from roleadvisor.catalog.models import Catalog
from roleadvisor.contracts import Contract
from roleadvisor.records import record


@record(frozen=False, eq=False, kw_only=True)
class ValidationReport(Contract):
    """``roleadvisor catalog validate --format json``; the counts are present only when valid.

    ``warnings`` are things a valid catalogue probably does not mean (an alias
    that is a common word); they do not make it invalid.
    """

    kind = "validate"

    catalog: str
    valid: bool
    problems: tuple[str, ...]
    warnings: tuple[str, ...] = ()
    version: str | None = None
    skills: int | None = None
    stages: int | None = None
    roles: int | None = None

    def to_data(self) -> Any:  # noqa: ANN401 - JSON data
        """The JSON data; ``version`` and the counts only for a valid catalogue."""
        data: dict[str, Any] = {
            "catalog": self.catalog,
            "valid": self.valid,
            "problems": list(self.problems),
            "warnings": list(self.warnings),
        }
        if self.valid:
            data.update(version=self.version, skills=self.skills, stages=self.stages, roles=self.roles)
        return data


def validation_report(
    shown_as: str, catalog: Catalog | None, problems: list[str], warnings: list[str] | None = None
) -> ValidationReport:
    """The result of validating the catalogue shown as ``shown_as``."""
    if catalog is None:
        return ValidationReport(catalog=shown_as, valid=False, problems=tuple(problems))
    return ValidationReport(
        catalog=shown_as,
        valid=True,
        problems=(),
        warnings=tuple(warnings or ()),
        version=catalog.version,
        skills=len(catalog.skills),
        stages=len(catalog.stages),
        roles=len(catalog.roles),
    )
