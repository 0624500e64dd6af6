"""``roleadvisor compare OLD NEW``: what changed between two reports or profiles."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from roleadvisor.catalog.models import Catalog
from roleadvisor.compare import compare
from roleadvisor.contracts.compare import CompareReport, SideOut, compare_view
from roleadvisor.engine import Model
from roleadvisor.errors import ProfileError, YamlProblem
from roleadvisor.i18n import _
from roleadvisor.output import note
from roleadvisor.profile import PROFILE_MAX_BYTES, Profile, profile_from_data
from roleadvisor.ratings import half_level_note, noting_half_levels
from roleadvisor.textfile import read_text

REPORT_MAX_BYTES = 16 * PROFILE_MAX_BYTES


def load_side(path: Path, catalog: Catalog) -> tuple[Profile, str | None]:
    """The profile in a saved ``assess``/``decode`` JSON report or a profile file.

    Returns the profile and, for a report, the catalogue version it was made with.
    """
    text = read_text(path, what="report or profile", max_bytes=REPORT_MAX_BYTES, error=ProfileError)
    from roleadvisor.safeyaml import load_yaml

    try:
        data: Any = load_yaml(text)  # YAML is a superset of JSON
    except YamlProblem as exc:
        raise ProfileError(f"{path}: not a JSON report or a YAML/JSON profile: {exc}") from None
    if isinstance(data, dict) and "ratings" in data:
        return profile_from_data(data, catalog, source=str(path)), None
    inner = data.get("profile") if isinstance(data, dict) else None
    if isinstance(inner, dict) and "ratings" in inner:
        version = None
        meta = data.get("catalog")
        if isinstance(meta, dict) and isinstance(meta.get("version"), str):
            version = meta["version"]
        picked = {k: inner[k] for k in ("name", "ratings") if k in inner}
        profile = profile_from_data(picked, catalog, source=f"{path}: profile")
        return profile, version
    raise ProfileError(
        f"{path}: neither a report (a JSON object with profile.ratings, from 'assess --format json' "
        "or 'decode --format json') nor a profile (with ratings)"
    )


def _complete(profile: Profile, catalog: Catalog, path: Path) -> dict[str, int]:
    missing = [s for s in catalog.skill_ids if s not in profile.ratings]
    if missing:
        raise ProfileError(
            f"{path}: no rating for {', '.join(missing)}; was it made with another catalogue? "
            "(pass that catalogue with --catalog)"
        )
    return dict(profile.ratings)


def compare_contract(catalog: Catalog, old_path: Path, new_path: Path) -> CompareReport:
    """Load both sides and compare them.

    A note on stderr when a side used another catalogue, and for each rating given
    halfway between two levels (read as the lower one, as ``assess`` reads it).
    """
    sides = []
    for path in (old_path, new_path):
        with noting_half_levels() as halves:
            profile, version = load_side(path, catalog)
        for half in halves:
            note(_("note: {path}: {what}").format(path=path, what=half_level_note(half)))
        if version is not None and version != catalog.version:
            note(
                _(
                    "note: {path} was made with catalogue {version}; both sides are re-scored with "
                    "{current}, so its fits may differ from the saved ones"
                ).format(path=path, version=version, current=catalog.version)
            )
        sides.append(
            (
                _complete(profile, catalog, path),
                SideOut(file=str(path), name=profile.name, catalog_version=version),
            )
        )
    (old, old_side), (new, new_side) = sides
    return compare_view(compare(Model.from_catalog(catalog), old, new), catalog, old_side, new_side)
