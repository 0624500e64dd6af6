"""Shell-completion answers: role and skill ids, families, resource kinds and ratings from the catalogue.

Called by Click while the shell waits, so each is quiet: a catalogue that cannot
be loaded completes nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from roleadvisor.catalog.models import Catalog


def _completion_catalog(ctx: typer.Context) -> Catalog | None:
    """The catalogue for shell completion; ``None`` (no completions) if it cannot be loaded."""
    from roleadvisor.catalog.loader import load_catalog
    from roleadvisor.errors import RoleAdvisorError

    root = ctx.find_root()
    directory = root.params.get("catalog") if root.params else None
    try:
        return load_catalog(directory)
    except RoleAdvisorError:
        return None


def complete_role(ctx: typer.Context, incomplete: str) -> list[str]:
    """Role ids starting with what was typed."""
    catalog = _completion_catalog(ctx)
    if catalog is None:
        return []
    return [rid for rid in catalog.role_ids if rid.startswith(incomplete.lower())]


def complete_skill(ctx: typer.Context, incomplete: str) -> list[str]:
    """Skill ids starting with what was typed."""
    catalog = _completion_catalog(ctx)
    if catalog is None:
        return []
    return [sid for sid in catalog.skill_ids if sid.startswith(incomplete.lower())]


def complete_rating(ctx: typer.Context, incomplete: str) -> list[str]:
    """``skill=`` for each skill, then ``skill=N`` for each level once the skill is typed."""
    catalog = _completion_catalog(ctx)
    if catalog is None:
        return []
    skill, sep, _ = incomplete.partition("=")
    if sep and skill in catalog.skill_ids:
        levels = (f"{skill}={level}" for level in catalog.scale.levels)
        return [word for word in levels if word.startswith(incomplete)]
    return [f"{sid}=" for sid in catalog.skill_ids if sid.startswith(incomplete.lower())]


def complete_family(ctx: typer.Context, incomplete: str) -> list[str]:
    """Role families (core, research, adjacent, ...) starting with what was typed."""
    catalog = _completion_catalog(ctx)
    if catalog is None:
        return []
    families = dict.fromkeys(role.family for role in catalog.roles)
    return [family for family in families if family.startswith(incomplete.lower())]


def complete_kinds(incomplete: str) -> list[str]:
    """Resource kinds for ``--prefer``, after any already given (``video,bo`` -> ``video,book``)."""
    from roleadvisor.catalog.models import RESOURCE_KINDS

    done, _, last = incomplete.rpartition(",")
    prefix = f"{done}," if done else ""
    taken = set(done.split(","))
    return [prefix + kind for kind in RESOURCE_KINDS if kind.startswith(last) and kind not in taken]


def complete_language(incomplete: str) -> list[str]:
    """Languages for ``--lang``."""
    from roleadvisor.i18n import LANGUAGES

    return [code for code in LANGUAGES if code.startswith(incomplete.lower())]
