"""How numbers, lists and titles are said in prose and tables: one place, so every format says them
alike, in the active language (``roleadvisor.i18n``)."""

from __future__ import annotations

from roleadvisor import i18n
from roleadvisor.i18n import _, ngettext


def percent(fit: float) -> str:
    """``0.9149`` -> ``"91%"`` (``"91 %"`` in Russian, ``"۹۱٪"`` in Persian)."""
    return i18n.percent(fit)


def number(value: float, decimals: int = 0) -> str:
    """A number as the active language writes it (Persian digits in Persian)."""
    return i18n.number(value, decimals)


def signed(value: float, decimals: int = 0) -> str:
    """``2`` -> ``"+2"``, ``-0.5`` -> ``"-0.5"`` (one decimal), in the active language's digits."""
    sign = "+" if value >= 0 else "-"
    return sign + i18n.number(abs(value), decimals)


def levels(value: int) -> str:
    """``1`` -> ``"1 level"``, ``7`` -> ``"7 levels"`` (learning, in levels of the scale)."""
    return ngettext("{count} level", "{count} levels", value).format(count=i18n.number(value))


def ordinal(n: int) -> str:
    """``5`` -> ``"5th"`` in English; a plain number elsewhere (the sentence around it says "place")."""
    if i18n.current() != i18n.ENGLISH:
        return i18n.number(n)
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def lower_first(text: str) -> str:
    """``"Ships a service"`` -> ``"ships a service"`` (to continue a sentence).

    Russian keeps a leading abbreviation (``"ML-инженер"``); Persian has no letter case.
    """
    language = i18n.current()
    if language == "fa" or not text:
        return text
    if language != i18n.ENGLISH and text[1:2].isupper():
        return text
    return text[:1].lower() + text[1:]


def lower_title(text: str) -> str:
    """A catalogue title inside a sentence: ``"Machine learning"`` -> ``"machine learning"``.

    English lower-cases it all; Russian every word but abbreviations (``"SQL"``,
    ``"ML-платформа"``); Persian has no letter case.
    """
    language = i18n.current()
    if language == i18n.ENGLISH:
        return text.lower()
    if language == "fa":
        return text
    return " ".join(word if sum(c.isupper() for c in word) > 1 else word.lower() for word in text.split(" "))


def commas(items: list[str]) -> str:
    """``["a", "b", "c"]`` -> ``"a, b, c"`` (Persian separates with «،»)."""
    if not items:
        return ""
    out = items[0]
    for item in items[1:]:
        out = _("{items}, {item}").format(items=out, item=item)
    return out


def listing(items: list[str]) -> str:
    """``["a"]`` -> ``"a"``; ``["a", "b", "c"]`` -> ``"a, b and c"`` (``«a, b и c»``, ``«a، b و c»``)."""
    if len(items) <= 1:
        return "".join(items)
    return _("{items} and {last}").format(items=commas(items[:-1]), last=items[-1])


def clauses(*parts: str) -> str:
    """Clauses of one sentence: ``"a; b"`` (Persian separates with «؛»)."""
    out = parts[0]
    for part in parts[1:]:
        out = _("{first}; {second}").format(first=out, second=part)
    return out


def gap(skill: str, have: int, need: int) -> str:
    """``"algorithms 3→4"``: a skill from the level you have to the level a role needs."""
    return _("{skill} {have}→{need}").format(skill=skill, have=i18n.number(have), need=i18n.number(need))


def kind(value: str) -> str:
    """A resource kind as people read it (``"book"`` -> ``"книга"``); an unknown kind as it is."""
    kinds = {
        "book": _("book"),
        "course": _("course"),
        "video": _("video"),
        "community": _("community"),
        "practice": _("practice"),
        "article": _("article"),
    }
    return kinds.get(value, value)


def family(value: str) -> str:
    """A role family as people read it (the built-in ``core``, ``research``, ``adjacent``), else as it is."""
    names = {"core": _("core"), "research": _("research"), "adjacent": _("adjacent")}
    return names.get(value, value)


def resource(title: str, kind_id: str) -> str:
    """``"Deep Learning (Goodfellow) [book]"``."""
    return _("{title} [{kind}]").format(title=title, kind=kind(kind_id))


def source(value: str) -> str:
    """Where a catalogue came from: ``"built-in"`` in the active language, a path as it is."""
    return _("built-in") if value == "built-in" else value
