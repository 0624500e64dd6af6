"""The Persian and Russian text of the built-in catalogue (``data/i18n/<lang>.yaml``) is complete.

Each overlay holds the human-readable text of the catalogue in one language;
ids stay English. Checked here until the loader validates overlays itself:
every skill, stage, role and readiness band of the English files is there, with
as many scale labels and level descriptors, no empty text, and the script the
language is written in.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from roleadvisor.catalog.models import Catalog

I18N = Path(__file__).resolve().parents[1] / "src" / "roleadvisor" / "data" / "i18n"
LANGUAGES = {"fa": re.compile(r"[\u0600-\u06FF]"), "ru": re.compile(r"[\u0400-\u04FF]")}


def _texts(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [t for item in value for t in _texts(item)]
    if isinstance(value, dict):
        return [t for item in value.values() for t in _texts(item)]
    return []


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_the_overlay_covers_the_whole_catalogue(catalog: Catalog, language: str) -> None:
    data = yaml.safe_load((I18N / f"{language}.yaml").read_text(encoding="utf-8"))
    assert data["language"] == language
    assert len(data["scale"]["labels"]) == len(catalog.scale.labels)
    assert set(data["advice"]["readiness"]) == {band.id for band in catalog.ranking.bands}
    assert set(data["skills"]) == set(catalog.skill_ids)
    for skill in catalog.skills:
        assert len(data["skills"][skill.id]["levels"]) == len(skill.levels), skill.id
        assert data["skills"][skill.id]["title"] and data["skills"][skill.id]["description"]
    assert set(data["stages"]) == {stage.id for stage in catalog.stages}
    assert set(data["roles"]) == set(catalog.role_ids)
    for role_id, role in data["roles"].items():
        assert role["title"] and role["description"], role_id
        assert role.get("aliases"), role_id
    texts = _texts({k: v for k, v in data.items() if k != "language"})
    assert all(t.strip() for t in texts)
    script = LANGUAGES[language]
    written = [t for t in texts if script.search(t)]
    assert len(written) >= 0.9 * len(texts)  # the text is in the language (names may stay Latin)


def test_persian_uses_persian_letters() -> None:
    text = (I18N / "fa.yaml").read_text(encoding="utf-8")
    assert "\u064a" not in text and "\u0643" not in text  # Arabic yeh and kaf, not Persian ی and ک
