"""Rank the roles for every evaluation persona and compare with the mentors' answers.

    .venv/bin/python tests/eval/report.py                 # built-in catalogue
    .venv/bin/python tests/eval/report.py --failures      # only personas that fail a check
    .venv/bin/python tests/eval/report.py --catalog DIR   # another catalogue

For each persona of ``tests/eval/personas.yaml`` it prints the roles a mentor
accepts first, the engine's top three with their fits, and two checks:

* ``top1``: the engine's first role is one of ``first``;
* ``not3``: none of ``not_top3`` is in the engine's top three.

When the engine also reports a readiness band for a role (a ``band`` or
``readiness`` attribute on its results), the band of its first role is shown
next to the mentor's readiness and counted as a third, informational check.

The personas are validated first (unique kebab-case ids, all skills rated
0..max, known role ids); a broken file exits with status 2. The report itself
exits 0 whatever the results, unless ``--strict`` is given (then 1 on any failure).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from roleadvisor.catalog.loader import load_catalog
from roleadvisor.engine import Model, assess

HERE = Path(__file__).resolve().parent
PERSONAS = HERE / "personas.yaml"
READINESS = ("ready", "close", "stretch", "far")
FIELDS = {"id", "who", "ratings", "first", "not_top3", "readiness", "why"}
KEBAB = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Persona:
    id: str
    who: str
    ratings: dict[str, int]
    first: tuple[str, ...]
    not_top3: tuple[str, ...]
    readiness: str
    why: str


@dataclass(frozen=True)
class Row:
    persona: Persona
    top3: tuple[tuple[str, float], ...]
    band: str  # the engine's readiness band for its first role, "" when it has none
    top1_ok: bool
    not3_ok: bool

    @property
    def band_ok(self) -> bool | None:
        return None if not self.band else self.band == self.persona.readiness


def problems_of(raw: object, skills: Sequence[str], roles: Sequence[str], top: int) -> list[str]:
    """Everything wrong with the loaded personas file, one message per problem."""
    if not isinstance(raw, list):
        return ["the file must be a YAML list of personas"]
    out: list[str] = []
    seen: set[str] = set()
    known = set(roles)
    for n, item in enumerate(raw):
        where = f"persona {n}"
        if not isinstance(item, Mapping):
            out.append(f"{where}: not a mapping")
            continue
        pid = item.get("id")
        if isinstance(pid, str):
            where = f"persona {pid!r}"
            if not KEBAB.match(pid):
                out.append(f"{where}: id is not kebab-case")
            if pid in seen:
                out.append(f"{where}: duplicate id")
            seen.add(pid)
        else:
            out.append(f"{where}: id missing or not a string")
        keys = set(item)
        if keys != FIELDS:
            missing, extra = sorted(FIELDS - keys), sorted(keys - FIELDS)
            out.append(f"{where}: fields missing {missing}, unknown {extra}")
        for text in ("who", "why"):
            if not isinstance(item.get(text), str) or not item.get(text, "").strip():
                out.append(f"{where}: {text} must be a non-empty sentence")
        ratings = item.get("ratings")
        if not isinstance(ratings, Mapping) or set(ratings) != set(skills):
            out.append(f"{where}: ratings must rate exactly the skills {', '.join(skills)}")
        else:
            for skill, level in ratings.items():
                if isinstance(level, bool) or not isinstance(level, int) or not 0 <= level <= top:
                    out.append(f"{where}: rating {skill}={level!r} is not a whole number 0..{top}")
        first, not3 = item.get("first"), item.get("not_top3")
        if not isinstance(first, list) or not 1 <= len(first) <= 3:
            out.append(f"{where}: first must list 1 to 3 role ids")
        if not isinstance(not3, list) or len(not3) < 2:
            out.append(f"{where}: not_top3 must list at least 2 role ids")
        ids = [*(first if isinstance(first, list) else []), *(not3 if isinstance(not3, list) else [])]
        unknown = [r for r in ids if r not in known]
        if unknown:
            out.append(f"{where}: unknown role ids {unknown}")
        if isinstance(first, list) and isinstance(not3, list) and set(first) & set(not3):
            out.append(f"{where}: {sorted(set(first) & set(not3))} both in first and not_top3")
        if item.get("readiness") not in READINESS:
            out.append(f"{where}: readiness must be one of {', '.join(READINESS)}")
    return out


def load_personas(path: Path, skills: Sequence[str], roles: Sequence[str], top: int) -> list[Persona]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    problems = problems_of(raw, skills, roles, top)
    if problems:
        sys.stderr.write(f"{path}: {len(problems)} problem(s)\n" + "".join(f"  {p}\n" for p in problems))
        raise SystemExit(2)
    return [
        Persona(
            id=p["id"],
            who=p["who"],
            ratings={s: int(p["ratings"][s]) for s in skills},
            first=tuple(p["first"]),
            not_top3=tuple(p["not_top3"]),
            readiness=p["readiness"],
            why=p["why"],
        )
        for p in raw
    ]


def _band(result: Any) -> str:  # the engine's result record, whatever its version
    for name in ("band", "readiness"):
        value = getattr(result, name, "")
        if isinstance(value, str) and value:
            return value
        if value and isinstance(getattr(value, "id", None), str):
            return str(value.id)
    return ""


def evaluate(model: Model, persona: Persona) -> Row:
    ranked = assess(model, persona.ratings).roles
    top3 = tuple((r.role_id, float(r.fit)) for r in ranked[:3])
    ids = [role for role, _ in top3]
    return Row(
        persona=persona,
        top3=top3,
        band=_band(ranked[0]),
        top1_ok=ids[0] in persona.first,
        not3_ok=not set(ids) & set(persona.not_top3),
    )


def _mark(ok: bool | None) -> str:
    return "-" if ok is None else "PASS" if ok else "FAIL"


def table(rows: Sequence[Row]) -> str:
    header = ("persona", "expected first", "tool top 3 (fit)", "top1", "not3", "ready: want/tool")
    body = [
        (
            r.persona.id,
            ", ".join(r.persona.first),
            ", ".join(f"{role} {fit:.2f}" for role, fit in r.top3),
            _mark(r.top1_ok),
            _mark(r.not3_ok),
            f"{r.persona.readiness}/{r.band or '-'}" + ("" if r.band_ok is None else f" {_mark(r.band_ok)}"),
        )
        for r in rows
    ]
    widths = [max(len(line[c]) for line in (header, *body)) for c in range(len(header))]

    def fmt(line: Sequence[str]) -> str:
        return " | ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip()

    rule = "-+-".join("-" * w for w in widths)
    return "\n".join([fmt(header), rule, *(fmt(line) for line in body)])


def totals(rows: Sequence[Row]) -> str:
    n = len(rows)
    top1 = sum(r.top1_ok for r in rows)
    not3 = sum(r.not3_ok for r in rows)
    both = sum(r.top1_ok and r.not3_ok for r in rows)
    lines = [
        f"personas: {n}",
        f"top1 in first:       {top1}/{n} PASS",
        f"no not_top3 in top3: {not3}/{n} PASS",
        f"both:                {both}/{n} PASS",
    ]
    banded = [r for r in rows if r.band_ok is not None]
    if banded:
        lines.append(
            f"readiness matches:   {sum(bool(r.band_ok) for r in banded)}/{len(banded)} (informational)"
        )
    else:
        lines.append("readiness:           the engine reports no readiness band (not checked)")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--personas", type=Path, default=PERSONAS, help="personas YAML file")
    parser.add_argument("--catalog", help="catalogue directory (default: the built-in one)")
    parser.add_argument("--failures", action="store_true", help="list only personas failing a check")
    parser.add_argument("--strict", action="store_true", help="exit 1 when any persona fails a check")
    args = parser.parse_args(argv)

    catalog = load_catalog(args.catalog)
    model = Model.from_catalog(catalog)
    personas = load_personas(args.personas, model.skill_ids, model.role_ids, model.max_level)
    rows = [evaluate(model, p) for p in personas]
    shown = [r for r in rows if not (r.top1_ok and r.not3_ok)] if args.failures else rows
    sys.stdout.write(table(shown) + "\n\n" + totals(rows) + "\n")
    failed = any(not (r.top1_ok and r.not3_ok) for r in rows)
    return 1 if args.strict and failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
