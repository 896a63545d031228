"""authoring.notebook: the nbgrader source notebook built from an assignment's text source."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from conftest import ROOT

from autograder.authoring.notebook import (
    build,
    build_notebook,
    notebook_is_current,
    notebook_text,
    suite_points,
)
from autograder.course import Course
from autograder.errors import AuthoringError

SOURCE = '''\
# %% intro [markdown]
# # Toy
#
# Double things.

# %% setup
import numpy as np

from public_checks import check

# %% [markdown]
# Write `double(x)`.

# %% double
def double(x):
    ### BEGIN SOLUTION
    return 2 * x
    ### END SOLUTION

# %% [markdown]
# A line.

# %% picture line
x = np.linspace(0, 1)

# %% where-next [markdown]
# Bye.
'''


def write_course(root: Path, source: str = SOURCE) -> Path:
    hidden = root / "course" / "hidden" / "toy"
    hidden.mkdir(parents=True)
    (hidden / "test_double.py").write_text(
        "import pytest\n\n"
        "@pytest.mark.points(3)\ndef test_a(student):\n    pass\n\n"
        "def test_b(student):\n    pass\n\n"
        "def helper():\n    pass\n"
    )
    (root / "solutions" / "toy").mkdir(parents=True)
    path = root / "solutions" / "toy" / "toy.py"
    path.write_text(textwrap.dedent(source))
    return path


def test_suite_points_sums_markers_and_counts_unmarked_tests_as_one(tmp_path):
    write_course(tmp_path)
    assert suite_points(tmp_path / "course" / "hidden" / "toy" / "test_double.py") == 4


def test_the_build_lays_out_exercise_check_and_skipped_pictures(tmp_path):
    source = write_course(tmp_path)
    notebook = build_notebook(source, "toy", tmp_path / "course" / "hidden" / "toy")
    assert [c.id for c in notebook.cells] == [
        "intro", "setup", "about-double", "double", "check-double", "about-picture-line",
        "picture-line", "where-next"]
    solution = notebook.cells[3].metadata["nbgrader"]
    assert solution["solution"] and solution["grade_id"] == "double"
    check = notebook.cells[4]
    assert check.metadata["nbgrader"]["points"] == 4 and check.metadata["nbgrader"]["grade"]
    assert check.metadata["nbgrader"]["grade_id"] == "check_double"
    assert 'hidden_score("toy", "double")' in check.source
    picture = notebook.cells[6]
    assert picture.metadata["tags"] == ["mathgrade-skip"]
    assert picture.metadata["nbgrader"]["grade_id"] == "picture_line"
    assert picture.metadata["nbgrader"]["locked"] and not picture.metadata["nbgrader"]["grade"]
    assert "title" not in notebook.cells[0].metadata


def test_build_writes_the_notebook_and_notices_when_it_is_stale(tmp_path):
    source = write_course(tmp_path)
    course = Course(tmp_path)
    assert not notebook_is_current("toy", course=course)
    path = build("toy", course=course)
    assert notebook_is_current("toy", course=course)
    source.write_text(source.read_text().replace("return 2 * x", "return x + x"))
    assert not notebook_is_current("toy", course=course)
    assert "return x + x" not in path.read_text()


@pytest.mark.parametrize("change, message", [
    (("# %% double\n", "# %% triple\n"), "title must be `setup`, an exercise"),
    (("    ### END SOLUTION\n", ""), "BEGIN SOLUTION"),
    (("# %% double\n", "# %% picture double\n"), "no solution cell for double"),
    (("# %% where-next [markdown]", "# %% [markdown]"), "last markdown cell needs a title"),
    (("# %% where-next [markdown]", "# %% about-double [markdown]"), "two cells would have the id"),
])
def test_authoring_mistakes_are_one_clear_error(tmp_path, change, message):
    source = write_course(tmp_path, SOURCE.replace(*change))
    with pytest.raises(AuthoringError, match=message):
        build_notebook(source, "toy", tmp_path / "course" / "hidden" / "toy")


@pytest.mark.parametrize("assignment", ["probability", "linear_algebra", "calculus"])
def test_the_committed_solution_notebooks_are_current(assignment):
    course = Course(ROOT)
    notebook = build_notebook(course.source_file(assignment), assignment,
                              course.hidden_dir(assignment))
    committed = course.solution_notebook(assignment).read_text(encoding="utf-8")
    assert notebook_text(notebook) == committed, f"run `mathgrade build {assignment}`"
