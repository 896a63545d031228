"""verify(): solution full marks, every mistake caught and named; failures are reported."""

from __future__ import annotations

import shutil

from conftest import TOY_ROOT

from autograder.authoring.notebook import build
from autograder.authoring.verify import verify
from autograder.course import Course


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
    suite = root / "course" / "hidden" / "toy" / "test_double.py"
    suite.write_text(suite.read_text() + '''

@alternative
def not_really(x):
    return x * 3
''')
    checks = verify("toy", course=Course(root))
    failed = {(c.subject, c.claim) for c in checks if not c.passed}
    assert failed == {("double/not_really", "alternative solution: full marks")}


def test_a_mistake_the_suite_cannot_catch_fails_verification(tmp_path):
    root = tmp_path / "course"
    shutil.copytree(TOY_ROOT, root)
    suite = root / "course" / "hidden" / "toy" / "test_double.py"
    suite.write_text(suite.read_text() + '''

@mistake
def times_two_by_addition(x):
    """Not a mistake at all."""
    return x + x
''')
    checks = verify("toy", course=Course(root))
    failed = {(c.subject, c.claim) for c in checks if not c.passed}
    assert failed == {("double/times_two_by_addition", "loses points"),
                      ("double/times_two_by_addition", "is named in the feedback")}


def test_a_broken_solution_fails_verification(tmp_path):
    root = tmp_path / "course"
    shutil.copytree(TOY_ROOT, root)
    source = root / "solutions" / "toy" / "toy.py"
    source.write_text(source.read_text().replace("return x**2", "return x**3"))
    build("toy", course=Course(root))
    checks = verify("toy", course=Course(root))
    failed = {(c.subject, c.claim) for c in checks if not c.passed}
    assert failed == {("solution", "square: full marks"),
                      ("public/square", "public checks pass the solution")}


def test_a_public_check_that_fails_the_solution_fails_verification(tmp_path):
    root = tmp_path / "course"
    shutil.copytree(TOY_ROOT, root)
    checks = root / "solutions" / "toy" / "public_checks.py"
    checks.write_text(checks.read_text().replace("vec(2.0, -4.0, 7.0)", "vec(2.0, -4.0, 7.5)"))
    failed = [c for c in verify("toy", course=Course(root)) if not c.passed]
    assert [(c.subject, c.claim) for c in failed] == [
        ("public/double", "public checks pass the solution"),
        ("release", "is current (nbgrader generate_assignment)")]
    assert "double([1.0, -2.0, 3.5])" in failed[0].detail
