"""``@record`` behaves like the ``@dataclass`` uses it replaces."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from roleadvisor.records import fields, is_record, record, replace


@record
class Point:
    x: int
    y: int = 0
    tags: tuple[str, ...] = ()
    cache: dict[str, int] = dataclasses.field(default_factory=dict, compare=False, repr=False)


@record(frozen=False, eq=False, kw_only=True)
class Loose:
    name: str
    note: str = dataclasses.field(default="", metadata={"json": False})


@record
class Derived:
    a: int
    double: int = dataclasses.field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "double", self.a * 2)


@dataclasses.dataclass(frozen=True)
class PointDC:
    x: int
    y: int = 0
    tags: tuple[str, ...] = ()
    cache: dict[str, int] = dataclasses.field(default_factory=dict, compare=False, repr=False)


@given(st.integers(), st.integers(), st.lists(st.text(max_size=3), max_size=3))
def test_like_a_frozen_dataclass(x: int, y: int, tags: list[str]) -> None:
    ours, theirs = Point(x, y, tuple(tags)), PointDC(x, y, tuple(tags))
    assert repr(ours).replace("Point(", "") == repr(theirs).replace("PointDC(", "")
    assert ours == Point(x=x, y=y, tags=tuple(tags)) and hash(ours) == hash(Point(x, y, tuple(tags)))
    assert (ours == Point(x + 1, y, tuple(tags))) is False


def test_defaults_factories_and_frozen() -> None:
    a, b = Point(1), Point(1)
    assert a.y == 0 and a.cache == {} and a.cache is not b.cache
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.x = 2  # type: ignore[misc]
    with pytest.raises(TypeError, match="missing argument 'x'"):
        Point()  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="unexpected argument 'z'"):
        Point(1, z=2)  # type: ignore[call-arg]


def test_keyword_only_unfrozen_without_eq() -> None:
    item = Loose(name="a")
    item.name = "b"
    assert item != Loose(name="b")  # identity, as with eq=False
    with pytest.raises(TypeError, match="keyword arguments only"):
        Loose("a")  # type: ignore[misc]
    assert [f.name for f in fields(item)] == ["name", "note"]
    assert fields(item)[1].metadata == {"json": False}


def test_derived_fields_and_replace() -> None:
    d = Derived(3)
    assert d.double == 6
    assert replace(d, a=5).double == 10
    assert replace(Point(1, 2), y=9) == Point(1, 9)
    assert is_record(d) and not is_record(Derived) and not is_record(3)
