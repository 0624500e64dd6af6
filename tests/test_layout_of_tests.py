"""The tests mirror the source tree: ``tests/a/test_b[_topic].py`` tests ``src/roleadvisor/a/b.py``."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "roleadvisor"
TESTS = ROOT / "tests"
ACROSS = {"test_imports.py", "test_layers.py", "test_docs.py", "test_installed.py", "test_layout_of_tests.py"}


def test_every_test_file_names_a_source_module_at_the_same_place() -> None:
    orphans = []
    for test in sorted(TESTS.rglob("test_*.py")):
        if test.name in ACROSS:
            continue
        rel = test.relative_to(TESTS)
        stem = test.stem.removeprefix("test_")
        here = SRC / rel.parent
        modules = {p.stem for p in here.glob("*.py")} | {p.name for p in here.iterdir() if p.is_dir()}
        if not any(stem == m or stem.startswith(m + "_") for m in modules):
            orphans.append(str(rel))
    assert orphans == []
