"""Choosing learning resources for one step (raise a skill from one level to another).

Pure: reads the catalogue's resource list, no I/O, no printing.
"""

from __future__ import annotations

from roleadvisor.catalog.models import Catalog, Resource

BROAD = 3  # a resource listing this many skill areas or more is spread across them


def pick_resources(
    catalog: Catalog, skill: str, have: int, need: int, prefer: tuple[str, ...] = (), limit: int = 3
) -> tuple[Resource, ...]:
    """Resources for raising ``skill`` from ``have`` to ``need``, best first.

    A resource qualifies when it lists ``skill`` and its level range
    ``[low, high]`` meets the levels the step climbs through, ``have+1`` to
    ``need``. The qualifying resources are ordered by these rules, each one
    deciding only between resources the rules before it found equal:

    1. the person's preferred kinds first, in the order given in ``prefer``;
    2. a resource whose range contains ``need``, the level the step ends at,
       before one that stops short of it;
    3. the range sitting tightest around ``need``: count the levels between
       ``low`` and ``need`` and between ``need`` and ``high``, fewest first. A
       resource for exactly that level comes first; one spread far below or
       far above it comes late. For a step ending at 3, [3, 3] comes first,
       then [2, 3] and [3, 4], then [1, 3], [2, 4] and [3, 5];
    4. of two ranges equally tight, the one reaching fewer levels above
       ``need``: [2, 3] before [3, 4], so nobody is sent ahead of the step;
    5. a resource about one or two skill areas before one spread across three
       or more;
    6. catalogue order.
    """
    first = have + 1
    found = [
        (pos, r)
        for pos, r in enumerate(catalog.resources)
        if skill in r.skills and max(r.low, first) <= min(r.high, need)
    ]

    def key(item: tuple[int, Resource]) -> tuple[int, bool, int, int, bool, int]:
        pos, r = item
        rank = prefer.index(r.kind) if r.kind in prefer else len(prefer)
        spread = abs(need - r.low) + abs(r.high - need)
        ahead = max(0, r.high - need)
        return (rank, not r.low <= need <= r.high, spread, ahead, len(r.skills) >= BROAD, pos)

    return tuple(r for _, r in sorted(found, key=key)[:limit])
