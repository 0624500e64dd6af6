"""A resource's ``language`` must be a lowercase language code: ``catalog validate`` says so in one line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from roleadvisor.catalog.loader import load_catalog
from tests.conftest import Invoke


@pytest.mark.parametrize("value", ["RU", "english", "r", "russ", "ru-RU"])
def test_a_resource_language_that_is_no_code_is_rejected(
    invoke: Invoke, catalog_copy: Callable[..., Path], value: str
) -> None:
    target = catalog_copy()
    path = target / "resources.yaml"
    text = path.read_text(encoding="utf-8")
    assert "language: ru}" in text
    path.write_text(text.replace("language: ru}", f"language: {value}}}", 1), encoding="utf-8")
    index = next(i for i, r in enumerate(load_catalog().resources) if r.language == "ru")
    result = invoke("catalog", "validate", str(target))
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"error: catalogue {target} has 1 problem:",
        f"  resources.yaml: resources[{index}].language: {value!r} is not a language code "
        "(two or three lowercase letters, such as en, fa or ru)",
    ]
    refused = invoke("--catalog", str(target), "roles")
    assert refused.exit_code == 2
    assert refused.stderr.splitlines()[0] == f"error: catalogue {target} has 1 problem:"


def test_the_copied_catalogue_with_its_codes_is_valid(
    invoke: Invoke, catalog_copy: Callable[..., Path]
) -> None:
    target = catalog_copy()
    result = invoke("catalog", "validate", str(target))
    assert result.exit_code == 0, result.stderr
    assert {r.language for r in load_catalog(target).resources} == {"en", "fa", "ru"}
