"""Choosing learning resources for one step (raise a skill from one level to another).

Pure: reads the catalogue's resource list, no I/O, no printing.
"""

from __future__ import annotations

from roleadvisor.catalog.models import Catalog, Resource


def pick_resources(
    catalog: Catalog, skill: str, have: int, need: int, prefer: tuple[str, ...] = (), limit: int = 3
) -> tuple[Resource, ...]:
    """Resources for raising ``skill`` from ``have`` to ``need``, best first.

    A resource qualifies when its level range meets ``have+1..need``. Order:
    the person's preferred kinds in the order given, then resources whose range
    contains ``need``, then the narrower range, then catalogue order.
    """
    wanted = range(have + 1, need + 1)
    found = [
        (pos, r)
        for pos, r in enumerate(catalog.resources)
        if skill in r.skills and any(r.low <= lvl <= r.high for lvl in wanted)
    ]

    def key(item: tuple[int, Resource]) -> tuple[int, int, int, int]:
        pos, r = item
        rank = prefer.index(r.kind) if r.kind in prefer else len(prefer)
        return (rank, 0 if r.low <= need <= r.high else 1, r.high - r.low, pos)

    return tuple(r for _, r in sorted(found, key=key)[:limit])
