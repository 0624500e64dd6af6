"""How numbers are said in prose and tables: one place, so every format says them alike."""

from __future__ import annotations


def percent(fit: float) -> str:
    """``0.9149`` -> ``"91%"``."""
    return f"{round(fit * 100):d}%"


def levels(value: int) -> str:
    """``1`` -> ``"1 level"``, ``7`` -> ``"7 levels"`` (learning, in levels of the scale)."""
    return f"{value:d} level{'s' if value != 1 else ''}"


def lower_first(text: str) -> str:
    """``"Ships a service"`` -> ``"ships a service"`` (to continue a sentence)."""
    return text[:1].lower() + text[1:] if text else text


def listing(items: list[str]) -> str:
    """``["a"]`` -> ``"a"``; ``["a", "b", "c"]`` -> ``"a, b and c"``."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
