"""The catalogue in Persian and Russian: every text swapped, nothing else changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from roleadvisor.catalog.loader import builtin_catalog_dir, load_catalog
from roleadvisor.catalog.localize import localize, missing_texts, text_keys


@pytest.mark.parametrize("language", ["fa", "ru"])
def test_the_built_in_catalogue_is_translated_whole(language: str) -> None:
    catalog = load_catalog()
    assert missing_texts(catalog, language) == ()
    localized, missing = localize(catalog, language)
    assert missing == ()
    english = list(text_keys(catalog))
    translated = list(text_keys(localized))  # a translated resource title is in its own key
    assert len(english) == len(translated)
    same = [key for (key, text), (_, other) in zip(english, translated, strict=True) if text == other]
    assert not same, same  # every text really changed


@pytest.mark.parametrize("language", ["fa", "ru"])
def test_localize_changes_no_id_number_or_requirement(language: str) -> None:
    catalog = load_catalog()
    localized, _ = localize(catalog, language)
    assert localized.role_ids == catalog.role_ids
    assert localized.skill_ids == catalog.skill_ids
    assert [r.requirements for r in localized.roles] == [r.requirements for r in catalog.roles]
    assert [(b.id, b.min_fit, b.max_critical_gaps) for b in localized.ranking.bands] == [
        (b.id, b.min_fit, b.max_critical_gaps) for b in catalog.ranking.bands
    ]
    assert [s.skill_mix for s in localized.stages] == [s.skill_mix for s in catalog.stages]


def test_english_and_unknown_languages() -> None:
    catalog = load_catalog()
    assert localize(catalog, "en") == (catalog, ())
    same, missing = localize(catalog, "de")
    assert same == catalog
    assert len(missing) == len(list(text_keys(catalog)))


def _copy(tmp_path: Path) -> Path:
    import shutil

    target = tmp_path / "cat"
    shutil.copytree(builtin_catalog_dir(), target)
    return target


def test_a_missing_translation_falls_back_to_english_and_is_listed(tmp_path: Path) -> None:
    directory = _copy(tmp_path)
    overlay = directory / "i18n" / "ru.yaml"
    text = overlay.read_text(encoding="utf-8")
    start = text.index('    title: "Базы данных"')
    overlay.write_text(text[:start] + text[text.index("\n", start) + 1 :], encoding="utf-8")
    catalog = load_catalog(directory)
    assert missing_texts(catalog, "ru") == ("skills.databases.title",)
    localized, missing = localize(catalog, "ru")
    assert missing == ("skills.databases.title",)
    assert localized.skill("databases").title == "Databases"
    assert localized.skill("databases").levels[0] != catalog.skill("databases").levels[0]

    from roleadvisor.catalog.validate import catalog_warnings

    assert any(
        w.startswith("i18n/ru.yaml: 1 text not translated, shown in English: skills.databases.title")
        for w in catalog_warnings(catalog)
    )


@pytest.mark.parametrize(
    ("replace", "by", "problem"),
    [
        ('    title: "Базы данных"', "    titel: \"Базы данных\"", "i18n/ru.yaml: skills.databases.titel: unknown field"),
        ('    title: "Базы данных"', "    title: 3", "i18n/ru.yaml: skills.databases.title: must be text"),
        ('    title: "Базы данных"', '    title: ""', "i18n/ru.yaml: skills.databases.title: must be text"),
        ("language: ru", "language: ru\nscope: all", "i18n/ru.yaml: scope: unknown field"),
        ('  labels: ["нет", ', '  labels: [', "i18n/ru.yaml: scale.labels: must list 6 labels"),
        (
            '  "Shape Up (Ryan Singer; free online)": {title: ',
            '  "Shape Up (Ryan Singer; free online)": {titel: ',
            "i18n/ru.yaml: resources.Shape Up (Ryan Singer; free online): must be a mapping with the translated",
        ),
        (
            "resources:\n",
            'resources:\n  "LeetCode": {note: "задачи"}\n',
            "i18n/ru.yaml: resources.LeetCode.note: the resource has no note to translate",
        ),
    ],
)
def test_a_broken_overlay_is_reported_by_place(tmp_path: Path, replace: str, by: str, problem: str) -> None:
    from roleadvisor.catalog.loader import validate_catalog_dir

    directory = _copy(tmp_path)
    overlay = directory / "i18n" / "ru.yaml"
    text = overlay.read_text(encoding="utf-8")
    assert replace in text
    overlay.write_text(text.replace(replace, by, 1), encoding="utf-8")
    catalog, problems = validate_catalog_dir(directory)
    assert catalog is None
    assert any(p.startswith(problem) for p in problems), problems


@pytest.mark.parametrize("language", ["fa", "ru"])
def test_a_practice_is_an_instruction_in_the_reader_s_language(language: str) -> None:
    """A practice without a url ("Give a talk at a meetup...") is text; a named one (LeetCode) is a name."""
    catalog = load_catalog()
    localized, _ = localize(catalog, language)
    pairs = list(zip(catalog.resources, localized.resources, strict=True))
    practices = [(a, b) for a, b in pairs if a.kind == "practice" and a.url is None and a.language == "en"]
    assert len(practices) >= 10
    assert all(a.title != b.title for a, b in practices)
    named = [(a, b) for a, b in pairs if a.title == "LeetCode"]
    assert named and named[0][1].title == "LeetCode"
    assert not any("free online" in b.title for _, b in pairs)
