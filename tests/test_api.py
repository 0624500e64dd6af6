"""The Python API: `score_profiles` on records, columns, arrays and DataFrames."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from roleadvisor import FitTable, load_catalog, score_profiles
from roleadvisor.api import BadRow
from roleadvisor.catalog.models import Catalog
from roleadvisor.engine import Model, assess
from roleadvisor.errors import RatingError

from .conftest import DS, MLE


def check(table: FitTable, model: Model) -> None:
    for i, ratings in enumerate((MLE, DS)):
        single = assess(model, ratings)
        assert table.top_role[i] == single.roles[0].role_id
        assert table.top_fit[i] == single.roles[0].fit
        for j, role in enumerate(table.role_ids):
            assert table.fits[i, j] == single.role(role).fit


def test_records(model: Model) -> None:
    table = score_profiles([{"id": "sam", "ratings": MLE}, {"id": "ana", **DS}])
    check(table, model)
    assert table.ids == ("sam", "ana")
    assert len(table) == 2


def test_columns_and_array(model: Model, catalog: Catalog) -> None:
    columns = {s: [MLE[s], DS[s]] for s in MLE}
    check(score_profiles(columns, catalog), model)
    array = np.array([[MLE[s] for s in catalog.skill_ids], [DS[s] for s in catalog.skill_ids]])
    check(score_profiles(array, catalog), model)


def test_pandas_dataframe(model: Model) -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame([{"id": "sam", **MLE}, {"id": "ana", **DS}])
    table = score_profiles(frame)
    check(table, model)
    out = table.to_pandas()
    assert list(out.columns[:5]) == ["id", "top_role", "top_match", "top_fit", "top_band"]
    assert out.loc[0, "top_role"] == "ml-engineer"


def test_bad_values_are_errors_of_their_rows_and_the_rest_is_scored(model: Model) -> None:
    table = score_profiles({**{s: [MLE[s], DS[s], MLE[s]] for s in MLE}, "ml": [7, MLE["ml"], "x"]})
    assert table.errors == (
        BadRow(1, None, "ml", "7", "rating for 'ml' is 7, outside the scale 0-5"),
        BadRow(3, None, "ml", "'x'", "rating for 'ml' is 'x', not a number; use a whole number 0-5"),
    )
    assert table.scored.tolist() == [False, True, False]
    single = assess(model, DS)
    assert table.top_role.tolist() == ["", single.roles[0].role_id, ""]
    assert table.top_fit[1] == single.roles[0].fit
    assert np.isnan(table.fits[[0, 2]]).all() and np.isnan(table.top_match[[0, 2]]).all()
    assert table.to_dict()["error"] == [
        "rating for 'ml' is 7, outside the scale 0-5",
        None,
        "rating for 'ml' is 'x', not a number; use a whole number 0-5",
    ]


def test_errors_raise_keeps_the_old_strictness() -> None:
    with pytest.raises(RatingError) as info:
        score_profiles({**{s: [MLE[s], DS[s]] for s in MLE}, "ml": [7, "x"]}, errors="raise")
    assert str(info.value).startswith("2 invalid ratings; the first: row 1: rating for 'ml' is 7")
    assert info.value.details == (
        "row 1: rating for 'ml' is 7, outside the scale 0-5",
        "row 2: rating for 'ml' is 'x', not a number; use a whole number 0-5",
    )
    with pytest.raises(ValueError, match="errors must be 'collect' or 'raise'"):
        score_profiles([MLE], errors="ignore")  # type: ignore[arg-type]


def test_the_input_as_a_whole_still_raises() -> None:
    with pytest.raises(RatingError, match="missing skill column: stats"):
        score_profiles({s: [1] for s in MLE if s != "stats"})
    with pytest.raises(RatingError, match=r"shape \(n, 8\)"):
        score_profiles(np.zeros((2, 3)))


def test_a_dataframe_s_errors_count_rows_from_1_and_show_values_plainly() -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame(
        [
            {"id": "a", **MLE},
            {"id": "b", **MLE, "ml": np.nan},
            {"id": "c", **MLE, "stats": 3.7},
            {"id": "d", **DS},
        ]
    )
    table = score_profiles(frame)
    assert table.errors == (
        BadRow(2, "b", "ml", "nan", "missing rating for 'ml'"),
        BadRow(
            3,
            "c",
            "stats",
            "3.7",
            "rating for 'stats' is 3.7; levels are whole numbers 0-5 "
            "(a value halfway between two, such as 3.5, is read as the lower level)",
        ),
    )
    assert str(table.errors[0]) == "row 2 (id 'b'): missing rating for 'ml'"
    assert "np.float64" not in repr(table.errors)
    out = table.to_pandas()
    assert list(out["top_role"]) == ["ml-engineer", "", "", "data-scientist"]
    assert out["error"].isna().tolist() == [True, False, False, True]
    assert list(out.columns)[-1] == "error"


def test_records_collect_their_problems_rather_than_stop_at_the_first() -> None:
    table = score_profiles(
        [
            {"id": "x", **MLE},
            [1, 2],
            {"id": "y", "mll": 3, **MLE},
            {"id": "z", "ratings": {**MLE, "ml": "abc"}},
            {"id": "w", "ratings": {k: v for k, v in MLE.items() if k != "sme"}},
        ]
    )
    assert [(e.row, e.id, e.skill) for e in table.errors] == [
        (2, None, None),
        (3, "y", None),
        (4, "z", "ml"),
        (5, "w", "sme"),
    ]
    assert table.errors[0].message == "expected a mapping, got list"
    assert table.errors[1].message.startswith("unknown skill 'mll'; did you mean 'ml'?")
    assert table.errors[3].message == "missing rating for 'sme'"
    assert table.top_role.tolist() == ["ml-engineer", "", "", "", ""]


def test_half_levels_are_read_as_the_level_below_and_counted(model: Model) -> None:
    halves = {**MLE, "ml": 4.5, "stats": "2.5"}
    table = score_profiles([{"id": "h", **halves}, {"id": "bad", **halves, "sme": 2.2}])
    assert table.fits[0].tolist() == [assess(model, MLE).role(r).fit for r in table.role_ids]
    assert table.half_levels == 2  # the failed row's half levels were not used, so not counted
    assert table.notes == ("2 half levels read as the level below (4.5 -> 4)",)
    assert score_profiles([MLE]).notes == ()


def test_default_catalog_is_the_builtin() -> None:
    assert score_profiles([MLE]).role_ids == load_catalog().role_ids


def test_a_decimal_comma_is_told_as_batch_tells_it(tmp_path: Path) -> None:
    """ "3,5" from a spreadsheet: the API's message is batch's (less how batch split the CSV line)."""
    from typer.testing import CliRunner

    from roleadvisor.cli import app

    table = score_profiles([{**MLE, "id": "a", "systems": "3,5"}, {**MLE, "id": "b", "ml": "7,5"}])
    messages = [e.message for e in table.errors]
    assert messages == [
        "rating for 'systems' is '3,5', a number with a decimal comma; write it with a decimal point: 3.5",
        "rating for 'ml' is '7,5', a number with a decimal comma; with a decimal point it is not a level "
        "either (rating for 'ml' is '7.5'; levels are whole numbers 0-5 (a value halfway between two, "
        "such as 3.5, is read as the lower level))",
    ]
    source = tmp_path / "people.csv"
    skills = list(MLE)
    source.write_text(
        "id;" + ";".join(skills) + "\na;" + ";".join("3,5" if s == "systems" else str(MLE[s]) for s in skills) + "\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["batch", str(source), "-O", "jsonl"])
    error = json.loads(result.stdout)["error"]
    assert error == messages[0].replace("decimal comma;", "decimal comma (read as ';'-separated);")
