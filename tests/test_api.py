"""The Python API: `score_profiles` on records, columns, arrays and DataFrames."""

from __future__ import annotations

import numpy as np
import pytest

from roleadvisor import FitTable, load_catalog, score_profiles
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


def test_bad_values_name_the_rows() -> None:
    with pytest.raises(RatingError) as info:
        score_profiles({**{s: [MLE[s], DS[s]] for s in MLE}, "ml": [7, "x"]})
    assert info.value.details == (
        "row 0: rating for 'ml' is 7; use a whole number 0-5",
        "row 1: rating for 'ml' is 'x'; use a whole number 0-5",
    )
    with pytest.raises(RatingError, match="missing skill column: stats"):
        score_profiles({s: [1] for s in MLE if s != "stats"})
    with pytest.raises(RatingError, match=r"shape \(n, 8\)"):
        score_profiles(np.zeros((2, 3)))


def test_default_catalog_is_the_builtin() -> None:
    assert score_profiles([MLE]).role_ids == load_catalog().role_ids
