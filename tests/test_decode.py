"""decode: titles and short adverts (written for these tests) map to the expected roles."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from roleadvisor.catalog.loader import load_catalog
from roleadvisor.catalog.models import Catalog
from roleadvisor.decode import decode_text
from roleadvisor.errors import UsageError
from tests.conftest import Invoke

HERE = Path(__file__).parent / "decode_set"

TITLES = [
    ("Staff ML Platform Engineer", "ml-infrastructure-engineer"),
    ("Junior Data Analyst", "data-analyst"),
    ("Principal Data Scientist", "data-scientist"),
    ("ML Engineer II", "ml-engineer"),
    ("AI Engineer", "ml-engineer"),
    ("Research Engineer, Reinforcement Learning", "research-engineer"),
    ("Senior CUDA Kernel Engineer", "framework-engineer"),
    ("Solutions Architect, Generative AI", "ml-solutions-architect"),
    ("Developer Evangelist (ML)", "developer-advocate"),
    ("Product Manager, AI Platform", "ml-product-manager"),
    ("Analytics Engineer", "data-engineer"),
    ("Business Intelligence Analyst", "data-analyst"),
    ("Machine Learning Performance Engineer - Accelerators", "ml-hardware-engineer"),
    ("Head of Data Science", "data-scientist"),
    ("ML Ops Engineer", "mlops-engineer"),
]

ADVERTS = [
    ("infra-advert.txt", "ml-infrastructure-engineer"),
    ("devrel-advert.txt", "developer-advocate"),
    ("ds-advert.txt", "data-scientist"),
    ("de-advert.txt", "data-engineer"),
    ("research-advert.txt", "research-scientist"),
    ("mlops-advert.txt", "mlops-engineer"),
]


@pytest.mark.parametrize(("title", "expected"), TITLES)
def test_titles(catalog: Catalog, title: str, expected: str) -> None:
    decoded = decode_text(title, catalog)
    assert decoded.roles[0].role_id == expected
    assert decoded.roles[0].evidence, "the top role must say which words led to it"


@pytest.mark.parametrize(("name", "expected"), ADVERTS)
def test_adverts(catalog: Catalog, name: str, expected: str) -> None:
    decoded = decode_text((HERE / name).read_text(encoding="utf-8"), catalog)
    top = decoded.roles[0]
    assert top.role_id == expected
    # a clear lead over the runner-up, not a coin toss
    assert top.score >= 1.5 * decoded.roles[1].score


def test_a_title_naming_two_roles_ranks_both_first(catalog: Catalog) -> None:
    decoded = decode_text("Senior Machine Learning Engineer, MLOps", catalog)
    assert {m.role_id for m in decoded.roles[:2]} == {"ml-engineer", "mlops-engineer"}
    # the profile asks for the higher requirement of the two leading roles
    mle, mlops = catalog.role("ml-engineer"), catalog.role("mlops-engineer")
    for skill in catalog.skill_ids:
        assert decoded.ratings[skill] == max(mle.requirement(skill).level, mlops.requirement(skill).level)


def test_body_mentions_of_other_roles_count_less_than_the_title(catalog: Catalog) -> None:
    decoded = decode_text(
        "Data Engineer\nYou will work with data scientists and ML engineers on our pipelines.", catalog
    )
    assert decoded.roles[0].role_id == "data-engineer"


def test_evidence_and_scores(catalog: Catalog) -> None:
    decoded = decode_text((HERE / "mlops-advert.txt").read_text(encoding="utf-8"), catalog)
    top = decoded.roles[0]
    for word in ("MLOps Engineer", "model registry", "mlflow", "model monitoring", "data drift", "retraining"):
        assert word in top.evidence
    assert sum(m.score for m in decoded.roles) == pytest.approx(1.0, abs=1e-3)
    assert [m.score for m in decoded.roles] == sorted((m.score for m in decoded.roles), reverse=True)


def test_seniority_moves_important_skills(catalog: Catalog) -> None:
    plain = decode_text("Data Scientist", catalog).ratings
    staff = decode_text("Staff Data Scientist", catalog).ratings
    junior = decode_text("Junior Data Scientist", catalog).ratings
    ds = catalog.role("data-scientist")
    assert plain == {s: ds.requirement(s).level for s in catalog.skill_ids}
    for skill in catalog.skill_ids:
        req = ds.requirement(skill)
        if req.weight >= 2:
            assert staff[skill] == min(5, req.level + 1)
            assert junior[skill] == max(0, req.level - 1)
        else:
            assert staff[skill] == junior[skill] == req.level


def test_seniority_only_counts_in_the_title(catalog: Catalog) -> None:
    decoded = decode_text("Data Scientist\nYou will lead our experimentation work.", catalog)
    assert decoded.seniority_shift == 0


def test_skill_keywords_raise_levels_without_a_role_name(catalog: Catalog) -> None:
    decoded = decode_text("Kubernetes, Terraform and Docker on AWS", catalog)
    assert decoded.ratings["systems"] >= 3
    asks = {a.skill: a for a in decoded.skills}
    assert set(asks["systems"].keywords) == {"kubernetes", "terraform", "docker", "aws"}
    assert decoded.roles[0].role_id in {"mlops-engineer", "ml-infrastructure-engineer", "framework-engineer"}


def test_words_inside_other_words_do_not_match(catalog: Catalog) -> None:
    # "sql" must not match inside "mysqlx", nor "etl" inside "settle"
    with pytest.raises(UsageError, match="no role title and no skill keyword"):
        decode_text("we settle on mysqlx", catalog)


def test_nothing_recognised(catalog: Catalog) -> None:
    with pytest.raises(UsageError, match="no role title and no skill keyword"):
        decode_text("Chief Happiness Officer", catalog)


def test_custom_lexicon_is_used(catalog_copy: Callable[..., Path]) -> None:
    def edit(data: dict[str, object]) -> None:
        roles = data["roles"]
        assert isinstance(roles, list)
        roles[0]["keywords"] = ["quokka wrangling"]

    decoded = decode_text("Quokka wrangling lead", load_catalog(catalog_copy(edit_roles=edit)))
    assert decoded.roles[0].role_id == "data-scientist"
    assert decoded.roles[0].evidence == ("quokka wrangling",)
    assert decoded.seniority_shift == 1


# --- the command ---------------------------------------------------------------------------


def test_cli_json_shape(invoke: Invoke) -> None:
    result = invoke("decode", "Staff ML Platform Engineer", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert list(data) == ["title", "roles", "profile", "skills", "seniority", "catalog"]
    assert data["roles"][0] == {
        "id": "ml-infrastructure-engineer",
        "title": "ML Infrastructure / Platform Engineer",
        "score": 1.0,
        "evidence": ["ML platform engineer"],
    }
    assert data["seniority"] == {"shift": 1, "words": ["staff"]}
    assert set(data["profile"]) == {"name", "ratings"}


def test_cli_profile_feeds_assess(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("decode", "--file", str(HERE / "devrel-advert.txt"), "--format", "profile")
    assert result.exit_code == 0, result.output
    job = tmp_path / "job.json"
    job.write_text(result.stdout, encoding="utf-8")
    report = invoke("assess", "--profile", str(job), "--format", "json", "--no-input")
    assert report.exit_code == 0, report.output
    data = json.loads(report.stdout)
    assert data["profile"]["name"] == "decoded: Developer Relations Engineer - Open Source ML"
    assert data["roles"][0]["id"] == "developer-advocate"
    assert data["roles"][0]["fit"] == 1.0


def test_cli_reads_stdin(invoke: Invoke) -> None:
    text = (HERE / "de-advert.txt").read_text(encoding="utf-8")
    result = invoke("decode", "--format", "json", input=text)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["roles"][0]["id"] == "data-engineer"


def test_cli_table_explains_itself(invoke: Invoke) -> None:
    result = invoke("decode", "Staff ML Platform Engineer")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "ML Infrastructure / Platform Engineer" in out
    assert "ML platform engineer" in out  # the words that led there
    assert "needs 3; staff: +1" in out  # why a level was asked for
    assert "Seniority in the title: staff" in out


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (["decode", "Chief Happiness Officer"], None, "error: decode found no role title"),
        (["decode", "   "], None, "error: the text to decode is empty"),
        (["decode", "x", "--file", "a.txt"], None, "error: give the text or --file, not both"),
        (["decode", "--file", "nope.txt"], None, "error: nope.txt: no such advert"),
        (["decode", "--file", "-"], b"\x00\x01binary", "error: <stdin>: is a binary file, expected a text advert"),
    ],
)
def test_cli_errors(invoke: Invoke, args: list[str], stdin: bytes | None, message: str) -> None:
    result = invoke(*args, input=stdin)
    assert result.exit_code == 2
    assert result.stderr.startswith(message)
    assert result.stdout == ""
