"""The validated-catalogue cache: skip YAML parsing and pydantic when the files are unchanged.

A catalogue that loaded without problems is stored as JSON (plain data, nothing
executed on reading) under a key that hashes everything the result depends on:

* the cache format number and the roleadvisor version;
* size and modification time of the modules that parse, check and build a
  catalogue (so an edited check in a source checkout is not bypassed);
* the name and exact bytes of every catalogue file read (``lifecycle.yaml``,
  ``roles.yaml`` and, if present, ``resources.yaml`` and ``decode.yaml``).

The next load that reads the same bytes rebuilds the frozen ``Catalog`` from the
JSON. Any other byte means another key, so a changed catalogue is validated
again (and a broken one reports its problems: only valid catalogues are stored).

Location: ``$ROLEADVISOR_CACHE_DIR`` (``off`` disables the cache), else
``$XDG_CACHE_HOME/roleadvisor``, else ``~/.cache/roleadvisor``; one
``catalog-<key>.json`` per key, written to a temporary file in the same directory
and renamed into place, at most ``MAX_ENTRIES`` kept (least recently used go).

Each catalogue file's parsed YAML is cached too (``parsed-<key>.json``, keyed
by the same format, version and code stamp and by the file's name and bytes,
at most ``MAX_PARSED`` kept), so when one file of a catalogue changes only that
file is parsed again; the whole catalogue is still validated. Only plain data
that JSON holds exactly (string keys, finite numbers) is stored.

The cache is only ever an optimisation: any problem with it (unreadable,
corrupt, wrong shape or version, unwritable or read-only directory) is ignored
and the catalogue is loaded from its files as if there were no cache.
"""

from __future__ import annotations

import json
import math
import os
import time
from collections.abc import Mapping
from contextlib import suppress
from pathlib import Path

try:  # hashlib.blake2b is this very function; importing hashlib also loads OpenSSL (~2 ms a run)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - an interpreter built without it
    from hashlib import blake2b

from roleadvisor.catalog.models import (
    READING_WORD_LISTS,
    Band,
    Catalog,
    Ranking,
    Reading,
    Requirement,
    Resource,
    Role,
    Scale,
    Section,
    Seniority,
    Skill,
    Stage,
)

FORMAT = 7  # bump when the JSON layout or the meaning of a Catalog field changes
ENV_VAR = "ROLEADVISOR_CACHE_DIR"
DISABLED = "off"
MAX_ENTRIES = 8
MAX_PARSED = 24
MAX_BYTES = 64 * 1024 * 1024  # a cache file larger than this is not read
STALE_TEMP_SECONDS = 3600  # temporary files left by a killed process are removed after this

_PREFIX = "catalog-"
_PARSED_PREFIX = "parsed-"
_SUFFIX = ".json"
_TEMP_PREFIX = ".catalog-"
_TEMP_SUFFIX = ".tmp"

_HERE = Path(__file__).absolute().parent
# The code a cached result depends on: reading, parsing, checking and building.
_CODE = (
    _HERE / "cache.py",
    _HERE / "files.py",
    _HERE / "fastspec.py",
    _HERE / "loader.py",
    _HERE / "models.py",
    _HERE / "validate.py",
    _HERE.parent / "safeyaml.py",
    _HERE.parent / "text.py",
    _HERE.parent / "textfile.py",
)


class _BadShape(ValueError):
    """The cached JSON is not a catalogue this version wrote."""


def cache_dir() -> Path | None:
    """Where cached catalogues live, or ``None`` if the cache is off (or there is no home)."""
    configured = os.environ.get(ENV_VAR, "").strip()
    if configured:
        return None if configured.lower() == DISABLED else Path(configured)
    xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
    if xdg and Path(xdg).is_absolute():  # the XDG spec says to ignore a relative path
        return Path(xdg) / "roleadvisor"
    try:
        return Path.home() / ".cache" / "roleadvisor"
    except RuntimeError:  # no home directory can be determined
        return None


def _code_stamp() -> bytes:
    parts = []
    for path in _CODE:
        try:
            info = path.stat()
        except OSError:
            parts.append(f"{path.name}:-")
        else:
            parts.append(f"{path.name}:{info.st_size}:{info.st_mtime_ns}")
    return "|".join(parts).encode()


def catalog_key(sources: Mapping[str, bytes], person: bytes = b"roleadvisor-cat") -> str | None:
    """The cache key of a catalogue read as ``sources`` (file name to bytes); ``None`` if off."""
    if cache_dir() is None:
        return None
    try:
        from roleadvisor import __version__
    except ImportError:  # pragma: no cover - only while roleadvisor itself is being imported
        return None
    digest = blake2b(digest_size=20, person=person)
    for part in (str(FORMAT).encode(), __version__.encode(), _code_stamp()):
        digest.update(len(part).to_bytes(8, "little"))
        digest.update(part)
    for name in sorted(sources):
        for part in (name.encode(), sources[name]):
            digest.update(len(part).to_bytes(8, "little"))
            digest.update(part)
    return digest.hexdigest()


def _entry(directory: Path, key: str) -> Path:
    return directory / f"{_PREFIX}{key}{_SUFFIX}"


def get(key: str, source: str) -> Catalog | None:
    """The cached catalogue for ``key`` with ``Catalog.source`` set to ``source``, or ``None``."""
    directory = cache_dir()
    if directory is None:
        return None
    path = _entry(directory, key)
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:
            return None
        catalog = decode(json.loads(raw), key, source)
    except Exception:
        return None
    with suppress(OSError):
        os.utime(path)  # most recently used: pruned last
    return catalog


def put(key: str, catalog: Catalog) -> None:
    """Store a validated catalogue under ``key``; silently does nothing if that fails."""
    directory = cache_dir()
    if directory is None:
        return
    try:
        data = json.dumps(encode(catalog, key), separators=(",", ":")).encode("ascii")
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    except (OSError, ValueError, TypeError):
        return
    if _write(directory, key, data, _entry(directory, key)):
        _prune(directory, keep=_entry(directory, key))


def parsed_key(name: str, data: bytes) -> str | None:
    """The cache key of one catalogue file's parsed YAML; ``None`` if the cache is off."""
    return catalog_key({name: data}, person=b"roleadvisor-yml")


def _plain(value: object, depth: int = 0) -> bool:
    """Whether JSON holds ``value`` exactly: str-keyed dicts, lists, str, int, finite float, bool, None."""
    if depth > 100:
        return False
    if value is None or isinstance(value, str | bool | int):
        return True
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, list):
        return all(_plain(item, depth + 1) for item in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and _plain(v, depth + 1) for k, v in value.items())
    return False


def get_parsed(key: str) -> tuple[bool, object]:
    """``(True, data)`` for a cached parse of the file ``key`` names, else ``(False, None)``."""
    directory = cache_dir()
    if directory is None:
        return False, None
    path = directory / f"{_PARSED_PREFIX}{key}{_SUFFIX}"
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:
            return False, None
        document = json.loads(raw)
        if not isinstance(document, dict) or set(document) != {"format", "key", "data"}:
            return False, None
        if document["format"] != FORMAT or document["key"] != key:
            return False, None
    except Exception:
        return False, None
    with suppress(OSError):
        os.utime(path)
    return True, document["data"]


def put_parsed(key: str, data: object) -> None:
    """Store a file's parsed YAML under ``key`` if JSON holds it exactly; silently skip otherwise."""
    directory = cache_dir()
    if directory is None or not _plain(data):
        return
    try:
        raw = json.dumps({"format": FORMAT, "key": key, "data": data}, separators=(",", ":")).encode("ascii")
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    except (OSError, ValueError, TypeError, RecursionError):
        return
    final = directory / f"{_PARSED_PREFIX}{key}{_SUFFIX}"
    _write(directory, key, raw, final)
    _prune(directory, keep=final, prefix=_PARSED_PREFIX, limit=MAX_PARSED)


def _write(directory: Path, key: str, data: bytes, final: Path) -> bool:
    """Write ``data`` to a new temporary file and rename it to ``final``; ``False`` if that failed."""
    temp = directory / f"{_TEMP_PREFIX}{key}.{os.getpid()}.{os.urandom(4).hex()}{_TEMP_SUFFIX}"
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError:
        return False
    done = False
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        temp.replace(final)
        done = True
    except OSError:
        return False
    finally:
        if not done:
            with suppress(OSError):
                temp.unlink()
    return True


def _is_stale_temp(name: str, age: float) -> bool:
    return name.startswith(_TEMP_PREFIX) and name.endswith(_TEMP_SUFFIX) and age > STALE_TEMP_SECONDS


def _prune(directory: Path, keep: Path, prefix: str = _PREFIX, limit: int = MAX_ENTRIES) -> None:
    """Keep the ``limit`` most recently used ``prefix`` entries; remove stale temporary files."""
    try:
        paths = list(directory.iterdir())
    except OSError:
        return
    now = time.time()
    entries: list[tuple[float, Path]] = []
    for path in paths:
        name = path.name
        try:
            mtime = path.stat().st_mtime
        except OSError:
            continue
        if name.startswith(prefix) and name.endswith(_SUFFIX):
            if name != keep.name:
                entries.append((mtime, path))
        elif _is_stale_temp(name, now - mtime):
            with suppress(OSError):
                path.unlink()
    entries.sort(reverse=True)
    for _, path in entries[limit - 1 :]:
        with suppress(OSError):
            path.unlink()


# --- JSON layout -------------------------------------------------------------


def encode(catalog: Catalog, key: str) -> dict[str, object]:
    """The JSON document stored for ``catalog`` (its ``source`` is not stored)."""
    from roleadvisor import __version__

    return {
        "format": FORMAT,
        "roleadvisor": __version__,
        "key": key,
        "catalog": {
            "version": catalog.version,
            "scale": {
                "version": catalog.scale.version,
                "max": catalog.scale.max,
                "labels": list(catalog.scale.labels),
            },
            "skills": [
                {
                    "id": s.id,
                    "title": s.title,
                    "description": s.description,
                    "levels": list(s.levels),
                    "keywords": list(s.keywords),
                }
                for s in catalog.skills
            ],
            "stages": [
                {
                    "id": s.id,
                    "title": s.title,
                    "description": s.description,
                    "skill_mix": [[skill, share] for skill, share in s.skill_mix],
                    "owners": list(s.owners),
                }
                for s in catalog.stages
            ],
            "roles": [
                {
                    "id": r.id,
                    "title": r.title,
                    "family": r.family,
                    "aliases": list(r.aliases),
                    "description": r.description,
                    "stages": list(r.stages),
                    "requirements": [[skill, req.level, req.weight] for skill, req in r.requirements],
                    "keywords": list(r.keywords),
                    "translated_names": list(r.translated_names),
                }
                for r in catalog.roles
            ],
            "seniority": [
                {"shift": g.shift, "words": list(g.words), "min_weight": g.min_weight}
                for g in catalog.seniority
            ],
            "reading": reading_data(catalog.reading),
            "ranking": {
                "critical_weight": catalog.ranking.critical_weight,
                "critical_levels": catalog.ranking.critical_levels,
                "critical_penalty": catalog.ranking.critical_penalty,
                "bands": [
                    {
                        "id": b.id,
                        "label": b.label,
                        "min_fit": b.min_fit,
                        "max_critical_gaps": b.max_critical_gaps,
                        "meaning": b.meaning,
                    }
                    for b in catalog.ranking.bands
                ],
            },
            "resources": [
                {
                    "title": r.title,
                    "kind": r.kind,
                    "skills": list(r.skills),
                    "low": r.low,
                    "high": r.high,
                    "url": r.url,
                    "note": r.note,
                    "language": r.language,
                    "translation_of": r.translation_of,
                }
                for r in catalog.resources
            ],
            "texts": [[language, dict(pairs)] for language, pairs in catalog.texts],
        },
    }


def reading_data(reading: Reading) -> dict[str, object]:
    """A checked decode.yaml (``Reading``) as JSON data; ``reading_from`` reads it back."""
    return {
        "same": [list(group) for group in reading.same],
        "sections": [
            {"id": x.id, "weight": x.weight, "headings": list(x.headings)} for x in reading.sections
        ],
        **{key: list(getattr(reading, key)) for key in READING_WORD_LISTS},
    }


def reading_from(data: object) -> Reading:
    """The ``Reading`` in ``reading_data``'s JSON; ``ValueError`` unless it is exactly that shape."""
    return _reading(data)


def _fields(value: object, *names: str) -> list[object]:
    if not isinstance(value, dict) or set(value) != set(names):
        raise _BadShape
    return [value[name] for name in names]


def _list(value: object) -> list[object]:
    if not isinstance(value, list):
        raise _BadShape
    return value


def _str(value: object) -> str:
    if not isinstance(value, str):
        raise _BadShape
    return value


def _opt_str(value: object) -> str | None:
    return None if value is None else _str(value)


def _int(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _BadShape
    return value


def _float(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _BadShape
    return float(value)


def _strs(value: object) -> tuple[str, ...]:
    return tuple(_str(item) for item in _list(value))


def _skill(value: object) -> Skill:
    id_, title, description, levels, keywords = _fields(
        value, "id", "title", "description", "levels", "keywords"
    )
    return Skill(
        id=_str(id_),
        title=_str(title),
        description=_str(description),
        levels=_strs(levels),
        keywords=_strs(keywords),
    )


def _pair(value: object) -> tuple[str, float]:
    items = _list(value)
    if len(items) != 2:
        raise _BadShape
    return _str(items[0]), _float(items[1])


def _stage(value: object) -> Stage:
    id_, title, description, mix, owners = _fields(value, "id", "title", "description", "skill_mix", "owners")
    return Stage(
        id=_str(id_),
        title=_str(title),
        description=_str(description),
        skill_mix=tuple(_pair(item) for item in _list(mix)),
        owners=_strs(owners),
    )


def _requirement(value: object) -> tuple[str, Requirement]:
    items = _list(value)
    if len(items) != 3:
        raise _BadShape
    return _str(items[0]), Requirement(level=_int(items[1]), weight=_float(items[2]))


def _role(value: object) -> Role:
    id_, title, family, aliases, description, stages, requirements, keywords, translated = _fields(
        value,
        "id",
        "title",
        "family",
        "aliases",
        "description",
        "stages",
        "requirements",
        "keywords",
        "translated_names",
    )
    return Role(
        id=_str(id_),
        title=_str(title),
        family=_str(family),
        aliases=_strs(aliases),
        description=_str(description),
        stages=_strs(stages),
        requirements=tuple(_requirement(item) for item in _list(requirements)),
        keywords=_strs(keywords),
        translated_names=_strs(translated),
    )


def _seniority(value: object) -> Seniority:
    shift, words, min_weight = _fields(value, "shift", "words", "min_weight")
    return Seniority(shift=_int(shift), words=_strs(words), min_weight=_float(min_weight))


def _section(value: object) -> Section:
    id_, weight, headings = _fields(value, "id", "weight", "headings")
    return Section(id=_str(id_), weight=_float(weight), headings=_strs(headings))


def _reading(value: object) -> Reading:
    same, sections, *lists = _fields(value, "same", "sections", *READING_WORD_LISTS)
    return Reading(
        same=tuple(_strs(group) for group in _list(same)),
        sections=tuple(_section(item) for item in _list(sections)),
        **{key: _strs(words) for key, words in zip(READING_WORD_LISTS, lists, strict=True)},
    )


def _band(value: object) -> Band:
    id_, label, min_fit, max_critical, meaning = _fields(
        value, "id", "label", "min_fit", "max_critical_gaps", "meaning"
    )
    return Band(
        id=_str(id_),
        label=_str(label),
        min_fit=_float(min_fit),
        max_critical_gaps=None if max_critical is None else _int(max_critical),
        meaning=_str(meaning),
    )


def _ranking(value: object) -> Ranking:
    weight, levels, penalty, bands = _fields(
        value, "critical_weight", "critical_levels", "critical_penalty", "bands"
    )
    return Ranking(
        critical_weight=_float(weight),
        critical_levels=_int(levels),
        critical_penalty=_float(penalty),
        bands=tuple(_band(item) for item in _list(bands)),
    )


def _resource(value: object) -> Resource:
    title, kind, skills, low, high, url, note, language, translation_of = _fields(
        value, "title", "kind", "skills", "low", "high", "url", "note", "language", "translation_of"
    )
    return Resource(
        title=_str(title),
        kind=_str(kind),
        skills=_strs(skills),
        low=_int(low),
        high=_int(high),
        url=_opt_str(url),
        note=_opt_str(note),
        language=_str(language),
        translation_of=_opt_str(translation_of),
    )


def decode(document: object, key: str, source: str) -> Catalog:
    """The ``Catalog`` in a stored document; ``ValueError`` unless it is exactly what ``encode`` wrote."""
    from roleadvisor import __version__

    fmt, version, stored_key, body = _fields(document, "format", "roleadvisor", "key", "catalog")
    if fmt != FORMAT or version != __version__ or stored_key != key:
        raise _BadShape
    cat_version, scale, skills, stages, roles, seniority, reading, ranking, resources, texts = _fields(
        body,
        "version",
        "scale",
        "skills",
        "stages",
        "roles",
        "seniority",
        "reading",
        "ranking",
        "resources",
        "texts",
    )
    scale_version, scale_max, labels = _fields(scale, "version", "max", "labels")
    return Catalog(
        version=_str(cat_version),
        scale=Scale(version=_int(scale_version), max=_int(scale_max), labels=_strs(labels)),
        skills=tuple(_skill(item) for item in _list(skills)),
        stages=tuple(_stage(item) for item in _list(stages)),
        roles=tuple(_role(item) for item in _list(roles)),
        seniority=tuple(_seniority(item) for item in _list(seniority)),
        reading=_reading(reading),
        ranking=_ranking(ranking),
        resources=tuple(_resource(item) for item in _list(resources)),
        texts=tuple(_language_texts(item) for item in _list(texts)),
        source=source,
    )


def _language_texts(value: object) -> tuple[str, tuple[tuple[str, str], ...]]:
    """One language's texts, stored as an object of key to text (one check for the lot)."""
    items = _list(value)
    if len(items) != 2 or not isinstance(items[1], dict):
        raise _BadShape
    texts: dict[object, object] = items[1]
    if not all(isinstance(text, str) for text in texts.values()):  # keys are str in any JSON object
        raise _BadShape
    return _str(items[0]), tuple(texts.items())  # type: ignore[arg-type]
