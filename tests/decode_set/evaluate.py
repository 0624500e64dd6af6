"""Score ``roleadvisor decode`` on the evaluation set of this folder and print the tables.

    .venv/bin/python -m tests.decode_set.evaluate              # per-role, per-pattern tables
    .venv/bin/python -m tests.decode_set.evaluate --failures   # also every miss, with decode's top 3
    .venv/bin/python -m tests.decode_set.evaluate --catalog DIR
    .venv/bin/python -m tests.decode_set.evaluate --holdout    # the held-out set (holdout/)

``titles.yaml`` lists job titles, ``adverts.yaml`` the advert files (first line
the title). Each item names the role a careful recruiter would file it under
(``role``) and optionally a second acceptable role (``also``). An item is right
at top-1 when decode's first role is one of them, at top-2 when one of them is
among decode's first two. Text decode rejects (exit 2) counts as a miss. Each
advert is scored twice: whole (``ads``) and without its title line (``body``),
the harder test: a body has to be read for what the job does.

Also reported: the seniority word of items that give one (``none``: decode must
not shift levels), and the precision of MLOps as a first answer (of the items
decode puts MLOps first, the share where MLOps is acceptable).
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from roleadvisor.catalog.loader import load_catalog
from roleadvisor.catalog.models import Catalog
from roleadvisor.decode import decode_text
from roleadvisor.errors import RoleAdvisorError
from roleadvisor.text import fold

HERE = Path(__file__).resolve().parent
HOLDOUT = HERE / "holdout"
MLOPS = "mlops-engineer"


@dataclass(frozen=True)
class Item:
    kind: str  # "title", "advert" or "body" (an advert without its title line)
    name: str  # the title, or the advert's file name
    text: str
    role: str
    also: str | None
    seniority: str | None
    tags: tuple[str, ...]

    @property
    def accepted(self) -> set[str]:
        return {self.role} | ({self.also} if self.also else set())


@dataclass(frozen=True)
class Result:
    item: Item
    ranked: tuple[str, ...]  # decode's roles, best first; empty when decode refused the text
    seniority_words: tuple[str, ...]
    seniority_shift: int
    confidence: float = 0.0  # decode's confidence in its first role (0 before decode had one)

    @property
    def top1(self) -> bool:
        return bool(self.ranked) and self.ranked[0] in self.item.accepted

    @property
    def top2(self) -> bool:
        return bool(set(self.ranked[:2]) & self.item.accepted)

    @property
    def seniority_ok(self) -> bool | None:
        want = self.item.seniority
        if want is None:
            return None
        if want == "none":
            return self.seniority_shift == 0
        return fold(want) in {fold(w) for w in self.seniority_words}  # any script


def _items(kind: str, raw: object, catalog: Catalog, folder: Path) -> list[Item]:
    if not isinstance(raw, list):
        raise ValueError(f"{kind}s: the file must be a YAML list")
    known = set(catalog.role_ids)
    out = []
    for n, entry in enumerate(raw):
        if not isinstance(entry, dict):
            raise ValueError(f"{kind} {n}: not a mapping")
        if kind == "title":
            name = str(entry["title"])
            text = name
        else:
            name = str(entry["file"])
            text = (folder / name).read_text(encoding="utf-8")
        role, also = entry["role"], entry.get("also")
        for value in (role, also):
            if value is not None and value not in known:
                raise ValueError(f"{kind} {name!r}: unknown role {value!r}")
        seniority = entry.get("seniority")
        out.append(
            Item(
                kind=kind,
                name=name,
                text=text,
                role=role,
                also=also,
                seniority=None if seniority is None else str(seniority),
                tags=tuple(entry.get("tags", ())),
            )
        )
    return out


def load_items(catalog: Catalog, folder: Path = HERE) -> list[Item]:
    """Every title and advert of the set in ``folder``, titles first, then adverts, then their bodies."""
    titles = yaml.safe_load((folder / "titles.yaml").read_text(encoding="utf-8"))
    adverts = yaml.safe_load((folder / "adverts.yaml").read_text(encoding="utf-8"))
    whole = _items("advert", adverts, catalog, folder)
    bodies = [
        Item(
            kind="body",
            name=item.name,
            text=item.text.split("\n", 1)[1] if "\n" in item.text else "",
            role=item.role,
            also=item.also,
            seniority=None,  # seniority is read from the title line
            tags=item.tags,
        )
        for item in whole
    ]
    return [*_items("title", titles, catalog, folder), *whole, *bodies]


def run(items: Iterable[Item], catalog: Catalog) -> list[Result]:
    """Decode every item."""
    results = []
    for item in items:
        try:
            decoded = decode_text(item.text, catalog)
        except RoleAdvisorError:
            results.append(Result(item, (), (), 0))
            continue
        results.append(
            Result(
                item,
                tuple(m.role_id for m in decoded.roles),
                tuple(decoded.seniority_words),
                decoded.seniority_shift,
                float(getattr(decoded.roles[0], "confidence", 0.0)),
            )
        )
    return results


@dataclass(frozen=True)
class Tally:
    n: int = 0
    top1: int = 0
    top2: int = 0

    def add(self, result: Result) -> Tally:
        return Tally(self.n + 1, self.top1 + result.top1, self.top2 + result.top2)

    def cell(self) -> str:
        if not self.n:
            return f"{'-':>4} {'':>11} {'':>11}"
        return f"{self.n:>4} {_pct(self.top1, self.n):>11} {_pct(self.top2, self.n):>11}"


def _pct(hits: int, n: int) -> str:
    return f"{hits}={100 * hits / n:.0f}%"


def tallies(results: Iterable[Result], key: str = "role") -> dict[tuple[str, str], Tally]:
    """``(group, kind)`` to its tally; ``key`` is ``role`` or ``tag``; group ``all`` sums a kind."""
    out: dict[tuple[str, str], Tally] = defaultdict(Tally)
    for r in results:
        groups = [r.item.role] if key == "role" else list(r.item.tags)
        for group in [*groups, "all"]:
            out[group, r.item.kind] = out[group, r.item.kind].add(r)
    return dict(out)


def mlops_precision(results: Iterable[Result], kind: str | None = None) -> tuple[int, int]:
    """``(right, chosen)``: of the items decode puts MLOps first, how many accept MLOps."""
    chosen = [r for r in results if r.ranked[:1] == (MLOPS,) and kind in (None, r.item.kind)]
    return sum(MLOPS in r.item.accepted for r in chosen), len(chosen)


def calibration(results: Iterable[Result], low: float = 0.8) -> tuple[int, int]:
    """``(right, given)``: of the first roles decode gives at least ``low`` confidence, how many are right."""
    given = [r for r in results if r.ranked and r.confidence >= low]
    return sum(r.top1 for r in given), len(given)


def seniority_score(results: Iterable[Result]) -> tuple[int, int]:
    """``(right, asked)`` over the items that name a seniority."""
    checked = [r.seniority_ok for r in results if r.seniority_ok is not None]
    return sum(checked), len(checked)


def table(results: Sequence[Result], groups: Sequence[str], key: str, heading: str) -> list[str]:
    t = tallies(results, key)
    kinds = ("title", "advert", "body")
    cols = "   ".join(f"{name:>4} {'top-1':>11} {'top-2':>11}" for name in ("titles", "ads", "body"))
    head = f"{heading:<26} {cols}"
    lines = [head, "-" * len(head)]
    for group in [*groups, "all"]:
        cells = "   ".join(t.get((group, kind), Tally()).cell() for kind in kinds)
        lines.append(f"{group:<26} {cells}")
    return lines


def report(results: Sequence[Result], catalog: Catalog, failures: bool = False) -> str:
    """The whole report as text."""
    lines = table(results, catalog.role_ids, "role", "role")
    tags = sorted({tag for r in results for tag in r.item.tags})
    lines += ["", *table(results, tags, "tag", "pattern (tag)")]
    right, asked = seniority_score(results)
    lines.append("")
    lines.append(f"seniority word found: {_pct(right, asked)} of {asked} items that have one")
    for kind, label in (("title", "titles"), ("advert", "adverts"), ("body", "advert bodies")):
        right, chosen = mlops_precision(results, kind)
        shown = _pct(right, chosen) if chosen else "-"
        lines.append(f"MLOps precision ({label}): {shown} of {chosen} put MLOps first")
    right, given = calibration(results)
    if given:
        lines.append(f"first roles given 80% confidence or more: {_pct(right, given)} of {given} right")
    refused = [r.item.name for r in results if not r.ranked]
    lines.append(f"refused (exit 2): {len(refused)}" + (f": {', '.join(refused)}" if refused else ""))
    if failures:
        lines.append("")
        for r in results:
            bad_seniority = r.seniority_ok is False
            if r.top1 and not bad_seniority:
                continue
            want = r.item.role + (f" | {r.item.also}" if r.item.also else "")
            got = ", ".join(r.ranked[:3]) or "(refused)"
            note = (
                f"  seniority want {r.item.seniority!r} got {list(r.seniority_words)}"
                if bad_seniority
                else ""
            )
            mark = "top2" if r.top2 else "MISS"
            lines.append(f"{mark:<5} {r.item.kind:<6} {r.item.name[:60]:<60} want {want}; got {got}{note}")
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--catalog", type=Path, default=None, help="catalogue directory (default: built-in)")
    parser.add_argument("--failures", action="store_true", help="also list every miss")
    parser.add_argument("--holdout", action="store_true", help="score the held-out set (holdout/)")
    parser.add_argument("--language", choices=("ru", "fa"), help="score the Russian or Persian set (ru/, fa/)")
    args = parser.parse_args(argv)
    catalog = load_catalog(args.catalog)
    folder = HERE / args.language if args.language else HOLDOUT if args.holdout else HERE
    results = run(load_items(catalog, folder), catalog)
    sys.stdout.write(report(results, catalog, failures=args.failures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
