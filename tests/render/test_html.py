"""The HTML page and SVG chart: self-contained, and loading cleanly in headless Chromium."""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
import zlib
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
WINDOW = (1000, 1800)
HEADING_ROWS = 120  # the top of a screenshot: the page's heading and the line under it


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


def _run_chromium(page: Path, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    common = [_chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0"]
    return subprocess.run(
        [*common, *args, page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        stdin=subprocess.DEVNULL,
    )


def _dom(page: Path, profile: Path) -> str:
    """The page's DOM as Chromium built it, after checking it loaded without an error."""
    dom = _run_chromium(page, profile, "--dump-dom")
    assert dom.returncode == 0, dom.stderr[-2000:]
    for problem in ("Uncaught", "net::ERR_", "Failed to load resource", "CONSOLE"):
        assert problem not in dom.stderr, dom.stderr[-2000:]
    return dom.stdout


def _screenshot(page: Path, profile: Path, shot: Path) -> None:
    taken = _run_chromium(page, profile, f"--screenshot={shot}", f"--window-size={WINDOW[0]},{WINDOW[1]}")
    assert taken.returncode == 0, taken.stderr[-2000:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 20_000  # a rendered page, not a blank one


def _png_rows(path: Path, count: int) -> tuple[int, int, list[bytes]]:
    """Width, bytes per pixel and the first ``count`` rows of an 8-bit RGB(A) PNG (stdlib only)."""
    data = path.read_bytes()
    pos, idat, header = 8, b"", b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, _height, depth, colour, _c, _f, interlace = struct.unpack(">IIBBBBB", header)
    assert depth == 8 and colour in (2, 6) and interlace == 0, (depth, colour, interlace)
    bpp = 4 if colour == 6 else 3
    raw, stride = zlib.decompress(idat), width * bpp
    rows: list[bytes] = []
    previous = bytearray(stride)
    for y in range(count):
        start = y * (stride + 1)
        kind, row = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride):
            left = row[i - bpp] if i >= bpp else 0
            up = previous[i]
            corner = previous[i - bpp] if i >= bpp else 0
            if kind == 1:
                row[i] = (row[i] + left) & 0xFF
            elif kind == 2:
                row[i] = (row[i] + up) & 0xFF
            elif kind == 3:
                row[i] = (row[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                near = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                row[i] = (row[i] + near) & 0xFF
        rows.append(bytes(row))
        previous = row
    return width, bpp, rows


def _ink(shot: Path, rows: int = HEADING_ROWS) -> tuple[int, int]:
    """Dark pixels in the left and in the right half of the top ``rows`` rows (the heading)."""
    width, bpp, lines = _png_rows(shot, rows)
    left = right = 0
    for line in lines:
        for x in range(width):
            r, g, b = line[x * bpp : x * bpp + 3]
            if r + g + b < 3 * 160:
                if x < width // 2:
                    left += 1
                else:
                    right += 1
    return left, right


def test_page_loads_in_headless_chromium(page: Path, tmp_path: Path) -> None:
    profile = tmp_path / "chromium-profile"
    dom = _dom(page, profile)
    assert "<svg" in dom
    assert dom.count('class="series"') == 2  # the person and the target
    assert "Plan for <bdi>MLOps Engineer</bdi>" in dom
    shot = tmp_path / "me.png"
    _screenshot(page, profile, shot)
    left, right = _ink(shot)
    assert left > 2 * right > 0  # the heading starts at the left


@pytest.mark.parametrize(("lang", "direction"), [("fa", "rtl"), ("ru", "ltr")])
def test_persian_and_russian_pages_in_headless_chromium(
    invoke: Invoke, tmp_path: Path, lang: str, direction: str
) -> None:
    page = tmp_path / f"{lang}.html"
    result = invoke("--lang", lang, "assess", *rate_args(MLE), "--target", "mlops", "--output", str(page))
    assert result.exit_code == 0, result.output
    profile = tmp_path / "chromium-profile"
    dom = _dom(page, profile)
    assert f'<html lang="{lang}" dir="{direction}">' in dom
    assert dom.count('class="series"') == 2
    shot = tmp_path / f"{lang}.png"
    _screenshot(page, profile, shot)
    left, right = _ink(shot)
    # the heading sits at the start of the line: the right in Persian, the left in Russian
    if direction == "rtl":
        assert right > 2 * left > 0, (left, right)
    else:
        assert left > 2 * right > 0, (left, right)
