"""Batch output: JSON Lines or CSV, one record per input record, in input order.

Good records are laid out with NumPy (``assemble``); error records and
``--with-gaps`` records are written one by one with orjson. Fits and matches are
written with four decimals (``0.9149``, ``1.0000``): the same numbers ``assess``
reports. The top role is chosen by the same ranking rule as ``assess``.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import IO

import numpy as np
import orjson
from numpy.typing import NDArray

from roleadvisor.batch.assemble import (
    Const,
    Fixed,
    Segment,
    assemble,
    choice,
    concat_bytes,
    decimals4,
)
from roleadvisor.batch.ids import id_text
from roleadvisor.batch.records import Chunk
from roleadvisor.catalog.models import Catalog
from roleadvisor.contracts.assess import role_reason
from roleadvisor.engine import Measures, role_fit
from roleadvisor.vector import Matrices, MeasureArrays, measure_rows, rank_roles, top_roles


@dataclass(frozen=True)
class WriteOptions:
    """How records are written."""

    fmt: str = "jsonl"  # or "csv"
    top: int | None = None
    with_gaps: bool = False


class Writer:
    """Writes chunks to a binary sink in the chosen format."""

    def __init__(self, m: Matrices, options: WriteOptions, sink: IO[bytes], catalog: Catalog) -> None:
        self.m = m
        self.catalog = catalog
        self.options = options
        self.sink = sink
        self.role_bytes = [role.encode() for role in m.role_ids]
        self.band_bytes = [band.id.encode() for band in catalog.ranking.bands]
        self._fits_template = self._template()
        if options.fmt == "csv":
            header = ["id", "top_role", "top_match", "top_fit", "top_band", *m.role_ids, "error"]
            sink.write(",".join(header).encode() + b"\n")

    def _template(self) -> tuple[NDArray[np.uint8], NDArray[np.int64]]:
        if self.options.fmt == "csv":
            parts = [b"," + b"XXXXXX" for _ in self.role_bytes]
            tail = b"".join(parts) + b",\n"
        else:
            parts = [b'"' + role + b'":XXXXXX' for role in self.role_bytes]
            tail = b',"fits":{' + b",".join(parts) + b"}}\n"
        template = np.frombuffer(tail, dtype=np.uint8)
        holes = np.flatnonzero(template == ord("X")).reshape(len(self.role_bytes), 6)
        return template, holes.ravel().astype(np.int64)

    def write(self, chunk: Chunk, ms: MeasureArrays) -> None:
        """Write every record of ``chunk`` (scored rows use the measures ``ms``)."""
        n = len(chunk)
        if n == 0:
            return
        if self.options.with_gaps and self.options.fmt == "jsonl":
            for i in range(n):
                self.sink.write(self._record_json(chunk, ms, i))
            return
        buffer, offsets = self._good_rows(chunk, ms)
        start = 0
        for i in sorted(chunk.errors):
            if i > start:
                self.sink.write(buffer[offsets[start] : offsets[i]].tobytes())
            self.sink.write(self._error_record(chunk, i))
            start = i + 1
        if start < n:
            self.sink.write(buffer[offsets[start] : offsets[n]].tobytes())

    def _good_rows(self, chunk: Chunk, ms: MeasureArrays) -> tuple[NDArray[np.uint8], NDArray[np.int64]]:
        n = len(chunk)
        fits = ms.fit
        best = top_roles(self.m, ms)
        rows = np.arange(n)
        best_fit = decimals4(fits[rows, best])
        best_match = decimals4(ms.match[rows, best])
        best_band = ms.band[rows, best]
        ids = (
            concat_bytes(chunk.id_json)
            if self.options.fmt == "jsonl"
            else concat_bytes([_csv_id(value) for value in chunk.id_json])
        )
        if self.options.fmt == "csv":
            head: list[Segment] = [
                ids,
                Const(b","),
                choice(self.role_bytes, best),
                Const(b","),
                Fixed(best_match),
                Const(b","),
                Fixed(best_fit),
                Const(b","),
                choice(self.band_bytes, best_band),
            ]
            return assemble(n, [*head, self._all_fits(fits)])
        head = [
            Const(b'{"id":'),
            ids,
            Const(b',"top_role":"'),
            choice(self.role_bytes, best),
            Const(b'","top_match":'),
            Fixed(best_match),
            Const(b',"top_fit":'),
            Fixed(best_fit),
            Const(b',"top_band":"'),
            choice(self.band_bytes, best_band),
            Const(b'"'),
        ]
        if self.options.top is None:
            return assemble(n, [*head, self._all_fits(fits)])
        order = rank_roles(self.m, ms)[:, : self.options.top]
        segments: list[Segment] = [*head]
        for p in range(order.shape[1]):
            segments.append(Const(b',"fits":{"' if p == 0 else b',"'))
            segments.append(choice(self.role_bytes, order[:, p]))
            segments.append(Const(b'":'))
            segments.append(Fixed(decimals4(fits[np.arange(n), order[:, p]])))
        segments.append(Const(b"}}\n"))
        return assemble(n, segments)

    def _all_fits(self, fits: NDArray[np.float64]) -> Fixed:
        template, holes = self._fits_template
        matrix = np.tile(template, (fits.shape[0], 1))
        matrix[:, holes] = decimals4(fits).reshape(fits.shape[0], -1)
        return Fixed(matrix)

    def _error_record(self, chunk: Chunk, i: int) -> bytes:
        message = chunk.errors[i]
        if self.options.fmt == "csv":
            out = io.StringIO()
            ident = id_text(chunk.id_json[i]) if chunk.id_json[i] else ""
            if not chunk.id_json[i]:
                message = f"line {chunk.lines[i]}: {message}"
            csv.writer(out, lineterminator="\n").writerow(
                [ident, "", "", "", "", *([""] * len(self.role_bytes)), message]
            )
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
        have = chunk.ratings[i].tolist()
        results = {
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


def _csv_id(id_json: bytes) -> bytes:
    text = id_text(id_json) if id_json else ""
    if any(ch in text for ch in ',"\r\n'):
        text = '"' + text.replace('"', '""') + '"'
    return text.encode()
