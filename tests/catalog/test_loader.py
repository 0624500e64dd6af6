"""The built-in catalogue: content pinned to the brief, validation of broken ones, packaging."""

from __future__ import annotations

import copy
import io
import subprocess
import sys
import tarfile
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import roleadvisor
from roleadvisor.catalog.loader import builtin_catalog_dir, load_catalog, validate_catalog_dir
from roleadvisor.catalog.models import Catalog
from roleadvisor.errors import CatalogError

SKILLS = ("systems", "databases", "ml", "algorithms", "stats", "sme", "product", "communication")
STAGES = (
    "project-scoping",
    "data-management",
    "model-development",
    "deployment",
    "monitoring",
    "business-analysis",
)
ROLES = (
    "data-scientist",
    "ml-engineer",
    "mlops-engineer",
    "data-engineer",
    "ml-product-manager",
    "data-analyst",
    "research-scientist",
    "research-engineer",
    "ml-infrastructure-engineer",
    "framework-engineer",
    "ml-hardware-engineer",
    "ml-solutions-architect",
    "developer-advocate",
)


def level(catalog: Catalog, role: str, skill: str) -> int:
    return catalog.role(role).requirement(skill).level


def weight(catalog: Catalog, role: str, skill: str) -> float:
    return catalog.role(role).requirement(skill).weight


def test_ids_and_shape(catalog: Catalog) -> None:
    assert catalog.skill_ids == SKILLS
    assert tuple(s.id for s in catalog.stages) == STAGES
    assert set(ROLES) <= set(catalog.role_ids)
    assert catalog.scale.max == 5
    assert len(catalog.scale.labels) == 6
    for skill in catalog.skills:
        assert len(skill.levels) == 6
        assert len(set(skill.levels)) == 6, f"{skill.id} repeats a descriptor"
    for role in catalog.roles:
        assert role.family in {"core", "research", "adjacent"}
        assert role.aliases and role.description and role.stages


def test_stage_mixes_follow_the_brief(catalog: Catalog) -> None:
    mixes = {s.id: dict(s.skill_mix) for s in catalog.stages}
    assert mixes["project-scoping"] == {"product": 0.40, "sme": 0.35, "ml": 0.25}
    assert mixes["data-management"] == {"databases": 0.50, "systems": 0.30, "ml": 0.20}
    assert mixes["model-development"] == {"ml": 0.40, "algorithms": 0.35, "stats": 0.25}
    assert mixes["deployment"] == {"systems": 0.75, "ml": 0.25}
    assert mixes["monitoring"] == {"systems": 0.60, "databases": 0.40}
    assert mixes["business-analysis"] == {"stats": 0.35, "sme": 0.35, "ml": 0.30}
    for mix in mixes.values():
        assert sum(mix.values()) == pytest.approx(1.0)


def test_orderings_stated_by_the_brief(catalog: Catalog) -> None:
    c = catalog
    # MLOps and ML engineers are better engineers than data scientists.
    assert level(c, "mlops-engineer", "systems") > level(c, "data-scientist", "systems")
    assert level(c, "ml-engineer", "systems") > level(c, "data-scientist", "systems")
    # Data scientists are better statisticians than ML and MLOps engineers.
    assert level(c, "data-scientist", "stats") > level(c, "mlops-engineer", "stats")
    assert level(c, "data-scientist", "stats") > level(c, "ml-engineer", "stats")
    # ML engineers must know ML algorithms; MLOps needs less ML than MLE.
    assert level(c, "ml-engineer", "ml") > level(c, "mlops-engineer", "ml")
    # Data engineers are defined by databases; ML is helpful, not required.
    assert level(c, "data-engineer", "databases") == 5
    assert level(c, "data-engineer", "ml") < level(c, "data-scientist", "ml")
    # Product managers are defined by product and SME.
    assert level(c, "ml-product-manager", "product") == max(level(c, r, "product") for r in c.role_ids)
    # Research scientists need the most ML; research engineers more systems than scientists.
    assert level(c, "research-scientist", "ml") == max(level(c, r, "ml") for r in c.role_ids)
    assert level(c, "research-engineer", "systems") > level(c, "research-scientist", "systems")
    # Data analysts: stats and SME, little ML.
    assert level(c, "data-analyst", "ml") < level(c, "data-analyst", "stats")
    # Infrastructure, framework and hardware roles are systems-first.
    for role in ("ml-infrastructure-engineer", "framework-engineer", "ml-hardware-engineer"):
        assert level(c, role, "systems") == 5
    assert level(c, "ml-infrastructure-engineer", "ml") < level(c, "ml-engineer", "ml")
    assert level(c, "framework-engineer", "algorithms") == 5
    # Developer advocates are defined by communication: their highest level and weight.
    devrel = c.role("developer-advocate")
    assert level(c, devrel.id, "communication") == max(r.level for _, r in devrel.requirements)
    assert weight(c, devrel.id, "communication") == max(r.weight for _, r in devrel.requirements)
    assert level(c, devrel.id, "communication") > level(c, "ml-engineer", "communication")
    # Solutions architects work with customers: communication first.
    assert weight(c, "ml-solutions-architect", "communication") == 3
    # Stages follow the brief's owners.
    assert "data-management" in c.role("data-engineer").stages
    assert set(c.role("mlops-engineer").stages) == {"deployment", "monitoring"}


Edit = Callable[[dict[str, Any]], None]


def _problems(
    catalog_copy: Callable[..., Path], lifecycle: Edit | None = None, roles: Edit | None = None
) -> list[str]:
    directory = catalog_copy(lifecycle, roles)
    result, problems = validate_catalog_dir(directory)
    assert result is None
    return problems


def test_level_out_of_range_names_the_place(catalog_copy: Callable[..., Path]) -> None:
    def edit(data: dict[str, Any]) -> None:
        data["roles"][3]["skills"]["ml"]["level"] = 7

    assert _problems(catalog_copy, roles=edit) == [
        "roles.yaml: roles[3].skills.ml.level: must be 0..5, got 7"
    ]


def test_every_kind_of_reference_error_is_reported(catalog_copy: Callable[..., Path]) -> None:
    def edit_lifecycle(data: dict[str, Any]) -> None:
        data["stages"][0]["skill_mix"]["cooking"] = 0.1
        data["stages"][1]["skill_mix"]["ml"] = 0
        data["stages"][2]["owners"].append("wizard")
        data["skills"][1]["levels"].pop()
        data["skills"].append(copy.deepcopy(data["skills"][0]))

    def edit_roles(data: dict[str, Any]) -> None:
        data["roles"][0]["stages"].append("dreaming")
        data["roles"][1]["skills"]["ml"]["weight"] = -1
        data["roles"][2]["skills"]["cooking"] = {"level": 1, "weight": 1}
        del data["roles"][4]["skills"]["stats"]
        data["roles"].append(copy.deepcopy(data["roles"][0]))

    problems = _problems(catalog_copy, edit_lifecycle, edit_roles)
    assert problems == [
        "lifecycle.yaml: skills: id 'systems' is used more than once",
        "roles.yaml: roles: id 'data-scientist' is used more than once",
        "lifecycle.yaml: skills[1].levels: has 5 descriptors, needs 6 (one per level 0..5)",
        "lifecycle.yaml: stages[0].skill_mix.cooking: unknown skill id",
        "lifecycle.yaml: stages[1].skill_mix.ml: weight must be positive, got 0.0",
        "lifecycle.yaml: stages[2].owners[4]: unknown role id 'wizard'",
        "roles.yaml: roles[0].stages[3]: unknown stage id 'dreaming'",
        "roles.yaml: roles[1].skills.ml.weight: must be positive, got -1.0",
        "roles.yaml: roles[2].skills.cooking: unknown skill id",
        "roles.yaml: roles[4].skills: missing skill 'stats' (every role lists every skill)",
        "roles.yaml: roles[13].stages[3]: unknown stage id 'dreaming'",
    ]


def test_every_kind_of_word_list_error_is_reported(catalog_copy: Callable[..., Path]) -> None:
    def edit_lifecycle(data: dict[str, Any]) -> None:
        data["skills"][0]["keywords"] += ["Docker", "!!"]

    def edit_roles(data: dict[str, Any]) -> None:
        data["roles"][1]["aliases"].append("Data Science")  # already a data scientist alias
        data["roles"][2]["keywords"].append("MLflow")  # already listed, other case
        data["roles"][3]["aliases"].append("---")
        data["seniority"][0]["shift"] = -9
        data["seniority"][2]["words"].append("junior")  # already in seniority[1]

    problems = _problems(catalog_copy, edit_lifecycle, edit_roles)
    assert problems == [
        "lifecycle.yaml: skills[0].keywords[30]: 'Docker' is listed twice",
        "lifecycle.yaml: skills[0].keywords[31]: '!!' has no letters or digits to match",
        "roles.yaml: roles[1]: the name 'data science' also names role 'data-scientist'; "
        "a title or alias may belong to one role only",
        "roles.yaml: roles[2].keywords[28]: 'MLflow' is listed twice",
        "roles.yaml: roles[3].aliases[10]: '---' has no letters or digits to match",
        "roles.yaml: seniority[0].shift: must be -5..5, got -9",
        "roles.yaml: seniority[2].words: 'junior' is also in seniority[1]",
    ]


def test_type_errors_and_unknown_fields(catalog_copy: Callable[..., Path]) -> None:
    def edit(data: dict[str, Any]) -> None:
        data["roles"][0]["skills"]["ml"]["level"] = "high"
        data["roles"][1]["salary"] = 100
        data["roles"][2]["id"] = "Bad Id"

    assert _problems(catalog_copy, roles=edit) == [
        "roles.yaml: roles[0].skills.ml.level: Input should be a valid integer",
        "roles.yaml: roles[1].salary: unknown field (check its spelling)",
        "roles.yaml: roles[2].id: must be lowercase letters, digits, '-' or '_', "
        "starting with a letter or digit",
    ]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"roles: [\n", "roles.yaml: line 2, column 1: "),
        (b"- a\n- b\n", "roles.yaml: must be a YAML mapping at the top level"),
        (b"\x00\x01binary", "roles.yaml: is a binary file, expected a text catalogue file"),
        (
            b"roles: !!python/object/apply:os.system ['true']\n",
            "roles.yaml: line 1: YAML tag !!python/object/apply:os.system is not allowed",
        ),
        (b"a: &x [1]\nb: *x\n", "roles.yaml: line 1: this value is anchored (&name)"),
    ],
)
def test_unreadable_roles_file(catalog_copy: Callable[..., Path], content: bytes, expected: str) -> None:
    directory = catalog_copy()
    (directory / "roles.yaml").write_bytes(content)
    _, problems = validate_catalog_dir(directory)
    assert len(problems) == 1
    assert problems[0].startswith(expected)


def test_missing_directory_and_file(tmp_path: Path, catalog_copy: Callable[..., Path]) -> None:
    assert validate_catalog_dir(tmp_path / "nope")[1] == [
        f"{tmp_path / 'nope'}: catalogue directory does not exist"
    ]
    directory = catalog_copy()
    (directory / "lifecycle.yaml").unlink()
    assert validate_catalog_dir(directory)[1] == ["lifecycle.yaml: no such catalogue file"]


def test_load_catalog_raises_with_every_problem(catalog_copy: Callable[..., Path]) -> None:
    def edit(data: dict[str, Any]) -> None:
        data["roles"][0]["skills"]["ml"]["level"] = 9
        data["roles"][1]["skills"]["ml"]["level"] = -1

    directory = catalog_copy(edit_roles=edit)
    with pytest.raises(CatalogError) as info:
        load_catalog(directory)
    assert info.value.message == f"catalogue {directory} has 2 problems:"
    assert len(info.value.details) == 2


@pytest.mark.slow
def test_wheel_carries_the_catalogue(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[2]
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(tmp_path),
            str(root),
        ],
        check=True,
        capture_output=True,
    )
    wheel = next(tmp_path.glob("roleadvisor-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    data_files = sorted(p.name for p in (root / "data").glob("*.yaml"))
    assert data_files == ["decode.yaml", "lifecycle.yaml", "resources.yaml", "roles.yaml"]
    for data_file in data_files:
        assert f"roleadvisor/data/{data_file}" in names
    assert "roleadvisor/cli.py" in names
    _carries_the_languages(wheel, names)


def _carries_the_languages(wheel: Path, names: set[str]) -> None:
    """The overlays and the messages compiled by the build hook, which translate."""
    import gettext

    for language in ("fa", "ru"):
        assert f"roleadvisor/data/i18n/{language}.yaml" in names
        mo = f"roleadvisor/locale/{language}/LC_MESSAGES/roleadvisor.mo"
        assert mo in names, sorted(n for n in names if "locale" in n)
        catalog = gettext.GNUTranslations(io.BytesIO(zipfile.ZipFile(wheel).read(mo)))
        one = "{count} text of the catalogue has no translation and is shown in English "
        one += "('roleadvisor catalog validate' lists it)."
        assert catalog.ngettext(one, "many", 5).startswith("{count} ")
        assert catalog.ngettext(one, "many", 5) not in (one, "many")


def test_data_is_the_package_catalogue() -> None:
    """``data/`` links to the package's catalogue, which the installed package carries (editable or not)."""
    root = Path(__file__).resolve().parents[2]
    assert (root / "data").is_symlink()
    assert (root / "data").resolve() == (root / "src" / "roleadvisor" / "data").resolve()
    assert builtin_catalog_dir() == Path(roleadvisor.__file__).parent / "data"
    for source in sorted((root / "data").glob("*.yaml")):
        assert (builtin_catalog_dir() / source.name).read_bytes() == source.read_bytes(), source.name


def _hatch(kind: str, out: Path, cwd: Path) -> Path:
    """Build an sdist or wheel of the project in ``cwd`` with hatchling; the artifact's path."""
    code = f"from hatchling.build import build_{kind}; import sys; print(build_{kind}(sys.argv[1]))"
    proc = subprocess.run(
        [sys.executable, "-c", code, str(out)], cwd=cwd, check=True, capture_output=True, text=True
    )
    return out / proc.stdout.strip().splitlines()[-1]


@pytest.mark.slow
def test_sdist_and_a_wheel_built_from_it_carry_the_catalogue(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[2]
    sdist = _hatch("sdist", tmp_path, root)
    top = sdist.name.removesuffix(".tar.gz")
    with tarfile.open(sdist) as archive:
        names = set(archive.getnames())
        archive.extractall(tmp_path / "unpacked", filter="data")
    yamls = ("decode.yaml", "lifecycle.yaml", "resources.yaml", "roles.yaml")
    for name in yamls:
        assert f"{top}/src/roleadvisor/data/{name}" in names
        assert f"{top}/data/{name}" in names  # the documented path, as a plain copy
    assert f"{top}/hatch_build.py" in names
    assert f"{top}/src/roleadvisor/locale/ru/LC_MESSAGES/core.po" in names
    wheel = _hatch("wheel", tmp_path, tmp_path / "unpacked" / top)
    in_wheel = set(zipfile.ZipFile(wheel).namelist())
    for name in yamls:
        assert f"roleadvisor/data/{name}" in in_wheel
    _carries_the_languages(wheel, in_wheel)
