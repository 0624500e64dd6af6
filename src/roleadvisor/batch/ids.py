"""Record ids: text, kept exactly as the input wrote them, and shown cut short in messages.

An id goes to the output as JSON:

- text (a CSV field, a JSON string, a quoted or non-numeric YAML scalar) is a
  JSON string, unchanged (CSV ids are trimmed of surrounding whitespace);
- a JSON number is written back as the same number, digit for digit (``1``,
  ``1.50``, ``123456789012345678901234567890``): it is never read into a float;
- a YAML scalar that YAML would read as a number is kept as written, as a JSON
  number when it is one (``12``, ``1.50``), else as a string (``0x1F``,
  ``1_000``); any other YAML scalar (``yes``, ``2024-01-01``) is a string of its text;
- null, a missing key or blank text is "no id" (the record is then named by its line);
- ``true``/``false`` in JSON, a list or an object is an error for that record.
"""

from __future__ import annotations

import json
import re
from typing import Any

import orjson

from roleadvisor.i18n import _
from roleadvisor.ratings import cut

JSON_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?\Z")
_YAML_NUMBER_TAGS = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
_YAML_NULL_TAG = "tag:yaml.org,2002:null"
_INT_DIGITS = 4000  # below Python's limit on converting digit strings to int


class RawNumber(str):
    """A JSON number exactly as written in the input."""

    __slots__ = ()


KEEP = object()  # from ``yaml_ids``: no id written in the tree itself, use the constructed value


def shown(text: str) -> str:
    """``text`` cut to its first 40 characters, with its length when cut (the ratings module's rule)."""
    return cut(text)


def shown_id(id_json: bytes) -> str:
    """An id (as JSON) for a message: ``"p7"``, or its first 40 characters and its length."""
    return shown(id_json.decode("utf-8", "replace"))


def duplicate_message(id_json: bytes) -> str:
    """The error of a record whose id an earlier record has."""
    return _("duplicate id {id} (an earlier record has it)").format(id=shown_id(id_json))


def describe(line: int, id_json: bytes, message: str) -> str:
    """``line 7 (id "p7"): <message>``, or ``line 7: <message>`` for a record with no id (``b""``).

    How a bad record is told on stderr, by ``batch`` and by the commands that read people
    the same way; the line stays a plain integer, as the batch table writes it.
    """
    if id_json:
        return _("line {line} (id {id}): {message}").format(
            line=int(line), id=shown_id(id_json), message=message
        )
    return _("line {line}: {message}").format(line=int(line), message=message)


def text_id(value: str) -> bytes:
    """A text id as a JSON string; ``b""`` when blank."""
    return orjson.dumps(value) if value.strip() else b""


def id_json(value: object) -> tuple[bytes, str | None]:
    """The id as JSON for the output (``b""`` for no id), and the problem with it if any."""
    if value is None:
        return b"", None
    if isinstance(value, RawNumber):
        return value.encode(), None
    if isinstance(value, str):
        return text_id(value), None
    if isinstance(value, bool):
        return b"", _not_an_id("true" if value else "false")
    if isinstance(value, int):
        return str(value).encode(), None
    if isinstance(value, float):
        text = repr(value)
        if JSON_NUMBER.match(text):
            return text.encode(), None
        return b"", _not_an_id(text)
    if isinstance(value, dict):
        return b"", _("the id is an object; an id must be text or a number")
    if isinstance(value, list):
        return b"", _("the id is a list; an id must be text or a number")
    return b"", _("the id is a {type}; an id must be text or a number").format(type=type(value).__name__)


def _not_an_id(value: str) -> str:
    """The error of an id written as a JSON value that is not text or a number (``true``, ``nan``)."""
    return _("the id is {value}; an id must be text or a number").format(value=value)


def id_text(id_json: bytes) -> str:
    """The id as plain text (a CSV cell): a string's value, or a number's digits as written."""
    if id_json.startswith(b'"'):
        value = orjson.loads(id_json)
        if isinstance(value, str):
            return value
    return id_json.decode()


# ---------------------------------------------------------------- JSON numbers as written


def _no_constants(name: str) -> object:
    raise ValueError(f"{name} is not a JSON value")


def loads_raw(text: str | bytes) -> Any:  # noqa: ANN401 - JSON documents are arbitrary data
    """Parse JSON keeping every number as written (a ``RawNumber``); ``ValueError`` if not JSON."""
    return json.loads(text, parse_int=RawNumber, parse_float=RawNumber, parse_constant=_no_constants)


def orjson_changed(value: object) -> bool:
    """Whether orjson may have changed how this id was written.

    It reads integers beyond 64 bits as floats and ``-0`` as 0; a float may
    also have been written with other digits (``1.50``, ``1e3``).
    """
    return isinstance(value, float) or (type(value) is int and value == 0)


def plain_numbers(value: object) -> object:
    """``RawNumber`` values (anywhere in ``value``) as ints or floats, as orjson would give them."""
    if isinstance(value, RawNumber):
        if len(value) <= _INT_DIGITS and not any(ch in value for ch in ".eE"):
            return int(value)
        return float(value)
    if isinstance(value, dict):
        return {key: plain_numbers(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain_numbers(item) for item in value]
    return value


def loads_record_raw(text: str | bytes) -> object:
    """A JSON record parsed with every number as orjson gives it, except its id: that stays as written.

    For text orjson refuses but Python's parser reads (numbers beyond a double).
    Raises ``ValueError`` if it is not JSON.
    """
    value = loads_raw(text)
    if isinstance(value, dict):
        return {key: item if key == "id" else plain_numbers(item) for key, item in value.items()}
    return plain_numbers(value)


# ---------------------------------------------------------------- YAML scalars as written


def yaml_ids(text: str) -> list[object] | None:
    """Each record's id as written in a YAML list (or a mapping with a ``profiles`` list).

    Read from the parse tree, so ``id: 999999999999999999999999999999`` keeps its
    digits and ``id: yes`` stays ``yes``. ``KEEP`` where the tree has no ``id``
    key of its own; ``None`` when the document is not such a list. Call only on
    text ``safeyaml.load_yaml`` has accepted (no aliases, not too large).
    """
    import yaml

    loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    root = yaml.compose(text, Loader=loader)
    if isinstance(root, yaml.MappingNode):
        found = [v for k, v in root.value if isinstance(k, yaml.ScalarNode) and k.value == "profiles"]
        root = found[-1] if found else None
    if not isinstance(root, yaml.SequenceNode):
        return None
    out: list[object] = []
    for item in root.value:
        ident: object = KEEP
        if isinstance(item, yaml.MappingNode):
            for key, node in item.value:
                if isinstance(key, yaml.ScalarNode) and key.value == "id":
                    ident = _yaml_scalar(node) if isinstance(node, yaml.ScalarNode) else KEEP
        out.append(ident)
    return out


def _yaml_scalar(node: Any) -> object:  # noqa: ANN401 - a yaml.ScalarNode
    if node.tag == _YAML_NULL_TAG:
        return None
    if node.tag in _YAML_NUMBER_TAGS and JSON_NUMBER.match(node.value):
        return RawNumber(node.value)
    return str(node.value)
