"""The catalogue in another language: its text from an ``i18n/<lang>.yaml`` overlay.

An overlay gives the catalogue's text in one language by place: scale labels,
readiness bands, skills (title, description, level descriptions), stages, roles
(title, description) and resources (notes; titles, which a practice without a url
needs, since it is an instruction such as "Give a talk at a meetup", and which a
book may have, for "free online"). Ids, numbers and requirements never
change. ``localize`` swaps in every text the overlay has and keeps the English
of the rest, listing those places so the report can say so.

Pure and stdlib only: the overlay was checked and flattened to keys when the
catalogue was loaded (``roleadvisor.catalog.validate``), and lives in
``Catalog.texts``.
"""

from __future__ import annotations

from collections.abc import Iterator

from roleadvisor.catalog.models import Band, Catalog, Ranking, Resource, Role, Scale, Stage
from roleadvisor.records import replace

ENGLISH = "en"


def text_keys(catalog: Catalog) -> Iterator[tuple[str, str]]:
    """Every translatable place of ``catalog`` as (key, English text), in file order."""
    for level, label in enumerate(catalog.scale.labels):
        yield f"scale.labels.{level}", label
    for band in catalog.ranking.bands:
        yield f"bands.{band.id}.label", band.label
        yield f"bands.{band.id}.meaning", band.meaning
    for skill in catalog.skills:
        yield f"skills.{skill.id}.title", skill.title
        yield f"skills.{skill.id}.description", skill.description
        for level, text in enumerate(skill.levels):
            yield f"skills.{skill.id}.levels.{level}", text
    for stage in catalog.stages:
        yield f"stages.{stage.id}.title", stage.title
        yield f"stages.{stage.id}.description", stage.description
    for role in catalog.roles:
        yield f"roles.{role.id}.title", role.title
        yield f"roles.{role.id}.description", role.description
    for resource in catalog.resources:
        if resource.language != ENGLISH:
            continue
        if resource.kind == "practice" and resource.url is None:  # an instruction, not a name
            yield f"resources.{resource.title}.title", resource.title
        if resource.note is not None:
            yield f"resources.{resource.title}.note", resource.note


def missing_texts(catalog: Catalog, language: str) -> tuple[str, ...]:
    """The keys of ``catalog``'s text that its ``language`` overlay does not translate."""
    if language == ENGLISH:
        return ()
    have = catalog.translations(language)
    return tuple(key for key, _ in text_keys(catalog) if key not in have)


def localize(catalog: Catalog, language: str) -> tuple[Catalog, tuple[str, ...]]:
    """``catalog`` with its text in ``language`` where the overlay has it, and the keys left in English.

    English, or a language the catalogue has no overlay for, returns the
    catalogue unchanged (and, for the latter, every key as missing).
    """
    if language == ENGLISH:
        return catalog, ()
    t = catalog.translations(language)
    missing = missing_texts(catalog, language)
    if not t:
        return catalog, missing

    def get(key: str, english: str) -> str:
        return t.get(key, english)

    scale = Scale(
        version=catalog.scale.version,
        max=catalog.scale.max,
        labels=tuple(get(f"scale.labels.{i}", label) for i, label in enumerate(catalog.scale.labels)),
    )
    bands = tuple(
        Band(
            id=b.id,
            label=get(f"bands.{b.id}.label", b.label),
            min_fit=b.min_fit,
            max_critical_gaps=b.max_critical_gaps,
            meaning=get(f"bands.{b.id}.meaning", b.meaning),
        )
        for b in catalog.ranking.bands
    )
    skills = tuple(
        replace(
            s,
            title=get(f"skills.{s.id}.title", s.title),
            description=get(f"skills.{s.id}.description", s.description),
            levels=tuple(get(f"skills.{s.id}.levels.{i}", text) for i, text in enumerate(s.levels)),
        )
        for s in catalog.skills
    )
    stages: tuple[Stage, ...] = tuple(
        replace(
            s,
            title=get(f"stages.{s.id}.title", s.title),
            description=get(f"stages.{s.id}.description", s.description),
        )
        for s in catalog.stages
    )
    roles: tuple[Role, ...] = tuple(
        replace(
            r,
            title=get(f"roles.{r.id}.title", r.title),
            description=get(f"roles.{r.id}.description", r.description),
        )
        for r in catalog.roles
    )
    resources: tuple[Resource, ...] = tuple(
        replace(
            r,
            title=get(f"resources.{r.title}.title", r.title),
            note=get(f"resources.{r.title}.note", r.note) if r.note is not None else None,
        )
        for r in catalog.resources
    )
    ranking: Ranking = replace(catalog.ranking, bands=bands)
    # the English text stays at hand (as language "en"): a skill's English title or a scale's
    # English label is still a name for it when the person reads another language
    english = (
        () if any(lang == ENGLISH for lang, _ in catalog.texts) else ((ENGLISH, tuple(text_keys(catalog))),)
    )
    localized = replace(
        catalog,
        scale=scale,
        skills=skills,
        stages=stages,
        roles=roles,
        resources=resources,
        ranking=ranking,
        texts=(*catalog.texts, *english),
    )
    return localized, missing
