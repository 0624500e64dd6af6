"""YAML that can only ever produce plain data, and a nesting guard for YAML and JSON.

Uses libyaml's safe loader when available (about 8x faster than the pure
Python one, same safety), refuses anchors/aliases (so an alias bomb cannot
expand) and turns every parser error into one line with file, line and column.

Lists and mappings nested more than ``MAX_DEPTH`` deep are refused before any
tree is built: libyaml builds its tree recursively in C, and about 20,000 levels
(a 40 KB file) overflow the stack and end the process. ``check_nesting`` is that
guard on its own, for JSON too: call it before ``json.loads`` or ``orjson.loads``
so that every reader refuses the same depth with the same message. PyYAML is
imported only when YAML is read, so checking JSON costs no import.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from roleadvisor.errors import YamlProblem

if TYPE_CHECKING:
    import yaml

# YamlProblem lives in errors; re-exported here
__all__ = ["MAX_DEPTH", "MAX_NODES", "YamlProblem", "check_nesting", "load_yaml"]

MAX_NODES = 200_000
MAX_DEPTH = 64  # lists and mappings inside one another; profiles need 2, catalogues and reports 5

# JSON scanning (see _check_json_nesting). A piece: a string (an unterminated one runs to the
# end of the text, where a JSON parser stops too, so a match never fails once started and the
# scan stays linear) or a bracket. Compiled (and cached by re) only when text comes near the limit.
_JSON_PIECE = r'"[^"\\]*(?:\\.[^"\\]*)*(?:"|\\?\Z)|[\[{]|[\]}]'
_STRUCTURE = b'"[]{}'
_NOT_STRUCTURE = bytes(byte for byte in range(256) if byte not in _STRUCTURE)
_SQUARE = bytes.maketrans(b"{}", b"[]")


def _loader(text: str) -> yaml.SafeLoader:
    """libyaml's safe loader on ``text``, or PyYAML's own where libyaml is missing."""
    import yaml

    loader_class: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return loader_class(text)


def _too_deep(line: int, limit: int) -> YamlProblem:
    return YamlProblem(
        f"line {line}: lists and mappings are nested more than {limit} levels deep; refusing to read it"
    )


def check_nesting(text: str, *, json: bool = False, limit: int = MAX_DEPTH) -> None:
    """Raise ``YamlProblem`` (``line N: ... nested more than 64 levels deep ...``) for deeper text.

    Runs before any tree is built, so no depth can exhaust the stack. YAML
    (``json=False``) is read as libyaml's stream of events, whose nesting lives on
    the heap: quotes, comments, block scalars, flow and block collections count
    exactly as the loader will see them, and a syntax error is raised as
    ``load_yaml`` would raise it. JSON (``json=True``) is scanned as text: brackets
    outside strings, as a JSON parser meets them; its syntax errors are left to the
    JSON parser.
    """
    if json:
        _check_json_nesting(text, limit)
    else:
        _check_yaml_nesting(text, limit)


def _check_yaml_nesting(text: str, limit: int) -> None:
    import yaml

    opens = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
    closes = (yaml.SequenceEndEvent, yaml.MappingEndEvent)
    nodes = (yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent)
    loader = _loader(text)
    depth = count = 0
    anchors: dict[str, int] = {}  # anchor name -> the line it is set on
    try:
        while loader.check_event():
            event = loader.get_event()  # type: ignore[no-untyped-call]  # untyped in types-PyYAML
            if isinstance(event, opens):
                depth += 1
                if depth > limit:
                    mark = event.start_mark
                    raise _too_deep(mark.line + 1 if mark is not None else 1, limit)
            elif isinstance(event, closes):
                depth -= 1
            elif isinstance(event, yaml.AliasEvent):
                # the same refusal and line as a value reached twice in the tree (``_check_graph``)
                raise _reused(anchors.get(event.anchor or "", 1))
            if isinstance(event, nodes):
                count += 1
                if count > MAX_NODES:
                    raise YamlProblem(f"more than {MAX_NODES} YAML values; refusing to read it")
                if event.anchor is not None and event.start_mark is not None:
                    anchors[event.anchor] = event.start_mark.line + 1
    except yaml.YAMLError as exc:
        raise YamlProblem(_describe(exc)) from None
    finally:
        loader.dispose()


def _check_json_nesting(text: str, limit: int) -> None:
    """Brackets outside strings, counted as a JSON parser meets them.

    First a bound, at C speed: escaped backslashes and quotes are removed (a
    backslash belongs inside a string, so this is exact up to the first syntax
    error, where the parser stops), then every byte but quotes and brackets, then
    the strings (what lies between quote 2k-1 and quote 2k), then innermost bracket
    pairs, one level a pass. The passes (the depth of matched pairs) plus the
    unclosed openers bound the depth anywhere. Only text whose bound exceeds
    ``limit`` is scanned exactly, token by token, to refuse it with its line.
    """
    unescaped = text.replace("\\\\", "").replace('\\"', "")
    kept = unescaped.encode("utf-8", "surrogatepass").translate(None, _NOT_STRUCTURE)
    kept = kept.replace(b'""', b"")  # strings without brackets; every other quote keeps its parity
    if b'"' in kept:
        kept = b"".join(kept.split(b'"')[::2])
    brackets = kept.translate(_SQUARE)
    passes = 0
    while b"[]" in brackets and passes <= limit:
        brackets = brackets.replace(b"[]", b"")
        passes += 1
    if passes + brackets.count(b"[") <= limit:
        return
    depth = 0
    for match in re.finditer(_JSON_PIECE, text, re.DOTALL):
        token = match.group()
        if token in ("[", "{"):
            depth += 1
            if depth > limit:
                raise _too_deep(text.count("\n", 0, match.start()) + 1, limit)
        elif token in ("]", "}"):
            depth -= 1
            if depth < 0:  # an unmatched closer: the parser stops here with its own error
                return


def _reused(line: int) -> YamlProblem:
    return YamlProblem(
        f"line {line}: this value is anchored (&name) and reused through an "
        "alias (*name); YAML anchors and aliases are not allowed, write the value out in full"
    )


def _describe(exc: yaml.YAMLError) -> str:
    import yaml

    if isinstance(exc, yaml.constructor.ConstructorError) and exc.problem and "tag" in exc.problem:
        mark = exc.problem_mark
        where = f"line {mark.line + 1}: " if mark is not None else ""
        tag = exc.problem.split("tag", 1)[1].strip(" '")
        tag = tag.replace("tag:yaml.org,2002:", "!!")
        return f"{where}YAML tag {tag} is not allowed; only plain data (maps, lists, text, numbers) is read"
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        if mark is not None:
            return f"line {mark.line + 1}, column {mark.column + 1}: {problem}"
        return problem
    return str(exc).splitlines()[0] if str(exc) else "invalid YAML"


def load_yaml(text: str) -> Any:  # noqa: ANN401 - YAML documents are arbitrary plain data
    """Parse one YAML document into plain Python data, or raise ``YamlProblem``.

    Nesting deeper than ``MAX_DEPTH`` is refused first (see ``check_nesting``).
    """
    import yaml

    check_nesting(text)
    loader = _loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        # anchors, aliases and the value count were refused by check_nesting's pass over the events
        return loader.construct_document(node)
    except yaml.YAMLError as exc:
        raise YamlProblem(_describe(exc)) from None
    except RecursionError:
        raise YamlProblem("YAML is nested too deeply") from None
    except YamlProblem:
        raise
    except (ValueError, TypeError, AttributeError, OverflowError) as exc:
        # PyYAML's constructors fail this way on malformed tagged values (``!!timestamp x``,
        # ``!!int 99...9`` past Python's digit limit): plain data or a clear refusal, never a crash.
        del exc
        raise YamlProblem(
            "a value could not be read as plain data (a malformed tagged value such as "
            "'!!timestamp', or a number too long to convert)"
        ) from None
    finally:
        loader.dispose()
