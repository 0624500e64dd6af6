"""Benchmark `roleadvisor batch` end to end, next to a plain Python loop and polars doing the same scoring.

Generates N seeded synthetic profiles (CSV, 8 skills), then runs, as separate
processes timed from start to exit (wall and CPU time, worker processes included;
peak memory of the whole process tree, see ``timed``):
  1. roleadvisor batch profiles.csv -o out.jsonl          (median of --repeat runs)
  2. python plain_loop.py profiles.csv plain.jsonl         (one record at a time: csv + json)
  3. python polars_loop.py profiles.csv polars.jsonl       (the same scoring as polars expressions)
and checks that all three give the same top role, match, band and fits: every
record for polars, a sample for the plain loop.

polars is not a roleadvisor dependency: `pip install polars` in the benchmark's
environment to get (3); without it (3) is skipped, saying so.

--memory-10m adds a run over 10,000,000 profiles (a 250 MB CSV in the temporary
directory; several minutes) writing to /dev/null, and prints its peak memory.

Outputs are compared in a child process: on Linux a child's max RSS starts at
its parent's RSS (fork and exec carry it over), so this process stays small
for the peak memory figures to be the children's own.

Usage: python benchmarks/bench_batch.py [--profiles 100000 1000000] [--seed 7] [--repeat 3]
                                        [--skip-plain] [--memory-10m]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from itertools import islice
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
SKILLS = ("systems", "databases", "ml", "algorithms", "stats", "sme", "product", "communication")
COMPARED = ("id", "top_role", "top_match", "top_fit", "top_band", "fits")


def generate(path: Path, n: int, seed: int) -> None:
    """Write n profiles with levels 0-5 drawn from a seeded generator."""
    rng = np.random.default_rng(seed)
    with path.open("w", encoding="utf-8") as out:
        out.write("id," + ",".join(SKILLS) + "\n")
        step = 100_000
        for start in range(0, n, step):
            levels = rng.integers(0, 6, size=(min(step, n - start), len(SKILLS)))
            rows = (f"p{start + i:08d}," + ",".join(map(str, row)) for i, row in enumerate(levels.tolist()))
            out.write("\n".join(rows) + "\n")


def tree_rss(pid: int) -> int:
    """Resident memory (KiB) of ``pid`` and every process under it, summed (Linux; else 0).

    Pages the processes share (a forked worker's copy of its parent) are counted once in
    each, so the sum overstates the memory used: a bound, not an estimate.
    """
    total, todo = 0, [pid]
    while todo:
        proc = Path("/proc") / str(todo.pop())
        try:
            status = (proc / "status").read_text()
            total += next(
                (int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")), 0
            )
            for task in (proc / "task").iterdir():
                todo += [int(child) for child in (task / "children").read_text().split()]
        except (OSError, ValueError):
            continue
    return total


def timed(cmd: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system) and peak memory (MiB) of a command.

    CPU time includes the command's worker processes. Peak memory is the larger of the
    largest single process's max RSS and the sum of RSS over the whole process tree,
    sampled every 10 ms while it runs (see ``tree_rss``).
    """
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err)
        peak = [0]
        done = threading.Event()

        def sample() -> None:
            while not done.wait(0.01):
                peak[0] = max(peak[0], tree_rss(proc.pid))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        done.set()
        sampler.join()
        code = os.waitstatus_to_exitcode(status)
        if code != 0:
            err.seek(0)
            raise SystemExit(f"{' '.join(cmd)} exited {code}:\n{err.read().decode(errors='replace')}")
    return elapsed, usage.ru_utime + usage.ru_stime, max(usage.ru_maxrss, peak[0]) / 1024


def same_records(ours: Path, theirs: Path, limit: int | None) -> tuple[int, int]:
    """(records compared, records whose top role, match, fit, band or fits differ)."""
    compared = differ = 0
    with ours.open() as a, theirs.open() as b:
        for la, lb in islice(zip(a, b, strict=False), limit):
            ra, rb = json.loads(la), json.loads(lb)
            compared += 1
            differ += any(ra[key] != rb[key] for key in COMPARED)
    return compared, differ


def same_everywhere(ours: Path, theirs: Path) -> tuple[int, int]:
    """``same_records`` over every record, read with polars (a million lines in seconds)."""
    import polars as pl

    a, b = pl.read_ndjson(ours), pl.read_ndjson(theirs)
    if a.height != b.height:
        return max(a.height, b.height), abs(a.height - b.height)
    same = pl.lit(True)
    for key in COMPARED:
        if key == "fits":
            for role in (field.name for field in a.schema["fits"].fields):  # type: ignore[union-attr]
                same = same & (a["fits"].struct.field(role) == b["fits"].struct.field(role))
        else:
            same = same & (a[key] == b[key])
    differ = pl.select(same.not_().sum()).item()
    return a.height, int(differ)


def compare(ours: Path, theirs: Path, limit: int | None) -> tuple[int, int]:
    """``same_everywhere`` (no ``limit``) or ``same_records``, run in a child process."""
    cmd = [sys.executable, __file__, "--compare", str(ours), str(theirs)]
    if limit is not None:
        cmd += ["--limit", str(limit)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=True, stdin=subprocess.DEVNULL)
    compared, differ = json.loads(done.stdout)
    return int(compared), int(differ)


def row(n: int, tool: str, wall: float, cpu: float, peak: float, note: str = "") -> str:
    return f"{n:>10,} {tool:<12} {wall:>8.2f} {cpu:>8.2f} {n / wall:>12,.0f} {peak:>9.0f}  {note}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--profiles", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=3, help="runs of roleadvisor per size (median kept)")
    parser.add_argument("--skip-plain", action="store_true", help="do not run the slow plain loop")
    parser.add_argument(
        "--memory-10m", action="store_true", help="also run 10,000,000 profiles for peak memory"
    )
    parser.add_argument("--compare", nargs=2, type=Path, help=argparse.SUPPRESS)  # the child of compare()
    parser.add_argument("--limit", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.compare:
        ours, theirs = args.compare
        if args.limit is None:
            print(json.dumps(same_everywhere(ours, theirs)))
        else:
            print(json.dumps(same_records(ours, theirs, args.limit)))
        return

    roleadvisor = shutil.which("roleadvisor") or str(Path(sys.executable).with_name("roleadvisor"))
    have_polars = importlib.util.find_spec("polars") is not None
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    if not have_polars:
        print("polars: not installed, skipped (pip install polars)")
    print(f"{'profiles':>10} {'tool':<12} {'wall s':>8} {'CPU s':>8} {'profiles/s':>12} {'peak MiB':>9}")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for n in args.profiles:
            source, out = work / "profiles.csv", work / "out.jsonl"
            generate(source, n, args.seed)
            runs = [timed([roleadvisor, "batch", str(source), "-o", str(out)]) for _ in range(args.repeat)]
            wall = statistics.median(r[0] for r in runs)
            cpu = statistics.median(r[1] for r in runs)
            ours_wall = wall
            print(
                row(
                    n,
                    "roleadvisor",
                    wall,
                    cpu,
                    max(r[2] for r in runs),
                    f"{out.stat().st_size / 2**20:,.0f} MiB out",
                )
            )
            if have_polars:
                theirs = work / "polars.jsonl"
                wall, cpu, peak = timed(
                    [sys.executable, str(HERE / "polars_loop.py"), str(source), str(theirs)]
                )
                compared, differ = compare(out, theirs, None)
                note = f"{wall / ours_wall:.2f}x roleadvisor's time; {differ} of {compared:,} records differ"
                print(row(n, "polars", wall, cpu, peak, note))
            if not args.skip_plain:
                plain = work / "plain.jsonl"
                wall, cpu, peak = timed(
                    [sys.executable, str(HERE / "plain_loop.py"), str(source), str(plain)]
                )
                compared, differ = compare(out, plain, 2000)
                note = (
                    f"{wall / ours_wall:.1f}x roleadvisor's time; {differ} of the first {compared:,} differ"
                )
                print(row(n, "plain loop", wall, cpu, peak, note))
            source.unlink()
        if args.memory_10m:
            n = 10_000_000
            source = work / "profiles.csv"
            generate(source, n, args.seed)
            wall, cpu, peak = timed([roleadvisor, "batch", str(source)])  # stdout: /dev/null
            print(row(n, "roleadvisor", wall, cpu, peak, "to /dev/null"))


if __name__ == "__main__":
    main()
