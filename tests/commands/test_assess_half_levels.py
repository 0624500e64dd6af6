"""Half levels in ``assess``: ``--rate ml=3.5``, profile files and the prompt read the level below,
and the person is told (stderr, and the report's warnings); other fractions are errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from roleadvisor.catalog.models import Catalog
from roleadvisor.commands.assess import AssessOptions, gather_profile
from roleadvisor.ratings import HalfLevel, parse_level
from tests.conftest import MLE, Invoke, rate_args

NOTE = "rating for 'ml' is 3.5, between two levels: read as 3, the level fully reached"


def options(**kwargs: object) -> AssessOptions:
    base: dict[str, object] = {"rates": (), "profile": None, "top": None, "interactive": True}
    return AssessOptions(**{**base, **kwargs})  # type: ignore[arg-type]


def test_a_half_level_is_the_level_below_and_the_report_says_so(invoke: Invoke) -> None:
    result = invoke("assess", *rate_args({**MLE, "ml": 3.5}), "-f", "json")  # type: ignore[dict-item]
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["profile"]["ratings"]["ml"] == 3
    assert report["warnings"][0] == NOTE
    assert result.stderr == f"warning: {NOTE}\n"
    plain = json.loads(invoke("assess", *rate_args({**MLE, "ml": 3}), "-f", "json").stdout)
    assert [r["fit"] for r in report["roles"]] == [r["fit"] for r in plain["roles"]]


def test_markdown_shows_the_note_among_its_warnings(invoke: Invoke) -> None:
    result = invoke("assess", *rate_args({**MLE, "ml": 3.5}), "-f", "markdown")  # type: ignore[dict-item]
    assert f"> **Warning:** {NOTE}" in result.stdout


def test_a_profile_file_s_half_level_is_noted_unless_rate_overrides_it(
    invoke: Invoke, tmp_path: Path
) -> None:
    path = tmp_path / "me.yaml"
    path.write_text("ratings:\n" + "".join(f"  {k}: {'3.5' if k == 'ml' else v}\n" for k, v in MLE.items()))
    result = invoke("assess", "--profile", str(path), "-f", "json")
    assert json.loads(result.stdout)["warnings"][0] == NOTE
    result = invoke("assess", "--profile", str(path), "--rate", "ml=4", "-f", "json")
    assert json.loads(result.stdout)["profile"]["ratings"]["ml"] == 4
    assert result.stderr == ""


@pytest.mark.parametrize("value", ["3.2", "3.75", "5.5"])
def test_any_other_fraction_is_an_error_naming_the_rule(invoke: Invoke, value: str) -> None:
    result = invoke("assess", *rate_args({**MLE, "ml": value}), "-f", "json")  # type: ignore[dict-item]
    assert result.exit_code == 2
    assert "(a value halfway between two, such as 3.5, is read as the lower level)" in result.stderr
    assert result.stdout == ""


def test_the_prompt_s_half_level_is_noted(catalog: Catalog, monkeypatch: pytest.MonkeyPatch) -> None:
    def ask(
        catalog: Catalog, missing: list[str], console: object, *, answers: dict[str, int]
    ) -> dict[str, int]:
        for skill in missing:  # every answer through the one rule, as the real prompt reads it
            answers[skill] = parse_level("2.5" if skill == "stats" else "2", skill=skill, top=5)
        return answers

    monkeypatch.setattr("roleadvisor.interactive.ask_ratings", ask)
    halves: list[HalfLevel] = []
    profile = gather_profile(catalog, options(rates=("ml=4.5",)), halves)
    assert profile.ratings["stats"] == 2 and profile.ratings["ml"] == 4
    assert halves == [HalfLevel("ml", "4.5", 4), HalfLevel("stats", "2.5", 2)]  # in catalogue order
