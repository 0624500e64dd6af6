"""Renderers, chosen from one registry by (contract kind, format).

A renderer takes a contract and nothing else, and returns either exact text
(JSON, Markdown, HTML, SVG, a plain line) or a Rich renderable for a console.
Renderer modules are imported only when their format is asked for, so
``--format json`` never imports Rich.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

from roleadvisor.contracts import Contract
from roleadvisor.errors import UsageError
from roleadvisor.records import record

JSON = "json"

# (kind, format) -> "module:function"; JSON is the contract's own ``to_json``, for every kind.
RENDERERS: dict[tuple[str, str], str] = {
    ("assess", "table"): "roleadvisor.render.table:assess_table",
    ("assess", "markdown"): "roleadvisor.render.markdown:assess_markdown",
    ("assess", "html"): "roleadvisor.render.html:assess_html",
    ("assess", "svg"): "roleadvisor.render.svg:assess_svg",
    ("roles", "table"): "roleadvisor.render.browse:roles_table",
    ("role", "table"): "roleadvisor.render.browse:role_table",
    ("lifecycle", "table"): "roleadvisor.render.browse:lifecycle_table",
    ("skills", "table"): "roleadvisor.render.browse:skills_table",
    ("decode", "table"): "roleadvisor.render.browse:decode_table",
    ("decode", "profile"): "roleadvisor.render.plain:decode_profile",
    ("compare", "table"): "roleadvisor.render.compare:compare_table",
    ("rank", "table"): "roleadvisor.render.rank:rank_table",
    ("rank", "markdown"): "roleadvisor.render.rank:rank_markdown",
    ("validate", "table"): "roleadvisor.render.plain:validation_line",
    ("cohort", "table"): "roleadvisor.render.cohort:cohort_table",
    ("cohort", "html"): "roleadvisor.render.cohort_html:cohort_html",
}

# What an --output file's extension says about the format it wants.
EXTENSION_FORMATS = {
    ".json": "json",
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "table",
    ".html": "html",
    ".htm": "html",
    ".svg": "svg",
}


@record
class Rendered:
    """A rendered result: exact ``text``, or a Rich renderable in ``rich`` (tables for people)."""

    fmt: str
    text: str | None = None
    rich: Any = None


def formats(kind: str) -> tuple[str, ...]:
    """Every format a contract kind can be rendered in (table first when it has one)."""
    own = [fmt for (k, fmt) in RENDERERS if k == kind]
    return (*own, JSON)


def choose_format(kind: str, explicit: str | None, output: Path | None, default: str = "table") -> str:
    """The format asked for, else the one ``--output``'s extension names, else ``default``."""
    if explicit is not None:
        return explicit
    if output is None:
        return default
    suffix = output.suffix.lower()
    fmt = EXTENSION_FORMATS.get(suffix)
    if fmt is None or fmt not in formats(kind):
        known = ", ".join(ext for ext, f in EXTENSION_FORMATS.items() if f in formats(kind))
        raise UsageError(
            f"--output {output}: cannot tell the format from the extension "
            f"{suffix or '(none)'!r}; use one of {known} or pass --format"
        )
    return fmt


def render(contract: Contract, fmt: str) -> Rendered:
    """``contract`` rendered in ``fmt``."""
    if fmt == JSON:
        return Rendered(fmt, text=contract.to_json())
    target = RENDERERS.get((contract.kind, fmt))
    if target is None:
        known = ", ".join(formats(contract.kind))
        raise UsageError(f"{contract.kind} cannot be shown as {fmt}; formats: {known}")
    module_name, _, function = target.partition(":")
    result = getattr(importlib.import_module(module_name), function)(contract)
    if isinstance(result, str):
        return Rendered(fmt, text=result)
    return Rendered(fmt, rich=result)
