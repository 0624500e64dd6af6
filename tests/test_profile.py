"""Profile text: nesting beyond the guard's limit is refused, in YAML and JSON alike, from a file or stdin.

The subprocess tests of the same refusals (which would otherwise crash the
process) are in test_safeyaml.py; these run in-process at a depth libyaml and
``json`` survive, to check the messages and that real profiles still load.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from roleadvisor.catalog.models import Catalog
from roleadvisor.errors import ProfileError
from roleadvisor.profile import load_profile, parse_profile_text, read_profile
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
