"""No data lost: an old --output kept when nothing can be scored, every input row accounted for."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.conftest import MLE, Invoke, installed_command

HEADER = "id," + ",".join(MLE) + "\n"
GOOD = ",".join(map(str, MLE.values()))


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("h.csv", HEADER),
        ("e.json", "[]"),
        ("e.jsonl", "\n\n"),
        ("p.json", '{"profiles": []}'),
        ("e.yaml", "[]\n"),
    ],
)
@pytest.mark.parametrize("target_name", ["res.csv", "res.jsonl"])
def test_zero_records_keep_the_existing_output(
    invoke: Invoke, tmp_path: Path, name: str, text: str, target_name: str
) -> None:
    source = tmp_path / name
    source.write_text(text)
    target = tmp_path / target_name
    target.write_text("PRECIOUS\n")
    result = invoke("batch", str(source), "-o", str(target))
    assert result.exit_code == 2
    assert result.stderr == f"error: {source}: no profiles found\n"
    assert target.read_text() == "PRECIOUS\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([name, target_name])  # no temporary left


def test_zero_records_through_the_installed_command(tmp_path: Path) -> None:
    (tmp_path / "res.csv").write_text("PRECIOUS\n")
    (tmp_path / "h.csv").write_text(HEADER)
    done = subprocess.run(
        [*installed_command(), "batch", "h.csv", "-o", "res.csv"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )
    assert done.returncode == 2
    assert done.stderr == "error: h.csv: no profiles found\n"
    assert (tmp_path / "res.csv").read_text() == "PRECIOUS\n"


def test_every_row_is_accounted_for_through_the_installed_command(tmp_path: Path) -> None:
    rows = (
        [f"g{i},{GOOD}" for i in range(5)]
        + ['"q,' + "x" * 200_000 + f'",{GOOD}']
        + [f"h{i},{GOOD}" for i in range(5)]
    )
    (tmp_path / "long.csv").write_text(HEADER + "\n".join(rows) + "\n")
    done = subprocess.run(
        [*installed_command(), "batch", "long.csv", "-o", "out.jsonl"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )
    assert done.returncode == 3
    out = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert [r.get("id", r.get("line")) for r in out] == [
        *(f"g{i}" for i in range(5)),
        7,
        *(f"h{i}" for i in range(5)),
    ]
    assert done.stderr.splitlines() == [
        f"bad record: line 7: {out[5]['error']}",
        "batch: 11 records, 10 scored, 1 failed; written to out.jsonl",
    ]
    assert len(done.stderr) < 400


def test_strict_stops_at_a_long_field(invoke: Invoke, tmp_path: Path) -> None:
    source = tmp_path / "p.csv"
    source.write_text(HEADER + f"a,{GOOD}\n" + "b" * 140_000 + f",{GOOD}\nc,{GOOD}\n")
    target = tmp_path / "out.jsonl"
    target.write_text("PRECIOUS\n")
    result = invoke("batch", str(source), "--strict", "-o", str(target))
    assert result.exit_code == 3
    assert result.stderr.startswith(
        "error: --strict: stopped at the first bad record: line 3: field 1 (id) has 140,000"
    )
    assert result.stderr.count("\n") == 1
    assert target.read_text() == "PRECIOUS\n"
