"""The browsing commands (``roles``, ``role``, ``lifecycle``, ``skills``) and ``decode``."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from pydantic import BaseModel
from rich.console import RenderableType

from roleadvisor.catalog.models import Catalog
from roleadvisor.decode import MAX_TEXT_CHARS, decode_text
from roleadvisor.errors import UsageError
from roleadvisor.lookup import did_you_mean, resolve_role, resolve_skill_query
from roleadvisor.output import stdout_console, write_stdout
from roleadvisor.textfile import decode_text as decode_bytes
from roleadvisor.textfile import read_text
from roleadvisor.views import decode_view, lifecycle_view, role_view, roles_view, skills_view

ADVERT_MAX_BYTES = MAX_TEXT_CHARS * 4


def _emit(model: BaseModel, fmt: str, render: Callable[[], RenderableType]) -> None:
    """JSON of the view model, or its table (rendered only when needed)."""
    if fmt == "json":
        write_stdout(model.model_dump_json(indent=2) + "\n")
    else:
        stdout_console().print(render())


def run_roles(catalog: Catalog, family: str | None, fmt: str) -> None:
    """List the roles, optionally of one family."""
    from roleadvisor.render.browse import render_roles

    if family is not None:
        families = list(dict.fromkeys(role.family for role in catalog.roles))
        key = family.strip().lower()
        if key not in families:
            hint = did_you_mean(family, families)
            suggestion = f"; did you mean {hint!r}?" if hint else ""
            raise UsageError(f"no role family {family!r}{suggestion} (families: {', '.join(families)})")
        family = key
    view = roles_view(catalog, family)
    _emit(view, fmt, lambda: render_roles(view))


def run_role(catalog: Catalog, query: str, fmt: str) -> None:
    """Show one role, looked up by id, title or alias."""
    from roleadvisor.render.browse import render_role

    view = role_view(catalog, resolve_role(query, catalog))
    _emit(view, fmt, lambda: render_role(view, catalog.scale.max))


def run_lifecycle(catalog: Catalog, fmt: str) -> None:
    """Show the production cycle's stages."""
    from roleadvisor.render.browse import render_lifecycle

    view = lifecycle_view(catalog)
    _emit(view, fmt, lambda: render_lifecycle(view))


def run_skills(catalog: Catalog, query: str | None, fmt: str) -> None:
    """Show every skill area (or the one ``query`` names) with its level descriptors."""
    from roleadvisor.render.browse import render_skills

    only = None if query is None else resolve_skill_query(query, catalog).id
    view = skills_view(catalog, only)
    _emit(view, fmt, lambda: render_skills(view))


def read_advert(text: str | None, file: Path | None, stdin_is_terminal: bool) -> str:
    """The text to decode: the argument, ``--file`` (``-`` for stdin), or piped stdin."""
    if text is not None and file is not None:
        raise UsageError("give the text or --file, not both")
    if text is not None and text != "-":
        return text
    if file is not None and str(file) != "-":
        return read_text(file, what="advert", max_bytes=ADVERT_MAX_BYTES)
    if stdin_is_terminal and text != "-" and file is None:
        raise UsageError(
            "nothing to decode: give a job title ('roleadvisor decode \"Senior ML Engineer\"'), "
            "--file ADVERT.txt, or pipe the advert to stdin"
        )
    data = sys.stdin.buffer.read(ADVERT_MAX_BYTES + 1)
    return decode_bytes(data, name="<stdin>", what="advert", max_bytes=ADVERT_MAX_BYTES)


def run_decode(catalog: Catalog, text: str, fmt: str) -> None:
    """Decode a title or advert and print the likely roles and the profile it asks for."""
    if not text.strip():
        raise UsageError("the text to decode is empty")
    from roleadvisor.render.browse import render_decode

    view = decode_view(decode_text(text, catalog), catalog)
    if fmt == "profile":
        write_stdout(view.profile.model_dump_json(indent=2) + "\n")
    else:
        _emit(view, fmt, lambda: render_decode(view, catalog.scale.max))
