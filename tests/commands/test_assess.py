"""`roleadvisor assess` through Typer's CliRunner: formats, options and every bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import MLE, Invoke, rate_args


def ok(result: object) -> None:
    assert getattr(result, "exception", None) is None or getattr(result, "exit_code", 1) == 0, result
    assert result.exit_code == 0, result.stderr  # type: ignore[attr-defined]


def test_json_report_on_stdout(invoke: Invoke) -> None:
    result = invoke("assess", *rate_args(MLE), "--format", "json")
    ok(result)
    report = json.loads(result.stdout)
    assert report["roles"][0]["id"] == "ml-engineer"
    assert [r["fit"] for r in report["roles"]] == sorted((r["fit"] for r in report["roles"]), reverse=True)
    assert result.stderr == ""


def test_table_output_has_ranking_and_summary(invoke: Invoke) -> None:
    result = invoke("assess", *rate_args(MLE), "--top", "3")
    ok(result)
    out = result.stdout
    assert "Machine Learning Engineer" in out and "91%" in out
    assert "algorithms 3→4" in out
    assert "Production-cycle stages" in out
    assert "Your closest match is Machine Learning Engineer at 91%" in out
    assert "Data Scientist" not in out.split("Production-cycle stages")[0]  # --top 3
    assert "\x1b[" not in out  # not a terminal: no colour codes


def test_markdown_output(invoke: Invoke) -> None:
    result = invoke("assess", *rate_args(MLE), "-f", "markdown", "-n", "2")
    ok(result)
    assert result.stdout.startswith("# Role fit for this profile\n")
    assert "| 1 | Machine Learning Engineer (`ml-engineer`) | core | 91% |" in result.stdout


def test_rate_overrides_profile(invoke: Invoke, tmp_path: Path) -> None:
    profile = tmp_path / "me.yaml"
    profile.write_text("name: Ada\nratings:\n" + "".join(f"  {k}: {v}\n" for k, v in MLE.items()))
    result = invoke("assess", "--profile", str(profile), "--rate", "ml=1", "-f", "json")
    ok(result)
    report = json.loads(result.stdout)
    assert report["profile"] == {"name": "Ada", "ratings": {**MLE, "ml": 1}}


def test_json_profile_and_stdin_profile(invoke: Invoke, tmp_path: Path) -> None:
    profile = tmp_path / "me.json"
    profile.write_text(json.dumps({"name": "Bo", "ratings": MLE}))
    from_file = invoke("assess", "-p", str(profile), "-f", "json")
    from_stdin = invoke("assess", "-p", "-", "-f", "json", input=json.dumps({"ratings": MLE}))
    ok(from_file)
    ok(from_stdin)
    assert json.loads(from_file.stdout)["roles"] == json.loads(from_stdin.stdout)["roles"]


def test_output_file_format_from_extension(invoke: Invoke, tmp_path: Path) -> None:
    for name, check in (("r.json", "schema_version"), ("r.md", "# Role fit"), ("r.txt", "Roles ranked")):
        target = tmp_path / name
        result = invoke("assess", *rate_args(MLE), "-o", str(target))
        ok(result)
        assert result.stdout == ""
        assert check in target.read_text(encoding="utf-8")
        assert "Wrote" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.json", "r.md", "r.txt"]


def test_flat_profile_warns_on_stderr(invoke: Invoke) -> None:
    result = invoke("assess", *rate_args(dict.fromkeys(MLE, 3)), "-f", "json")
    ok(result)
    assert "warning: 8 of 8 skills are rated 3" in result.stderr
    json.loads(result.stdout)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--rate", "ml=7"], "error: --rate: rating for 'ml' is 7, outside the scale 0-5"),
        (["--rate", "ml=-1"], "error: --rate: rating for 'ml' is -1, outside the scale 0-5"),
        (
            ["--rate", "ml=abc"],
            "error: --rate: rating for 'ml' is 'abc', not a number; use a whole number 0-5",
        ),
        (["--rate", "ml"], "error: --rate 'ml': expected SKILL=LEVEL, for example --rate ml=3"),
        (
            ["--rate", "mll=3"],
            "error: --rate: unknown skill 'mll'; did you mean 'ml'? (skills: systems, databases, ml, algorithms, stats, sme, product, communication)",
        ),
        (
            ["--output", "report.pdf"],
            "error: --output report.pdf: cannot tell the format from the extension '.pdf'; use one of .json, .md, .markdown, .txt, .html, .htm, .svg or pass --format",
        ),
    ],
)
def test_bad_rating_and_flag_values(invoke: Invoke, args: list[str], message: str) -> None:
    result = invoke("assess", *rate_args(MLE), *args)
    assert result.exit_code == 2
    assert result.stderr == message + "\n"
    assert result.stdout == ""


def test_missing_ratings_without_terminal(invoke: Invoke) -> None:
    result = invoke("assess", "--rate", "ml=3", "--rate", "stats=2", input="")
    assert result.exit_code == 2
    assert result.stderr == (
        "error: missing ratings for systems, databases, algorithms, sme, product, communication; "
        "pass --rate systems=N --rate databases=N --rate algorithms=N ... or a --profile file "
        "(prompting only happens on a terminal)\n"
    )


def test_unknown_format_is_a_usage_error(invoke: Invoke) -> None:
    result = invoke("assess", *rate_args(MLE), "--format", "pdf")
    assert result.exit_code == 2
    assert "Invalid value for '--format' / '-f'" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("p.yaml", b"ratings:\n  ml: [\n", "p.yaml: line 3, column 1: "),
        ("p.json", b'{"ratings": {"ml": 3,}}', "p.json: line 1, column 22: Expecting property name"),
        ("p.yaml", b"\x89PNG\r\n\x1a\n\x00\x00", "p.yaml: is a binary file, expected a text profile"),
        ("p.yaml", b"\xff\xfeml: 3\n", "p.yaml: is not UTF-8 text (invalid byte at offset 0)"),
        (
            "p.yaml",
            b"!!python/object/apply:os.system ['touch pwned']\n",
            "p.yaml: line 1: YAML tag !!python/object/apply:os.system is not allowed",
        ),
        (
            "p.yaml",
            b"a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a]\n"
            b"c: &c [*b, *b, *b, *b, *b, *b, *b]\nratings: [*c, *c, *c, *c, *c]\n",
            "p.yaml: line 1: this value is anchored (&name)",
        ),
        ("p.yaml", b"ratings:\n  ml: 3\n  cooking: 4\n", "p.yaml: unknown skill 'cooking'"),
        ("p.yaml", b"rating:\n  ml: 3\n", "p.yaml: unknown key 'rating'; a profile has 'name' and 'ratings'"),
        ("p.yaml", b"ratings: 3\n", "p.yaml: ratings must be a mapping of skill to level"),
        ("p.yaml", b"", "p.yaml: the profile is empty"),
        ("p.yaml", b"ratings:\n  ml: true\n", "p.yaml: rating for 'ml' is True, not a number"),
        ("p.json", b'{"ratings": {"ml": NaN}}', "p.json: NaN is not a valid rating"),
        ("p.yaml", b"ratings:\n  ml: 2.5\n", "p.yaml: rating for 'ml' is 2.5; levels are whole numbers 0-5"),
    ],
)
def test_bad_profile_files(invoke: Invoke, tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    result = invoke("assess", "--profile", str(path), *rate_args(MLE), "-f", "json")
    assert result.exit_code == 2, result.stdout
    assert result.stderr.startswith(f"error: {tmp_path}/{message}")
    assert result.stderr.count("\n") == 1
    assert result.stdout == ""
    assert not (tmp_path / "pwned").exists()
    assert not (Path.cwd() / "pwned").exists()


def test_missing_and_unreadable_profile(invoke: Invoke, tmp_path: Path) -> None:
    missing = invoke("assess", "--profile", str(tmp_path / "nope.yaml"), *rate_args(MLE))
    assert missing.exit_code == 2
    assert missing.stderr == f"error: {tmp_path}/nope.yaml: no such profile\n"
    directory = invoke("assess", "--profile", str(tmp_path), *rate_args(MLE))
    assert directory.exit_code == 1
    assert directory.stderr == f"error: {tmp_path}: is a directory, expected a profile\n"


def test_unwritable_output_keeps_nothing(invoke: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "missing-dir" / "r.json"
    result = invoke("assess", *rate_args(MLE), "-o", str(target))
    assert result.exit_code == 1
    assert result.stderr == (f"error: {target}: cannot write: directory {target.parent} does not exist\n")


def test_failed_run_leaves_existing_output_untouched(invoke: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "r.json"
    target.write_text("old report")
    result = invoke("assess", "--rate", "ml=9", *rate_args({"ml": 9}), "-o", str(target))
    assert result.exit_code == 2
    assert target.read_text() == "old report"
    assert list(tmp_path.iterdir()) == [target]


def test_broken_catalogue_is_reported_per_problem(
    invoke: Invoke, tmp_path: Path, catalog_copy: object
) -> None:
    directory = catalog_copy()  # type: ignore[operator]
    text = (directory / "roles.yaml").read_text()
    (directory / "roles.yaml").write_text(text.replace("{level: 5, weight: 3}", "{level: 8, weight: 3}", 1))
    result = invoke("--catalog", str(directory), "assess", *rate_args(MLE))
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: catalogue {directory} has 1 problem:\n"
        "  roles.yaml: roles[2].skills.systems.level: must be 0..5, got 8\n"
    )


def test_help_has_examples(invoke: Invoke) -> None:
    result = invoke("assess", "--help")
    ok(result)
    assert "Examples:" in result.stdout
    assert "--rate" in result.stdout and "--profile" in result.stdout
    assert invoke("-h").exit_code == 0


def test_schema_command(invoke: Invoke) -> None:
    result = invoke("schema")
    ok(result)
    schema = json.loads(result.stdout)
    assert schema["title"] == "AssessReport"
    assert set(schema["required"]) >= {"profile", "roles", "stages", "catalog"}


def test_version(invoke: Invoke) -> None:
    result = invoke("--version")
    ok(result)
    assert result.stdout.startswith("roleadvisor ")
