"""Writing an assignment's nbgrader source notebook from Python: the cells every assignment has.

Each `solutions/<assignment>/build_notebook.py` holds its prose and solutions as strings and
calls `source_notebook` to lay them out the same way: intro, locked setup cell, then per
exercise its prose, its solution cell (`### BEGIN SOLUTION` ... `### END SOLUTION`), its
graded check cell (public `check(...)` plus a hidden region that calls `hidden_score`, worth
the points of the hidden suite) and any ungraded extras (pictures, worked examples: locked,
tagged `mathgrade-skip` so that `mathgrade grade` does not run them). Cell ids are fixed and
outputs empty, so the notebook is reproducible and reviews as a plain diff.
"""

from __future__ import annotations

import ast
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from autograder.load import SKIP_TAG


@dataclass(frozen=True)
class Extra:
    """An ungraded cell shown after an exercise: a picture or a worked example."""

    cell_id: str
    grade_id: str
    text: str  # the markdown cell before it
    source: str


@dataclass(frozen=True)
class Section:
    """One graded exercise: its prose, its solution cell and the extras after its check."""

    exercise: str
    prose: str
    solution: str
    extras: Sequence[Extra] = field(default_factory=tuple)


def suite_points(suite: Path) -> int:
    """Total points of a hidden suite file: the sum of its `@pytest.mark.points(n)` markers
    (a test without one is worth 1, as in the suite plugin)."""
    total = 0
    for node in ast.parse(suite.read_text(encoding="utf-8")).body:
        if not (isinstance(node, ast.FunctionDef) and node.name.startswith("test_")):
            continue
        points = 1
        for decorator in node.decorator_list:
            marker = ast.unparse(decorator.func) if isinstance(decorator, ast.Call) else ""
            if marker == "pytest.mark.points":
                points = ast.literal_eval(decorator.args[0])
        total += points
    return total


def nbgrader(grade_id: str, *, grade: bool, solution: bool, locked: bool,
             points: int | None = None) -> dict:
    """A cell's nbgrader metadata (schema 3)."""
    meta = {"grade": grade, "grade_id": grade_id, "locked": locked, "schema_version": 3,
            "solution": solution}
    if points is not None:
        meta["points"] = points
    return {"nbgrader": meta}


def markdown(cell_id: str, text: str) -> nbformat.NotebookNode:
    cell = new_markdown_cell(text)
    cell.id = cell_id
    return cell


def code(cell_id: str, source: str, metadata: dict) -> nbformat.NotebookNode:
    cell = new_code_cell(source, metadata=metadata)
    cell.id = cell_id
    return cell


def check_source(assignment: str, exercise: str) -> str:
    """The graded check cell: public checks, and the hidden suite for plain nbgrader."""
    return (
        f'check("{exercise}")\n'
        "### BEGIN HIDDEN TESTS\n"
        f"# The hidden suite course/hidden/{assignment}/test_{exercise}.py; `mathgrade grade`\n"
        "# skips this cell, plain `nbgrader autograde` takes its value as partial credit.\n"
        "from autograder.inkernel import hidden_score\n\n"
        f'hidden_score("{assignment}", "{exercise}")\n'
        "### END HIDDEN TESTS"
    )


def _dashed(name: str) -> str:
    return name.replace("_", "-")


def source_notebook(root: Path, assignment: str, *, intro: str, setup: str,
                    sections: Sequence[Section], closing: str) -> nbformat.NotebookNode:
    """The nbgrader source notebook of `assignment`, validated; check cells are worth the
    points of `root/course/hidden/<assignment>/test_<exercise>.py`."""
    hidden = root / "course" / "hidden" / assignment
    cells = [
        markdown("intro", intro),
        code("setup", setup, nbgrader("setup", grade=False, solution=False, locked=True)),
    ]
    for section in sections:
        exercise = section.exercise
        points = suite_points(hidden / f"test_{exercise}.py")
        cells += [
            markdown(f"about-{_dashed(exercise)}", section.prose),
            code(_dashed(exercise), section.solution,
                 nbgrader(exercise, grade=False, solution=True, locked=False)),
            code(f"check-{_dashed(exercise)}", check_source(assignment, exercise),
                 nbgrader(f"check_{exercise}", grade=True, solution=False, locked=True,
                          points=points)),
        ]
        for extra in section.extras:
            cells.append(markdown(f"about-{extra.cell_id}", extra.text))
            cell = code(extra.cell_id, extra.source,
                        nbgrader(extra.grade_id, grade=False, solution=False, locked=True))
            cell.metadata["tags"] = [SKIP_TAG]
            cells.append(cell)
    cells.append(markdown("where-next", closing))
    notebook = new_notebook(cells=cells)
    notebook.metadata = {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python", "version": "3.11"},
    }
    nbformat.validate(notebook)
    return notebook
