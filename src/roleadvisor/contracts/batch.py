"""What one batch record shows in the table for people (``batch --format table``).

Plain data, filled by ``batch.writers`` from the measures and read by
``render.batchtable``: titles and band labels in the active language, numbers as numbers.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class GapShown:
    """A critical gap: the skill's title, the level held and the level the role needs."""

    skill: str
    have: int
    need: int


@dataclass(frozen=True)
class RankedRole:
    """One role of a person's ranking: its title, match, fit and readiness band."""

    title: str
    match: float
    fit: float
    band: str  # the band id (``ready``): it picks the colour
    band_label: str
    critical: tuple[GapShown, ...] = ()


@dataclass(frozen=True)
class BatchRow:
    """One input record: its id (text, ``""`` when it has none), its line, and its roles or error."""

    id: str
    line: int
    roles: tuple[RankedRole, ...] = ()
    error: str | None = None
