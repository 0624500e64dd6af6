"""The batch table: fixed columns whatever the rows, cut ids counted, colour only when asked."""

from __future__ import annotations

from rich.cells import cell_len

from roleadvisor import i18n
from roleadvisor.contracts.batch import BatchRow, GapShown, RankedRole
from roleadvisor.render.batchtable import ID_WIDTH, BatchTable

TITLES = ["Machine Learning Engineer", "Data Scientist"]
BANDS = ["ready", "close", "stretch", "far"]
MLE = RankedRole("Machine Learning Engineer", 0.8746, 0.9149, "close", "close")
DS = RankedRole(
    "Data Scientist", 0.05, 0.4, "far", "far", (GapShown("Statistics", 1, 4), GapShown("ML", 2, 4))
)


def table(**kw: bool) -> BatchTable:
    return BatchTable(titles=TITLES, band_labels=BANDS, **kw)


def test_columns_line_up_across_chunks() -> None:
    t = table()
    first = t.lines([BatchRow("sam", 2, (MLE,))])
    second = t.lines([BatchRow("a-much-longer-id", 900_000, (DS,))])
    lines = [t.header(), first, second]
    starts = [line.index("%") for line in lines[1:]]
    assert starts[0] == starts[1]  # the match column ends at the same place in every chunk
    assert lines[0].split() == ["ID", "Best", "role", "Match", "Fit", "Readiness"]
    assert first == "sam" + " " * (ID_WIDTH - 3) + "  Machine Learning Engineer    87%   91%  close\n"


def test_an_error_record_is_shown_as_one() -> None:
    t = table()
    out = t.lines([BatchRow("p7", 8, error="rating for 'ml' is 9"), BatchRow("", 9, error="missing id")])
    assert out.splitlines() == [
        "p7" + " " * (ID_WIDTH - 2) + "  error: rating for 'ml' is 9",
        "line 9" + " " * (ID_WIDTH - 6) + "  error: missing id",
    ]


def test_top_roles_follow_on_lines_without_the_id_and_gaps_are_critical_only() -> None:
    t = table(with_gaps=True)
    assert t.header().rstrip().endswith("Critical gaps")
    out = t.lines([BatchRow("sam", 2, (MLE, DS))]).splitlines()
    assert out[0].startswith("sam ") and out[0].endswith("close      —")
    assert out[1].startswith(" " * (ID_WIDTH + 2) + "Data Scientist")
    assert out[1].endswith("far        statistics 1→4, ml 2→4")


def test_a_long_id_is_cut_to_the_column_and_counted() -> None:
    t = table()
    long_id = "x" * 50
    out = t.lines([BatchRow(long_id, 2, (MLE,)), BatchRow("short", 3, (MLE,))])
    first = out.splitlines()[0]
    assert first.startswith("x" * (ID_WIDTH - 1) + "…  Machine")
    assert t.cut_ids == 1


def test_colour_only_when_asked() -> None:
    assert "\x1b[" not in table().lines([BatchRow("sam", 2, (MLE,)), BatchRow("b", 3, error="bad")])
    coloured = table(colour=True).lines([BatchRow("sam", 2, (MLE,)), BatchRow("b", 3, error="bad")])
    assert "\x1b[32mclose" in coloured and "\x1b[31merror: bad" in coloured


def test_persian_numbers_and_wide_text_stay_aligned() -> None:
    i18n.activate("fa")
    try:
        t = table()
        out = t.lines([BatchRow("سام", 2, (MLE,)), BatchRow("ana", 3, (DS,))]).splitlines()
    finally:
        i18n.activate("en")
    assert "۸۷٪" in out[0]
    assert cell_len(out[0].split("٪")[0]) == cell_len(out[1].split("٪")[0])
