"""Progress over time: two profiles scored with one catalogue, and what changed.

Pure: both sides are re-scored with the same engine and catalogue, so a change
in fit is a change in the person, never in the catalogue.
"""

from __future__ import annotations

from collections.abc import Mapping

from roleadvisor.engine import Model, assess
from roleadvisor.records import record


@record
class RatingChange:
    """A skill rated on both sides."""

    skill: str
    old: int
    new: int


@record
class FitChange:
    """One role's fit and rank (1 = best) before and after."""

    role_id: str
    old_fit: float
    new_fit: float
    old_rank: int
    new_rank: int

    @property
    def change(self) -> float:
        """New fit minus old fit."""
        return round(self.new_fit - self.old_fit, 4)


@record
class ClosedGap:
    """A gap of a role that the new profile no longer has."""

    role_id: str
    skill: str
    old: int
    need: int


@record
class Comparison:
    """Everything that changed between two profiles."""

    ratings: tuple[RatingChange, ...]
    roles: tuple[FitChange, ...]  # in the new ranking's order
    closed: tuple[ClosedGap, ...]
    opened: tuple[ClosedGap, ...]  # gaps the new profile has and the old one did not


def compare(m: Model, old: Mapping[str, int], new: Mapping[str, int]) -> Comparison:
    """Score both profiles and list rating, fit, rank and gap changes."""
    before, after = assess(m, old), assess(m, new)
    old_rank = {r.role_id: n for n, r in enumerate(before.roles, start=1)}
    old_fit = {r.role_id: r.fit for r in before.roles}
    roles = tuple(
        FitChange(
            role_id=r.role_id,
            old_fit=old_fit[r.role_id],
            new_fit=r.fit,
            old_rank=old_rank[r.role_id],
            new_rank=n,
        )
        for n, r in enumerate(after.roles, start=1)
    )
    old_gaps = {(r.role_id, g.skill): g for r in before.roles for g in r.gaps}
    new_gaps = {(r.role_id, g.skill): g for r in after.roles for g in r.gaps}
    order = {role.role_id: n for n, role in enumerate(after.roles)}
    closed = tuple(
        ClosedGap(role_id=role_id, skill=skill, old=g.have, need=g.need)
        for (role_id, skill), g in sorted(old_gaps.items(), key=lambda kv: (order[kv[0][0]], kv[0][1]))
        if (role_id, skill) not in new_gaps
    )
    opened = tuple(
        ClosedGap(role_id=role_id, skill=skill, old=g.have, need=g.need)
        for (role_id, skill), g in sorted(new_gaps.items(), key=lambda kv: (order[kv[0][0]], kv[0][1]))
        if (role_id, skill) not in old_gaps
    )
    ratings = tuple(RatingChange(skill=s, old=int(old[s]), new=int(new[s])) for s in m.skill_ids)
    return Comparison(ratings=ratings, roles=roles, closed=closed, opened=opened)
