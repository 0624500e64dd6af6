"""The JSON report is a contract: pinned keys, valid against `roleadvisor schema`."""

from __future__ import annotations

import json

import jsonschema
from hypothesis import given, settings
from hypothesis import strategies as st

from roleadvisor.contracts.assess import SCHEMA_VERSION
from roleadvisor.contracts.schema import report_json_schema
from tests.conftest import MLE, Invoke, rate_args


def test_report_keys_are_pinned(invoke: Invoke) -> None:
    report = json.loads(invoke("assess", *rate_args(MLE), "-f", "json").stdout)
    assert list(report) == [
        "schema_version", "language", "profile", "roles", "stages", "readiness", "stability", "warnings",
        "target", "next_step", "moves", "catalog",
    ]  # fmt: skip
    assert report["language"] == "en"
    assert report["target"] is None  # only with --target
    assert list(report["next_step"]) == [
        "skill", "have", "to", "gain", "roles", "gains", "covered", "descriptor", "resources",
    ]  # fmt: skip
    assert list(report["moves"]) == ["best", "adjacent", "use_what_you_have", "highest_ceiling", "tradeoffs"]
    assert list(report["moves"]["best"]) == ["id", "title", "fit", "similarity", "learning"]
    assert report["schema_version"] == SCHEMA_VERSION == 2
    assert list(report["profile"]) == ["name", "ratings"]
    assert list(report["roles"][0]) == [
        "id", "title", "family", "match", "fit", "use", "learning", "band", "critical_gaps", "gaps", "reason",
    ]  # fmt: skip
    assert list(report["readiness"]) == ["role", "band", "label", "meaning", "fit", "learning", "sentence"]
    assert list(report["stability"]) == [
        "role", "first_share", "top3_share", "profiles", "exhaustive", "runner_up", "sentence",
    ]  # fmt: skip
    assert report["warnings"] == []
    assert list(report["roles"][0]["gaps"][0]) == ["skill", "have", "need"]
    assert list(report["stages"][0]) == ["id", "title", "fit"]
    assert list(report["catalog"]) == ["version", "scale_version", "source"]
    assert len(report["roles"]) == 13 and len(report["stages"]) == 6
    for role in report["roles"]:
        assert isinstance(role["fit"], float)
        have_need = [(g["have"], g["need"]) for g in role["gaps"]]
        assert all(have < need for have, need in have_need)
        # every skill below the requirement is listed
        assert len(role["gaps"]) == sum(
            1 for g in role["gaps"] if report["profile"]["ratings"][g["skill"]] < g["need"]
        )


@settings(max_examples=25, deadline=None)
@given(st.fixed_dictionaries({skill: st.integers(0, 5) for skill in MLE}))
def test_real_reports_validate_against_the_schema(ratings: dict[str, int]) -> None:
    from typer.testing import CliRunner

    from roleadvisor.cli import app

    result = CliRunner().invoke(app, ["assess", *rate_args(ratings), "-f", "json"])
    assert result.exit_code == 0
    jsonschema.validate(json.loads(result.stdout), report_json_schema())


def test_schema_rejects_a_broken_report(invoke: Invoke) -> None:
    report = json.loads(invoke("assess", *rate_args(MLE), "-f", "json").stdout)
    report["roles"][0]["fit"] = 1.5
    try:
        jsonschema.validate(report, report_json_schema())
    except jsonschema.ValidationError:
        return
    raise AssertionError("a fit of 1.5 passed the schema")


@settings(max_examples=60, deadline=None)
@given(
    st.fixed_dictionaries({skill: st.integers(0, 5) for skill in MLE}),
    st.one_of(st.none(), st.sampled_from(["mlops", "devrel", "data-scientist", "ml-hardware-engineer"])),
    st.one_of(st.none(), st.integers(1, 14)),
    st.one_of(st.none(), st.text(max_size=30)),
)
def test_the_pydantic_free_report_equals_the_schema_models_output(
    ratings: dict[str, int], target: str | None, top: int | None, name: str | None
) -> None:
    """The report path writes JSON without pydantic; the schema's models must write the very same text."""
    from roleadvisor.advice import advise
    from roleadvisor.catalog.loader import load_catalog
    from roleadvisor.contracts.assess import build_assess
    from roleadvisor.contracts.schema import AssessReport as Schema
    from roleadvisor.engine import Model, assess

    catalog = load_catalog()
    model = Model.from_catalog(catalog)
    target_id = (
        None
        if target is None
        else {"mlops": "mlops-engineer", "devrel": "developer-advocate"}.get(target, target)
    )
    advice = advise(model, catalog, ratings, target=target_id)
    report = build_assess(assess(model, ratings), catalog, name=name, top=top, advice=advice)
    assert Schema.model_validate(report.to_data()).model_dump_json(indent=2) + "\n" == report.to_json()


def test_display_fields_stay_out_of_the_json(invoke: Invoke) -> None:
    report = json.loads(invoke("assess", *rate_args(MLE), "-f", "json").stdout)
    assert "summary" not in report and "chart" not in report
    assert "owners" not in report["stages"][0]
    assert "sentence" not in report["next_step"]
