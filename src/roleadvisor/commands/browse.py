"""The browsing commands (``roles``, ``role``, ``lifecycle``, ``skills``) and ``decode``.

Each builds a contract; the CLI renders and writes it.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from roleadvisor.catalog.models import Catalog
from roleadvisor.contracts.browse import (
    LifecycleView,
    RolesView,
    RoleView,
    SkillsView,
    lifecycle_view,
    role_view,
    roles_view,
    skills_view,
)
from roleadvisor.errors import UsageError
from roleadvisor.i18n import _
from roleadvisor.output import note
from roleadvisor.textfile import decode_text as decode_bytes
from roleadvisor.textfile import read_text

if TYPE_CHECKING:
    from roleadvisor.contracts.decode import DecodeView


def roles_contract(catalog: Catalog, family: str | None) -> RolesView:
    """Every role, or those of one family (did-you-mean on a typo)."""
    if family is not None:
        families = list(dict.fromkeys(role.family for role in catalog.roles))
        key = family.strip().lower()
        if key not in families:
            from roleadvisor.lookup import did_you_mean

            hint = did_you_mean(family[:100], families)
            if hint:
                message = _("no role family {family}; did you mean {hint}? (families: {families})")
            else:
                message = _("no role family {family} (families: {families})")
            raise UsageError(
                message.format(family=repr(family[:40]), hint=repr(hint), families=", ".join(families))
            )
        family = key
    return roles_view(catalog, family)


def role_contract(catalog: Catalog, query: str) -> RoleView:
    """One role, looked up by id, title or alias."""
    from roleadvisor import i18n
    from roleadvisor.lookup import resolve_role

    return role_view(catalog, resolve_role(query, catalog), language=i18n.current())


def lifecycle_contract(catalog: Catalog) -> LifecycleView:
    """The production cycle's stages."""
    return lifecycle_view(catalog)


def skills_contract(catalog: Catalog, query: str | None) -> SkillsView:
    """Every skill area, or the one ``query`` names."""
    if query is None:
        return skills_view(catalog)
    from roleadvisor.lookup import resolve_skill_query

    return skills_view(catalog, resolve_skill_query(query, catalog).id)


def read_advert(text: str | None, file: Path | None, stdin_is_terminal: bool) -> str:
    """The text to decode: the argument, ``--file`` (``-`` for stdin), or piped stdin."""
    from roleadvisor.decode import MAX_TEXT_CHARS

    max_bytes = MAX_TEXT_CHARS * 4  # UTF-8 takes at most four bytes a character
    if text is not None and file is not None:
        raise UsageError(_("give the text or --file, not both"))
    if text is not None and text != "-":
        return text
    if file is not None and str(file) != "-":
        return read_text(file, what="advert", max_bytes=max_bytes)
    if stdin_is_terminal and text != "-" and file is None:
        raise UsageError(
            _(
                "nothing to decode: give a job title ('roleadvisor decode \"Senior ML Engineer\"'), "
                "--file ADVERT.txt, or pipe the advert to stdin"
            )
        )
    if sys.stdin is None:
        raise UsageError(_("nothing to decode: stdin is closed"))
    if sys.stdin.isatty():  # asked for with '-': say what the silence is waiting for
        note(_("Paste the advert, then press Ctrl-D on a new line."))
    data = sys.stdin.buffer.read(max_bytes + 1)
    return decode_bytes(data, name="<stdin>", what="advert", max_bytes=max_bytes)


def decode_contract(catalog: Catalog, text: str) -> DecodeView:
    """The likely roles of a title or advert, and the profile it asks for."""
    from roleadvisor.contracts.decode import decode_view
    from roleadvisor.decode import decode_text

    if not text.strip():
        raise UsageError(_("the text to decode is empty"))
    view = decode_view(decode_text(text, catalog), catalog)
    if view.warnings:
        from roleadvisor.output import warn

        for message in view.warnings:  # also in the report itself
            warn(message)
    return view
