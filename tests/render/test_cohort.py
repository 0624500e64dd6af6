"""The cohort report for the terminal: the grid, its column key, narrow terminals, tiny and big cohorts."""

from __future__ import annotations

import random

import pytest
from rich.cells import cell_len

from roleadvisor import i18n
from roleadvisor.catalog.loader import load_catalog
from roleadvisor.cohort import analyse
from roleadvisor.contracts.cohort import ROWS_SHOWN, CohortReport, build_cohort, names_shown
from roleadvisor.output import plain_text
from roleadvisor.render.cohort import cohort_table, level_style, short_names, skill_abbreviations
from roleadvisor.vector import Matrices

CATALOG = load_catalog()
MATRICES = Matrices.from_catalog(CATALOG)


def report(rows: list[list[int]], target: int | None = None) -> CohortReport:
    ids = [f"Learner {i:03d}" for i in range(len(rows))]
    cohort = analyse(MATRICES, CATALOG, ids, rows, target=target)
    return build_cohort(cohort, MATRICES, CATALOG, source="people.csv", lines=tuple(range(2, len(rows) + 2)))


def test_skill_abbreviations_are_short_and_unique() -> None:
    ids = list(CATALOG.skill_ids)
    short = skill_abbreviations(ids)
    assert short == ["syst", "data", "ml", "algo", "stat", "sme", "prod", "comm"]
    assert skill_abbreviations(["stats", "statics", "ml"]) == ["stats", "stati", "ml"]


def test_levels_get_darker_styles_up_the_scale() -> None:
    assert [level_style(level, 5) for level in range(6)] == [
        "dim",
        "dim",
        "",
        "cyan",
        "bold green",
        "bold magenta",
    ]
    assert level_style(3, 3) == "bold magenta" and level_style(0, 0) == ""


def test_the_grid_has_one_row_per_person_under_their_best_role() -> None:
    rows = [[4, 3, 4, 3, 2, 2, 1, 3], [2, 3, 3, 2, 4, 4, 2, 3], [4, 3, 4, 4, 2, 2, 1, 2]]
    text = plain_text(cohort_table(report(rows)), width=100)
    grid = text.split("Levels, person by skill", 1)[1].split("syst = systems", 1)[0]
    lines = [line.rstrip() for line in grid.splitlines()]
    assert "Person" in lines[1] and lines[1].split()[-8:] == [
        "syst",
        "data",
        "ml",
        "algo",
        "stat",
        "sme",
        "prod",
        "comm",
    ]
    mle = lines.index("Machine Learning Engineer")
    assert lines[mle + 1].split()[-8:] == ["4", "3", "4", "4", "2", "2", "1", "2"]  # best fit first
    assert any(line.startswith("people at 4+") for line in lines)
    assert sum(line.startswith("Learner 00") for line in lines) == 3  # one row per person


def test_narrow_and_wide_terminals_keep_every_name_whole() -> None:
    rnd = random.Random(3)  # noqa: S311 - made-up ratings
    rows = [[rnd.randint(0, 5) for _ in range(8)] for _ in range(12)]
    for width in (60, 100):
        text = plain_text(cohort_table(report(rows, target=2)), width=width)
        assert "Learner 011" in text
        assert all(len(line) <= width for line in text.splitlines())
        assert "Who is closest to MLOps Engineer" in text


def test_long_lists_are_cut_and_say_so() -> None:
    rnd = random.Random(5)  # noqa: S311 - made-up ratings
    rows = [[rnd.randint(1, 3) for _ in range(8)] for _ in range(ROWS_SHOWN + 15)]
    text = plain_text(cohort_table(report(rows, target=2)), width=100)
    assert "more people (the JSON report lists everyone)." in text
    names = tuple(f"n{i}" for i in range(15))
    assert names_shown(names) == ", ".join(names[:12]) + " and 3 more"
    assert names_shown(names[:2]) == "n0, n1"


def test_an_empty_cohort_still_renders() -> None:
    text = plain_text(cohort_table(report([])), width=100)
    assert "0 people from people.csv." in text and "What the numbers mean" in text
    assert "Levels, person by skill" not in text


@pytest.mark.parametrize(
    ("language", "first"), [("ru", ["инфр", "БД", "МО"]), ("fa", ["سیستم", "داده", "یادگیری"])]
)
def test_the_grid_headings_are_translated_and_the_grid_stays_aligned(language: str, first: list[str]) -> None:
    rows = [[4, 3, 4, 3, 2, 2, 1, 3], [2, 3, 3, 2, 4, 4, 2, 3], [5, 5, 5, 5, 5, 5, 5, 5]]
    i18n.activate(language)
    try:
        shorts = short_names(list(CATALOG.skill_ids))
        text = plain_text(cohort_table(report(rows)), width=120)
        five = i18n.number(5)
    finally:
        i18n.activate("en")
    assert shorts[:3] == first and len(set(shorts)) == len(shorts)
    assert not {"syst", "data", "algo", "comm"} & set(text.split())
    lines = [line.rstrip() for line in text.splitlines()]
    header = next(line for line in lines if line.split()[-len(shorts) :] == shorts)
    people = [line for line in lines if line.startswith("Learner 00")]
    assert len(people) == 3
    # every level sits right under its heading: the rows end where the heading line ends
    assert {cell_len(line) for line in people} == {cell_len(header)}
    assert any(line.split()[-8:] == [five] * 8 for line in people)  # levels in the language's digits


def test_a_custom_catalogue_s_skills_keep_their_id_abbreviations() -> None:
    assert short_names(["systems", "quantum"]) == skill_abbreviations(["systems", "quantum"])
