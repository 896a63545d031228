"""Hostile notebooks against the sandbox: each attack must fail inside its own worker.

These run real workers forked from the fork server. Tests that depend on dropping to an
unprivileged uid (hiding course material, not signalling the grader) need the grader to run
as root, which is how CI runs; elsewhere they are skipped with the reason.
"""

from __future__ import annotations

import os
import socket

import numpy as np
import pytest
from conftest import IS_ROOT, TOY_ROOT

from autograder.batch.load import Cell
from autograder.grading.grade import grade
from autograder.grading.run import StudentCrashed, StudentRaised, StudentTimeout, SubmissionRun
from autograder.worker.sandbox import SandboxLimits

HIDDEN = str(TOY_ROOT / "course" / "hidden" / "toy")
SOLUTIONS = str(TOY_ROOT / "solutions")
needs_root = pytest.mark.skipif(not IS_ROOT, reason="hiding files needs the grader to run as root")


def start(forkserver, *sources: str, tmp_path=None, **limits) -> SubmissionRun:
    hidden = [str(TOY_ROOT / "course"), SOLUTIONS] + ([str(tmp_path)] if tmp_path else [])
    settings = {"call_seconds": 2.0, "wall_seconds": 30.0, "hidden_paths": tuple(hidden)}
    cells = tuple(Cell(i, s) for i, s in enumerate(sources))
    return SubmissionRun(forkserver, cells, SandboxLimits(**(settings | limits)))


def call(run: SubmissionRun, name: str, *args):
    return run.call(name, args, {})[0]


@needs_root
@pytest.mark.parametrize("target", [HIDDEN, SOLUTIONS, HIDDEN + "/test_double.py"])
def test_cannot_read_course_material(forkserver, target):
    run = start(forkserver, "import os\ndef peek(path):\n    return os.listdir(path) "
                "if os.path.isdir(path) else open(path).read()\n")
    with pytest.raises(StudentRaised, match="PermissionError|FileNotFoundError|NotADirectory"):
        call(run, "peek", target)
    run.close()


@needs_root
def test_cannot_read_other_submissions(forkserver, tmp_path):
    (tmp_path / "other.ipynb").write_text("{}")
    run = start(forkserver, "import os\ndef peek(path):\n    return os.listdir(path)\n",
                tmp_path=tmp_path)
    with pytest.raises(StudentRaised, match="PermissionError|FileNotFoundError"):
        call(run, "peek", str(tmp_path))
    run.close()


@needs_root
def test_cannot_signal_the_grader_or_fork_server(forkserver):
    run = start(forkserver, "import os, signal\n"
                "def attack(pid):\n    os.kill(pid, signal.SIGKILL)\n"
                "def attack_parent():\n    os.kill(os.getppid(), signal.SIGKILL)\n")
    with pytest.raises(StudentRaised, match="PermissionError"):
        call(run, "attack", os.getpid())
    with pytest.raises(StudentRaised, match="PermissionError"):
        call(run, "attack_parent")
    run.close()
    # The fork server still serves:
    again = start(forkserver, "def one():\n    return 1\n")
    assert call(again, "one") == 1
    again.close()


def test_cannot_fork(forkserver):
    run = start(forkserver, "import os\ndef spawn():\n    return os.fork()\n")
    with pytest.raises(StudentRaised, match="BlockingIOError|PermissionError"):
        call(run, "spawn")
    run.close()


def test_no_network(forkserver):
    server = socket.create_server(("127.0.0.1", 0))
    port = server.getsockname()[1]
    run = start(forkserver, "import socket\ndef dial(port):\n"
                "    socket.create_connection(('127.0.0.1', port), timeout=1).close()\n"
                "    return 'connected'\n")
    with pytest.raises(StudentRaised, match="OSError|unreachable|refused"):
        call(run, "dial", port)
    run.close()
    server.close()


def test_write_limit(forkserver):
    run = start(forkserver, "def fill(mib):\n    with open('big.bin', 'wb') as f:\n"
                "        f.write(b'x' * (mib * 2**20))\n    return mib\n")
    assert call(run, "fill", 1) == 1
    with pytest.raises(StudentRaised, match="OSError|File too large"):
        call(run, "fill", 11)
    run.close()


def test_memory_bomb_fails_inside_the_worker(forkserver):
    run = start(forkserver, "bomb = bytearray(3 * 2**30)", "def one():\n    return 1\n")
    assert call(run, "one") == 1
    assert run.report.problems == ["cell 1 raised MemoryError (line 1)"]
    run.close()


def test_environment_is_scrubbed(forkserver, monkeypatch):
    monkeypatch.setenv("GRADER_SECRET", "s3cret")
    run = start(forkserver, "import os\ndef env():\n    return sorted(os.environ)\n")
    names = call(run, "env")
    assert "GRADER_SECRET" not in names
    assert {"HOME", "PATH", "PYTHONHASHSEED"} <= set(names)
    run.close()


def test_os_exit_in_a_cell_is_skipped_on_restart(forkserver):
    run = start(forkserver, "def one():\n    return 1\n", "import os\nos._exit(3)",
                "def two():\n    return 2\n")
    assert call(run, "two") == 2
    assert call(run, "one") == 1
    assert run.report.crashed
    assert "cell 2 ended the notebook's process" in run.report.problems[0]
    run.close()


def test_os_exit_in_a_function_costs_only_that_call(forkserver):
    run = start(forkserver, "import os\ndef die():\n    os._exit(1)\ndef two():\n    return 2\n")
    with pytest.raises(StudentCrashed, match="ended your notebook's process"):
        call(run, "die")
    assert call(run, "two") == 2
    run.close()


def test_hanging_cell_is_skipped(forkserver):
    run = start(forkserver, "while True:\n    pass", "def two():\n    return 2\n",
                call_seconds=0.5)
    assert call(run, "two") == 2
    assert run.report.timed_out
    run.close()


def test_wall_limit_ends_grading_of_the_submission(forkserver):
    run = start(forkserver, "import time\ndef nap():\n    time.sleep(0.4)\n    return 1\n",
                call_seconds=1.0, wall_seconds=1.0)
    with pytest.raises(StudentTimeout):
        for _ in range(5):
            call(run, "nap")
    with pytest.raises(StudentTimeout, match="time limit of 1 s for the whole notebook"):
        call(run, "nap")
    run.close()


def test_garbage_on_the_socket_is_a_crash_not_a_grader_error(forkserver):
    run = start(forkserver, "import os, stat\ndef scribble():\n"
                "    for fd in range(3, 64):\n"
                "        try:\n"
                "            if stat.S_ISSOCK(os.fstat(fd).st_mode):\n"
                "                os.write(fd, b'\\x00\\x00\\x00\\x05nope!')\n"
                "        except OSError:\n"
                "            pass\n"
                "    return 1\n")
    with pytest.raises(StudentCrashed):
        call(run, "scribble")
    run.close()


def test_hostile_return_values_are_refused(forkserver):
    run = start(forkserver, "import numpy as np\n"
                "class Evil:\n"
                "    def __reduce__(self):\n        raise SystemExit\n"
                "    def __float__(self):\n        return 1.0\n"
                "def evil():\n    return Evil()\n"
                "def huge():\n    return np.zeros(10**8 // 8 * 9)\n"
                "def objects():\n    return np.array([1, 'a'], dtype=object)\n")
    for name in ("evil", "huge", "objects"):
        with pytest.raises(StudentRaised, match="cannot be graded|more than the grader accepts"):
            call(run, name)
    run.close()


def test_patching_numpy_does_not_raise_the_score(toy_course, toy_notebook, tmp_path):
    patch = ("import numpy, numpy.testing\n"
             "numpy.allclose = lambda *a, **k: True\n"
             "numpy.isclose = lambda *a, **k: numpy.ones(1, bool)\n"
             "numpy.testing.assert_allclose = lambda *a, **k: None\n")
    toy_notebook("plain", double="def double(x):\n    return x + 2\n")
    toy_notebook("patched", double=patch + "def double(x):\n    return x + 2\n")
    results = {r.student: r for r in grade("toy", [tmp_path], course=toy_course)}
    assert results["patched"].score == results["plain"].score == 2.0


def test_student_values_arrive_as_fresh_data(forkserver):
    run = start(forkserver, "def same(x):\n    x[0] = 99.0\n    return x\n")
    x = np.array([1.0, 2.0])
    value, after = run.call("same", (x,), {}, return_args=True)
    assert x.tolist() == [1.0, 2.0]  # the grader's array is untouched
    assert value.tolist() == [99.0, 2.0] and after[0].tolist() == [99.0, 2.0]
    run.close()
