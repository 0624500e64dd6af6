"""Profile files (YAML or JSON, from a path or stdin), validated by the one ratings rule.

A saved JSON report (``assess --format json``) is read as a profile too: any mapping
with ``schema_version`` and ``profile.ratings``, of which only ``profile.name`` and
``profile.ratings`` are read. ``profile_text`` writes a profile back in the form
``--profile`` reads.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import IO, Any

from roleadvisor.catalog.models import Catalog
from roleadvisor.errors import ProfileError, YamlProblem
from roleadvisor.ratings import SkillKeys, ratings_from_mapping
from roleadvisor.records import record
from roleadvisor.textfile import decode_text, read_text

PROFILE_MAX_BYTES = 1024 * 1024
PROFILE_KEYS = ("name", "ratings")
REPORT_KEY = "schema_version"  # a mapping with this key and profile.ratings is a saved report


@record
class Profile:
    """A person's name (optional) and their ratings, by skill id."""

    name: str | None
    ratings: Mapping[str, int]


def is_report(data: object) -> bool:
    """Whether parsed data is a saved report: ``schema_version`` and ``profile.ratings`` (any version)."""
    if not isinstance(data, dict) or REPORT_KEY not in data or "ratings" in data:
        return False
    inner = data.get("profile")
    return isinstance(inner, dict) and "ratings" in inner


def profile_from_data(data: Any, catalog: Catalog, *, source: str) -> Profile:  # noqa: ANN401
    """Validate parsed profile data: ``{name?, ratings: {skill: level}}``, or a report's ``profile``."""
    if is_report(data):
        inner = data["profile"]
        picked = {key: inner[key] for key in PROFILE_KEYS if key in inner}
        return profile_from_data(picked, catalog, source=f"{source}: profile")
    if isinstance(data, dict) and REPORT_KEY in data and "ratings" not in data:
        raise ProfileError(
            f"{source}: a report (it has {REPORT_KEY!r}) without profile.ratings; "
            "save one with 'roleadvisor assess --format json', or pass a profile with 'ratings'"
        )
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


def profile_text(profile: Profile, catalog: Catalog, *, as_json: bool, missing: Sequence[str] = ()) -> str:
    """``profile`` as ``--profile`` reads it: YAML (with a comment) or JSON, ratings in catalogue order.

    ``missing`` names the skills a partial profile has no rating for yet (said in the YAML comment).
    """
    ratings = {skill: profile.ratings[skill] for skill in catalog.skill_ids if skill in profile.ratings}
    data: dict[str, object] = {} if profile.name is None else {"name": profile.name}
    data["ratings"] = ratings
    if as_json:  # also read as YAML ('--profile -'): what YAML cannot hold as written is escaped
        return _YAML_UNSAFE.sub(_escaped, json.dumps(data, indent=2, ensure_ascii=False)) + "\n"
    import yaml  # only when saving: it costs start-up time

    comment = (
        f"# roleadvisor profile (catalogue {catalog.version}); "
        "use it with: roleadvisor assess --profile FILE\n"
    )
    if missing:
        comment += (
            f"# Partial: no rating yet for {', '.join(missing)}; "
            "'roleadvisor assess --profile FILE' asks for them on a terminal.\n"
        )
    body = ""
    for readable in (True, False):  # non-ASCII as written; escaped when a name holds a line break
        body = yaml.safe_dump(
            data, allow_unicode=readable, sort_keys=False, default_flow_style=False, width=10**9
        )
        if _reads_back(body, data):
            break
    return comment + body


# Characters YAML does not read as written inside a quoted string (a line break, a non-printable
# one); JSON allows them raw, and in JSON text they can only be inside a string.
_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


def _escaped(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def _reads_back(text: str, data: object) -> bool:
    """Whether the YAML loader reads ``text`` as ``data``."""
    from roleadvisor.safeyaml import load_yaml

    try:
        return bool(load_yaml(text) == data)
    except YamlProblem:
        return False


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
