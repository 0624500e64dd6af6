"""Ratings from the command line and from profile files, validated against a catalogue."""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from roleadvisor.catalog.models import Catalog
from roleadvisor.errors import ProfileError, RatingError
from roleadvisor.lookup import resolve_skill
from roleadvisor.safeyaml import YamlProblem, load_yaml
from roleadvisor.textfile import read_text

PROFILE_MAX_BYTES = 1024 * 1024
PROFILE_KEYS = ("name", "ratings")


@dataclass(frozen=True)
class Profile:
    """A person's name (optional) and their ratings, by skill id."""

    name: str | None
    ratings: Mapping[str, int]


def parse_level(value: object, *, skill: str, top: int, source: str = "") -> int:
    """A level 0..top from an int, an integral float or a numeric string."""
    prefix = f"{source}: " if source else ""
    what = f"{prefix}rating for {skill!r}"
    if isinstance(value, bool) or value is None:
        raise RatingError(f"{what} is {value!r}, not a number; use a whole number 0-{top}")
    if isinstance(value, str):
        text = value.strip()
        try:
            number: float = int(text)
        except ValueError:
            try:
                number = float(text)
            except ValueError:
                raise RatingError(f"{what} is {value!r}, not a number; use a whole number 0-{top}") from None
    elif isinstance(value, int | float):
        number = value
    else:
        raise RatingError(f"{what} must be a whole number 0-{top}, got a {type(value).__name__}")
    if isinstance(number, float) and (not math.isfinite(number) or not number.is_integer()):
        raise RatingError(f"{what} is {value!r}; levels are whole numbers 0-{top}")
    level = int(number)
    if not 0 <= level <= top:
        raise RatingError(f"{what} is {level}, outside the scale 0-{top}")
    return level


def parse_rate_options(options: Iterable[str], catalog: Catalog) -> dict[str, int]:
    """``["ml=3", "stats=4"]`` -> ``{"ml": 3, "stats": 4}``; later options win."""
    out: dict[str, int] = {}
    for option in options:
        skill_text, sep, level_text = option.partition("=")
        if not sep or not skill_text.strip() or not level_text.strip():
            raise RatingError(f"--rate {option!r}: expected SKILL=LEVEL, for example --rate ml=3")
        skill = resolve_skill(skill_text, catalog, source="--rate")
        out[skill] = parse_level(level_text, skill=skill, top=catalog.scale.max, source="--rate")
    return out


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
    ratings: dict[str, int] = {}
    for key, value in raw.items():
        skill = resolve_skill(str(key), catalog, source=source)
        ratings[skill] = parse_level(value, skill=skill, top=catalog.scale.max, source=source)
    return Profile(name=None if name is None else str(name), ratings=ratings)


def parse_profile_text(text: str, catalog: Catalog, *, source: str, as_json: bool) -> Profile:
    """Parse profile text as JSON or YAML and validate it."""
    if as_json:
        try:
            data = json.loads(text, parse_constant=_reject_constant)
        except json.JSONDecodeError as exc:
            raise ProfileError(f"{source}: line {exc.lineno}, column {exc.colno}: {exc.msg}") from None
        except (ValueError, RecursionError) as exc:
            raise ProfileError(f"{source}: {exc}") from None
    else:
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
