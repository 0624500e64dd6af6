"""One ratings rule for profile files, --rate, batch rows and the Python API."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from roleadvisor import score_profiles
from roleadvisor.catalog.models import Catalog
from roleadvisor.errors import RatingError
from roleadvisor.ratings import (
    HalfLevel,
    SkillKeys,
    half_level_note,
    half_levels_note,
    level_of_label,
    level_or_error,
    levels_of_numbers,
    noting_half_levels,
    parse_level,
    parse_rate_options,
    plain,
    ratings_from_mapping,
    usable_labels,
)

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


def rates(ratings: Mapping[str, object]) -> list[str]:
    return [arg for k, v in ratings.items() for arg in ("-r", f"{k}={v}")]


def test_ids_and_titles_in_any_case_name_the_same_skills(catalog: Catalog) -> None:
    keys = SkillKeys.of(catalog)
    for skill in catalog.skills:
        for name in (
            skill.id,
            skill.id.upper(),
            skill.title,
            skill.title.lower(),
            f" {skill.title.upper()} ",
        ):
            assert keys.resolve(name) == skill.id


def test_the_titled_profile_is_what_the_ids_say(catalog: Catalog) -> None:
    keys = SkillKeys.of(catalog)
    if "machine learning" not in {s.title.lower() for s in catalog.skills}:
        pytest.skip("the built-in skill titles changed")
    assert ratings_from_mapping(TITLED, keys) == MLE


def test_one_did_you_mean_everywhere(catalog: Catalog, invoke: Invoke, tmp_path: Path) -> None:
    expected = "unknown skill 'statistcs'; did you mean 'stats'? (skills: systems, databases, ml, algorithms, stats, sme, product, communication)"
    [api] = score_profiles([{"id": "a", "ratings": {**MLE, "statistcs": 2}}], catalog).errors
    assert str(api) == f"row 1 (id 'a'): {expected}"
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
    assert (
        score_profiles({"id": ["t"], **{k: [v] for k, v in TITLED.items()}}, catalog).top_role[0]
        == best["id"]
    )


def test_a_skill_named_twice_is_an_error(catalog: Catalog) -> None:
    with pytest.raises(RatingError, match="skill 'ml' is rated twice"):
        ratings_from_mapping({"ml": 3, "ML": 4}, SkillKeys.of(catalog))


@given(
    st.one_of(
        st.integers(-(10**60), 10**60),
        st.floats(allow_nan=True),
        st.text(max_size=80),
        st.none(),
        st.booleans(),
    )
)
def test_a_level_is_a_whole_number_on_the_scale_or_an_error(value: object) -> None:
    try:
        level = parse_level(value, skill="ml", top=5)
    except RatingError as exc:
        assert len(exc.message) < 200  # never echoes a huge value whole
        return
    assert 0 <= level <= 5 and not isinstance(value, bool)


# --- level labels: one rule for --rate, profile files and the prompt ------------------------------

LABELS = ("none", "aware", "beginner", "practitioner", "advanced", "expert")


def test_a_label_is_its_level_in_any_case_with_spaces() -> None:
    for level, label in enumerate(LABELS):
        for text in (label, label.upper(), label.title(), f"  {label}\t", f" {label.capitalize()} "):
            assert parse_level(text, skill="ml", top=5, labels=LABELS) == level


def test_numbers_mean_what_they_always_meant() -> None:
    for text, level in (("0", 0), (" 3 ", 3), ("5", 5), ("2.0", 2), (4, 4), (1.0, 1)):
        assert parse_level(text, skill="ml", top=5, labels=LABELS) == level
        assert parse_level(text, skill="ml", top=5) == level
    with pytest.raises(RatingError, match="outside the scale 0-5"):
        parse_level("6", skill="ml", top=5, labels=LABELS)
    with pytest.raises(RatingError, match="levels are whole numbers 0-5"):
        parse_level("2.4", skill="ml", top=5, labels=LABELS)


def test_without_labels_a_label_is_not_a_level_and_the_message_is_unchanged() -> None:
    with pytest.raises(RatingError) as caught:
        parse_level("beginner", skill="ml", top=5)
    assert caught.value.message == "rating for 'ml' is 'beginner', not a number; use a whole number 0-5"


def test_a_wrong_answer_says_what_is_accepted() -> None:
    with pytest.raises(RatingError) as caught:
        parse_level("wizard", skill="ml", top=5, source="--rate", labels=LABELS)
    assert caught.value.message == (
        "--rate: rating for 'ml' is 'wizard', not a number or a label; use a whole number 0-5 "
        "or a label (none, aware, beginner, practitioner, advanced, expert)"
    )
    with pytest.raises(RatingError, match="not a number or a label"):
        parse_level("begin ner", skill="ml", top=5, labels=LABELS)  # a label is not guessed


def test_labels_that_look_like_numbers_or_are_shared_name_no_level() -> None:
    odd = ("zero", "2", "Same", "same", "x" * 60)  # level 1 is called "2"; levels 2 and 3 share a label
    assert parse_level("2", skill="ml", top=4, labels=odd) == 2  # a number stays a number
    assert usable_labels(odd) == ["zero", "x" * 60]
    with pytest.raises(
        RatingError, match=r"not a number or a label; use a whole number 0-4 or a label \(zero, x"
    ):
        parse_level("same", skill="ml", top=4, labels=odd)
    assert parse_level(" " + "X" * 60, skill="ml", top=4, labels=odd) == 4  # longer than any number
    assert level_of_label("", odd) is None


def test_rate_profile_files_and_the_prompt_agree(
    catalog: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    from rich.console import Console

    from roleadvisor.interactive import ask_ratings
    from roleadvisor.profile import load_profile

    labels = catalog.scale.labels
    answers = iter([f" {label.upper()} " for label in labels])
    monkeypatch.setattr("builtins.input", lambda: next(answers))
    skills = catalog.skill_ids[: len(labels)]
    prompted = ask_ratings(catalog, skills, Console(file=io.StringIO()))
    by_rate = parse_rate_options(
        [f"{skill}={label.title()}" for skill, label in zip(skills, labels, strict=True)], catalog
    )
    profile = tmp_path / "p.yaml"
    profile.write_text(
        "ratings:\n" + "".join(f"  {s}: {label}\n" for s, label in zip(skills, labels, strict=True))
    )
    as_json = tmp_path / "p.json"
    as_json.write_text(json.dumps({"ratings": dict(zip(skills, labels, strict=True))}))
    expected = {skill: level for level, skill in enumerate(skills)}
    assert (
        prompted
        == by_rate
        == load_profile(profile, catalog).ratings
        == load_profile(as_json, catalog).ratings
    )
    assert prompted == expected


def test_a_label_in_a_rate_option_gives_the_report_of_its_number(invoke: Invoke) -> None:
    labelled = {**MLE, "ml": "advanced", "product": "Aware"}
    by_label = invoke("assess", *rates(labelled), "-f", "json")
    by_number = invoke("assess", *rates(MLE), "-f", "json")
    assert by_label.exit_code == 0, by_label.stderr
    assert by_label.stdout == by_number.stdout


@given(
    st.one_of(st.integers(-10, 10), st.floats(allow_nan=True), st.text(max_size=50), st.none(), st.booleans())
)
def test_labels_never_change_what_a_number_means(value: object) -> None:
    try:
        plain: int | None = parse_level(value, skill="ml", top=5)
    except RatingError:
        plain = None
    try:
        labelled: int | None = parse_level(value, skill="ml", top=5, labels=LABELS)
    except RatingError:
        labelled = None
    if plain is not None:
        assert labelled == plain
    elif labelled is not None:
        assert isinstance(value, str) and " ".join(value.casefold().split()) == LABELS[labelled]


# --- half levels: one policy for assess, batch and the API -----------------------------------------


def test_a_half_level_is_read_as_the_level_below_and_recorded() -> None:
    halves: list[HalfLevel] = []
    for value, level in ((3.5, 3), ("3.5", 3), (" 0.5 ", 0), (4.5, 4), ("1.50", 1)):
        assert parse_level(value, skill="ml", top=5, halves=halves) == level
    assert [(h.value, h.level) for h in halves] == [
        ("3.5", 3),
        ("3.5", 3),
        ("0.5", 0),
        ("4.5", 4),
        ("1.50", 1),
    ]
    assert level_or_error("2.5", "stats", 5, halves=halves) == 2
    assert halves[-1] == HalfLevel(skill="stats", value="2.5", level=2)


def test_half_levels_are_noted_for_a_whole_command() -> None:
    with noting_half_levels() as noted:
        assert parse_level("2.5", skill="ml", top=5, labels=LABELS) == 2
        assert parse_level("2", skill="stats", top=5) == 2
    assert noted == [HalfLevel(skill="ml", value="2.5", level=2)]
    assert parse_level("2.5", skill="ml", top=5) == 2  # outside the block: read alike, noted nowhere
    assert noted == [HalfLevel(skill="ml", value="2.5", level=2)]
    assert half_level_note(noted[0]) == (
        "rating for 'ml' is 2.5, between two levels: read as 2, the level fully reached"
    )
    assert (
        half_levels_note(12, HalfLevel("ml", "3.5", 3)) == "12 half levels read as the level below (3.5 -> 3)"
    )
    assert half_levels_note(1) == "1 half level read as the level below"


@pytest.mark.parametrize("value", [3.2, "3.75", 0.25, "5.5", -0.5, 5.5])
def test_any_other_fraction_is_an_error_that_states_the_rule(value: object) -> None:
    with pytest.raises(RatingError, match=r"is read as the lower level\)$"):
        parse_level(value, skill="ml", top=5)


def test_not_a_number_is_no_half_level() -> None:
    with pytest.raises(RatingError) as info:
        parse_level(float("nan"), skill="ml", top=5)
    assert info.value.message == "rating for 'ml' is nan; levels are whole numbers 0-5"


def test_values_are_shown_plainly() -> None:
    np = pytest.importorskip("numpy")
    assert [
        plain(v) for v in (np.float64("nan"), np.float64(3.7), "abc", np.int64(7), 3.7, float("inf"))
    ] == [
        "nan",
        "3.7",
        "'abc'",
        "7",
        "3.7",
        "inf",
    ]
    assert level_or_error(np.float64(3.7), "ml", 5) == (
        "rating for 'ml' is 3.7; levels are whole numbers 0-5 "
        "(a value halfway between two, such as 3.5, is read as the lower level)"
    )


@given(st.floats(allow_nan=True, allow_infinity=True, width=32))
def test_the_vectorised_rule_is_the_rule(value: float) -> None:
    np = pytest.importorskip("numpy")
    levels, half, bad = levels_of_numbers(np.array([value], dtype=np.float64), 5)
    halves: list[HalfLevel] = []
    one = level_or_error(value, "ml", 5, halves=halves)
    if isinstance(one, str):
        assert bad[0] and levels[0] == 0
    else:
        assert not bad[0] and int(levels[0]) == one and bool(half[0]) == bool(halves)
