"""Batch output by format: ranked CSV columns for --top and --with-gaps, the table rows, the tally."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence

from roleadvisor.batch.records import ChunkBuilder
from roleadvisor.batch.writers import Tally, WriteOptions, Writer, csv_header, gap_list
from roleadvisor.catalog.models import Catalog
from roleadvisor.contracts.batch import BatchRow
from roleadvisor.engine import Gap
from roleadvisor.vector import Matrices, measure_matrix
from tests.conftest import DS, MLE

GAP = re.compile(r"^(?P<skill>[a-z0-9_-]+) (?P<have>\d+)->(?P<need>\d+)$")


class Rows:
    """A stand-in ``TableText``: keeps the rows it is given, writes their ids."""

    def __init__(self) -> None:
        self.seen: list[BatchRow] = []

    def header(self) -> bytes:
        return b"HEADER\n"

    def rows(self, rows: Sequence[BatchRow]) -> bytes:
        self.seen.extend(rows)
        return b"".join(f"{row.id}\n".encode() for row in rows)


def write(catalog: Catalog, records: list[tuple[str, dict[str, object]]], options: WriteOptions) -> bytes:
    builder = ChunkBuilder(catalog)
    for line, (ident, values) in enumerate(records, start=2):
        builder.add(json.dumps(ident).encode() if ident else b"", line, values)
    chunk = builder.build()
    m = Matrices.from_catalog(catalog)
    sink = io.BytesIO()
    Writer(m, options, sink, catalog).write(chunk, measure_matrix(m, chunk.ratings))
    return sink.getvalue()


def jsonl(
    catalog: Catalog, records: list[tuple[str, dict[str, object]]], **kw: object
) -> list[dict[str, object]]:
    out = write(catalog, records, WriteOptions(fmt="jsonl", **kw))  # type: ignore[arg-type]
    return [json.loads(line) for line in out.decode().splitlines()]


def test_the_csv_header_is_per_role_or_ranked(catalog: Catalog) -> None:
    roles = catalog.role_ids
    assert csv_header(roles) == ["id", "top_role", "top_match", "top_fit", "top_band", *roles, "error"]
    assert csv_header(roles, top=2) == [
        *["id", "top_role", "top_match", "top_fit", "top_band"],
        *["role_1", "match_1", "fit_1", "band_1", "role_2", "match_2", "fit_2", "band_2"],
        "error",
    ]
    assert csv_header(roles, top=1, with_gaps=True)[5:] == [
        *["role_1", "match_1", "fit_1", "band_1", "gaps_1", "critical_1"],
        "error",
    ]
    assert len(csv_header(roles, with_gaps=True)) == 6 + 6 * len(roles)  # every role, ranked
    assert csv_header(roles, top=100) == csv_header(roles, top=len(roles))


def test_ranked_csv_says_what_jsonl_says(catalog: Catalog) -> None:
    people: list[tuple[str, dict[str, object]]] = [
        ("sam", dict(MLE)),
        ("ana", dict(DS)),
        ("bad", {**MLE, "ml": 9}),
    ]
    want = jsonl(catalog, people, top=3, with_gaps=True)
    for with_gaps in (False, True):
        out = write(catalog, people, WriteOptions(fmt="csv", top=3, with_gaps=with_gaps)).decode()
        rows = list(csv.DictReader(io.StringIO(out)))
        assert list(rows[0]) == csv_header(catalog.role_ids, 3, with_gaps)
        for row, record in zip(rows, want, strict=True):
            assert row["id"] == record["id"]
            if "error" in record:
                assert row["error"] == record["error"]
                assert all(v == "" for k, v in row.items() if k not in ("id", "error"))
                continue
            assert row["error"] == ""
            assert row["top_role"] == record["top_role"] and float(row["top_fit"]) == record["top_fit"]
            for k, role in enumerate(record["roles"], start=1):  # type: ignore[arg-type]
                assert row[f"role_{k}"] == role["id"]
                assert float(row[f"match_{k}"]) == role["match"] and float(row[f"fit_{k}"]) == role["fit"]
                assert row[f"band_{k}"] == role["band"]
                if with_gaps:
                    gaps = [GAP.match(part) for part in row[f"gaps_{k}"].split("; ") if part]
                    assert [
                        {"skill": g["skill"], "have": int(g["have"]), "need": int(g["need"])}
                        for g in gaps
                        if g
                    ] == record["gaps"][role["id"]]  # type: ignore[index]
                    critical = [c for c in row[f"critical_{k}"].split("; ") if c]
                    assert critical == [
                        f"{g['skill']} {g['have']}->{g['need']}" for g in role["critical_gaps"]
                    ]


def test_a_gap_list_reads_back() -> None:
    text = gap_list([Gap("ml", 2, 4, 1.0), Gap("stats", 1, 3, 0.5)])
    assert text == "ml 2->4; stats 1->3"
    assert [GAP.match(part).groups() for part in text.split("; ")] == [("ml", "2", "4"), ("stats", "1", "3")]  # type: ignore[union-attr]
    assert gap_list([]) == ""


def test_table_rows_carry_titles_percent_inputs_and_errors(catalog: Catalog) -> None:
    table = Rows()
    people: list[tuple[str, dict[str, object]]] = [
        ("sam", dict(MLE)),
        ("", dict(DS)),
        ("bad", {**MLE, "ml": "x"}),
    ]
    out = write(catalog, people, WriteOptions(fmt="table", top=2, with_gaps=True, table=table))
    assert out == b"HEADER\nsam\n\nbad\n"
    sam, nameless, bad = table.seen
    want = jsonl(catalog, people[:1], top=2, with_gaps=True)[0]
    assert [r.title for r in sam.roles] == [catalog.role(r["id"]).title for r in want["roles"]]  # type: ignore[union-attr,index]
    assert [r.match for r in sam.roles] == [r["match"] for r in want["roles"]]  # type: ignore[union-attr,index]
    assert [r.band for r in sam.roles] == [r["band"] for r in want["roles"]]  # type: ignore[union-attr,index]
    assert nameless.error == "missing id" and nameless.line == 3
    assert bad.error is not None and bad.error.startswith("rating for 'ml' is 'x'") and bad.roles == ()


def test_table_rows_without_gaps_have_no_critical_gaps(catalog: Catalog) -> None:
    table = Rows()
    far = dict.fromkeys(MLE, 1)
    write(catalog, [("far", dict(far))], WriteOptions(fmt="table", table=table))
    [row] = table.seen
    assert len(row.roles) == 1 and row.roles[0].critical == ()
    table = Rows()
    write(catalog, [("far", dict(far))], WriteOptions(fmt="table", table=table, with_gaps=True))
    assert table.seen[0].roles[0].critical  # a profile of ones is far from its best role's needs


def test_the_tally_counts_half_levels_of_scored_records_only(catalog: Catalog) -> None:
    builder = ChunkBuilder(catalog)
    people: list[tuple[str, dict[str, object]]] = [
        ("a", {**MLE, "ml": 3.5, "stats": "2.5"}),
        ("b", {**MLE, "ml": 3.5, "sme": 9}),  # not scored: its half level was not used
        ("c", dict(MLE)),
    ]
    for line, (ident, values) in enumerate(people, start=2):
        builder.add(json.dumps(ident).encode(), line, values)
    tally = Tally()
    tally.add(builder.build())
    assert tally.half_levels == 2
    assert tally.half_example is not None and (tally.half_example.value, tally.half_example.level) == (
        "3.5",
        3,
    )


def test_half_levels_score_as_the_level_below(catalog: Catalog) -> None:
    halves = jsonl(catalog, [("h", {**MLE, "ml": 4.5})])
    whole = jsonl(catalog, [("h", dict(MLE))])
    assert halves == whole
