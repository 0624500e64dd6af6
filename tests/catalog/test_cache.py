"""The validated-catalogue cache: same result warm as cold, never stale, never in the way."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from roleadvisor.catalog import cache
from roleadvisor.catalog.loader import builtin_catalog_dir, load_catalog, validate_catalog_dir
from roleadvisor.catalog.models import Catalog
from roleadvisor.errors import CatalogError

HEAVY = ("yaml", "pydantic", "rapidfuzz", "numpy", "rich")


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh, empty cache directory for this test only."""
    directory = tmp_path / "cache"
    monkeypatch.setenv("ROLEADVISOR_CACHE_DIR", str(directory))
    return directory


@pytest.fixture
def validations(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Records every validation from YAML (a cache miss) by directory."""
    from roleadvisor.catalog import validate

    calls: list[Path] = []
    real = validate.validate_sources

    def spy(directory: Path, *args: Any) -> tuple[Catalog | None, list[str]]:
        calls.append(directory)
        return real(directory, *args)

    monkeypatch.setattr(validate, "validate_sources", spy)
    return calls


@pytest.fixture
def custom(tmp_path: Path) -> Path:
    """A copy of the built-in catalogue files."""
    directory = tmp_path / "custom"
    shutil.copytree(builtin_catalog_dir(), directory)
    return directory


def entries(directory: Path) -> list[Path]:
    return sorted(directory.glob("catalog-*.json"))


def parsed(directory: Path) -> list[Path]:
    return sorted(directory.glob("parsed-*.json"))


def leftovers(directory: Path) -> list[Path]:
    """Anything in the cache directory that is not a finished entry (temporary files)."""
    if not directory.exists():
        return []
    done = [*entries(directory), *parsed(directory)]
    return [p for p in directory.iterdir() if p not in done]


def cold(directory: Path) -> Catalog:
    catalog, problems = validate_catalog_dir(directory)
    assert catalog is not None, problems
    return catalog


def test_warm_load_equals_cold_load(cache_dir: Path, custom: Path, validations: list[Path]) -> None:
    first = load_catalog(custom)
    assert validations == [custom]
    assert len(entries(cache_dir)) == 1
    second = load_catalog(custom)
    assert validations == [custom]  # no YAML read the second time
    assert second == first == cold(custom)
    assert repr(second) == repr(first)  # same field types too (floats stay floats)
    assert second.source == str(custom)
    assert second.skill("ml") == first.skill("ml")  # the skill index is rebuilt


def test_source_is_right_whatever_was_cached(cache_dir: Path, custom: Path, validations: list[Path]) -> None:
    builtin = load_catalog()
    assert builtin.source == "built-in"
    from_copy = load_catalog(custom)  # same bytes, so the same cache entry
    assert validations == [builtin_catalog_dir()]
    assert from_copy.source == str(custom)
    assert load_catalog().source == "built-in"
    assert len(entries(cache_dir)) == 1


def test_the_cache_file_is_plain_json(cache_dir: Path, custom: Path) -> None:
    load_catalog(custom)
    [entry] = entries(cache_dir)
    document = json.loads(entry.read_text(encoding="ascii"))
    assert document["format"] == cache.FORMAT
    assert entry.name == f"catalog-{document['key']}.json"
    assert document["catalog"]["skills"][0]["id"] == "systems"
    assert str(custom) not in entry.read_text(encoding="ascii")  # the source is not stored
    assert leftovers(cache_dir) == []


def test_one_changed_byte_validates_again(cache_dir: Path, custom: Path, validations: list[Path]) -> None:
    load_catalog(custom)
    roles = custom / "roles.yaml"
    roles.write_bytes(roles.read_bytes() + b"\n")
    load_catalog(custom)
    assert validations == [custom, custom]
    assert len(entries(cache_dir)) == 2


def test_adding_or_removing_resources_validates_again(
    cache_dir: Path, custom: Path, validations: list[Path]
) -> None:
    with_resources = load_catalog(custom)
    (custom / "resources.yaml").unlink()
    without = load_catalog(custom)
    assert validations == [custom, custom]
    assert with_resources.resources and not without.resources


def test_an_edit_that_breaks_the_catalogue_is_reported(
    cache_dir: Path, custom: Path, validations: list[Path]
) -> None:
    expected = load_catalog(custom)
    roles = custom / "roles.yaml"
    good = roles.read_text(encoding="utf-8")
    roles.write_text(good.replace("level: 4", "level: 9", 1), encoding="utf-8")
    with pytest.raises(CatalogError) as info:
        load_catalog(custom)
    assert info.value.message == f"catalogue {custom} has 1 problem:"
    assert "must be 0..5, got 9" in info.value.details[0]
    with pytest.raises(CatalogError):  # broken catalogues are never cached
        load_catalog(custom)
    assert len(entries(cache_dir)) == 1
    roles.write_text(good, encoding="utf-8")
    assert load_catalog(custom) == expected
    assert validations == [custom, custom, custom]  # the good one again came from the cache


def test_validate_catalog_dir_always_reads_the_yaml(
    cache_dir: Path, custom: Path, validations: list[Path]
) -> None:
    load_catalog(custom)
    validate_catalog_dir(custom)
    validate_catalog_dir(custom)
    assert validations == [custom, custom, custom]


def _set_first_level(document: Any, value: object) -> None:
    document["catalog"]["roles"][0]["requirements"][0][1] = value


def _edit(change: Callable[[Any], object]) -> Callable[[bytes], bytes]:
    def apply(raw: bytes) -> bytes:
        document = json.loads(raw)
        change(document)
        return json.dumps(document).encode()

    return apply


CORRUPTIONS: dict[str, Callable[[bytes], bytes]] = {
    "empty": lambda raw: b"",
    "truncated": lambda raw: raw[: len(raw) // 2],
    "not json": lambda raw: b"\x80\x81 not json",
    "a list": lambda raw: b"[]",
    "deeply nested": lambda raw: b"[" * 100_000 + b"]" * 100_000,
    "other format": _edit(lambda d: d.update(format=cache.FORMAT + 1)),
    "other version": _edit(lambda d: d.update(roleadvisor="0.0.0")),
    "other key": _edit(lambda d: d.update(key="0" * 40)),
    "missing field": _edit(lambda d: d["catalog"].pop("roles")),
    "extra field": _edit(lambda d: d["catalog"]["skills"][0].update(colour="red")),
    "text for a level": _edit(lambda d: _set_first_level(d, "3")),
    "bool for a level": _edit(lambda d: _set_first_level(d, True)),
    "null for a title": _edit(lambda d: d["catalog"]["skills"][0].update(title=None)),
    "short requirement": _edit(lambda d: d["catalog"]["roles"][0]["requirements"][0].pop()),
}


@pytest.mark.parametrize("corrupt", CORRUPTIONS.values(), ids=CORRUPTIONS.keys())
def test_a_bad_cache_file_is_ignored_and_replaced(
    cache_dir: Path, custom: Path, validations: list[Path], corrupt: Callable[[bytes], bytes]
) -> None:
    expected = load_catalog(custom)
    [entry] = entries(cache_dir)
    good = entry.read_bytes()
    entry.write_bytes(corrupt(good))
    assert load_catalog(custom) == expected
    assert validations == [custom, custom]
    assert entry.read_bytes() == good
    assert load_catalog(custom) == expected
    assert validations == [custom, custom]
    assert leftovers(cache_dir) == []


def test_an_entry_that_is_a_directory_is_ignored(cache_dir: Path, custom: Path) -> None:
    expected = load_catalog(custom)
    [entry] = entries(cache_dir)
    entry.unlink()
    entry.mkdir()
    assert load_catalog(custom) == expected
    assert load_catalog(custom) == expected
    assert leftovers(cache_dir) == []


def test_a_cache_dir_that_cannot_be_created(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, custom: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory", encoding="utf-8")
    for directory in (blocker, blocker / "cache"):
        monkeypatch.setenv("ROLEADVISOR_CACHE_DIR", str(directory))
        assert load_catalog(custom) == cold(custom)
        assert load_catalog().source == "built-in"
    assert blocker.read_text(encoding="utf-8") == "not a directory"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can write anywhere")
def test_a_read_only_cache_dir(cache_dir: Path, custom: Path) -> None:
    cache_dir.mkdir()
    cache_dir.chmod(0o500)
    try:
        assert load_catalog(custom) == cold(custom)
        assert list(cache_dir.iterdir()) == []
    finally:
        cache_dir.chmod(0o700)


def test_a_read_only_file_system(cache_dir: Path, custom: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = load_catalog(custom)  # cached while the file system was writable

    def read_only(*args: object, **kwargs: object) -> None:
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(cache.os, "open", read_only)
    monkeypatch.setattr(cache.os, "utime", read_only)
    assert load_catalog(custom) == expected  # served from the cache; the LRU touch fails quietly
    (custom / "roles.yaml").write_bytes((custom / "roles.yaml").read_bytes() + b"\n")
    assert load_catalog(custom) == expected  # a new key cannot be stored: loaded from the YAML
    assert len(entries(cache_dir)) == 1
    assert leftovers(cache_dir) == []


def test_a_failed_rename_leaves_no_temporary_file(
    cache_dir: Path, custom: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(self: Path, target: object) -> Path:
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(Path, "replace", refuse)
    assert load_catalog(custom) == cold(custom)
    assert list(cache_dir.iterdir()) == []


def test_a_failed_write_leaves_no_temporary_file(
    cache_dir: Path, custom: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_fdopen = os.fdopen

    class FullDisk:
        def __init__(self, fd: int, mode: str) -> None:
            self.handle = real_fdopen(fd, mode)

        def __enter__(self) -> FullDisk:
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()

        def write(self, data: bytes) -> int:
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(cache.os, "fdopen", FullDisk)
    assert load_catalog(custom) == cold(custom)
    assert list(cache_dir.iterdir()) == []


def test_off_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, custom: Path) -> None:
    home, xdg = tmp_path / "home", tmp_path / "xdg"
    home.mkdir()
    xdg.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CACHE_HOME", str(xdg))
    monkeypatch.setenv("ROLEADVISOR_CACHE_DIR", "off")
    assert cache.cache_dir() is None
    assert load_catalog(custom) == cold(custom)
    assert load_catalog().source == "built-in"
    assert list(home.iterdir()) == list(xdg.iterdir()) == []


def test_where_the_cache_lives(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("ROLEADVISOR_CACHE_DIR", str(tmp_path / "mine"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.cache_dir() == tmp_path / "mine"
    monkeypatch.setenv("ROLEADVISOR_CACHE_DIR", " OFF ")
    assert cache.cache_dir() is None
    monkeypatch.delenv("ROLEADVISOR_CACHE_DIR")
    assert cache.cache_dir() == tmp_path / "xdg" / "roleadvisor"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")  # ignored, as the XDG spec says
    assert cache.cache_dir() == tmp_path / "home" / ".cache" / "roleadvisor"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert cache.cache_dir() == tmp_path / "home" / ".cache" / "roleadvisor"


def test_old_entries_are_pruned(cache_dir: Path, custom: Path) -> None:
    roles = custom / "roles.yaml"
    original = roles.read_bytes()
    for i in range(cache.MAX_ENTRIES + 3):
        roles.write_bytes(original + f"# edit {i}\n".encode())
        load_catalog(custom)
    kept = entries(cache_dir)
    assert len(kept) == cache.MAX_ENTRIES
    from roleadvisor.catalog.loader import read_sources

    sources, _ = read_sources(custom)  # every file, the language overlays in i18n/ too
    assert cache_dir / f"catalog-{cache.catalog_key(sources)}.json" in kept  # the latest survives


def test_stale_temporary_files_are_removed(cache_dir: Path, custom: Path) -> None:
    cache_dir.mkdir()
    stale = cache_dir / ".catalog-abc.123.deadbeef.tmp"
    fresh = cache_dir / ".catalog-abc.456.deadbeef.tmp"
    stale.write_bytes(b"{")
    fresh.write_bytes(b"{")
    old = stale.stat().st_mtime - cache.STALE_TEMP_SECONDS - 60
    os.utime(stale, (old, old))
    load_catalog(custom)
    assert not stale.exists()
    assert fresh.exists()  # perhaps another process is writing it right now


# Loads the catalogue twice (cold, then warm) in fresh interpreters and reports what got imported.
# With "bare", the package's __init__ is not run, so only the catalogue's own imports count.
IMPORT_PROBE = """
import json, re, sys, importlib.util, types
if sys.argv[1] == "bare":
    spec = importlib.util.find_spec("roleadvisor")
    package = types.ModuleType("roleadvisor")
    package.__path__ = list(spec.submodule_search_locations)
    package.__version__ = re.search(r'__version__ = "(.+?)"', open(spec.origin).read()).group(1)
    sys.modules["roleadvisor"] = package
else:
    import roleadvisor
heavy = sys.argv[2].split(",")
before = [m for m in heavy if m in sys.modules]
from roleadvisor.catalog.loader import load_catalog
catalog = load_catalog()
print(json.dumps({"source": catalog.source, "before": before, "after": [m for m in heavy if m in sys.modules]}))
"""


@pytest.mark.parametrize("package", ["bare", "real"])
def test_a_warm_load_imports_no_yaml_pydantic_or_other_heavy_module(tmp_path: Path, package: str) -> None:
    env = {**os.environ, "ROLEADVISOR_CACHE_DIR": str(tmp_path / "cache")}

    def run() -> dict[str, Any]:
        proc = subprocess.run(
            [sys.executable, "-c", IMPORT_PROBE, package, ",".join(HEAVY)],
            env=env,
            capture_output=True,
            text=True,
            check=True,
            timeout=60,
        )
        result: dict[str, Any] = json.loads(proc.stdout)
        return result

    cold_run = run()  # fills the cache
    assert cold_run["source"] == "built-in"
    assert "yaml" in cold_run["after"]  # the probe does see these modules
    assert "pydantic" not in cold_run["after"]  # a valid catalogue is read without it (fastspec)
    warm = run()
    assert warm["source"] == "built-in"
    if package == "bare":
        assert warm["after"] == []
    else:  # whatever 'import roleadvisor' itself costs is not the catalogue's doing
        assert warm["after"] == warm["before"]
        assert not {"yaml", "pydantic", "rapidfuzz"} & set(warm["after"])


# --- the parsed-file cache --------------------------------------------------------------------


def test_only_the_changed_file_is_parsed_again(
    cache_dir: Path, custom: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_catalog(custom)
    assert len(parsed(cache_dir)) == 7  # one per file (two language overlays), and decode.yaml checked
    parses: list[int] = []
    import roleadvisor.catalog.validate as validate_module

    real = validate_module.load_yaml
    monkeypatch.setattr(validate_module, "load_yaml", lambda text: parses.append(len(text)) or real(text))
    roles = custom / "roles.yaml"
    roles.write_text(
        roles.read_text(encoding="utf-8").replace("roles:", "# edited\nroles:", 1), encoding="utf-8"
    )
    changed = load_catalog(custom)
    assert parses == [len(roles.read_text(encoding="utf-8"))]  # the other files came from the cache
    assert changed == cold(custom)
    assert len(parsed(cache_dir)) == 8


def test_a_checked_decode_yaml_is_not_checked_again(
    cache_dir: Path, custom: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """decode.yaml refers to no other file: while its bytes stay the same, its checks stand."""
    import roleadvisor.catalog.validate as validate_module

    first = load_catalog(custom)
    checks: list[int] = []
    real = validate_module._reading
    monkeypatch.setattr(validate_module, "_reading", lambda raw: checks.append(1) or real(raw))
    roles = custom / "roles.yaml"
    roles.write_text(
        roles.read_text(encoding="utf-8").replace("roles:", "# edited\nroles:", 1), encoding="utf-8"
    )
    assert load_catalog(custom).reading == first.reading
    assert checks == []
    decode = custom / "decode.yaml"
    decode.write_text(
        decode.read_text(encoding="utf-8").replace("same:", "# edited\nsame:", 1), encoding="utf-8"
    )
    assert load_catalog(custom).reading == first.reading
    assert checks == [1]
    decode.write_text("same: [[ML]]\n", encoding="utf-8")  # broken: reported, never cached as checked
    with pytest.raises(CatalogError, match="1 problem"):
        load_catalog(custom)


def test_a_bad_parsed_entry_is_ignored(cache_dir: Path, custom: Path) -> None:
    first = load_catalog(custom)
    for entry in entries(cache_dir):
        entry.unlink()  # force validation from the parsed entries
    for entry in parsed(cache_dir):
        entry.write_text('{"format": 1, "key": "x", "data": 3}', encoding="ascii")
    assert load_catalog(custom) == first


def test_data_json_cannot_hold_is_not_cached() -> None:
    assert cache._plain({"a": [1, 2.5, None, True, "x"]})
    assert not cache._plain({1: "int key"})
    assert not cache._plain({"t": __import__("datetime").date(2026, 1, 1)})
    assert not cache._plain({"x": float("inf")})
