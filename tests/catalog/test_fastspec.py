"""fastspec reads exactly-right catalogue files as the pydantic models would, and nothing more."""

from __future__ import annotations

import copy
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from roleadvisor.catalog import fastspec, files
from roleadvisor.catalog.loader import builtin_catalog_dir

READERS = {
    "lifecycle.yaml": (fastspec.lifecycle_file, files.LifecycleFile),
    "roles.yaml": (fastspec.roles_file, files.RolesFile),
    "resources.yaml": (fastspec.resources_file, files.ResourcesFile),
}
ODD_VALUES = [
    None,
    True,
    0,
    -1,
    11,
    2.5,
    float("nan"),
    "",
    "  ",
    "Bad Id",
    "x\n",
    "ok",
    [],
    {},
    [1],
    {"a": 1},
]


def _data(name: str) -> Any:
    return yaml.safe_load((builtin_catalog_dir() / name).read_text(encoding="utf-8"))


def _same(fast: Any, model: type[BaseModel], data: Any) -> None:
    """If fastspec accepts ``data``, pydantic accepts it too, with the same values."""
    got = fast(data)
    try:
        checked = model.model_validate(data)
    except ValidationError:
        assert got is None, "fastspec accepted what pydantic refuses"
        return
    if got is not None:
        assert got == fast(checked.model_dump())


@pytest.mark.parametrize("name", sorted(READERS))
def test_the_built_in_files_are_read_without_pydantic_and_alike(name: str) -> None:
    fast, model = READERS[name]
    data = _data(name)
    assert fast(data) is not None
    _same(fast, model, data)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, item in value.items():
            out += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for i, item in enumerate(value[:3]):
            out += _paths(item, (*prefix, i))
    return out


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_a_changed_value_is_never_accepted_when_pydantic_refuses_it(data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(sorted(READERS)))
    fast, model = READERS[name]
    doc = copy.deepcopy(_data(name))
    path = data.draw(st.sampled_from(_paths(doc)))
    target = doc
    for key in path[:-1]:
        target = target[key]
    action = data.draw(st.sampled_from(["replace", "delete", "extra"]))
    if action == "replace":
        target[path[-1]] = data.draw(st.sampled_from(ODD_VALUES))
    elif action == "delete" and isinstance(target, dict):
        del target[path[-1]]
    elif isinstance(target, dict):
        target["unexpected"] = 1
    _same(fast, model, doc)
