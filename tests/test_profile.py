"""Profile text: nesting beyond the guard's limit is refused, in YAML and JSON alike, from a file or stdin;
a saved JSON report is read as its profile; ``profile_text`` writes what ``--profile`` reads.

The subprocess tests of the same refusals (which would otherwise crash the
process) are in test_safeyaml.py; these run in-process at a depth libyaml and
``json`` survive, to check the messages and that real profiles still load.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from roleadvisor.catalog.models import Catalog
from roleadvisor.errors import ProfileError, RatingError
from roleadvisor.profile import (
    Profile,
    is_report,
    load_profile,
    parse_profile_text,
    profile_text,
    read_profile,
)
from roleadvisor.safeyaml import MAX_DEPTH

from .conftest import MLE

DEPTH = 500  # deeper than MAX_DEPTH, shallow enough that no parser would crash without the guard


def nested(depth: int) -> str:
    return "[" * depth + "3" + "]" * depth


@pytest.mark.parametrize("as_json", [False, True])
def test_deep_profile_text_is_refused_with_one_message(catalog: Catalog, as_json: bool) -> None:
    text = '{"ratings": {"systems": ' + nested(DEPTH) + "}}"
    with pytest.raises(ProfileError) as caught:
        parse_profile_text(text, catalog, source="p", as_json=as_json)
    assert caught.value.message == (
        f"p: line 1: lists and mappings are nested more than {MAX_DEPTH} levels deep; refusing to read it"
    )
    assert caught.value.details == ()


def test_deep_json_and_yaml_files_and_stdin(catalog: Catalog, tmp_path: Path) -> None:
    as_json = tmp_path / "deep.json"
    as_json.write_text('{"ratings":\n {"systems": ' + nested(DEPTH) + "}}", encoding="utf-8")
    with pytest.raises(ProfileError, match=rf"^{as_json}: line 2: .* nested more than {MAX_DEPTH} levels"):
        load_profile(as_json, catalog)
    as_yaml = tmp_path / "deep.yaml"
    as_yaml.write_text("ratings:\n  systems: " + nested(DEPTH) + "\n", encoding="utf-8")
    with pytest.raises(ProfileError, match=rf"^{as_yaml}: line 2: .* nested more than {MAX_DEPTH} levels"):
        load_profile(as_yaml, catalog)
    stdin = io.BytesIO(as_yaml.read_bytes())
    with pytest.raises(ProfileError, match=rf"^<stdin>: line 2: .* nested more than {MAX_DEPTH} levels"):
        read_profile(Path("-"), catalog, stdin)


def test_profiles_within_the_limit_still_load(catalog: Catalog, tmp_path: Path) -> None:
    as_json = tmp_path / "p.json"
    as_json.write_text(json.dumps({"name": "Zoë [1]", "ratings": MLE}), encoding="utf-8")
    assert load_profile(as_json, catalog).ratings == MLE
    as_yaml = tmp_path / "p.yaml"
    as_yaml.write_text(
        'name: "O\'Brien ]]"\nratings:\n' + "".join(f"  {k}: {v}\n" for k, v in MLE.items()), encoding="utf-8"
    )
    profile = load_profile(as_yaml, catalog)
    assert profile.name == "O'Brien ]]"
    assert profile.ratings == MLE


def test_json_syntax_errors_keep_their_own_message(catalog: Catalog) -> None:
    with pytest.raises(ProfileError, match=r"^p: line 1, column 13: Expecting value$"):
        parse_profile_text('{"ratings": ]', catalog, source="p", as_json=True)


# --- a saved JSON report is a profile too ----------------------------------------------------------


def report_of(
    name: str | None, ratings: dict[str, object], version: int = 1, **more: object
) -> dict[str, object]:
    """The shape of an ``assess --format json`` report (keys beyond ``profile`` are never read)."""
    return {
        "schema_version": version,
        "profile": {"name": name, "ratings": ratings},
        "roles": [{"id": "ml-engineer", "fit": 0.9}],
        "catalog": {"version": "2026.11.1"},
        **more,
    }


@pytest.mark.parametrize("version", [1, 2])
def test_a_report_is_read_as_its_profile(catalog: Catalog, tmp_path: Path, version: int) -> None:
    path = tmp_path / "report.json"
    data = report_of("Sam", MLE, version, ranking={"new": "keys"}, stability=[1, 2])
    path.write_text(json.dumps(data), encoding="utf-8")
    assert load_profile(path, catalog) == Profile(name="Sam", ratings=MLE)
    as_yaml_name = tmp_path / "report.yaml"  # the file's extension does not matter
    as_yaml_name.write_text(json.dumps(data), encoding="utf-8")
    assert load_profile(as_yaml_name, catalog) == Profile(name="Sam", ratings=MLE)
    stdin = io.BytesIO(json.dumps(data, indent=2).encode())
    assert read_profile(Path("-"), catalog, stdin) == Profile(name="Sam", ratings=MLE)


def test_only_the_reports_name_and_ratings_are_read(catalog: Catalog) -> None:
    data = report_of(None, MLE)
    data["profile"] = {"ratings": MLE, "id": "p-17", "source": "anything"}  # keys a later schema may add
    profile = parse_profile_text(json.dumps(data), catalog, source="r.json", as_json=True)
    assert profile == Profile(name=None, ratings=MLE)


def test_a_reports_bad_ratings_say_where_they_are(catalog: Catalog) -> None:
    text = json.dumps(report_of("Sam", {**MLE, "ml": 9}))
    with pytest.raises(RatingError) as caught:
        parse_profile_text(text, catalog, source="r.json", as_json=True)
    assert caught.value.message == "r.json: profile: rating for 'ml' is 9, outside the scale 0-5"


def test_a_report_without_profile_ratings_is_refused_as_one(catalog: Catalog) -> None:
    for data in ({"schema_version": 2, "roles": []}, {"schema_version": 2, "profile": {"name": "x"}}):
        with pytest.raises(ProfileError) as caught:
            parse_profile_text(json.dumps(data), catalog, source="r.json", as_json=True)
        assert caught.value.message == (
            "r.json: a report (it has 'schema_version') without profile.ratings; "
            "save one with 'roleadvisor assess --format json', or pass a profile with 'ratings'"
        )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '{"profile": {"ratings": {"ml": 3}}}',
            "p: unknown key 'profile'; a profile has 'name' and 'ratings'",
        ),
        ("[1, 2]", "p: a profile must be a mapping with 'ratings' (and optional 'name')"),
        (
            '{"schema_version": 1, "ratings": {"ml": 3}}',
            "p: unknown key 'schema_version'; a profile has 'name' and 'ratings'",
        ),
    ],
)
def test_real_profiles_keep_their_messages(catalog: Catalog, text: str, message: str) -> None:
    with pytest.raises(ProfileError) as caught:
        parse_profile_text(text, catalog, source="p", as_json=True)
    assert caught.value.message == message


def test_is_report() -> None:
    assert is_report({"schema_version": 7, "profile": {"ratings": {}}})
    assert not is_report({"schema_version": 1, "profile": {"name": "x"}})
    assert not is_report({"profile": {"ratings": {}}})
    assert not is_report({"schema_version": 1, "profile": {"ratings": {}}, "ratings": {}})
    assert not is_report(["schema_version"])


# --- writing a profile back: profile_text ----------------------------------------------------------


@pytest.mark.parametrize("as_json", [False, True])
def test_profile_text_reads_back_in_catalogue_order(catalog: Catalog, as_json: bool) -> None:
    shuffled = dict(reversed(list(MLE.items())))
    text = profile_text(Profile(name="Sam", ratings=shuffled), catalog, as_json=as_json)
    back = parse_profile_text(text, catalog, source="p", as_json=as_json)
    assert back == Profile(name="Sam", ratings=MLE)
    assert list(back.ratings) == list(catalog.skill_ids)
    assert ("name" in text) and text.index("systems") < text.index("communication")


def test_profile_text_without_name_and_partial(catalog: Catalog) -> None:
    partial = {"ml": 4, "systems": 2}
    text = profile_text(Profile(name=None, ratings=partial), catalog, as_json=False, missing=["stats", "sme"])
    assert text == (
        f"# roleadvisor profile (catalogue {catalog.version}); use it with: roleadvisor assess --profile FILE\n"
        "# Partial: no rating yet for stats, sme; 'roleadvisor assess --profile FILE' asks for them on a terminal.\n"
        "ratings:\n  systems: 2\n  ml: 4\n"
    )
    assert json.loads(profile_text(Profile(name=None, ratings=partial), catalog, as_json=True)) == {
        "ratings": {"systems": 2, "ml": 4}
    }
    assert parse_profile_text(text, catalog, source="p", as_json=False).ratings == {"systems": 2, "ml": 4}


@settings(max_examples=300, deadline=None)
@example(name="\x85", as_json=False)  # NEL is a YAML line break: written escaped
@example(name="a\u2028b  ", as_json=False)
@example(name="\x85\x7f", as_json=True)
@given(name=st.one_of(st.none(), st.text(max_size=60)), as_json=st.booleans())
def test_any_name_survives_the_round_trip(catalog: Catalog, name: str | None, as_json: bool) -> None:
    text = profile_text(Profile(name=name, ratings=MLE), catalog, as_json=as_json)
    assert parse_profile_text(text, catalog, source="p", as_json=as_json) == Profile(name=name, ratings=MLE)
    stdin = io.BytesIO(text.encode())  # '--profile -' reads JSON as YAML
    assert read_profile(Path("-"), catalog, stdin) == Profile(name=name, ratings=MLE)
