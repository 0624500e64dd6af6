"""Bring your own framework: catalog init/validate, and a custom catalogue used end to end."""

from __future__ import annotations

import filecmp
import json
import os
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pexpect
import pytest
import yaml

from roleadvisor.catalog.loader import builtin_catalog_dir, load_catalog
from tests.conftest import Invoke, installed_command

REPO = Path(__file__).resolve().parents[2]
MINIMAL = REPO / "examples" / "minimal-catalog"

SECURITY_SKILL = {
    "id": "security",
    "title": "ML security",
    "description": "Attacks on ML systems and the defences against them.",
    "levels": [
        "Has not thought about how a model can be attacked.",
        "Knows that prompt injection and data poisoning exist.",
        "Runs an off-the-shelf red-team tool against a model and reads the findings.",
        "Threat-models an ML system and fixes what the model's attack surface exposes.",
        "Designs defences (input filtering, isolation, audits) for a company's ML products.",
        "Finds new classes of attack and publishes them.",
    ],
    "keywords": ["prompt injection", "red team", "adversarial attacks"],
}


def _extend(lifecycle: dict[str, object], roles: dict[str, object]) -> None:
    """Add the security skill and an ML security engineer; drop developer advocate."""
    skills = lifecycle["skills"]
    assert isinstance(skills, list)
    skills.append(SECURITY_SKILL)
    lifecycle["scale"] = {
        "version": 2,
        "max": 5,
        "labels": ["untouched", "heard of it", "guided", "independent", "go-to person", "authority"],
    }
    stages = lifecycle["stages"]
    assert isinstance(stages, list)
    for stage in stages:
        stage["owners"] = [o for o in stage["owners"] if o != "developer-advocate"]
    role_list = roles["roles"]
    assert isinstance(role_list, list)
    role_list[:] = [r for r in role_list if r["id"] != "developer-advocate"]
    for role in role_list:
        role["skills"]["security"] = {"level": 1, "weight": 1}
    role_list.append(
        {
            "id": "ml-security-engineer",
            "title": "ML Security Engineer",
            "family": "security",
            "aliases": ["AI red teamer"],
            "description": "Attacks the company's models before anyone else does, and fixes what they find.",
            "stages": ["deployment", "monitoring"],
            "keywords": ["model security"],
            "skills": {
                "systems": {"level": 4, "weight": 2},
                "databases": {"level": 2, "weight": 1},
                "ml": {"level": 3, "weight": 2},
                "algorithms": {"level": 3, "weight": 1},
                "stats": {"level": 1, "weight": 1},
                "sme": {"level": 2, "weight": 1},
                "product": {"level": 1, "weight": 1},
                "communication": {"level": 3, "weight": 1},
                "security": {"level": 5, "weight": 3},
            },
        }
    )


@pytest.fixture
def extended(tmp_path: Path, invoke: Invoke) -> Path:
    """A catalogue started with `catalog init`, then given an extra skill area and role."""
    target = tmp_path / "framework"
    result = invoke("catalog", "init", str(target))
    assert result.exit_code == 0, result.output
    lifecycle = yaml.safe_load((target / "lifecycle.yaml").read_text(encoding="utf-8"))
    roles = yaml.safe_load((target / "roles.yaml").read_text(encoding="utf-8"))
    _extend(lifecycle, roles)
    (target / "lifecycle.yaml").write_text(yaml.safe_dump(lifecycle, sort_keys=False), encoding="utf-8")
    (target / "roles.yaml").write_text(yaml.safe_dump(roles, sort_keys=False), encoding="utf-8")
    return target


SECURITY_PERSON = {
    "systems": 4,
    "databases": 2,
    "ml": 3,
    "algorithms": 3,
    "stats": 1,
    "sme": 2,
    "product": 1,
    "communication": 3,
    "security": 5,
}


def _rates(ratings: dict[str, int]) -> list[str]:
    return [arg for skill, level in ratings.items() for arg in ("-r", f"{skill}={level}")]


def test_assess_uses_the_extra_skill_and_role(invoke: Invoke, extended: Path) -> None:
    result = invoke("--catalog", str(extended), "assess", *_rates(SECURITY_PERSON), "-f", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["profile"]["ratings"]["security"] == 5
    top = report["roles"][0]
    assert {k: top[k] for k in ("id", "title", "family", "fit", "gaps", "critical_gaps", "band")} == {
        "id": "ml-security-engineer",
        "title": "ML Security Engineer",
        "family": "security",
        "fit": 1.0,
        "gaps": [],
        "critical_gaps": [],
        "band": "ready",
    }
    ids = [r["id"] for r in report["roles"]]
    assert "developer-advocate" not in ids
    assert report["catalog"]["source"] == str(extended)
    assert report["catalog"]["scale_version"] == 2


def test_missing_extra_skill_is_required(invoke: Invoke, extended: Path) -> None:
    ratings = {k: v for k, v in SECURITY_PERSON.items() if k != "security"}
    result = invoke("--catalog", str(extended), "assess", *_rates(ratings), "--no-input")
    assert result.exit_code == 2
    assert "missing rating for security" in result.stderr


def test_table_and_browse_commands_use_the_custom_catalogue(
    invoke: Invoke, extended: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ROLEADVISOR_CATALOG", str(extended))  # the environment variable works too
    table = invoke("assess", *_rates(SECURITY_PERSON))
    assert table.exit_code == 0, table.output
    assert "ML Security Engineer" in table.stdout
    role = invoke("role", "red teamer", "--format", "json")
    assert role.exit_code == 0, role.output
    data = json.loads(role.stdout)
    assert data["id"] == "ml-security-engineer"
    security = next(r for r in data["requirements"] if r["skill"] == "security")
    assert security["label"] == "authority"
    assert security["descriptor"] == SECURITY_SKILL["levels"][5]
    skills = json.loads(invoke("skills", "ML security", "--format", "json").stdout)
    assert skills["scale"]["labels"][4] == "go-to person"
    assert invoke("role", "devrel").exit_code == 2  # removed from this catalogue
    decoded = json.loads(invoke("decode", "Senior AI Red Teamer, prompt injection", "-f", "json").stdout)
    assert decoded["roles"][0]["id"] == "ml-security-engineer"
    assert decoded["profile"]["ratings"]["security"] == 5


def test_batch_uses_the_custom_catalogue(invoke: Invoke, extended: Path) -> None:
    line = json.dumps({"id": "p1", "ratings": SECURITY_PERSON})
    result = invoke("--catalog", str(extended), "batch", "-", "-I", "jsonl", input=line + "\n")
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["top_role"] == "ml-security-engineer"


def test_minimal_example_catalogue_works_end_to_end(invoke: Invoke) -> None:
    ok = invoke("catalog", "validate", str(MINIMAL))
    assert ok.exit_code == 0
    assert ok.stdout == (
        f"ok: catalogue {MINIMAL} (version acme-2026.1) is valid: 3 skill areas, 2 stages, 2 roles\n"
    )
    result = invoke(
        "--catalog", str(MINIMAL), "assess", "-r", "coding=3", "-r", "modelling=2", "-r", "customers=1",
        "-f", "json",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert [r["id"] for r in report["roles"]] == ["ml-dev", "field-engineer"]
    assert report["roles"][0]["fit"] == 1.0
    # the scale is 0-3 here: 4 is out of range
    bad = invoke("--catalog", str(MINIMAL), "assess", "-r", "coding=4", "--no-input")
    assert bad.exit_code == 2
    assert "outside the scale 0-3" in bad.stderr


def test_readme_shows_the_minimal_catalogue_verbatim() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for name in ("lifecycle.yaml", "roles.yaml"):
        text = (MINIMAL / name).read_text(encoding="utf-8")
        assert f"```yaml\n{text}```" in readme, f"README's copy of {name} differs from {MINIMAL / name}"


def test_interactive_prompts_follow_the_custom_scale(tmp_path: Path) -> None:
    report = tmp_path / "r.json"
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100"}
    child = pexpect.spawn(
        installed_command()[0],
        ["--catalog", str(MINIMAL), "assess", "-r", "coding=3", "-r", "modelling=2", "-o", str(report)],
        env=env,
        encoding="utf-8",
        timeout=30,
    )
    child.expect("1/1 Customer work")
    child.expect("leads others")  # the custom scale's label
    child.expect(r"Your level for Customer work \[0-3 or a label\]: ")
    child.sendline("4")
    child.expect("Type a whole number from 0 to 3")
    child.sendline("2")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert json.loads(report.read_text(encoding="utf-8"))["profile"]["ratings"]["customers"] == 2


# --- catalog init ---------------------------------------------------------------------------


def test_init_copies_the_builtin_files(invoke: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "new" / "framework"
    result = invoke("catalog", "init", str(target))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert f"roleadvisor catalog validate {target}" in result.stderr
    for name in ("lifecycle.yaml", "roles.yaml", "resources.yaml", "decode.yaml"):
        assert filecmp.cmp(target / name, builtin_catalog_dir() / name, shallow=False)
    assert load_catalog(target).role_ids == load_catalog().role_ids
    assert load_catalog(target).resources == load_catalog().resources
    assert load_catalog(target).reading == load_catalog().reading


def test_init_refuses_to_overwrite_without_force(invoke: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "fw"
    assert invoke("catalog", "init", str(target)).exit_code == 0
    (target / "roles.yaml").write_text("edited\n", encoding="utf-8")
    again = invoke("catalog", "init", str(target))
    assert again.exit_code == 2
    assert again.stderr == (
        f"error: {target} already has lifecycle.yaml, roles.yaml, resources.yaml, decode.yaml, "
        "i18n/fa.yaml and i18n/ru.yaml; pass --force to overwrite, or choose another directory\n"
    )
    assert (target / "roles.yaml").read_text(encoding="utf-8") == "edited\n"
    assert invoke("catalog", "init", str(target), "--force").exit_code == 0
    assert filecmp.cmp(target / "roles.yaml", builtin_catalog_dir() / "roles.yaml", shallow=False)


def test_init_into_a_file(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "file"
    path.write_text("x", encoding="utf-8")
    result = invoke("catalog", "init", str(path))
    assert result.exit_code == 2
    assert result.stderr == f"error: {path}: exists and is not a directory\n"


# --- catalog validate -----------------------------------------------------------------------


def test_validate_lists_every_problem(invoke: Invoke, catalog_copy: Callable[..., Path]) -> None:
    def edit(data: dict[str, object]) -> None:
        roles = data["roles"]
        assert isinstance(roles, list)
        roles[0]["skills"]["ml"]["level"] = 9
        roles[1]["stages"] = ["launch"]

    directory = catalog_copy(edit_roles=edit)
    result = invoke("catalog", "validate", str(directory))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"error: catalogue {directory} has 2 problems:",
        "  roles.yaml: roles[0].skills.ml.level: must be 0..5, got 9",
        "  roles.yaml: roles[1].stages[0]: unknown stage id 'launch'",
    ]
    as_json = invoke("catalog", "validate", str(directory), "--format", "json")
    assert as_json.exit_code == 2
    assert json.loads(as_json.stdout) == {
        "catalog": str(directory),
        "valid": False,
        "problems": [
            "roles.yaml: roles[0].skills.ml.level: must be 0..5, got 9",
            "roles.yaml: roles[1].stages[0]: unknown stage id 'launch'",
        ],
        "warnings": [],
    }


def test_validate_defaults_to_the_global_option(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("--catalog", str(MINIMAL), "catalog", "validate", "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {
        "catalog": str(MINIMAL),
        "valid": True,
        "problems": [],
        "warnings": [],
        "version": "acme-2026.1",
        "skills": 3,
        "stages": 2,
        "roles": 2,
    }
    builtin = invoke("catalog", "validate")
    assert builtin.exit_code == 0
    assert re.fullmatch(r"ok: catalogue built-in \(version [^)]+\) is valid: 8 skill areas, 6 stages, 13 roles\n",
                        builtin.stdout)  # fmt: skip
    missing = invoke("catalog", "validate", str(tmp_path / "nope"))
    assert missing.exit_code == 2
    assert f"{tmp_path / 'nope'}: catalogue directory does not exist" in missing.stderr


def test_broken_custom_catalogue_stops_every_command(
    invoke: Invoke, catalog_copy: Callable[..., Path]
) -> None:
    def edit(data: dict[str, object]) -> None:
        roles = data["roles"]
        assert isinstance(roles, list)
        roles[2]["skills"]["systems"]["weight"] = 0

    directory = catalog_copy(edit_roles=edit)
    for args in (["roles"], ["role", "mlops"], ["lifecycle"], ["skills"], ["decode", "MLOps"]):
        result = invoke("--catalog", str(directory), *args)
        assert result.exit_code == 2, args
        assert "roles.yaml: roles[2].skills.systems.weight: must be positive, got 0" in result.stderr


def test_installed_command_with_env_catalogue(tmp_path: Path) -> None:
    env = {**os.environ, "ROLEADVISOR_CATALOG": str(MINIMAL), "NO_COLOR": "1"}
    proc = subprocess.run(
        [*installed_command(), "roles", "--format", "json"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert [r["id"] for r in json.loads(proc.stdout)["roles"]] == ["ml-dev", "field-engineer"]
