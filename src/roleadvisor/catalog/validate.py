"""Validate catalogue files from their bytes: YAML, file formats, cross references.

A broken catalogue yields one line per problem, naming the file and the
place inside it: ``roles.yaml: roles[3].skills.ml.level: must be 0..5``.

This is the slow path (PyYAML and pydantic); ``roleadvisor.catalog.loader``
imports it only when a catalogue has to be checked from its YAML.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from roleadvisor.catalog import fastspec
from roleadvisor.catalog.fastspec import LifecycleFile, ResourcesFile, RolesFile
from roleadvisor.catalog.loader import DECODE_FILE, LIFECYCLE_FILE, OVERLAY_FILES, RESOURCES_FILE, ROLES_FILE
from roleadvisor.catalog.models import (
    READING_WORD_LISTS,
    RESOURCE_KINDS,
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
from roleadvisor.errors import CatalogError, RoleAdvisorError, YamlProblem
from roleadvisor.records import replace
from roleadvisor.safeyaml import load_yaml
from roleadvisor.text import fold
from roleadvisor.textfile import decode_text

M = TypeVar("M")

if TYPE_CHECKING:
    from pydantic import ValidationError
_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
LANGUAGE_CODE = re.compile(r"[a-z]{2,3}")

# Weights and stage shares are relative sizes: any finite positive number up to this
# keeps every sum roleadvisor computes finite (a weight of 1e308 times a level overflows).
MAX_NUMBER = 1000.0


def _finite(value: float) -> bool:
    """Not .inf, -.inf or .nan, and no larger than ``MAX_NUMBER`` in size."""
    return math.isfinite(value) and abs(value) <= MAX_NUMBER


def format_loc(loc: Iterable[str | int]) -> str:
    """Render a pydantic location as ``roles[3].skills.ml.level``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def _validation_lines(file: str, exc: ValidationError) -> list[str]:  # pydantic only on the error path
    lines = []
    for err in exc.errors(include_url=False):
        place = format_loc(err["loc"])
        msg = err["msg"]
        if err["type"] == "extra_forbidden":
            msg = "unknown field (check its spelling)"
        elif err["type"] == "string_type" and isinstance(err.get("input"), dict):
            msg = "expected text, got a mapping (put text containing ': ' in quotes)"
        elif err["type"] == "string_pattern_mismatch":
            msg = "must be lowercase letters, digits, '-' or '_', starting with a letter or digit"
        lines.append(f"{file}: {place}: {msg}" if place else f"{file}: {msg}")
    return lines


_FAST: dict[str, Callable[[object], Any]] = {
    LIFECYCLE_FILE: fastspec.lifecycle_file,
    ROLES_FILE: fastspec.roles_file,
    RESOURCES_FILE: fastspec.resources_file,
}


def _parse(
    directory: Path,
    file: str,
    model: type[M],
    sources: Mapping[str, bytes],
    unreadable: Mapping[str, str],
    problems: list[str],
) -> M | None:
    """The file read into ``model`` (a ``fastspec`` record), its problems added to ``problems``.

    A file that is exactly right is read without pydantic (``fastspec``); any
    other goes through the pydantic models of ``roleadvisor.catalog.files``, whose
    messages say what is wrong.
    """
    data = _mapping(directory, file, sources, unreadable, problems)
    if data is None:
        return None
    fast = _FAST[file]
    read: M | None = fast(data)
    if read is not None:
        return read
    from pydantic import BaseModel, ValidationError

    from roleadvisor.catalog import files

    models: dict[str, type[BaseModel]] = {
        LIFECYCLE_FILE: files.LifecycleFile,
        ROLES_FILE: files.RolesFile,
        RESOURCES_FILE: files.ResourcesFile,
    }
    pydantic_model = models[file]
    try:
        checked = pydantic_model.model_validate(data)
    except ValidationError as exc:
        problems.extend(_validation_lines(file, exc))
        return None
    read = fast(checked.model_dump())  # what pydantic accepted, in the form fastspec reads
    if read is None:  # pragma: no cover - fastspec reads every normalised file (tested)
        raise AssertionError(f"{file}: fastspec refused what pydantic accepted")
    return read


def _mapping(
    directory: Path,
    file: str,
    sources: Mapping[str, bytes],
    unreadable: Mapping[str, str],
    problems: list[str],
) -> dict[str, object] | None:
    """The file's YAML, from the parsed-file cache when its bytes are unchanged; ``None`` and a
    problem unless it is a mapping."""
    if file in unreadable:
        problems.append(unreadable[file])
        return None
    path = directory / file
    try:
        text = decode_text(sources[file], name=str(path), what="catalogue file", error=CatalogError)
    except RoleAdvisorError as exc:
        problems.append(f"{file}: {exc.message.removeprefix(str(path) + ': ')}")
        return None
    from roleadvisor.catalog import cache

    key = cache.parsed_key(file, sources[file])
    hit, data = cache.get_parsed(key) if key is not None else (False, None)
    if not hit:
        try:
            data = load_yaml(text)
        except YamlProblem as exc:
            problems.append(f"{file}: {exc}")
            return None
        if key is not None:
            cache.put_parsed(key, data)
    if not isinstance(data, dict):
        problems.append(f"{file}: must be a YAML mapping at the top level")
        return None
    return data


def _duplicates(ids: Iterable[str]) -> list[str]:
    return [item for item, count in Counter(ids).items() if count > 1]


def _check(lifecycle: LifecycleFile, roles: RolesFile) -> list[str]:
    problems: list[str] = []
    lf, rf = LIFECYCLE_FILE, ROLES_FILE
    top = lifecycle.scale.max
    n_levels = top + 1
    if len(lifecycle.scale.labels) != n_levels:
        problems.append(
            f"{lf}: scale.labels: has {len(lifecycle.scale.labels)} labels, "
            f"needs {n_levels} (one per level 0..{top})"
        )
    skill_ids = [s.id for s in lifecycle.skills]
    stage_ids = [s.id for s in lifecycle.stages]
    role_ids = [r.id for r in roles.roles]
    for dup in _duplicates(skill_ids):
        problems.append(f"{lf}: skills: id {dup!r} is used more than once")
    for dup in _duplicates(stage_ids):
        problems.append(f"{lf}: stages: id {dup!r} is used more than once")
    for dup in _duplicates(role_ids):
        problems.append(f"{rf}: roles: id {dup!r} is used more than once")
    known_skills, known_stages, known_roles = set(skill_ids), set(stage_ids), set(role_ids)

    for i, skill in enumerate(lifecycle.skills):
        if len(skill.levels) != n_levels:
            problems.append(
                f"{lf}: skills[{i}].levels: has {len(skill.levels)} descriptors, "
                f"needs {n_levels} (one per level 0..{top})"
            )
    for i, stage in enumerate(lifecycle.stages):
        where = f"{lf}: stages[{i}]"
        if not stage.skill_mix:
            problems.append(f"{where}.skill_mix: must name at least one skill")
        for skill_id, share in stage.skill_mix.items():
            if skill_id not in known_skills:
                problems.append(f"{where}.skill_mix.{skill_id}: unknown skill id")
            if not _finite(share):
                problems.append(
                    f"{where}.skill_mix.{skill_id}: weight must be a finite number up to {MAX_NUMBER:g}, "
                    f"got {share}"
                )
            elif not share > 0:
                problems.append(f"{where}.skill_mix.{skill_id}: weight must be positive, got {share}")
        for j, owner in enumerate(stage.owners):
            if owner not in known_roles:
                problems.append(f"{where}.owners[{j}]: unknown role id {owner!r}")

    for i, role in enumerate(roles.roles):
        where = f"{rf}: roles[{i}]"
        for j, stage_id in enumerate(role.stages):
            if stage_id not in known_stages:
                problems.append(f"{where}.stages[{j}]: unknown stage id {stage_id!r}")
        for skill_id, req in role.skills.items():
            if skill_id not in known_skills:
                problems.append(f"{where}.skills.{skill_id}: unknown skill id")
                continue
            if not 0 <= req.level <= top:
                problems.append(f"{where}.skills.{skill_id}.level: must be 0..{top}, got {req.level}")
            if not _finite(req.weight):
                problems.append(
                    f"{where}.skills.{skill_id}.weight: must be a finite number up to {MAX_NUMBER:g}, "
                    f"got {req.weight}"
                )
            elif not req.weight > 0:
                problems.append(f"{where}.skills.{skill_id}.weight: must be positive, got {req.weight}")
        for skill_id in skill_ids:
            if skill_id not in role.skills:
                problems.append(f"{where}.skills: missing skill {skill_id!r} (every role lists every skill)")
    problems.extend(_check_words(lifecycle, roles))
    return problems


def _keyword_problems(where: str, words: list[str]) -> list[str]:
    problems: list[str] = []
    seen: set[str] = set()
    for j, word in enumerate(words):
        key = fold(word)
        if not key:
            problems.append(f"{where}[{j}]: {word!r} has no letters or digits to match")
        elif key in seen:
            problems.append(f"{where}[{j}]: {word!r} is listed twice")
        seen.add(key)
    return problems


def _check_words(lifecycle: LifecycleFile, roles: RolesFile) -> list[str]:
    """Keywords, seniority words and role names: matchable, and no name for two roles."""
    problems: list[str] = []
    lf, rf = LIFECYCLE_FILE, ROLES_FILE
    for i, skill in enumerate(lifecycle.skills):
        problems.extend(_keyword_problems(f"{lf}: skills[{i}].keywords", skill.keywords))
    owner_of_name: dict[str, str] = {}
    for i, role in enumerate(roles.roles):
        where = f"{rf}: roles[{i}]"
        problems.extend(_keyword_problems(f"{where}.keywords", role.keywords))
        for j, alias in enumerate(role.aliases):
            if not fold(alias):
                problems.append(f"{where}.aliases[{j}]: {alias!r} has no letters or digits to match")
        names = {fold(n) for n in (role.id, role.title, *role.aliases)} - {""}
        for name in sorted(names):
            other = owner_of_name.setdefault(name, role.id)
            if other != role.id:
                problems.append(
                    f"{where}: the name {name!r} also names role {other!r}; "
                    "a title or alias may belong to one role only"
                )
    top = lifecycle.scale.max
    word_group: dict[str, int] = {}
    for i, group in enumerate(roles.seniority):
        where = f"{rf}: seniority[{i}]"
        if not -top <= group.shift <= top:
            problems.append(f"{where}.shift: must be -{top}..{top}, got {group.shift}")
        if not _finite(group.min_weight) or not group.min_weight > 0:
            problems.append(
                f"{where}.min_weight: must be a positive number up to {MAX_NUMBER:g}, got {group.min_weight}"
            )
        problems.extend(_keyword_problems(f"{where}.words", group.words))
        for word in group.words:
            key = fold(word)
            if key and word_group.setdefault(key, i) != i:
                problems.append(f"{where}.words: {word!r} is also in seniority[{word_group[key]}]")
    return problems


_READING_KEYS = {"same", "sections", *READING_WORD_LISTS}
_SECTION_KEYS = {"id", "weight", "headings"}
MAX_SECTION_WEIGHT = 10.0


def _word_list(raw: object, where: str, problems: list[str]) -> tuple[str, ...]:
    """A list of words or phrases, each with something to match and none twice."""
    if not isinstance(raw, list):
        problems.append(f"{where}: must be a list of words or phrases")
        return ()
    words: list[str] = []
    seen: set[str] = set()
    for j, item in enumerate(raw):
        if not isinstance(item, str) or not 0 < len(item.strip()) <= 100:
            problems.append(f"{where}[{j}]: must be text of 1 to 100 characters")
            continue
        word = item.strip()
        key = fold(word)
        if not key:
            problems.append(f"{where}[{j}]: {word!r} has no letters or digits to match")
        elif key in seen:
            problems.append(f"{where}[{j}]: {word!r} is listed twice")
        seen.add(key)
        words.append(word)
    return tuple(words)


def _reading(raw: Mapping[str, object]) -> tuple[Reading, list[str]]:
    """decode.yaml as a ``Reading``, and its problems."""
    problems = [
        f"{DECODE_FILE}: {key}: unknown field (check its spelling)" for key in raw if key not in _READING_KEYS
    ]
    where = f"{DECODE_FILE}: "
    lists = {key: _word_list(raw.get(key, []), f"{where}{key}", problems) for key in READING_WORD_LISTS}
    same: list[tuple[str, ...]] = []
    group_of: dict[str, int] = {}
    groups = raw.get("same", [])
    if not isinstance(groups, list):
        problems.append(f"{where}same: must be a list of groups of forms read alike")
        groups = []
    for i, group in enumerate(groups):
        at = f"{where}same[{i}]"
        forms = _word_list(group, at, problems)
        if isinstance(group, list) and len(group) < 2:
            problems.append(f"{at}: must list at least two forms read alike")
        for form in forms:
            key = fold(form)
            if key and group_of.setdefault(key, i) != i:
                problems.append(f"{at}: {form!r} is also in same[{group_of[key]}]")
        same.append(forms)
    sections: list[Section] = []
    heading_of: dict[str, str] = {}
    items = raw.get("sections", [])
    if not isinstance(items, list):
        problems.append(f"{where}sections: must be a list of sections with id, weight and headings")
        items = []
    for i, item in enumerate(items):
        at = f"{where}sections[{i}]"
        if not isinstance(item, dict):
            problems.append(f"{at}: must be a mapping with id, weight and headings")
            continue
        problems.extend(_unknown(at, item, _SECTION_KEYS))
        missing = [key for key in ("id", "weight", "headings") if key not in item]
        if missing:
            problems.append(f"{at}: missing {', '.join(missing)}")
            continue
        section_id, weight = item["id"], _number(item["weight"])
        if not isinstance(section_id, str) or not _ID.match(section_id):
            problems.append(
                f"{at}.id: must be lowercase letters, digits, '-' or '_', starting with a letter or digit"
            )
            continue
        if weight is None or not 0 <= weight <= MAX_SECTION_WEIGHT:
            problems.append(f"{at}.weight: must be a number from 0 to {MAX_SECTION_WEIGHT:g}")
            continue
        headings = _word_list(item["headings"], f"{at}.headings", problems)
        for heading in headings:
            other = heading_of.setdefault(fold(heading), section_id)
            if other != section_id:
                problems.append(f"{at}.headings: {heading!r} also opens section {other!r}")
        sections.append(Section(id=section_id, weight=weight, headings=headings))
    for section_id in _duplicates(s.id for s in sections):
        problems.append(f"{where}sections: id {section_id!r} is used more than once")
    if problems:
        return Reading(), problems
    return Reading(same=tuple(same), sections=tuple(sections), **lists), []


_ADVICE_KEYS = {"critical_gap", "readiness"}
_GAP_KEYS = {"min_weight", "min_levels", "penalty"}
_BAND_KEYS = {"id", "label", "min_fit", "max_critical_gaps", "meaning"}


def _number(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _whole(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _unknown(where: str, data: Mapping[str, object], known: set[str]) -> list[str]:
    return [f"{where}.{key}: unknown field (check its spelling)" for key in data if key not in known]


def _ranking(lifecycle: LifecycleFile) -> tuple[Ranking, list[str]]:
    """The ``advice`` section as a ``Ranking`` (defaults for what it leaves out), and its problems."""
    where = f"{LIFECYCLE_FILE}: advice"
    advice = lifecycle.advice
    problems = _unknown(where, advice, _ADVICE_KEYS)
    default = Ranking()
    weight, levels, penalty = default.critical_weight, default.critical_levels, default.critical_penalty
    gap = advice.get("critical_gap", {})
    if not isinstance(gap, dict):
        problems.append(f"{where}.critical_gap: must be a mapping with min_weight, min_levels and penalty")
        gap = {}
    problems += _unknown(f"{where}.critical_gap", gap, _GAP_KEYS)
    if "min_weight" in gap:
        value = _number(gap["min_weight"])
        if value is None or not _finite(value) or value <= 0:
            problems.append(
                f"{where}.critical_gap.min_weight: must be a positive number up to {MAX_NUMBER:g}"
            )
        else:
            weight = value
    if "min_levels" in gap:
        whole = _whole(gap["min_levels"])
        if whole is None or whole < 1:
            problems.append(f"{where}.critical_gap.min_levels: must be a whole number of at least 1")
        else:
            levels = whole
    if "penalty" in gap:
        value = _number(gap["penalty"])
        if value is None or not 0 <= value <= 1:
            problems.append(f"{where}.critical_gap.penalty: must be a number from 0 to 1")
        else:
            penalty = value
    bands = default.bands
    if "readiness" in advice:
        bands, band_problems = _bands(advice["readiness"], f"{where}.readiness")
        problems += band_problems
    return Ranking(
        critical_weight=weight, critical_levels=levels, critical_penalty=penalty, bands=bands
    ), problems


def _bands(raw: object, where: str) -> tuple[tuple[Band, ...], list[str]]:
    """Readiness bands: unique ids, minimum fits from high to low, a last band that takes every result."""
    if not isinstance(raw, list) or not raw:
        return Ranking().bands, [f"{where}: must be a list of bands, the most ready first"]
    problems: list[str] = []
    bands: list[Band] = []
    for i, item in enumerate(raw):
        at = f"{where}[{i}]"
        if not isinstance(item, dict):
            problems.append(f"{at}: must be a mapping with id, label, min_fit and meaning")
            continue
        problems += _unknown(at, item, _BAND_KEYS)
        missing = [key for key in ("id", "label", "min_fit", "meaning") if key not in item]
        if missing:
            problems.append(f"{at}: missing {', '.join(missing)}")
            continue
        band_id, label, meaning = item["id"], item["label"], item["meaning"]
        min_fit = _number(item["min_fit"])
        limit = item.get("max_critical_gaps")
        bad = len(problems)
        if not isinstance(band_id, str) or not _ID.match(band_id):
            problems.append(
                f"{at}.id: must be lowercase letters, digits, '-' or '_', starting with a letter or digit"
            )
        for key, text in (("label", label), ("meaning", meaning)):
            if not isinstance(text, str) or not text.strip() or len(text) > 2000:
                problems.append(f"{at}.{key}: must be text of 1 to 2000 characters")
        if min_fit is None or not 0 <= min_fit <= 1:
            problems.append(f"{at}.min_fit: must be a number from 0 to 1")
        if limit is not None and (_whole(limit) is None or limit < 0):
            problems.append(f"{at}.max_critical_gaps: must be a whole number of at least 0")
        if len(problems) > bad or min_fit is None:
            continue
        if bands and min_fit > bands[-1].min_fit:
            problems.append(
                f"{at}.min_fit: {min_fit:g} is above the band before it ({bands[-1].min_fit:g}); "
                "list bands from the most ready to the least"
            )
        bands.append(
            Band(
                id=band_id,
                label=label.strip(),
                min_fit=min_fit,
                max_critical_gaps=limit,
                meaning=meaning.strip(),
            )
        )
    for band_id in _duplicates(b.id for b in bands):
        problems.append(f"{where}: band id {band_id!r} appears more than once")
    if bands and (bands[-1].min_fit != 0 or bands[-1].max_critical_gaps is not None):
        problems.append(
            f"{where}[{len(raw) - 1}]: the last band must take every result "
            "(min_fit: 0 and no max_critical_gaps)"
        )
    return (tuple(bands) if not problems else Ranking().bands), problems


def _check_resources(lifecycle: LifecycleFile, resources: ResourcesFile) -> list[str]:
    problems: list[str] = []
    known = {s.id for s in lifecycle.skills}
    top = lifecycle.scale.max
    titles = {res.title for res in resources.resources}
    for i, res in enumerate(resources.resources):
        where = f"{RESOURCES_FILE}: resources[{i}]"
        if res.kind not in RESOURCE_KINDS:
            problems.append(f"{where}.kind: {res.kind!r} is not one of {', '.join(RESOURCE_KINDS)}")
        for j, skill_id in enumerate(res.skills):
            if skill_id not in known:
                problems.append(f"{where}.skills[{j}]: unknown skill id {skill_id!r}")
        low, high = res.levels
        if not 0 <= low <= high <= top:
            problems.append(
                f"{where}.levels: must be [low, high] with 0 <= low <= high <= {top}, got {res.levels}"
            )
        if not LANGUAGE_CODE.fullmatch(res.language):
            problems.append(
                f"{where}.language: {res.language[:20]!r} is not a language code (two or three "
                "lowercase letters, such as en, fa or ru)"
            )
        if res.translation_of is not None and res.translation_of not in titles:
            problems.append(f"{where}.translation_of: no resource is titled {res.translation_of[:80]!r}")
        if res.url is not None and not res.url.startswith(("https://", "http://")):
            problems.append(f"{where}.url: must start with https:// or http://")
    return problems


def _build(
    lifecycle: LifecycleFile,
    roles: RolesFile,
    source: str,
    resources: ResourcesFile | None = None,
    reading: Reading | None = None,
) -> Catalog:
    order = [s.id for s in lifecycle.skills]
    return Catalog(
        version=lifecycle.catalog_version,
        scale=Scale(
            version=lifecycle.scale.version,
            max=lifecycle.scale.max,
            labels=tuple(lifecycle.scale.labels),
        ),
        skills=tuple(
            Skill(
                id=s.id,
                title=s.title,
                description=s.description,
                levels=tuple(s.levels),
                keywords=tuple(s.keywords),
            )
            for s in lifecycle.skills
        ),
        stages=tuple(
            Stage(
                id=s.id,
                title=s.title,
                description=s.description,
                skill_mix=tuple(s.skill_mix.items()),
                owners=tuple(s.owners),
            )
            for s in lifecycle.stages
        ),
        roles=tuple(
            Role(
                id=r.id,
                title=r.title,
                family=r.family,
                aliases=tuple(r.aliases),
                description=r.description,
                stages=tuple(r.stages),
                requirements=tuple(
                    (sid, Requirement(level=r.skills[sid].level, weight=r.skills[sid].weight))
                    for sid in order
                ),
                keywords=tuple(r.keywords),
            )
            for r in roles.roles
        ),
        seniority=tuple(
            Seniority(shift=g.shift, words=tuple(g.words), min_weight=g.min_weight) for g in roles.seniority
        ),
        ranking=_ranking(lifecycle)[0],
        reading=reading if reading is not None else Reading(),
        resources=tuple(
            Resource(
                title=r.title,
                kind=r.kind,
                skills=tuple(r.skills),
                low=r.levels[0],
                high=r.levels[1],
                url=r.url,
                note=r.note,
                language=r.language,
                translation_of=r.translation_of,
            )
            for r in (resources.resources if resources is not None else ())
        ),
        source=source,
    )


def _checked_reading(
    directory: Path, sources: Mapping[str, bytes], unreadable: Mapping[str, str], problems: list[str]
) -> Reading:
    """decode.yaml, checked; from the cache when the same bytes checked clean before.

    decode.yaml refers to no other file, so its checks hold for as long as its
    bytes (and the checking code, in the cache key) are unchanged: a changed
    roles.yaml does not check it again.
    """
    from roleadvisor.catalog import cache

    key = (
        cache.parsed_key(f"{DECODE_FILE} (checked)", sources[DECODE_FILE]) if DECODE_FILE in sources else None
    )
    if key is not None:
        hit, data = cache.get_parsed(key)
        if hit:
            try:
                return cache.reading_from(data)
            except ValueError:
                pass  # not what we stored: check the file
    raw = _mapping(directory, DECODE_FILE, sources, unreadable, problems)
    if raw is None:
        return Reading()
    reading, found = _reading(raw)
    problems.extend(found)
    if not found and key is not None:
        cache.put_parsed(key, cache.reading_data(reading))
    return reading


def catalog_warnings(catalog: Catalog) -> list[str]:
    """What is valid but probably not meant: role aliases and keywords that are common words,
    and texts a language overlay does not translate (shown in English in that language).

    A common word ("scientist", "customers", "talks") turns up in adverts of every
    kind, so decode would read it as evidence for one role wherever it appears. An
    alias of at most three letters written in capitals ("DE") is left alone:
    decode counts it only as that capitalised word in a title.
    """
    from roleadvisor.catalog.commonwords import common_in
    from roleadvisor.decode import SHORT_NAME

    out: list[str] = []
    for i, role in enumerate(catalog.roles):
        where = f"{ROLES_FILE}: roles[{i}]"
        for field, words, what in (
            ("aliases", role.aliases, "as naming"),
            ("keywords", role.keywords, "as evidence for"),
        ):
            for j, word in enumerate(words):
                folded = fold(word).split()
                if len(folded) != 1 or (len(folded[0]) <= SHORT_NAME and word.strip().isupper()):
                    continue
                language = common_in(folded[0])
                if language is not None:
                    common = (
                        f"a common {language} word" if " " not in language else f"a common word in {language}"
                    )
                    if field == "aliases" and len(folded[0]) <= SHORT_NAME:
                        hint = "in any title with that word (write it in capitals, or use a longer phrase)"
                    else:
                        hint = "wherever it appears (use a longer phrase)"
                    out.append(
                        f"{where}.{field}[{j}]: {word!r} is {common}; decode reads it {what} {role.id} {hint}"
                    )
    from roleadvisor.catalog.localize import missing_texts

    for language in catalog.languages[1:]:
        missing = missing_texts(catalog, language)
        if missing:
            shown = ", ".join(missing[:5]) + (f" and {len(missing) - 5} more" if len(missing) > 5 else "")
            out.append(
                f"i18n/{language}.yaml: {len(missing)} text{'s' if len(missing) != 1 else ''} not "
                f"translated, shown in English: {shown}"
            )
    return out


def validate_sources(
    directory: Path, sources: Mapping[str, bytes], unreadable: Mapping[str, str]
) -> tuple[Catalog | None, list[str]]:
    """Check the bytes read from ``directory``'s files; the catalogue, or ``None`` and every problem.

    ``sources`` maps a file name to its bytes, ``unreadable`` a file name to the
    problem line of a file that could not be read. ``resources.yaml`` and
    ``decode.yaml`` are checked if they are in either (they are optional).
    """
    problems: list[str] = []
    lifecycle = _parse(directory, LIFECYCLE_FILE, LifecycleFile, sources, unreadable, problems)
    roles = _parse(directory, ROLES_FILE, RolesFile, sources, unreadable, problems)
    resources = None
    if RESOURCES_FILE in sources or RESOURCES_FILE in unreadable:
        resources = _parse(directory, RESOURCES_FILE, ResourcesFile, sources, unreadable, problems)
    if lifecycle is None or roles is None:
        return None, problems
    problems.extend(_check(lifecycle, roles))
    problems.extend(_ranking(lifecycle)[1])
    reading = Reading()
    if DECODE_FILE in sources or DECODE_FILE in unreadable:
        reading = _checked_reading(directory, sources, unreadable, problems)
    if resources is not None:
        problems.extend(_check_resources(lifecycle, resources))
    translated: dict[str, list[str]] = {}
    owner: dict[str, str] = {}  # folded name -> role id, English names first
    overlays: list[tuple[str, dict[str, object]]] = []
    for file in OVERLAY_FILES:
        if file in sources or file in unreadable:
            data = _mapping(directory, file, sources, unreadable, problems)
            if data is not None:
                if not owner:
                    owner = {fold(name): r.id for r in roles.roles for name in (r.id, r.title, *r.aliases)}
                _overlay_names(file, data, roles, owner, translated, problems)
                overlays.append((file, data))
    if problems:
        return None, problems
    catalog = _build(lifecycle, roles, str(directory), resources, reading)
    texts = []
    for file, data in overlays:
        pairs = _overlay_texts(file, data, catalog, problems)
        texts.append((file.removeprefix("i18n/").removesuffix(".yaml"), pairs))
    if problems:
        return None, problems
    if translated or texts:
        catalog = replace(
            catalog,
            roles=tuple(replace(r, translated_names=tuple(translated.get(r.id, ()))) for r in catalog.roles),
            texts=tuple(texts),
        )
    return catalog, []


_OVERLAY_KEYS = {"language", "scale", "advice", "skills", "stages", "roles", "resources"}
MAX_TEXT = 2000


def _overlay_texts(
    file: str, data: Mapping[str, object], catalog: Catalog, problems: list[str]
) -> tuple[tuple[str, str], ...]:
    """An overlay's text as (key, text) pairs keyed like ``roleadvisor.catalog.localize.text_keys``.

    Each text must be a non-empty string; a place the catalogue does not have (a
    skill, stage or role it left out) is skipped, as an overlay may be copied from
    a larger catalogue. A misspelt field is a problem, so a translation is never
    silently dropped.
    """
    out: list[tuple[str, str]] = []

    def text(key: str, where: str, value: object) -> None:
        if not isinstance(value, str) or not value.strip() or len(value) > MAX_TEXT:
            problems.append(f"{file}: {where}: must be text of 1 to {MAX_TEXT} characters")
            return
        out.append((key, value.strip()))

    def section(name: str) -> dict[object, object]:
        value = data.get(name, {})
        if value is None:
            return {}
        if not isinstance(value, dict):
            problems.append(f"{file}: {name}: must be a mapping")
            return {}
        return value

    for key in data:
        if key not in _OVERLAY_KEYS:
            problems.append(f"{file}: {key}: unknown field (fields: {', '.join(sorted(_OVERLAY_KEYS))})")
    _overlay_scale_and_bands(file, section("scale"), section("advice"), catalog, text, problems)
    _overlay_items(file, {k: section(k) for k in ("skills", "stages", "roles")}, catalog, text, problems)
    notes = {r.title: r.note is not None for r in catalog.resources}
    for title, spec in section("resources").items():
        where = f"resources.{title}"
        if title not in notes:
            continue
        if not isinstance(spec, dict) or not spec or not set(spec) <= {"title", "note"}:
            problems.append(f"{file}: {where}: must be a mapping with the translated title and/or note")
            continue
        if "note" in spec and not notes[title]:
            problems.append(f"{file}: {where}.note: the resource has no note to translate")
            continue
        for field in ("title", "note"):
            if field in spec:
                text(f"resources.{title}.{field}", f"{where}.{field}", spec[field])
    return tuple(out)


def _overlay_scale_and_bands(
    file: str,
    scale: Mapping[object, object],
    advice: Mapping[object, object],
    catalog: Catalog,
    text: Callable[[str, str, object], None],
    problems: list[str],
) -> None:
    """An overlay's scale labels and readiness bands (see ``_overlay_texts``)."""
    labels = scale.get("labels")
    if labels is not None:
        if not isinstance(labels, list) or len(labels) != len(catalog.scale.labels):
            problems.append(
                f"{file}: scale.labels: must list {len(catalog.scale.labels)} labels, one per level "
                f"0..{catalog.scale.max}"
            )
        else:
            for level, label in enumerate(labels):
                text(f"scale.labels.{level}", f"scale.labels[{level}]", label)
    readiness = advice.get("readiness", {})
    bands = {b.id for b in catalog.ranking.bands}
    if isinstance(readiness, dict):
        for band_id, spec in readiness.items():
            where = f"advice.readiness.{band_id}"
            if band_id not in bands:
                continue
            if not isinstance(spec, dict) or not set(spec) <= {"label", "meaning"}:
                problems.append(f"{file}: {where}: must be a mapping with label and meaning")
                continue
            for field in ("label", "meaning"):
                if field in spec:
                    text(f"bands.{band_id}.{field}", f"{where}.{field}", spec[field])
    else:
        problems.append(f"{file}: advice.readiness: must be a mapping of band id to label and meaning")


def _overlay_items(
    file: str,
    sections: Mapping[str, Mapping[object, object]],
    catalog: Catalog,
    text: Callable[[str, str, object], None],
    problems: list[str],
) -> None:
    """An overlay's skills, stages and roles (see ``_overlay_texts``)."""
    levels = len(catalog.scale.labels)
    for kind, known, fields in (
        ("skills", {s.id for s in catalog.skills}, ("title", "description", "levels")),
        ("stages", {s.id for s in catalog.stages}, ("title", "description")),
        ("roles", {r.id for r in catalog.roles}, ("title", "aliases", "description")),
    ):
        for item_id, spec in sections[kind].items():
            where = f"{kind}.{item_id}"
            if item_id not in known:
                continue
            if not isinstance(spec, dict):
                problems.append(f"{file}: {where}: must be a mapping of {', '.join(fields)}")
                continue
            for field, value in spec.items():
                if field not in fields:
                    problems.append(f"{file}: {where}.{field}: unknown field (fields: {', '.join(fields)})")
                elif field == "levels":
                    if not isinstance(value, list) or len(value) != levels:
                        problems.append(
                            f"{file}: {where}.levels: must list {levels} descriptions, one a level"
                        )
                        continue
                    for level, descriptor in enumerate(value):
                        text(f"{kind}.{item_id}.levels.{level}", f"{where}.levels[{level}]", descriptor)
                elif field != "aliases":  # names are read by _overlay_names
                    text(f"{kind}.{item_id}.{field}", f"{where}.{field}", value)


def _overlay_names(
    file: str,
    data: Mapping[str, object],
    roles: RolesFile,
    owner: dict[str, str],
    out: dict[str, list[str]],
    problems: list[str],
) -> None:
    """Collect each role's title and aliases in a language overlay (``i18n/<lang>.yaml``).

    Only the names are read here (decode and role lookup use them); the rest of an
    overlay's text is checked by the tests. A name may belong to one role only, in
    any language.
    """
    language = file.removeprefix("i18n/").removesuffix(".yaml")
    if data.get("language") != language:
        problems.append(f"{file}: language: must be {language!r}, the file's name")
    raw = data.get("roles", {})
    if not isinstance(raw, dict):
        problems.append(f"{file}: roles: must be a mapping of role id to its title and aliases")
        return
    known = {r.id for r in roles.roles}
    for role_id, spec in raw.items():
        where = f"{file}: roles.{role_id}"
        if role_id not in known:
            continue  # a role this catalogue left out (an overlay copied from another catalogue)
        if not isinstance(spec, dict):
            problems.append(f"{where}: must be a mapping with title and aliases")
            continue
        names = [spec.get("title"), *(spec.get("aliases") or [])]
        for i, name in enumerate(names):
            at = f"{where}.title" if i == 0 else f"{where}.aliases[{i - 1}]"
            if not isinstance(name, str) or not name.strip() or len(name) > 200:
                problems.append(f"{at}: must be text of 1 to 200 characters")
                continue
            key = fold(name)
            if not key:
                problems.append(f"{at}: {name!r} has no letters or digits to match")
                continue
            if owner.get(key, role_id) != role_id:
                problems.append(f"{at}: {name!r} is also a name of {owner[key]}")
                continue
            owner[key] = role_id
            if name.strip() not in out.setdefault(role_id, []):
                out[role_id].append(name.strip())
