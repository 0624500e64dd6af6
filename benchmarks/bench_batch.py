"""Benchmark `roleadvisor batch` end to end against a plain per-record Python loop.

Generates N seeded synthetic profiles (CSV, 8 skills), then runs, as separate
processes timed from start to exit:
  1. roleadvisor batch profiles.csv -o out.jsonl
  2. python plain_loop.py profiles.csv plain.jsonl
and prints profiles per second, peak memory (max RSS) and the speed ratio.
It also checks that both produced the same top roles and fits on a sample.

Usage: python benchmarks/bench_batch.py [--profiles 100000 1000000] [--seed 7] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
SKILLS = ("systems", "databases", "ml", "algorithms", "stats", "sme", "product", "communication")


def generate(path: Path, n: int, seed: int) -> None:
    """Write n profiles with levels 0-5 drawn from a seeded generator."""
    rng = np.random.default_rng(seed)
    with path.open("w", encoding="utf-8") as out:
        out.write("id," + ",".join(SKILLS) + "\n")
        step = 100_000
        for start in range(0, n, step):
            levels = rng.integers(0, 6, size=(min(step, n - start), len(SKILLS)))
            rows = (f"p{start + i:07d}," + ",".join(map(str, row)) for i, row in enumerate(levels.tolist()))
            out.write("\n".join(rows) + "\n")


def timed(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise SystemExit(f"{cmd[0]} exited {code}")
    return elapsed, usage.ru_maxrss / 1024


def check_same(fast: Path, plain: Path, sample: int = 2000) -> int:
    """Number of mismatching records among the first `sample` lines."""
    bad = 0
    with fast.open() as a, plain.open() as b:
        for _, la, lb in zip(range(sample), a, b, strict=False):
            ra, rb = json.loads(la), json.loads(lb)
            same = (
                ra["id"] == rb["id"]
                and ra["top_role"] == rb["top_role"]
                and all(abs(ra["fits"][k] - rb["fits"][k]) < 1e-9 for k in rb["fits"])
            )
            bad += not same
    return bad


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--profiles", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=3, help="runs of roleadvisor per size (median kept)")
    parser.add_argument("--skip-plain", action="store_true", help="do not run the slow plain loop")
    args = parser.parse_args()

    roleadvisor = shutil.which("roleadvisor") or str(Path(sys.executable).with_name("roleadvisor"))
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(
        f"{'profiles':>10} {'tool':<12} {'seconds':>8} {'profiles/s':>12} {'peak MiB':>9} {'output MiB':>10}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for n in args.profiles:
            source, out, plain_out = work / "profiles.csv", work / "out.jsonl", work / "plain.jsonl"
            generate(source, n, args.seed)
            runs = [timed([roleadvisor, "batch", str(source), "-o", str(out)]) for _ in range(args.repeat)]
            seconds = statistics.median(r[0] for r in runs)
            peak = max(r[1] for r in runs)
            size = out.stat().st_size / 2**20
            print(
                f"{n:>10,} {'roleadvisor':<12} {seconds:>8.2f} {n / seconds:>12,.0f} "
                f"{peak:>9.0f} {size:>10.0f}"
            )
            if args.skip_plain:
                continue
            plain_s, plain_peak = timed(
                [sys.executable, str(HERE / "plain_loop.py"), str(source), str(plain_out)]
            )
            print(f"{n:>10,} {'plain loop':<12} {plain_s:>8.2f} {n / plain_s:>12,.0f} {plain_peak:>9.0f}")
            mismatches = check_same(out, plain_out)
            print(f"{'':>10} ratio {plain_s / seconds:.1f}x faster; sample mismatches: {mismatches}")


if __name__ == "__main__":
    main()
