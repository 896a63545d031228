"""Grader-side worker handles: spawn, talk, and refuse a worker that breaks the protocol."""

from __future__ import annotations

import time

import pytest

from autograder.grading.workers import WorkerDied, WorkerTimeout, worker_environment
from autograder.worker.sandbox import SandboxLimits


def spawn(forkserver, max_bytes=1 << 20):
    return forkserver.spawn(SandboxLimits().spec(), max_bytes=max_bytes)


def soon(seconds=10.0):
    return time.monotonic() + seconds


def test_exec_and_call_round_trip(forkserver):
    worker = spawn(forkserver)
    assert worker.request({"op": "exec", "cell": 1, "source": "def f():\n    return 41"},
                          deadline=soon()) == {"ok": True}
    reply = worker.request({"op": "call", "name": "f", "args": [], "kwargs": {"__dict__": []},
                            "return_args": False}, deadline=soon())
    assert reply == {"ok": True, "value": 41}
    worker.kill()
    with pytest.raises(WorkerDied):
        worker.request({"op": "exec", "cell": 1, "source": "1"}, deadline=soon())


def test_a_silent_worker_is_killed_at_the_deadline(forkserver):
    worker = spawn(forkserver)
    started = time.monotonic()
    with pytest.raises(WorkerTimeout):
        worker.request({"op": "exec", "cell": 1, "source": "while True:\n    pass"},
                       deadline=soon(0.3))
    assert time.monotonic() - started < 5
    assert not worker.alive


def test_an_oversized_reply_ends_the_worker(forkserver):
    worker = spawn(forkserver, max_bytes=1000)
    worker.request({"op": "exec", "cell": 1, "source": "def big():\n    return 'x' * 5000"},
                   deadline=soon())
    with pytest.raises(WorkerDied):
        worker.request({"op": "call", "name": "big", "args": [], "kwargs": {"__dict__": []},
                        "return_args": False}, deadline=soon())


def test_environment_is_an_allow_list(monkeypatch):
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "x")
    env = worker_environment()
    assert "AWS_SECRET_ACCESS_KEY" not in env
    assert env["PYTHONHASHSEED"] == "0" and env["OPENBLAS_NUM_THREADS"] == "1"
