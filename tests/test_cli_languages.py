"""The catalogue in the reader's language: what a custom catalogue without an overlay says."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from roleadvisor.catalog.loader import builtin_catalog_dir
from tests.conftest import installed_command


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*installed_command(), *args], capture_output=True, text=True, stdin=subprocess.DEVNULL, check=False)


def test_a_catalogue_without_the_reader_s_overlay_says_so(tmp_path: Path) -> None:
    directory = tmp_path / "cat"
    shutil.copytree(builtin_catalog_dir(), directory)
    (directory / "i18n" / "fa.yaml").unlink()
    persian = _run("--lang", "fa", "--catalog", str(directory), "roles")
    assert persian.returncode == 0, persian.stderr
    assert "i18n/fa.yaml" in persian.stderr and "به انگلیسی" in persian.stderr
    assert "Data Scientist" in persian.stdout  # its text, in English
    russian = _run("--lang", "ru", "--catalog", str(directory), "roles")
    assert russian.stderr == ""  # the Russian overlay is whole
    assert "Дата-сайентист" in russian.stdout


def test_a_partial_overlay_counts_what_stays_english(tmp_path: Path) -> None:
    directory = tmp_path / "cat"
    shutil.copytree(builtin_catalog_dir(), directory)
    overlay = directory / "i18n" / "ru.yaml"
    text = overlay.read_text(encoding="utf-8")
    start = text.index('    title: "Базы данных"')
    overlay.write_text(text[:start] + text[text.index("\n", start) + 1 :], encoding="utf-8")
    result = _run("--lang", "ru", "--catalog", str(directory), "skills")
    assert result.returncode == 0, result.stderr
    assert result.stderr.startswith("1 текст каталога не переведён и показан по-английски")
    assert "Databases" in result.stdout
