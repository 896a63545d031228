"""The `student` proxy: calls run in the worker, returned functions stay there as handles."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from autograder.batch.load import Cell
from autograder.grading.proxy import CallLog, StudentProxy
from autograder.grading.run import MissingFunction, StudentRaised, SubmissionRun
from autograder.wire import SymbolicFunction
from autograder.worker.sandbox import SandboxLimits

SOURCE = """
import numpy as np
def make_adder(k):
    def add(x):
        return x + k
    return add
def apply(f, x):
    return f(x)
def first(xs):
    return xs[0]
"""


@pytest.fixture
def student(forkserver):
    run = SubmissionRun(forkserver, (Cell(0, SOURCE),), SandboxLimits(call_seconds=2))
    log = CallLog()
    yield StudentProxy(run, log), log
    run.close()


def test_returned_function_is_a_handle_called_in_the_worker(student):
    proxy, _ = student
    add3 = proxy.make_adder(3)
    assert add3(np.array([1.0])).tolist() == [4.0]
    assert add3(10) == 13


def test_functions_passed_to_students_are_built_in_the_worker(student):
    proxy, _ = student
    x = sp.Symbol("x")
    square = SymbolicFunction(x**2, (x,))
    assert proxy.apply(square, 3.0) == pytest.approx(9.0)


def test_arguments_come_back_with_functions_passed_in_as_none(student):
    proxy, _ = student
    x = sp.Symbol("x")
    value, after = proxy.apply.call_and_return_args(SymbolicFunction(x + 1, (x,)),
                                                     np.array([1.0, 2.0]))
    assert value.tolist() == [2.0, 3.0]
    assert after[0] is None and after[1].tolist() == [1.0, 2.0]


def test_calls_are_logged_with_inputs_and_outcomes(student):
    proxy, log = student
    proxy.first(np.array([5.0, 6.0]))
    with pytest.raises(StudentRaised, match="IndexError"):
        proxy.first(np.array([]))
    with pytest.raises(MissingFunction):
        proxy.last(np.array([1.0]))
    assert [c.name for c in log.calls] == ["first", "first", "last"]
    assert log.calls[0].value == 5.0 and log.calls[0].error is None
    assert "IndexError" in log.calls[1].error
    log.reset()
    assert log.calls == []


def test_private_names_are_not_student_functions(student):
    proxy, _ = student
    with pytest.raises(AttributeError):
        proxy.__secret__  # noqa: B018
