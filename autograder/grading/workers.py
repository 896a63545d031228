"""Grader-side handles on sandboxed workers: start the fork server, spawn, talk, kill.

`ForkServer` owns the pre-warmed server process of one grader process. `Worker` is one
submission's sandboxed process: `request()` sends one envelope and waits for the reply
until a deadline, and `kill()` ends it through a pidfd. Replies are parsed here as hostile
input (size cap, JSON only); the values inside are decoded by the caller with `wire`.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from typing import Any

from autograder import wire
from autograder.wire.framing import (
    ChannelClosed,
    ChannelTimeout,
    MessageTooLarge,
    receive_message,
    send_message,
)

START_TIMEOUT = 120.0  # first start imports numpy/scipy/sympy on a cold disk
# Needed by older OpenBLAS builds on some CPUs to compute correctly; passed through as is.
OPENBLAS_VARIABLES = {"OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"}


class WorkerDied(Exception):
    """The worker process ended (crash, os._exit, a limit) or broke the protocol."""


class WorkerTimeout(Exception):
    """The worker did not answer before the deadline; it has been killed."""


def worker_environment() -> dict[str, str]:
    """A scrubbed environment: nothing of the grader's leaks into student code."""
    env = {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "LANG": "C.UTF-8",
        "HOME": "/tmp/work",
        "TMPDIR": "/tmp",
        "PYTHONHASHSEED": "0",
        "OPENBLAS_NUM_THREADS": "1",
        "OMP_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
        "MPLBACKEND": "Agg",
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    for key in OPENBLAS_VARIABLES:
        if key in os.environ:
            env[key] = os.environ[key]
    return env


class ForkServer:
    """The pre-warmed server process that forks this grader process's workers."""

    def __init__(self) -> None:
        self._control, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        self._process = subprocess.Popen(
            [sys.executable, "-P", "-s", "-m", "autograder.worker.forkserver",
             str(theirs.fileno())],
            pass_fds=[theirs.fileno()],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            cwd="/",
            env=worker_environment(),
        )
        theirs.close()
        # Not waited for here: the server warms up (numpy, scipy, sympy, about 1 s) while
        # the grader collects the hidden suite; the first spawn waits for it.
        self._ready = False

    def _await_ready(self) -> None:
        self._control.settimeout(START_TIMEOUT)
        try:
            ready = self._control.recv(4096)
        except TimeoutError:
            ready = b""
        if ready != b'{"ready": true}':
            self.close()
            raise RuntimeError("the worker fork server did not start "
                               "(python -m autograder.worker.forkserver)")
        self._ready = True

    def spawn(self, spec: dict[str, Any], *, max_bytes: int) -> Worker:
        """Fork a new sandboxed worker and wait for its greeting."""
        if not self._ready:
            self._await_ready()
        mine, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            socket.send_fds(self._control, [json.dumps(spec).encode()], [theirs.fileno()])
            self._control.settimeout(30.0)
            pid = json.loads(self._control.recv(4096))["pid"]
        finally:
            theirs.close()
        worker = Worker(mine, pid, max_bytes=max_bytes)
        hello = worker.request(None, deadline=time.monotonic() + 30.0)
        worker.isolation = hello.get("isolation", {})
        return worker

    def close(self) -> None:
        self._control.close()
        try:
            self._process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()

    def __enter__(self) -> ForkServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@dataclass
class Worker:
    """One submission's sandboxed process."""

    sock: socket.socket
    pid: int
    max_bytes: int
    isolation: dict | None = None

    def __post_init__(self) -> None:
        # Opened while the worker is still waiting for its first request, so it is ours.
        self.alive = True
        try:
            self._pidfd: int | None = os.pidfd_open(self.pid)
        except ProcessLookupError:  # it died already; the greeting will fail cleanly
            self._pidfd = None

    def request(self, envelope: dict | None, *, deadline: float) -> dict:
        """Send `envelope` (None: just read) and return the reply envelope."""
        if not self.alive:
            raise WorkerDied("the worker has already ended")
        try:
            if envelope is not None:
                send_message(self.sock, json.dumps(envelope, allow_nan=False).encode())
            raw = receive_message(self.sock, max_bytes=self.max_bytes, deadline=deadline)
        except ChannelTimeout as exc:
            self.kill()
            raise WorkerTimeout() from exc
        except (ChannelClosed, BrokenPipeError, ConnectionResetError) as exc:
            self.kill()
            raise WorkerDied("the notebook's process ended") from exc
        except MessageTooLarge as exc:
            self.kill()
            raise WorkerDied(str(exc)) from exc
        try:
            reply = wire.parse_json(raw, wire.WireLimits(max_bytes=self.max_bytes))
        except wire.WireError as exc:
            self.kill()
            raise WorkerDied("the notebook's process sent something that is not data") from exc
        if not isinstance(reply, dict) or not isinstance(reply.get("ok"), bool):
            self.kill()
            raise WorkerDied("the notebook's process broke the grading protocol")
        return reply

    def kill(self) -> None:
        """End the worker now (idempotent)."""
        self.alive = False
        if self._pidfd is not None:
            with contextlib.suppress(ProcessLookupError):
                signal.pidfd_send_signal(self._pidfd, signal.SIGKILL)
            os.close(self._pidfd)
            self._pidfd = None
        self.sock.close()
