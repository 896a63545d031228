"""The `student` fixture's value: attribute calls that run in the submission's worker.

`student.entropy(p)` sends `p` to the worker as data, calls the student's `entropy` there and
returns the decoded result. Every call is recorded (inputs and outcome) in a `CallLog`, so
that after a failed test the grader can replay the same inputs through known mistakes and
name the misconception. A function the student returns comes back as a `StudentFunction`
bound to a worker handle: calling it runs in the worker too.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from autograder import wire
from autograder.grading.run import StudentError, SubmissionRun

MAX_LOGGED_CALLS = 200


@dataclass
class Call:
    """One call into student code during a test: inputs, and a value or an error."""

    name: str
    args: tuple
    kwargs: dict
    value: Any = None
    error: str | None = None


@dataclass
class CallLog:
    """The calls of the current test (reset by the suite plugin before each test)."""

    calls: list[Call] = field(default_factory=list)

    def reset(self) -> None:
        self.calls.clear()

    def add(self, call: Call) -> None:
        if len(self.calls) >= MAX_LOGGED_CALLS:
            del self.calls[: MAX_LOGGED_CALLS // 2]
        self.calls.append(call)


class StudentFunction:
    """A callable that runs a student function (by name or by handle) in the worker."""

    def __init__(
        self, run: SubmissionRun, log: CallLog, name: str, handle: wire.Handle | None = None
    ) -> None:
        self._run = run
        self._log = log
        self._name = name
        self._handle = handle

    def __repr__(self) -> str:
        return f"<student function {self._name}>"

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        value, _ = self._call(args, kwargs, return_args=False)
        return value

    def call_and_return_args(self, *args: Any, **kwargs: Any) -> tuple[Any, list]:
        """Call, and also return the arguments as the student's code left them (a function
        passed in comes back as None)."""
        return self._call(args, kwargs, return_args=True)

    def _call(self, args: tuple, kwargs: dict, *, return_args: bool) -> tuple[Any, Any]:
        record = Call(self._name, copy.deepcopy(args), copy.deepcopy(kwargs))
        if self._handle is None:
            self._log.add(record)
        try:
            value, after = self._run.call(
                self._name,
                args,
                kwargs,
                handle=None if self._handle is None else self._handle.id,
                return_args=return_args,
            )
        except StudentError as exc:
            record.error = str(exc)
            raise
        value = self._bind_handles(value)
        record.value = value
        return value, after

    def _bind_handles(self, value: Any) -> Any:
        if isinstance(value, wire.Handle):
            return StudentFunction(self._run, self._log, self._name, value)
        if isinstance(value, tuple):
            return tuple(self._bind_handles(v) for v in value)
        if isinstance(value, list):
            return [self._bind_handles(v) for v in value]
        return value


class StudentProxy:
    """`student.<name>` is the student's function `name`, run in their sandboxed worker."""

    def __init__(self, run: SubmissionRun, log: CallLog) -> None:
        self._run = run
        self._log = log

    def __repr__(self) -> str:  # shown in hypothesis' falsifying examples
        return "student"

    def __getattr__(self, name: str) -> StudentFunction:
        if name.startswith("_"):
            raise AttributeError(name)
        return StudentFunction(self._run, self._log, name)
