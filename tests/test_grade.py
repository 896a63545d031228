"""grade(): the toy course graded end to end through real workers."""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import TOY_ROOT

from autograder.course import Course
from autograder.errors import UsageError
from autograder.grading.grade import grade
from autograder.worker.sandbox import SandboxLimits

FAST = SandboxLimits(call_seconds=5.0, wall_seconds=30.0)
HANG = SandboxLimits(call_seconds=1.0, wall_seconds=30.0)


def by_student(results):
    return {r.student: r for r in results}


def test_scores_feedback_and_misconception(toy_course, toy_notebook, tmp_path):
    toy_notebook("good", double="def double(x):\n    return x + x\n",
                 square="def square(x):\n    return x * x\n")
    toy_notebook("adds", double="def double(x):\n    return x + 2\n")
    toy_notebook("odd", double="def double(x):\n    return 2 * x + (x > 50)\n")
    results = by_student(grade("toy", [tmp_path], course=toy_course, limits=FAST))

    good = results["good"]
    assert (good.status, good.score, good.max_score) == ("ok", 5.0, 5.0)
    assert good.exercises["double"].feedback == []

    adds = results["adds"].exercises["double"]
    assert (adds.score, adds.max_score) == (1.0, 4.0)  # only "input unchanged" passes
    assert adds.misconception == "adds_two"
    assert adds.hint.startswith("Doubling multiplies by 2")
    assert "expected [2., -4., 7.], got [3. , 0. , 5.5]" in adds.feedback[0]

    odd = results["odd"].exercises["double"]
    assert odd.score == 3.0  # the property test finds x > 50
    assert odd.misconception is None  # no known mistake reproduces it
    assert odd.feedback[0].startswith("For x = [51.]: expected [102.], got [103.]")  # shrunk


def test_missing_function_and_cell_error(toy_course, toy_notebook, tmp_path):
    toy_notebook("nodouble", double="def doubel(x):\n    return 2 * x\n",
                 extra=("1 / 0",))
    (result,) = grade("toy", [tmp_path], course=toy_course, limits=FAST)
    assert result.exercises["double"].score == 0
    assert result.exercises["double"].feedback == ["`double` is not defined in your notebook"]
    assert result.exercises["square"].score == 1
    assert result.status == "error"
    assert result.error == "cell 4 raised ZeroDivisionError: division by zero (line 1)"


def test_malformed_notebook_is_an_error_result(toy_course, tmp_path):
    (tmp_path / "broken.ipynb").write_text("{not json")
    (result,) = grade("toy", [tmp_path], course=toy_course, limits=FAST)
    assert result.status == "error"
    assert result.error.startswith("not a notebook: invalid JSON")
    assert (result.score, result.max_score) == (0, 5)


def test_hang_costs_only_that_exercise(toy_course, toy_notebook, tmp_path):
    toy_notebook("hang", double="def double(x):\n    while True:\n        pass\n")
    (result,) = grade("toy", [tmp_path], course=toy_course, limits=HANG)
    assert result.status == "timeout"
    assert result.exercises["double"].score == 0
    assert result.exercises["square"].score == 1
    assert "did not return within 1 s" in result.exercises["double"].feedback[0]


def test_regrade_gives_identical_json(toy_course, toy_notebook, tmp_path):
    toy_notebook("a", double="def double(x):\n    return x + 2\n")
    toy_notebook("b", double="def double(x):\n    return 2 * x + (x > 50)\n")
    first = [r.to_dict() for r in grade("toy", [tmp_path], course=toy_course, limits=FAST)]
    second = [r.to_dict() for r in grade("toy", [tmp_path], course=toy_course, limits=FAST)]
    assert json.dumps(first) == json.dumps(second)


def test_pool_of_workers_gives_the_same_results(toy_course, toy_notebook, tmp_path):
    for i in range(5):
        toy_notebook(f"s{i}", double=f"def double(x):\n    return x * {i}\n")
    one = [r.to_dict() for r in grade("toy", [tmp_path], course=toy_course, limits=FAST)]
    two = [r.to_dict() for r in grade("toy", [tmp_path], course=toy_course, limits=FAST,
                                      workers=2)]
    assert one == two
    assert [r["exercises"]["double"]["score"] for r in one] == [1.0, 1.0, 4.0, 1.0, 1.0]


PARAMETRIZED_PROPERTY = """
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from autograder.suite.compare import assert_close


@pytest.mark.points(1)
@pytest.mark.parametrize("scale", [2.0])
@given(value=st.floats(-100, 100))
def test_property(student, scale, value):
    x = np.array([value])
    assert_close(student.double(x), scale * x, inputs={"x": x})
"""


def test_identical_code_gets_identical_scores_whatever_the_name(toy_notebook, tmp_path):
    # hypothesis seeds a parametrized property test from its node id, which names the
    # submission; wrong only on a narrow band, this code was caught for some names only.
    root = tmp_path / "course"
    shutil.copytree(TOY_ROOT, root, ignore=shutil.ignore_patterns("gradebook.db"))
    (root / "course" / "hidden" / "toy" / "test_double.py").write_text(PARAMETRIZED_PROPERTY)
    narrow = "def double(x):\n    return 2 * x + ((x > -86) & (x < -76))\n"
    names = ("ada", "bob", "cyd", "dee", "eve", "fay", "gus", "hal")
    batch = [toy_notebook(name, double=narrow) for name in names]
    results = grade("toy", batch, course=Course(root), limits=FAST)
    assert len({r.exercises["double"].score for r in results}) == 1


def test_unknown_assignment_is_a_usage_error(toy_course, tmp_path):
    with pytest.raises(UsageError, match="unknown assignment 'nope'; this course has: toy"):
        grade("nope", [tmp_path], course=toy_course)


def test_default_workers_grow_with_the_batch_up_to_the_cores(monkeypatch):
    from autograder.grading import grade as grading

    monkeypatch.setattr(grading.os, "cpu_count", lambda: 4)
    assert [grading.default_workers(n) for n in (0, 1, 15, 16, 24, 1000)] == [1, 1, 1, 2, 3, 4]
    monkeypatch.setattr(grading.os, "cpu_count", lambda: None)
    assert grading.default_workers(1000) == 1
