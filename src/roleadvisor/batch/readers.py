"""Streaming readers for batch input: CSV, JSON Lines, YAML/JSON lists, and .xlsx workbooks.

Each reader yields ``Chunk`` objects of bounded size. A problem with one record
becomes an error in its chunk; a problem with the input as a whole (unreadable,
no header, a skill column missing) raises ``BatchInputError`` (exit 2).
Ids are kept as the input wrote them (see ``roleadvisor.batch.ids``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import orjson

from roleadvisor.batch import ids, streams
from roleadvisor.batch.csvinput import decimal_commas, read_csv
from roleadvisor.batch.records import CHUNK_ROWS, Chunk, ChunkBuilder, joined
from roleadvisor.catalog.models import Catalog
from roleadvisor.errors import BatchInputError, YamlProblem
from roleadvisor.i18n import _
from roleadvisor.ratings import SkillKeys, record_values
from roleadvisor.safeyaml import check_nesting, load_yaml

LIST_MAX_BYTES = 256 * 1024 * 1024
FORMATS = ("csv", "jsonl", "yaml", "json", "xlsx")
EXTENSIONS = {
    ".csv": "csv",
    ".tsv": "csv",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".yaml": "yaml",
    ".yml": "yaml",
    ".json": "json",
}


# ---------------------------------------------------------------- JSON Lines and lists


def _add_record(builder: ChunkBuilder, record: object, line: int, keys: SkillKeys) -> None:
    if not isinstance(record, dict):
        builder.add(b"", line, None, error=_("a record must be a JSON object"))
        return
    ident, id_problem = ids.id_json(record.get("id"))
    values, problem = record_values(record, keys)
    problems = [p for p in (id_problem, problem) if p]
    if not problems:
        # a level written with a decimal comma ("3,5") is told as the CSV and .xlsx readers tell it
        commas = decimal_commas({skill: values.get(skill) for skill in builder.skills}, builder.top)
        if commas is not None:
            builder.add(ident, line, None, error=commas)
            return
    builder.add(ident, line, values, error=joined(problems) if problems else None)


def loads_json(text: str | bytes) -> Any:  # noqa: ANN401 - JSON documents are arbitrary data
    """Parse JSON with orjson; numbers it cannot hold (beyond a double) are read by Python's parser.

    Raises ``orjson.JSONDecodeError`` for text that is not JSON.
    """
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        if "number" not in str(exc):
            raise
        try:
            value = ids.loads_raw(text)
            orjson.dumps(value)  # refuses what orjson would not have read (lone surrogates)
        except (ValueError, RecursionError, orjson.JSONEncodeError):
            raise exc from None
        return ids.plain_numbers(value)  # an id that changed is read again as written, as usual


def _raw(text: str | bytes) -> Any:  # noqa: ANN401 - JSON documents are arbitrary data
    """``text`` parsed with numbers as written, or ``None`` if Python's parser cannot (too deep)."""
    try:
        return ids.loads_raw(text)
    except (ValueError, RecursionError):
        return None


def _with_written_id(record: dict[str, Any], raw: object) -> dict[str, Any]:
    """``record`` with its id as written in ``raw`` (the same record parsed by ``ids.loads_raw``)."""
    if isinstance(raw, dict) and "id" in raw:
        return {**record, "id": raw["id"]}
    return record


def read_jsonl(stream: streams.CountingReader, catalog: Catalog, name: str) -> Iterator[Chunk]:
    """One JSON object per line: ``{"id": ..., "ratings": {...}}`` or flat ``{"id": ..., "ml": 3}``."""
    del name
    keys = SkillKeys.of(catalog)
    builder = ChunkBuilder(catalog)
    line = 0
    first = True
    for lines_block in streams.LineBlocks(stream.blocks()):
        block = lines_block[3:] if first and lines_block.startswith(b"\xef\xbb\xbf") else lines_block
        first = False
        for raw_line in block.splitlines():
            line += 1
            if not raw_line.strip():
                continue
            try:
                record = loads_json(raw_line)
            except orjson.JSONDecodeError as exc:
                reason = str(exc).split(":")[0]
                builder.add(b"", line, None, error=_("not valid JSON: {reason}").format(reason=reason))
                continue
            if isinstance(record, dict) and ids.orjson_changed(record.get("id")):
                record = _with_written_id(record, _raw(raw_line))
            _add_record(builder, record, line, keys)
            if len(builder) >= CHUNK_ROWS:
                yield builder.build()
    if len(builder):
        yield builder.build()


def _profiles(document: Any) -> Any:  # noqa: ANN401 - JSON or YAML data
    if isinstance(document, dict) and isinstance(document.get("profiles"), list):
        return document["profiles"]
    return document


def read_list(stream: streams.CountingReader, catalog: Catalog, name: str, fmt: str) -> Iterator[Chunk]:
    """A YAML or JSON document holding a list of records (read whole, up to 256 MiB)."""
    data = stream.read(LIST_MAX_BYTES + 1)
    if len(data) > LIST_MAX_BYTES:
        raise BatchInputError(
            f"{name}: a {fmt.upper()} list larger than 256 MiB; use CSV or JSON Lines, which stream"
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BatchInputError(f"{name}: is not UTF-8 text (invalid byte at offset {exc.start})") from None
    try:
        if fmt == "json":
            check_nesting(text, json=True)  # the same limit, and message, as every other reader
        document: Any = loads_json(text) if fmt == "json" else load_yaml(text)
    except orjson.JSONDecodeError as exc:
        raise BatchInputError(f"{name}: not valid JSON: {exc}") from None
    except YamlProblem as exc:
        raise BatchInputError(f"{name}: {exc}") from None
    records = _profiles(document)
    if not isinstance(records, list):
        raise BatchInputError(f"{name}: expected a list of profiles (or a mapping with a 'profiles' list)")
    written = _ids_as_written(records, text, fmt)
    keys = SkillKeys.of(catalog)
    builder = ChunkBuilder(catalog)
    for index, parsed in enumerate(records):
        record = parsed
        if written is not None and isinstance(parsed, dict) and written[index] is not ids.KEEP:
            record = {**parsed, "id": written[index]}
        _add_record(builder, record, index + 1, keys)
        if len(builder) >= CHUNK_ROWS:
            yield builder.build()
    if len(builder):
        yield builder.build()


def _ids_as_written(records: list[Any], text: str, fmt: str) -> list[object] | None:
    """Each record's id as the text wrote it (``ids.KEEP``: as parsed); ``None`` when none changed."""
    if fmt == "json":
        if not any(isinstance(r, dict) and ids.orjson_changed(r.get("id")) for r in records):
            return None
        raw = _profiles(_raw(text))
        if not isinstance(raw, list) or len(raw) != len(records):
            return None
        return [r["id"] if isinstance(r, dict) and "id" in r else ids.KEEP for r in raw]
    if all(not isinstance(r, dict) or isinstance(r.get("id"), str | None) for r in records):
        return None  # YAML read every id as text (or there is none): nothing to recover
    written = ids.yaml_ids(text)
    return written if written is not None and len(written) == len(records) else None


def read_chunks(
    stream: streams.CountingReader,
    catalog: Catalog,
    fmt: str,
    name: str,
    *,
    fast_csv: bool = True,
    id_column: str | None = None,
    delimiter: str | None = None,
    sheet: str | None = None,
) -> Iterator[Chunk]:
    """Chunks from ``stream`` in format ``fmt``; ``fast_csv=False`` reads CSV the general way only.

    ``id_column`` (CSV and xlsx): the header of the id column, else ``id``.
    ``delimiter`` (CSV): ``,`` ``;`` or a tab, else sniffed from the header.
    ``sheet`` (xlsx): the sheet's name, else the first sheet.
    """
    if fmt == "csv":
        return read_csv(stream, catalog, name, fast=fast_csv, id_column=id_column, delimiter=delimiter)
    if fmt == "xlsx":
        from roleadvisor.batch.xlsx import read_xlsx  # openpyxl, an optional extra, only for workbooks

        return read_xlsx(stream, catalog, name, id_column=id_column, sheet=sheet)
    if fmt == "jsonl":
        return read_jsonl(stream, catalog, name)
    return read_list(stream, catalog, name, fmt)
