"""The linear_algebra assignment proves itself: `mathgrade verify linear_algebra` holds."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import nbformat

from autograder.authoring.verify import verify
from autograder.course import Course
from autograder.suite.mistakes import load_known

ROOT = Path(__file__).resolve().parents[1]
ASSIGNMENT = "linear_algebra"
CONTRACT = ["shape_of_transpose", "are_compatible", "apply_to_batch", "make_repeater",
            "projection_matrix", "least_squares", "low_rank_approx", "conv1d_matrix"]
SYMBOLIC = ["inverse_2x2", "characteristic_polynomial", "eigenvalues_2x2"]


def exercises() -> list[str]:
    hidden = ROOT / "course" / "hidden" / ASSIGNMENT
    return sorted(p.stem.removeprefix("test_") for p in hidden.glob("test_*.py"))


def test_exercises_include_the_contract_and_symbolic_ones():
    names = exercises()
    assert len(names) >= 18
    assert set(CONTRACT + SYMBOLIC) <= set(names)


def test_at_least_four_mistakes_and_two_alternatives_per_exercise():
    known = load_known(Course(ROOT).hidden_dir(ASSIGNMENT))
    mistakes, alternatives = known.mistakes, known.alternatives
    for name in exercises():
        assert len(mistakes.get(name, [])) >= 4, name
        assert len(alternatives.get(name, [])) >= 2, name


def test_verify_linear_algebra_holds():
    checks = verify(ASSIGNMENT, course=Course(ROOT))
    failed = [c for c in checks if not c.passed]
    assert failed == []
    per_exercise = Counter(c.subject.split("/")[0] for c in checks
                           if "/" in c.subject and c.claim == "loses points")
    assert set(per_exercise) == set(exercises())
    assert min(per_exercise.values()) >= 4  # every known mistake was graded and caught
    alternatives = Counter(c.subject.split("/")[0] for c in checks
                           if c.claim == "alternative solution: full marks")
    assert min(alternatives[name] for name in exercises()) >= 2


def test_release_has_no_solutions_or_hidden_tests():
    release = ROOT / "exercises" / ASSIGNMENT
    notebook = nbformat.read(release / f"{ASSIGNMENT}.ipynb", 4)
    text = "\n".join(cell.source for cell in notebook.cells)
    for secret in ("BEGIN SOLUTION", "BEGIN HIDDEN TESTS", "hidden_score", "course/hidden",
                   "return A @ np.linalg.solve(A.T @ A, A.T)", "= kernel[::-1]",
                   "radius = sp.sqrt"):
        assert secret not in text
    assert text.count("raise NotImplementedError()") == len(exercises())
    assert sorted(p.name for p in release.iterdir()) == [f"{ASSIGNMENT}.ipynb",
                                                         "public_checks.py"]


def extra_cells(notebook) -> list:
    """The worked-example and picture cells: locked, not graded, skipped by the grader."""
    return [c for c in notebook.cells
            if c.cell_type == "code" and c.id.startswith(("picture-", "example-"))]


def test_picture_cells_are_ungraded_and_use_no_student_function():
    notebook = nbformat.read(ROOT / "exercises" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", 4)
    cells = extra_cells(notebook)
    assert sum(c.id.startswith("picture-") for c in cells) >= 3
    for cell in cells:
        meta = cell.metadata["nbgrader"]
        assert (meta["grade"], meta["solution"], meta["locked"]) == (False, False, True)
        assert "mathgrade-skip" in cell.metadata["tags"]  # not run by `mathgrade grade`
        assert not any(f"{name}(" in cell.source for name in exercises())


def test_picture_and_example_cells_run_headless():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    notebook = nbformat.read(ROOT / "exercises" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", 4)
    namespace: dict = {}
    exec("import numpy as np\nimport matplotlib.pyplot as plt", namespace)
    try:
        for cell in extra_cells(notebook):
            exec(compile(cell.source, cell.id, "exec"), namespace)
    finally:
        plt.close("all")
