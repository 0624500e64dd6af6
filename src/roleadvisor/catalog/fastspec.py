"""The catalogue's file formats read without pydantic, for files that are exactly right.

``roleadvisor.catalog.files`` holds the pydantic models of the YAML files, and
their error messages. Importing pydantic and building those models costs about
35 ms, which every run after a catalogue edit would pay. So a file is first read
here: the same fields, types and constraints, checked strictly. When a file
passes, the result has the same attributes and values the pydantic model would
have; when anything is off (a wrong type, an unknown field, a constraint), the
answer is ``None`` and the caller asks pydantic, which says precisely what is
wrong. This module therefore only ever accepts a subset of what the models
accept, never more; ``tests/catalog/test_fastspec.py`` checks that both give
the same values.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from roleadvisor.records import record

_ID = re.compile(r"[a-z0-9][a-z0-9_-]*")  # fullmatch: "$" would also match before a final newline
_MISSING = object()


class _Off(Exception):
    """The data is not exactly right: let pydantic say why."""


def _int(value: object, low: int | None = None, high: int | None = None) -> int:
    if type(value) is not int or (low is not None and value < low) or (high is not None and value > high):
        raise _Off
    return value


def _float(value: object) -> float:
    if type(value) is float:
        return value
    if type(value) is int:
        return float(value)
    raise _Off


def _str(value: object) -> str:
    if type(value) is not str:
        raise _Off
    return value


def _text(value: object, high: int = 2000) -> str:
    text = _str(value).strip()
    if not 1 <= len(text) <= high:
        raise _Off
    return text


def _keyword(value: object) -> str:
    return _text(value, 100)


def _id(value: object) -> str:
    text = _str(value)
    if len(text) > 64 or not _ID.fullmatch(text):
        raise _Off
    return text


def _list(value: object, item: Callable[[object], Any], low: int = 0, high: int | None = None) -> list[Any]:
    if type(value) is not list or len(value) < low or (high is not None and len(value) > high):
        raise _Off
    return [item(v) for v in value]


def _fields(value: object, required: tuple[str, ...], optional: tuple[str, ...] = ()) -> dict[str, object]:
    if type(value) is not dict or not set(value) <= {*required, *optional}:
        raise _Off
    if any(name not in value for name in required):
        raise _Off
    return value


def _get(data: Mapping[str, object], name: str, read: Callable[[object], Any], default: Any) -> Any:  # noqa: ANN401
    value = data.get(name, _MISSING)
    return default if value is _MISSING else read(value)


@record
class ScaleSpec:
    version: int
    max: int
    labels: list[str]


@record
class SkillSpec:
    id: str
    title: str
    description: str
    levels: list[str]
    keywords: list[str]


@record
class StageSpec:
    id: str
    title: str
    description: str
    skill_mix: dict[str, float]
    owners: list[str]


@record
class LifecycleFile:
    catalog_version: str
    scale: ScaleSpec
    skills: list[SkillSpec]
    stages: list[StageSpec]
    advice: dict[str, Any]


@record
class RequirementSpec:
    level: int
    weight: float


@record
class RoleSpec:
    id: str
    title: str
    family: str
    aliases: list[str]
    description: str
    stages: list[str]
    skills: dict[str, RequirementSpec]
    keywords: list[str]


@record
class SenioritySpec:
    shift: int
    words: list[str]
    min_weight: float


@record
class RolesFile:
    roles: list[RoleSpec]
    seniority: list[SenioritySpec]


@record
class ResourceSpec:
    title: str
    kind: str
    skills: list[str]
    levels: list[int]
    url: str | None
    note: str | None
    language: str
    translation_of: str | None


@record
class ResourcesFile:
    resources: list[ResourceSpec]


def _scale(value: object) -> ScaleSpec:
    d = _fields(value, ("version", "max", "labels"))
    return ScaleSpec(
        version=_int(d["version"], 1), max=_int(d["max"], 1, 10), labels=_list(d["labels"], _text)
    )


def _skill(value: object) -> SkillSpec:
    d = _fields(value, ("id", "title", "description", "levels"), ("keywords",))
    return SkillSpec(
        id=_id(d["id"]),
        title=_text(d["title"]),
        description=_text(d["description"]),
        levels=_list(d["levels"], _text),
        keywords=_get(d, "keywords", lambda v: _list(v, _keyword), []),
    )


def _mix(value: object) -> dict[str, float]:
    if type(value) is not dict:
        raise _Off
    return {_str(k): _float(v) for k, v in value.items()}


def _stage(value: object) -> StageSpec:
    d = _fields(value, ("id", "title", "description", "skill_mix"), ("owners",))
    return StageSpec(
        id=_id(d["id"]),
        title=_text(d["title"]),
        description=_text(d["description"]),
        skill_mix=_mix(d["skill_mix"]),
        owners=_get(d, "owners", lambda v: _list(v, _str), []),
    )


def _advice(value: object) -> dict[str, Any]:
    if type(value) is not dict or not all(type(k) is str for k in value):
        raise _Off
    return value


def lifecycle_file(data: object) -> LifecycleFile | None:
    """``data`` read as lifecycle.yaml, or ``None`` when it is not exactly right."""
    try:
        d = _fields(data, ("catalog_version", "scale", "skills"), ("stages", "advice"))
        return LifecycleFile(
            catalog_version=_text(d["catalog_version"]),
            scale=_scale(d["scale"]),
            skills=_list(d["skills"], _skill, 1),
            stages=_get(d, "stages", lambda v: _list(v, _stage), []),
            advice=_get(d, "advice", _advice, {}),
        )
    except _Off:
        return None


def _requirement(value: object) -> RequirementSpec:
    d = _fields(value, ("level", "weight"))
    return RequirementSpec(level=_int(d["level"]), weight=_float(d["weight"]))


def _requirements(value: object) -> dict[str, RequirementSpec]:
    if type(value) is not dict:
        raise _Off
    return {_str(k): _requirement(v) for k, v in value.items()}


def _role(value: object) -> RoleSpec:
    d = _fields(value, ("id", "title", "family", "description", "skills"), ("aliases", "stages", "keywords"))
    return RoleSpec(
        id=_id(d["id"]),
        title=_text(d["title"]),
        family=_id(d["family"]),
        aliases=_get(d, "aliases", lambda v: _list(v, _text), []),
        description=_text(d["description"]),
        stages=_get(d, "stages", lambda v: _list(v, _str), []),
        skills=_requirements(d["skills"]),
        keywords=_get(d, "keywords", lambda v: _list(v, _keyword), []),
    )


def _seniority(value: object) -> SenioritySpec:
    d = _fields(value, ("shift", "words"), ("min_weight",))
    return SenioritySpec(
        shift=_int(d["shift"]),
        words=_list(d["words"], _keyword, 1),
        min_weight=_get(d, "min_weight", _float, 2.0),
    )


def roles_file(data: object) -> RolesFile | None:
    """``data`` read as roles.yaml, or ``None`` when it is not exactly right."""
    try:
        d = _fields(data, ("roles",), ("seniority",))
        return RolesFile(
            roles=_list(d["roles"], _role, 1),
            seniority=_get(d, "seniority", lambda v: _list(v, _seniority), []),
        )
    except _Off:
        return None


def _optional_text(value: object) -> str | None:
    return None if value is None else _text(value)


def _optional_str(value: object) -> str | None:
    return None if value is None else _str(value)


def _resource(value: object) -> ResourceSpec:
    d = _fields(value, ("title", "kind", "skills", "levels"), ("url", "note", "language", "translation_of"))
    return ResourceSpec(
        title=_text(d["title"]),
        kind=_str(d["kind"]),
        skills=_list(d["skills"], _str, 1),
        levels=_list(d["levels"], _int, 2, 2),
        url=_get(d, "url", _optional_str, None),
        note=_get(d, "note", _optional_text, None),
        language=_get(d, "language", _str, "en"),
        translation_of=_get(d, "translation_of", _optional_text, None),
    )


def resources_file(data: object) -> ResourcesFile | None:
    """``data`` read as resources.yaml, or ``None`` when it is not exactly right."""
    try:
        d = _fields(data, (), ("resources",))
        return ResourcesFile(resources=_get(d, "resources", lambda v: _list(v, _resource), []))
    except _Off:
        return None
