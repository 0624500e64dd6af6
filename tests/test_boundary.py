"""One error boundary: usage errors, interrupts and unwritable stdout each end in one line and a documented code."""

from __future__ import annotations

import subprocess
import sys

import pytest

from roleadvisor.boundary import run
from roleadvisor.errors import EXIT_INTERRUPTED, EXIT_IO, RatingError

from .conftest import MLE, Invoke, installed_command, rate_args


@pytest.mark.parametrize(
    ("args", "message", "hint"),
    [
        (["assess", "--tp", "3"], "error: No such option: --tp", "roleadvisor assess --help"),
        (["assess", *rate_args(MLE), "--top"], "error: Option '--top' requires an argument", "--help"),
        (["assess", "-f", "xml"], "error: Invalid value for '--format' / '-f': 'xml' is not one of", "roleadvisor assess --help"),
        (["assess", "--top", "0"], "error: Invalid value for '--top' / '-n': 0 is not in the range", "roleadvisor assess --help"),
        (["batch"], "error: Missing argument 'INPUT'", "roleadvisor batch --help"),
        (["role"], "error: Missing argument 'ROLE'", "roleadvisor role --help"),
        (["roles", "--format", "csv"], "error: Invalid value for '--format' / '-f': 'csv' is not one of", "roleadvisor roles --help"),
        (["asess"], "error: No such command 'asess'. Did you mean 'assess'?", "roleadvisor --help"),
        (["ROLES"], "error: No such command 'ROLES'. Did you mean 'roles', 'role'?", "roleadvisor --help"),
        (["help"], "error: No such command 'help'. Did you mean '--help'?", "roleadvisor --help"),
        (["catalog", "frob"], "error: No such command 'frob'", "roleadvisor catalog --help"),
        (["roles", "extra"], "error: Got unexpected extra argument(s) (extra)", "roleadvisor roles --help"),
    ],
)
def test_every_usage_error_is_one_error_line_with_exit_2(invoke: Invoke, args: list[str], message: str, hint: str) -> None:
    result = invoke(*args)
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(message), lines[0]
    assert lines[0].endswith(f"(see '{hint}')") or hint in lines[0]
    assert "Usage:" not in result.stderr and "Traceback" not in result.stderr
    assert result.stdout == ""


def test_no_arguments_prints_the_help(invoke: Invoke) -> None:
    for args in ([], ["catalog"]):
        result = invoke(*args)
        assert result.exit_code == 0
        assert result.stdout.startswith("Usage: roleadvisor")
        assert result.stderr == ""


def test_a_rating_error_through_the_boundary_is_one_line() -> None:
    def fail() -> int:
        raise RatingError("rating for 'ml' is 7, outside the scale 0-5")

    assert run(fail) == 2


def test_ctrl_c_is_exit_130_without_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    def interrupted() -> int:
        raise KeyboardInterrupt

    assert run(interrupted) == EXIT_INTERRUPTED
    assert capsys.readouterr().err == "\ninterrupted\n"


def test_unwritable_stdout_is_exit_1_with_one_line() -> None:
    with open("/dev/full", "w") as full:  # noqa: PTH123 - a device, not a path to manage
        for args in (["--version"], ["roles", "--format", "json"], ["roles"], ["assess", *rate_args(MLE), "-f", "json"]):
            done = subprocess.run(
                [*installed_command(), *args], stdout=full, stderr=subprocess.PIPE, text=True, check=False
            )
            assert done.returncode == EXIT_IO, args
            assert done.stderr.splitlines() == ["error: cannot write the output: No space left on device"], args


def test_closed_stdout_is_exit_1_with_one_line() -> None:
    for args in (["--version"], ["roles", "--format", "json"], ["roles"], ["--help"], ["assess", "--help"]):
        done = subprocess.run(
            [*installed_command(), *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False,
            preexec_fn=lambda: __import__("os").close(1),
        )
        assert done.returncode == EXIT_IO, (args, done.stderr)
        assert len(done.stderr.splitlines()) == 1 and done.stderr.startswith("error: "), done.stderr


def test_a_closed_pipe_ends_quietly() -> None:
    producer = subprocess.Popen([*installed_command(), "skills"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert producer.stdout is not None
    producer.stdout.readline()
    producer.stdout.close()
    _, err = producer.communicate(timeout=60)
    assert producer.returncode in (0, EXIT_IO)
    assert b"Traceback" not in err


def _big_csv(path: object, rows: int) -> None:
    from pathlib import Path

    header = "id," + ",".join(MLE) + "\n"
    line = ",".join(str(v) for v in MLE.values())
    Path(str(path)).write_text(header + "".join(f"p{i},{line}\n" for i in range(rows)))


@pytest.mark.parametrize(("sig", "code", "word"), [("SIGTERM", 143, "terminated"), ("SIGINT", 130, "interrupted")])
def test_a_signal_during_batch_output_keeps_the_old_file_and_leaves_no_temporary(tmp_path: object, sig: str, code: int, word: str) -> None:
    import signal
    import time
    from pathlib import Path

    folder = Path(str(tmp_path))
    source, target = folder / "in.csv", folder / "out.jsonl"
    _big_csv(source, 400_000)
    target.write_text("OLD\n")
    results = []
    for delay in (0.3, 0.6, 0.9):
        proc = subprocess.Popen(
            [*installed_command(), "batch", str(source), "-o", str(target)],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
        )
        time.sleep(delay)
        proc.send_signal(getattr(signal, sig))
        _, err = proc.communicate(timeout=120)
        results.append((proc.returncode, err.decode()))
        assert sorted(p.name for p in folder.iterdir()) == ["in.csv", "out.jsonl"], delay
        if b"Traceback" in err and _only_the_launcher(err.decode()):
            assert target.read_text() == "OLD\n"  # a loaded machine: signalled before roleadvisor ran
            continue
        if proc.returncode == code:
            assert target.read_text() == "OLD\n"
            assert "Traceback" not in err.decode() and word in err.decode()
        else:
            assert proc.returncode == 0  # it finished before the signal: the new file is whole
            assert target.read_text().count("\n") == 400_000
            target.write_text("OLD\n")
    assert any(rc == code for rc, _ in results), results


def _only_the_launcher(err: str) -> bool:
    """Whether a traceback has no frame in roleadvisor's package: the signal came while the
    interpreter started (``site``) or pip's launcher imported the standard library (``re``),
    before any roleadvisor code ran, so nothing of ours could catch it (a loaded machine)."""
    import re

    frames = re.findall(r'File "([^"]+)"', err)
    return bool(frames) and not any("/roleadvisor/" in f for f in frames)


def test_ctrl_c_during_start_up_is_one_line_not_a_traceback() -> None:
    """SIGINT while Typer, Rich and the catalogue load.

    The signal is sent at fractions of how long a whole run takes on this machine right
    now, so that a loaded machine (slower start-up) still interrupts roleadvisor's own
    start-up rather than only the interpreter's.
    """
    import signal
    import time

    started = time.perf_counter()
    subprocess.run([*installed_command(), "roles"], capture_output=True, stdin=subprocess.DEVNULL, check=True)
    whole = time.perf_counter() - started
    seen = []
    for fraction in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
        delay = whole * fraction
        proc = subprocess.Popen(
            [*installed_command(), "roles"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL
        )
        time.sleep(delay)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
        if b"Traceback" in err and _only_the_launcher(err.decode()):
            continue  # a loaded machine: the signal came before roleadvisor's code started
        assert b"Traceback" not in err, (delay, err.decode())
        seen.append(proc.returncode)
        if proc.returncode == -signal.SIGINT:  # landed before Python's handler was set, or after exit began
            assert err == b"", (delay, err)
        elif proc.returncode != 0:
            assert proc.returncode == EXIT_INTERRUPTED and err.decode().strip() == "interrupted", (delay, err)
    assert EXIT_INTERRUPTED in seen, seen


@pytest.mark.parametrize(
    "args",
    [
        ["assess", "--profile", "{long}"],
        ["--catalog", "{long}", "roles"],
        ["catalog", "init", "{long}"],
        ["catalog", "validate", "{long}"],
        ["compare", "{long}", "{long}"],
        ["batch", "{long}"],
    ],
)
def test_a_path_the_file_system_refuses_is_one_line(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """A name too long for the file system is the person's input: one line, exit 2, no traceback."""
    from roleadvisor.__main__ import main

    long = "y" * 300
    code = main([a.replace("{long}", long) for a in args])
    err = capsys.readouterr().err
    assert code == 2, err
    assert err == f"error: {'y' * 77}...: File name too long\n"


def test_signals_after_the_command_has_ended_are_ignored() -> None:
    """Once the command returns, its output is complete: a late Ctrl-C or SIGTERM must not turn the
    interpreter's shutdown (joining batch workers, flushing) into a traceback."""
    code = (
        "import signal, sys\n"
        "from roleadvisor.__main__ import main\n"
        "sys.argv = ['roleadvisor', '--version']\n"
        "before = signal.getsignal(signal.SIGINT)\n"
        "main()\n"
        "print(before is not signal.SIG_IGN, signal.getsignal(signal.SIGINT) is signal.SIG_IGN,"
        " signal.getsignal(signal.SIGTERM) is signal.SIG_IGN)\n"
    )
    import signal

    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),  # Python then handles it
    )  # fmt: skip
    assert done.stdout.splitlines()[-1] == "True True True"


def test_main_called_with_arguments_leaves_the_signals_alone() -> None:
    """Called in process (tests, embedding), main must not take the caller's Ctrl-C away."""
    import signal

    from roleadvisor.__main__ import main

    before = signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)
    assert main(["--version"]) == 0
    assert (signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)) == before
