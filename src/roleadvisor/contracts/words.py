"""How numbers are said in prose and tables: one place, so every format says them alike."""

from __future__ import annotations


def percent(fit: float) -> str:
    """``0.9149`` -> ``"91%"``."""
    return f"{round(fit * 100):d}%"


def points(value: float) -> str:
    """``1`` -> ``"1 point"``, ``2.5`` -> ``"2.5 points"`` (learning, in weighted levels)."""
    return f"{value:g} point{'s' if value != 1 else ''}"


def lower_first(text: str) -> str:
    """``"Ships a service"`` -> ``"ships a service"`` (to continue a sentence)."""
    return text[:1].lower() + text[1:] if text else text


def listing(items: list[str]) -> str:
    """``["a"]`` -> ``"a"``; ``["a", "b", "c"]`` -> ``"a, b and c"``."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
