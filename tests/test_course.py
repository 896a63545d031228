"""Course layout: finding the course, known assignments, public support files."""

from __future__ import annotations

import pytest
from conftest import TOY_ROOT

from autograder.course import Course
from autograder.errors import UsageError


def test_find_walks_up_to_the_folder_with_course_hidden(monkeypatch):
    monkeypatch.delenv("MATHGRADE_ROOT", raising=False)
    assert Course.find(TOY_ROOT / "solutions" / "toy").root == TOY_ROOT.resolve()


def test_find_without_a_course_is_a_usage_error(monkeypatch, tmp_path):
    monkeypatch.delenv("MATHGRADE_ROOT", raising=False)
    with pytest.raises(UsageError, match="no course found"):
        Course.find(tmp_path)


def test_assignments_and_require(toy_course):
    assert toy_course.assignments() == ["toy"]
    toy_course.require("toy")
    with pytest.raises(UsageError, match="unknown assignment 'calc'"):
        toy_course.require("calc")


def test_support_files_are_the_public_release_without_notebooks(toy_course):
    files = toy_course.support_files("toy")
    assert list(files) == ["public_checks.py"]
    assert "check = make_check(CASES)" in files["public_checks.py"]


def test_private_paths_are_course_and_solutions(toy_course):
    assert toy_course.private_paths() == [TOY_ROOT / "course", TOY_ROOT / "solutions"]
