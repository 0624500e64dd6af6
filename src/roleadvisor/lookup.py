"""Matching what people type (skill and role names) against catalogue ids.

Skills in ratings are never guessed: an unknown name is an error with a
did-you-mean. Roles are matched fuzzily on id, title and aliases.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process, utils

from roleadvisor.catalog.models import Catalog, Role
from roleadvisor.errors import LookupFailed, RatingError

SUGGEST_CUTOFF = 60.0
MATCH_CUTOFF = 75.0
CLEAR_MARGIN = 8.0


def normalise(text: str) -> str:
    """Lowercase, punctuation to spaces, single spaces: ``"ML-Eng."`` -> ``"ml eng"``."""
    return re.sub(r"\s+", " ", re.sub(r"[^0-9a-z+#]+", " ", text.lower())).strip()


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


@dataclass(frozen=True)
class Candidate:
    """A role that matched a query, with its score (0-100) and the name that matched."""

    role: Role
    score: float
    matched: str


def _names(role: Role) -> list[str]:
    return [role.id, role.title, *role.aliases]


def role_candidates(query: str, roles: Sequence[Role]) -> list[Candidate]:
    """Roles scored against ``query`` on id, title and aliases, best first."""
    q = normalise(query)
    out: list[Candidate] = []
    for role in roles:
        best = (0.0, role.id)
        for name in _names(role):
            n = normalise(name)
            if q == n:
                score = 100.0
            else:
                score = max(
                    fuzz.ratio(q, n),
                    # a query that is the start of a name ("ml eng") is a strong hint
                    95.0 if n.startswith(q) and len(q) >= 3 else 0.0,
                    fuzz.token_set_ratio(q, n) * 0.9,
                )
            if score > best[0]:
                best = (float(score), name)
        out.append(Candidate(role=role, score=best[0], matched=best[1]))
    return sorted(out, key=lambda c: (-c.score, c.role.id))


def resolve_role(query: str, catalog: Catalog) -> Role:
    """The role ``query`` denotes: a clear winner, else ``LookupFailed`` with candidates."""
    candidates = role_candidates(query, catalog.roles)
    if not candidates:
        raise LookupFailed("the catalogue has no roles")
    top = candidates[0]
    if top.score >= MATCH_CUTOFF:
        close = [c for c in candidates[1:] if c.score >= top.score - CLEAR_MARGIN]
        if top.score == 100.0 and not any(c.score == 100.0 for c in close):
            return top.role
        if not close:
            return top.role
        names = ", ".join(f"{c.role.id} ({c.matched})" for c in [top, *close][:5])
        raise LookupFailed(f"role {query!r} is ambiguous; it could be: {names}")
    hint = did_you_mean(query, [n for role in catalog.roles for n in _names(role)])
    suggestion = ""
    if hint is not None:
        owner = next(r.id for r in catalog.roles if hint in _names(r))
        suggestion = f"; did you mean {owner!r} ({hint})?"
    raise LookupFailed(f"no role matches {query!r}{suggestion} (see 'roleadvisor roles')")
