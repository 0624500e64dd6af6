"""The baseline: score a CSV of profiles one record at a time with csv + json.

Usage: python plain_loop.py INPUT.csv OUTPUT.jsonl
Same formulas and catalogue as roleadvisor, written the obvious way: each
role's fit, use, match and readiness band, and the top role by the same
ranking rule (long shots last, then match, then less learning, then a smaller
weighted shortfall, a higher fit, more emphasis on your strengths, a smaller
distance, catalogue order).
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

from roleadvisor import load_catalog


def rounded(value: float) -> float:
    """Four decimals as NumPy rounds (``rint(x * 10000) / 10000``), as roleadvisor reports them."""
    return round(value * 10000.0) / 10000.0


def main() -> None:
    catalog = load_catalog()
    skills = catalog.skill_ids
    ranking = catalog.ranking
    roles = []
    for role in catalog.roles:
        reqs = dict(role.requirements)
        need = [float(reqs[s].level) if s in reqs else 0.0 for s in skills]
        weight = [float(reqs[s].weight) if s in reqs else 0.0 for s in skills]
        roles.append((role.id, need, weight, sum(w * n for w, n in zip(weight, need, strict=True))))
    with (
        Path(sys.argv[1]).open(newline="", encoding="utf-8") as src,
        Path(sys.argv[2]).open("w", encoding="utf-8") as dst,
    ):
        for row in csv.DictReader(src):
            have = [int(row[s]) for s in skills]
            strength = sum(h * h for h in have)
            fits = {}
            best = None
            for index, (role_id, need, weight, total) in enumerate(roles):
                covered = used = emphasis = shortfall = 0.0
                learning = distance = critical = units = 0
                for h, n, w in zip(have, need, weight, strict=True):
                    covered += w * min(h, n)
                    term = h * h if h < n else h * n
                    used += term
                    emphasis += w * term
                    gap = int(max(n - h, 0))
                    learning += gap
                    shortfall += w * max(n - h, 0)
                    distance += int(abs(n - h))
                    if w >= ranking.critical_weight and gap >= ranking.critical_levels:
                        critical += 1
                        units += gap - ranking.critical_levels + 1
                fit = rounded(min(max(covered / total, 0.0), 1.0)) if total else 1.0
                use = rounded(used / strength) if strength else 1.0
                match = rounded(min(max(fit * use - ranking.critical_penalty * units, 0.0), 1.0))
                band = next(
                    b
                    for b in ranking.bands
                    if round(fit * 100) >= round(b.min_fit * 100)
                    and (b.max_critical_gaps is None or critical <= b.max_critical_gaps)
                )
                far = band.id == ranking.bands[-1].id and critical > 0
                key = (far, -match, learning, shortfall, -fit, -emphasis, distance, index)
                if best is None or key < best[0]:
                    best = (key, role_id, match, fit, band.id)
                fits[role_id] = fit
            assert best is not None
            _, top, top_match, top_fit, top_band = best
            record = {
                "id": row["id"],
                "top_role": top,
                "top_match": top_match,
                "top_fit": top_fit,
                "top_band": top_band,
                "fits": fits,
            }
            dst.write(json.dumps(record) + "\n")


if __name__ == "__main__":
    main()
