"""Numbers a catalogue may not hold: non-finite or absurd weights and shares are problems by place;
decode.yaml's checks, and the warnings about aliases that are common words."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from roleadvisor.catalog.loader import load_catalog
from roleadvisor.catalog.models import Section, Seniority
from tests.conftest import MLE, Invoke, rate_args

BAD = [".inf", "-.inf", ".nan", "1.0e+308", "-1", "0", "1e308"]


@pytest.mark.parametrize("value", BAD)
def test_a_bad_role_weight_is_reported_and_every_command_refuses_it(
    invoke: Invoke, tmp_path: Path, value: str
) -> None:
    target = tmp_path / "cat"
    assert invoke("catalog", "init", str(target)).exit_code == 0
    roles = target / "roles.yaml"
    text = roles.read_text()
    assert "weight: 3}" in text
    roles.write_text(text.replace("weight: 3}", f"weight: {value}}}", 1))
    checked = invoke("catalog", "validate", str(target))
    assert checked.exit_code == 2
    lines = checked.stderr.splitlines()
    assert lines[0] == f"error: catalogue {target} has 1 problem:"
    assert lines[1].startswith("  roles.yaml: roles[0].skills.") and ".weight: " in lines[1]
    for args in (["assess", *rate_args(MLE), "-f", "markdown"], ["roles"], ["role", "mlops"], ["lifecycle"]):
        result = invoke("--catalog", str(target), *args)
        assert result.exit_code == 2, args
        assert result.stderr.splitlines()[0].startswith("error: catalogue"), args
        assert result.exception is None or isinstance(result.exception, SystemExit)


@pytest.mark.parametrize("value", [".inf", ".nan", "-.inf", "5000"])
def test_a_bad_stage_share_is_reported(invoke: Invoke, catalog_copy: Callable[..., Path], value: str) -> None:
    def edit(data: dict[str, object]) -> None:
        stage = data["stages"][0]  # type: ignore[index]
        first = next(iter(stage["skill_mix"]))
        stage["skill_mix"][first] = float(value.replace(".inf", "inf").replace(".nan", "nan"))

    target = catalog_copy(edit_lifecycle=edit)
    result = invoke("catalog", "validate", str(target))
    assert result.exit_code == 2
    assert "lifecycle.yaml: stages[0].skill_mix." in result.stderr
    assert "must be a finite number up to 1000" in result.stderr


def test_ordinary_weights_still_pass(invoke: Invoke) -> None:
    assert invoke("catalog", "validate").exit_code == 0


# --- decode.yaml and seniority min_weight -------------------------------------------------


def _edit_decode(target: Path, edit: Callable[[dict[str, Any]], None]) -> None:
    path = target / "decode.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    edit(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")


def test_every_kind_of_decode_yaml_error_is_reported(
    invoke: Invoke, catalog_copy: Callable[..., Path]
) -> None:
    groups = []  # how many 'same' groups the built-in decode.yaml has

    def edit(decode: dict[str, Any]) -> None:
        groups.append(len(decode["same"]))
        decode["colour"] = "blue"
        decode["same"].append(["ML"])  # one form only, and already in same[0]
        decode["same"].append("AI, artificial intelligence")
        decode["own_cues"].append("")
        decode["weak_words"].append("Cloud")  # already listed, other case
        decode["team_words"] = "team"
        decode["sections"][0]["weight"] = 11
        decode["sections"][2]["id"] = "Requirements!"
        decode["sections"][3]["headings"].append("Responsibilities")  # opens section 'duties' already
        decode["sections"].append({"id": "duties", "weight": 1, "headings": ["tasks to do"], "extra": 1})

    def edit_roles(data: dict[str, Any]) -> None:
        data["seniority"][3]["min_weight"] = 0

    target = catalog_copy(edit_roles=edit_roles)
    _edit_decode(target, edit)
    result = invoke("catalog", "validate", str(target))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[1:] == [
        "  roles.yaml: seniority[3].min_weight: must be a positive number up to 1000, got 0.0",
        "  decode.yaml: colour: unknown field (check its spelling)",
        "  decode.yaml: own_cues[26]: must be text of 1 to 100 characters",
        "  decode.yaml: team_words: must be a list of words or phrases",
        "  decode.yaml: weak_words[31]: 'Cloud' is listed twice",
        f"  decode.yaml: same[{groups[0]}]: must list at least two forms read alike",
        f"  decode.yaml: same[{groups[0]}]: 'ML' is also in same[0]",
        f"  decode.yaml: same[{groups[0] + 1}]: must be a list of words or phrases",
        "  decode.yaml: sections[0].weight: must be a number from 0 to 10",
        "  decode.yaml: sections[2].id: must be lowercase letters, digits, '-' or '_', "
        "starting with a letter or digit",
        "  decode.yaml: sections[3].headings: 'Responsibilities' also opens section 'duties'",
        "  decode.yaml: sections[6].extra: unknown field (check its spelling)",
        "  decode.yaml: sections: id 'duties' is used more than once",
    ]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"- a list\n", "decode.yaml: must be a YAML mapping at the top level"),
        (b"same: [\n", "decode.yaml: line 2, column 1: "),
    ],
)
def test_a_broken_decode_yaml_is_reported(
    invoke: Invoke, catalog_copy: Callable[..., Path], content: bytes, expected: str
) -> None:
    target = catalog_copy()
    (target / "decode.yaml").write_bytes(content)
    result = invoke("catalog", "validate", str(target))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[1].startswith(f"  {expected}")


def test_decode_yaml_and_min_weight_are_read(catalog_copy: Callable[..., Path]) -> None:
    def edit(data: dict[str, Any]) -> None:
        data["seniority"] = [{"shift": 1, "words": ["senior"], "min_weight": 3}]

    target = catalog_copy(edit_roles=edit)
    (target / "decode.yaml").write_text(
        "same: [[ML, machine learning]]\nsections: [{id: todo, weight: 2, headings: [Tasks]}]\n",
        encoding="utf-8",
    )
    catalog = load_catalog(target)
    assert catalog.reading.same == (("ML", "machine learning"),)
    assert catalog.reading.sections == (Section(id="todo", weight=2.0, headings=("Tasks",)),)
    assert catalog.reading.own_cues == () and catalog.reading.weak_words == ()
    assert catalog.seniority == (Seniority(shift=1, words=("senior",), min_weight=3.0),)


def test_aliases_and_keywords_that_are_common_words_are_warned_about(
    invoke: Invoke, catalog_copy: Callable[..., Path]
) -> None:
    def edit(data: dict[str, Any]) -> None:
        data["roles"][0]["aliases"] += ["Scientist", "la", "DA"]  # DA: a capitalised short alias, left alone
        data["roles"][5]["keywords"] += ["customers", "talks", "weekly reports"]
        data["roles"][6]["aliases"].append("исследователь")  # Russian: researcher

    target = catalog_copy(edit_roles=edit)
    result = invoke("catalog", "validate", str(target))
    assert result.exit_code == 0, result.output
    n = len(load_catalog().roles[0].aliases)
    k = len(load_catalog().roles[5].keywords)
    r = len(load_catalog().roles[6].aliases)
    assert result.stdout.splitlines()[1:] == [
        f"warning: roles.yaml: roles[0].aliases[{n}]: 'Scientist' is a common English word; decode reads it "
        "as naming data-scientist wherever it appears (use a longer phrase)",
        f"warning: roles.yaml: roles[0].aliases[{n + 1}]: 'la' is a common word in another European language; "
        "decode reads it as naming data-scientist in any title with that word (write it in capitals, or use a "
        "longer phrase)",
        f"warning: roles.yaml: roles[5].keywords[{k}]: 'customers' is a common English word; decode reads it "
        "as evidence for data-analyst wherever it appears (use a longer phrase)",
        f"warning: roles.yaml: roles[5].keywords[{k + 1}]: 'talks' is a common English word; decode reads it "
        "as evidence for data-analyst wherever it appears (use a longer phrase)",
        f"warning: roles.yaml: roles[6].aliases[{r}]: 'исследователь' is a common Russian word; decode reads "
        "it as naming research-scientist wherever it appears (use a longer phrase)",
    ]
    as_json = json.loads(invoke("catalog", "validate", str(target), "--format", "json").stdout)
    assert as_json["valid"] is True and len(as_json["warnings"]) == 5


def test_the_built_in_catalogue_has_no_warnings(invoke: Invoke) -> None:
    result = invoke("catalog", "validate", "--format", "json")
    assert json.loads(result.stdout)["warnings"] == []


def test_an_invalid_catalogue_as_json_is_data_on_stdout_and_one_error_line(
    invoke: Invoke, tmp_path: Path
) -> None:
    result = invoke("catalog", "validate", str(tmp_path), "--format", "json")
    assert result.exit_code == 2
    report = json.loads(result.stdout)
    assert report["valid"] is False and len(report["problems"]) == 2
    assert result.stderr == f"error: catalogue {tmp_path} has 2 problems (listed in the JSON on stdout)\n"
