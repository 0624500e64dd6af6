"""``cohort`` and ``rank`` read people as ``batch`` does, and say so on stderr as ``batch`` does."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import DS, MLE, Invoke

SKILLS = list(MLE)


def _people(tmp_path: Path, rows: list[str]) -> Path:
    path = tmp_path / "people.csv"
    path.write_text("id," + ",".join(SKILLS) + "\n" + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


def _row(ident: str, ratings: dict[str, int]) -> str:
    return ident + "," + ",".join(str(ratings[s]) for s in SKILLS)


@pytest.mark.parametrize("command", [["cohort"], ["rank", "--role", "mlops"], ["batch", "-f", "jsonl"]])
def test_half_levels_are_counted_on_stderr_by_every_command(
    invoke: Invoke, tmp_path: Path, command: list[str]
) -> None:
    half = "ana," + ",".join(["4.5", "3.5", *[str(MLE[s]) for s in SKILLS[2:]]])
    path = _people(tmp_path, [half, _row("bo", DS)])
    result = invoke(command[0], str(path), *command[1:])
    assert result.exit_code == 0, result.stderr
    assert f"{command[0]}: 2 half levels read as the level below (4.5 -> 4)" in result.stderr


@pytest.mark.parametrize("command", [["cohort"], ["rank", "--role", "mlops"]])
def test_bad_records_are_listed_as_batch_lists_them(
    invoke: Invoke, tmp_path: Path, command: list[str]
) -> None:
    rows = [_row("ana", MLE), *[f"p{i}," + ",".join(["9"] * len(SKILLS)) for i in range(23)]]
    result = invoke(command[0], str(_people(tmp_path, rows)), *command[1:])
    assert result.exit_code == 3
    listed = [line for line in result.stderr.splitlines() if line.startswith("bad record: ")]
    assert len(listed) == 20 and listed[0].startswith('bad record: line 3 (id "p0"): ')
    assert "... and 3 more bad records" in result.stderr
