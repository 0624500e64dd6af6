"""The baseline: score a CSV of profiles one record at a time with csv + json.

Usage: python plain_loop.py INPUT.csv OUTPUT.jsonl
Same formula and catalogue as roleadvisor, written the obvious way.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

from roleadvisor import load_catalog


def main() -> None:
    catalog = load_catalog()
    skills = catalog.skill_ids
    roles = [(r.id, dict(r.requirements)) for r in catalog.roles]
    with (
        Path(sys.argv[1]).open(newline="", encoding="utf-8") as src,
        Path(sys.argv[2]).open("w", encoding="utf-8") as dst,
    ):
        for row in csv.DictReader(src):
            have = {s: int(row[s]) for s in skills}
            fits = {}
            for role_id, reqs in roles:
                covered = sum(req.weight * min(have[s], req.level) for s, req in reqs.items())
                total = sum(req.weight * req.level for req in reqs.values())
                fits[role_id] = round(covered / total, 4) if total else 1.0
            top = max(sorted(fits), key=lambda r: fits[r])
            dst.write(
                json.dumps({"id": row["id"], "top_role": top, "top_fit": fits[top], "fits": fits}) + "\n"
            )


if __name__ == "__main__":
    main()
