"""Matching what people type against the catalogue.

Roles and skills named on their own (``roleadvisor role "ML eng"``) are matched
fuzzily on id, title and aliases, ignoring case and punctuation: a clear winner
is used, a close call is an error listing the candidates, and nothing close is
an error with a did-you-mean.

Skills in ratings are never guessed: ``--rate mll=3`` is an error with a
did-you-mean, because a silently substituted skill would corrupt the result.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from roleadvisor.catalog.models import Catalog, Role, Skill
from roleadvisor.errors import LookupFailed
from roleadvisor.i18n import _
from roleadvisor.records import record
from roleadvisor.text import fold
from roleadvisor.text import normalise as normalise  # noqa: PLC0414 - re-exported for existing importers

SUGGEST_CUTOFF = 60.0  # below this WRatio score nothing is suggested
MATCH_CUTOFF = 75.0  # a name scoring at least this is a match
CLEAR_MARGIN = 8.0  # a runner-up within this many points makes the call ambiguous
PREFIX_SCORE = 95.0  # the query is the start of a name: "ml eng" -> "ml engineer"
SUBSET_SCORE = 90.0  # every word of the query is in a name
MAX_LISTED = 5


def did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    """The closest choice to ``word`` if any is reasonably close."""
    options = list(choices)
    if not options:
        return None
    from rapidfuzz import fuzz, process, utils

    best = process.extractOne(
        word,
        options,
        scorer=fuzz.WRatio,
        processor=utils.default_process,
        score_cutoff=SUGGEST_CUTOFF,
    )
    return None if best is None else str(best[0])


@record
class Candidate:
    """A catalogue entry scored against a query (0-100), with the name that matched best."""

    id: str
    score: float
    matched: str


def _name_score(query: str, name: str) -> float:
    if query == name:
        return 100.0
    if len(query) >= 3 and name.startswith(query):
        return PREFIX_SCORE
    if set(query.split()) <= set(name.split()):
        return SUBSET_SCORE  # every word typed is in the name: "platform" -> "ml platform engineer"
    from rapidfuzz import fuzz

    return max(float(fuzz.ratio(query, name)), float(fuzz.token_sort_ratio(query, name)))


def rank_names(query: str, entries: Sequence[tuple[str, Sequence[str]]]) -> list[Candidate]:
    """Entries ``(id, names)`` scored against ``query`` by their best name, best first."""
    q = fold(query)
    out: list[Candidate] = []
    for entry_id, names in entries:
        best = Candidate(entry_id, 0.0, entry_id)
        for name in names:
            score = _name_score(q, fold(name))
            if score > best.score:
                best = Candidate(entry_id, score, name)
        out.append(best)
    return sorted(out, key=lambda c: (-c.score, c.id))


def _messages(kind: str) -> dict[str, str]:
    """What ``_resolve`` says about a role or a skill (whole sentences, for translation)."""
    if kind == "role":
        return {
            "blank": _("role name {name} has no letters or digits"),
            "none": _("the catalogue has no roles"),
            "ambiguous": _("role {name} is ambiguous; it could be:"),
            "unknown": _("no role matches {name} (see '{command}')"),
            "suggest": _("no role matches {name}; did you mean {id}? (see '{command}')"),
            "suggest_as": _("no role matches {name}; did you mean {id} ({matched})? (see '{command}')"),
        }
    return {
        "blank": _("skill name {name} has no letters or digits"),
        "none": _("the catalogue has no skills"),
        "ambiguous": _("skill {name} is ambiguous; it could be:"),
        "unknown": _("no skill matches {name} (see '{command}')"),
        "suggest": _("no skill matches {name}; did you mean {id}? (see '{command}')"),
        "suggest_as": _("no skill matches {name}; did you mean {id} ({matched})? (see '{command}')"),
    }


def _resolve(
    query: str,
    kind: str,
    entries: Sequence[tuple[str, Sequence[str]]],
    browse: str,
    *,
    shown: str | None = None,
) -> str:
    """Resolve ``query`` (a ``kind``, ``"role"`` or ``"skill"``); messages quote ``shown`` (what the
    person typed) if given."""
    typed = query if shown is None else shown
    say = _messages(kind)
    if not fold(query):
        raise LookupFailed(say["blank"].format(name=repr(typed)))
    key = fold(query)
    exact = {entry_id for entry_id, names in entries if any(fold(n) == key for n in names)}
    if len(exact) == 1:  # a name given in full: no fuzzy matching needed (nor rapidfuzz imported)
        return exact.pop()
    candidates = rank_names(query, entries)
    if not candidates:
        raise LookupFailed(say["none"])
    top = candidates[0]
    if top.score >= MATCH_CUTOFF:
        close = [c for c in candidates[1:] if c.score >= top.score - CLEAR_MARGIN]
        if top.score == 100.0 or not close:
            return top.id
        listed = [top, *close][:MAX_LISTED]
        raise LookupFailed(
            say["ambiguous"].format(name=repr(typed)),
            details=[_describe(c, entries) for c in listed]
            + [_("name one of them more fully, or see '{command}'").format(command=browse)],
        )
    if top.score < SUGGEST_CUTOFF:
        raise LookupFailed(say["unknown"].format(name=repr(typed), command=browse))
    which = "suggest_as" if top.matched != top.id else "suggest"
    raise LookupFailed(
        say[which].format(name=repr(typed), id=repr(top.id), matched=top.matched, command=browse)
    )


def _describe(candidate: Candidate, entries: Sequence[tuple[str, Sequence[str]]]) -> str:
    """``research-engineer  Research Engineer`` (plus the alias that matched, if another)."""
    names = dict(entries)[candidate.id]
    title = names[1] if len(names) > 1 else candidate.id
    if fold(candidate.matched) not in (fold(candidate.id), fold(title)):
        return _("{id}  {title} (as {name})").format(
            id=candidate.id, title=title, name=repr(candidate.matched)
        )
    return f"{candidate.id}  {title}"


def strip_words(text: str, words: Iterable[str]) -> str:
    """``text`` normalised, without the given words or phrases (``"staff"``, ``"head of"``)."""
    padded = f" {fold(text)} "
    for word in sorted((fold(w) for w in words), key=len, reverse=True):
        if word:
            while f" {word} " in padded:
                padded = padded.replace(f" {word} ", " ")
    return padded.strip()


def resolve_role(query: str, catalog: Catalog) -> Role:
    """The role ``query`` names (id, title or alias, fuzzily), or ``LookupFailed``."""
    entries = [(role.id, role.names) for role in catalog.roles]
    seniority = [word for group in catalog.seniority for word in group.words]
    bare = strip_words(query, seniority) or query  # "Staff ML Platform Engineer" -> "ml platform engineer"
    return catalog.role(_resolve(bare, "role", entries, "roleadvisor roles", shown=query))


def resolve_skill_query(query: str, catalog: Catalog) -> Skill:
    """The skill area ``query`` names (id or title, fuzzily), or ``LookupFailed``.

    For browsing only; ratings use the strict rule of ``roleadvisor.ratings``.
    """
    entries = [(skill.id, (skill.id, skill.title)) for skill in catalog.skills]
    return catalog.skill(_resolve(query, "skill", entries, "roleadvisor skills"))
