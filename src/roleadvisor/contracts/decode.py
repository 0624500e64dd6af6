"""What ``roleadvisor decode`` reports: the roles a title or advert most likely is, and its profile."""

from __future__ import annotations

from roleadvisor.catalog.models import Catalog
from roleadvisor.contracts import Contract, shown
from roleadvisor.contracts.common import CatalogOut, ProfileOut, catalog_out
from roleadvisor.decode import Decoded
from roleadvisor.records import record

CONFIDENCE_MEANING = (
    "Confidence: the estimated chance that this is the job's role, from the points the text gave each "
    "role; on roleadvisor's held-out test titles and adverts, a first role given 80% or more was right "
    "about 19 times in 20."
)
WHERE = {"title": "title", "intro": "text", "skills": "skill words"}


@record(frozen=False, eq=False, kw_only=True)
class PhraseOut:
    """Words of the text behind a role: where they stand and the points they gave."""

    text: str
    where: str
    points: float


@record(frozen=False, eq=False, kw_only=True)
class DecodedRole:
    """A role the text probably describes: its confidence, share of the evidence, and why."""

    id: str
    title: str
    score: float
    evidence: list[str]
    confidence: float
    phrases: list[PhraseOut]


@record(frozen=False, eq=False, kw_only=True)
class AskedSkill:
    """The level the text asks for in one skill, and why."""

    skill: str
    level: int
    label: str
    reasons: list[str]
    keywords: list[str]


@record(frozen=False, eq=False, kw_only=True)
class Seniority:
    """Seniority words found in the title line, the level shift they imply and the skills it moves."""

    shift: int
    words: list[str]
    min_weight: float
    sentence: str | None = shown(None)


@record(frozen=False, eq=False, kw_only=True)
class IgnoredOut:
    """A role name the text uses for someone else (a colleague, another team): not counted."""

    text: str
    where: str
    role: str
    why: str


@record(frozen=False, eq=False, kw_only=True)
class Reading:
    """How the text was read: title or not, the sections found, names not counted, and a caution."""

    title_found: bool
    sections: list[str]
    ignored: list[IgnoredOut]
    little_evidence: bool
    note: str | None


@record(frozen=False, eq=False, kw_only=True)
class DecodeView(Contract):
    """``roleadvisor decode --format json``.

    ``profile`` has the shape of a profile file, so it can be fed to
    ``assess --profile``.
    """

    kind = "decode"

    title: str
    roles: list[DecodedRole]
    profile: ProfileOut
    skills: list[AskedSkill]
    seniority: Seniority
    reading: Reading
    catalog: CatalogOut
    scale_max: int = shown(0)
    confidence_meaning: str = shown(CONFIDENCE_MEANING)


def _note(decoded: Decoded) -> str | None:
    parts = []
    if decoded.title and not decoded.title_found:
        parts.append("the first line does not read as a job title, so the whole text was read as the advert")
    if decoded.little_evidence:
        parts.append(
            "the text gave little evidence (no role name in a title and few of the catalogue's words): "
            "treat these roles as a guess, or give the job title or the whole advert"
        )
    if not parts:
        return None
    text = "; ".join(parts)
    return text[0].upper() + text[1:] + "."


def _seniority_sentence(decoded: Decoded) -> str | None:
    if not decoded.seniority_words:
        return None
    words = ", ".join(decoded.seniority_words)
    if not decoded.seniority_shift:
        return f"Seniority in the title: {words} (no change to the levels)."
    which = (
        "defining skills (weight 3)"
        if decoded.seniority_min_weight >= 3
        else f"skills weighted {decoded.seniority_min_weight:g} or more"
    )
    return f"Seniority in the title: {words} (levels of {which} moved by {decoded.seniority_shift:+d})."


def decode_view(decoded: Decoded, catalog: Catalog) -> DecodeView:
    """The decode result with titles and labels filled in from the catalogue."""
    return DecodeView(
        title=decoded.title,
        roles=[
            DecodedRole(
                id=m.role_id,
                title=catalog.role(m.role_id).title,
                score=m.score,
                evidence=list(m.evidence),
                confidence=m.confidence,
                phrases=[PhraseOut(text=p.text, where=p.where, points=p.points) for p in m.phrases],
            )
            for m in decoded.roles
        ],
        profile=ProfileOut(
            name=f"decoded: {decoded.title[:80]}" if decoded.title else None, ratings=decoded.ratings
        ),
        skills=[
            AskedSkill(
                skill=ask.skill,
                level=ask.level,
                label=catalog.scale.labels[ask.level],
                reasons=list(ask.reasons),
                keywords=list(ask.keywords),
            )
            for ask in decoded.skills
        ],
        seniority=Seniority(
            shift=decoded.seniority_shift,
            words=list(decoded.seniority_words),
            min_weight=decoded.seniority_min_weight,
            sentence=_seniority_sentence(decoded),
        ),
        reading=Reading(
            title_found=decoded.title_found,
            sections=list(decoded.sections),
            ignored=[
                IgnoredOut(text=i.text, where=i.where, role=i.role_id, why=i.why) for i in decoded.ignored
            ],
            little_evidence=decoded.little_evidence,
            note=_note(decoded),
        ),
        catalog=catalog_out(catalog),
        scale_max=catalog.scale.max,
    )


def where_shown(where: str) -> str:
    """How a phrase's place is named for people: ``title``, ``duties``, ``skill words``..."""
    return WHERE.get(where, where)
