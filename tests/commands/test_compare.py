"""compare: two real saved reports (or a report and a profile), what changed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import MLE, Invoke, rate_args


@pytest.fixture
def reports(invoke: Invoke, tmp_path: Path) -> tuple[Path, Path]:
    """Two reports saved by `assess -o`: before and after learning systems and product."""
    old, new = tmp_path / "march.json", tmp_path / "november.json"
    assert invoke("assess", *rate_args(MLE), "-o", str(old)).exit_code == 0
    later = {**MLE, "systems": 5, "product": 2}
    assert invoke("assess", *rate_args(later), "-o", str(new)).exit_code == 0
    return old, new


def test_two_reports_json(invoke: Invoke, reports: tuple[Path, Path]) -> None:
    old, new = reports
    result = invoke("compare", str(old), str(new), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert list(data) == ["old", "new", "ratings", "roles", "gaps_closed", "gaps_opened", "catalog"]
    changed = {r["skill"]: r["change"] for r in data["ratings"] if r["change"]}
    assert changed == {"systems": 1, "product": 1}
    saved_old = json.loads(old.read_text(encoding="utf-8"))
    saved_new = json.loads(new.read_text(encoding="utf-8"))
    # fits and ranks equal the ones in the saved reports
    for role in data["roles"]:
        assert role["old_fit"] == next(r["fit"] for r in saved_old["roles"] if r["id"] == role["id"])
        assert role["new_fit"] == next(r["fit"] for r in saved_new["roles"] if r["id"] == role["id"])
        assert role["change"] == round(role["new_fit"] - role["old_fit"], 4)
    assert [r["id"] for r in data["roles"]] == [r["id"] for r in saved_new["roles"]]
    mlops = next(r for r in data["roles"] if r["id"] == "mlops-engineer")
    assert (mlops["old_rank"], mlops["new_rank"]) == (5, 4)  # ranks by match
    closed = {(g["role"], g["skill"]) for g in data["gaps_closed"]}
    assert ("mlops-engineer", "systems") in closed
    assert ("ml-engineer", "product") in closed
    assert ("mlops-engineer", "databases") not in closed
    assert data["gaps_opened"] == []


def test_table(invoke: Invoke, reports: tuple[Path, Path]) -> None:
    result = invoke("compare", *map(str, reports))
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Fit by role (new ranking)" in out
    assert "(↑1)" in out
    assert "Gaps closed (7):" in out
    assert "mlops-engineer: systems (was 4, needs 5)" in out


def test_report_against_a_profile_and_a_decoded_advert(invoke: Invoke, reports: tuple[Path, Path], tmp_path: Path) -> None:
    old, _ = reports
    profile = Path(__file__).resolve().parents[2] / "examples" / "ml-engineer.yaml"
    same = invoke("compare", str(old), str(profile), "-f", "json")
    assert same.exit_code == 0, same.output
    assert all(r["change"] == 0 for r in json.loads(same.stdout)["ratings"])
    job = tmp_path / "job.json"
    job.write_text(invoke("decode", "MLOps Engineer", "-f", "json").stdout, encoding="utf-8")
    gap = invoke("compare", str(old), str(job), "-f", "json")
    assert gap.exit_code == 0, gap.output
    assert json.loads(gap.stdout)["new"]["name"] == "decoded: MLOps Engineer"


def test_errors(invoke: Invoke, reports: tuple[Path, Path], tmp_path: Path) -> None:
    old, _ = reports
    html = tmp_path / "r.html"
    html.write_text("<html></html>", encoding="utf-8")
    partial = tmp_path / "partial.json"
    partial.write_text(json.dumps({"profile": {"name": "x", "ratings": {"ml": 3}}}), encoding="utf-8")
    cases = [
        (str(tmp_path / "nope.json"), f"error: {tmp_path / 'nope.json'}: no such report or profile"),
        (str(html), f"error: {html}: neither a report"),
        (str(partial), f"error: {partial}: no rating for systems, databases"),
    ]
    for path, message in cases:
        result = invoke("compare", str(old), path)
        assert result.exit_code == 2, path
        assert result.stderr.startswith(message), result.stderr
        assert result.stdout == ""


def test_a_half_level_is_read_as_the_level_below_and_said(invoke: Invoke, tmp_path: Path) -> None:
    """As in assess: 3.5 is read as 3, the level fully reached, and the person is told (not silently)."""
    old, half, whole = tmp_path / "old.yaml", tmp_path / "half.yaml", tmp_path / "whole.yaml"
    old.write_text(json.dumps({"ratings": MLE}), encoding="utf-8")
    half.write_text(json.dumps({"ratings": {**MLE, "systems": 3.5}}), encoding="utf-8")
    whole.write_text(json.dumps({"ratings": {**MLE, "systems": 3}}), encoding="utf-8")
    with_half = invoke("compare", str(old), str(half), "--format", "json")
    assert with_half.exit_code == 0, with_half.output
    assert with_half.stderr == (
        f"note: {half}: rating for 'systems' is 3.5, between two levels: read as 3, the level fully reached\n"
    )
    plain = invoke("compare", str(old), str(whole), "--format", "json")
    assert plain.stderr == ""
    assert json.loads(with_half.stdout)["roles"] == json.loads(plain.stdout)["roles"]
    russian = invoke("--lang", "ru", "compare", str(old), str(half), "--format", "json")
    assert russian.stderr.startswith(f"примечание: {half}: ")
    assert "3.5" in russian.stderr or "3,5" in russian.stderr
