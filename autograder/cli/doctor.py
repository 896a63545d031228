"""`doctor()`: which isolation mechanisms protect grading on this machine, probed for real.

Starts a fork server and one worker with the default limits, hiding the course's private
folders, then runs a probe inside the worker that tries what a hostile notebook would try
(read the hidden suites, open a network connection, fork, write a large file, allocate past
the memory limit) and reports what happened. The probe's replies come from inside the
sandbox, where no student code ran, so they describe the sandbox faithfully.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, replace

from autograder import wire
from autograder.course import Course
from autograder.grading.workers import OPENBLAS_VARIABLES, ForkServer, worker_environment
from autograder.worker.sandbox import SandboxLimits

PROBE = r'''
import os, socket, resource
def probe(hidden):
    found = {"uid": os.getuid(), "cwd": os.getcwd()}
    try:
        os.listdir(hidden)
        found["read_hidden"] = "readable"
    except OSError as exc:
        found["read_hidden"] = type(exc).__name__
    try:
        socket.create_connection(("127.0.0.1", 9), timeout=1).close()
        found["network"] = "connected"
    except OSError as exc:
        found["network"] = type(exc).__name__ + ": " + (exc.strerror or str(exc))
    try:
        pid = os.fork()
        if pid == 0:
            os._exit(0)
        found["fork"] = "allowed"
    except OSError as exc:
        found["fork"] = type(exc).__name__
    try:
        with open("big.bin", "wb") as f:
            f.write(b"x" * (11 * 2**20))
        found["write_11MiB"] = "allowed"
    except OSError as exc:
        found["write_11MiB"] = type(exc).__name__
    try:
        bytearray(3 * 2**30)
        found["allocate_3GiB"] = "allowed"
    except MemoryError:
        found["allocate_3GiB"] = "MemoryError"
    found["environment"] = sorted(os.environ)
    return found
'''


@dataclass(frozen=True)
class Finding:
    mechanism: str
    active: bool
    detail: str


def _findings(isolation: dict, probe: dict, hidden: str) -> list[Finding]:
    return [
        Finding("running as root (can drop privileges)", os.getuid() == 0,
                f"grader uid {os.getuid()}"),
        Finding("unprivileged worker uid", probe["uid"] != 0, f"worker uid {probe['uid']}"),
        Finding("mount namespace (private /tmp)", bool(isolation.get("private_tmp")),
                f"namespaces: {isolation.get('namespaces')}; cwd {probe['cwd']}"),
        Finding("course material hidden", probe["read_hidden"] != "readable",
                f"listing {hidden}: {probe['read_hidden']}"),
        Finding("no network", probe["network"] != "connected", probe["network"]),
        Finding("no new processes", probe["fork"] != "allowed", f"fork: {probe['fork']}"),
        Finding("write limit (10 MiB)", probe["write_11MiB"] != "allowed",
                f"11 MiB file: {probe['write_11MiB']}"),
        Finding("memory limit (2 GiB)", probe["allocate_3GiB"] != "allowed",
                f"3 GiB allocation: {probe['allocate_3GiB']}"),
        Finding("scrubbed environment",
                set(probe["environment"]) <= set(worker_environment()) | OPENBLAS_VARIABLES,
                ", ".join(probe["environment"])),
    ]


def doctor(course: Course | None = None) -> tuple[list[Finding], list[str], float]:
    """Probe a real worker; returns findings, problems reported by the sandbox, spawn ms."""
    hidden = [str(p) for p in course.private_paths()] if course else []
    limits = replace(SandboxLimits(), hidden_paths=tuple(hidden))
    target = str(course.hidden_dir("")) if course else "/root"
    with ForkServer() as server:
        started = time.perf_counter()
        worker = server.spawn(limits.spec(), max_bytes=1 << 20)
        spawn_ms = (time.perf_counter() - started) * 1000
        try:
            deadline = time.monotonic() + 30
            worker.request({"op": "exec", "cell": 0, "source": PROBE}, deadline=deadline)
            reply = worker.request(
                {"op": "call", "name": "probe", "args": wire.to_data((target,)),
                 "kwargs": wire.to_data({}), "return_args": False},
                deadline=deadline,
            )
        finally:
            worker.kill()
    probe = wire.from_data(reply["value"]) if reply.get("ok") else {}
    if not probe:
        raise RuntimeError(f"the doctor's probe failed inside the worker: {reply.get('error')}")
    isolation = worker.isolation or {}
    return _findings(isolation, probe, target), list(isolation.get("problems", [])), spawn_ms
