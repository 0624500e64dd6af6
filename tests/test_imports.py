"""Start-up costs what each command needs: the import budget of the real entry point.

Each case runs the console script's ``main`` in a fresh interpreter and lists
the modules loaded by the time it exits. Timings are in benchmarks/bench_startup.py;
this test keeps the structure that makes them possible from regressing.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import MLE, rate_args

HEAVY = ("numpy", "pydantic", "rich", "yaml", "rapidfuzz", "orjson")

DRIVER = """
import atexit, json, sys
out = sys.argv[1]
args = sys.argv[2:]
def dump():
    with open(out, "w") as handle:
        json.dump(sorted(sys.modules), handle)
atexit.register(dump)
from roleadvisor.__main__ import main
sys.exit(main(args))
"""


def loaded_after(tmp_path: Path, *args: str) -> set[str]:
    """Top-level package names imported by ``roleadvisor ARGS`` (exit code must be 0)."""
    out = tmp_path / "modules.json"
    done = subprocess.run(
        [sys.executable, "-c", DRIVER, str(out), *args],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return {name.split(".")[0] for name in json.loads(out.read_text())}


def heavy(modules: set[str]) -> set[str]:
    return modules & set(HEAVY)


@pytest.mark.parametrize(
    "args",
    [["--version"], ["--help"], ["assess", "--help"], ["batch", "--help"]],
    ids=["version", "help", "assess-help", "batch-help"],
)
def test_version_and_help_import_nothing_heavy(tmp_path: Path, args: list[str]) -> None:
    assert heavy(loaded_after(tmp_path, *args)) == set()


def test_version_does_not_even_import_typer(tmp_path: Path) -> None:
    modules = loaded_after(tmp_path, "--version")
    assert "typer" not in modules and "click" not in modules


def test_json_report_needs_no_numpy_pydantic_rich_yaml_or_rapidfuzz(tmp_path: Path) -> None:
    loaded_after(tmp_path, "assess", *rate_args(MLE), "--format", "json")  # fills the catalogue cache
    assert heavy(loaded_after(tmp_path, "assess", *rate_args(MLE), "--format", "json")) == set()


def test_tables_need_rich_only(tmp_path: Path) -> None:
    loaded_after(tmp_path, "roles")
    for args in (["roles"], ["lifecycle"], ["skills"], ["assess", *rate_args(MLE)]):
        assert heavy(loaded_after(tmp_path, *args)) == {"rich"}, args


def test_a_changed_catalogue_loads_yaml_but_not_pydantic_or_numpy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a valid catalogue is read by fastspec; pydantic is only asked to explain a broken one
    monkeypatch.setenv("ROLEADVISOR_CACHE_DIR", "off")
    assert heavy(loaded_after(tmp_path, "assess", *rate_args(MLE), "--format", "json")) == {"yaml"}


def test_importing_the_package_loads_only_its_init() -> None:
    code = "import sys, roleadvisor; print(sorted(m for m in sys.modules if m.startswith('roleadvisor')))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "['roleadvisor']"


def test_the_api_still_loads_on_first_use() -> None:
    code = f"import roleadvisor; t = roleadvisor.score_profiles([{{'id': 'a', 'ratings': {MLE!r}}}]); print(t.top_role[0])"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip()
