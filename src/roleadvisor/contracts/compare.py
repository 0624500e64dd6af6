"""What ``roleadvisor compare`` reports: two profiles re-scored with one catalogue, and what changed."""

from __future__ import annotations

from roleadvisor.catalog.models import Catalog
from roleadvisor.compare import ClosedGap, Comparison
from roleadvisor.contracts import Contract, shown
from roleadvisor.contracts.common import CatalogOut, catalog_out
from roleadvisor.records import record


@record(frozen=False, eq=False, kw_only=True)
class SideOut:
    """One side of the comparison."""

    file: str
    name: str | None
    catalog_version: str | None


@record(frozen=False, eq=False, kw_only=True)
class RatingOut:
    """A skill's rating before and after."""

    skill: str
    old: int
    new: int
    change: int
    title: str = shown("")


@record(frozen=False, eq=False, kw_only=True)
class RoleChangeOut:
    """A role's fit and rank before and after (rank 1 = best fit)."""

    id: str
    title: str
    old_fit: float
    new_fit: float
    change: float
    old_rank: int
    new_rank: int


@record(frozen=False, eq=False, kw_only=True)
class GapChangeOut:
    """A gap closed (or opened) between the two profiles."""

    role: str
    skill: str
    old: int
    need: int
    role_title: str = shown("")
    skill_title: str = shown("")


@record(frozen=False, eq=False, kw_only=True)
class CompareReport(Contract):
    """``roleadvisor compare --format json``."""

    kind = "compare"

    old: SideOut
    new: SideOut
    ratings: list[RatingOut]
    roles: list[RoleChangeOut]
    gaps_closed: list[GapChangeOut]
    gaps_opened: list[GapChangeOut]
    catalog: CatalogOut


def _gap(gap: ClosedGap, catalog: Catalog) -> GapChangeOut:
    return GapChangeOut(
        role=gap.role_id,
        skill=gap.skill,
        old=gap.old,
        need=gap.need,
        role_title=catalog.role(gap.role_id).title,
        skill_title=catalog.skill(gap.skill).title,
    )


def compare_view(comparison: Comparison, catalog: Catalog, old: SideOut, new: SideOut) -> CompareReport:
    """The JSON shape of a comparison."""
    return CompareReport(
        old=old,
        new=new,
        ratings=[
            RatingOut(
                skill=r.skill, old=r.old, new=r.new, change=r.new - r.old, title=catalog.skill(r.skill).title
            )
            for r in comparison.ratings
        ],
        roles=[
            RoleChangeOut(
                id=r.role_id,
                title=catalog.role(r.role_id).title,
                old_fit=r.old_fit,
                new_fit=r.new_fit,
                change=r.change,
                old_rank=r.old_rank,
                new_rank=r.new_rank,
            )
            for r in comparison.roles
        ],
        gaps_closed=[_gap(g, catalog) for g in comparison.closed],
        gaps_opened=[_gap(g, catalog) for g in comparison.opened],
        catalog=catalog_out(catalog),
    )
