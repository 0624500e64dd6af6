"""roleadvisor: match a self-rated skill profile against ML roles and plan what to learn.

Importing the package costs nothing beyond this file: the Python API is loaded
on first use (PEP 562), so ``roleadvisor --version`` and ``--help`` stay fast.

    from roleadvisor import load_catalog, score_profiles
"""

from __future__ import annotations

TYPE_CHECKING = False  # no typing import at start-up; type checkers read this as True

__version__ = "0.1.0"

_LAZY = {
    "Catalog": "roleadvisor.catalog.models",
    "load_catalog": "roleadvisor.catalog.loader",
    "FitTable": "roleadvisor.api",
    "score_profiles": "roleadvisor.api",
}

__all__ = ["Catalog", "FitTable", "__version__", "load_catalog", "score_profiles"]

if TYPE_CHECKING:
    from typing import Any

    from roleadvisor.api import FitTable, score_profiles
    from roleadvisor.catalog.loader import load_catalog
    from roleadvisor.catalog.models import Catalog


def __getattr__(name: str) -> Any:  # noqa: ANN401 - whatever the named attribute is
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'roleadvisor' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})
