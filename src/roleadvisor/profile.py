"""Profile files (YAML or JSON, from a path or stdin), validated by the one ratings rule."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import IO, Any

from roleadvisor.catalog.models import Catalog
from roleadvisor.errors import ProfileError, YamlProblem
from roleadvisor.ratings import SkillKeys, ratings_from_mapping
from roleadvisor.records import record
from roleadvisor.textfile import decode_text, read_text

PROFILE_MAX_BYTES = 1024 * 1024
PROFILE_KEYS = ("name", "ratings")


@record
class Profile:
    """A person's name (optional) and their ratings, by skill id."""

    name: str | None
    ratings: Mapping[str, int]


def profile_from_data(data: Any, catalog: Catalog, *, source: str) -> Profile:  # noqa: ANN401
    """Validate parsed profile data: ``{name?, ratings: {skill: level}}``."""
    if not isinstance(data, dict):
        raise ProfileError(f"{source}: a profile must be a mapping with 'ratings' (and optional 'name')")
    unknown = [str(key) for key in data if key not in PROFILE_KEYS]
    if unknown:
        raise ProfileError(
            f"{source}: unknown key{'s' if len(unknown) > 1 else ''} {', '.join(map(repr, unknown))}; "
            f"a profile has {' and '.join(map(repr, PROFILE_KEYS))}"
        )
    name = data.get("name")
    if name is not None and not isinstance(name, str | int):
        raise ProfileError(f"{source}: name must be text")
    raw = data.get("ratings", {})
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise ProfileError(f"{source}: ratings must be a mapping of skill to level, like 'ml: 3'")
    ratings = ratings_from_mapping(raw, SkillKeys.of(catalog), source=source)
    return Profile(name=None if name is None else str(name), ratings=ratings)


def parse_profile_text(text: str, catalog: Catalog, *, source: str, as_json: bool) -> Profile:
    """Parse profile text as JSON or YAML (refusing deep nesting first) and validate it."""
    if as_json:
        from roleadvisor.safeyaml import check_nesting

        try:
            check_nesting(text, json=True)  # json.loads recurses in C once per level
        except YamlProblem as exc:
            raise ProfileError(f"{source}: {exc}") from None
        try:
            data = json.loads(text, parse_constant=_reject_constant)
        except json.JSONDecodeError as exc:
            raise ProfileError(f"{source}: line {exc.lineno}, column {exc.colno}: {exc.msg}") from None
        except (ValueError, RecursionError) as exc:
            raise ProfileError(f"{source}: {exc}") from None
    else:
        from roleadvisor.safeyaml import load_yaml

        try:
            data = load_yaml(text)
        except YamlProblem as exc:
            raise ProfileError(f"{source}: {exc}") from None
    if data is None:
        raise ProfileError(f"{source}: the profile is empty")
    return profile_from_data(data, catalog, source=source)


def _reject_constant(name: str) -> Any:  # noqa: ANN401
    raise ValueError(f"{name} is not a valid rating")


def load_profile(path: Path, catalog: Catalog) -> Profile:
    """Read and validate a YAML or JSON profile file."""
    text = read_text(path, what="profile", max_bytes=PROFILE_MAX_BYTES, error=ProfileError)
    return parse_profile_text(text, catalog, source=str(path), as_json=path.suffix.lower() == ".json")


def read_profile(spec: Path, catalog: Catalog, stdin: IO[bytes] | None) -> Profile:
    """The profile at ``spec``; ``-`` reads ``stdin`` (YAML or JSON)."""
    if str(spec) != "-":
        return load_profile(spec, catalog)
    if stdin is None:
        raise ProfileError("--profile -: stdin is closed")
    data = stdin.read(PROFILE_MAX_BYTES + 1)
    text = decode_text(data, name="<stdin>", what="profile", max_bytes=PROFILE_MAX_BYTES, error=ProfileError)
    return parse_profile_text(text, catalog, source="<stdin>", as_json=False)
