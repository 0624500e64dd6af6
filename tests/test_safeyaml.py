"""The nesting guard: deep YAML and JSON is refused before any parser can overflow the stack.

libyaml composes its tree recursively in C; about 20,000 levels (a 40 KB file)
ended the process with SIGSEGV. Every route that reads YAML or JSON is tried in a
subprocess, so that a crash fails the test instead of killing pytest.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from roleadvisor.catalog.loader import builtin_catalog_dir
from roleadvisor.safeyaml import MAX_DEPTH, YamlProblem, check_nesting, load_yaml

from .conftest import installed_command

DEEP = 30_000  # the depth that crashed: far beyond MAX_DEPTH, well within every size limit


def nested_list(depth: int) -> str:
    return "[" * depth + "3" + "]" * depth


def deep_profile_yaml(depth: int = DEEP) -> str:
    return "ratings:\n  systems: " + nested_list(depth) + "\n"


def deep_profile_json(depth: int = DEEP) -> str:
    return '{"ratings": {"systems": ' + nested_list(depth) + "}}"


def refused(text: str, *, as_json: bool = False, limit: int = MAX_DEPTH) -> bool:
    try:
        check_nesting(text, json=as_json, limit=limit)
    except YamlProblem as exc:
        assert f"nested more than {limit} levels deep" in str(exc)
        return True
    return False


def run(
    *args: str, stdin: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*installed_command(), *args],
        input=stdin,
        stdin=None if stdin is not None else subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=60,
        check=False,
    )


def assert_one_error(result: subprocess.CompletedProcess[str], *expected: str) -> None:
    """Exit 2, one ``error:`` line (a catalogue adds indented detail lines), no traceback."""
    assert result.returncode == 2, (result.returncode, result.stderr[-500:])
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, result.stderr
    assert all(line.startswith(("error:", "  ")) for line in result.stderr.splitlines()), result.stderr
    for text in expected:
        assert text in result.stderr
    assert result.stdout == ""


# ---------------------------------------------------------------- the guard itself


@pytest.mark.parametrize("as_json", [False, True])
def test_the_limit_is_exact_for_lists_and_mappings(as_json: bool) -> None:
    lists = nested_list  # JSON is YAML, so the same text is read both ways
    assert not refused(lists(MAX_DEPTH), as_json=as_json)
    assert refused(lists(MAX_DEPTH + 1), as_json=as_json)
    mappings = lambda depth: '{"a": ' * depth + "1" + "}" * depth  # noqa: E731
    assert not refused(mappings(MAX_DEPTH), as_json=as_json)
    assert refused(mappings(MAX_DEPTH + 1), as_json=as_json)


def test_block_yaml_counts_as_deeply_as_flow_yaml() -> None:
    assert not refused("- " * MAX_DEPTH + "3\n")
    assert refused("- " * (MAX_DEPTH + 1) + "3\n")  # compact block sequences, 2 bytes a level
    assert refused("? " * (MAX_DEPTH + 1) + "3\n")  # explicit keys
    indented = (
        "".join(f"{'  ' * level}k{level}:\n" for level in range(MAX_DEPTH)) + "  " * MAX_DEPTH + "v: 1\n"
    )
    assert refused(indented)
    assert not refused(indented, limit=MAX_DEPTH + 1)


def test_brackets_in_yaml_strings_comments_and_block_scalars_are_not_nesting() -> None:
    many = "[" * 1000
    assert not refused(f"a: '{many}'\nb: \"{many}\"\nc: x{many}\n# {many}\nd: |\n  {many}\n")
    assert not refused("a: " + '"' + "]" * 1000 + '"\n')


def test_closing_brackets_in_strings_cannot_hide_real_depth() -> None:
    # each level holds a string of closers; counting them as closers would see depth 1
    hidden = "[" + '"]]]]]]]]", [' * (MAX_DEPTH + 5) + "1" + "]" * (MAX_DEPTH + 6)
    assert refused(hidden, as_json=True)
    assert refused(hidden)
    escaped = "[" + r'"\\", "\"]]]]", [' * (MAX_DEPTH + 5) + "1" + "]" * (MAX_DEPTH + 6)
    assert refused(escaped, as_json=True)
    assert refused(escaped)
    single = "[" + "']]]]', [" * (MAX_DEPTH + 5) + "1" + "]" * (MAX_DEPTH + 6)  # YAML single quotes
    assert refused(single)
    apostrophe = "- O'Brien\n- " + nested_list(MAX_DEPTH + 1) + "\n- it's\n"  # not a quoted string in YAML
    assert refused(apostrophe)


def test_unclosed_json_brackets_count_and_json_strings_do_not() -> None:
    assert refused("[" * (MAX_DEPTH + 1), as_json=True)  # a parser recurses before it finds the end
    assert not refused('["' + "[" * 1000 + '"]', as_json=True)
    assert not refused('"' + "[" * 1000, as_json=True)  # an unterminated string: the parser stops there
    assert not refused("]" + "[" * 1000, as_json=True)  # an unmatched closer: the parser stops there


def test_real_files_pass_and_every_json_layout_is_counted_exactly() -> None:
    for path in sorted(builtin_catalog_dir().glob("*.yaml")):
        check_nesting(path.read_text(encoding="utf-8"))
    value: object = "x"
    for depth in range(1, 9):
        words = 'a "quoted" ]] [x] \\ é'
        value = [value, words] if depth % 2 else {"k": value, words: words}
        for indent in (None, 2):
            text = json.dumps(value, indent=indent, ensure_ascii=indent is None)
            assert not refused(text, as_json=True, limit=depth)
            assert refused(text, as_json=True, limit=depth - 1)
            assert not refused(text, limit=depth)
            assert refused(text, limit=depth - 1)


def test_the_refusal_names_the_line() -> None:
    with pytest.raises(YamlProblem, match=r"^line 3: lists and mappings are nested more than 64 levels deep"):
        check_nesting("a: 1\nb: 2\nc: " + nested_list(DEEP))
    with pytest.raises(YamlProblem, match=r"^line 2: "):
        check_nesting('{"a":\n' + nested_list(DEEP) + "}", json=True)


def test_load_yaml_refuses_before_parsing_and_still_reports_syntax_errors() -> None:
    with pytest.raises(YamlProblem, match="nested more than 64 levels deep"):
        load_yaml(deep_profile_yaml())
    with pytest.raises(YamlProblem, match=r"^line \d+, column \d+: did not find expected ',' or ']'"):
        load_yaml("a: [1")
    assert load_yaml("a: [[1]]") == {"a": [[1]]}


# ---------------------------------------------------------------- every route, as a subprocess


def test_deep_yaml_profile_file(tmp_path: Path) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text(deep_profile_yaml(), encoding="utf-8")
    result = run("assess", "--no-input", "--profile", str(path))
    assert_one_error(result, f"error: {path}: line 2: lists and mappings are nested more than 64 levels deep")


def test_deep_json_profile_file(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text(deep_profile_json(), encoding="utf-8")
    result = run("assess", "--no-input", "--profile", str(path))
    assert_one_error(result, f"error: {path}: line 1: lists and mappings are nested more than 64 levels deep")


def test_deep_profile_on_stdin() -> None:
    result = run("assess", "--profile", "-", stdin=deep_profile_yaml())
    assert_one_error(result, "error: <stdin>: line 2: lists and mappings are nested more than 64 levels deep")


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_deep_file_given_to_compare(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"deep{suffix}"
    path.write_text(deep_profile_yaml() if suffix == ".yaml" else deep_profile_json(), encoding="utf-8")
    result = run("compare", str(path), str(path))
    assert_one_error(result, f"error: {path}: ", "nested more than 64 levels deep")


@pytest.mark.parametrize("command", [("roles",), ("catalog", "validate")])
def test_deep_catalogue(tmp_path: Path, command: tuple[str, ...]) -> None:
    directory = tmp_path / "catalog"
    shutil.copytree(builtin_catalog_dir(), directory)
    (directory / "roles.yaml").write_text("roles:\n  - " + nested_list(DEEP) + "\n", encoding="utf-8")
    result = run(*command, env={"ROLEADVISOR_CATALOG": str(directory)})
    assert_one_error(
        result,
        f"error: catalogue {directory} has 1 problem:",
        "  roles.yaml: line 2: lists and mappings are nested more than 64 levels deep",
    )


@pytest.mark.parametrize(
    "text", ["!!timestamp x\n", "ratings:\n  ml: !!timestamp 2026-13-99\n", "a: !!int " + "9" * 5000 + "\n"]
)
def test_malformed_tagged_values_are_a_problem_not_a_crash(text: str) -> None:
    from roleadvisor.errors import YamlProblem
    from roleadvisor.safeyaml import load_yaml

    with pytest.raises(YamlProblem, match="could not be read as plain data"):
        load_yaml(text)
