"""Narrow and wide terminals: no word is cut at 60 or 80 columns, and no line is wider than 100.

A word is cut when it appears at a narrow width but at no comfortable width
(79 columns for the stacked layouts, 200 for the tables), or when Rich shortens
it with an ellipsis.
"""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from roleadvisor.cli import app
from tests.conftest import MLE, rate_args

SPLIT = re.compile(r"[\s│┃┏┓┗┛┡┩━─┳┻╇╈┼├┤┬┴╭╮╰╯║═╔╗╚╝╠╣╦╩╬|]+")
LITERAL_ELLIPSES = ("person…", "level…")  # column headings that end in an ellipsis on purpose

CASES = [
    ["assess", *rate_args(MLE)],
    ["assess", *rate_args(MLE), "--target", "ml-infrastructure-engineer"],
    ["roles"],
    ["role", "ml-infrastructure-engineer"],
    ["role", "devrel"],
    ["lifecycle"],
    ["skills"],
    ["decode", "Staff ML Platform Engineer"],
]


def screen(args: list[str], width: int, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("COLUMNS", str(width))
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


BORDERS = {"┏": "┓", "┃": "┃", "┡": "┩", "│": "│", "└": "┘", "┗": "┛"}


def cropped(text: str) -> list[str]:
    """Table lines whose right-hand border is missing (Rich crops a table wider than the terminal)."""
    return [
        line
        for line in text.splitlines()
        if line[:1] in BORDERS and not line.rstrip().endswith(BORDERS[line[0]])
    ]


def words(text: str) -> set[str]:
    return {w for w in SPLIT.split(text) if w}


@pytest.mark.parametrize(
    "args",
    CASES,
    ids=lambda a: " ".join(a[:2]) if a[0] != "assess" else "assess" + (" target" if "--target" in a else ""),
)
def test_no_word_is_cut_at_60_or_80_columns(args: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    comfortable = words(screen(args, 200, monkeypatch)) | words(screen(args, 79, monkeypatch))
    for width in (60, 80):
        text = screen(args, width, monkeypatch)
        assert max(len(line) for line in text.splitlines()) <= width
        cut = words(text) - comfortable
        assert cut == set(), (width, sorted(cut)[:10])
        assert cropped(text) == [], width
        stripped = text
        for literal in LITERAL_ELLIPSES:
            stripped = stripped.replace(literal, "")
        assert "…" not in stripped, width


@pytest.mark.parametrize("args", CASES[:3] + CASES[5:7], ids=str)
def test_nothing_is_wider_than_100_columns_on_a_wide_terminal(
    args: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    text = screen(args, 200, monkeypatch)
    assert max(len(line) for line in text.splitlines()) <= 100


def test_the_checker_sees_a_cropped_table() -> None:
    assert cropped("┏━━┳━━\n┃ a┃ b┃\n") == ["┏━━┳━━"]


def test_the_checker_sees_a_cut_word() -> None:
    assert words("ml-infrastructure-engin… x") - words("ml-infrastructure-engineer x") == {
        "ml-infrastructure-engin…"
    }


def test_compare_cuts_no_word_at_60_or_80_columns(tmp_path: object, monkeypatch: pytest.MonkeyPatch) -> None:
    from pathlib import Path

    old, new = Path(str(tmp_path)) / "old.json", Path(str(tmp_path)) / "new.json"
    for path, systems in ((old, 2), (new, 4)):
        ratings = {**MLE, "systems": systems}
        assert CliRunner().invoke(app, ["assess", *rate_args(ratings), "-o", str(path)]).exit_code == 0
    args = ["compare", str(old), str(new)]
    comfortable = words(screen(args, 200, monkeypatch)) | words(screen(args, 79, monkeypatch))
    for width in (60, 80):
        text = screen(args, width, monkeypatch)
        assert words(text) - comfortable == set(), width
        assert "…" not in text and cropped(text) == [] and max(map(len, text.splitlines())) <= width
