"""Building an assignment's nbgrader source notebook from the text notebook a person edits.

The source of assignment `<a>` is `solutions/<a>/<a>.py` in jupytext's percent format: it
opens in JupyterLab as a notebook, runs as a script, and ruff lints it. Its cells say what
they are by their titles:

    # %% [markdown]               prose; its id is "about-<id of the next code cell>", or
    # %% intro [markdown]         the title, when one is given
    # %% setup                    the locked setup cell (imports, `from public_checks import check`)
    # %% entropy                  the solution cell of exercise `entropy`, with its
                                  `### BEGIN SOLUTION` ... `### END SOLUTION` region
    # %% picture coin-entropy     an ungraded picture or worked example (also `example <name>`):
                                  locked, tagged `mathgrade-skip`, not run when grading

`build_notebook` adds what is the same for every exercise: after each solution cell a graded
check cell (public `check(...)` plus a hidden region that calls `hidden_score`, for plain
`nbgrader autograde`) worth the points of `course/hidden/<a>/test_<exercise>.py`, nbgrader
metadata, fixed cell ids and empty outputs, so the notebook is reproducible and reviews as a
plain diff. `mathgrade build <a>` writes it; `mathgrade verify` fails when it is not current.
"""

from __future__ import annotations

import ast
import copy
from pathlib import Path

import jupytext
import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from autograder.batch.load import SKIP_TAG
from autograder.course import Course
from autograder.errors import AuthoringError
from autograder.suite.mistakes import exercise_of_suite, suite_files

EXTRA_KINDS = ("picture", "example")
NOTEBOOK_METADATA = {
    "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
    "language_info": {"name": "python", "version": "3.11"},
}


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


def check_source(assignment: str, exercise: str) -> str:
    """The graded check cell: public checks, and the hidden suite for plain nbgrader."""
    return (
        f'check("{exercise}")\n'
        "### BEGIN HIDDEN TESTS\n"
        f"# The hidden suite course/hidden/{assignment}/test_{exercise}.py; `mathgrade grade`\n"
        "# skips this cell, plain `nbgrader autograde` takes its value as partial credit.\n"
        "from autograder.grading.inkernel import hidden_score\n\n"
        f'hidden_score("{assignment}", "{exercise}")\n'
        "### END HIDDEN TESTS"
    )


def dashed(name: str) -> str:
    return name.replace("_", "-")


def _code(cell_id: str, source: str, metadata: dict) -> nbformat.NotebookNode:
    cell = new_code_cell(source, metadata=metadata)
    cell.id = cell_id
    return cell


def _cells(source: Path, assignment: str, hidden: Path) -> list[nbformat.NotebookNode]:
    """The cells the titled source cells become (a solution cell brings its check cell;
    markdown cells keep their title, which names them later)."""
    exercises = {exercise_of_suite(p): p for p in suite_files(hidden)}
    text = jupytext.read(source, fmt="py:percent")
    out: list[nbformat.NotebookNode] = []
    seen: set[str] = set()
    for number, cell in enumerate(text.cells, 1):
        title = cell.metadata.get("title", "")
        body = cell.source
        if cell.cell_type == "markdown":
            out.append(new_markdown_cell(body, metadata={"title": title}))
            continue
        words = title.split()
        where = f"{source}: code cell {number} ({title or 'no title'})"
        if title == "setup":
            out.append(_code("setup", body, nbgrader("setup", grade=False, solution=False,
                                                     locked=True)))
        elif len(words) == 1 and words[0] in exercises:
            exercise = words[0]
            if exercise in seen:
                raise AuthoringError(f"{where}: a second solution cell for {exercise}")
            if "### BEGIN SOLUTION" not in body or "### END SOLUTION" not in body:
                raise AuthoringError(f"{where}: a solution cell needs a `### BEGIN SOLUTION` ... "
                                     "`### END SOLUTION` region")
            seen.add(exercise)
            points = suite_points(exercises[exercise])
            out += [
                _code(dashed(exercise), body, nbgrader(exercise, grade=False, solution=True,
                                                       locked=False)),
                _code(f"check-{dashed(exercise)}", check_source(assignment, exercise),
                      nbgrader(f"check_{exercise}", grade=True, solution=False, locked=True,
                               points=points)),
            ]
        elif len(words) == 2 and words[0] in EXTRA_KINDS:
            kind, name = words
            cell_out = _code(f"{kind}-{name}", body, nbgrader(
                f"{kind}_{name}".replace("-", "_"), grade=False, solution=False, locked=True))
            cell_out.metadata["tags"] = [SKIP_TAG]
            out.append(cell_out)
        else:
            raise AuthoringError(
                f"{where}: a code cell's title must be `setup`, an exercise that has a hidden "
                f"suite in {hidden} (test_<exercise>.py), or `picture <name>` / "
                "`example <name>`")
    missing = sorted(set(exercises) - seen)
    if missing:
        raise AuthoringError(f"{source}: no solution cell for {', '.join(missing)} "
                             f"(each has a hidden suite in {hidden})")
    return out


def build_notebook(source: Path, assignment: str, hidden: Path) -> nbformat.NotebookNode:
    """The nbgrader source notebook of `assignment` built from its text notebook `source`,
    validated; check cells are worth the points of `hidden/test_<exercise>.py`."""
    if not source.is_file():
        raise AuthoringError(f"no source notebook at {source}")
    cells = _cells(source, assignment, hidden)
    for index, cell in enumerate(cells):
        if cell.cell_type != "markdown":
            continue
        title = cell.metadata.pop("title")
        following = next((c for c in cells[index + 1:] if c.cell_type == "code"), None)
        if not title and following is None:
            raise AuthoringError(f"{source}: the last markdown cell needs a title "
                                 "(`# %% where-next [markdown]`) to name it")
        cell.id = title or f"about-{following.id}"
    ids = [c.id for c in cells]
    duplicated = sorted({i for i in ids if ids.count(i) > 1})
    if duplicated:
        raise AuthoringError(f"{source}: two cells would have the id {', '.join(duplicated)}; "
                             "give a markdown cell a title of its own")
    notebook = new_notebook(cells=cells, metadata=copy.deepcopy(NOTEBOOK_METADATA))
    nbformat.validate(notebook)
    return notebook


def notebook_text(notebook: nbformat.NotebookNode) -> str:
    """The notebook as the file nbformat writes."""
    return nbformat.writes(notebook) + "\n"


def _built_text(assignment: str, course: Course) -> str:
    return notebook_text(build_notebook(course.source_file(assignment), assignment,
                                        course.hidden_dir(assignment)))


def build(assignment: str, *, course: Course) -> Path:
    """Write `solutions/<a>/<a>.ipynb` from `solutions/<a>/<a>.py`; return its path."""
    path = course.solution_notebook(assignment)
    path.write_text(_built_text(assignment, course), encoding="utf-8")
    return path


def notebook_is_current(assignment: str, *, course: Course) -> bool:
    """Whether the committed solution notebook is what `build` writes now."""
    path = course.solution_notebook(assignment)
    return path.is_file() and path.read_text(encoding="utf-8") == _built_text(assignment, course)
