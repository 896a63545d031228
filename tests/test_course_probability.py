"""The probability assignment proves itself: `mathgrade verify probability` holds."""

from __future__ import annotations

from pathlib import Path

import nbformat

from autograder.authoring.verify import verify
from autograder.course import Course

ROOT = Path(__file__).resolve().parents[1]


def test_verify_probability_holds():
    checks = verify("probability", course=Course(ROOT))
    failed = [c for c in checks if not c.passed]
    assert failed == []
    exercises = {c.claim.split(":")[0] for c in checks
                 if c.subject == "solution" and ":" in c.claim}
    assert len(exercises) >= 18
    for exercise in exercises:
        mine = [c for c in checks if c.subject.startswith(f"{exercise}/")]
        mistakes = {c.subject for c in mine if c.claim == "is named in the feedback"}
        alternatives = {c.subject for c in mine if c.claim == "alternative solution: full marks"}
        assert len(mistakes) >= 4, exercise
        assert len(alternatives) >= 2, exercise
    hidden = ROOT / "course" / "hidden" / "probability"
    symbolic = [f for f in hidden.glob("test_*.py") if "assert_equivalent(" in f.read_text()]
    assert len(symbolic) >= 4


def test_release_has_no_solutions_or_hidden_tests():
    notebook = nbformat.read(ROOT / "exercises" / "probability" / "probability.ipynb", 4)
    text = "\n".join(cell.source for cell in notebook.cells)
    for secret in ("BEGIN SOLUTION", "BEGIN HIDDEN TESTS", "course/hidden", "nonzero = p[p > 0]"):
        assert secret not in text
    assert text.count("raise NotImplementedError()") == 21
