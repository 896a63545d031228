"""The probability assignment proves itself: `mathgrade verify probability` holds."""

from __future__ import annotations

from pathlib import Path

import nbformat

from autograder.course import Course
from autograder.verify import verify

ROOT = Path(__file__).resolve().parents[1]


def test_verify_probability_holds():
    checks = verify("probability", course=Course(ROOT))
    failed = [c for c in checks if not c.passed]
    assert failed == []
    mistakes = {c.subject for c in checks if "/" in c.subject}
    assert len(mistakes) >= 11 * 4  # at least four known mistakes per exercise


def test_release_has_no_solutions_or_hidden_tests():
    notebook = nbformat.read(ROOT / "exercises" / "probability" / "probability.ipynb", 4)
    text = "\n".join(cell.source for cell in notebook.cells)
    for secret in ("BEGIN SOLUTION", "BEGIN HIDDEN TESTS", "course/hidden", "nonzero = p[p > 0]"):
        assert secret not in text
    assert text.count("raise NotImplementedError()") == 11
