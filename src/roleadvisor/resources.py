"""Choosing learning resources for one step (raise a skill from one level to another).

Pure: reads the catalogue's resource list, no I/O, no printing. The person's
languages come in ``prefer`` with the kinds (``assess --prefer ru,video``, else
the interface language, added by ``roleadvisor.commands.assess``).
"""

from __future__ import annotations

from roleadvisor.catalog.models import RESOURCE_KINDS, Catalog, Resource

BROAD = 3  # a resource listing this many skill areas or more is spread across them
ENGLISH = "en"  # the catalogue's own language: after the person's preferences, before any other


def pick_resources(
    catalog: Catalog, skill: str, have: int, need: int, prefer: tuple[str, ...] = (), limit: int = 3
) -> tuple[Resource, ...]:
    """Resources for raising ``skill`` from ``have`` to ``need``, best first.

    ``prefer`` holds the person's preferences in their order: resource kinds
    (``video``, ``book``, ...) and languages (``ru``, ``fa``, ``en``); the two
    never share a name. ``assess`` passes ``--prefer`` as given, followed by the
    interface language when ``--prefer`` names none.

    A resource qualifies when it lists ``skill`` and its level range
    ``[low, high]`` meets the levels the step climbs through, ``have+1`` to
    ``need``. The qualifying resources are ordered by these rules, each one
    deciding only between resources the rules before it found equal:

    1. a resource in a language the person reads (English, and the languages
       in ``prefer``) before one in any other language: a Persian video is
       no use to a reader of English who asked for videos. Nothing is ever
       hidden, only ordered after;
    2. the person's preferences, the first one first: a resource meeting the
       first preference (of that kind, or in that language) comes before one
       that does not, then the second preference decides, and so on. With
       ``--lang ru --prefer course``: Russian courses, English courses, other
       Russian resources, other English ones; then English before the rest;
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

    A book and its translation (``translation_of``) are one book: only the one
    ordered first is given.
    """
    first = have + 1
    found = [
        (pos, r)
        for pos, r in enumerate(catalog.resources)
        if skill in r.skills and max(r.low, first) <= min(r.high, need)
    ]

    readable = {ENGLISH, *(p for p in prefer if p not in RESOURCE_KINDS)}

    def key(item: tuple[int, Resource]) -> tuple[bool, tuple[bool, ...], bool, bool, int, int, bool, int]:
        pos, r = item
        unmet = tuple(p not in (r.kind, r.language) for p in prefer)
        spread = abs(need - r.low) + abs(r.high - need)
        ahead = max(0, r.high - need)
        return (
            r.language not in readable,
            unmet,
            r.language != ENGLISH,
            not r.low <= need <= r.high,
            spread,
            ahead,
            len(r.skills) >= BROAD,
            pos,
        )

    chosen: list[Resource] = []
    for _, r in sorted(found, key=key):
        # one edition of a book: its translation and the original are the same book
        if any(r.translation_of == c.title or c.translation_of == r.title for c in chosen):
            continue
        chosen.append(r)
        if len(chosen) == limit:
            break
    return tuple(chosen)
