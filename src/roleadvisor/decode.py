"""Map a job title or advert to the catalogue's roles and to the skill levels it asks for.

Pure: text and a ``Catalog`` in, a ``Decoded`` value out. Every word list comes
from the catalogue (role titles and aliases, role and skill keywords, seniority
words), so a custom catalogue decodes with its own vocabulary.

How a role is scored, in points:

* a title or alias of the role in the first line (the job title): 6; elsewhere: 2
* one of the role's keywords anywhere: 1 each
* skill-area keywords: for each skill area, its number of distinct keywords
  found (at most 4) times the share of the role's requirement mass
  (weight x level) in that skill, times 2

``score`` is a role's share of all points, so the scores add up to 1. The
profile starts from the required levels of the leading roles (those within 75%
of the best), moves the skills they weight 2 or more by the seniority found in
the first line, and raises any skill area the text names to at least a floor.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable

from roleadvisor.catalog.models import Catalog
from roleadvisor.errors import DecodeError
from roleadvisor.records import record
from roleadvisor.text import normalise

TITLE_NAME_POINTS = 6.0
BODY_NAME_POINTS = 2.0
KEYWORD_POINTS = 1.0
SKILL_WORD_POINTS = 2.0
SKILL_WORD_CAP = 4
LEAD_SHARE = 0.75  # roles within this share of the best points shape the profile
MAX_LEADS = 3
SHIFTED_WEIGHT = 2.0  # seniority moves only skills a leading role weights at least this
SCORE_DECIMALS = 4
MAX_TEXT_CHARS = 200_000


@record
class RoleMatch:
    """A role the text probably describes: its share of the points and the words behind it."""

    role_id: str
    score: float
    points: float
    evidence: tuple[str, ...]


@record
class SkillAsk:
    """The level the text asks for in one skill area, and why."""

    skill: str
    level: int
    reasons: tuple[str, ...]
    keywords: tuple[str, ...]


@record
class Decoded:
    """What a title or advert says: likely roles, and a profile of the skills it asks for."""

    title: str
    roles: tuple[RoleMatch, ...]
    skills: tuple[SkillAsk, ...]
    seniority_shift: int
    seniority_words: tuple[str, ...]

    @property
    def ratings(self) -> dict[str, int]:
        """The asked-for levels as a ratings mapping, usable as a profile."""
        return {ask.skill: ask.level for ask in self.skills}


class _Lexicon:
    """Phrases (normalised) matched as whole words, longest first, without overlaps."""

    def __init__(self, phrases: Iterable[str]) -> None:
        keys = sorted({p for p in phrases if p}, key=lambda p: (-len(p), p))
        alternation = "|".join(re.escape(k) for k in keys)
        # normalised text has only [0-9a-z+#] and single spaces; a trailing "s" allows plurals
        self._pattern = re.compile(rf"(?<!\S)({alternation})s?(?!\S)") if keys else None

    def find(self, text: str) -> list[str]:
        """Each non-overlapping phrase occurrence in ``text``, in order."""
        if self._pattern is None:
            return []
        return [m.group(1) for m in self._pattern.finditer(text)]


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return ""


def decode_text(text: str, catalog: Catalog) -> Decoded:
    """Decode a title or advert; ``DecodeError`` if it names no role and no skill area."""
    if len(text) > MAX_TEXT_CHARS:
        raise DecodeError(f"the text is {len(text):,} characters; decode reads at most {MAX_TEXT_CHARS:,}")
    title = _first_line(text)
    title_norm = normalise(title)
    body_norm = normalise(text)
    points, evidence = _role_points(catalog, title_norm, body_norm)
    skill_words = _skill_words(catalog, body_norm)
    _add_skill_points(catalog, skill_words, points, evidence)
    if not points and not skill_words:
        raise DecodeError(
            "decode found no role title and no skill keyword in the text; give a job title "
            "such as 'Senior ML Engineer' or paste the advert (see 'roleadvisor roles')"
        )
    total = sum(points.values())
    order = sorted(points, key=lambda r: (-points[r], catalog.role_ids.index(r)))
    matches = tuple(
        RoleMatch(
            role_id=r,
            score=round(points[r] / total, SCORE_DECIMALS),
            points=round(points[r], SCORE_DECIMALS),
            evidence=tuple(evidence[r]),
        )
        for r in order
        if points[r] > 0
    )
    shift, seniority_words = _seniority(catalog, title_norm)
    return Decoded(
        title=title,
        roles=matches,
        skills=_profile(catalog, matches, shift, seniority_words, skill_words),
        seniority_shift=shift,
        seniority_words=seniority_words,
    )


Points = dict[str, float]
Evidence = dict[str, list[str]]


def _credit(points: Points, evidence: Evidence, role_id: str, amount: float, word: str) -> None:
    points[role_id] += amount
    if word not in evidence[role_id]:
        evidence[role_id].append(word)


def _role_points(catalog: Catalog, title_norm: str, body_norm: str) -> tuple[Points, Evidence]:
    """Points from role names and role keywords.

    Names and keywords share one lexicon, so "data platform engineer" is not
    also read as "platform engineer".
    """
    name_owner: dict[str, str] = {}
    shown: dict[str, str] = {}
    for role in catalog.roles:
        for name in role.names:
            key = normalise(name)
            name_owner.setdefault(key, role.id)
            shown.setdefault(key, name if name != role.id else role.title)
    keyword_roles: dict[str, list[str]] = defaultdict(list)
    for role in catalog.roles:
        for word in role.keywords:
            key = normalise(word)
            keyword_roles[key].append(role.id)
            shown.setdefault(key, word)
    lexicon = _Lexicon([*name_owner, *keyword_roles])
    points: Points = defaultdict(float)
    evidence: Evidence = defaultdict(list)
    title_names = set(lexicon.find(title_norm))
    for phrase in dict.fromkeys(lexicon.find(body_norm)):
        if phrase in name_owner:
            amount = TITLE_NAME_POINTS if phrase in title_names else BODY_NAME_POINTS
            _credit(points, evidence, name_owner[phrase], amount, shown[phrase])
        for role_id in keyword_roles.get(phrase, ()):
            _credit(points, evidence, role_id, KEYWORD_POINTS, shown[phrase])
    return points, evidence


def _skill_words(catalog: Catalog, body_norm: str) -> dict[str, list[str]]:
    """The distinct keywords of each skill area found in the text (may overlap role names)."""
    skill_of: dict[str, list[str]] = defaultdict(list)
    shown: dict[str, str] = {}
    for skill in catalog.skills:
        for word in skill.keywords:
            key = normalise(word)
            skill_of[key].append(skill.id)
            shown.setdefault(key, word)
    found: dict[str, list[str]] = defaultdict(list)
    for phrase in _Lexicon(skill_of).find(body_norm):
        for skill_id in skill_of[phrase]:
            if shown[phrase] not in found[skill_id]:
                found[skill_id].append(shown[phrase])
    return dict(found)


def _add_skill_points(
    catalog: Catalog, skill_words: dict[str, list[str]], points: Points, evidence: Evidence
) -> None:
    """Credit each role for the skill areas the text names, by how much the role rests on them."""
    if not skill_words:
        return
    for role in catalog.roles:
        mass = sum(req.weight * req.level for _, req in role.requirements)
        if mass <= 0:
            continue
        for skill_id, req in role.requirements:
            found = skill_words.get(skill_id, [])
            amount = min(len(found), SKILL_WORD_CAP) * req.weight * req.level / mass * SKILL_WORD_POINTS
            if amount <= 0:
                continue
            points[role.id] += amount
            if req.weight >= SHIFTED_WEIGHT:
                for word in found:
                    if word not in evidence[role.id]:
                        evidence[role.id].append(word)


def _seniority(catalog: Catalog, title_norm: str) -> tuple[int, tuple[str, ...]]:
    """The level shift and the seniority words of the title line.

    Only the title counts: "you will lead..." in an advert's body says little.
    """
    shift, words = 0, []
    for group in catalog.seniority:
        found = _Lexicon(normalise(w) for w in group.words).find(title_norm)
        if found and abs(group.shift) > abs(shift):
            shift = group.shift
        words.extend(found)
    return shift, tuple(dict.fromkeys(words))


def _profile(
    catalog: Catalog,
    matches: tuple[RoleMatch, ...],
    shift: int,
    seniority_words: tuple[str, ...],
    skill_words: dict[str, list[str]],
) -> tuple[SkillAsk, ...]:
    top = catalog.scale.max
    leads = [m for m in matches if matches and m.points >= LEAD_SHARE * matches[0].points][:MAX_LEADS]
    one_word_floor = math.ceil(0.4 * top)
    many_words_floor = math.ceil(0.6 * top)
    out: list[SkillAsk] = []
    for skill in catalog.skills:
        level, reasons = 0, list[str]()
        best_weight = 0.0
        for lead in leads:
            req = catalog.role(lead.role_id).requirement(skill.id)
            best_weight = max(best_weight, req.weight)
            if req.level > level or not reasons:
                level = req.level
                reasons = [f"{lead.role_id} needs {req.level}"]
            elif req.level == level:
                reasons.append(f"{lead.role_id} needs {req.level}")
        if shift and leads and best_weight >= SHIFTED_WEIGHT:
            moved = min(top, max(0, level + shift))
            if moved != level:
                reasons.append(f"{'/'.join(seniority_words)}: {'+' if shift > 0 else ''}{moved - level}")
                level = moved
        found = tuple(skill_words.get(skill.id, ()))
        if found:
            floor = many_words_floor if len(found) >= 3 else one_word_floor
            if level < floor:
                level = floor
                reasons.append(f"the text names {len(found)} of its keywords: at least {floor}")
        out.append(SkillAsk(skill=skill.id, level=level, reasons=tuple(reasons), keywords=found))
    return tuple(out)
