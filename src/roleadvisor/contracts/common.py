"""Pieces several contracts share: which catalogue, whose profile, a resource, a reference."""

from __future__ import annotations

from roleadvisor.catalog.models import Catalog, Resource
from roleadvisor.records import record


@record(frozen=False, eq=False, kw_only=True)
class CatalogOut:
    """Which catalogue produced a result."""

    version: str
    scale_version: int
    source: str


def catalog_out(catalog: Catalog) -> CatalogOut:
    """Which catalogue a result came from."""
    return CatalogOut(version=catalog.version, scale_version=catalog.scale.version, source=catalog.source)


@record(frozen=False, eq=False, kw_only=True)
class ProfileOut:
    """The ratings that were scored, every skill of the catalogue included."""

    name: str | None
    ratings: dict[str, int]


@record(frozen=False, eq=False, kw_only=True)
class Ref:
    """An id with its title."""

    id: str
    title: str


@record(frozen=False, eq=False, kw_only=True)
class ResourceOut:
    """A learning resource from the catalogue."""

    title: str
    kind: str
    url: str | None


def resources_out(items: tuple[Resource, ...]) -> tuple[ResourceOut, ...]:
    """The catalogue's resources as they appear in results."""
    return tuple(ResourceOut(title=r.title, kind=r.kind, url=r.url) for r in items)


@record(frozen=False, eq=False, kw_only=True)
class SkippedOut:
    """A record of many (``cohort``, ``rank``) that could not be read: its line, its id if any, and why."""

    line: int
    id: str | None
    error: str
