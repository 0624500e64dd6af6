"""What ``roleadvisor decode`` reports: the roles a title or advert most likely is, and its profile."""

from __future__ import annotations

from roleadvisor.catalog.models import Catalog
from roleadvisor.contracts import Contract, shown
from roleadvisor.contracts.common import CatalogOut, ProfileOut, catalog_out
from roleadvisor.decode import Decoded
from roleadvisor.records import record


@record(frozen=False, eq=False, kw_only=True)
class DecodedRole:
    """A role the text probably describes: share of the evidence, and the words behind it."""

    id: str
    title: str
    score: float
    evidence: list[str]


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
    """Seniority words found in the title line and the level shift they imply."""

    shift: int
    words: list[str]


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
    catalog: CatalogOut
    scale_max: int = shown(0)


def decode_view(decoded: Decoded, catalog: Catalog) -> DecodeView:
    """The decode result with titles and labels filled in from the catalogue."""
    return DecodeView(
        title=decoded.title,
        roles=[
            DecodedRole(
                id=m.role_id, title=catalog.role(m.role_id).title, score=m.score, evidence=list(m.evidence)
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
        seniority=Seniority(shift=decoded.seniority_shift, words=list(decoded.seniority_words)),
        catalog=catalog_out(catalog),
        scale_max=catalog.scale.max,
    )
