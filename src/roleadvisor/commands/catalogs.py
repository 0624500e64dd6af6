"""``roleadvisor catalog init`` and ``roleadvisor catalog validate``."""

from __future__ import annotations

import json
from pathlib import Path

from roleadvisor.catalog.loader import (
    CATALOG_FILES,
    RESOURCES_FILE,
    builtin_catalog_dir,
    resolve_catalog_dir,
    validate_catalog_dir,
)
from roleadvisor.errors import EXIT_OK, EXIT_USAGE, CatalogError, InputIOError, OutputIOError, UsageError
from roleadvisor.output import stderr_console, write_atomic, write_stdout


def run_init(directory: Path, force: bool) -> None:
    """Copy the built-in catalogue files into ``directory`` to start a custom one."""
    if directory.exists() and not directory.is_dir():
        raise UsageError(f"{directory}: exists and is not a directory")
    names = (*CATALOG_FILES, RESOURCES_FILE)
    existing = [name for name in names if (directory / name).exists()]
    if existing and not force:
        listed = ", ".join(existing[:-1]) + (" and " if len(existing) > 1 else "") + existing[-1]
        raise UsageError(
            f"{directory} already has {listed}; "
            "pass --force to overwrite, or choose another directory"
        )
    source = builtin_catalog_dir()
    texts: dict[str, str] = {}
    for name in names:
        if name not in CATALOG_FILES and not (source / name).exists():
            continue
        try:
            texts[name] = (source / name).read_text(encoding="utf-8")
        except OSError as exc:
            raise InputIOError(f"cannot read the built-in {name}: {exc.strerror or exc}") from None
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputIOError(f"{directory}: cannot create directory: {exc.strerror or exc}") from None
    for name, text in texts.items():
        write_atomic(directory / name, text)
    stderr_console().print(
        f"Wrote {', '.join(str(directory / name) for name in texts)}.\n"
        f"Edit them, check them with: roleadvisor catalog validate {directory}\n"
        f"and use them with:          roleadvisor --catalog {directory} assess",
        highlight=False,
        soft_wrap=True,
    )


def run_validate(directory: Path | None, global_dir: Path | None, fmt: str) -> int:
    """Check a catalogue and report every problem; the exit code is 2 if there are any."""
    path, builtin = resolve_catalog_dir(directory if directory is not None else global_dir)
    catalog, problems = validate_catalog_dir(path)
    shown = "built-in" if builtin else str(path)
    if fmt == "json":
        payload: dict[str, object] = {
            "catalog": shown,
            "valid": catalog is not None,
            "problems": problems,
        }
        if catalog is not None:
            payload.update(
                version=catalog.version,
                skills=len(catalog.skills),
                stages=len(catalog.stages),
                roles=len(catalog.roles),
            )
        write_stdout(json.dumps(payload, indent=2) + "\n")
        return EXIT_OK if catalog is not None else EXIT_USAGE
    if catalog is None:
        count = len(problems)
        plural = "s" if count != 1 else ""
        raise CatalogError(f"catalogue {shown} has {count} problem{plural}:", details=problems)
    write_stdout(
        f"ok: catalogue {shown} (version {catalog.version}) is valid: "
        f"{len(catalog.skills)} skill areas, {len(catalog.stages)} stages, {len(catalog.roles)} roles\n"
    )
    return EXIT_OK
