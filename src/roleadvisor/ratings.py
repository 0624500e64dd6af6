"""The one rule for a ratings record, shared by profile files, ``--rate``, batch rows and the API.

A skill is named by its id or its title, in any case and with any punctuation
(``ml``, ``ML``, ``Statistics``, ``subject-matter expertise``); anything else is
an error with one did-you-mean, never a guess, because a silently substituted
skill would corrupt the result. A level is a whole number on the catalogue's
scale, given as an int, an integral float or a numeric string, or one of the
scale's labels (``beginner``) in any case with any surrounding spaces, where the
caller passes the labels (the prompt, ``--rate`` and profile files do; batch rows
and the API take numbers). Text that reads as a number is always a number, so a
label that looks like one (``"1"``) never changes what a number means, and a
label two levels share names neither.

Half levels, one policy everywhere (``assess`` with ``--rate``, profile files and the
prompt, every ``batch`` format, the Python API): a value exactly halfway between two
levels of the scale (``3.5``, ``"3.5"``) is read as the lower one, the level the
person fully reaches, since advice must never assume a skill not yet held. The
caller is told (``HalfLevel``; ``noting_half_levels`` collects them for a whole
command). Any other fraction (``3.2``, ``3.75``) is an error that states this rule.

Stdlib only (``levels_of_numbers``, the vectorised form for the API, works on the
NumPy array it is given through the array's own operators); rapidfuzz is imported
only to build a did-you-mean on the error path.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from roleadvisor import i18n
from roleadvisor.catalog.models import Catalog
from roleadvisor.errors import RatingError
from roleadvisor.i18n import _, ngettext
from roleadvisor.records import record
from roleadvisor.text import fold

Numbers = Any  # a NumPy array (this module imports no NumPy; see tests/test_layers.py)

MAX_NUMBER_CHARS = 40  # longer numeric text is not a level; refuse before converting it
RECORD_KEYS = ("id", "name", "ratings")


@record
class SkillKeys:
    """What a rating may call each skill of a catalogue, mapped to the skill id."""

    ids: tuple[str, ...]
    top: int
    _names: dict[str, str] = field(default_factory=dict, compare=False, repr=False)
    labels: tuple[str, ...] = ()
    _catalog: Catalog | None = field(default=None, compare=False, repr=False)
    _other: list[tuple[str, ...]] = field(default_factory=list, compare=False, repr=False)

    @classmethod
    def of(cls, catalog: Catalog) -> SkillKeys:
        """The keys of ``catalog``: each skill's id and its title in every language the catalogue
        has, folded; the scale's labels, and in other languages. The names and the other
        languages' labels are gathered on first use: ratings given by id and number need neither."""
        return cls(
            ids=catalog.skill_ids, top=catalog.scale.max, labels=tuple(catalog.scale.labels), _catalog=catalog
        )

    def _gather_names(self) -> None:
        catalog = self._catalog
        if catalog is None or self._names:
            return
        titles = [catalog.translations(language) for language in catalog.languages]
        for skill in catalog.skills:
            names = [skill.id, skill.title, *(t.get(f"skills.{skill.id}.title", "") for t in titles)]
            for name in names:
                key = fold(name)
                if key:  # a name of no letters or digits names nothing
                    self._names.setdefault(key, skill.id)

    def other_labels(self) -> list[tuple[str, ...]]:
        """The scale's labels in the catalogue's other languages (see ``other_labels``), gathered once."""
        if self._catalog is not None and not self._other:
            self._other.extend(other_labels(self._catalog))
        return self._other

    def get(self, name: object) -> str | None:
        """The skill id ``name`` stands for, or ``None``."""
        if not isinstance(name, str):
            return None
        if name in self.ids:
            return name
        self._gather_names()
        key = fold(name)
        return self._names.get(key) if key else None

    def resolve(self, name: object, *, source: str = "") -> str:
        """The skill id ``name`` stands for, or a ``RatingError`` with a did-you-mean."""
        found = self.get(name)
        if found is not None:
            return found
        raise RatingError(f"{_prefix(source)}{self.unknown(name)}")

    def unknown(self, name: object) -> str:
        """``unknown skill 'mll'; did you mean 'ml'? (skills: ...)`` for a key that names no skill."""
        from roleadvisor.lookup import did_you_mean

        text = str(name)
        hint = did_you_mean(text[:100], self.ids)
        if hint:
            return _("unknown skill {name}; did you mean {hint}? (skills: {skills})").format(
                name=_shown(text), hint=repr(hint), skills=i18n.join(self.ids)
            )
        return _("unknown skill {name} (skills: {skills})").format(
            name=_shown(text), skills=i18n.join(self.ids)
        )


def _prefix(source: str) -> str:
    return f"{source}: " if source else ""


SHOWN_CHARS = 40  # a value quoted in a message is cut to this many characters


def cut(text: str, limit: int = SHOWN_CHARS) -> str:
    """``text`` cut to ``limit`` characters, its full length said when cut: the rule for echoing input."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]}... ({len(text):,} characters)"


def _shown(value: object) -> str:
    """``repr(value)`` for a message, cut (see ``cut``)."""
    return cut(repr(value))


def label_key(text: str) -> str:
    """How an answer is compared with a scale label: any case, runs of spaces as one, none around."""
    return " ".join(text.casefold().split())


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


OtherLabels = Sequence[Sequence[str]] | Callable[[], Sequence[Sequence[str]]]


def level_of_label(text: str, labels: Sequence[str], other: OtherLabels = ()) -> int | None:
    """The level whose label ``text`` is (see ``label_key``), else ``None``.

    ``labels`` first, then each list in ``other`` (the same scale in other languages,
    so a profile written with English labels reads the same in Russian). A label that
    reads as a number, or that two levels of one list share, is no label: it names nothing.
    """
    key = label_key(text)
    if not key or _is_number(key):
        return None
    for names in (labels, *(other() if callable(other) else other)):
        found = [level for level, label in enumerate(names) if label_key(label) == key]
        if len(found) == 1:
            return found[0]
    return None


def other_labels(catalog: Catalog) -> tuple[tuple[str, ...], ...]:
    """The scale's labels in each of the catalogue's languages, other than those shown."""
    shown = tuple(catalog.scale.labels)
    out: list[tuple[str, ...]] = []
    for language in catalog.languages:
        t = catalog.translations(language)
        names = tuple(t.get(f"scale.labels.{level}", label) for level, label in enumerate(shown))
        if names != shown and names not in out:
            out.append(names)
    return tuple(out)


def usable_labels(labels: Sequence[str]) -> list[str]:
    """The labels that name a level (see ``level_of_label``), lowest level first."""
    return [label for label in labels if level_of_label(label, labels) is not None]


def accepted(top: int, labels: Sequence[str] = ()) -> str:
    """What a level may be: ``a whole number 0-5`` or ``... or a label (none, aware, ...)``."""
    usable = usable_labels(labels)
    if not usable:
        return _("a whole number 0-{top}").format(top=i18n.number(top))
    return _("a whole number 0-{top} or a label ({labels})").format(
        top=i18n.number(top), labels=i18n.join(usable)
    )


@dataclass(frozen=True)
class HalfLevel:
    """A rating given halfway between two levels, and the level it was read as (the lower one)."""

    skill: str
    value: str  # as given, shown plainly: ``3.5``
    level: int


_NOTED: ContextVar[list[HalfLevel] | None] = ContextVar("roleadvisor_half_levels", default=None)


@contextmanager
def noting_half_levels() -> Iterator[list[HalfLevel]]:
    """Collect every half level ``parse_level`` reads inside the block (a command's whole input)."""
    noted: list[HalfLevel] = []
    token = _NOTED.set(noted)
    try:
        yield noted
    finally:
        _NOTED.reset(token)


def half_level(number: float, top: int) -> int | None:
    """The lower level when ``number`` is exactly halfway between two levels of 0..top, else ``None``."""
    if not math.isfinite(number) or not 0 < number < top:
        return None
    doubled = number * 2
    if not doubled.is_integer() or int(doubled) % 2 == 0:
        return None
    return math.floor(number)


def half_level_note(half: HalfLevel) -> str:
    """What the person is told about one half level (``assess``)."""
    return _(
        "rating for {skill} is {value}, between two levels: read as {level}, the level fully reached"
    ).format(skill=repr(half.skill), value=half.value, level=i18n.number(half.level))


def half_levels_note(count: int, example: HalfLevel | None = None) -> str:
    """``12 half levels read as the level below (3.5 -> 3)``: the count for many ratings at once."""
    text = ngettext(
        "{count} half level read as the level below", "{count} half levels read as the level below", count
    ).format(count=i18n.number(count))
    if example is None:
        return text
    return f"{text} ({example.value} -> {example.level})"


def plain(value: object) -> str:
    """A value as a message shows it: ``nan``, ``3.7``, ``'abc'``; NumPy scalars as Python's own."""
    item = getattr(value, "item", None)
    if callable(item) and not isinstance(value, str | bytes):
        with suppress(TypeError, ValueError):
            value = item()
    if isinstance(value, float) and not math.isfinite(value):
        return "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf")
    return cut(repr(value))


def parse_level(
    value: object,
    *,
    skill: str,
    top: int,
    source: str = "",
    labels: Sequence[str] = (),
    other: OtherLabels = (),
    halves: list[HalfLevel] | None = None,
) -> int:
    """A level 0..top from an int, an integral float, a numeric string or (when given) a label.

    ``labels`` are the scale's labels, level 0 first; without them only numbers are levels,
    and the messages say exactly what they said before labels existed. A half level
    (``3.5``) is read as the level below and recorded in ``halves``, or else in the list
    of an enclosing ``noting_half_levels``.
    """
    what = _prefix(source) + _("rating for {skill}").format(skill=repr(skill))
    if isinstance(value, bool) or value is None:
        raise RatingError(
            _("{what} is {value}, not a number; use {accepted}").format(
                what=what, value=_shown(value), accepted=accepted(top, labels)
            )
        )
    number: float
    if isinstance(value, str):
        text = value.strip()
        if len(text) > MAX_NUMBER_CHARS:
            level = level_of_label(text, labels, other)  # a custom scale's label may be long
            if level is not None:
                return level
            raise RatingError(
                _("{what} is {value}; use {accepted}").format(
                    what=what, value=_shown(value), accepted=accepted(top, labels)
                )
            )
        try:
            number = int(text)
        except ValueError:
            try:
                number = float(text)
            except ValueError:
                level = level_of_label(text, labels, other)
                if level is not None:
                    return level
                message = (
                    _("{what} is {value}, not a number or a label; use {accepted}")
                    if usable_labels(labels)
                    else _("{what} is {value}, not a number; use {accepted}")
                )
                raise RatingError(
                    message.format(what=what, value=_shown(value), accepted=accepted(top, labels))
                ) from None
    elif isinstance(value, int | float):
        number = value
    else:
        raise RatingError(
            _("{what} must be {accepted}, got a {type}").format(
                what=what, accepted=accepted(top, labels), type=type(value).__name__
            )
        )
    if isinstance(number, float) and (not math.isfinite(number) or not number.is_integer()):
        lower = half_level(number, top)
        if lower is not None:
            noted = halves if halves is not None else _NOTED.get()
            if noted is not None:
                shown = value.strip() if isinstance(value, str) else plain(value)
                noted.append(HalfLevel(skill=skill, value=cut(shown), level=lower))
            return lower
        message = (
            _(
                "{what} is {value}; levels are whole numbers 0-{top} "
                "(a value halfway between two, such as 3.5, is read as the lower level)"
            )
            if math.isfinite(number)
            else _("{what} is {value}; levels are whole numbers 0-{top}")
        )
        raise RatingError(message.format(what=what, value=plain(value), top=i18n.number(top)))
    level = int(number)
    if not 0 <= level <= top:
        raise RatingError(
            _("{what} is {value}, outside the scale 0-{top}").format(
                what=what, value=_shown(level), top=i18n.number(top)
            )
        )
    return level


def levels_of_numbers(values: Numbers, top: int) -> tuple[Numbers, Numbers, Numbers]:
    """``parse_level`` for a float array of numbers at once: (levels, half, bad).

    ``levels`` (int16) holds each valid value's level (a half level read as the one below,
    as ``half`` marks) and 0 where ``bad``; a bad value's message comes from ``level_or_error``.
    """
    finite = abs(values) < math.inf  # False for NaN and infinities
    safe = values.copy()
    safe[~finite] = -1.0
    whole = finite & (safe == safe.round()) & (safe >= 0) & (safe <= top)
    doubled = safe * 2
    half = finite & ~whole & (doubled == doubled.round()) & (safe > 0) & (safe < top)
    valid = whole | half
    safe[~valid] = 0.0
    return (safe // 1).astype("int16"), half, ~valid


def level_or_error(
    value: object,
    skill: str,
    top: int,
    labels: Sequence[str] = (),
    halves: list[HalfLevel] | None = None,
) -> int | str:
    """A valid level, or the message saying why ``value`` is not one (batch rows, the API).

    A half level is read as the level below and recorded in ``halves`` (see ``parse_level``).
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return _("missing rating for {skill}").format(skill=repr(skill))
    try:
        return parse_level(value, skill=skill, top=top, labels=labels, halves=halves)
    except RatingError as exc:
        return exc.message


DECIMAL_COMMA = re.compile(r"\s*[+-]?\d+,\d+\s*")  # "3,5": a spreadsheet's decimal comma


def decimal_comma_problem(value: object, skill: str, top: int, note: str = "") -> str | None:
    """What is wrong with a level written with a decimal comma (``"3,5"``), or ``None`` if it is not one.

    A spreadsheet in a language that writes 3,5 for 3.5 hands the value over as text:
    the message says so, and what the number written with a point would be, rather
    than calling it not a number. ``note`` follows "decimal comma" (the CSV reader
    says there how it split the line). The same words in batch, cohort, rank and the API.
    """
    if not (isinstance(value, str) and DECIMAL_COMMA.fullmatch(value)):
        return None
    point = value.strip().replace(",", ".")
    outcome = level_or_error(point, skill, top, halves=[])  # a problem is no half level to tell of
    advice = (
        _("write it with a decimal point: {value}").format(value=point)
        if isinstance(outcome, int)
        else _("with a decimal point it is not a level either ({problem})").format(problem=outcome)
    )
    return _("rating for {skill} is {value}, a number with a decimal comma{note}; {advice}").format(
        skill=repr(skill), value=cut(repr(value)), note=note, advice=advice
    )


def ratings_from_mapping(
    raw: Mapping[object, object], keys: SkillKeys, *, source: str = ""
) -> dict[str, int]:
    """``{"Statistics": 2, "ml": "3"}`` -> ``{"stats": 2, "ml": 3}``; the first problem raises.

    Two keys naming the same skill (``ml`` and ``ML``) are an error, not a silent overwrite.
    """
    out: dict[str, int] = {}
    for key, value in raw.items():
        skill = keys.resolve(key, source=source)
        if skill in out:
            raise RatingError(
                _prefix(source)
                + _("skill {skill} is rated twice (as {key} too)").format(skill=repr(skill), key=_shown(key))
            )
        out[skill] = parse_level(
            value, skill=skill, top=keys.top, source=source, labels=keys.labels, other=keys.other_labels
        )
    return out


def record_values(record: Mapping[object, object], keys: SkillKeys) -> tuple[dict[str, object], str | None]:
    """Raw values by skill id from a batch or API record, and the problem with its keys if any.

    A record is ``{"id": ..., "name": ..., "ratings": {skill: level}}`` or flat
    ``{"id": ..., skill: level, ...}``. Values are not checked here (see ``level_or_error``).
    """
    if "ratings" in record:
        raw = record["ratings"]
        extra = [k for k in record if k not in RECORD_KEYS]
        if not isinstance(raw, Mapping):
            return {}, "ratings must be an object of skill: level"
    else:
        raw = {k: v for k, v in record.items() if k not in ("id", "name")}
        extra = []
    values: dict[str, object] = {}
    problems: list[str] = []
    for key, value in raw.items():
        skill = keys.get(key)
        if skill is None:
            problems.append(keys.unknown(key))
        elif skill in values:
            problems.append(
                _("skill {skill} is rated twice (as {key} too)").format(skill=repr(skill), key=_shown(key))
            )
        else:
            values[skill] = value
    problems += [f"unknown key {_shown(k)} next to 'ratings'" for k in extra]
    return values, ("; ".join(problems) if problems else None)


def parse_rate_options(options: Iterable[str], catalog: Catalog) -> dict[str, int]:
    """``["ml=3", "Statistics=beginner"]`` -> ``{"ml": 3, "stats": 2}``; later options win."""
    keys = SkillKeys.of(catalog)
    out: dict[str, int] = {}
    for option in options:
        skill_text, sep, level_text = option.partition("=")
        if not sep or not skill_text.strip() or not level_text.strip():
            raise RatingError(
                _("--rate {value}: expected SKILL=LEVEL, for example --rate ml=3").format(
                    value=_shown(option)
                )
            )
        skill = keys.resolve(skill_text.strip(), source="--rate")
        out[skill] = parse_level(
            level_text,
            skill=skill,
            top=catalog.scale.max,
            source="--rate",
            labels=catalog.scale.labels,
            other=keys.other_labels,
        )
    return out
