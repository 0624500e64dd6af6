"""roleadvisor: match a self-rated skill profile against ML roles and plan what to learn."""

from __future__ import annotations

from roleadvisor.api import FitTable, score_profiles
from roleadvisor.catalog.loader import load_catalog
from roleadvisor.catalog.models import Catalog

__version__ = "0.1.0"

__all__ = ["Catalog", "FitTable", "__version__", "load_catalog", "score_profiles"]
