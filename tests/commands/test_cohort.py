"""``roleadvisor cohort`` through the CLI: the mentor's three questions, bad records, formats, options."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import Invoke

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "cohort.csv"
HEADER = "id,systems,databases,ml,algorithms,stats,sme,product,communication\n"


def _write(tmp_path: Path, text: str, name: str = "people.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_which_roles_does_my_cohort_fit(invoke: Invoke) -> None:
    result = invoke("cohort", str(EXAMPLE))
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "40 people from" in out
    assert "Best roles: how many people have each as their first role" in out
    assert "Data Scientist" in out and "Levels, person by skill" in out
    assert "syst = systems" in out  # the grid's column key
    assert "ratings people gave themselves" in out
    assert "Only Isabel Costa holds product at level 4 (advanced) or above." in out
    assert "Teach systems next" in out  # the mentor's second question, in the same command
    assert "What the numbers mean" in out and "stage needs" in out
    assert result.stderr == ""


def test_who_is_closest_to_mlops(invoke: Invoke) -> None:
    result = invoke("cohort", str(EXAMPLE), "--target", "mlops")
    assert result.exit_code == 0, result.output
    closest = result.stdout.split("Who is closest to MLOps Engineer", 1)[1]
    first = closest.splitlines()[4]  # title, then the table's top border, header and rule
    assert "Nikita Volkov" in first
    assert "Teach systems next for MLOps Engineer" in result.stdout
    assert "critical gap" in result.stdout  # the legend explains the column


def test_json_answers_the_three_questions(invoke: Invoke) -> None:
    data = json.loads(invoke("cohort", str(EXAMPLE), "-t", "mlops", "-f", "json").stdout)
    assert data["input"] == {"name": str(EXAMPLE), "records": 40, "people": 40, "skipped": 0}
    assert sum(r["people"] for r in data["roles"]) == 40
    assert data["roles"][0]["id"] == "data-scientist"
    assert data["teach_next"]["skill"] == "systems" and data["teach_next"]["role"] == "mlops-engineer"
    assert data["closest"][0]["id"] == "Nikita Volkov"
    fits = [c["fit"] for c in data["closest"]]
    assert fits == sorted(fits, reverse=True)
    assert {p["skill"] for p in data["single_points"]} == {"product", "communication"}
    total = round(sum(g["gain"] for g in data["teach_next"]["gains"]), 4)
    assert total == data["teach_next"]["gain_total"]


def test_the_best_role_is_batch_s_top_role(invoke: Invoke) -> None:
    cohort = json.loads(invoke("cohort", str(EXAMPLE), "-f", "json").stdout)
    batch = [json.loads(line) for line in invoke("batch", str(EXAMPLE)).stdout.splitlines()]
    assert [p["best"]["role"] for p in cohort["people"]] == [b["top_role"] for b in batch]
    assert [p["best"]["fit"] for p in cohort["people"]] == [b["top_fit"] for b in batch]


def test_bad_records_are_listed_skipped_and_exit_3(invoke: Invoke, tmp_path: Path) -> None:
    rows = [f"p{i},3,3,3,3,3,3,3,3\n" for i in range(3)] + ["bad,9,3,3,3,3,3,3,3\n", "p1,1,1,1,1,1,1,1,1\n"]
    rows += [f"x{i},3,3,3,x,3,3,3,3\n" for i in range(22)]
    path = _write(tmp_path, HEADER + "".join(rows))
    out = tmp_path / "report.json"
    result = invoke("cohort", str(path), "-o", str(out))
    assert result.exit_code == 3, result.output
    bad = [line for line in result.stderr.splitlines() if line.startswith("bad record: ")]
    assert len(bad) == 20
    assert bad[0].startswith('bad record: line 5 (id "bad")')
    assert "duplicate id" in bad[1]
    assert "... and 4 more bad records" in result.stderr
    assert "cohort: 27 records, 3 read, 24 skipped" in result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["input"]["people"] == 3 and data["input"]["skipped"] == 24
    assert [s["line"] for s in data["skipped"]][:2] == [5, 6]
    assert list(data["skipped"][0]) == ["line", "id", "error"]  # as rank and batch name them
    assert "duplicate id" in data["skipped"][1]["error"]
    table = invoke("cohort", str(path))
    assert "They are listed above on stderr." in " ".join(table.stdout.split())
    page = tmp_path / "report.html"
    assert invoke("cohort", str(path), "-o", str(page)).exit_code == 3
    html = page.read_text(encoding="utf-8")
    assert "stderr" not in html  # a page has no stderr: it lists them itself
    assert "Records left out" in html and "duplicate id" in html
    assert "... and 4 more records left out" in html


def test_closest_is_ranked_as_rank_ranks_it(invoke: Invoke) -> None:
    """``cohort --target`` and ``rank --role`` put the same people in the same places, ties and all."""
    cohort = json.loads(invoke("cohort", str(EXAMPLE), "--target", "mlops", "-f", "json").stdout)
    rank = json.loads(invoke("rank", str(EXAMPLE), "--role", "mlops", "-f", "json").stdout)
    mine = [(c["rank"], c["tied"], c["id"], c["line"], c["fit"], c["band"]) for c in cohort["closest"]]
    theirs = [(c["rank"], c["tied"], c["id"], c["line"], c["fit"], c["band"]) for c in rank["candidates"]]
    assert mine == theirs
    assert any(tied for _rank, tied, *_rest in mine)  # the example has ties: this compares them too
    table = invoke("cohort", str(EXAMPLE), "--target", "mlops").stdout
    assert "3=" in table.split("Who is closest to MLOps Engineer", 1)[1]


def test_no_usable_record_is_exit_2_and_writes_nothing(invoke: Invoke, tmp_path: Path) -> None:
    path = _write(tmp_path, HEADER + "a,9,3,3,3,3,3,3,3\nb,3,3\n")
    out = tmp_path / "report.html"
    result = invoke("cohort", str(path), "-o", str(out))
    assert result.exit_code == 2
    assert "none of the 2 records could be read" in result.stderr
    assert result.stderr.count("bad record: ") == 2
    assert not out.exists()
    empty = invoke("cohort", str(_write(tmp_path, HEADER, "empty.csv")))
    assert empty.exit_code == 2 and "no profiles found" in empty.stderr


def test_a_one_person_cohort(invoke: Invoke, tmp_path: Path) -> None:
    path = _write(tmp_path, HEADER + "Solo,4,3,4,3,2,2,1,3\n")
    result = invoke("cohort", str(path))
    assert result.exit_code == 0, result.output
    text = " ".join(result.stdout.split())
    assert "1 person from" in text
    assert "Their best role is Machine Learning Engineer." in text
    assert "need at least two people" in text
    data = json.loads(invoke("cohort", str(path), "-f", "json").stdout)
    assert data["single_points"] == []  # one person holds everything they hold alone: not reported
    assert data["uncovered"] == ["databases", "algorithms", "stats", "sme", "product", "communication"]
    assert "Nobody holds databases, algorithms" in text


def test_format_from_the_extension(invoke: Invoke, tmp_path: Path) -> None:
    page = tmp_path / "cohort.html"
    result = invoke("cohort", str(EXAMPLE), "-o", str(page))
    assert result.exit_code == 0 and result.stdout == ""
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert json.loads(invoke("cohort", str(EXAMPLE), "-o", str(tmp_path / "c.json")).stdout or "{}") == {}
    assert json.loads((tmp_path / "c.json").read_text(encoding="utf-8"))["schema_version"] == 1
    wrong = invoke("cohort", str(EXAMPLE), "-o", str(tmp_path / "c.md"))
    assert wrong.exit_code == 2 and "cannot tell the format" in wrong.stderr
    assert not (tmp_path / "c.md").exists()


def test_yaml_and_jsonl_inputs_read_like_batch(invoke: Invoke, tmp_path: Path) -> None:
    ratings = {"systems": 4, "databases": 3, "ml": 4, "algorithms": 3, "stats": 2, "sme": 2, "product": 1}
    lines = [json.dumps({"id": f"p{i}", **ratings, "communication": i}) for i in range(3)]
    path = _write(tmp_path, "\n".join(lines) + "\n", "people.jsonl")
    data = json.loads(invoke("cohort", str(path), "-f", "json").stdout)
    assert [p["id"] for p in data["people"]] == ["p0", "p1", "p2"]
    piped = invoke("cohort", "-", "-I", "jsonl", "-f", "json", input="\n".join(lines) + "\n")
    assert json.loads(piped.stdout)["people"] == data["people"]


def test_input_options_reach_the_reader(invoke: Invoke, tmp_path: Path) -> None:
    """A spreadsheet export as people keep them: titles, a Name column, ';' between fields."""
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines()
    header = "Name;Systems;Databases;Machine learning;Algorithms;Statistics;SME;Product;Communication"
    body = [line.replace(",", ";") for line in lines[1:]]
    path = _write(tmp_path, "\n".join([header, *body]) + "\n", name="export.txt")
    result = invoke(
        "cohort", str(path), "-I", "csv", "--id-column", "name", "--delimiter", ";", "--format", "json"
    )
    assert result.exit_code == 0, result.stderr
    plain = json.loads(invoke("cohort", str(EXAMPLE), "--format", "json").stdout)
    got = json.loads(result.stdout)
    assert got["people"] == plain["people"] and got["teach_next"] == plain["teach_next"]


@pytest.mark.parametrize("value", ["|", "ab", ""])
def test_an_unknown_delimiter_is_refused(invoke: Invoke, value: str) -> None:
    result = invoke("cohort", str(EXAMPLE), "--delimiter", value)
    assert result.exit_code == 2
    assert "--delimiter" in result.stderr


def test_an_unknown_target_is_refused(invoke: Invoke) -> None:
    result = invoke("cohort", str(EXAMPLE), "--target", "astronaut")
    assert result.exit_code == 2 and result.stderr.startswith("error: ")


def test_a_missing_file_is_exit_2(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("cohort", str(tmp_path / "nobody.csv"))
    assert result.exit_code == 2 and "no such file" in result.stderr


def test_persian_and_russian_tables(invoke: Invoke) -> None:
    fa = invoke("--lang", "fa", "cohort", str(EXAMPLE), "-t", "mlops")
    assert fa.exit_code == 0, fa.output
    assert "۴۰" in fa.stdout and "Teach" not in fa.stdout and "people" not in fa.stdout
    assert "۳=" in fa.stdout  # a shared rank, in Persian digits
    ru = invoke("--lang", "ru", "cohort", str(EXAMPLE))
    assert ru.exit_code == 0, ru.output
    assert "40" in ru.stdout and "Teach" not in ru.stdout and "Best roles" not in ru.stdout
    for result in (fa, ru):
        assert "syst" not in result.stdout and "comm" not in result.stdout  # the grid's headings too


def test_the_summary_line_speaks_the_language(invoke: Invoke, tmp_path: Path) -> None:
    rows = [f"p{i},3,3,3,3,3,3,3,3\n" for i in range(3)] + ["bad,9,3,3,3,3,3,3,3\n"]
    path = _write(tmp_path, HEADER + "".join(rows))
    fa = invoke("--lang", "fa", "cohort", str(path), "-f", "json")
    assert fa.exit_code == 3
    summary = [line for line in fa.stderr.splitlines() if "cohort" in line or "۴" in line]
    assert any("۴" in line and "۳" in line and "۱" in line for line in summary), fa.stderr
    assert not any(ch in "0123456789" for line in summary for ch in line.split(":", 1)[-1]), fa.stderr
    rank = invoke("--lang", "fa", "rank", str(path), "--role", "mlops", "-f", "json")
    assert "۴" in rank.stderr  # as rank's own line


def test_schema_cohort_and_plain_schema(invoke: Invoke) -> None:
    plain = json.loads(invoke("schema").stdout)
    assert plain["$id"].endswith("assess-report-v2.json")
    assert json.loads(invoke("schema", "assess").stdout) == plain
    cohort = json.loads(invoke("schema", "cohort").stdout)
    assert cohort["$id"].endswith("cohort-report-v1.json")
    assert invoke("schema", "nothing").exit_code == 2
