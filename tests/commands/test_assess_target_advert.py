"""`assess --target job.json`: a saved decode as the target; the plan is toward the advert's requirements."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import Invoke

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
PROFILE = str(EXAMPLES / "ml-engineer.yaml")
ADVERT = str(EXAMPLES / "advert-mlops.txt")


@pytest.fixture
def job(invoke: Invoke, tmp_path: Path) -> Path:
    path = tmp_path / "job.json"
    result = invoke("decode", "--file", ADVERT, "--format", "json")
    assert result.exit_code == 0
    path.write_text(result.stdout, encoding="utf-8")
    return path


def _report(invoke: Invoke, *args: str) -> dict:
    result = invoke("assess", "--profile", PROFILE, *args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_the_plan_goes_toward_the_advert(invoke: Invoke, job: Path) -> None:
    toward_advert = _report(invoke, "--target", str(job))
    toward_role = _report(invoke, "--target", "mlops")  # the advert asks for MLOps Engineer's own levels
    target = toward_advert["target"]
    assert (target["id"], target["title"]) == ("advert", "the advert “Senior MLOps Engineer”")
    assert target["rank"] == toward_role["target"]["rank"] == 5  # where it would rank: beside MLOps Engineer
    for key in ("fit", "band", "learning", "plan"):
        assert target[key] == toward_role["target"][key]
    assert toward_advert["readiness"]["role"] == "advert"
    assert toward_advert["readiness"]["sentence"].startswith(
        "Readiness for the advert “Senior MLOps Engineer”"
    )
    assert "It ranks" not in toward_advert["readiness"]["sentence"]  # the advert is not one of the roles
    # the roles, the stability and "use what you have" are the person's own, untouched by the advert
    assert [r["id"] for r in toward_advert["roles"]] == [r["id"] for r in toward_role["roles"]]
    assert "advert" not in [r["id"] for r in toward_advert["roles"]]
    assert toward_advert["stability"] == toward_role["stability"]
    assert toward_advert["moves"]["use_what_you_have"] == toward_role["moves"]["use_what_you_have"]
    assert toward_advert["moves"]["best"]["id"] == "advert"
    assert toward_advert["moves"]["adjacent"][0]["id"] == "mlops-engineer"
    assert toward_advert["next_step"]["roles"] == ["advert"]


def test_the_table_names_the_advert(invoke: Invoke, job: Path) -> None:
    result = invoke("assess", "--profile", PROFILE, "--target", str(job))
    assert result.exit_code == 0, result.output
    flat = " ".join(result.stdout.split())
    assert "You against the advert “Senior MLOps Engineer”, skill by skill" in flat
    assert "Plan for the advert “Senior MLOps Engineer” (fit now 85%, close; 2 levels to learn)" in flat
    assert "Roles closest to the advert “Senior MLOps Engineer”, your target" in flat


def test_html_and_markdown_name_the_advert(invoke: Invoke, job: Path, tmp_path: Path) -> None:
    page = tmp_path / "me.html"
    assert invoke("assess", "--profile", PROFILE, "--target", str(job), "-o", str(page)).exit_code == 0
    assert "the advert “Senior MLOps Engineer”" in page.read_text(encoding="utf-8")
    md = invoke("assess", "--profile", PROFILE, "--target", str(job), "-f", "markdown")
    assert "## Plan for the advert “Senior MLOps Engineer”" in md.stdout


def test_a_saved_profile_is_a_target_too(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "job.json"
    path.write_text(invoke("decode", "--file", ADVERT, "-f", "profile").stdout, encoding="utf-8")
    target = _report(invoke, "--target", str(path))["target"]
    assert (target["id"], target["title"]) == ("advert", "the advert “Senior MLOps Engineer”")
    assert target["fit"] == 0.8947  # equal weights: 17 of the 19 levels asked are covered


def test_a_role_still_works_and_a_name_that_is_neither_says_both(invoke: Invoke) -> None:
    assert _report(invoke, "--target", "mlops")["target"]["id"] == "mlops-engineer"
    result = invoke("assess", "--profile", PROFILE, "--target", "job.json")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "error: no role matches 'job.json' (see 'roleadvisor roles'), and there is no file 'job.json' to "
        "read as a saved decode (save one with 'roleadvisor decode --format json')"
    )
    ambiguous = invoke("assess", "--profile", PROFILE, "--target", "research")
    assert ambiguous.stderr.startswith("error: role 'research' is ambiguous; it could be:")  # meant as a role


def test_a_file_that_is_not_a_decode_is_an_error(invoke: Invoke, tmp_path: Path) -> None:
    other = tmp_path / "notes.txt"
    other.write_text("hello: [1, 2]\n", encoding="utf-8")
    result = invoke("assess", "--profile", PROFILE, "--target", str(other))
    assert result.exit_code == 2
    assert "not a saved decode" in result.stderr


def test_the_report_still_validates_against_the_schema(invoke: Invoke, job: Path) -> None:
    import jsonschema

    from roleadvisor.contracts.schema import report_json_schema

    jsonschema.validate(_report(invoke, "--target", str(job)), report_json_schema())
