"""The contracts layer: every result roleadvisor shows, as plain records.

A command builds one contract; a renderer (``roleadvisor.render``) turns it into
a table, JSON, Markdown, HTML or SVG, and ``roleadvisor.output.emit`` writes it.
A contract carries the numbers *and* the prose a renderer needs, so no renderer
recomputes a sentence or reaches back into the catalogue.

They are ``@record(frozen=False, eq=False, kw_only=True)`` classes (see
``roleadvisor.records``): built once and written at once, they need no
freezing or comparison, and cost next to nothing to define.

Fields marked with ``shown()`` are for people only (titles, labels, sentences)
and stay out of the JSON, whose shape is pinned by tests and by the JSON Schema
(``roleadvisor.contracts.schema``). Stdlib only: no pydantic on the report path.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any, ClassVar

from roleadvisor.records import fields, is_record

JSON_INDENT = 2


def shown(default: Any = dataclasses.MISSING) -> Any:  # noqa: ANN401 - mirrors dataclasses.field
    """A field people see but programs do not: left out of ``to_data`` and the JSON."""
    if default is dataclasses.MISSING:
        return dataclasses.field(metadata={"json": False})
    return dataclasses.field(default=default, metadata={"json": False})


class Contract:
    """Base of the top-level results; ``kind`` names it in the renderer registry."""

    kind: ClassVar[str] = ""

    def to_data(self) -> Any:  # noqa: ANN401 - JSON data: dicts, lists, str, int, float, bool, None
        """The JSON data of this result (``shown()`` fields left out)."""
        return to_data(self)

    def to_json(self) -> str:
        """The JSON text programs read: two-space indent, UTF-8 characters kept, one final newline."""
        return json.dumps(self.to_data(), indent=JSON_INDENT, ensure_ascii=False) + "\n"


def to_data(value: object) -> Any:  # noqa: ANN401 - JSON data
    """Records to dicts in field order (skipping ``shown()`` fields), tuples to lists."""
    if is_record(value):
        shown_in_json = (f for f in fields(value) if f.metadata.get("json", True))
        return {f.name: to_data(getattr(value, f.name)) for f in shown_in_json}
    if isinstance(value, list | tuple):
        return [to_data(item) for item in value]
    if isinstance(value, dict):
        return {str(key): to_data(item) for key, item in value.items()}
    return value
