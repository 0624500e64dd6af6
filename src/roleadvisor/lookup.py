"""Matching what people type against catalogue ids.

Skills in ratings are never guessed: an unknown name is an error with a
did-you-mean.
"""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz import fuzz, process, utils

from roleadvisor.catalog.models import Catalog
from roleadvisor.errors import RatingError

SUGGEST_CUTOFF = 60.0


def did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    """The closest choice to ``word`` if any is reasonably close."""
    options = list(choices)
    if not options:
        return None
    best = process.extractOne(
        word,
        options,
        scorer=fuzz.WRatio,
        processor=utils.default_process,
        score_cutoff=SUGGEST_CUTOFF,
    )
    return None if best is None else str(best[0])


def resolve_skill(name: str, catalog: Catalog, *, source: str = "") -> str:
    """The skill id ``name`` denotes (exact id, any case), or a ``RatingError``."""
    key = name.strip().lower()
    if key in catalog.skill_ids:
        return key
    prefix = f"{source}: " if source else ""
    hint = did_you_mean(name, catalog.skill_ids)
    suggestion = f"; did you mean {hint!r}?" if hint else ""
    raise RatingError(f"{prefix}unknown skill {name!r}{suggestion} (skills: {', '.join(catalog.skill_ids)})")
