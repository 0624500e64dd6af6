"""Compile the ``.po`` message files of one language into one gettext ``.mo`` (with Babel).

The build runs this (``hatch_build.py`` loads this file by path), so an installed
roleadvisor reads compiled ``.mo`` files; ``roleadvisor.i18n`` runs it only in a
source checkout whose ``.po`` files changed since they were compiled. A language's
messages may be split over several ``.po`` files (one per part of the interface);
a message translated in two of them must be translated alike. A plural message has
exactly as many forms as the language has (Russian 3; Persian 1: a noun after a
number stays singular, "5 levels" reads «۵ سطح», noun singular).
"""

from __future__ import annotations

import io
from pathlib import Path


def compile_po(sources: list[Path], language: str) -> bytes:
    """The ``.mo`` bytes of every translated, non-fuzzy message in ``sources``.

    ``ValueError`` when one message is translated differently in two of them.
    """
    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import PoFileError, read_po

    merged = Catalog(locale=language, domain="roleadvisor")
    where: dict[object, Path] = {}
    for path in sources:
        with path.open("rb") as fh:
            try:
                catalog = read_po(fh, locale=language, abort_invalid=True)
            except PoFileError as exc:
                raise ValueError(f"{path}: line {exc.lineno + 1}: {exc}") from None
        for message in catalog:
            if not message.id or message.fuzzy or not message.string:
                continue
            key = message.id if isinstance(message.id, str) else message.id[0]
            existing = merged.get(message.id)
            if existing is not None and existing.string != message.string:
                raise ValueError(f"{path.name}: {key!r} is translated differently in {where[key].name}")
            merged[message.id] = message
            where[key] = path
    out = io.BytesIO()
    write_mo(out, merged)
    return out.getvalue()
