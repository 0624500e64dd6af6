"""`score_profiles` inside Ray Data and Spark: the README's two examples, run as they are on a
local session of each engine, give what `roleadvisor batch` gives for every profile.

The engine tests are marked ``engines``: they skip when the engine is not installed, and CI
installs the ``engines`` extra and runs ``pytest -m engines`` with ROLEADVISOR_REQUIRE_ENGINES=1,
which turns a missing engine into a failure.
"""

from __future__ import annotations

import csv
import importlib
import json
import logging
import os
import runpy
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from roleadvisor import load_catalog

from .conftest import installed_command

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = {
    "ray": ROOT / "examples" / "score_with_ray.py",
    "spark": ROOT / "examples" / "score_with_spark.py",
}
PROFILES = 3000
PARTS = 4

Row = tuple[str, float, float, str, tuple[float, ...]]


@pytest.mark.parametrize("engine", sorted(EXAMPLES))
def test_the_readme_shows_each_example_as_it_is(engine: str) -> None:
    example = EXAMPLES[engine]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    marker = f"<!-- {example.relative_to(ROOT).as_posix()} -->\n```python\n"
    assert readme.count(marker) == 1, f"the README should show {example.name} once, after {marker!r}"
    shown = readme.split(marker, 1)[1].split("\n```\n", 1)[0] + "\n"
    assert shown == example.read_text(encoding="utf-8")


def _engine(module: str) -> ModuleType:
    try:
        return importlib.import_module(module)
    except ImportError:
        if os.environ.get("ROLEADVISOR_REQUIRE_ENGINES") == "1":
            pytest.fail(f"{module} is not installed, and ROLEADVISOR_REQUIRE_ENGINES=1 requires it")
        pytest.skip(
            f"{module} is not installed: pip install '.[engines]' (CI does, then runs pytest -m engines)"
        )


def _profiles(skills: tuple[str, ...]) -> np.ndarray:
    """Seeded profiles of every overall level (each person round a level of their own), and the
    corners: nobody's skills, everybody's, and one skill alone at the top."""
    rng = np.random.default_rng(2026)
    centre = rng.integers(0, 6, size=(PROFILES, 1))
    spread = rng.integers(-2, 3, size=(PROFILES, len(skills)))
    ratings = np.clip(centre + spread, 0, 5)
    corners = [np.zeros(len(skills), int), np.full(len(skills), 5), *(np.eye(len(skills), dtype=int) * 5)]
    ratings[: len(corners)] = corners
    return ratings


@pytest.fixture(scope="module")
def people(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Row]]:
    """A folder of CSV files (people/) and what `roleadvisor batch` gives for the same rows in one file."""
    catalog = load_catalog()
    skills = catalog.skill_ids
    ratings = _profiles(skills)
    header = ["id", *reversed(skills)]  # not the catalogue's order: columns are found by name
    # ids that look like numbers, leading zeros and all: an engine must keep them as text, as batch does
    rows = [
        [f"{i:05d}", *(str(ratings[i, j]) for j in reversed(range(len(skills))))] for i in range(PROFILES)
    ]
    data = tmp_path_factory.mktemp("profiles")
    (data / "people").mkdir()
    for part in range(PARTS):
        with (data / "people" / f"part-{part}.csv").open("w", newline="", encoding="utf-8") as f:
            csv.writer(f).writerows([header, *rows[part::PARTS]])
    with (data / "all.csv").open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([header, *rows])

    done = subprocess.run(
        [*installed_command(), "batch", str(data / "all.csv"), "-o", str(data / "batch.jsonl")],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    expected: dict[str, Row] = {}
    for line in (data / "batch.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        fits = tuple(record["fits"][role] for role in catalog.role_ids)
        expected[record["id"]] = (
            record["top_role"],
            record["top_match"],
            record["top_fit"],
            record["top_band"],
            fits,
        )
    assert len(expected) == PROFILES
    # varied enough to mean something: most roles come first for someone, and every band is reached
    assert len({row[0] for row in expected.values()}) >= 10
    assert {row[3] for row in expected.values()} == {band.id for band in catalog.ranking.bands}
    return data, expected


def _scored(folder: Path) -> dict[str, Row]:
    pd = pytest.importorskip("pandas")
    roles = load_catalog().role_ids
    frame = pd.read_parquet(folder)
    out: dict[str, Row] = {}
    for record in frame.to_dict("records"):
        fits = tuple(float(record[role]) for role in roles)
        row = (
            record["top_role"],
            float(record["top_match"]),
            float(record["top_fit"]),
            record["top_band"],
            fits,
        )
        assert record["id"] not in out, f"id {record['id']!r} scored twice"
        out[record["id"]] = row
    return out


def _run_example(engine: str, people: tuple[Path, dict[str, Row]], workdir: Path) -> None:
    data, expected = people
    shutil.copytree(data / "people", workdir / "people")
    runpy.run_path(str(EXAMPLES[engine]), run_name="__main__")
    parts = [p for p in (workdir / "scored").iterdir() if p.suffix == ".parquet"]
    assert len(parts) > 1, "the profiles should have been scored in more than one task"
    got = _scored(workdir / "scored")
    assert sorted(got) == sorted(expected)
    differ = [(key, got[key], expected[key]) for key in sorted(expected) if got[key] != expected[key]]
    assert differ[:3] == [], f"{len(differ)} profiles differ from batch"


@pytest.fixture
def ray_session(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    ray = _engine("ray")
    _engine("ray.data")
    monkeypatch.chdir(tmp_path)  # before the session starts, so its workers read and write here too
    monkeypatch.delenv("RAY_ADDRESS", raising=False)
    ray.init(
        address="local",
        num_cpus=2,
        include_dashboard=False,
        _node_ip_address="127.0.0.1",
        log_to_driver=False,
    )
    # Ray Data logs its whole configuration at DEBUG: a failure's report would be mostly that
    logger = logging.getLogger("ray.data")
    level = logger.level
    logger.setLevel(logging.INFO)
    try:
        yield tmp_path
    finally:
        ray.shutdown()
        logger.setLevel(level)


@pytest.fixture
def spark_session(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    sql = _engine("pyspark.sql")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SPARK_LOCAL_IP", "127.0.0.1")  # stay on this machine's loopback
    monkeypatch.setenv("PYSPARK_PYTHON", sys.executable)  # workers import roleadvisor from this environment
    spark = (
        sql.SparkSession.builder.master("local[2]")
        .appName("roleadvisor-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.files.maxPartitionBytes", "16k")  # several tasks, even for these small files
        .getOrCreate()
    )
    try:
        yield tmp_path
    finally:
        spark.stop()


@pytest.mark.engines
def test_ray_data_scores_as_batch_does(ray_session: Path, people: tuple[Path, dict[str, Row]]) -> None:
    _run_example("ray", people, ray_session)


@pytest.mark.engines
def test_spark_scores_as_batch_does(spark_session: Path, people: tuple[Path, dict[str, Row]]) -> None:
    _run_example("spark", people, spark_session)
