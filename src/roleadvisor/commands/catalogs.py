"""``roleadvisor catalog init`` and ``roleadvisor catalog validate``."""

from __future__ import annotations

from pathlib import Path

from roleadvisor.catalog.loader import (
    CATALOG_FILES,
    OPTIONAL_FILES,
    builtin_catalog_dir,
    resolve_catalog_dir,
    validate_catalog_dir,
)
from roleadvisor.contracts.catalog import ValidationReport, validation_report
from roleadvisor.errors import CatalogError, InputIOError, OutputIOError, UsageError
from roleadvisor.output import note, write_file


def run_init(directory: Path, force: bool) -> None:
    """Copy the built-in catalogue files into ``directory`` to start a custom one."""
    if directory.exists() and not directory.is_dir():
        raise UsageError(f"{directory}: exists and is not a directory")
    names = (*CATALOG_FILES, *OPTIONAL_FILES)
    existing = [name for name in names if (directory / name).exists()]
    if existing and not force:
        listed = ", ".join(existing[:-1]) + (" and " if len(existing) > 1 else "") + existing[-1]
        raise UsageError(
            f"{directory} already has {listed}; pass --force to overwrite, or choose another directory"
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
        if "/" in name:  # the language overlays live in i18n/
            try:
                (directory / name).parent.mkdir(exist_ok=True)
            except OSError as exc:
                raise OutputIOError(
                    f"{directory / name}: cannot create its directory: {exc.strerror or exc}"
                ) from None
        write_file(directory / name, text)
    note(
        f"Wrote {', '.join(str(directory / name) for name in texts)}.\n"
        f"Edit them, check them with: roleadvisor catalog validate {directory}\n"
        f"and use them with:          roleadvisor --catalog {directory} assess"
    )


def validate_contract(directory: Path | None, global_dir: Path | None) -> ValidationReport:
    """Check a catalogue (the argument, else --catalog / $ROLEADVISOR_CATALOG, else the built-in one)."""
    path, builtin = resolve_catalog_dir(directory if directory is not None else global_dir)
    catalog, problems = validate_catalog_dir(path)
    warnings: list[str] = []
    if catalog is not None:
        from roleadvisor.catalog.validate import catalog_warnings

        warnings = catalog_warnings(catalog)
    return validation_report("built-in" if builtin else str(path), catalog, problems, warnings)


def validation_error(report: ValidationReport, *, listed: str | None = None) -> CatalogError:
    """The error that lists every problem of an invalid catalogue (exit 2).

    ``listed``: where the problems are already shown (``in the JSON on stdout``); then
    the error is one line that says so, without listing them again.
    """
    count = len(report.problems)
    plural = "s" if count != 1 else ""
    if listed is not None:
        return CatalogError(f"catalogue {report.catalog} has {count} problem{plural} (listed {listed})")
    return CatalogError(f"catalogue {report.catalog} has {count} problem{plural}:", details=report.problems)
