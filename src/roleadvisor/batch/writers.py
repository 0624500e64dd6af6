"""Batch output: JSON Lines or CSV, one record per input record, in input order.

Good records are laid out with NumPy (``assemble``); error records and
``--with-gaps`` records are written one by one with orjson. Fits are written
with four decimals (``0.9149``, ``1.0000``): the same numbers ``assess`` reports.
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
from roleadvisor.engine import role_gaps
from roleadvisor.vector import Matrices, rank_roles, top_roles


@dataclass(frozen=True)
class WriteOptions:
    """How records are written."""

    fmt: str = "jsonl"  # or "csv"
    top: int | None = None
    with_gaps: bool = False


class Writer:
    """Writes chunks to a binary sink in the chosen format."""

    def __init__(self, m: Matrices, options: WriteOptions, sink: IO[bytes]) -> None:
        self.m = m
        self.options = options
        self.sink = sink
        self.role_bytes = [role.encode() for role in m.role_ids]
        self._fits_template = self._template()
        if options.fmt == "csv":
            header = ["id", "top_role", "top_fit", *m.role_ids, "error"]
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

    def write(self, chunk: Chunk, fits: NDArray[np.float64]) -> None:
        """Write every record of ``chunk`` (scored rows use ``fits``)."""
        n = len(chunk)
        if n == 0:
            return
        if self.options.with_gaps and self.options.fmt == "jsonl":
            for i in range(n):
                self.sink.write(self._record_json(chunk, fits, i))
            return
        buffer, offsets = self._good_rows(chunk, fits)
        start = 0
        for i in sorted(chunk.errors):
            if i > start:
                self.sink.write(buffer[offsets[start] : offsets[i]].tobytes())
            self.sink.write(self._error_record(chunk, i))
            start = i + 1
        if start < n:
            self.sink.write(buffer[offsets[start] : offsets[n]].tobytes())

    def _good_rows(
        self, chunk: Chunk, fits: NDArray[np.float64]
    ) -> tuple[NDArray[np.uint8], NDArray[np.int64]]:
        n = len(chunk)
        best = top_roles(self.m, fits)
        best_fit = decimals4(fits[np.arange(n), best])
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
                Fixed(best_fit),
            ]
            return assemble(n, [*head, self._all_fits(fits)])
        head = [
            Const(b'{"id":'),
            ids,
            Const(b',"top_role":"'),
            choice(self.role_bytes, best),
            Const(b'","top_fit":'),
            Fixed(best_fit),
        ]
        if self.options.top is None:
            return assemble(n, [*head, self._all_fits(fits)])
        order = rank_roles(self.m, fits)[:, : self.options.top]
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
                [ident, "", "", *([""] * len(self.role_bytes)), message]
            )
            return out.getvalue().encode()
        key = b'{"id":' + chunk.id_json[i] if chunk.id_json[i] else b'{"line":%d' % chunk.lines[i]
        return key + b',"error":' + orjson.dumps(message) + b"}\n"

    def _record_json(self, chunk: Chunk, fits: NDArray[np.float64], i: int) -> bytes:
        if i in chunk.errors:
            return self._error_record(chunk, i)
        row = fits[i]
        best = int(top_roles(self.m, row[None, :])[0])
        order = rank_roles(self.m, row[None, :])[0]
        if self.options.top is not None:
            order = order[: self.options.top]
        have = chunk.ratings[i].tolist()
        record = {
            "id": orjson.Fragment(chunk.id_json[i]),
            "top_role": self.m.role_ids[best],
            "top_fit": float(row[best]),
            "fits": {
                self.m.role_ids[j]: float(row[j]) for j in (order if self.options.top else range(len(row)))
            },
            "gaps": {
                self.m.role_ids[j]: [
                    {"skill": g.skill, "have": g.have, "need": g.need}
                    for g in role_gaps(self.m.model, have, int(j))
                ]
                for j in order
            },
        }
        return orjson.dumps(record) + b"\n"


def _csv_id(id_json: bytes) -> bytes:
    text = id_text(id_json) if id_json else ""
    if any(ch in text for ch in ',"\r\n'):
        text = '"' + text.replace('"', '""') + '"'
    return text.encode()
