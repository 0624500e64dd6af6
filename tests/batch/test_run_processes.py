"""Worker processes change nothing either: the same bytes, error lines, stops and exceptions.

``run_batch`` scores with worker processes when the output has a file
descriptor (a file, a pipe) on Linux; these tests write to real files and pipes
and compare with the run that does everything in one thread.
"""

from __future__ import annotations

import io
import json
import multiprocessing
import os
import subprocess
import sys
import threading
from pathlib import Path

import numpy as np
import pytest

from roleadvisor.batch import csvinput, procs, readers, run
from roleadvisor.batch.levels import LevelTables
from roleadvisor.batch.run import BatchSummary, run_batch
from roleadvisor.batch.writers import Tally, WriteOptions
from roleadvisor.errors import BatchInputError, RoleAdvisorError
from tests.batch.test_run_threads import (
    CATALOG,
    OUTPUTS,
    SKILLS,
    Outcome,
    batch,
    csv_bytes,
    failing_reader,
    jsonl_bytes,
    mixed_rows,
)

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="worker processes: Linux only")


@pytest.fixture(autouse=True)
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Chunks of 97 rows, so a few thousand rows make dozens of chunks in flight."""
    monkeypatch.setattr(csvinput, "CHUNK_ROWS", 97)
    monkeypatch.setattr(readers, "CHUNK_ROWS", 97)


def batch_to_file(
    data: bytes, tmp_path: Path, fmt: str = "csv", *, strict: bool = False, write: WriteOptions | None = None
) -> Outcome:
    """``batch`` writing to a real file, with two worker processes."""
    target = tmp_path / "out"
    errors: list[str] = []
    progress: list[int] = []
    with target.open("wb") as sink:
        try:
            result: object = run_batch(
                io.BytesIO(data), sink, CATALOG, input_format=fmt, name="in." + fmt,
                write=write or WriteOptions(), strict=strict, on_error=errors.append,
                on_progress=progress.append, threads=2, processes=True,
            )  # fmt: skip
        except RoleAdvisorError as exc:
            result = (type(exc).__name__, exc.message)
    return target.read_bytes(), errors, progress, result


def no_workers_left() -> bool:
    return not multiprocessing.active_children() and not any(
        t.name.startswith("batch") for t in threading.enumerate()
    )


@pytest.mark.parametrize("out", sorted(OUTPUTS))
@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_processes_change_no_byte(fmt: str, out: str, tmp_path: Path, worker_processes: list[int]) -> None:
    rows = mixed_rows(800 if out != "gaps" else 300)
    data = csv_bytes(rows) if fmt == "csv" else jsonl_bytes(rows)
    alone = batch(data, fmt, write=OUTPUTS[out], threads=0)
    assert isinstance(alone[3], BatchSummary) and alone[3].failed > 10
    assert any("duplicate id" in line for line in alone[1])
    assert batch_to_file(data, tmp_path, fmt, write=OUTPUTS[out]) == alone
    assert worker_processes == [2]
    assert no_workers_left()


def test_the_tally_is_the_same(tmp_path: Path) -> None:
    header = "id," + ",".join(CATALOG.skill_ids) + "\n"
    rows = "".join(f"p{i}," + ",".join(["3.5" if i % 4 == 0 else "2", *["1"] * 7]) + "\n" for i in range(400))
    tallies = []
    for processes in (False, True):
        tally = Tally()
        with (tmp_path / f"out{processes}").open("wb") as sink:
            run_batch(
                io.BytesIO((header + rows).encode()), sink, CATALOG, input_format="csv", name="in.csv",
                write=WriteOptions(tally=tally), threads=2, processes=processes,
            )  # fmt: skip
        tallies.append((tally.half_levels, tally.half_example))
    assert tallies[0] == tallies[1] and tallies[0][0] == 100


def test_a_pipe_gets_the_same_bytes(worker_processes: list[int], tmp_path: Path) -> None:
    data = csv_bytes(mixed_rows(2000))
    alone = batch(data, threads=0)[0]
    target = tmp_path / "out"
    with target.open("wb") as out:
        reader = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=out)
        assert reader.stdin is not None
        with reader.stdin as sink:
            run_batch(
                io.BytesIO(data), sink, CATALOG, input_format="csv", name="in.csv", write=WriteOptions(),
                threads=2, processes=True,
            )  # fmt: skip
        reader.wait()
    assert target.read_bytes() == alone
    assert worker_processes == [2]


def test_no_processes_while_another_thread_runs(worker_processes: list[int], tmp_path: Path) -> None:
    """A fork copies only its own thread: a lock another thread holds would never be let go."""
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        data = csv_bytes(mixed_rows(300))
        assert batch_to_file(data, tmp_path) == batch(data, threads=0)
    finally:
        stop.set()
        other.join()
    assert worker_processes == []


def test_strict_stops_at_the_same_record_with_the_same_output(tmp_path: Path) -> None:
    rows = [(f"p{i}", [str((i + j) % 6) for j in range(len(SKILLS))]) for i in range(1300)]
    rows[1234] = ("p7", rows[1234][1])  # a repeated id, in the 13th chunk of 97 rows
    data = csv_bytes(rows)
    alone = batch(data, strict=True, threads=0)
    assert alone[3][0] == "StrictStop"  # type: ignore[index]
    assert batch_to_file(data, tmp_path, strict=True) == alone
    assert no_workers_left()


def test_an_input_error_mid_file_comes_after_every_record_read_before_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    data = csv_bytes(mixed_rows(3000))
    monkeypatch.setattr(run, "read_chunks", failing_reader(9, BatchInputError("in.csv: line 874: boom")))
    alone = batch(data, threads=0)
    assert alone[0].count(b"\n") == 9 * 97
    assert batch_to_file(data, tmp_path) == alone
    assert no_workers_left()


def test_a_failure_in_a_worker_reaches_the_caller(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    real = LevelTables.measure
    calls = {"n": 0}

    def measure(self: LevelTables, ratings: np.ndarray) -> object:
        calls["n"] += 1  # counted in each worker, which got its own copy
        if calls["n"] == 4:
            raise MemoryError
        return real(self, ratings)

    monkeypatch.setattr(LevelTables, "measure", measure)
    with pytest.raises(MemoryError):
        batch_to_file(csv_bytes(mixed_rows(2000)), tmp_path)
    assert no_workers_left()


def test_an_output_that_cannot_be_written_stops_the_run() -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    with open("/dev/full", "wb") as sink, pytest.raises(OSError, match="No space left"):  # noqa: PTH123
        run_batch(
            io.BytesIO(csv_bytes(mixed_rows(3000))), sink, CATALOG, input_format="csv", name="in.csv",
            write=WriteOptions(), threads=2, processes=True,
        )  # fmt: skip
    assert no_workers_left()


def test_ctrl_c_stops_at_once_and_leaves_no_worker_and_no_half_record(tmp_path: Path) -> None:
    data = csv_bytes(mixed_rows(5000))
    calls = []

    def progress(bytes_read: int) -> None:
        calls.append(bytes_read)
        if len(calls) == 3:
            raise KeyboardInterrupt

    target = tmp_path / "out.jsonl"
    with target.open("wb") as sink, pytest.raises(KeyboardInterrupt):
        run_batch(
            io.BytesIO(data), sink, CATALOG, input_format="csv", name="in.csv", write=WriteOptions(),
            on_progress=progress, threads=2, processes=True,
        )  # fmt: skip
    assert len(calls) == 3
    written = target.read_bytes()
    assert written.endswith(b"\n") and written.count(b"\n") % 97 == 0  # whole chunks only
    assert written.count(b"\n") >= 3 * 97
    for line in written.splitlines():
        json.loads(line)
    assert no_workers_left()


def test_in_memory_outputs_use_threads(worker_processes: list[int]) -> None:
    assert not procs.available(io.BytesIO())  # type: ignore[arg-type]
    batch(csv_bytes(mixed_rows(300)), threads=2, processes=True)
    assert worker_processes == []


@pytest.mark.parametrize(
    ("end", "told"),
    [
        (lambda: os._exit(5), "ended unexpectedly (exit code 5)"),
        (lambda: os.kill(os.getpid(), 9), "was killed by SIGKILL (out of memory?)"),
    ],
)
def test_a_worker_that_dies_is_told_not_waited_for(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, end: object, told: str
) -> None:
    real = LevelTables.measure
    calls = {"n": 0}

    def measure(self: LevelTables, ratings: np.ndarray) -> object:
        calls["n"] += 1
        if calls["n"] == 3:
            end()  # type: ignore[operator]
        return real(self, ratings)

    monkeypatch.setattr(LevelTables, "measure", measure)
    outcome = batch_to_file(csv_bytes(mixed_rows(3000)), tmp_path)
    assert outcome[3] in {
        ("OutputIOError", f"batch: worker process {k} of 2 {told}; the output is incomplete") for k in (1, 2)
    }
    assert no_workers_left()


def test_a_stream_that_transforms_its_bytes_gets_threads(tmp_path: Path, worker_processes: list[int]) -> None:
    """``gzip.open`` has a file descriptor too, for the bytes it makes: workers must not go round it."""
    import gzip

    data = csv_bytes(mixed_rows(500))
    target = tmp_path / "out.jsonl.gz"
    with gzip.open(target, "wb") as sink:
        assert not procs.available(sink)  # type: ignore[arg-type]
        run_batch(
            io.BytesIO(data), sink, CATALOG, input_format="csv", name="in.csv", write=WriteOptions(),
            threads=2, processes=True,
        )  # fmt: skip
    assert gzip.decompress(target.read_bytes()) == batch(data, threads=0)[0]
    assert worker_processes == []


def _state(pid: int) -> str:
    """A process's state letter (``Z``: ended, not yet reaped), or ``""`` once it is gone."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return ""


def test_workers_end_when_the_main_process_is_killed(tmp_path: Path) -> None:
    """``kill -9`` (or the out-of-memory killer) on the main process leaves no worker holding the output."""
    import signal
    import time

    from tests.conftest import installed_command

    source = tmp_path / "in.csv"
    source.write_bytes(csv_bytes([(f"p{i}", ["3"] * len(SKILLS)) for i in range(80_000)]))  # over 1 MB
    main = subprocess.Popen(
        [*installed_command(), "batch", str(source)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
    )  # stdout not read: the workers soon wait on a full pipe
    try:
        workers: list[int] = []
        for _ in range(200):
            children = Path(f"/proc/{main.pid}/task/{main.pid}/children")
            workers = [int(p) for p in children.read_text().split()] if children.exists() else []
            if len(workers) == 2:
                break
            time.sleep(0.05)
        assert len(workers) == 2
        main.send_signal(signal.SIGKILL)
        main.wait()
        for _ in range(100):
            if all(_state(pid) in ("", "Z") for pid in workers):
                break
            time.sleep(0.05)
        assert [_state(pid) for pid in workers if _state(pid) not in ("", "Z")] == []
    finally:
        assert main.stdout is not None
        main.stdout.close()
