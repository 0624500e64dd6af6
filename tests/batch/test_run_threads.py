"""Worker threads and slices change nothing: the same bytes, error lines, stops and exceptions."""

from __future__ import annotations

import io
import json
import random
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
import pytest

from roleadvisor.batch import csvinput, dedupe, readers, run
from roleadvisor.batch.levels import LevelTables
from roleadvisor.batch.records import Chunk
from roleadvisor.batch.run import BatchSummary, run_batch
from roleadvisor.batch.writers import WriteOptions
from roleadvisor.catalog.loader import load_catalog
from roleadvisor.errors import BatchInputError, RoleAdvisorError
from tests.conftest import MLE, Invoke

SKILLS = list(MLE)
CATALOG = load_catalog()


def mixed_rows(n: int, seed: int = 1) -> list[tuple[str, list[str]]]:
    """Rows with now and then a bad level, a repeated id, no id, a quoted id."""
    rng = random.Random(seed)  # noqa: S311 - reproducible rows, not secrets
    rows = []
    for i in range(n):
        ident, levels = f"p{i}", [str(rng.randint(0, 5)) for _ in SKILLS]
        pick = rng.random()
        if pick < 0.03:
            levels[rng.randrange(len(SKILLS))] = rng.choice(["9", "x", "", "2.5"])
        elif pick < 0.06:
            ident = f"p{rng.randrange(i + 1)}"
        elif pick < 0.07:
            ident = ""
        rows.append((ident, levels))
    return rows


def csv_bytes(rows: list[tuple[str, list[str]]]) -> bytes:
    lines = ["id," + ",".join(SKILLS)] + [f"{ident}," + ",".join(levels) for ident, levels in rows]
    return ("\n".join(lines) + "\n").encode()


def jsonl_bytes(rows: list[tuple[str, list[str]]]) -> bytes:
    out = []
    for ident, levels in rows:
        values = {s: int(v) if v.isdigit() else v for s, v in zip(SKILLS, levels, strict=True)}
        out.append(json.dumps({"id": ident or None, **values}))
    return ("\n".join(out) + "\n").encode()


@pytest.fixture(autouse=True)
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Chunks of 97 rows, so a few thousand rows make dozens of chunks in flight."""
    monkeypatch.setattr(csvinput, "CHUNK_ROWS", 97)
    monkeypatch.setattr(readers, "CHUNK_ROWS", 97)


Outcome = tuple[bytes, list[str], list[int], object]


def batch(
    data: bytes,
    fmt: str = "csv",
    *,
    strict: bool = False,
    write: WriteOptions | None = None,
    **kwargs: object,
) -> Outcome:
    """Output bytes, error lines, progress reports, and the summary or the exception."""
    sink = io.BytesIO()
    errors: list[str] = []
    progress: list[int] = []
    try:
        result: object = run_batch(
            io.BytesIO(data),
            sink,
            CATALOG,
            input_format=fmt,
            name="in." + fmt,
            write=write or WriteOptions(),
            strict=strict,
            on_error=errors.append,
            on_progress=progress.append,
            **kwargs,  # type: ignore[arg-type]
        )
    except RoleAdvisorError as exc:
        result = (type(exc).__name__, exc.message)
    return sink.getvalue(), errors, progress, result


def no_batch_threads() -> bool:
    return not any(t.name.startswith("batch") for t in threading.enumerate())


WAYS = [
    {"threads": 2},
    {"threads": 1, "slice_rows": 3},
    {"threads": 2, "slice_rows": 7},
    {"threads": 0, "slice_rows": 5},
]
OUTPUTS = {
    "jsonl": WriteOptions(),
    "csv": WriteOptions(fmt="csv"),
    "top-2": WriteOptions(top=2),
    "gaps": WriteOptions(with_gaps=True, top=3),
}


@pytest.mark.parametrize("out", sorted(OUTPUTS))
@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_threads_and_slices_change_no_byte(fmt: str, out: str) -> None:
    rows = mixed_rows(800 if out != "gaps" else 300)
    data = csv_bytes(rows) if fmt == "csv" else jsonl_bytes(rows)
    alone = batch(data, fmt, write=OUTPUTS[out], threads=0, slice_rows=10**6)
    assert isinstance(alone[3], BatchSummary) and alone[3].failed > 10 and alone[1]
    assert any("duplicate id" in line for line in alone[1])
    for way in WAYS:
        assert batch(data, fmt, write=OUTPUTS[out], **way) == alone, way


def test_strict_stops_at_the_same_record_with_the_same_output() -> None:
    rows = [(f"p{i}", [str((i + j) % 6) for j in range(len(SKILLS))]) for i in range(1300)]
    rows[1234] = ("p7", rows[1234][1])  # a repeated id, in the 13th chunk of 97 rows
    data = csv_bytes(rows)
    alone = batch(data, strict=True, threads=0)
    assert alone[3] == (
        "StrictStop",
        '--strict: stopped at the first bad record: line 1236 (id "p7"): '
        'duplicate id "p7" (an earlier record has it)',
    )
    assert alone[0].count(b"\n") == 1234
    for way in WAYS:
        assert batch(data, strict=True, **way) == alone, way
    assert no_batch_threads()


def failing_reader(after: int, problem: BaseException) -> Callable[..., Iterator[Chunk]]:
    """``read_chunks`` that gives ``after`` chunks, then raises ``problem``."""
    real = run.read_chunks

    def read(*args: object, **kwargs: object) -> Iterator[Chunk]:
        for count, chunk in enumerate(real(*args, **kwargs), start=1):  # type: ignore[arg-type]
            yield chunk
            if count == after:
                raise problem

    return read


def test_an_input_error_mid_file_comes_after_every_record_read_before_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = csv_bytes(mixed_rows(3000))
    monkeypatch.setattr(run, "read_chunks", failing_reader(9, BatchInputError("in.csv: line 874: boom")))
    alone = batch(data, threads=0)
    assert alone[3] == ("BatchInputError", "in.csv: line 874: boom")
    assert alone[0].count(b"\n") == 9 * 97
    for way in WAYS:
        assert batch(data, **way) == alone, way
    assert no_batch_threads()


def test_an_input_error_mid_file_leaves_no_output_file(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source, target = tmp_path / "in.csv", tmp_path / "out.jsonl"
    source.write_bytes(csv_bytes(mixed_rows(3000)))
    monkeypatch.setattr(run, "read_chunks", failing_reader(5, BatchInputError(f"{source}: line 490: boom")))
    result = invoke("batch", str(source), "-o", str(target))
    assert result.exit_code == 2
    assert result.stderr.endswith(f"error: {source}: line 490: boom\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv"]


def test_ctrl_c_stops_at_once_and_leaves_no_thread_behind() -> None:
    data = csv_bytes(mixed_rows(5000))
    calls = []

    def progress(bytes_read: int) -> None:
        calls.append(bytes_read)
        if len(calls) == 3:
            raise KeyboardInterrupt

    sink = io.BytesIO()
    with pytest.raises(KeyboardInterrupt):
        run_batch(
            io.BytesIO(data), sink, CATALOG, input_format="csv", name="in.csv", write=WriteOptions(),
            on_progress=progress, threads=2,
        )  # fmt: skip
    assert len(calls) == 3
    assert sink.getvalue().count(b"\n") == 3 * 97
    assert no_batch_threads()


def test_a_failure_in_a_worker_reaches_the_caller(monkeypatch: pytest.MonkeyPatch) -> None:
    real = LevelTables.measure
    calls = {"n": 0}

    def measure(self: LevelTables, ratings: np.ndarray) -> object:
        calls["n"] += 1
        if calls["n"] == 6:
            raise MemoryError
        return real(self, ratings)

    monkeypatch.setattr(LevelTables, "measure", measure)
    with pytest.raises(MemoryError):
        batch(csv_bytes(mixed_rows(2000)), threads=2)
    assert calls["n"] >= 6
    assert no_batch_threads()


def test_an_output_that_cannot_be_written_stops_the_run() -> None:
    class Full(io.BytesIO):
        def write(self, data: object) -> int:
            if self.tell() > 20_000:
                raise OSError(28, "No space left on device")
            return super().write(data)  # type: ignore[arg-type]

    with pytest.raises(OSError, match="No space left"):
        run_batch(
            io.BytesIO(csv_bytes(mixed_rows(3000))), Full(), CATALOG, input_format="csv", name="in.csv",
            write=WriteOptions(), threads=2,
        )  # fmt: skip
    assert no_batch_threads()


def test_too_many_ids_for_the_duplicate_check_is_an_input_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dedupe, "MAX_IDS", 250)
    rows = [(f"p{i}", ["1"] * len(SKILLS)) for i in range(400)]
    out, _, _, result = batch(csv_bytes(rows), threads=2)
    assert result == ("BatchInputError", "in.csv: more than 250 records with an id; split the input")
    assert out.count(b"\n") == 2 * 97


def test_every_row_is_scored_on_its_own() -> None:
    """Why slices may be any size: a row's output does not depend on the rows scored with it."""
    rng = np.random.default_rng(5)
    rows = [(f"p{i}", [str(v) for v in row]) for i, row in enumerate(rng.integers(0, 6, (400, 8)).tolist())]
    whole = batch(csv_bytes(rows), threads=0)[0].splitlines()
    for i in (0, 57, 399):
        assert batch(csv_bytes([rows[i]]), threads=0)[0].splitlines() == [whole[i]]


@pytest.mark.parametrize(("threads", "slice_rows"), [(0, 4096), (2, 3)])
def test_half_levels_are_counted_whatever_the_threads_and_slices(threads: int, slice_rows: int) -> None:
    """The tally is kept on whole chunks in input order, so slicing for speed drops none."""
    from roleadvisor.batch.writers import Tally

    header = "id," + ",".join(CATALOG.skill_ids) + "\n"
    rows = "".join(f"p{i}," + ",".join(["3.5" if i % 4 == 0 else "2", *["1"] * 7]) + "\n" for i in range(40))
    tally = Tally()
    run_batch(
        io.BytesIO((header + rows).encode()),
        io.BytesIO(),
        CATALOG,
        input_format="csv",
        name="t.csv",
        write=WriteOptions(tally=tally),
        threads=threads,
        slice_rows=slice_rows,
    )
    assert tally.half_levels == 10
