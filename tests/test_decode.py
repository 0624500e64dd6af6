"""decode: titles and adverts (written for these tests) map to the expected roles, read like a recruiter.

The accuracy over the whole evaluation set is checked in test_decode_eval.py; here
each rule of the reading is pinned on its own.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from roleadvisor.catalog.loader import load_catalog
from roleadvisor.catalog.models import Catalog
from roleadvisor.decode import MAX_TEXT_CHARS, Decoded, decode_text, stem
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

# the title variants issue 13 names, each with its role
ISSUE_VARIANTS = [
    ("Solution Architect", "ml-solutions-architect"),
    ("Solutions Engineer", "ml-solutions-architect"),
    ("Sales Engineer", "ml-solutions-architect"),
    ("Senior AI Software Engineer", "ml-engineer"),
    ("Data Architect", "data-engineer"),
    ("Product Owner", "ml-product-manager"),
    ("Software Engineer, Machine Learning", "ml-engineer"),
    ("Machine Learning Platform Engineer", "ml-infrastructure-engineer"),
    ("Analytics Engineering", "data-engineer"),
]

ADVERTS = [
    ("infra-advert.txt", "ml-infrastructure-engineer"),
    ("devrel-advert.txt", "developer-advocate"),
    ("ds-advert.txt", "data-scientist"),
    ("de-advert.txt", "data-engineer"),
    ("research-advert.txt", "research-scientist"),
    ("mlops-advert.txt", "mlops-engineer"),
]


def _advert(name: str) -> str:
    return (HERE / name).read_text(encoding="utf-8")


def _body(name: str) -> str:
    """An advert without its title line."""
    return _advert(name).split("\n", 1)[1]


def _points(decoded: Decoded) -> dict[str, float]:
    return {m.role_id: m.points for m in decoded.roles}


@pytest.mark.parametrize(("title", "expected"), TITLES + ISSUE_VARIANTS)
def test_titles(catalog: Catalog, title: str, expected: str) -> None:
    decoded = decode_text(title, catalog)
    assert decoded.roles[0].role_id == expected
    assert decoded.roles[0].evidence, "the top role must say which words led to it"
    assert decoded.roles[0].phrases[0].where == "title"


@pytest.mark.parametrize(("name", "expected"), ADVERTS)
def test_adverts(catalog: Catalog, name: str, expected: str) -> None:
    decoded = decode_text(_advert(name), catalog)
    top = decoded.roles[0]
    assert top.role_id == expected
    # a clear lead over the runner-up, not a coin toss
    assert top.score >= 1.5 * decoded.roles[1].score
    assert top.confidence >= 0.9


def test_a_title_naming_two_roles_ranks_both_first(catalog: Catalog) -> None:
    decoded = decode_text("Machine Learning Engineer, MLOps", catalog)
    assert {m.role_id for m in decoded.roles[:2]} == {"ml-engineer", "mlops-engineer"}
    # the profile asks for the higher requirement of the two leading roles
    mle, mlops = catalog.role("ml-engineer"), catalog.role("mlops-engineer")
    for skill in catalog.skill_ids:
        assert decoded.ratings[skill] == max(mle.requirement(skill).level, mlops.requirement(skill).level)


def test_evidence_and_scores(catalog: Catalog) -> None:
    decoded = decode_text(_advert("mlops-advert.txt"), catalog)
    top = decoded.roles[0]
    # the phrases as the advert writes them
    for words in (
        "MLOps Engineer",
        "model registry",
        "MLflow",
        "model monitoring",
        "data drift",
        "retraining",
    ):
        assert words in top.evidence
    assert {p.where for p in top.phrases} >= {"title", "intro"}
    assert sum(m.score for m in decoded.roles) == pytest.approx(1.0, abs=1e-3)
    assert [m.score for m in decoded.roles] == sorted((m.score for m in decoded.roles), reverse=True)
    assert sum(m.confidence for m in decoded.roles) <= 1.0 + 1e-3
    assert [m.confidence for m in decoded.roles] == sorted(
        (m.confidence for m in decoded.roles), reverse=True
    )


# --- 1. the lexicon: variants, forms read alike, short aliases -------------------------------


def test_spelled_out_and_abbreviated_forms_read_alike(catalog: Catalog) -> None:
    spelled = decode_text("Machine Learning Platform Engineer", catalog)
    short = decode_text("ML Platform Engineer", catalog)
    assert spelled.roles[0].role_id == short.roles[0].role_id == "ml-infrastructure-engineer"
    assert spelled.roles[0].points == short.roles[0].points
    # the evidence quotes the text, not the catalogue's alias
    assert spelled.roles[0].evidence[0] == "Machine Learning Platform Engineer"
    assert decode_text("Machine Learning Operations Engineer", catalog).roles[0].role_id == "mlops-engineer"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Analytics Engineering Lead", "data-engineer"),
        ("Data Engineering Manager", "data-engineer"),
        ("Head of Machine Learning Engineering", "ml-engineer"),
        ("Member of Technical Staff, Research Engineering", "research-engineer"),
        ("Developer Advocacy Lead", "developer-advocate"),
    ],
)
def test_ing_and_plural_forms(catalog: Catalog, title: str, expected: str) -> None:
    assert decode_text(title, catalog).roles[0].role_id == expected


def test_stem() -> None:
    pairs = {
        "engineering": "engineer",
        "engineers": "engineer",
        "models": "model",
        "modelling": "model",
        "modeling": "model",
        "shipping": "ship",
        "deployed": "deploy",
        "strategies": "strategy",
        "searches": "search",
        "business": "business",
        "kubernetes": "kubernet",
        "ops": "ops",
        "c++": "c++",
        "инженеры": "инженер",  # Russian words through the Snowball stemmer
        "инженера": "инженер",
        "مهندس": "مهندس",  # other scripts are kept as they are
    }
    assert {word: stem(word) for word in pairs} == pairs


def test_words_in_another_order_or_apart_name_a_role(catalog: Catalog) -> None:
    decoded = decode_text("Senior Software Engineer, ML Infrastructure", catalog)
    assert decoded.roles[0].role_id == "ml-infrastructure-engineer"
    # the more specific name wins: "ML infrastructure engineer" contains "ML engineer"
    assert "ml-engineer" not in {m.role_id for m in decoded.roles if m.phrases[0].where == "title"}
    # an exact name is not taken apart: this engineer is a sales engineer
    sales = decode_text("Sales Engineer, Data Platform", catalog)
    assert sales.roles[0].role_id == "ml-solutions-architect"
    assert sales.roles[0].evidence[0] == "Sales Engineer"
    # of two exact names, the first in the title is the job
    assert (
        decode_text("Product Manager, Data Science Platform", catalog).roles[0].role_id
        == "ml-product-manager"
    )


@pytest.mark.parametrize(
    ("text", "role", "counted"),
    [
        ("DS Intern", "data-scientist", True),
        ("MLE, Search Ranking", "ml-engineer", True),
        ("Ds Intern", "data-scientist", False),  # not as written
        ("Payments Engineer - PCI DSS", "data-scientist", False),  # inside a longer word
        ("Chef de Projet Data", "data-engineer", False),  # French "de"
        ("DATA PLATFORM TEAM - DIRECTION DE LA STRATEGIE", "data-engineer", False),  # a shouted title
        ("Platform Engineer\nYou will work with the DE team.", "data-engineer", False),  # only in a title
    ],
)
def test_short_aliases_count_only_as_whole_words_of_a_title_as_written(
    catalog: Catalog, text: str, role: str, counted: bool
) -> None:
    try:
        decoded = decode_text(text, catalog)
    except UsageError:
        assert not counted
        return
    names = {m.role_id for m in decoded.roles if any(p.where == "title" and p.points >= 8 for p in m.phrases)}
    assert (role in names) is counted


def test_the_built_in_catalogue_has_no_common_word_aliases(catalog: Catalog) -> None:
    from roleadvisor.catalog.validate import catalog_warnings

    assert catalog_warnings(catalog) == []


# --- 2. reading an advert like a recruiter ---------------------------------------------------


def test_colleagues_and_other_teams_are_not_the_job(catalog: Catalog) -> None:
    decoded = decode_text(
        "Data Engineer\nYou will work closely with data scientists, ML engineers and product managers, "
        "and support the research scientists. Our analytics engineers review every model. "
        "The data science team owns the experiments.",
        catalog,
    )
    assert decoded.roles[0].role_id == "data-engineer"
    ignored = {i.text: i.why for i in decoded.ignored}
    assert ignored == {
        "data scientists": "a colleague",
        "ML engineers": "a colleague",
        "product managers": "a colleague",
        "research scientists": "a colleague",
        "analytics engineers": "a colleague",
        "data science": "another team",
    }
    points = _points(decoded)
    for role in ("data-scientist", "ml-product-manager", "research-scientist"):
        assert all(p.where in {"skills"} for m in decoded.roles if m.role_id == role for p in m.phrases)
        assert points.get(role, 0.0) < points["data-engineer"] / 2


def test_the_job_named_in_the_body(catalog: Catalog) -> None:
    decoded = decode_text("We are looking for a data scientist to join our growth team.", catalog)
    assert not decoded.title_found  # a sentence, not a title
    assert decoded.roles[0].role_id == "data-scientist"
    assert decoded.roles[0].phrases[0].points == 4.0


def test_own_work_weighs_more_than_contact_or_a_wish(catalog: Catalog) -> None:
    own = decode_text("Platform\nYou will build model registry tooling.", catalog)
    wish = decode_text("Platform\nFamiliarity with a model registry is a plus.", catalog)
    plain = decode_text("Platform\nModel registry.", catalog)

    def registry(decoded: Decoded) -> float:
        top = next(m for m in decoded.roles if m.role_id == "mlops-engineer")
        return next(p.points for p in top.phrases if p.text.lower() == "model registry")

    assert registry(own) == 1.5 * registry(plain)
    assert registry(wish) == 0.5 * registry(plain)


def test_sections_weigh_their_words(catalog: Catalog) -> None:
    text = (
        "Platform Engineer\n\nResponsibilities\n- Own model monitoring\n\nNice to have:\n- Model registry\n\n"
        "Benefits\n- Retraining budget for your own courses\n"
    )
    decoded = decode_text(text, catalog)
    assert decoded.sections == ("duties", "bonus", "benefits")
    mlops = next(m for m in decoded.roles if m.role_id == "mlops-engineer")
    by_text = {p.text: p for p in mlops.phrases}
    assert by_text["model monitoring"].where == "duties"
    assert by_text["Model registry"].where == "bonus"
    assert "Retraining" not in by_text  # benefits count nothing


def test_cloud_words_alone_give_little_evidence(catalog: Catalog) -> None:
    decoded = decode_text("Azure, AWS, Kubernetes, Docker, Terraform, cloud, DevOps and scalability", catalog)
    assert decoded.little_evidence
    assert decoded.roles[0].confidence < 0.5
    # they still raise the level of the skill they belong to
    assert decoded.ratings["systems"] >= 3


@pytest.mark.parametrize(
    "name",
    ["mle-azure-cloud.txt", "de-azure-cloud.txt", "sa-cloud.txt", "infra-cloud-gpu.txt", "da-bi-azure.txt"],
)
def test_an_advert_full_of_cloud_words_is_not_mlops(catalog: Catalog, name: str) -> None:
    for text in (_advert(name), _body(name)):
        assert decode_text(text, catalog).roles[0].role_id != "mlops-engineer"


@pytest.mark.parametrize(
    "name", ["mle-recsys-unnamed.txt", "mle-llm-apps-unnamed.txt", "mle-azure-cloud.txt"]
)
def test_an_ml_engineer_advert_that_never_says_so(catalog: Catalog, name: str) -> None:
    body = _body(name)
    assert "ml engineer" not in body.lower() and "machine learning engineer" not in body.lower()
    assert decode_text(body, catalog).roles[0].role_id == "ml-engineer"


# --- seniority -------------------------------------------------------------------------------


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


@pytest.mark.parametrize(
    ("title", "shift", "min_weight"),
    [
        ("Senior Data Scientist", 1, 3),
        ("Sr. Data Scientist", 1, 3),
        ("Data Scientist III", 1, 3),
        ("Middle Data Scientist", 0, 2),
        ("Data Scientist II", 0, 2),
        ("Data Science Intern", -2, 2),
        ("Associate Product Manager", -1, 2),
        ("Lead Data Scientist", 1, 2),
    ],
)
def test_seniority_words(catalog: Catalog, title: str, shift: int, min_weight: float) -> None:
    decoded = decode_text(title, catalog)
    assert decoded.seniority_words
    assert (decoded.seniority_shift, decoded.seniority_min_weight) == (shift, min_weight)
    role = catalog.role(decoded.roles[0].role_id)
    for skill, req in role.requirements:
        moved = min(5, max(0, req.level + shift)) if req.weight >= min_weight else req.level
        assert decoded.ratings[skill] == moved, skill


def test_senior_moves_only_the_defining_skills(catalog: Catalog) -> None:
    decoded = decode_text("Senior Data Scientist", catalog)
    asks = {a.skill: a for a in decoded.skills}
    assert asks["stats"].level == 5 and "Senior: +1" in asks["stats"].reasons  # weight 3
    assert asks["databases"].level == 3  # weight 2: as for a mid-level data scientist


def test_look_alikes_of_seniority(catalog: Catalog) -> None:
    decoded = decode_text("Member of Technical Staff, Research Engineering", catalog)
    assert decoded.seniority_shift == 0
    assert decoded.seniority_words == ("Member of Technical Staff",)


def test_seniority_only_counts_in_the_title(catalog: Catalog) -> None:
    decoded = decode_text("Data Scientist\nYou will lead our experimentation work.", catalog)
    assert decoded.seniority_shift == 0


# --- 3. honest confidence --------------------------------------------------------------------


def test_confidence_follows_the_evidence(catalog: Catalog) -> None:
    named = decode_text("Data Engineer", catalog)
    vague = decode_text("SQL and Python", catalog)
    assert named.roles[0].confidence >= 0.9 and not named.little_evidence
    assert vague.roles[0].confidence < 0.5 and vague.little_evidence


def test_skill_words_raise_levels_without_a_role_name(catalog: Catalog) -> None:
    decoded = decode_text("Kubernetes, Terraform and Docker on AWS", catalog)
    assert decoded.ratings["systems"] >= 3
    asks = {a.skill: a for a in decoded.skills}
    assert set(asks["systems"].keywords) == {"kubernetes", "terraform", "docker", "aws"}
    assert decoded.roles[0].role_id in {"mlops-engineer", "ml-infrastructure-engineer", "framework-engineer"}


# --- odd text --------------------------------------------------------------------------------


def test_words_inside_other_words_do_not_match(catalog: Catalog) -> None:
    # "sql" must not match inside "mysqlx", nor "etl" inside "settle"
    with pytest.raises(UsageError, match="no role title and no skill keyword"):
        decode_text("we settle on mysqlx", catalog)


def test_nothing_recognised(catalog: Catalog) -> None:
    with pytest.raises(UsageError, match="no role title and no skill keyword"):
        decode_text("Chief Happiness Officer", catalog)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("".join(chr(ord(c) + 0xFEE0) for c in "Data") + " Scientist", "data-scientist"),  # full-width
        ("Senior Data Engineer\r\n\r\nResponsibilities:\r\n- build ETL pipelines\r\n", "data-engineer"),
        ("Sr\u00a0Data\u00a0Engineer", "data-engineer"),  # no-break spaces
        ("::::\n- - -\nDS", "data-scientist"),  # the title is the first line with a word
        ("مهندس یادگیری ماشین / ML Engineer", "ml-engineer"),  # Persian next to English
        ("ML-инженер / Machine Learning Engineer", "ml-engineer"),
    ],
)
def test_unicode_and_odd_layout(catalog: Catalog, text: str, role: str) -> None:
    assert decode_text(text, catalog).roles[0].role_id == role


def test_the_longest_text_decodes(catalog: Catalog) -> None:
    """The longest text decode accepts reads like the advert it repeats (its time: benchmarks/bench_decode.py)."""
    advert = _advert("mle-recsys-unnamed.txt")
    text = (advert * (MAX_TEXT_CHARS // len(advert) + 1))[:MAX_TEXT_CHARS]
    decoded = decode_text(text, catalog)
    assert decoded.roles[0].role_id == "ml-engineer"


def test_custom_lexicon_is_used(catalog_copy: Callable[..., Path]) -> None:
    def edit(data: dict[str, object]) -> None:
        roles = data["roles"]
        assert isinstance(roles, list)
        roles[0]["keywords"] = ["quokka wrangling"]

    decoded = decode_text("Quokka wrangling lead", load_catalog(catalog_copy(edit_roles=edit)))
    assert decoded.roles[0].role_id == "data-scientist"
    assert decoded.roles[0].evidence == ("Quokka wrangling",)
    assert decoded.seniority_shift == 1


def test_a_catalogue_without_decode_yaml_still_decodes(catalog_copy: Callable[..., Path]) -> None:
    target = catalog_copy()
    (target / "decode.yaml").unlink()
    bare = load_catalog(target)
    assert bare.reading.same == ()
    assert decode_text("Machine Learning Engineer", bare).roles[0].role_id == "ml-engineer"
    assert decode_text(_advert("de-advert.txt"), bare).roles[0].role_id == "data-engineer"


# --- the command ---------------------------------------------------------------------------


def test_cli_json_shape(invoke: Invoke) -> None:
    result = invoke("decode", "Staff ML Platform Engineer", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert list(data) == [
        "title",
        "roles",
        "profile",
        "skills",
        "seniority",
        "reading",
        "warnings",
        "catalog",
    ]
    top = data["roles"][0]
    assert list(top) == ["id", "title", "score", "evidence", "confidence", "phrases"]
    assert (top["id"], top["title"]) == (
        "ml-infrastructure-engineer",
        "ML Infrastructure / Platform Engineer",
    )
    assert top["evidence"][0] == "ML Platform Engineer"
    assert top["phrases"][0] == {"text": "ML Platform Engineer", "where": "title", "points": 10.0}
    assert top["confidence"] >= 0.9
    assert data["seniority"] == {"shift": 1, "words": ["Staff"], "min_weight": 2.0}
    assert data["reading"] == {
        "title_found": True,
        "sections": [],
        "ignored": [],
        "little_evidence": False,
        "words": 4,
        "recognised": 4,
        "little_understood": False,
        "note": None,
    }
    assert data["warnings"] == []
    assert set(data["profile"]) == {"name", "ratings"}


def test_cli_json_reading_of_an_advert(invoke: Invoke) -> None:
    result = invoke("decode", "--file", str(HERE / "ds-colleagues.txt"), "--format", "json")
    data = json.loads(result.stdout)
    assert data["roles"][0]["id"] == "data-scientist"
    assert data["reading"]["sections"] == ["duties", "requirements"]
    assert {"text": "ML engineers", "where": "duties", "role": "ml-engineer", "why": "a colleague"} in data[
        "reading"
    ]["ignored"]


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
    text = _advert("de-advert.txt")
    result = invoke("decode", "--format", "json", input=text)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["roles"][0]["id"] == "data-engineer"


def test_cli_table_explains_itself(invoke: Invoke) -> None:
    result = invoke("decode", "Staff ML Platform Engineer")
    assert result.exit_code == 0, result.output
    out = " ".join(result.stdout.split())
    assert "ML Infrastructure / Platform" in out
    assert "ml-infrastructure-engineer" in out
    assert "ML Platform Engineer (title)" in out  # the words that led there, and where
    assert "needs 3; Staff: +1" in out  # why a level was asked for
    assert "Seniority in the title: Staff" in out
    assert "Confidence: the estimated chance that this is the job's role" in out


def test_cli_table_of_an_advert(invoke: Invoke) -> None:
    result = invoke("decode", "--file", str(HERE / "mle-recsys-unnamed.txt"))
    out = " ".join(result.stdout.split())
    assert "Not counted as the job's own role: data scientists (a colleague)" in out
    assert "Sections read: about the company, duties, requirements." in out
    assert "(levels of defining skills (weight 3) moved by +1)" in out
    vague = invoke("decode", "Kubernetes and Terraform")
    assert "The text gave little evidence" in " ".join(vague.stdout.split())


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (["decode", "Chief Happiness Officer"], None, "error: decode found no role title"),
        (["decode", "   "], None, "error: the text to decode is empty"),
        (["decode", "x", "--file", "a.txt"], None, "error: give the text or --file, not both"),
        (["decode", "--file", "nope.txt"], None, "error: nope.txt: no such advert"),
        (
            ["decode", "--file", "-"],
            b"\x00\x01binary",
            "error: <stdin>: is a binary file, expected a text advert",
        ),
    ],
)
def test_cli_errors(invoke: Invoke, args: list[str], stdin: bytes | None, message: str) -> None:
    result = invoke(*args, input=stdin)
    assert result.exit_code == 2
    assert result.stderr.startswith(message)
    assert result.stdout == ""


def test_skill_mix_evidence_names_each_word_once(catalog: Catalog) -> None:
    """Two spellings of one keyword (quantization, quantisation) are one word in the evidence."""
    decoded = decode_text("ML engineer: PyTorch, quantization, quantisation, model training", catalog)
    for match in decoded.roles:
        for line in match.evidence:
            if line.startswith("skill mix: "):
                words = line.removeprefix("skill mix: ").split(", ")
                assert len(words) == len(set(words)), line
