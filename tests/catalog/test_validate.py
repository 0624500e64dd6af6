"""Numbers a catalogue may not hold: non-finite or absurd weights and shares are problems by place."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

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
