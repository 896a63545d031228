"""The calculus assignment proves itself: `mathgrade verify calculus` holds."""

from __future__ import annotations

from pathlib import Path

import nbformat

from autograder.authoring.verify import verify
from autograder.course import Course
from autograder.suite.mistakes import load_known

ROOT = Path(__file__).resolve().parents[1]
HIDDEN = ROOT / "course" / "hidden" / "calculus"
CONTRACT = ["finite_difference", "gd_step", "mse_gradient", "softmax_jacobian",
            "taylor_polynomial", "sigmoid_derivative"]


def exercises() -> list[str]:
    return sorted(p.stem.removeprefix("test_") for p in HIDDEN.glob("test_*.py"))


def test_every_contract_exercise_has_a_suite():
    assert set(CONTRACT) <= set(exercises())


def test_at_least_four_mistakes_and_two_alternatives_per_exercise():
    known = load_known(HIDDEN)
    mistakes, alternatives = known.mistakes, known.alternatives
    for exercise in exercises():
        assert len(mistakes.get(exercise, [])) >= 4, exercise
        assert len(alternatives.get(exercise, [])) >= 2, exercise
    assert set(mistakes) | set(alternatives) <= set(exercises())


def test_verify_calculus_holds():
    checks = verify("calculus", course=Course(ROOT))
    failed = [c for c in checks if not c.passed]
    assert failed == []
    mistakes = {c.subject for c in checks if "/" in c.subject and "alternative" not in c.claim}
    assert len(mistakes) >= 4 * len(exercises())


def test_release_has_no_solutions_or_hidden_tests():
    notebook = nbformat.read(ROOT / "exercises" / "calculus" / "calculus.ipynb", 4)
    text = "\n".join(cell.source for cell in notebook.cells)
    for secret in ("BEGIN SOLUTION", "BEGIN HIDDEN TESTS", "course/hidden", "hidden_score",
                   "(f(x + h) - f(x - h)) / (2 * h)\n"):
        assert secret not in text
    assert text.count("raise NotImplementedError()") == len(exercises())
    for exercise in exercises():
        assert f"def {exercise}(" in text
        assert f'check("{exercise}")' in text
