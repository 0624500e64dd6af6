"""The layers by their imports: no module imports a layer above it.

catalogue and engine (pure) -> contracts -> render -> output -> commands -> cli.
Read from the source with ``ast`` (imports inside functions count too).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "roleadvisor"

PURE = {
    "typer",
    "click",
    "rich",
    "roleadvisor.render",
    "roleadvisor.output",
    "roleadvisor.commands",
    "roleadvisor.cli",
}
RULES: dict[str, set[str]] = {
    # the pure core: no I/O layer, no presentation, no CLI
    "engine": PURE | {"numpy"},
    "advice": PURE | {"numpy"},
    "resources": PURE | {"numpy"},
    "stability": PURE | {"numpy"},
    "compare": PURE | {"numpy"},
    "decode": PURE | {"numpy"},
    "ratings": PURE | {"numpy", "pydantic"},
    "text": PURE | {"numpy", "pydantic", "rapidfuzz", "yaml"},
    "errors": PURE | {"numpy", "pydantic", "rapidfuzz", "yaml", "roleadvisor.catalog"},
    "boundary": PURE | {"numpy", "pydantic", "rapidfuzz", "yaml", "roleadvisor.catalog"},
    # the language of messages and numbers: below everything that speaks, above nothing
    "i18n": PURE | {"numpy", "pydantic", "rapidfuzz", "yaml", "roleadvisor.catalog", "roleadvisor.engine"},
    "messages": PURE | {"numpy", "pydantic", "rapidfuzz", "yaml", "roleadvisor"},
    "vector": PURE,
    "cohort": PURE,
    "rank": PURE,  # candidates against one requirement profile: NumPy allowed, no I/O
    "api": PURE,
    "lookup": PURE,
    "catalog": PURE
    | {"numpy", "roleadvisor.engine", "roleadvisor.contracts", "roleadvisor.lookup", "rapidfuzz"},
    "batch": {"typer", "click", "rich", "roleadvisor.render", "roleadvisor.commands", "roleadvisor.cli"},
    # results for people and programs: no rendering, no CLI, and no pydantic on the report path
    "contracts": PURE | {"pydantic", "numpy"},
    # renderers take a contract only: no catalogue, no engine, no CLI
    "render": {
        "typer",
        "click",
        "roleadvisor.cli",
        "roleadvisor.commands",
        "roleadvisor.catalog",
        "roleadvisor.engine",
        "roleadvisor.advice",
        "roleadvisor.resources",
        "roleadvisor.stability",
        "numpy",
        "pydantic",
    },
    "output": {
        "typer",
        "click",
        "roleadvisor.cli",
        "roleadvisor.commands",
        "roleadvisor.engine",
        "numpy",
        "pydantic",
    },
    "commands": {"typer", "click", "roleadvisor.cli", "roleadvisor.render"},
    # the Click plumbing and the completion answers sit under cli.py and above everything else
    "cligroup": {
        "roleadvisor.cli",
        "roleadvisor.commands",
        "roleadvisor.render",
        "rich",
        "numpy",
        "pydantic",
    },
    "completion": {
        "roleadvisor.cli",
        "roleadvisor.commands",
        "roleadvisor.render",
        "rich",
        "numpy",
        "pydantic",
    },
}
# the JSON Schema mirrors, used by 'schema' and tests only
EXCEPTIONS = {"contracts/schema.py": {"pydantic"}, "contracts/cohort_schema.py": {"pydantic"}}


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def layer_of(path: Path) -> str:
    rel = path.relative_to(SRC)
    return rel.parts[0].removesuffix(".py")


def forbidden_hits(path: Path) -> list[str]:
    rule = RULES.get(layer_of(path))
    if rule is None:
        return []
    allowed = EXCEPTIONS.get(str(path.relative_to(SRC)), set())
    hits = []
    for name in sorted(imports_of(path)):
        for banned in rule - allowed:
            if name == banned or name.startswith(banned + "."):
                hits.append(f"{path.relative_to(SRC)} imports {name}")
    return hits


@pytest.mark.parametrize("path", sorted(SRC.rglob("*.py")), ids=lambda p: str(p.relative_to(SRC)))
def test_no_import_runs_back_up(path: Path) -> None:
    assert forbidden_hits(path) == []


def test_only_the_entry_point_imports_the_cli() -> None:
    users = [p for p in SRC.rglob("*.py") if "roleadvisor.cli" in imports_of(p) and p.name != "__main__.py"]
    assert users == []


def test_every_error_class_lives_in_errors_py() -> None:
    defined = []
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                bases = {getattr(b, "id", getattr(b, "attr", "")) for b in node.bases}
                if node.name.startswith("_"):
                    continue  # a module's private control-flow signal, never shown to anyone
                if any(
                    b.endswith(("Error", "Exception", "Problem", "Stop")) for b in bases
                ) or node.name.endswith("Error"):
                    defined.append(f"{path.relative_to(SRC)}:{node.name}")
    assert all(item.startswith("errors.py:") for item in defined), defined


def test_the_rule_catches_a_violation(tmp_path: Path) -> None:
    """The checker itself: an engine module importing rich is reported."""
    fake = SRC / "engine.py"
    assert "rich" in RULES[layer_of(fake)]
    sample = tmp_path / "sample.py"
    sample.write_text("from rich.text import Text\nimport roleadvisor.cli\n")
    assert imports_of(sample) == {"rich.text", "roleadvisor.cli"}
