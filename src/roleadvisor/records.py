"""``@record``: dataclass-style classes without the cost of defining them.

``@dataclass`` writes Python source for ``__init__``, ``__repr__`` and ``__eq__``
(frozen classes add ``__setattr__``, ``__delattr__`` and ``__hash__``) and
compiles it, for every class: 0.1-0.4 ms each, and a roleadvisor command
defines 40-50 such classes before it prints anything (a quarter of its own
start-up time). ``record`` gives the same behaviour with methods shared by all
records, so defining a class costs next to nothing.

What it supports, which is all roleadvisor uses: fields from class annotations
(``ClassVar`` ones skipped), defaults and ``dataclasses.field(default=...,
default_factory=..., init=..., compare=..., repr=..., metadata=...)``, positional or
keyword construction (``kw_only=True`` for keyword only), ``__post_init__``,
``frozen`` (default ``True``) and ``eq`` (default ``True``; a frozen record with
``eq`` is hashable). ``fields`` and ``replace`` stand in for their
``dataclasses`` namesakes. Type checkers read ``record`` as a dataclass
(PEP 681). Stdlib only.
"""

from __future__ import annotations

import dataclasses

TYPE_CHECKING = False  # no typing import at start-up; type checkers read this as True
if TYPE_CHECKING:
    from collections.abc import Callable, Mapping
    from typing import Any, TypeVar

    from typing_extensions import dataclass_transform

    T = TypeVar("T")
else:

    def dataclass_transform(**_options: object) -> object:
        return lambda function: function


MISSING = dataclasses.MISSING


class Field:
    """One field of a record: its name, default (or factory) and how it takes part in eq and repr."""

    __slots__ = ("compare", "default", "factory", "init", "metadata", "name", "repr")

    def __init__(
        self,
        name: str,
        default: object = MISSING,
        factory: Callable[[], object] | None = None,
        *,
        compare: bool = True,
        repr: bool = True,
        init: bool = True,
        metadata: Mapping[str, object] | None = None,
    ) -> None:
        self.name = name
        self.init = init
        self.default = default
        self.factory = factory
        self.compare = compare
        self.repr = repr
        self.metadata: Mapping[str, object] = metadata or {}


def fields(value: object) -> tuple[Field, ...]:
    """The fields of a record class or instance, in definition order."""
    found: tuple[Field, ...] | None = getattr(value, "__record_fields__", None)
    if found is None:
        raise TypeError(f"{type(value).__name__} is not a record")
    return found


def is_record(value: object) -> bool:
    """Whether ``value`` is a record instance (not a record class)."""
    return hasattr(value, "__record_fields__") and not isinstance(value, type)


def replace(value: T, **changes: object) -> T:
    """A copy of record ``value`` with some fields changed (``__post_init__`` runs again)."""
    current = {f.name: getattr(value, f.name) for f in fields(value) if f.init}
    current.update(changes)
    return type(value)(**current)


def field_spec(name: str, annotation: object, raw: object) -> Field | None:
    """The ``Field`` for a class attribute, or ``None`` for a ``ClassVar``."""
    if "ClassVar" in str(annotation):
        return None
    if isinstance(raw, dataclasses.Field):
        factory = None if raw.default_factory is MISSING else raw.default_factory
        return Field(
            name,
            raw.default,
            factory,
            compare=raw.compare,
            repr=bool(raw.repr),
            init=raw.init,
            metadata=raw.metadata,
        )
    return Field(name, raw)


def _init(self: Any, *args: object, **kwargs: object) -> None:  # noqa: ANN401 - any record
    cls = type(self)
    specs: tuple[Field, ...] = cls.__record_init_fields__
    if args:
        if cls.__record_kw_only__:
            raise TypeError(f"{cls.__name__}() takes keyword arguments only")
        if len(args) > len(specs):
            raise TypeError(f"{cls.__name__}() takes {len(specs)} arguments, got {len(args)}")
        for spec, value in zip(specs, args, strict=False):
            if spec.name in kwargs:
                raise TypeError(f"{cls.__name__}() got {spec.name!r} twice")
            kwargs[spec.name] = value
    for spec in specs:
        if spec.name in kwargs:
            value = kwargs.pop(spec.name)
        elif spec.factory is not None:
            value = spec.factory()
        elif spec.default is not MISSING:
            value = spec.default
        else:
            raise TypeError(f"{cls.__name__}() missing argument {spec.name!r}")
        object.__setattr__(self, spec.name, value)
    if kwargs:
        raise TypeError(f"{cls.__name__}() got unexpected argument {next(iter(kwargs))!r}")
    for spec in cls.__record_derived_fields__:  # init=False: a default, or set by __post_init__
        if spec.factory is not None:
            object.__setattr__(self, spec.name, spec.factory())
        elif spec.default is not MISSING:
            object.__setattr__(self, spec.name, spec.default)
    post = getattr(self, "__post_init__", None)
    if post is not None:
        post()


def _repr(self: object) -> str:
    shown = ", ".join(f"{f.name}={getattr(self, f.name)!r}" for f in fields(self) if f.repr)
    return f"{type(self).__qualname__}({shown})"


def _key(self: object) -> tuple[object, ...]:
    return tuple(getattr(self, f.name) for f in fields(self) if f.compare)


def _eq(self: object, other: object) -> bool:
    return type(other) is type(self) and _key(self) == _key(other)


def _hash(self: object) -> int:
    return hash(_key(self))


def _frozen_setattr(self: object, name: str, value: object) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot assign to {name!r} of a frozen {type(self).__name__}")


def _frozen_delattr(self: object, name: str) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot delete {name!r} of a frozen {type(self).__name__}")


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field,))
def record(
    cls: type[T] | None = None,
    /,
    *,
    frozen: bool = True,
    eq: bool = True,
    kw_only: bool = False,
) -> Any:  # noqa: ANN401 - a class, or a decorator of classes, as with @dataclass
    """Make ``cls`` a record; use as ``@record`` or ``@record(frozen=False, eq=False, kw_only=True)``."""

    def build(target: type[T]) -> type[T]:
        specs: dict[str, Field] = {}
        for base in reversed(target.__mro__[1:]):
            for spec in getattr(base, "__record_fields__", ()):
                specs[spec.name] = spec
        own = target.__dict__.get("__annotations__", {})  # noqa: RUF063 - inspect costs ~6 ms to import
        for name, annotation in own.items():
            raw = target.__dict__.get(name, MISSING)
            spec = field_spec(name, annotation, raw)
            if spec is None:
                continue
            specs[name] = spec
            if isinstance(raw, dataclasses.Field):
                delattr(target, name)  # the instance attribute is set by __init__
        namespace: dict[str, object] = {
            "__record_fields__": tuple(specs.values()),
            "__record_init_fields__": tuple(s for s in specs.values() if s.init),
            "__record_derived_fields__": tuple(s for s in specs.values() if not s.init),
            "__record_kw_only__": kw_only,
            "__match_args__": tuple(name for name, s in specs.items() if s.init),
            "__init__": _init,
            "__repr__": _repr,
        }
        if eq:
            namespace["__eq__"] = _eq
            namespace["__hash__"] = _hash if frozen else None
        if frozen:
            namespace["__setattr__"] = _frozen_setattr
            namespace["__delattr__"] = _frozen_delattr
        for name, value in namespace.items():
            if name == "__repr__" and "__repr__" in target.__dict__:
                continue
            setattr(target, name, value)
        return target

    return build if cls is None else build(cls)
