"""Start-up benchmark of the `roleadvisor` console script, as ratios to `import typer`.

Usage (from the repository, with the dev virtualenv):

    .venv/bin/python benchmarks/bench_startup.py                 # table, 21 runs per case
    .venv/bin/python benchmarks/bench_startup.py --runs 7        # quicker, noisier
    .venv/bin/python benchmarks/bench_startup.py --json          # the same figures as JSON
    .venv/bin/python benchmarks/bench_startup.py --check         # exit 1 if a target is missed
    .venv/bin/python benchmarks/bench_startup.py --show-output   # also print what each case printed
    .venv/bin/python benchmarks/bench_startup.py --modules version   # modules one case imports
    .venv/bin/python benchmarks/bench_startup.py --case version --case help   # only some cases

It runs the console script next to the interpreter that runs this file
(`Path(sys.executable).parent / "roleadvisor"`), or the one given with
`--command PATH`. Run it with the interpreter of that script's environment, so
the baseline below uses the same interpreter as the script.

What the numbers mean
---------------------
* Every case is a whole process timed from spawn to exit (wall clock), with
  stdin, stdout and stderr on /dev/null and `NO_COLOR=1`, `COLUMNS=100` in the
  environment, and without `PYTHONDONTWRITEBYTECODE` (so compiled modules are
  cached, as on any user's machine after the first run). Each case is run
  once untimed first (to warm the OS file cache, the .pyc files and the
  catalogue cache, and to check that it works), then N timed runs
  (`--runs`, default 21) are interleaved round-robin across all cases, the
  starting case rotating each round, so that drift in machine load hits every
  case alike. The figure kept is the median of the N runs.
* The baseline is `python -c "import typer"` with this same interpreter,
  measured in the same rounds. `ratio` = case median / baseline median. Ratios
  are what to compare between machines and runs; milliseconds are not.
* `imports` is the number of modules the process imported, counted from one
  extra untimed run of the case under `PYTHONPROFILEIMPORTTIME=1` (the same as
  `python -X importtime <console script> ...`, but it also holds for a
  `--command` whose interpreter differs): the number of `import time:` lines on
  stderr. Each line is one module executed for the first time in that process,
  including the interpreter's own start-up modules (`encodings`, `site`, ...),
  which the baseline imports too. The same output gives the list of heavy
  third-party packages (numpy, pydantic, rich, yaml, rapidfuzz, orjson) that
  `--version`, `--help` and the warm `assess --format json` imported.

The cases
---------
* `--version`, `--help`, `assess --help`.
* Two bash completion requests, the way bash asks a Typer/Click program:
  `COMP_WORDS="roleadvisor ass" COMP_CWORD=1` (a command name) and
  `COMP_WORDS="roleadvisor role ml" COMP_CWORD=2` (a role id), with
  `_ROLEADVISOR_COMPLETE` set to the instruction. Typer spells it
  `complete_bash`; plain Click 8 spells it `bash_complete`. The untimed first
  run tries `complete_bash`, then `bash_complete`, and keeps the first that
  exits 0 and prints at least one completion starting with the word being
  completed; if neither does, the case is reported as failed.
* `assess -r ... --format json` with the built-in catalogue and a warm
  catalogue cache (nothing changed since the previous run).
* The same assess right after the catalogue changed: a copy of the built-in
  catalogue written by `roleadvisor catalog init DIR`, selected with
  `ROLEADVISOR_CATALOG=DIR`, in which one byte of a comment of roles.yaml (a
  letter replaced by another letter) is changed before every run, untimed, so
  each run sees a catalogue it has not seen before. Every variant differs from
  the original in exactly one byte and from every other variant.
* The same assess with table output; the browse commands `roles`,
  `role mlops`, `lifecycle`, `skills`.

The whole benchmark uses one temporary directory, removed at the end, with the
catalogue cache (`ROLEADVISOR_CACHE_DIR`) inside it; the changed-catalogue case
gets a cache directory of its own so that its runs cannot evict the built-in
catalogue's entry from the cache the other cases use. If the cache directories
are still empty at the end, no cache was written, and the warm and changed
cases measured the same work; the report says so.

A case whose command exits non-zero is reported as `FAILED (exit N)` and is not
timed further; `--check` counts it as a miss.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import signal
import statistics
import string
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

DEFAULT_RUNS = 21
TIMEOUT_S = 120.0
HEAVY_PACKAGES = ("numpy", "pydantic", "rich", "yaml", "rapidfuzz", "orjson")
ASSESS_RATINGS = (
    "-r", "systems=4", "-r", "databases=3", "-r", "ml=4", "-r", "algorithms=3",
    "-r", "stats=2", "-r", "sme=2", "-r", "product=1", "-r", "communication=3",
)  # fmt: skip
COMPLETE_VAR = "_ROLEADVISOR_COMPLETE"
# Typer's spelling first (what this app's generated scripts send), then plain Click 8's.
COMPLETE_INSTRUCTIONS = ("complete_bash", "bash_complete")
CLICK_ITEM_TYPES = ("plain", "file", "dir")
SHOW_LINES = 25
CATALOG_CASES = {
    "assess-json-warm",
    "assess-json-changed",
    "assess-table",
    "roles",
    "role-mlops",
    "lifecycle",
    "skills",
}


@dataclass
class Case:
    """One command to time, and what was measured for it."""

    key: str
    label: str
    argv: list[str]
    target: float | None
    env: dict[str, str] = field(default_factory=dict)
    prepare: Callable[[], None] | None = None  # run, untimed, before every run of the case
    complete_word: str | None = None  # for completion requests: the word being completed
    heavy_report: bool = False
    times: list[float] = field(default_factory=list)
    error: str | None = None
    error_detail: str = ""
    stdout: str = ""
    stderr: str = ""
    modules: list[tuple[int, int, str]] = field(default_factory=list)  # (self us, cumulative us, name)

    @property
    def median_ms(self) -> float | None:
        return statistics.median(self.times) * 1000 if self.times and self.error is None else None

    def imported(self) -> set[str]:
        return {name.strip() for _, _, name in self.modules}


class CatalogChanger:
    """Change one byte of a comment (else a description) of roles.yaml, differently each call."""

    def __init__(self, roles_file: Path) -> None:
        self.path = roles_file
        self.original = roles_file.read_bytes()
        self.positions = self._letter_positions()
        self.calls = 0

    def _letter_positions(self) -> list[int]:
        lines = self.original.splitlines(keepends=True)
        offsets = [0]
        for line in lines:
            offsets.append(offsets[-1] + len(line))
        chosen: list[int] = []
        for i, line in enumerate(lines):
            if line.lstrip().startswith(b"#"):
                chosen = [
                    offsets[i] + j
                    for j, byte in enumerate(line)
                    if chr(byte).isascii() and chr(byte).isalpha()
                ]
                break
        if not chosen:  # no comment: use the first line of text of the first folded description
            for i, line in enumerate(lines[:-1]):
                if line.strip().startswith(b"description:"):
                    text = lines[i + 1]
                    chosen = [
                        offsets[i + 1] + j
                        for j, b in enumerate(text)
                        if chr(b).isascii() and chr(b).isalpha()
                    ]
                    break
        if not chosen:
            raise RuntimeError(f"{self.path}: no comment or description with letters to change")
        return chosen

    def __call__(self) -> None:
        k = self.calls
        self.calls += 1
        pos = self.positions[k % len(self.positions)]
        old = chr(self.original[pos])
        alternatives = [c for c in string.ascii_lowercase if c != old.lower()]
        new = alternatives[(k // len(self.positions)) % len(alternatives)]
        data = bytearray(self.original)
        data[pos] = ord(new)
        self.path.write_bytes(bytes(data))

    @property
    def variants(self) -> int:
        return len(self.positions) * 25


def base_env(cache_dir: Path) -> dict[str, str]:
    """The inherited environment without roleadvisor's own variables, plus the fixed ones."""
    # PYTHONDONTWRITEBYTECODE is dropped so the untimed first run writes .pyc files, as any
    # user's first run does; otherwise an editable install recompiles every module every run.
    drop = {
        "PYTHONPROFILEIMPORTTIME",
        "COMP_WORDS",
        "COMP_CWORD",
        "FORCE_COLOR",
        "PYTHONDONTWRITEBYTECODE",
    }
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in drop and not k.startswith(("ROLEADVISOR_", COMPLETE_VAR))
    }
    env.update({"NO_COLOR": "1", "COLUMNS": "100", "ROLEADVISOR_CACHE_DIR": str(cache_dir)})
    return env


def run_captured(argv: Sequence[str], env: dict[str, str]) -> tuple[int | None, str, str]:
    """Exit code (None on timeout), stdout and stderr of one untimed run."""
    try:
        proc = subprocess.run(
            list(argv), stdin=subprocess.DEVNULL, capture_output=True, env=env, timeout=TIMEOUT_S, check=False
        )
    except subprocess.TimeoutExpired:
        return None, "", f"timed out after {TIMEOUT_S:.0f} s"
    except OSError as exc:
        return 127, "", str(exc)
    return proc.returncode, proc.stdout.decode(errors="replace"), proc.stderr.decode(errors="replace")


def run_timed(argv: Sequence[str], env: dict[str, str]) -> tuple[float, int | None]:
    """Wall seconds and exit code (None on timeout) of one run with all streams on /dev/null."""
    start = time.perf_counter()
    # Popen.wait() with no timeout blocks in waitpid; with a timeout it polls with sleeps of up
    # to 50 ms, which would round every figure up to the next 50 ms. A timer kills a hung run.
    proc = subprocess.Popen(
        list(argv), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env
    )
    timer = threading.Timer(TIMEOUT_S, proc.kill)
    timer.start()
    try:
        code = proc.wait()
    finally:
        timer.cancel()
    elapsed = time.perf_counter() - start
    return elapsed, (None if code == -signal.SIGKILL else code)


def failure(code: int | None) -> str:
    return "FAILED (timeout)" if code is None else f"FAILED (exit {code})"


def completions(stdout: str) -> list[str]:
    """Completion values from a bash completion reply (Typer: one value a line; Click 8: type,value)."""
    out = []
    for line in stdout.splitlines():
        if not line.strip():
            continue
        kind, sep, value = line.partition(",")
        out.append(value if sep and kind in CLICK_ITEM_TYPES else line)
    return out


def last_line(text: str) -> str:
    """The last line of an error output (the exception or `error:` line of a traceback or message)."""
    lines = [
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("import time:")
    ]
    return lines[-1] if lines else ""


def warm_up(case: Case) -> None:
    """The untimed first run: check the case works, keep its output, pick the completion instruction."""
    if case.error is not None:
        return
    if case.complete_word is None:
        if case.prepare:
            case.prepare()
        code, case.stdout, case.stderr = run_captured(case.argv, case.env)
        if code != 0:
            case.error, case.error_detail = failure(code), last_line(case.stderr)
        return
    attempts = []
    for instruction in COMPLETE_INSTRUCTIONS:
        env = {**case.env, COMPLETE_VAR: instruction}
        code, out, err = run_captured(case.argv, env)
        found = completions(out)
        if code == 0 and any(value.startswith(case.complete_word) for value in found):
            case.env, case.stdout, case.stderr = env, out, err
            return
        attempts.append((instruction, code, out, err, found))
    instruction, code, out, err, found = attempts[0]
    case.env = {**case.env, COMPLETE_VAR: instruction}
    case.stdout, case.stderr = out, err
    case.error = failure(code) if code != 0 else "FAILED (no completions)"
    case.error_detail = "; ".join(
        f"{ins}: exit {c}, {len(f)} completion(s)" + (f", stderr {last_line(e)!r}" if last_line(e) else "")
        for ins, c, _, e, f in attempts
    )


def parse_importtime(stderr: str) -> list[tuple[int, int, str]]:
    """(self us, cumulative us, indented name) for each `import time:` line, in import order."""
    rows = []
    for line in stderr.splitlines():
        if not line.startswith("import time:"):
            continue
        parts = line[len("import time:") :].split("|")
        if len(parts) != 3 or not parts[0].strip().isdigit():
            continue  # the header line
        rows.append(
            (int(parts[0]), int(parts[1]), parts[2].rstrip()[1:] if parts[2].startswith(" ") else parts[2])
        )
    return rows


def measure_imports(case: Case) -> None:
    if case.prepare:
        case.prepare()
    _, _, err = run_captured(case.argv, {**case.env, "PYTHONPROFILEIMPORTTIME": "1"})
    case.modules = parse_importtime(err)


def heavy_imported(case: Case) -> list[str]:
    names = case.imported()
    return [pkg for pkg in HEAVY_PACKAGES if any(n == pkg or n.startswith(pkg + ".") for n in names)]


def time_rounds(cases: list[Case], runs: int) -> None:
    """`runs` rounds; each round runs every still-working case once, the first case rotating."""
    for r in range(runs):
        live = [c for c in cases if c.error is None]
        if not live:
            return
        shift = r % len(live)
        for case in live[shift:] + live[:shift]:
            if case.prepare:
                case.prepare()
            elapsed, code = run_timed(case.argv, case.env)
            if code != 0:
                case.error = failure(code)
                case.error_detail = "failed during the timed runs"
                continue
            case.times.append(elapsed)


def script_interpreter(script: Path) -> str | None:
    """The interpreter named on the script's `#!` line, if it has one."""
    try:
        with script.open("rb") as fh:
            head = fh.readline()
    except OSError:
        return None
    if not head.startswith(b"#!"):
        return None
    words = head[2:].decode(errors="replace").split()
    return words[0] if words else None


def same_interpreter(a: str, b: str) -> bool:
    pa, pb = Path(a), Path(b)
    return pa.resolve() == pb.resolve() and pa.parent.resolve() == pb.parent.resolve()


def build_cases(
    script: Path,
    env: dict[str, str],
    changed_env: dict[str, str],
    changer: Callable[[], None] | None,
    changed_error: str | None,
) -> list[Case]:
    rs = str(script)
    assess_json = [rs, "assess", *ASSESS_RATINGS, "--format", "json"]
    cases = [
        Case("version", "--version", [rs, "--version"], 0.5, heavy_report=True),
        Case("help", "--help", [rs, "--help"], 1.3, heavy_report=True),
        Case("assess-help", "assess --help", [rs, "assess", "--help"], 1.3),
        Case(
            "complete-command",
            "complete 'roleadvisor ass'",
            [rs],
            1.3,
            env={"COMP_WORDS": "roleadvisor ass", "COMP_CWORD": "1"},
            complete_word="ass",
        ),
        Case(
            "complete-role",
            "complete 'roleadvisor role ml'",
            [rs],
            1.3,
            env={"COMP_WORDS": "roleadvisor role ml", "COMP_CWORD": "2"},
            complete_word="ml",
        ),
        Case("assess-json-warm", "assess -r x8 --format json (warm)", assess_json, 1.5, heavy_report=True),
        Case(
            "assess-json-changed",
            "assess -r x8 --format json (changed)",
            assess_json,
            3.5,
            env=changed_env,
            prepare=changer,
            error=changed_error,
        ),
        Case("assess-table", "assess -r x8 (table, warm)", [rs, "assess", *ASSESS_RATINGS], 2.3),
        Case("roles", "roles", [rs, "roles"], 2.0),
        Case("role-mlops", "role mlops", [rs, "role", "mlops"], 2.0),
        Case("lifecycle", "lifecycle", [rs, "lifecycle"], 2.0),
        Case("skills", "skills", [rs, "skills"], 2.0),
    ]
    for case in cases:
        if case.key != "assess-json-changed":
            case.env = {**env, **case.env}
    return cases


def env_extras(case: Case, base: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in case.env.items() if base.get(k) != v}


def count_files(directory: Path) -> int:
    return sum(1 for p in directory.rglob("*") if p.is_file()) if directory.is_dir() else 0


def case_json(case: Case, baseline_ms: float, base: dict[str, str], root: Path) -> dict[str, Any]:
    median = case.median_ms
    ratio = None if median is None else median / baseline_ms
    extras = {k: v.replace(str(root), "$TMP") for k, v in env_extras(case, base).items()}
    return {
        "case": case.key,
        "label": case.label,
        "argv": [Path(case.argv[0]).name, *case.argv[1:]],
        "env": extras,
        "median_ms": None if median is None else round(median, 2),
        "ratio": None if ratio is None else round(ratio, 3),
        "target": case.target,
        "ok": ratio is not None and (case.target is None or ratio <= case.target),
        "status": case.error or ("ok" if case.target is None or (ratio or 0) <= case.target else "MISS"),
        "error_detail": case.error_detail or None,
        "times_ms": [round(t * 1000, 2) for t in case.times],
        "imports": None if case.error else len(case.modules),
        "heavy_imported": None if case.error else heavy_imported(case),
    }


def show_output(cases: list[Case], base: dict[str, str], root: Path, out: TextIO) -> None:
    for case in cases:
        extras = " ".join(f"{k}={v!r}" for k, v in env_extras(case, base).items())
        cmd = " ".join(case.argv[1:]) if case.key != "baseline" else " ".join(case.argv)
        print(f"--- {case.key}: {extras + ' ' if extras else ''}{cmd}".replace(str(root), "$TMP"), file=out)
        if case.complete_word is not None:
            print(f"completions: {completions(case.stdout)}", file=out)
        for name, text in (("stdout", case.stdout), ("stderr", case.stderr)):
            lines = text.splitlines()
            if not lines:
                continue
            print(f"[{name}]", file=out)
            for line in lines[:SHOW_LINES]:
                print(f"  {line}", file=out)
            if len(lines) > SHOW_LINES:
                print(f"  ... ({len(lines) - SHOW_LINES} more lines)", file=out)
    print(file=out)


def print_report(report: dict[str, Any], cases: list[Case], notes: list[str]) -> None:
    base = report["baseline"]
    print(f"roleadvisor start-up: {report['runs']} interleaved runs per case, medians; {report['python']}")
    print(f"command:  {report['command']}")
    print(f"baseline: python -c 'import typer'  median {base['median_ms']:.1f} ms, {base['imports']} imports")
    print()
    header = f"{'case':<38} {'median ms':>9} {'ratio':>6} {'target':>7}  {'result':<23} {'imports':>7}"
    print(header)
    print("-" * len(header))
    for row in report["cases"]:
        median = "-" if row["median_ms"] is None else f"{row['median_ms']:.1f}"
        ratio = "-" if row["ratio"] is None else f"{row['ratio']:.2f}"
        target = "-" if row["target"] is None else f"<= {row['target']:.1f}"
        imports = "-" if row["imports"] is None else row["imports"]
        print(f"{row['label']:<38} {median:>9} {ratio:>6} {target:>7}  {row['status']:<23} {imports:>7}")
    print()
    print("imports = modules imported by the process: 'import time:' lines of one untimed run with")
    print("PYTHONPROFILEIMPORTTIME=1 (= python -X importtime), interpreter start-up modules included.")
    heavy = [c for c in cases if c.heavy_report]
    if heavy:
        print()
        print(f"{'heavy packages imported':<38} " + " ".join(f"{p:>9}" for p in HEAVY_PACKAGES))
        for case in heavy:
            if case.error:
                print(f"{case.label:<38} {case.error}")
                continue
            got = set(heavy_imported(case))
            marks = " ".join(f"{('yes' if p in got else '-'):>9}" for p in HEAVY_PACKAGES)
            print(f"{case.label:<38} {marks}")
    if notes:
        print()
        for note in notes:
            print(f"note: {note}")


def print_modules(case: Case) -> None:
    print(f"{len(case.modules)} modules imported by {case.key} ({' '.join(case.argv[1:]) or case.argv[0]}),")
    print("in import order, indented by nesting; self and cumulative import time in ms:")
    for self_us, cum_us, name in case.modules:
        print(f"{self_us / 1000:8.2f} {cum_us / 1000:8.2f}  {name}")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Time roleadvisor commands as ratios to `python -c 'import typer'` (see the docstring).",
    )
    parser.add_argument(
        "--runs", type=int, default=DEFAULT_RUNS, help=f"timed runs per case (default {DEFAULT_RUNS})"
    )
    parser.add_argument("--command", type=Path, metavar="PATH", help="console script to time")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--check", action="store_true", help="exit 1 if any case misses its target or fails")
    parser.add_argument(
        "--show-output", action="store_true", help="print what each case printed in its untimed first run"
    )
    parser.add_argument("--case", action="append", metavar="KEY", help="time only this case (repeatable)")
    parser.add_argument(
        "--modules", metavar="KEY", help="only list the modules case KEY imports (or 'baseline'), then exit"
    )
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    return args


def setup_changed_catalog(
    script: Path, env: dict[str, str], catalog_dir: Path, notes: list[str]
) -> tuple[CatalogChanger | None, str | None]:
    """Write the catalogue copy with `catalog init`; the changer, or the error to report."""
    code, _, err = run_captured([str(script), "catalog", "init", str(catalog_dir)], env)
    if code != 0:
        notes.append(f"assess-json-changed: 'catalog init' failed: {last_line(err)}")
        return None, f"FAILED (init exit {code})"
    try:
        return CatalogChanger(catalog_dir / "roles.yaml"), None
    except (OSError, RuntimeError) as exc:
        notes.append(f"assess-json-changed: {exc}")
        return None, "FAILED (no byte to change)"


def build_report(
    script: Path,
    runs: int,
    baseline: Case,
    cases: list[Case],
    env: dict[str, str],
    root: Path,
    notes: list[str],
) -> dict[str, Any]:
    baseline_ms = baseline.median_ms
    assert baseline_ms is not None
    return {
        "python": f"Python {platform.python_version()} ({sys.executable})",
        "platform": platform.platform(),
        "command": str(script),
        "runs": runs,
        "baseline": {
            "argv": baseline.argv,
            "median_ms": round(baseline_ms, 2),
            "times_ms": [round(t * 1000, 2) for t in baseline.times],
            "imports": len(baseline.modules),
        },
        "cases": [case_json(c, baseline_ms, env, root) for c in cases],
        "notes": notes,
    }


def final_notes(cases: list[Case], root: Path, changer: CatalogChanger | None) -> list[str]:
    by_detail: dict[str, list[str]] = {}  # cases failing the same way share one note
    for c in cases:
        if c.error and c.error_detail:
            by_detail.setdefault(c.error_detail.replace(str(root), "$TMP"), []).append(c.key)
    notes = [f"{', '.join(keys)}: {detail}" for detail, keys in by_detail.items()]
    loads_catalog = any(c.error is None and c.key in CATALOG_CASES for c in cases)
    if loads_catalog and count_files(root / "cache") + count_files(root / "cache-changed") == 0:
        notes.append(
            "ROLEADVISOR_CACHE_DIR stayed empty: no catalogue cache was written, so the 'warm' "
            "cases measured a cold load"
        )
    if changer is not None and changer.calls > changer.variants:
        notes.append("more runs than one-byte catalogue variants: some changed-catalogue runs repeated one")
    return notes


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    script = (args.command or Path(sys.executable).parent / "roleadvisor").absolute()
    if not script.is_file():
        print(f"error: {script} not found (give the console script with --command PATH)", file=sys.stderr)
        return 2
    notes: list[str] = []
    interpreter = script_interpreter(script)
    if (
        interpreter
        and "python" in Path(interpreter).name
        and not same_interpreter(interpreter, sys.executable)
    ):
        notes.append(
            f"{script.name} runs {interpreter}, the baseline runs {sys.executable}: not the same interpreter"
        )

    with tempfile.TemporaryDirectory(prefix="roleadvisor-bench-") as tmp:
        root = Path(tmp)
        env = base_env(root / "cache")
        catalog_dir = root / "catalog"
        changed_env = {**base_env(root / "cache-changed"), "ROLEADVISOR_CATALOG": str(catalog_dir)}
        keys_wanted = set(args.case or ()) | ({args.modules} if args.modules else set())
        changer, changed_error = None, None
        if not keys_wanted or "assess-json-changed" in keys_wanted:
            changer, changed_error = setup_changed_catalog(script, env, catalog_dir, notes)

        baseline = Case(
            "baseline", "python -c 'import typer'", [sys.executable, "-c", "import typer"], None, env=env
        )
        cases = build_cases(script, env, changed_env, changer, changed_error)
        known = {c.key for c in cases} | {"baseline"}
        if keys_wanted - known:
            unknown = ", ".join(sorted(keys_wanted - known))
            print(f"error: unknown case {unknown}; cases: {', '.join(sorted(known))}", file=sys.stderr)
            return 2

        if args.modules:
            case = next(c for c in [baseline, *cases] if c.key == args.modules)
            warm_up(case)  # also picks the completion instruction
            if case.error:
                print(f"note: {case.key} {case.error}: {case.error_detail}")
            measure_imports(case)
            print_modules(case)
            return 0

        if args.case:
            cases = [c for c in cases if c.key in args.case]
        all_cases = [baseline, *cases]
        for case in all_cases:
            warm_up(case)
        if baseline.error is None:
            for case in all_cases:
                measure_imports(case)
            if args.show_output:
                show_output(all_cases, env, root, sys.stderr if args.json else sys.stdout)
            time_rounds(all_cases, args.runs)
        if baseline.error is not None:
            print(f"error: the baseline {baseline.error}: {baseline.error_detail}", file=sys.stderr)
            return 2
        notes += final_notes(cases, root, changer)
        report = build_report(script, args.runs, baseline, cases, env, root, notes)

    report["all_ok"] = all(row["ok"] for row in report["cases"])
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print_report(report, cases, notes)
    return 1 if args.check and not report["all_ok"] else 0


if __name__ == "__main__":
    sys.exit(main())
