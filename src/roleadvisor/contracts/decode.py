"""What ``roleadvisor decode`` reports: the roles a title or advert most likely is, and its profile."""

from __future__ import annotations

from roleadvisor.catalog.models import Catalog
from roleadvisor.contracts import Contract, shown
from roleadvisor.contracts.common import CatalogOut, ProfileOut, catalog_out
from roleadvisor.i18n import _, number, percent
from roleadvisor.records import record

TYPE_CHECKING = False  # the reader (roleadvisor.decode) loads only when a text is decoded
if TYPE_CHECKING:
    from roleadvisor.decode import Decoded


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
    title: str = shown("")  # the skill's title, for people (a table outside English names skills by it)


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
    words: int
    recognised: int
    little_understood: bool
    note: str | None


@record(frozen=False, eq=False, kw_only=True)
class DecodeView(Contract):
    """``roleadvisor decode --format json``.

    ``profile`` has the shape of a profile file, so it can be fed to
    ``assess --profile``. ``warnings`` (also written to stderr) say when the
    reading may be unreliable: most of the text's words were not recognised.
    """

    kind = "decode"

    title: str
    roles: list[DecodedRole]
    profile: ProfileOut
    skills: list[AskedSkill]
    seniority: Seniority
    reading: Reading
    warnings: list[str]
    catalog: CatalogOut
    scale_max: int = shown(0)
    confidence_meaning: str = shown("")


def confidence_meaning() -> str:
    """What decode's confidence means, for people."""
    return _(
        "Confidence: the estimated chance that this is the job's role, from the points the text gave each "
        "role; on roleadvisor's held-out test titles and adverts, a first role given {share} or more was "
        "right about 19 times in 20. When most of the text's words were not recognised, it is lowered "
        "towards an even chance for every role."
    ).format(share=percent(0.8))


def _note(decoded: Decoded) -> str | None:
    sentences = []
    if decoded.title and not decoded.title_found:
        sentences.append(
            _("The first line does not read as a job title, so the whole text was read as the advert.")
        )
    if decoded.little_evidence:
        sentences.append(
            _(
                "The text gave little evidence (no role name in a title and few of the catalogue's words): "
                "treat these roles as a guess, or give the job title or the whole advert."
            )
        )
    return " ".join(sentences) or None


def _warnings(decoded: Decoded) -> list[str]:
    if not decoded.little_understood:
        return []
    return [
        _(
            "Only {share} of the words were recognised; the reading may be unreliable, and the confidence "
            "is lowered to match. Is the advert in a language roleadvisor reads (English, Russian, Persian)?"
        ).format(share=percent(decoded.recognised / decoded.words))
    ]


def _signed(shift: int) -> str:
    return ("+" if shift > 0 else "\u2212" if shift < 0 else "") + number(abs(shift))


def _seniority_sentence(decoded: Decoded) -> str | None:
    if not decoded.seniority_words:
        return None
    words = ", ".join(decoded.seniority_words)
    if not decoded.seniority_shift:
        return _("Seniority in the title: {words} (no change to the levels).").format(words=words)
    marker = "/".join(decoded.seniority_words) + ":"  # the reason decode gives a level it moved
    if not any(reason.startswith(marker) for ask in decoded.skills for reason in ask.reasons):
        return _(
            "Seniority in the title: {words} (no change to the levels: those it moves are already at the "
            "end of the scale)."
        ).format(words=words)
    if decoded.seniority_min_weight >= 3:
        return _(
            "Seniority in the title: {words} (levels of defining skills (weight 3) moved by {shift})."
        ).format(words=words, shift=_signed(decoded.seniority_shift))
    return _(
        "Seniority in the title: {words} (levels of skills weighted {weight} or more moved by {shift})."
    ).format(
        words=words,
        weight=number(decoded.seniority_min_weight, 0 if decoded.seniority_min_weight.is_integer() else 1),
        shift=_signed(decoded.seniority_shift),
    )


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
            name=_("decoded: {title}").format(title=decoded.title[:80]) if decoded.title else None,
            ratings=decoded.ratings,
        ),
        skills=[
            AskedSkill(
                skill=ask.skill,
                level=ask.level,
                label=catalog.scale.labels[ask.level],
                reasons=list(ask.reasons),
                keywords=list(ask.keywords),
                title=catalog.skill(ask.skill).title,
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
            words=decoded.words,
            recognised=decoded.recognised,
            little_understood=decoded.little_understood,
            note=_note(decoded),
        ),
        warnings=_warnings(decoded),
        catalog=catalog_out(catalog),
        scale_max=catalog.scale.max,
        confidence_meaning=confidence_meaning(),
    )


def where_shown(where: str) -> str:
    """How a phrase's place is named for people: ``title``, ``duties``, ``skill words``... (the built-in
    catalogue's sections by name, a custom catalogue's by id)."""
    names = {
        "title": _("title"),
        "intro": _("text"),
        "skills": _("skill words"),
        "role": _("about the role"),
        "duties": _("duties"),
        "requirements": _("requirements"),
        "bonus": _("nice to have"),
        "company": _("about the company"),
        "benefits": _("benefits"),
    }
    return names.get(where, where)


def why_shown(why: str) -> str:
    """Why a role name was not counted, for people (``why`` in the JSON stays as it is)."""
    names = {"a colleague": _("a colleague"), "another team": _("another team")}
    return names.get(why, why)
