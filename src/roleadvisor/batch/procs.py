"""Chunks scored and written by worker processes, in input order.

Worker threads share one interpreter lock, and laying out records is mostly
work that holds it; two processes do it side by side. Each worker is a fork of
this process, made before the first chunk is read (so it holds the catalogue
and the formatter already). The main process reads, parses and marks repeated
ids, hands the chunks out in turn (chunk k to worker k mod n), and tells what
is to be told (bad records, tally, progress) in input order as the workers
report each chunk written.

A worker writes its chunks itself, to the output's file descriptor (inherited:
the same open file, the same offset), when it holds the turn: a byte passed
from worker to worker through pipes in a ring. So the output is written in
input order, a chunk at a time, whether it is a file or a pipe, and holds the
very bytes the threads would write.

Only where ``fork`` is safe and cheap and the workers may write for the sink
(see ``available``: Linux, no other thread running, a plain file or pipe);
elsewhere ``run`` uses threads. Workers end with the main process, however it
ends (``_die_with_parent``).
"""

from __future__ import annotations

import contextlib
import io
import multiprocessing
import os
import queue
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import IO, Any

from roleadvisor.batch.records import Chunk
from roleadvisor.errors import OutputIOError
from roleadvisor.output import WholeWrites

Format = Callable[[Chunk], list[bytes]]
AHEAD = 2  # chunks in flight per worker


def available(sink: IO[bytes]) -> bool:
    """Whether worker processes can write to ``sink``.

    On Linux, when this process runs no other thread (a fork copies only the thread
    that makes it, so a lock another thread held, the one around stderr say, would stay
    locked in the worker for ever), and when ``sink`` is a plain file or buffered file
    (or ``WholeWrites`` around one): its file descriptor takes exactly the bytes written
    to it. A stream that transforms them (``gzip.open``) may have a descriptor too, for
    the bytes it makes; workers writing there would go round it.
    """
    if not sys.platform.startswith("linux") or not hasattr(os, "fork") or threading.active_count() > 1:
        return False
    stream = sink.wrapped if isinstance(sink, WholeWrites) else sink
    if type(stream) not in (io.FileIO, io.BufferedWriter, io.BufferedRandom):
        return False
    try:
        stream.fileno()
    except (OSError, ValueError):  # closed, or detached
        return False
    return True


def _die_with_parent(parent: int) -> None:
    """Have the kernel end this worker when the main process ends, however it ends (``kill -9``,
    the out-of-memory killer), so no worker is left holding the output open."""
    with contextlib.suppress(OSError, AttributeError):
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1: PR_SET_PDEATHSIG
    if os.getppid() != parent:  # it ended before the kernel was asked
        os._exit(0)


def _write_fd(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        if not written:
            raise BrokenPipeError(32, "the output stopped taking data")
        view = view[written:]


def _pull(tasks: Connection, inbox: queue.SimpleQueue[Any]) -> None:
    """Take tasks off the pipe as soon as they come, so the main process never waits to hand one over."""
    try:
        while True:
            task = tasks.recv()
            inbox.put(task)
            if task is None:
                return
    except (EOFError, OSError):
        inbox.put(None)


class _Stop:
    """A worker told to stop (SIGTERM) while writing finishes the chunk first: no half chunk is left."""

    writing = False
    asked = False

    @classmethod
    def handler(cls, _signum: int, _frame: object) -> None:
        if cls.writing:
            cls.asked = True
        else:
            os._exit(0)


def _work(
    formatter: Format,
    fd: int,
    tasks: Connection,
    reports: Connection,
    turn_in: int,
    turn_out: int,
    parent: int,
    others: list[int],
) -> None:
    """A worker: format each chunk it is sent, wait for the turn, write it, pass the turn on.

    ``others``: the descriptors it inherited but does not use (pipes of the main process and
    of the other workers), closed at once, so that a pipe's end is seen when its owner goes.
    """
    _die_with_parent(parent)
    for other in others:
        with contextlib.suppress(OSError):
            os.close(other)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    signal.signal(signal.SIGTERM, _Stop.handler)
    inbox: queue.SimpleQueue[Any] = queue.SimpleQueue()
    threading.Thread(target=_pull, args=(tasks, inbox), daemon=True).start()
    seq = -1
    try:
        while True:
            task = inbox.get()
            if task is None:
                return
            seq, chunk = task
            parts = formatter(chunk)
            if not os.read(turn_in, 1):
                return  # the ring is broken: the run is being stopped
            _Stop.writing = True
            for part in parts:
                _write_fd(fd, part)
            _Stop.writing = False
            if _Stop.asked:
                os._exit(0)
            os.write(turn_out, b"\1")
            reports.send((seq, None))
    except BaseException as exc:  # every failure is the main process's to raise
        _report(reports, seq, exc)


def _report(reports: Connection, seq: int, exc: BaseException) -> None:
    """Send ``exc`` to the main process (by name if it cannot be pickled; not at all if it is gone)."""
    try:
        reports.send((seq, exc))
    except Exception:  # not picklable (or the main process is gone: then nobody is told)
        with contextlib.suppress(Exception):
            reports.send((seq, RuntimeError(f"batch worker: {type(exc).__name__}: {exc}")))


class ProcessOutput:
    """``run._Output`` with worker processes: the same calls, the same bytes, the same order."""

    def __init__(
        self,
        sink: IO[bytes],
        formatter: Format,
        on_written: Callable[[Chunk, int], None],
        workers: int,
    ) -> None:
        sink.flush()  # what the sink holds (a CSV header) goes first
        for stream in (sys.stdout, sys.stderr):  # a worker must not write out again what was waiting
            if stream is not None:
                stream.flush()
        self.sink = sink
        self.on_written = on_written
        self.pending: deque[tuple[Chunk, int]] = deque()
        self.sent = 0
        context = multiprocessing.get_context("fork")
        fd = sink.fileno()
        rings = [os.pipe() for _ in range(workers)]  # rings[k]: the turn of worker k
        self.tasks: list[Connection] = []
        self.reports: list[Connection] = []
        self.procs: list[Any] = []
        self.turn_fds = [end for ring in rings for end in ring]
        try:
            for k in range(workers):
                task_out, task_in = context.Pipe(duplex=False)
                report_out, report_in = context.Pipe(duplex=False)
                turn_in, turn_out = rings[k][0], rings[(k + 1) % workers][1]
                others = [c.fileno() for c in (*self.tasks, *self.reports, task_in, report_out)]
                others += [end for end in self.turn_fds if end not in (turn_in, turn_out)]
                proc = context.Process(
                    target=_work,
                    args=(formatter, fd, task_out, report_in, turn_in, turn_out, os.getpid(), others),
                    name=f"roleadvisor-batch-{k}",
                    daemon=True,
                )
                proc.start()
                task_out.close()
                report_in.close()
                self.tasks.append(task_in)
                self.reports.append(report_out)
                self.procs.append(proc)
            os.write(rings[0][1], b"\1")  # worker 0 writes first
        except BaseException:
            self.close()
            raise

    def __enter__(self) -> ProcessOutput:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def add(self, chunk: Chunk, bytes_read: int) -> None:
        """Hand ``chunk`` to the next worker; tell about the chunks written meanwhile."""
        k = self.sent % len(self.procs)
        try:
            self.tasks[k].send((self.sent, chunk))
        except OSError:  # the worker has stopped: its report of the chunks before says why
            self.finish()
            raise
        self.sent += 1
        self.pending.append((chunk, bytes_read))
        while self.pending and (
            len(self.pending) > AHEAD * len(self.procs) or self.reports[self._oldest()].poll()
        ):
            self._collect()

    def finish(self) -> None:
        """Wait until every chunk handed out is written."""
        while self.pending:
            self._collect()

    def _oldest(self) -> int:
        return (self.sent - len(self.pending)) % len(self.procs)

    def _collect(self) -> None:
        k = self._oldest()
        try:
            _seq, problem = self.reports[k].recv()
        except EOFError:
            raise OutputIOError(f"batch: {self._lost(k)}; the output is incomplete") from None
        if problem is not None:
            raise problem
        chunk, bytes_read = self.pending.popleft()
        self.on_written(chunk, bytes_read)

    def _lost(self, k: int) -> str:
        """How worker ``k`` ended, having said nothing (killed, for one: out of memory?)."""
        proc = self.procs[k]
        proc.join(timeout=5)
        code = proc.exitcode
        what = f"worker process {k + 1} of {len(self.procs)}"
        if code is None:
            return f"{what} stopped answering"
        if code < 0:
            name = signal.Signals(-code).name if -code in signal.valid_signals() else str(-code)
            hint = " (out of memory?)" if -code == signal.SIGKILL else ""
            return f"{what} was killed by {name}{hint}"
        return f"{what} ended unexpectedly (exit code {code})"

    def close(self) -> None:
        """Stop the workers (at once if chunks are still in flight) and wait for them."""
        for conn in self.tasks:
            with contextlib.suppress(OSError):
                conn.send(None)
        if self.pending:  # stopping early: what is still in flight is dropped
            for proc in self.procs:
                proc.terminate()
        for fd in self.turn_fds:
            os.close(fd)
        self.turn_fds = []
        for proc in self.procs:
            proc.join(timeout=5)  # a worker stopped while writing finishes its chunk first...
            if proc.is_alive():  # ...unless the output is stuck (a pipe nobody reads)
                proc.kill()
                proc.join()
        for conn in [*self.tasks, *self.reports]:
            conn.close()
        self.tasks, self.reports, self.procs = [], [], []
