"""SubmissionRun: cells run in order, errors are recorded once, later cells still run."""

from __future__ import annotations

import pytest

from autograder.batch.load import Cell
from autograder.grading.run import MissingFunction, StudentRaised, SubmissionRun
from autograder.worker.sandbox import SandboxLimits


def run_of(forkserver, *sources: str) -> SubmissionRun:
    cells = tuple(Cell(i, s) for i, s in enumerate(sources))
    return SubmissionRun(forkserver, cells, SandboxLimits(call_seconds=5.0))


def test_syntax_error_is_one_clear_line_and_later_cells_run(forkserver):
    run = run_of(forkserver, "def f(:\n    pass", "x = 1 / 0", "def g():\n    return 7\n")
    assert run.call("g", (), {})[0] == 7
    assert run.report.problems == [
        "cell 1 raised SyntaxError: invalid syntax (line 1)",
        "cell 2 raised ZeroDivisionError: division by zero (line 1)",
    ]
    assert not run.report.crashed and not run.report.timed_out
    run.close()


def test_errors_inside_functions_name_the_cell_and_line(forkserver):
    run = run_of(forkserver, "import numpy as np", "def f(p):\n    q = p\n    return q[5]\n")
    with pytest.raises(StudentRaised, match=r"f raised IndexError: .* \(cell 2, line 3\)"):
        run.call("f", ([1.0],), {})
    run.close()


def test_a_variable_is_not_a_function(forkserver):
    run = run_of(forkserver, "entropy = 3")
    expected = r"`entropy` in your notebook is not a function \(it is of type int\)"
    with pytest.raises(MissingFunction, match=expected):
        run.call("entropy", (), {})
    run.close()
