"""Grading inside a Jupyter kernel, so that plain `nbgrader autograde` uses the hidden suite.

The hidden-test region of every check cell ends with `hidden_score("<assignment>",
"<exercise>")`. nbgrader restores that region when it autogrades and runs the notebook in a
kernel; the cell's value is then the points the hidden suite gives, which nbgrader takes as
the cell's partial credit. Here the student's functions are called directly in the kernel,
exactly as nbgrader trusts them: this path has none of the isolation of `mathgrade grade`,
which skips check cells and grades in sandboxed workers instead.
"""

from __future__ import annotations

import contextlib
import copy
import io
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from autograder.course import Course
from autograder.grading.plugin import forget_foreign_modules, pin_hypothesis_seed, points_of
from autograder.grading.run import MissingFunction, StudentRaised
from autograder.suite.strategies import grading_hypothesis


class LocalFunction:
    """A student function called in this process, failing like its sandboxed twin."""

    def __init__(self, name: str, function: Callable | None) -> None:
        self._name, self._function = name, function

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self.call_and_return_args(*args, **kwargs)[0]

    def call_and_return_args(self, *args: Any, **kwargs: Any) -> tuple[Any, list]:
        if not callable(self._function):
            raise MissingFunction(f"`{self._name}` is not defined in your notebook")
        args, kwargs = copy.deepcopy(args), copy.deepcopy(kwargs)
        try:
            value = self._function(*args, **kwargs)
        except Exception as exc:
            raise StudentRaised(f"{self._name} raised {type(exc).__name__}: {exc}") from None
        return value, list(args)


class LocalStudent:
    """`student.<name>` is the function `name` of the given namespace."""

    def __init__(self, namespace: dict[str, Any]) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> LocalFunction:
        if name.startswith("_"):
            raise AttributeError(name)
        return LocalFunction(name, self._namespace.get(name))  # missing: fails when called


class _LocalPlugin:
    def __init__(self, student: LocalStudent) -> None:
        self._student = student
        self.earned = 0.0

    def pytest_configure(self, config: pytest.Config) -> None:
        config.addinivalue_line("markers", "points(n): points earned when this test passes")

    def pytest_collection_modifyitems(self, items: list[pytest.Item]) -> None:
        for item in items:
            pin_hypothesis_seed(item)

    @pytest.fixture(scope="session")  # one namespace; hypothesis refuses per-test fixtures
    def student(self) -> LocalStudent:
        return self._student

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_makereport(self, item: pytest.Item, call: pytest.CallInfo):
        report = (yield).get_result()
        if report.when == "call" and report.passed:
            self.earned += points_of(item)


def hidden_score(
    assignment: str, exercise: str, namespace: dict[str, Any] | None = None,
    root: Path | None = None,
) -> float:
    """Points the hidden suite of `exercise` gives the functions in `namespace` (__main__)."""
    if namespace is None:
        namespace = vars(sys.modules["__main__"])
    course = Course(root) if root else Course.find()
    hidden = course.hidden_dir(assignment).resolve()
    forget_foreign_modules(hidden)
    plugin = _LocalPlugin(LocalStudent(namespace))
    args = [str(hidden / f"test_{exercise}.py"), "--rootdir", str(hidden), "-c", os.devnull,
            "-p", "no:cacheprovider", "-p", "no:terminal", "-p", "no:logging"]
    # nbgrader gives a cell that writes to stderr no points: keep pytest's voice out of it.
    with (contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()),
          grading_hypothesis()):
        code = pytest.main(args, plugins=[plugin])
    if code not in (pytest.ExitCode.OK, pytest.ExitCode.TESTS_FAILED):
        raise RuntimeError(f"the hidden suite {args[0]} did not run (pytest exit code {int(code)})")
    return plugin.earned
