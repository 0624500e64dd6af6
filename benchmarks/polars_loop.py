"""The same scoring as roleadvisor in polars: read the CSV, score each role, write the top role as JSON Lines.

Usage: python polars_loop.py INPUT.csv OUTPUT.jsonl
(needs `pip install polars`; polars is not a roleadvisor dependency)
Each role's fit, use, match and readiness band are polars expressions over the
rating columns; the top role is the first by the ranking rule (long shots
last, then match, less learning, a smaller weighted shortfall, a higher fit,
more emphasis, a smaller distance, catalogue order), packed into one integer
key per role so polars can take the smallest. Numbers are rounded as roleadvisor
rounds them (half to even, four decimals). Records are written by polars, so
numbers are written as polars writes them (``0.5``, not ``0.5000``): compare
values, not bytes. Bad records are not handled: the benchmark's data has none.
"""

from __future__ import annotations

import sys

import polars as pl

from roleadvisor import load_catalog


def rounded(x: pl.Expr) -> pl.Expr:
    """Four decimals, half to even: the same floats as NumPy's ``np.round(x, 4)``."""
    return x.round(4, mode="half_to_even")


def clipped(x: pl.Expr) -> pl.Expr:
    return x.clip(0.0, 1.0)


def main() -> None:
    catalog = load_catalog()
    skills = catalog.skill_ids
    ranking = catalog.ranking
    roles = []
    for role in catalog.roles:
        reqs = dict(role.requirements)
        need = [int(reqs[s].level) if s in reqs else 0 for s in skills]
        weight = [int(reqs[s].weight) if s in reqs else 0 for s in skills]
        if any(float(reqs[s].weight) != int(reqs[s].weight) for s in reqs):
            raise SystemExit("this script packs whole-number weights only (the built-in catalogue's)")
        roles.append((role.id, need, weight))
    # widths of the packed ranking key, from the catalogue's largest sums
    top = catalog.scale.max
    width = {
        "learning": max(sum(n for n in need) for _, need, _ in roles).bit_length(),
        "shortfall": max(
            sum(w * n for w, n in zip(wt, need, strict=True)) for _, need, wt in roles
        ).bit_length(),
        "emphasis": (
            top * max(sum(w * n for w, n in zip(wt, need, strict=True)) for _, need, wt in roles)
        ).bit_length(),
        "distance": (top * len(skills)).bit_length(),
        "index": len(roles).bit_length(),
    }
    assert 1 + 14 + 14 + sum(width.values()) <= 63, width

    h = {s: pl.col(s).cast(pl.Int64) for s in skills}
    strength = sum((h[s] * h[s] for s in skills), pl.lit(0))
    columns: dict[str, pl.Expr] = {}
    keys = []
    bands = []
    for index, (role_id, need, weight) in enumerate(roles):
        total = sum(w * n for w, n in zip(weight, need, strict=True))
        covered = sum(
            (
                w * pl.min_horizontal(h[s], pl.lit(n))
                for s, n, w in zip(skills, need, weight, strict=True)
                if w
            ),
            pl.lit(0),
        )
        used = sum(
            (
                pl.when(h[s] < n).then(h[s] * h[s]).otherwise(h[s] * n)
                for s, n in zip(skills, need, strict=True)
            ),
            pl.lit(0),
        )
        emphasis = sum(
            (
                w * pl.when(h[s] < n).then(h[s] * h[s]).otherwise(h[s] * n)
                for s, n, w in zip(skills, need, weight, strict=True)
                if w
            ),
            pl.lit(0),
        )
        gaps = [(pl.lit(n) - h[s]).clip(lower_bound=0) for s, n in zip(skills, need, strict=True)]
        learning = sum(gaps, pl.lit(0))
        shortfall = sum((w * g for g, w in zip(gaps, weight, strict=True) if w), pl.lit(0))
        distance = sum(((pl.lit(n) - h[s]).abs() for s, n in zip(skills, need, strict=True)), pl.lit(0))
        defining = [w >= ranking.critical_weight for w in weight]
        critical = sum(
            (
                pl.when(g >= ranking.critical_levels).then(1).otherwise(0)
                for g, d in zip(gaps, defining, strict=True)
                if d
            ),
            pl.lit(0),
        )
        units = sum(
            (
                pl.when(g >= ranking.critical_levels).then(g - ranking.critical_levels + 1).otherwise(0)
                for g, d in zip(gaps, defining, strict=True)
                if d
            ),
            pl.lit(0),
        )
        fit = rounded(clipped(covered / total)) if total else pl.lit(1.0)
        use = pl.when(strength > 0).then(rounded(used / strength)).otherwise(1.0)
        match = rounded(clipped(fit * use - ranking.critical_penalty * units))
        shown = (fit * 100).round(0, mode="half_to_even")
        band = pl.lit(len(ranking.bands) - 1)
        for b in range(len(ranking.bands) - 1, -1, -1):
            spec = ranking.bands[b]
            ok = shown >= round(spec.min_fit * 100)
            if spec.max_critical_gaps is not None:
                ok = ok & (critical <= spec.max_critical_gaps)
            band = pl.when(ok).then(b).otherwise(band)
        far = ((band == len(ranking.bands) - 1) & (critical > 0)).cast(pl.Int64)
        key = far
        for part, bits in (
            (10000 - (match * 10000).round(0).cast(pl.Int64), 14),
            (learning, width["learning"]),
            (shortfall, width["shortfall"]),
            (10000 - (fit * 10000).round(0).cast(pl.Int64), 14),
            ((1 << width["emphasis"]) - 1 - emphasis, width["emphasis"]),
            (distance, width["distance"]),
            (pl.lit(index), width["index"]),
        ):
            key = key * (1 << bits) + part
        columns[f"fit_{role_id}"] = fit
        columns[f"match_{role_id}"] = match
        keys.append(key.alias(f"key_{role_id}"))
        bands.append(band.alias(f"band_{role_id}"))
    role_ids = [r for r, _, _ in roles]
    band_ids = [b.id for b in ranking.bands]
    frame = (
        pl.scan_csv(sys.argv[1], schema_overrides={"id": pl.String, **dict.fromkeys(skills, pl.Int64)})
        .with_columns(**columns)
        .with_columns(*keys, *bands)
        .with_columns(best=pl.concat_list([f"key_{r}" for r in role_ids]).list.arg_min())
        .select(
            "id",
            top_role=pl.col("best").replace_strict(list(range(len(role_ids))), role_ids),
            top_match=pl.concat_list([f"match_{r}" for r in role_ids]).list.get(pl.col("best")),
            top_fit=pl.concat_list([f"fit_{r}" for r in role_ids]).list.get(pl.col("best")),
            top_band=pl.concat_list([f"band_{r}" for r in role_ids])
            .list.get(pl.col("best"))
            .replace_strict(list(range(len(band_ids))), band_ids),
            fits=pl.struct(**{r: pl.col(f"fit_{r}") for r in role_ids}),
        )
    )
    frame.sink_ndjson(sys.argv[2])


if __name__ == "__main__":
    main()
