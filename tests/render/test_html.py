"""The HTML page and SVG chart: self-contained, and loading cleanly in headless Chromium."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.conftest import MLE, Invoke, rate_args

SVG_NS = "{http://www.w3.org/2000/svg}"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
]


@pytest.fixture
def page(invoke: Invoke, tmp_path: Path) -> Path:
    path = tmp_path / "me.html"
    result = invoke("assess", *rate_args(MLE), "--target", "mlops", "--output", str(path))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    return path


def test_page_is_self_contained(page: Path) -> None:
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    for banned in ("<script", "<link", "src=", "@import", "url(", "@font-face"):
        assert banned not in html, banned
    # the only URLs are the links of learning resources
    assert set(re.findall(r'(\w+)="https?://', html)) <= {"href", "xmlns"}
    text = re.sub(r"<[^>]+>", "", html)  # names sit in <bdi>
    for words in ("Plan for MLOps Engineer", "Roles ranked by match", "Production-cycle stages",
                  "Designing Data-Intensive Applications", "Next best step", "Highest ceiling"):  # fmt: skip
        assert words in text
    assert '<html lang="en">' in html  # English pages are unchanged: no dir, no font
    assert "<bdi>MLOps Engineer</bdi>" in html


def test_svg_output_is_the_chart_alone(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "chart.svg"
    assert invoke("assess", *rate_args(MLE), "-o", str(path)).exit_code == 0
    root = ET.fromstring(path.read_text(encoding="utf-8"))  # noqa: S314 (our own output)
    assert root.tag == f"{SVG_NS}svg"
    series = [p for p in root.iter(f"{SVG_NS}polygon") if p.get("class") == "series"]
    # the person and the three best roles, one vertex per skill each
    assert [p.get("data-label") for p in series] == [
        "You (your levels)",
        "Machine Learning Engineer (requirements)",
        "Research Engineer (requirements)",
        "ML Accelerator / Hardware Engineer (requirements)",
    ]
    assert all(len((p.get("points") or "").split()) == 8 for p in series)
    axes = [t.text for t in root.iter(f"{SVG_NS}text") if t.get("class") == "axis"]
    assert axes[0] == "Systems" and len(axes) == 8


def test_person_polygon_follows_the_ratings(invoke: Invoke, tmp_path: Path) -> None:
    low, high = tmp_path / "low.svg", tmp_path / "high.svg"
    assert invoke("assess", *rate_args({**MLE, "systems": 1}), "-o", str(low)).exit_code == 0
    assert invoke("assess", *rate_args({**MLE, "systems": 5}), "-o", str(high)).exit_code == 0

    def systems_vertex_y(path: Path) -> float:
        root = ET.fromstring(path.read_text(encoding="utf-8"))  # noqa: S314 (our own output)
        person = next(p for p in root.iter(f"{SVG_NS}polygon") if p.get("class") == "series")
        return float((person.get("points") or "").split()[0].split(",")[1])

    # systems is the top axis: a higher level sits higher (smaller y)
    assert systems_vertex_y(high) < systems_vertex_y(low)


def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    pytest.fail("Chromium is not installed; .ci/run installs it (apt-get install chromium)")


def test_page_loads_in_headless_chromium(page: Path, tmp_path: Path) -> None:
    chromium = _chromium()
    profile = tmp_path / "chromium-profile"
    common = [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0"]

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*common, *args, page.as_uri()],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
            stdin=subprocess.DEVNULL,
        )

    dom = run("--dump-dom")
    assert dom.returncode == 0, dom.stderr[-2000:]
    for problem in ("Uncaught", "net::ERR_", "Failed to load resource", "CONSOLE"):
        assert problem not in dom.stderr, dom.stderr[-2000:]
    assert "<svg" in dom.stdout
    assert dom.stdout.count('class="series"') == 2  # the person and the target
    assert "Plan for <bdi>MLOps Engineer</bdi>" in dom.stdout
    shot = tmp_path / "me.png"
    taken = run(f"--screenshot={shot}", "--window-size=1000,1800")
    assert taken.returncode == 0, taken.stderr[-2000:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 20_000  # a rendered page, not a blank one
