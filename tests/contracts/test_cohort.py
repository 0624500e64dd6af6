"""The cohort JSON report is a contract: pinned keys, valid against `roleadvisor schema cohort`."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from hypothesis import given, settings
from hypothesis import strategies as st

from roleadvisor.catalog.loader import load_catalog
from roleadvisor.cohort import analyse
from roleadvisor.contracts.cohort import SCHEMA_VERSION, SkippedOut, build_cohort
from roleadvisor.contracts.cohort_schema import CohortReport as Schema
from roleadvisor.contracts.cohort_schema import cohort_json_schema
from roleadvisor.vector import Matrices
from tests.conftest import Invoke

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "cohort.csv"
CATALOG = load_catalog()
MATRICES = Matrices.from_catalog(CATALOG)


def test_report_keys_are_pinned(invoke: Invoke) -> None:
    report = json.loads(invoke("cohort", str(EXAMPLE), "--target", "mlops", "-f", "json").stdout)
    assert list(report) == [
        "schema_version", "language", "input", "skipped", "target", "scale", "skills", "people", "roles",
        "bands", "skill_levels", "stages", "single_points", "uncovered", "teach_next", "teach_options",
        "closest", "catalog",
    ]  # fmt: skip
    assert report["schema_version"] == SCHEMA_VERSION == 1
    assert list(report["people"][0]) == ["id", "line", "ratings", "best", "target"]
    assert list(report["people"][0]["best"]) == ["role", "fit", "match", "band"]
    assert list(report["people"][0]["target"]) == ["fit", "match", "band", "learning", "critical_gaps"]
    assert list(report["roles"][0]) == ["id", "title", "people", "bands", "names"]
    assert list(report["stages"][0]) == [
        "id",
        "title",
        "owners",
        "needs",
        "meet",
        "share",
        "people",
        "mean_fit",
    ]
    assert list(report["teach_next"]) == [
        "skill", "title", "role", "learners", "gainers", "gain_total", "gain_mean", "gains",
    ]  # fmt: skip
    assert list(report["teach_next"]["gains"][0]) == ["id", "role", "have", "to", "gain"]
    assert list(report["closest"][0]) == [
        "rank", "tied", "id", "line", "fit", "match", "band", "learning", "critical_gaps",
    ]  # fmt: skip
    assert report["scale"] == {
        "max": 5, "labels": ["none", "aware", "beginner", "practitioner", "advanced", "expert"], "high": 4,
    }  # fmt: skip
    assert "heatmap" not in report and "legend" not in report  # for people only


def test_real_report_validates_against_the_schema(invoke: Invoke) -> None:
    for args in ([], ["--target", "devrel"]):
        report = json.loads(invoke("cohort", str(EXAMPLE), *args, "-f", "json").stdout)
        jsonschema.validate(report, cohort_json_schema())


def test_schema_rejects_a_broken_report(invoke: Invoke) -> None:
    report = json.loads(invoke("cohort", str(EXAMPLE), "-f", "json").stdout)
    report["teach_next"]["gains"][0]["gain"] = -0.1  # a gain is never negative
    try:
        jsonschema.validate(report, cohort_json_schema())
    except jsonschema.ValidationError:
        return
    raise AssertionError("a negative gain passed the schema")


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.lists(st.integers(0, 5), min_size=8, max_size=8), min_size=1, max_size=10),
    st.one_of(st.none(), st.integers(0, 12)),
    st.lists(st.tuples(st.integers(1, 99), st.one_of(st.none(), st.text(max_size=8))), max_size=3),
)
def test_the_pydantic_free_report_equals_the_schema_models_output(
    rows: list[list[int]], target: int | None, bad: list[tuple[int, str | None]]
) -> None:
    ids = [f"person {i}" for i in range(len(rows))]
    cohort = analyse(MATRICES, CATALOG, ids, rows, target=target)
    skipped = tuple(SkippedOut(line=line, id=ident, error="broken") for line, ident in bad)
    report = build_cohort(
        cohort, MATRICES, CATALOG, source="x.csv", lines=tuple(range(2, len(rows) + 2)), skipped=skipped
    )
    data = report.to_data()
    jsonschema.validate(data, cohort_json_schema())
    assert Schema.model_validate(data).model_dump_json(indent=2) + "\n" == report.to_json()
