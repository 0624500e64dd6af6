"""Shared fixtures: the built-in catalogue, a CLI runner with a fixed width, and
helpers to make broken or custom catalogues in a temporary directory."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner, Result

from roleadvisor.catalog.loader import builtin_catalog_dir, load_catalog
from roleadvisor.catalog.models import Catalog
from roleadvisor.cli import app
from roleadvisor.engine import Model
from roleadvisor.vector import Matrices

MLE = {
    "systems": 4,
    "databases": 3,
    "ml": 4,
    "algorithms": 3,
    "stats": 2,
    "sme": 2,
    "product": 1,
    "communication": 3,
}

DS = {
    "systems": 2,
    "databases": 3,
    "ml": 3,
    "algorithms": 2,
    "stats": 4,
    "sme": 4,
    "product": 2,
    "communication": 3,
}


def rate_args(ratings: dict[str, int]) -> list[str]:
    """``--rate`` options for a ratings mapping."""
    out: list[str] = []
    for skill, level in ratings.items():
        out += ["--rate", f"{skill}={level}"]
    return out


@pytest.fixture(scope="session", autouse=True)
def _isolated_catalog_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The whole session (and every subprocess it starts) caches catalogues in a temp dir, never ~/.cache."""
    directory = tmp_path_factory.mktemp("catalog-cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ROLEADVISOR_CACHE_DIR", str(directory))
        yield directory


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ROLEADVISOR_CATALOG", raising=False)
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.delenv("TTY_COMPATIBLE", raising=False)
    for name in ("ROLEADVISOR_LANG", "LC_ALL", "LC_MESSAGES"):  # English unless a test asks for a language
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture(scope="session")
def model(catalog: Catalog) -> Model:
    return Model.from_catalog(catalog)


@pytest.fixture(scope="session")
def matrices(model: Model) -> Matrices:
    return Matrices.from_model(model)


Invoke = Callable[..., Result]


@pytest.fixture
def invoke() -> Invoke:
    """Run the CLI in-process; ``input`` feeds stdin (which is never a terminal here)."""
    runner = CliRunner()

    def run(*args: str, input: str | bytes | None = None) -> Result:
        return runner.invoke(app, list(args), input=input, catch_exceptions=True)

    return run


@pytest.fixture
def catalog_copy(tmp_path: Path) -> Callable[..., Path]:
    """Copy the built-in catalogue to a temp dir, optionally editing its parsed YAML."""

    def make(
        edit_lifecycle: Callable[[dict[str, object]], None] | None = None,
        edit_roles: Callable[[dict[str, object]], None] | None = None,
    ) -> Path:
        target = tmp_path / "catalog"
        shutil.copytree(builtin_catalog_dir(), target, dirs_exist_ok=True)
        for name, edit in (("lifecycle.yaml", edit_lifecycle), ("roles.yaml", edit_roles)):
            if edit is not None:
                path = target / name
                data = yaml.safe_load(path.read_text(encoding="utf-8"))
                edit(data)
                path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
        return target

    return make


def installed_command() -> list[str]:
    """The installed console script next to this interpreter."""
    script = Path(sys.executable).with_name("roleadvisor")
    if not script.exists():
        pytest.fail(f"console script {script} is not installed; run the README's install step")
    return [str(script)]


@pytest.fixture(autouse=True)
def _english_first() -> Iterator[None]:
    """Every test starts in English: a command run in-process with --lang changes the language of
    the whole process, so a test in the same worker would otherwise read its messages."""
    from roleadvisor import i18n

    i18n.activate("en")
    yield
    i18n.activate("en")



@pytest.fixture
def worker_processes(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many batch worker processes each run made (so a test knows which path it took)."""
    from roleadvisor.batch import procs

    counts: list[int] = []
    real = procs.ProcessOutput.__init__

    def init(self: procs.ProcessOutput, *args: object, **kwargs: object) -> None:
        real(self, *args, **kwargs)  # type: ignore[arg-type]
        counts.append(len(self.procs))

    monkeypatch.setattr(procs.ProcessOutput, "__init__", init)
    return counts
