"""Reading everyone at once (``read_people``): good records kept in order, bad ones listed with why."""

from __future__ import annotations

from pathlib import Path

import pytest

from roleadvisor.batch.source import InputSpec, open_source, read_people
from roleadvisor.catalog.loader import load_catalog
from roleadvisor.errors import BatchInputError, UsageError
from tests.conftest import DS, MLE

SKILLS = list(MLE)


def write_csv(path: Path, rows: list[str]) -> Path:
    path.write_text("id," + ",".join(SKILLS) + "\n" + "".join(row + "\n" for row in rows), encoding="utf-8")
    return path


def row(ident: str, ratings: dict[str, int]) -> str:
    return ident + "," + ",".join(str(ratings[s]) for s in SKILLS)


def test_good_records_in_order_and_bad_ones_listed(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "people.csv",
        [row("ana", MLE), row("bo", DS), "cy," + ",".join(["9"] * len(SKILLS)), row("ana", DS)],
    )
    catalog = load_catalog()
    with open_source(InputSpec(str(path))) as source:
        people = read_people(source, catalog)
    assert people.ids == ("ana", "bo")
    assert people.lines.tolist() == [2, 3]
    assert people.ratings[0].tolist() == [MLE[s] for s in catalog.skill_ids]
    assert people.ratings[1].tolist() == [DS[s] for s in catalog.skill_ids]
    assert [(b.line, b.id) for b in people.bad] == [(4, "cy"), (5, "ana")]
    assert "duplicate id" in people.bad[1].message
    assert people.bad[1].describe().startswith('line 5 (id "ana"): duplicate id')


def test_limit_on_how_many_are_held(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "people.csv", [row(f"p{i}", MLE) for i in range(5)])
    with open_source(InputSpec(str(path))) as source, pytest.raises(BatchInputError, match="more than 3"):
        read_people(source, load_catalog(), limit=3)


def test_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no such file"), open_source(InputSpec(str(tmp_path / "nope.csv"))):
        pass


def test_the_reading_options_reach_the_reader(tmp_path: Path) -> None:
    # cohort and rank get --id-column and --delimiter by passing them in InputSpec
    header = "Name;Group;" + ";".join(SKILLS)
    path = tmp_path / "people.txt"  # no known extension: sniffed as CSV
    body = "".join(f"{who};g1;{';'.join(str(MLE[s]) for s in SKILLS)}\n" for who in ("Ana", "Bo"))
    path.write_text(header + "\n" + body, encoding="utf-8")
    catalog = load_catalog()
    with open_source(InputSpec(str(path), id_column="NAME", delimiter=";")) as source:
        assert source.fmt == "csv"
        people = read_people(source, catalog)
    assert people.ids == ("Ana", "Bo")
    assert people.bad == ()


@pytest.mark.parametrize(("given", "used"), [(",", ","), (";", ";"), ("tab", "\t"), ("\t", "\t")])
def test_the_delimiter_by_name_or_character(tmp_path: Path, given: str, used: str) -> None:
    path = write_csv(tmp_path / "people.csv", [row("ana", MLE)])
    with open_source(InputSpec(str(path), delimiter=given)) as source:
        assert source.spec.delimiter == used


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ({"delimiter": "|"}, "--delimiter '|': use ',', ';' or tab"),
        (
            {"delimiter": ";", "input_format": "jsonl"},
            "--delimiter applies to CSV input; this input is jsonl",
        ),
        ({"sheet": "S"}, "--sheet applies to .xlsx input; this input is csv"),
        ({"id_column": ""}, "--id-column is blank"),
        ({"id_column": "name", "input_format": "json"}, "--id-column applies to CSV and .xlsx input"),
    ],
    ids=["unknown-delimiter", "delimiter-not-csv", "sheet-not-xlsx", "blank-id-column", "id-column-json"],
)
def test_options_that_do_not_fit_the_input(tmp_path: Path, spec: dict[str, str], message: str) -> None:
    path = write_csv(tmp_path / "people.csv", [row("ana", MLE)])
    with pytest.raises(UsageError) as caught, open_source(InputSpec(str(path), **spec)):
        pass
    assert caught.value.message.startswith(message)


def test_half_levels_of_good_records_are_counted(tmp_path: Path) -> None:
    half = ",".join(["3.5", *["2"] * (len(SKILLS) - 1)])
    path = write_csv(tmp_path / "people.csv", [f"ana,{half}", row("bo", DS), f"ana,{half}"])
    with open_source(InputSpec(str(path))) as source:
        people = read_people(source, load_catalog())
    assert people.ids == ("ana", "bo")  # the second ana is a duplicate: its half level is not counted
    assert people.half_levels == 1
    assert people.half_example is not None and people.half_example.level == 3
    assert people.ratings[0].tolist()[0] == 3
