"""Releasing with nbgrader: no solutions reach students, and a stale release is detected."""

from __future__ import annotations

import shutil

import nbformat
from conftest import TOY_ROOT

from autograder.authoring.notebook import build
from autograder.authoring.release import release, stale_files
from autograder.authoring.verify import verify
from autograder.course import Course


def test_committed_toy_release_is_current(toy_course):
    assert stale_files("toy", course=toy_course) == []


def test_release_has_stubs_and_no_solutions_or_hidden_tests(tmp_path, toy_course):
    folder = release("toy", course=toy_course, into=tmp_path)
    notebook = nbformat.read(folder / "toy.ipynb", as_version=4)
    text = "\n".join(cell.source for cell in notebook.cells)
    assert "raise NotImplementedError()" in text
    for secret in ("BEGIN SOLUTION", "return 2 * x", "BEGIN HIDDEN TESTS", "test_double.py"):
        assert secret not in text
    assert sorted(p.name for p in folder.iterdir()) == ["public_checks.py", "toy.ipynb"]


def test_changed_solution_makes_the_release_stale(tmp_path):
    root = tmp_path / "course"
    shutil.copytree(TOY_ROOT, root, ignore=shutil.ignore_patterns("gradebook.db"))
    source = root / "solutions" / "toy" / "toy.py"
    source.write_text(source.read_text().replace("Double an array", "Double a vector"))
    course = Course(root)
    failed = [c for c in verify("toy", course=course) if not c.passed]
    assert [(c.subject, c.claim) for c in failed] == [
        ("solution", "notebook is current with toy.py")]
    build("toy", course=course)
    assert stale_files("toy", course=course) == ["toy.ipynb"]
    failed = [c for c in verify("toy", course=course) if not c.passed]
    assert [(c.subject, c.claim) for c in failed] == [
        ("release", "is current (nbgrader generate_assignment)")]
    release("toy", course=course)
    assert stale_files("toy", course=course) == []
