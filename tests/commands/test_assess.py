"""`roleadvisor assess` through Typer's CliRunner: formats, options and every bad input;
``gather_profile`` with a stand-in prompt: saving profiles, and the answers of a stopped prompt."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from roleadvisor.catalog.models import Catalog
from roleadvisor.commands import assess as assess_module
from roleadvisor.commands.assess import AssessOptions, gather_profile
from roleadvisor.errors import OutputIOError, RatingError
from roleadvisor.profile import load_profile
from tests.conftest import MLE, Invoke, rate_args


def ok(result: object) -> None:
    assert getattr(result, "exception", None) is None or getattr(result, "exit_code", 1) == 0, result
    assert result.exit_code == 0, result.stderr  # type: ignore[attr-defined]


def test_json_report_on_stdout(invoke: Invoke) -> None:
    result = invoke("assess", *rate_args(MLE), "--format", "json")
    ok(result)
    report = json.loads(result.stdout)
    assert report["roles"][0]["id"] == "ml-engineer"
    assert [r["match"] for r in report["roles"]] == sorted((r["match"] for r in report["roles"]), reverse=True)
    assert result.stderr == ""


def test_table_output_has_ranking_and_summary(invoke: Invoke) -> None:
    result = invoke("assess", *rate_args(MLE), "--top", "3")
    ok(result)
    out = result.stdout
    assert "Machine Learning Engineer" in out and "87%" in out and "fit 91%" in out
    assert "algorithms 3→4" in out
    assert "Production-cycle stages" in out
    flat = " ".join(out.split())
    assert "Your best match is Machine Learning Engineer at 87% (fit 91%, uses 96% of your strengths)" in flat
    assert "Readiness for Machine Learning Engineer: close (a few focused steps away)" in flat
    assert "Stability of your best match: Machine Learning Engineer stays first in" in flat
    assert "What the numbers mean:" in out
    assert "Data Scientist" not in out.split("Production-cycle stages")[0]  # --top 3
    assert "\x1b[" not in out  # not a terminal: no colour codes


def test_markdown_output(invoke: Invoke) -> None:
    result = invoke("assess", *rate_args(MLE), "-f", "markdown", "-n", "2")
    ok(result)
    assert result.stdout.startswith("# Role fit for this profile\n")
    assert "| 1 | Machine Learning Engineer (`ml-engineer`) | core | 87% | 91% | 96% | close |" in result.stdout
    roles = result.stdout.split("## Roles\n")[1].split("## Roles closest")[0]
    assert "Research Engineer" in roles and "Hardware" not in roles  # --top 2
    assert "Hardware" not in result.stdout.split("## Roles")[0]  # the prose names only roles shown


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
            "error: --rate: rating for 'ml' is 'abc', not a number or a label; use a whole number 0-5 "
            "or a label (none, aware, beginner, practitioner, advanced, expert)",
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
        (
            "p.yaml",
            b"ratings:\n  ml: 2.75\n",
            "p.yaml: rating for 'ml' is 2.75; levels are whole numbers 0-5 (a value halfway between two, "
            "such as 3.5, is read as the lower level)",
        ),
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


# --- --save-profile, a report as --profile, and keeping the answers of a stopped prompt ------------


@pytest.mark.parametrize("name", ["me.yaml", "me.json", "Me.JSON"])
def test_save_profile_round_trip_gives_the_identical_report(
    invoke: Invoke, tmp_path: Path, name: str
) -> None:
    source = tmp_path / "in.yaml"
    source.write_text("name: Zoë O'Brien\nratings:\n" + "".join(f"  {k}: {v}\n" for k, v in MLE.items()))
    saved = tmp_path / name
    first = invoke(
        "assess", "-p", str(source), "--rate", "ml=advanced", "--save-profile", str(saved), "-f", "json"
    )
    ok(first)
    assert first.stderr == f"Saved profile to {saved}; reuse it with --profile {saved}\n"
    if name.lower().endswith(".json"):
        assert json.loads(saved.read_text(encoding="utf-8"))["ratings"]["ml"] == 4
    else:
        assert saved.read_text(encoding="utf-8").startswith("# roleadvisor profile")
    again = invoke("assess", "-p", str(saved), "-f", "json")
    ok(again)
    assert again.stdout == first.stdout
    assert json.loads(again.stdout)["profile"] == {"name": "Zoë O'Brien", "ratings": {**MLE, "ml": 4}}
    table = invoke("assess", "-p", str(saved))
    assert table.stdout == invoke("assess", "-p", str(source), "--rate", "ml=4").stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["in.yaml", name])  # no temporary file left


def test_save_profile_replaces_an_existing_file_whole(invoke: Invoke, tmp_path: Path) -> None:
    saved = tmp_path / "me.yaml"
    saved.write_text("old content that is longer than the new profile will be " * 50)
    saved.chmod(0o640)
    ok(invoke("assess", *rate_args(MLE), "--save-profile", str(saved), "-f", "json"))
    assert "old content" not in saved.read_text()
    assert (saved.stat().st_mode & 0o777) == 0o640  # the file's permissions are kept
    assert list(tmp_path.iterdir()) == [saved]


def test_save_profile_to_stdout_is_a_usage_error(invoke: Invoke) -> None:
    result = invoke("assess", *rate_args(MLE), "--save-profile", "-")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "error: --save-profile -: stdout carries the report, so the profile needs a file; "
        "for example --save-profile me.yaml\n"
    )


def test_save_profile_that_cannot_be_written_fails_before_anything(invoke: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "missing-dir" / "me.yaml"
    result = invoke("assess", *rate_args(MLE), "--save-profile", str(target), "-o", str(tmp_path / "r.json"))
    assert result.exit_code == 1
    assert result.stderr == f"error: {target}: cannot write: directory {target.parent} does not exist\n"
    directory = invoke("assess", *rate_args(MLE), "--save-profile", str(tmp_path))
    assert directory.exit_code == 1
    assert directory.stderr == f"error: {tmp_path}: cannot write: is a directory\n"
    assert list(tmp_path.iterdir()) == []


def test_a_saved_json_report_is_a_profile(invoke: Invoke, tmp_path: Path) -> None:
    profile = tmp_path / "me.yaml"
    profile.write_text("name: Sam\nratings:\n" + "".join(f"  {k}: {v}\n" for k, v in MLE.items()))
    report = invoke("assess", "-p", str(profile), "--target", "mlops", "-f", "json")
    ok(report)
    saved = tmp_path / "report.json"
    saved.write_text(report.stdout, encoding="utf-8")
    from_file = invoke("assess", "-p", str(saved), "--target", "mlops", "-f", "json")
    from_stdin = invoke("assess", "-p", "-", "--target", "mlops", "-f", "json", input=report.stdout)
    ok(from_file)
    ok(from_stdin)
    assert from_file.stdout == from_stdin.stdout == report.stdout
    overridden = invoke("assess", "-p", str(saved), "--rate", "ml=1", "-f", "json")
    assert json.loads(overridden.stdout)["profile"] == {"name": "Sam", "ratings": {**MLE, "ml": 1}}


def test_a_report_of_schema_version_2_is_a_profile_too(invoke: Invoke, tmp_path: Path) -> None:
    report = json.loads(invoke("assess", *rate_args(MLE), "-f", "json").stdout)
    report["schema_version"] = 2
    report["something_new"] = {"any": ["thing"]}
    saved = tmp_path / "report.json"
    saved.write_text(json.dumps(report))
    result = invoke("assess", "-p", str(saved), "-f", "json")
    ok(result)
    assert json.loads(result.stdout)["profile"]["ratings"] == MLE


FIRST_SIX = dict(list(MLE.items())[:6])  # rated on the command line; product and communication are asked


def options(**kwargs: object) -> AssessOptions:
    base: dict[str, object] = {"rates": (), "profile": None, "top": None, "interactive": True}
    return AssessOptions(**{**base, **kwargs})  # type: ignore[arg-type]


def fake_prompt(
    monkeypatch: pytest.MonkeyPatch, typed: dict[str, int], stop: BaseException | None
) -> list[list[str]]:
    """Replace the prompt: it 'types' ``typed``, then raises ``stop`` (if any); returns the skills asked."""
    asked: list[list[str]] = []

    def ask(
        catalog: Catalog, missing: list[str], console: object, *, answers: dict[str, int]
    ) -> dict[str, int]:
        asked.append(list(missing))
        answers.update(typed)  # one by one, as the real prompt does
        if stop is not None:
            raise stop
        return answers

    monkeypatch.setattr("roleadvisor.interactive.ask_ratings", ask)
    return asked


def saved_files(directory: Path) -> list[Path]:
    return sorted(directory.glob("roleadvisor-answers-*"))


@pytest.mark.parametrize(
    ("stop", "expected"),
    [
        (RatingError("input ended before every skill was rated"), RatingError),
        (KeyboardInterrupt(), KeyboardInterrupt),
    ],
    ids=["end-of-input", "ctrl-c"],
)
def test_a_stopped_prompt_keeps_the_answers_in_a_new_file(
    catalog: Catalog,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    stop: BaseException,
    expected: type[BaseException],
) -> None:
    monkeypatch.chdir(tmp_path)
    fake_prompt(monkeypatch, {"product": 2}, stop)
    with pytest.raises(expected):
        gather_profile(catalog, options(rates=tuple(f"{k}={v}" for k, v in FIRST_SIX.items())))
    [saved] = saved_files(tmp_path)
    assert saved.suffix == ".yaml"
    err = capsys.readouterr().err
    assert err == (
        f"answers so far saved to ./{saved.name}; continue with: roleadvisor assess --profile ./{saved.name}\n"
    )
    assert load_profile(saved, catalog).ratings == {**FIRST_SIX, "product": 2}
    assert "no rating yet for communication" in saved.read_text()
    # continuing asks only what is still missing
    asked = fake_prompt(monkeypatch, {"communication": 3}, None)
    assert gather_profile(catalog, options(profile=saved)).ratings == {
        **FIRST_SIX,
        "product": 2,
        "communication": 3,
    }
    assert asked == [["communication"]]


def test_nothing_typed_means_no_file(
    catalog: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    fake_prompt(monkeypatch, {}, KeyboardInterrupt())
    with pytest.raises(KeyboardInterrupt):
        gather_profile(catalog, options(rates=("ml=3",), save_profile=tmp_path / "me.yaml"))
    assert list(tmp_path.iterdir()) == []
    assert capsys.readouterr().err == ""


def test_stopped_prompt_uses_a_new_save_profile_path(
    catalog: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    fake_prompt(monkeypatch, {"product": 1}, KeyboardInterrupt())
    target = tmp_path / "me.json"
    with pytest.raises(KeyboardInterrupt):
        gather_profile(catalog, options(rates=("ml=3",), save_profile=target))
    assert json.loads(target.read_text()) == {"ratings": {"ml": 3, "product": 1}}
    assert capsys.readouterr().err == (
        f"answers so far saved to {target}; continue with: roleadvisor assess --profile {target}\n"
    )
    assert saved_files(tmp_path) == []


def test_stopped_prompt_never_replaces_another_existing_file(
    catalog: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "me.yaml"
    target.write_text("my complete profile\n")
    fake_prompt(monkeypatch, {"product": 1}, RatingError("input ended"))
    with pytest.raises(RatingError):
        gather_profile(catalog, options(rates=("ml=3",), save_profile=target))
    assert target.read_text() == "my complete profile\n"
    [saved] = saved_files(tmp_path)
    assert capsys.readouterr().err == (
        f"answers so far saved to ./{saved.name} ({target} already exists, so it was left as it was); "
        f"continue with: roleadvisor assess --profile ./{saved.name}\n"
    )
    assert load_profile(saved, catalog).ratings == {"ml": 3, "product": 1}


def test_stopped_prompt_updates_the_profile_being_continued(
    catalog: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    partial = tmp_path / "partial.yaml"
    partial.write_text("name: Ada\nratings:\n  ml: 3\n")
    fake_prompt(monkeypatch, {"systems": 2}, KeyboardInterrupt())
    with pytest.raises(KeyboardInterrupt):
        gather_profile(catalog, options(profile=partial, save_profile=partial))
    assert load_profile(partial, catalog).ratings == {"systems": 2, "ml": 3}
    assert load_profile(partial, catalog).name == "Ada"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["partial.yaml"]


def test_a_taken_name_gets_a_number(
    catalog: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(time, "strftime", lambda _format: "20260101-120000")
    taken = tmp_path / "roleadvisor-answers-20260101-120000.yaml"
    taken.write_text("someone else's\n")
    fake_prompt(monkeypatch, {"product": 1}, KeyboardInterrupt())
    with pytest.raises(KeyboardInterrupt):
        gather_profile(catalog, options(rates=("ml=3",)))
    assert taken.read_text() == "someone else's\n"
    assert load_profile(tmp_path / "roleadvisor-answers-20260101-120000-2.yaml", catalog).ratings == {
        "ml": 3,
        "product": 1,
    }


def test_an_unwritable_current_directory_keeps_the_answers_in_the_temp_dir(
    catalog: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import tempfile

    here, temp = tmp_path / "here", tmp_path / "temp"
    here.mkdir()
    temp.mkdir()
    monkeypatch.chdir(here)
    monkeypatch.setattr(tempfile, "gettempdir", lambda: str(temp))
    real = assess_module._write_new

    def refuse_here(path: Path, text: str) -> bool:
        if not path.parent.is_absolute():
            raise PermissionError(13, "Permission denied")
        return real(path, text)

    monkeypatch.setattr(assess_module, "_write_new", refuse_here)
    fake_prompt(monkeypatch, {"product": 1}, KeyboardInterrupt())
    with pytest.raises(KeyboardInterrupt):
        gather_profile(catalog, options(rates=("ml=3",)))
    [saved] = saved_files(temp)
    assert str(saved) in capsys.readouterr().err
    assert list(here.iterdir()) == []
    assert load_profile(saved, catalog).ratings == {"ml": 3, "product": 1}


def test_nowhere_to_write_is_a_warning_and_the_stop_goes_on(
    catalog: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)

    def refuse(path: Path, text: str) -> bool:
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(assess_module, "_write_new", refuse)
    fake_prompt(monkeypatch, {"product": 1}, RatingError("input ended"))
    with pytest.raises(RatingError, match="input ended"):
        gather_profile(catalog, options(rates=("ml=3",)))
    err = capsys.readouterr().err
    assert err.startswith("warning: could not save the answers typed so far: no directory to write to (")
    assert "Read-only file system" in err


def test_a_failed_save_after_the_prompt_keeps_the_answers(
    catalog: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import roleadvisor.output

    monkeypatch.chdir(tmp_path)
    fake_prompt(monkeypatch, {"product": 1, "communication": 3}, None)

    def full_disk(path: Path, text: str) -> None:
        raise OutputIOError(f"{path}: cannot write: No space left on device")

    monkeypatch.setattr(roleadvisor.output, "write_file", full_disk)
    target = tmp_path / "me.yaml"
    with pytest.raises(OutputIOError):
        gather_profile(
            catalog, options(rates=tuple(f"{k}={v}" for k, v in FIRST_SIX.items()), save_profile=target)
        )
    [saved] = saved_files(tmp_path)
    assert f"answers so far saved to ./{saved.name}" in capsys.readouterr().err
    assert load_profile(saved, catalog).ratings == {**FIRST_SIX, "product": 1, "communication": 3}
    assert "Partial" not in saved.read_text()  # it is complete


def test_write_new_never_replaces_and_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    target = tmp_path / "a.yaml"
    assert assess_module._write_new(target, "one\n")
    assert not assess_module._write_new(target, "two\n")
    assert target.read_text() == "one\n"
    umask = os.umask(0)
    os.umask(umask)
    assert (target.stat().st_mode & 0o777) == 0o666 & ~umask
    dangling = tmp_path / "link.yaml"
    dangling.symlink_to(tmp_path / "nowhere")
    assert not assess_module._write_new(dangling, "x\n")
    assert not (tmp_path / "nowhere").exists()

    def no_links(source: object, target: object) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)  # a file system without hard links
    assert assess_module._write_new(tmp_path / "b.yaml", "three\n")
    assert not assess_module._write_new(target, "four\n")
    assert (tmp_path / "b.yaml").read_text() == "three\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml", "b.yaml", "link.yaml"]


def test_a_decoded_role_ranks_itself_first(invoke: Invoke, catalog: Catalog) -> None:
    """`decode "<title>" --format profile | assess --profile -` puts that role first, for every role."""
    for role in catalog.roles:
        decoded = invoke("decode", role.title, "--format", "profile")
        assert decoded.exit_code == 0, decoded.output
        result = invoke("assess", "--profile", "-", "-f", "json", input=decoded.stdout)
        assert result.exit_code == 0, result.output
        top = json.loads(result.stdout)["roles"][0]
        assert (top["id"], top["match"], top["band"]) == (role.id, 1.0, "ready"), role.title


def test_a_flat_profile_is_warned_about_in_the_report_and_on_stderr(invoke: Invoke) -> None:
    result = invoke("assess", *rate_args(dict.fromkeys(MLE, 3)))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Warning: 8 of 8 skills are rated 3")  # kept in a saved table
    assert "warning: 8 of 8 skills are rated 3" in result.stderr  # not a terminal: stderr too
    report = json.loads(invoke("assess", *rate_args(dict.fromkeys(MLE, 5)), "-f", "json").stdout)
    assert report["warnings"][0].startswith("8 of 8 skills are rated 5 (expert), the top of the scale")
