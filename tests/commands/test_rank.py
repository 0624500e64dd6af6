"""`roleadvisor rank`: candidates against a role, a pasted advert or a saved decode, through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import Invoke

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
CANDIDATES = str(EXAMPLES / "candidates.csv")
ADVERT = EXAMPLES / "advert-mlops.txt"
HEADER = "id,systems,databases,ml,algorithms,stats,sme,product,communication\n"


def _json(invoke: Invoke, *args: str, input: str | None = None) -> dict:
    result = invoke("rank", *args, "--format", "json", input=input)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _order(data: dict) -> list[tuple[int, str, float]]:
    return [(c["rank"], c["id"], c["fit"]) for c in data["candidates"]]


def test_five_or_more_candidates_against_a_pasted_advert(invoke: Invoke) -> None:
    result = invoke("rank", CANDIDATES, "--advert", "-", input=ADVERT.read_text(encoding="utf-8"))
    assert result.exit_code == 0, result.output
    out = result.stdout
    # the decoded requirements come first, so the reader can check them
    asks = out.index("What the advert “Senior MLOps Engineer” asks for, as decoded")
    assert asks < out.index("Candidates against the advert “Senior MLOps Engineer”, best first")
    assert "Most likely roles: MLOps Engineer (100%)." in out
    assert "Seniority in the title: Senior" in out
    assert "Weights: as MLOps Engineer weighs each skill (its most likely role)" in out
    assert "│ 3= │ Amira" in out and "│ 3= │ Hana" in out  # a tie, shown as one
    assert "supports a conversation, not a hiring decision" in out
    assert "it is not a test of anyone's" in out
    assert "rank: 7 records, 7 ranked, 0 skipped" in result.stderr


def test_json_keys_and_order(invoke: Invoke) -> None:
    data = _json(invoke, CANDIDATES, "--advert", str(ADVERT))
    assert list(data) == [
        "schema_version",
        "language",
        "requirements",
        "candidates",
        "counts",
        "skipped",
        "caution",
        "catalog",
    ]
    req = data["requirements"]
    assert list(req) == ["source", "id", "title", "file", "weights_from", "roles", "skills", "notes"]
    assert (req["source"], req["id"], req["title"], req["weights_from"]) == (
        "advert",
        "advert",
        "Senior MLOps Engineer",
        "mlops-engineer",
    )
    assert req["skills"][0] == {"skill": "systems", "level": 5, "weight": 3.0}
    first = data["candidates"][0]
    assert list(first) == [
        "rank",
        "tied",
        "id",
        "line",
        "fit",
        "use",
        "match",
        "band",
        "learning",
        "critical_gaps",
        "gaps",
        "ratings",
    ]
    assert (first["id"], first["fit"], first["band"], first["gaps"]) == ("Farah Siddiqui", 1.0, "ready", [])
    assert _order(data) == [
        (1, "Farah Siddiqui", 1.0),
        (2, "Chen Wei", 0.9091),
        (3, "Amira Haddad", 0.9091),
        (3, "Hana Novak", 0.9091),
        (5, "Bogdan Ilić", 0.8485),
        (6, "Elias Moreau", 0.6364),
        (7, "Darya Sokolova", 0.6364),
    ]
    darya = data["candidates"][-1]
    assert darya["critical_gaps"] == [{"skill": "systems", "have": 2, "need": 5}]
    assert darya["line"] == 5
    assert data["counts"] == {"read": 7, "ranked": 7, "skipped": 0, "shown": 7}
    assert "not a hiring decision" in data["caution"]


def test_an_advert_at_a_role_s_levels_ranks_exactly_like_the_role(invoke: Invoke) -> None:
    by_advert = _json(invoke, CANDIDATES, "--advert", str(ADVERT))
    by_role = _json(invoke, CANDIDATES, "--role", "MLOps")
    assert by_role["requirements"]["source"] == "role"
    assert by_role["requirements"]["id"] == "mlops-engineer"
    assert [s["level"] for s in by_role["requirements"]["skills"]] == [
        s["level"] for s in by_advert["requirements"]["skills"]
    ]
    assert by_role["candidates"] == by_advert["candidates"]


def test_a_saved_decode_ranks_like_the_advert(invoke: Invoke, tmp_path: Path) -> None:
    job = tmp_path / "job.json"
    saved = invoke("decode", "--file", str(ADVERT), "-f", "json")
    job.write_text(saved.stdout, encoding="utf-8")
    by_file = _json(invoke, CANDIDATES, "--requirements", str(job))
    by_advert = _json(invoke, CANDIDATES, "--advert", str(ADVERT))
    assert by_file["requirements"]["source"] == "file"
    assert by_file["requirements"]["title"] == "Senior MLOps Engineer"
    assert by_file["candidates"] == by_advert["candidates"]
    piped = _json(invoke, CANDIDATES, "--requirements", "-", input=saved.stdout)
    assert piped["candidates"] == by_advert["candidates"]
    table = invoke("rank", CANDIDATES, "--requirements", str(job))
    heading = f"What the advert “Senior MLOps Engineer” asks for, as saved in {job}: check it"
    assert heading in " ".join(table.stdout.split())


def test_a_saved_profile_has_levels_only_so_equal_weights(invoke: Invoke, tmp_path: Path) -> None:
    job = tmp_path / "job.json"
    job.write_text(invoke("decode", "--file", str(ADVERT), "-f", "profile").stdout, encoding="utf-8")
    data = _json(invoke, CANDIDATES, "--requirements", str(job))
    req = data["requirements"]
    assert req["weights_from"] is None and req["roles"] == []
    assert {s["weight"] for s in req["skills"]} == {1.0}
    assert req["title"] == "Senior MLOps Engineer"
    assert any("every skill counts the same" in note for note in req["notes"])
    assert all(c["critical_gaps"] == [] for c in data["candidates"])


def test_exactly_one_of_role_advert_requirements(invoke: Invoke) -> None:
    none = invoke("rank", CANDIDATES)
    assert none.exit_code == 2
    assert "give exactly one of --role, --advert and --requirements (got none)" in none.stderr
    two = invoke("rank", CANDIDATES, "--role", "mlops", "--advert", str(ADVERT))
    assert two.exit_code == 2
    assert "(got --role, --advert)" in two.stderr


def test_stdin_for_one_input_only(invoke: Invoke) -> None:
    result = invoke("rank", "-", "--advert", "-", input="x")
    assert result.exit_code == 2
    assert "FILE and --advert cannot both read stdin" in result.stderr


def test_unknown_role_and_bad_requirements(invoke: Invoke, tmp_path: Path) -> None:
    unknown = invoke("rank", CANDIDATES, "--role", "astronaut")
    assert unknown.exit_code == 2 and "no role matches 'astronaut'" in unknown.stderr
    report = tmp_path / "report.json"
    assert invoke("assess", "--profile", str(EXAMPLES / "ml-engineer.yaml"), "-o", str(report)).exit_code == 0
    wrong = invoke("rank", CANDIDATES, "--requirements", str(report))
    assert wrong.exit_code == 2
    assert "an 'assess' report holds a person's ratings, not a job's requirements" in wrong.stderr
    missing = invoke("rank", CANDIDATES, "--requirements", str(tmp_path / "nope.json"))
    assert missing.exit_code == 2 and "no such saved decode" in missing.stderr
    assert "Traceback" not in wrong.output + missing.output


def test_bad_records_are_skipped_counted_and_listed(invoke: Invoke, tmp_path: Path) -> None:
    people = tmp_path / "people.csv"
    people.write_text(
        HEADER + "ann,5,4,2,3,1,1,1,2\nbob,9,4,2,3,1,1,1,2\nann,1,1,1,1,1,1,1,1\ncat,4,4,2,3,1,1,1,2\n",
        encoding="utf-8",
    )
    result = invoke("rank", str(people), "--role", "mlops", "--format", "json")
    assert result.exit_code == 3
    data = json.loads(result.stdout)
    assert [c["id"] for c in data["candidates"]] == ["ann", "cat"]
    assert data["counts"] == {"read": 4, "ranked": 2, "skipped": 2, "shown": 2}
    assert [(s["line"], s["id"]) for s in data["skipped"]] == [(3, "bob"), (4, "ann")]
    assert 'bad record: line 3 (id "bob")' in result.stderr
    assert "duplicate id" in result.stderr
    assert "rank: 4 records, 2 ranked, 2 skipped" in result.stderr
    table = invoke("rank", str(people), "--role", "mlops")
    assert table.exit_code == 3
    assert "2 candidates ranked; 2 records skipped (listed on stderr)." in table.stdout


def test_only_the_first_twenty_bad_records_are_listed(invoke: Invoke, tmp_path: Path) -> None:
    people = tmp_path / "people.csv"
    rows = "".join(f"p{i},9,1,1,1,1,1,1,1\n" for i in range(25))
    people.write_text(HEADER + rows + "ok,1,1,1,1,1,1,1,1\n", encoding="utf-8")
    result = invoke("rank", str(people), "--role", "data-scientist")
    assert result.exit_code == 3
    assert result.stderr.count("bad record: ") == 20
    assert "... and 5 more bad records" in result.stderr


def test_no_usable_candidate_is_exit_2(invoke: Invoke, tmp_path: Path) -> None:
    people = tmp_path / "people.csv"
    people.write_text(HEADER + "a,9,1,1,1,1,1,1,1\n", encoding="utf-8")
    out = tmp_path / "out.json"
    result = invoke("rank", str(people), "--role", "mlops", "-o", str(out))
    assert result.exit_code == 2
    assert "no candidate to rank: the 1 record could not be read" in result.stderr
    assert not out.exists()
    empty = tmp_path / "empty.csv"
    empty.write_text(HEADER, encoding="utf-8")
    result = invoke("rank", str(empty), "--role", "mlops")
    assert result.exit_code == 2 and "no candidates found" in result.stderr


def test_top_output_file_and_markdown(invoke: Invoke, tmp_path: Path) -> None:
    out = tmp_path / "ranking.md"
    result = invoke("rank", CANDIDATES, "--advert", str(ADVERT), "--top", "2", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Candidates against the advert “Senior MLOps Engineer”, best first\n")
    assert "> **This ranking supports a conversation, not a hiring decision" in text
    assert "| Systems (`systems`) | 5 expert | defining (3) |" in text
    assert "| 1 | Farah Siddiqui | 100% |" in text and "| 2 | Chen Wei |" in text
    assert "Amira" not in text
    assert "7 candidates ranked (the best 2 shown)." in text
    assert not list(tmp_path.glob(".*.tmp"))
    data = _json(invoke, CANDIDATES, "--role", "mlops", "--top", "3")
    assert len(data["candidates"]) == 3 and data["counts"]["shown"] == 3


def test_output_into_a_missing_directory_is_exit_1(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("rank", CANDIDATES, "--role", "mlops", "-o", str(tmp_path / "no" / "r.json"))
    assert result.exit_code == 1 and "does not exist" in result.stderr


def test_input_options_are_passed_through(invoke: Invoke, tmp_path: Path) -> None:
    people = tmp_path / "people.jsonl"
    people.write_text(
        '{"id": "x", "ratings": {"systems": 5, "databases": 4, "ml": 2, "algorithms": 3, '
        '"stats": 1, "sme": 1, "product": 1, "communication": 2}}\n',
        encoding="utf-8",
    )
    data = _json(invoke, str(people), "-I", "jsonl", "--role", "mlops")
    assert [(c["id"], c["fit"]) for c in data["candidates"]] == [("x", 1.0)]
    bad = invoke("rank", CANDIDATES, "--role", "mlops", "--delimiter", "|")
    assert bad.exit_code == 2 and "--delimiter" in bad.stderr


@pytest.mark.parametrize("width", ["50", "100"])
def test_narrow_and_wide_terminals_cut_no_word(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch, width: str
) -> None:
    monkeypatch.setenv("COLUMNS", width)
    result = invoke("rank", CANDIDATES, "--advert", str(ADVERT))
    assert result.exit_code == 0
    assert "…" not in result.stdout
    assert "Darya Sokolova" in result.stdout and "Elias Moreau" in result.stdout


def test_the_readme_shows_what_it_prints(invoke: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    readme = (EXAMPLES.parent / "README.md").read_text(encoding="utf-8")
    command = "$ cat examples/advert-mlops.txt | roleadvisor rank examples/candidates.csv --advert -\n"
    shown = readme.split(command, 1)[1].split("\n```", 1)[0] + "\n"
    monkeypatch.setenv("COLUMNS", "100")
    result = invoke("rank", CANDIDATES, "--advert", "-", input=ADVERT.read_text(encoding="utf-8"))
    assert result.stdout == shown


def test_an_advert_that_names_nothing_or_is_empty(invoke: Invoke, tmp_path: Path) -> None:
    vague = tmp_path / "vague.txt"
    vague.write_text("We are a friendly company. Join us!\n", encoding="utf-8")
    result = invoke("rank", CANDIDATES, "--advert", str(vague))
    assert result.exit_code == 2 and "decode found no role title and no skill keyword" in result.stderr
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    result = invoke("rank", CANDIDATES, "--advert", str(empty))
    assert result.exit_code == 2 and f"--advert {empty}: the advert is empty" in result.stderr
