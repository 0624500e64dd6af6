"""Batch output: JSON Lines, CSV or a table, one record per input record, in input order.

Good records are laid out with NumPy (``assemble``); error records and
``--with-gaps`` records are written one by one with orjson. Fits and matches are
written with four decimals (``0.9149``, ``1.0000``): the same numbers ``assess``
reports. The top role is chosen by the same ranking rule as ``assess``.

CSV has one fit column per role; with ``--top N`` or ``--with-gaps`` it is *ranked*
instead: ``role_k, match_k, fit_k, band_k`` (and ``gaps_k, critical_k``) for the k-th
best role, k = 1..N (every role without ``--top``). A gap list reads
``ml 2->4; stats 1->3`` (skill id, level held, ``->``, level needed; ``"; "`` between).

The table is for people: the rows of each chunk become ``BatchRow`` contracts, and
a ``TableText`` given by the command (the render layer's) turns them into text, so a
run of any size prints as it goes.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import IO, Protocol

import numpy as np
import orjson
from numpy.typing import NDArray

from roleadvisor.batch.assemble import (
    Choice,
    Const,
    Fixed,
    Segment,
    Var,
    assemble,
    decimal_texts,
    decimals4,
)
from roleadvisor.batch.ids import id_text
from roleadvisor.batch.records import Chunk
from roleadvisor.catalog.models import Catalog
from roleadvisor.contracts.assess import band_label, role_reason
from roleadvisor.contracts.batch import BatchRow, GapShown, RankedRole
from roleadvisor.engine import Gap, Measures, RoleFit, role_fit
from roleadvisor.ratings import HalfLevel
from roleadvisor.vector import Matrices, MeasureArrays, measure_rows, rank_roles, top_roles


class TableText(Protocol):
    """Turns table rows into the bytes written (``render.batchtable``, encoded by the command)."""

    def header(self) -> bytes:
        """The column headings (written once, first)."""
        ...

    def rows(self, rows: Sequence[BatchRow]) -> bytes:
        """The lines of ``rows``."""
        ...


@dataclass
class Tally:
    """What the run read besides the records: half levels of the scored records, and the first one."""

    half_levels: int = 0
    half_example: HalfLevel | None = None

    def add(self, chunk: Chunk) -> None:
        """Count ``chunk``'s scored half levels."""
        count, first = chunk.scored_halves()
        self.half_levels += count
        self.half_example = self.half_example or first


@dataclass(frozen=True)
class WriteOptions:
    """How records are written; ``tally`` (if given) is kept by ``run_batch``: what was read along the way."""

    fmt: str = "jsonl"  # or "csv", "table"
    top: int | None = None
    with_gaps: bool = False
    table: TableText | None = None  # required for "table"
    tally: Tally | None = field(default=None, compare=False)


def csv_header(role_ids: Sequence[str], top: int | None = None, with_gaps: bool = False) -> list[str]:
    """The CSV columns: one fit per role, or ranked (``role_1, match_1, ...``) with ``top``/``with_gaps``."""
    head = ["id", "top_role", "top_match", "top_fit", "top_band"]
    if top is None and not with_gaps:
        return [*head, *role_ids, "error"]
    ranked: list[str] = []
    for k in range(1, min(top or len(role_ids), len(role_ids)) + 1):
        ranked += [f"role_{k}", f"match_{k}", f"fit_{k}", f"band_{k}"]
        if with_gaps:
            ranked += [f"gaps_{k}", f"critical_{k}"]
    return [*head, *ranked, "error"]


def gap_list(gaps: Sequence[Gap]) -> str:
    """``ml 2->4; stats 1->3``: the CSV form of a role's gaps (skill ids)."""
    return "; ".join(f"{g.skill} {g.have}->{g.need}" for g in gaps)


class Writer:
    """Writes chunks to a binary sink in the chosen format."""

    def __init__(self, m: Matrices, options: WriteOptions, sink: IO[bytes], catalog: Catalog) -> None:
        self.m = m
        self.catalog = catalog
        self.options = options
        self.sink = sink
        self.role_bytes = [role.encode() for role in m.role_ids]
        self.band_bytes = [band.id.encode() for band in catalog.ranking.bands]
        self.ranked_csv = options.fmt == "csv" and (options.top is not None or options.with_gaps)
        self.ranks = min(options.top or len(m.role_ids), len(m.role_ids))
        self._fits_template = self._template()
        if options.fmt == "csv":
            header = csv_header(m.role_ids, options.top, options.with_gaps)
            sink.write(",".join(header).encode() + b"\n")
        elif options.fmt == "table":
            if options.table is None:
                raise ValueError("the table format needs a TableText")
            sink.write(options.table.header())

    def _template(self) -> tuple[NDArray[np.uint8], np.dtype[np.void]]:
        """The bytes after a record's best band (every role's fit), and where each fit goes.

        The places are the fields of a structured dtype laid over a row of the template,
        so a fit is put in place as one six-byte value, not six bytes one by one.
        """
        if self.options.fmt == "csv":
            parts = [b"," + b"XXXXXX" for _ in self.role_bytes]
            tail = b"".join(parts) + b",\n"
        else:
            parts = [b'"' + role + b'":XXXXXX' for role in self.role_bytes]
            tail = b'","fits":{' + b",".join(parts) + b"}}\n"
        template = np.frombuffer(tail, dtype=np.uint8)
        holes = np.flatnonzero(template == ord("X")).reshape(len(self.role_bytes), 6)
        spots = np.dtype(
            {
                "names": [f"f{j}" for j in range(len(holes))],
                "formats": ["S6"] * len(holes),
                "offsets": holes[:, 0].tolist(),
                "itemsize": len(template),
            }
        )
        return template, spots

    def write(self, chunk: Chunk, ms: MeasureArrays) -> None:
        """Write every record of ``chunk`` (scored rows use the measures ``ms``)."""
        n = len(chunk)
        if n == 0:
            return
        if self.options.fmt == "table":
            assert self.options.table is not None  # checked in __init__
            self.sink.write(self.options.table.rows(self._table_rows(chunk, ms)))
            return
        if self.options.with_gaps and self.options.fmt == "jsonl":
            for i in range(n):
                self.sink.write(self._record_json(chunk, ms, i))
            return
        if self.options.with_gaps:  # ranked CSV with gap lists: one row at a time
            for i in range(n):
                self.sink.write(
                    self._error_record(chunk, i) if i in chunk.errors else self._csv_gaps_row(chunk, ms, i)
                )
            return
        lines = self._good_rows(chunk, ms)
        start = 0
        for i in sorted(chunk.errors):
            if i > start:
                self.sink.write(b"".join(lines[start:i]))
            self.sink.write(self._error_record(chunk, i))
            start = i + 1
        if start < n:
            self.sink.write(b"".join(lines[start:]))

    def _good_rows(self, chunk: Chunk, ms: MeasureArrays) -> list[bytes]:
        """Every row of ``chunk`` as a scored record (the rows in ``chunk.errors`` are dropped later)."""
        n = len(chunk)
        fits = ms.fit
        best = top_roles(self.m, ms)
        rows = np.arange(n)
        best_fit = decimals4(fits[rows, best])
        best_match = decimals4(ms.match[rows, best])
        best_band = ms.band[rows, best]
        jsonl = self.options.fmt == "jsonl"
        ids = Var(chunk.id_json if jsonl else [_csv_id(value) for value in chunk.id_json])
        if self.options.fmt == "csv":
            head: list[Segment] = [
                ids,
                Const(b","),
                Choice(self.role_bytes, best),
                Const(b","),
                Fixed(best_match),
                Const(b","),
                Fixed(best_fit),
                Const(b","),
                Choice(self.band_bytes, best_band),
            ]
            if self.ranked_csv:
                return assemble(n, [*head, *self._ranked_csv(ms, n), Const(b",\n")])
            return assemble(n, [*head, self._all_fits(fits)])
        head = [
            Const(b'{"id":'),
            ids,
            Const(b',"top_role":"'),
            Choice(self.role_bytes, best),
            Const(b'","top_match":'),
            Fixed(best_match),
            Const(b',"top_fit":'),
            Fixed(best_fit),
            Const(b',"top_band":"'),
            Choice(self.band_bytes, best_band),
        ]
        if self.options.top is None:  # the template starts with the quote that ends top_band
            return assemble(n, [*head, self._all_fits(fits)])
        order = rank_roles(self.m, ms)[:, : self.options.top]
        segments: list[Segment] = [*head]
        for p in range(order.shape[1]):
            segments.append(Const(b'","fits":{"' if p == 0 else b',"'))
            segments.append(Choice(self.role_bytes, order[:, p]))
            segments.append(Const(b'":'))
            segments.append(Fixed(decimals4(fits[np.arange(n), order[:, p]])))
        segments.append(Const(b"}}\n"))
        return assemble(n, segments)

    def _ranked_csv(self, ms: MeasureArrays, n: int) -> list[Segment]:
        """``,role_k,match_k,fit_k,band_k`` for the best ``self.ranks`` roles of each row."""
        order = rank_roles(self.m, ms)[:, : self.ranks]
        rows = np.arange(n)
        segments: list[Segment] = []
        for p in range(order.shape[1]):
            j = order[:, p]
            segments += [
                Const(b","),
                Choice(self.role_bytes, j),
                Const(b","),
                Fixed(decimals4(ms.match[rows, j])),
                Const(b","),
                Fixed(decimals4(ms.fit[rows, j])),
                Const(b","),
                Choice(self.band_bytes, ms.band[rows, j]),
            ]
        return segments

    def _csv_gaps_row(self, chunk: Chunk, ms: MeasureArrays, i: int) -> bytes:
        order = rank_roles(self.m, measure_rows(ms, np.array([i])))[0][: self.ranks]
        results = self._results(chunk, ms, i, order)
        best = int(order[0])
        row: list[str] = [
            id_text(chunk.id_json[i]),
            self.m.role_ids[best],
            _decimal(ms.match[i, best]),
            _decimal(ms.fit[i, best]),
            self.catalog.ranking.bands[int(ms.band[i, best])].id,
        ]
        for j in order:
            r = results[int(j)]
            row += [
                r.role_id,
                _decimal(r.match),
                _decimal(r.fit),
                r.band,
                gap_list(r.gaps),
                gap_list(r.critical),
            ]
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerow([*row, ""])
        return out.getvalue().encode()

    def _table_rows(self, chunk: Chunk, ms: MeasureArrays) -> list[BatchRow]:
        """Each record of ``chunk`` as the table shows it: its best ``--top`` roles (one by default)."""
        n = len(chunk)
        shown = self.options.top or 1
        order = rank_roles(self.m, ms)[:, :shown]
        cat = self.catalog
        titles = [cat.role(role).title for role in self.m.role_ids]
        bands = [(band.id, band_label(band.id, cat)) for band in cat.ranking.bands]
        skill_titles = {skill.id: skill.title for skill in cat.skills}
        out: list[BatchRow] = []
        for i in range(n):
            ident = id_text(chunk.id_json[i]) if chunk.id_json[i] else ""
            line = int(chunk.lines[i])
            if i in chunk.errors:
                out.append(BatchRow(id=ident, line=line, error=chunk.errors[i]))
                continue
            results = self._results(chunk, ms, i, order[i]) if self.options.with_gaps else {}
            roles = []
            for j in order[i].tolist():
                band_id, label = bands[int(ms.band[i, j])]
                critical = results[j].critical if j in results else ()
                roles.append(
                    RankedRole(
                        title=titles[j],
                        match=float(ms.match[i, j]),
                        fit=float(ms.fit[i, j]),
                        band=band_id,
                        band_label=label,
                        critical=tuple(GapShown(skill_titles[g.skill], g.have, g.need) for g in critical),
                    )
                )
            out.append(BatchRow(id=ident, line=line, roles=tuple(roles)))
        return out

    def _results(
        self, chunk: Chunk, ms: MeasureArrays, i: int, order: NDArray[np.intp]
    ) -> dict[int, RoleFit]:
        """Row ``i``'s fit to each role of ``order``, with its gaps, as ``assess`` reports it."""
        have = chunk.ratings[i].tolist()
        return {
            int(j): role_fit(
                self.m.model,
                have,
                int(j),
                Measures(
                    fit=float(ms.fit[i, j]),
                    use=float(ms.use[i, j]),
                    critical=int(ms.critical[i, j]),
                    learning=int(ms.learning[i, j]),
                    distance=int(ms.distance[i, j]),
                    match=float(ms.match[i, j]),
                    shortfall=float(ms.shortfall[i, j]),
                    emphasis=float(ms.emphasis[i, j]),
                ),
            )
            for j in order
        }

    def _all_fits(self, fits: NDArray[np.float64]) -> Fixed:
        template, holes = self._fits_template
        matrix = np.tile(template, (fits.shape[0], 1))
        spots = matrix.view(holes).reshape(fits.shape[0])  # each fit's six bytes, as a field of its own
        digits = decimal_texts(fits)
        for j, name in enumerate(holes.names or ()):
            spots[name] = digits[:, j]
        return Fixed(matrix)

    def _error_record(self, chunk: Chunk, i: int) -> bytes:
        message = chunk.errors[i]
        if self.options.fmt == "csv":
            out = io.StringIO()
            ident = id_text(chunk.id_json[i]) if chunk.id_json[i] else ""
            if not chunk.id_json[i]:
                message = f"line {chunk.lines[i]}: {message}"
            blanks = len(csv_header(self.m.role_ids, self.options.top, self.options.with_gaps)) - 2
            csv.writer(out, lineterminator="\n").writerow([ident, *([""] * blanks), message])
            return out.getvalue().encode()
        key = b'{"id":' + chunk.id_json[i] if chunk.id_json[i] else b'{"line":%d' % chunk.lines[i]
        return key + b',"error":' + orjson.dumps(message) + b"}\n"

    def _record_json(self, chunk: Chunk, ms: MeasureArrays, i: int) -> bytes:
        if i in chunk.errors:
            return self._error_record(chunk, i)
        order = rank_roles(self.m, measure_rows(ms, np.array([i])))[0]
        if self.options.top is not None:
            order = order[: self.options.top]
        best = int(order[0]) if len(order) else 0
        results = self._results(chunk, ms, i, order)
        role_ids = self.m.role_ids
        record = {
            "id": orjson.Fragment(chunk.id_json[i]),
            "top_role": role_ids[best],
            "top_match": float(ms.match[i, best]),
            "top_fit": float(ms.fit[i, best]),
            "top_band": self.catalog.ranking.bands[int(ms.band[i, best])].id,
            "fits": {
                role_ids[j]: float(ms.fit[i, j])
                for j in (order if self.options.top else range(len(role_ids)))
            },
            "gaps": {
                role_ids[j]: [
                    {"skill": g.skill, "have": g.have, "need": g.need} for g in results[int(j)].gaps
                ]
                for j in order
            },
            "roles": [
                {
                    "id": r.role_id,
                    "match": r.match,
                    "fit": r.fit,
                    "use": r.use,
                    "learning": r.learning,
                    "band": r.band,
                    "critical_gaps": [{"skill": g.skill, "have": g.have, "need": g.need} for g in r.critical],
                    "reason": role_reason(r, self.catalog),
                }
                for r in (results[int(j)] for j in order)
            ],
        }
        return orjson.dumps(record) + b"\n"


def _decimal(value: float) -> str:
    """A fit or match as batch writes it: four decimals (see ``decimals4``)."""
    return bytes(decimals4(np.array([value]))[0]).decode()


def _csv_id(id_json: bytes) -> bytes:
    text = id_text(id_json) if id_json else ""
    if any(ch in text for ch in ',"\r\n'):
        text = '"' + text.replace('"', '""') + '"'
    return text.encode()
