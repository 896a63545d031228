"""verify(): solution full marks, every mistake caught and named; failures are reported."""

from __future__ import annotations

import shutil

from conftest import TOY_ROOT

from autograder.course import Course
from autograder.verify import verify


def test_toy_course_verifies(toy_course):
    checks = verify("toy", course=toy_course)
    assert all(c.passed for c in checks), [c for c in checks if not c.passed]
    claims = {(c.subject, c.claim) for c in checks}
    assert ("double/adds_two", "is named in the feedback") in claims
    assert ("double/squares", "loses points") in claims
    assert ("solution", "double: full marks") in claims
    assert ("double/by_addition", "alternative solution: full marks") in claims
    assert ("square/as_product", "alternative solution: full marks") in claims


def test_an_alternative_the_suite_rejects_fails_verification(tmp_path):
    root = tmp_path / "course"
    shutil.copytree(TOY_ROOT, root)
    alternatives = root / "course" / "hidden" / "toy" / "alternatives.py"
    alternatives.write_text(alternatives.read_text() + '''

@alternative("double")
def not_really(x):
    return x * 3
''')
    checks = verify("toy", course=Course(root))
    failed = {(c.subject, c.claim) for c in checks if not c.passed}
    assert failed == {("double/not_really", "alternative solution: full marks")}


def test_a_mistake_the_suite_cannot_catch_fails_verification(tmp_path):
    root = tmp_path / "course"
    shutil.copytree(TOY_ROOT, root)
    mistakes = root / "course" / "hidden" / "toy" / "mistakes.py"
    mistakes.write_text(mistakes.read_text() + '''

@mistake("double", hint="Not a mistake at all.")
def times_two_by_addition(x):
    return x + x
''')
    checks = verify("toy", course=Course(root))
    failed = {(c.subject, c.claim) for c in checks if not c.passed}
    assert failed == {("double/times_two_by_addition", "loses points"),
                      ("double/times_two_by_addition", "is named in the feedback")}


def test_a_broken_solution_fails_verification(tmp_path):
    root = tmp_path / "course"
    shutil.copytree(TOY_ROOT, root)
    notebook = root / "solutions" / "toy" / "toy.ipynb"
    notebook.write_text(notebook.read_text().replace("return x**2", "return x**3"))
    checks = verify("toy", course=Course(root))
    failed = {(c.subject, c.claim) for c in checks if not c.passed}
    assert failed == {("solution", "square: full marks")}
