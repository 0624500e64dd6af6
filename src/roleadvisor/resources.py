"""Choosing learning resources for one step (raise a skill from one level to another).

Pure: reads the catalogue's resource list, no I/O, no printing. The person's
languages come in ``prefer`` with the kinds (``assess --prefer ru,video``, else
the interface language, added by ``roleadvisor.commands.assess``).
"""

from __future__ import annotations

from roleadvisor.catalog.models import RESOURCE_KINDS, Catalog, Resource

BROAD = 3  # a resource listing this many skill areas or more is spread across them
ENGLISH = "en"  # the catalogue's own language: after the person's languages, before any other


def pick_resources(
    catalog: Catalog, skill: str, have: int, need: int, prefer: tuple[str, ...] = (), limit: int = 3
) -> tuple[Resource, ...]:
    """Resources for raising ``skill`` from ``have`` to ``need``, best first.

    ``prefer`` holds the person's preferred resource kinds (``video``, ``book``,
    ...) and languages (``ru``, ``fa``, ``en``), each in their order of
    preference; the two never share a name. With no language in it, English is
    the preferred one.

    A resource qualifies when it lists ``skill`` and its level range
    ``[low, high]`` meets the levels the step climbs through, ``have+1`` to
    ``need``. The qualifying resources are ordered by these rules, each one
    deciding only between resources the rules before it found equal:

    1. the person's languages first, in the order given in ``prefer``, then
       English, then any other language: a resource in a language the person
       did not ask for is never hidden, only ordered after;
    2. the person's preferred kinds first, in the order given in ``prefer``;
    3. a resource whose range contains ``need``, the level the step ends at,
       before one that stops short of it;
    4. the range sitting tightest around ``need``: count the levels between
       ``low`` and ``need`` and between ``need`` and ``high``, fewest first. A
       resource for exactly that level comes first; one spread far below or
       far above it comes late. For a step ending at 3, [3, 3] comes first,
       then [2, 3] and [3, 4], then [1, 3], [2, 4] and [3, 5];
    5. of two ranges equally tight, the one reaching fewer levels above
       ``need``: [2, 3] before [3, 4], so nobody is sent ahead of the step;
    6. a resource about one or two skill areas before one spread across three
       or more;
    7. catalogue order.
    """
    kinds = tuple(p for p in prefer if p in RESOURCE_KINDS)
    languages = tuple(p for p in prefer if p not in RESOURCE_KINDS) or (ENGLISH,)
    first = have + 1
    found = [
        (pos, r)
        for pos, r in enumerate(catalog.resources)
        if skill in r.skills and max(r.low, first) <= min(r.high, need)
    ]

    def language_rank(language: str) -> int:
        if language in languages:
            return languages.index(language)
        return len(languages) + (language != ENGLISH)

    def key(item: tuple[int, Resource]) -> tuple[int, int, bool, int, int, bool, int]:
        pos, r = item
        rank = kinds.index(r.kind) if r.kind in kinds else len(kinds)
        spread = abs(need - r.low) + abs(r.high - need)
        ahead = max(0, r.high - need)
        return (
            language_rank(r.language),
            rank,
            not r.low <= need <= r.high,
            spread,
            ahead,
            len(r.skills) >= BROAD,
            pos,
        )

    return tuple(r for _, r in sorted(found, key=key)[:limit])
