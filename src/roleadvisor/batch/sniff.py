"""The input format of stdin (or a file without a known extension), from the input itself.

It reads as much as it needs to be sure, and says so when it cannot be:

- a first line that is JSON by itself (an object, ``null``, a number...) starts
  JSON Lines, unless it is the whole input and a list, or a mapping with a
  ``profiles`` list: then it is one JSON document;
- ``{"profiles": [`` at the start is one JSON document, however long its first line;
- text starting with ``{`` or ``[`` whose first line is not JSON by itself is
  one JSON document if the whole input (read up to the 256 MiB a list may have)
  is valid JSON; JSON Lines if it starts with ``{`` and its second line is a
  JSON object (a broken first record); else the sniffer is unsure and asks for
  ``--input-format``;
- ``- ``, ``---`` or ``profiles:`` at the start is YAML;
- a zip file (``PK\\x03\\x04``) is an .xlsx workbook;
- anything else is CSV (whose reader then finds its delimiter from the header).
"""

from __future__ import annotations

import re

import orjson

from roleadvisor.batch.csvinput import ZIP_MAGIC
from roleadvisor.batch.readers import LIST_MAX_BYTES, loads_json
from roleadvisor.batch.streams import BinaryReadable, Prefixed, read_upto
from roleadvisor.errors import BatchInputError

SNIFF_BYTES = 64 * 1024
_PROFILES_FIRST = re.compile(rb'\{\s*"profiles"\s*:\s*\[')
_YAML_STARTS = (b"- ", b"-\n", b"-\r\n", b"---", b"profiles:")
_NOT_JSON = object()
_MORE = "more"


def sniff(stream: BinaryReadable, name: str) -> tuple[str, BinaryReadable]:
    """The format of ``stream``, and the stream with the bytes read to decide put back."""
    data = read_upto(stream, SNIFF_BYTES)
    fmt = guess(data, complete=len(data) < SNIFF_BYTES)
    if fmt == _MORE:
        data += read_upto(stream, LIST_MAX_BYTES + 1 - len(data))
        fmt = guess(data, complete=len(data) <= LIST_MAX_BYTES, last=True)
    if fmt is None or fmt == _MORE:
        raise BatchInputError(
            f"{name}: cannot tell whether the input is JSON Lines or one JSON document (it starts like "
            "JSON, but its first line is not JSON by itself and the whole is not valid JSON); "
            "pass --input-format jsonl, json or yaml"
        )
    return fmt, Prefixed(data, stream)


def _json(data: bytes) -> object:
    try:
        return loads_json(data)
    except orjson.JSONDecodeError:
        return _NOT_JSON


def _is_document(value: object) -> bool:
    return isinstance(value, list) or (isinstance(value, dict) and isinstance(value.get("profiles"), list))


def guess(data: bytes, *, complete: bool, last: bool = False) -> str | None:
    """``csv``, ``jsonl``, ``json``, ``yaml``, ``xlsx``; ``None`` when unsure; ``"more"`` to read on.

    ``complete``: ``data`` is the whole input. ``last``: no more will be read.
    """
    if data.startswith(ZIP_MAGIC):
        return "xlsx"
    text = data.removeprefix(b"\xef\xbb\xbf").lstrip()
    if not text:
        return "csv"  # empty: the CSV reader says so
    first, newline, after = text.partition(b"\n")
    value = _json(first) if newline or complete else _NOT_JSON
    if text[:1] not in (b"{", b"[") and value is _NOT_JSON:
        return "yaml" if text.startswith(_YAML_STARTS) else "csv"
    if _PROFILES_FIRST.match(text):
        return "json"
    if value is not _NOT_JSON:
        if after.strip():
            return "jsonl"  # a second value follows the first: one value a line
        if complete:
            return "json" if _is_document(value) else "jsonl"
        return "jsonl" if last else _MORE
    if complete and _json(text) is not _NOT_JSON:
        return "json"
    if text[:1] == b"{" and newline:
        second, second_end, _ = after.lstrip().partition(b"\n")
        if (second_end or complete) and isinstance(_json(second), dict):
            return "jsonl"  # JSON Lines whose first record is broken
    return None if complete or last else _MORE
