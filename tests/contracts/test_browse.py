"""The browsing contracts: a role's other names in the reader's language first, titles for people
that stay out of the JSON."""

from __future__ import annotations

from roleadvisor.catalog.models import Catalog
from roleadvisor.contracts.browse import also_called, role_view, roles_view, written_in
from roleadvisor.records import replace


def test_written_in_tells_the_script() -> None:
    assert written_in("ML-инженер", "ru")
    assert written_in("مهندس MLOps", "fa")
    assert not written_in("ML engineer", "ru")
    assert not written_in("ML-инженер", "fa")
    assert not written_in("مهندس MLOps", "ru")
    assert not written_in("anything", "en")


def test_also_called_puts_the_language_s_names_first(catalog: Catalog) -> None:
    role = replace(
        catalog.role("mlops-engineer"),
        title="MLOps-инженер",
        translated_names=("MLOps-инженер", "инженер MLOps", "مهندس MLOps", "متخصص MLOps"),
    )
    names = also_called(role, "ru")
    assert names[0] == "инженер MLOps"  # the shown title is not repeated, the Persian names are not shown
    assert "مهندس MLOps" not in names and "MLOps-инженер" not in names
    assert names[1:] == list(role.aliases)
    assert (
        also_called(replace(role, translated_names=("mlops-ИНЖЕНЕР", "инженер MLOps")), "ru")[0]
        == "инженер MLOps"
    )
    persian = also_called(role, "fa")
    assert persian[:2] == ["مهندس MLOps", "متخصص MLOps"]


def test_also_called_in_english_is_the_aliases(catalog: Catalog) -> None:
    for role in catalog.roles:
        assert also_called(role, "en") == list(role.aliases)


def test_titles_for_people_stay_out_of_the_json(catalog: Catalog) -> None:
    view = role_view(catalog, catalog.role("mlops-engineer"), language="ru")
    data = view.to_data()
    assert "also_called" not in data
    assert all(
        set(d) == {"skill", "this_role", "other_role"} for n in data["closest"] for d in n["differences"]
    )
    assert view.closest[0].differences[0].title == catalog.skill(view.closest[0].differences[0].skill).title
    rows = roles_view(catalog)
    row = rows.roles[0]
    assert row.stage_titles == [catalog.stage(s).title for s in row.stages]
    assert row.top_skills[0].title == catalog.skill(row.top_skills[0].skill).title
    first = rows.to_data()["roles"][0]
    assert "stage_titles" not in first and set(first["top_skills"][0]) == {"skill", "level", "weight"}
