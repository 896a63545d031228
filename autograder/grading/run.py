"""Running one submission: its notebook's cells in a worker, then calls into it, within limits.

A `SubmissionRun` owns the worker of one submission for the whole time its hidden tests run.
It executes the notebook's cells one by one (a cell that raises is recorded and the rest
still run), answers `call()` from the suite's `student` proxy, and enforces the deadlines:
each cell or call gets `call_seconds`, the whole submission `wall_seconds`. When a cell or
a call hangs or kills the process, the worker is replaced by a fresh one that re-runs the
cells without the offending ones, so that a hang in `entropy` costs the entropy points and
not the whole notebook. A function that hung once is not called again.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from autograder import wire
from autograder.batch.load import Cell, cell_label
from autograder.grading.workers import ForkServer, Worker, WorkerDied, WorkerTimeout
from autograder.worker.sandbox import SandboxLimits

MAX_RESTARTS = 4


class StudentError(AssertionError):
    """A call into student code did not produce a value; str() is the student's feedback."""


class MissingFunction(StudentError):
    pass


class StudentRaised(StudentError):
    pass


class StudentTimeout(StudentError):
    pass


class StudentCrashed(StudentError):
    pass


@dataclass
class RunReport:
    """What happened while running a submission, beyond test outcomes."""

    timed_out: bool = False
    crashed: bool = False
    problems: list[str] = field(default_factory=list)  # one line each, in order
    isolation: dict | None = None


class SubmissionRun:
    """One submission's notebook, live in a sandboxed worker."""

    def __init__(
        self,
        forkserver: ForkServer,
        cells: tuple[Cell, ...],
        limits: SandboxLimits,
        *,
        slot: int = 0,
        support_files: dict[str, str] | None = None,
    ) -> None:
        self._forkserver = forkserver
        self._cells = cells
        self._limits = limits
        self._spec = limits.spec(slot) | {
            "support_files": dict(support_files or {}),
            "max_message_bytes": wire.MAX_BYTES,
        }
        self._deadline = time.monotonic() + limits.wall_seconds
        self._worker: Worker | None = None
        self._skip_cells: set[int] = set()
        self._reported: set[int] = set()
        self._hung: dict[str, str] = {}
        self._restarts = 0
        self.report = RunReport()

    # -- lifecycle -------------------------------------------------------------------------
    def start(self) -> None:
        """Start a worker and run the notebook's cells (idempotent while it lives)."""
        while self._worker is None or not self._worker.alive:
            if self._restarts > MAX_RESTARTS:
                raise StudentCrashed("your notebook's process kept dying, so grading stopped")
            self._restarts += 1
            self._check_wall()
            self._worker = self._forkserver.spawn(self._spec, max_bytes=wire.MAX_BYTES)
            if self.report.isolation is None:
                self.report.isolation = self._worker.isolation
            self._run_cells()

    def _run_cells(self) -> None:
        assert self._worker is not None
        for cell in self._cells:
            if cell.index in self._skip_cells:
                continue
            label = cell_label(cell.index)
            try:
                reply = self._worker.request(
                    {"op": "exec", "cell": cell.index + 1, "source": cell.source},
                    deadline=self._call_deadline(),
                )
            except WorkerTimeout:
                self._skip_cells.add(cell.index)
                self.report.timed_out = True
                self._problem(f"{label} did not finish within the time limit and was skipped")
                return
            except WorkerDied:
                self._skip_cells.add(cell.index)
                self.report.crashed = True
                self._problem(f"{label} ended the notebook's process (a crash, os._exit or a "
                              "resource limit) and was skipped")
                return
            if not reply["ok"] and cell.index not in self._reported:
                self._reported.add(cell.index)
                self._problem(f"{label} raised {_text(reply.get('error'))}")

    def _problem(self, message: str) -> None:
        self.report.problems.append(message)

    def close(self) -> None:
        if self._worker is not None:
            self._worker.kill()
            self._worker = None

    # -- deadlines ------------------------------------------------------------------------
    def _check_wall(self) -> None:
        if time.monotonic() >= self._deadline:
            self.report.timed_out = True
            raise StudentTimeout(
                f"the time limit of {self._limits.wall_seconds:g} s for the whole notebook "
                "was used up before this check could run"
            )

    def _call_deadline(self) -> float:
        return min(time.monotonic() + self._limits.call_seconds, self._deadline)

    # -- calls ----------------------------------------------------------------------------
    def call(
        self,
        name: str,
        args: tuple,
        kwargs: dict[str, Any],
        *,
        handle: int | None = None,
        return_args: bool = False,
    ) -> tuple[Any, Any]:
        """Call a student function (or a returned handle); returns (value, args_after)."""
        label = name if handle is None else f"the function returned by {name}"
        if name in self._hung:
            raise StudentTimeout(self._hung[name])
        envelope: dict[str, Any] = {
            "op": "call" if handle is None else "call_handle",
            "args": wire.to_data(tuple(args)),
            "kwargs": wire.to_data(dict(kwargs)),
            "return_args": return_args,
        }
        envelope["name" if handle is None else "handle"] = name if handle is None else handle
        self._check_wall()
        self.start()
        assert self._worker is not None
        try:
            reply = self._worker.request(envelope, deadline=self._call_deadline())
        except WorkerTimeout:
            self.report.timed_out = True
            self._check_wall()
            message = (f"{label} did not return within {self._limits.call_seconds:g} s "
                       "(an infinite loop?)")
            self._hung[name] = message
            self._problem(message)
            raise StudentTimeout(message) from None
        except WorkerDied:
            self.report.crashed = True
            message = (f"calling {label} ended your notebook's process (a crash, os._exit or "
                       "the memory limit)")
            self._problem(message)
            raise StudentCrashed(message) from None
        return self._decode_reply(name, label, reply)

    def _decode_reply(self, name: str, label: str, reply: dict) -> tuple[Any, Any]:
        if not reply["ok"]:
            kind = reply.get("kind")
            if kind == "missing":
                raise MissingFunction(f"`{name}` is not defined in your notebook")
            if kind == "not_callable":
                raise MissingFunction(
                    f"`{name}` in your notebook is not a function "
                    f"(it is of type {_text(reply.get('error'))})"
                )
            if kind == "unencodable":
                raise StudentRaised(_text(reply.get("error")))  # names the value itself
            raise StudentRaised(f"{label} raised {_text(reply.get('error'))}")
        try:
            value = wire.from_data(reply.get("value"))
            after = wire.from_data(reply["args_after"]) if "args_after" in reply else None
        except wire.WireError as exc:
            raise StudentRaised(f"{label} sent back something the grader cannot read ({exc})"
                                ) from None
        return value, after


def _text(value: object, limit: int = 500) -> str:
    """A worker-supplied string, made safe to show (worker replies are untrusted)."""
    return (value if isinstance(value, str) else "an unknown error")[:limit]
