"""Output and prompts on a terminal or pipe that is not UTF-8: ASCII drawing, never a crash.

Each command runs as the installed script under ``PYTHONIOENCODING=ascii``, under
the C locale with Python's UTF-8 mode and locale coercion off, and under Latin-1.
Tables come out as ASCII (borders, bars, look-alikes for arrows and accents);
JSON comes out as the UTF-8 bytes ``--output`` would write.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
from pathlib import Path

import pexpect
import pytest

from roleadvisor.output import tolerant

from .conftest import DS, MLE, installed_command, rate_args

ASCII = {"PYTHONIOENCODING": "ascii"}
C_LOCALE = {"LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}
LATIN_1 = {"PYTHONIOENCODING": "latin-1"}
ENVIRONMENTS = {"ascii": ASCII, "C": C_LOCALE, "latin-1": LATIN_1}
NAME = "Zoë → Ω 日本"  # a Latin-1 letter, an arrow, a Greek letter and two wide characters


def environment(extra: dict[str, str]) -> dict[str, str]:
    drop = {"PYTHONIOENCODING", "PYTHONUTF8", "LANG", "LANGUAGE", "LC_ALL", "LC_CTYPE", "PYTHONCOERCECLOCALE"}
    return {**{k: v for k, v in os.environ.items() if k not in drop}, **extra}


def run(extra: dict[str, str], *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [*installed_command(), *args],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        env=environment(extra),
        timeout=60,
        check=False,
    )


@pytest.fixture(scope="module")
def profiles(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    directory = tmp_path_factory.mktemp("profiles")
    paths = []
    for name, ratings in (("old", DS), ("new", MLE)):
        path = directory / f"{name}.json"
        path.write_text(json.dumps({"name": NAME, "ratings": ratings}, ensure_ascii=False), encoding="utf-8")
        paths.append(path)
    return paths[0], paths[1]


COMMANDS = {
    "assess": ("assess", *rate_args(MLE)),
    "roles": ("roles",),
    "role mlops": ("role", "mlops"),
    "lifecycle": ("lifecycle",),
    "skills": ("skills",),
    "decode": ("decode", "ML engineer"),
    "catalog validate": ("catalog", "validate"),
}


@pytest.mark.parametrize("env_name", list(ENVIRONMENTS))
@pytest.mark.parametrize("command", list(COMMANDS))
def test_table_commands_draw_ascii(env_name: str, command: str) -> None:
    result = run(ENVIRONMENTS[env_name], *COMMANDS[command])
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")[-800:]
    assert b"Traceback" not in result.stderr
    assert result.stdout.strip()
    encoding = "latin-1" if env_name == "latin-1" else "ascii"
    result.stdout.decode(encoding)  # every character the encoding lacks was replaced
    assert b"?" not in result.stdout or command in ("decode", "catalog validate"), "look-alikes, not '?'"


def test_tables_keep_their_meaning_in_ascii() -> None:
    table = run(ASCII, *COMMANDS["assess"]).stdout.decode("ascii")
    assert "+----" in table and "Machine Learning Engineer" in table  # Rich's ASCII box (stages)
    assert "algorithms 3>4" in table  # an arrow as '>'
    assert "ml-engineer - core" in table  # a middle dot as '-'
    assert " 87% ##########" in table  # the match bar, in whole cells
    role = run(ASCII, *COMMANDS["role mlops"]).stdout.decode("ascii")
    assert "*** 27%" in role  # the importance dots


@pytest.mark.parametrize("env_name", list(ENVIRONMENTS))
def test_assess_table_of_a_non_ascii_name(env_name: str, profiles: tuple[Path, Path]) -> None:
    result = run(ENVIRONMENTS[env_name], "assess", "--profile", str(profiles[1]))
    assert result.returncode == 0, result.stderr[-800:]
    first = result.stdout.splitlines()[0].decode("latin-1").rstrip()
    expected = "Zoë > ? ????" if env_name == "latin-1" else "Zoe > ? ????"  # wide characters stay two cells
    assert first == f"Roles ranked by match for {expected}"


@pytest.mark.parametrize("env_name", list(ENVIRONMENTS))
def test_json_is_written_as_utf8(env_name: str, profiles: tuple[Path, Path], tmp_path: Path) -> None:
    result = run(ENVIRONMENTS[env_name], "assess", "--profile", str(profiles[1]), "--format", "json")
    assert result.returncode == 0, result.stderr[-800:]
    report = json.loads(result.stdout.decode("utf-8"))
    assert report["profile"]["name"] == NAME  # not a character replaced: the data is intact
    saved = tmp_path / "r.json"
    written = run(ENVIRONMENTS[env_name], "assess", "--profile", str(profiles[1]), "--output", str(saved))
    assert written.returncode == 0, written.stderr[-800:]
    assert saved.read_bytes() == result.stdout  # stdout holds the bytes --output writes


@pytest.mark.parametrize("env_name", list(ENVIRONMENTS))
def test_compare_and_decode_json(env_name: str, profiles: tuple[Path, Path]) -> None:
    result = run(ENVIRONMENTS[env_name], "compare", str(profiles[0]), str(profiles[1]))
    assert result.returncode == 0, result.stderr[-800:]
    assert "systems" in result.stdout.decode("latin-1" if env_name == "latin-1" else "ascii")
    decoded = run(ENVIRONMENTS[env_name], "decode", "Senior ML engineer — Zürich", "--format", "json")
    assert decoded.returncode == 0, decoded.stderr[-800:]
    assert json.loads(decoded.stdout.decode("utf-8"))["title"] == "Senior ML engineer — Zürich"


ALL_BUT_COMMUNICATION = rate_args({skill: level for skill, level in MLE.items() if skill != "communication"})


def test_a_non_ascii_answer_at_the_prompt_is_asked_again(tmp_path: Path) -> None:
    report = tmp_path / "r.json"
    child = pexpect.spawn(
        installed_command()[0],
        ["assess", *ALL_BUT_COMMUNICATION, "--output", str(report)],
        env={**environment(C_LOCALE), "NO_COLOR": "1", "COLUMNS": "100"},
        timeout=30,
    )
    child.expect(rb"1/1 Communication")
    child.expect(rb"Your level for Communication \[0-5 or a label\]: ")
    child.sendline("trois é →".encode())
    child.expect(rb"'trois \?\? \?\?\?' is not a level")  # each undecodable byte shown as '?'
    child.expect(rb"Your level for Communication \[0-5 or a label\]: ")
    child.sendline(b"3")
    child.expect(rb"Wrote json report to")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    assert json.loads(report.read_text(encoding="utf-8"))["profile"]["ratings"]["communication"] == 3


def test_a_non_ascii_answer_with_strict_ascii_stdin() -> None:
    child = pexpect.spawn(
        installed_command()[0],
        ["assess", *ALL_BUT_COMMUNICATION],
        env={**environment(ASCII), "NO_COLOR": "1", "COLUMNS": "100"},
        timeout=30,
    )
    child.expect(rb"Your level for Communication \[0-5 or a label\]: ")
    child.sendline("é".encode())
    child.expect(rb"'\?\?' is not a level")
    child.expect(rb"Your level for Communication \[0-5 or a label\]: ")
    child.sendline(b"3")
    child.expect(rb"Machine Learning Engineer")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before


def test_tolerant_stream_writes_lookalikes_of_the_same_width() -> None:
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="ascii", write_through=True)
    assert tolerant(stream) is stream
    stream.write("a→b · é … █▌▍ ● 日 x\u0301 \udcff\n")
    assert raw.getvalue() == b"a>b - e . ##  * ?? x ?\n"
    utf8 = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    tolerant(utf8)
    assert utf8.errors == "strict"  # a UTF stream is left as it is


def test_a_report_file_from_a_non_utf8_locale_holds_the_path_as_typed(tmp_path: Path) -> None:
    """Under LC_ALL=C a UTF-8 directory name arrives as undecodable bytes; the file still gets UTF-8."""
    catalog = tmp_path / "catü"
    assert run({}, "catalog", "init", str(catalog)).returncode == 0
    target = tmp_path / "r.json"
    done = run(C_LOCALE, "--catalog", str(catalog), "assess", *rate_args(MLE), "-o", str(target))
    assert done.returncode == 0, done.stderr
    assert json.loads(target.read_text(encoding="utf-8"))["catalog"]["source"] == str(catalog)
