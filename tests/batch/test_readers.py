"""The whole-document readers refuse deep nesting with the message every other reader gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import Invoke


@pytest.mark.parametrize(("name", "text"), [("deep.json", "[" * 5000 + "]" * 5000), ("deep.yaml", "[" * 5000)])
def test_deep_lists_are_refused_before_parsing(invoke: Invoke, tmp_path: Path, name: str, text: str) -> None:
    source = tmp_path / name
    source.write_text(text)
    result = invoke("batch", str(source))
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"error: {source}: line 1: lists and mappings are nested more than 64 levels deep; refusing to read it"
    ]
