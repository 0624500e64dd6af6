"""Find the catalogue directory, load it (from the validated-catalogue cache when its
files are unchanged) and report every problem of a broken one by place.

A broken catalogue yields one line per problem, naming the file and the
place inside it: ``roles.yaml: roles[3].skills.ml.level: must be 0..5``.

Importing this module is cheap (stdlib only): the YAML parser and pydantic are
imported by ``roleadvisor.catalog.validate`` only when the files have to be
checked, that is when they changed since the last load or on ``catalog validate``.
"""

from __future__ import annotations

import os
from pathlib import Path

from roleadvisor.catalog import cache
from roleadvisor.catalog.models import Catalog
from roleadvisor.errors import CatalogError, RoleAdvisorError
from roleadvisor.records import replace
from roleadvisor.textfile import read_bytes

LIFECYCLE_FILE = "lifecycle.yaml"
ROLES_FILE = "roles.yaml"
RESOURCES_FILE = "resources.yaml"  # optional
DECODE_FILE = "decode.yaml"  # optional: how decode reads an advert
CATALOG_FILES = (LIFECYCLE_FILE, ROLES_FILE)
OVERLAY_FILES = ("i18n/fa.yaml", "i18n/ru.yaml")  # the catalogue's text in other languages
OPTIONAL_FILES = (RESOURCES_FILE, DECODE_FILE, *OVERLAY_FILES)
ENV_VAR = "ROLEADVISOR_CATALOG"

BUILTIN_SOURCE = "built-in"


def builtin_catalog_dir() -> Path:
    """The directory of the catalogue shipped with roleadvisor: the package's ``data`` folder."""
    return Path(__file__).absolute().parent.parent / "data"


def read_sources(directory: Path) -> tuple[dict[str, bytes], dict[str, str]]:
    """The bytes of each catalogue file in ``directory``, and a problem line for each unreadable one.

    ``resources.yaml`` and ``decode.yaml`` are optional: each is left out of both
    when it does not exist.
    """
    sources: dict[str, bytes] = {}
    unreadable: dict[str, str] = {}
    for file in (*CATALOG_FILES, *OPTIONAL_FILES):
        path = directory / file
        if file in OPTIONAL_FILES and not path.exists():
            continue
        try:
            sources[file] = read_bytes(path, what="catalogue file")
        except RoleAdvisorError as exc:
            unreadable[file] = f"{file}: {exc.message.removeprefix(str(path) + ': ')}"
    return sources, unreadable


def _directory_problem(directory: Path) -> str | None:
    if directory.is_dir():
        return None
    what = "does not exist" if not directory.exists() else "is not a directory"
    return f"{directory}: catalogue directory {what}"


def validate_catalog_dir(directory: Path) -> tuple[Catalog | None, list[str]]:
    """Load ``directory`` from its YAML and return the catalogue, or ``None`` and every problem.

    Always checks the files themselves (never the cache): ``catalog validate`` uses it.
    """
    problem = _directory_problem(directory)
    if problem is not None:
        return None, [problem]
    from roleadvisor.catalog.validate import validate_sources

    return validate_sources(directory, *read_sources(directory))


def resolve_catalog_dir(directory: Path | None = None) -> tuple[Path, bool]:
    """The directory to load: the argument, else ``$ROLEADVISOR_CATALOG``, else the built-in.

    An empty or unset ``$ROLEADVISOR_CATALOG`` means the built-in catalogue. A name
    of only whitespace, from either (the command line passes ``--catalog`` and the
    variable here alike, and cannot tell them apart), is an error saying so (exit 2).
    """
    if directory is None:
        env = os.environ.get(ENV_VAR, "")
        if not env:
            return builtin_catalog_dir(), True
        directory = Path(env.strip() or env)
    if not str(directory).strip():
        raise CatalogError(
            f"catalogue directory {str(directory)!r} is blank (only whitespace): name a directory, "
            f"or leave ${ENV_VAR} empty or unset to use the built-in catalogue"
        )
    return directory, False


def _load(path: Path, source: str) -> tuple[Catalog | None, list[str]]:
    """The catalogue in ``path`` from the cache if its files are unchanged, else validated and cached."""
    problem = _directory_problem(path)
    if problem is not None:
        return None, [problem]
    sources, unreadable = read_sources(path)
    key = cache.catalog_key(sources) if not unreadable else None
    if key is not None:
        cached = cache.get(key, source)
        if cached is not None:
            return cached, []
    from roleadvisor.catalog.validate import validate_sources

    catalog, problems = validate_sources(path, sources, unreadable)
    if catalog is None:
        return None, problems
    if key is not None:
        cache.put(key, catalog)
    return (catalog if catalog.source == source else replace(catalog, source=source)), []


def load_catalog(directory: Path | str | None = None) -> Catalog:
    """Load and validate a catalogue; raise ``CatalogError`` listing every problem.

    ``directory`` defaults to ``$ROLEADVISOR_CATALOG`` and then to the built-in
    catalogue. A catalogue whose files are byte for byte those of an earlier
    successful load comes from the validated-catalogue cache (see
    ``roleadvisor.catalog.cache``) without parsing any YAML.
    """
    path, builtin = resolve_catalog_dir(Path(directory) if directory is not None else None)
    catalog, problems = _load(path, BUILTIN_SOURCE if builtin else str(path))
    if catalog is None:
        count = len(problems)
        raise CatalogError(
            f"catalogue {path} has {count} problem{'s' if count != 1 else ''}:",
            details=problems,
        )
    return catalog
