"""hidden_score: the hidden suite run in-process, for nbgrader's own autograde."""

from __future__ import annotations

import numpy as np
from conftest import TOY_ROOT


def namespace(double):
    return {"np": np, "double": double, "square": lambda x: x**2}


def test_full_partial_and_missing(capsys):
    from autograder.grading.inkernel import hidden_score

    assert hidden_score("toy", "double", namespace(lambda x: 2 * x), root=TOY_ROOT) == 4
    assert hidden_score("toy", "double", namespace(lambda x: x + 2), root=TOY_ROOT) == 1
    assert hidden_score("toy", "double", {"np": np}, root=TOY_ROOT) == 0
    assert hidden_score("toy", "square", namespace(None), root=TOY_ROOT) == 1
    out = capsys.readouterr()
    assert out.err == ""  # nbgrader would zero a cell that writes to stderr


def test_a_function_that_mutates_its_input_loses_that_test():
    from autograder.grading.inkernel import hidden_score

    def doubles_in_place(x):
        x *= 2
        return x

    assert hidden_score("toy", "double", namespace(doubles_in_place), root=TOY_ROOT) == 3


def test_a_suite_of_the_same_name_graded_before_does_not_get_in_the_way(tmp_path):
    import shutil
    import sys

    from autograder.grading.inkernel import hidden_score

    copy = tmp_path / "course"
    shutil.copytree(TOY_ROOT, copy, ignore=shutil.ignore_patterns("gradebook.db"))
    assert hidden_score("toy", "double", namespace(lambda x: 2 * x), root=copy) == 4
    assert "toycourse" not in sys.modules["test_double"].__file__
    assert hidden_score("toy", "double", namespace(lambda x: 2 * x), root=TOY_ROOT) == 4
