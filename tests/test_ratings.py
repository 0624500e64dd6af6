"""One ratings rule for profile files, --rate, batch rows and the Python API."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from roleadvisor import score_profiles
from roleadvisor.catalog.models import Catalog
from roleadvisor.errors import RatingError
from roleadvisor.ratings import SkillKeys, parse_level, parse_rate_options, ratings_from_mapping

from .conftest import MLE, Invoke

TITLED = {  # every skill by its title, in mixed case
    "Systems": 4,
    "DATABASES": 3,
    "machine learning": 4,
    "Algorithms": 3,
    "Statistics": 2,
    "Subject-matter expertise": 2,
    "product": 1,
    "Communication": 3,
}


def rates(ratings: dict[str, int]) -> list[str]:
    return [arg for k, v in ratings.items() for arg in ("-r", f"{k}={v}")]


def test_ids_and_titles_in_any_case_name_the_same_skills(catalog: Catalog) -> None:
    keys = SkillKeys.of(catalog)
    for skill in catalog.skills:
        for name in (skill.id, skill.id.upper(), skill.title, skill.title.lower(), f" {skill.title.upper()} "):
            assert keys.resolve(name) == skill.id


def test_the_titled_profile_is_what_the_ids_say(catalog: Catalog) -> None:
    keys = SkillKeys.of(catalog)
    if "machine learning" not in {s.title.lower() for s in catalog.skills}:
        pytest.skip("the built-in skill titles changed")
    assert ratings_from_mapping(TITLED, keys) == MLE


def test_one_did_you_mean_everywhere(catalog: Catalog, invoke: Invoke, tmp_path: Path) -> None:
    expected = "unknown skill 'statistcs'; did you mean 'stats'? (skills: systems, databases, ml, algorithms, stats, sme, product, communication)"
    with pytest.raises(RatingError) as api:
        score_profiles([{"id": "a", "ratings": {**MLE, "statistcs": 2}}], catalog)
    assert str(api.value) == f"record 0: {expected}"
    with pytest.raises(RatingError) as rate:
        parse_rate_options(["statistcs=2"], catalog)
    assert rate.value.message == f"--rate: {expected}"
    profile = tmp_path / "p.yaml"
    profile.write_text("ratings:\n  statistcs: 2\n")
    cli = invoke("assess", "--profile", str(profile))
    assert cli.stderr.splitlines() == [f"error: {profile}: {expected}"]
    batch = invoke("batch", "-", "-I", "jsonl", input=json.dumps({"id": "a", **MLE, "statistcs": 2}) + "\n")
    assert json.loads(batch.stdout.splitlines()[0])["error"] == expected


def test_titles_work_in_profiles_rate_batch_and_api(catalog: Catalog, invoke: Invoke, tmp_path: Path) -> None:
    by_ids = json.loads(invoke("assess", *rates(MLE), "-f", "json").stdout)
    profile = tmp_path / "p.json"
    profile.write_text(json.dumps({"ratings": TITLED}))
    by_file = json.loads(invoke("assess", "--profile", str(profile), "-f", "json").stdout)
    by_rate = json.loads(invoke("assess", *rates(TITLED), "-f", "json").stdout)
    assert by_file["roles"] == by_rate["roles"] == by_ids["roles"]
    jsonl = invoke("batch", "-", "-I", "jsonl", input=json.dumps({"id": "t", "ratings": TITLED}) + "\n")
    assert jsonl.exit_code == 0, jsonl.stderr
    header = "id," + ",".join(TITLED) + "\n" + "t," + ",".join(str(v) for v in TITLED.values()) + "\n"
    csv = invoke("batch", "-", "-I", "csv", input=header)
    assert csv.exit_code == 0, csv.stderr
    best = by_ids["roles"][0]
    for out in (jsonl.stdout, csv.stdout):
        assert json.loads(out)["top_role"] == best["id"]
    table = score_profiles([{"id": "t", "ratings": TITLED}], catalog)
    assert table.top_role[0] == best["id"]
    assert score_profiles({"id": ["t"], **{k: [v] for k, v in TITLED.items()}}, catalog).top_role[0] == best["id"]


def test_a_skill_named_twice_is_an_error(catalog: Catalog) -> None:
    with pytest.raises(RatingError, match="skill 'ml' is rated twice"):
        ratings_from_mapping({"ml": 3, "ML": 4}, SkillKeys.of(catalog))


@given(st.one_of(st.integers(-10**60, 10**60), st.floats(allow_nan=True), st.text(max_size=80), st.none(), st.booleans()))
def test_a_level_is_a_whole_number_on_the_scale_or_an_error(value: object) -> None:
    try:
        level = parse_level(value, skill="ml", top=5)
    except RatingError as exc:
        assert len(exc.message) < 200  # never echoes a huge value whole
        return
    assert 0 <= level <= 5 and not isinstance(value, bool)
