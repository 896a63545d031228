"""authoring: the source-notebook layout every assignment shares."""

from __future__ import annotations

from pathlib import Path

from autograder.authoring import Extra, Section, source_notebook, suite_points


def write_suite(root: Path) -> Path:
    hidden = root / "course" / "hidden" / "toy"
    hidden.mkdir(parents=True)
    suite = hidden / "test_double.py"
    suite.write_text(
        "import pytest\n\n"
        "@pytest.mark.points(3)\ndef test_a(student):\n    pass\n\n"
        "def test_b(student):\n    pass\n\n"
        "def helper():\n    pass\n"
    )
    return suite


def test_suite_points_sums_markers_and_counts_unmarked_tests_as_one(tmp_path):
    assert suite_points(write_suite(tmp_path)) == 4


def test_source_notebook_lays_out_exercise_check_and_skipped_extras(tmp_path):
    write_suite(tmp_path)
    section = Section("double", "Double it.", "def double(x):\n    ### BEGIN SOLUTION\n"
                      "    return 2 * x\n    ### END SOLUTION",
                      [Extra("picture-line", "picture_line", "A line.", "x = 1")])
    notebook = source_notebook(tmp_path, "toy", intro="Intro", setup="import numpy as np",
                               sections=[section], closing="Bye")
    assert [c.id for c in notebook.cells] == [
        "intro", "setup", "about-double", "double", "check-double", "about-picture-line",
        "picture-line", "where-next"]
    check = notebook.cells[4]
    assert check.metadata["nbgrader"]["points"] == 4 and check.metadata["nbgrader"]["grade"]
    assert 'hidden_score("toy", "double")' in check.source
    picture = notebook.cells[6]
    assert picture.metadata["tags"] == ["mathgrade-skip"]
    assert picture.metadata["nbgrader"]["locked"] and not picture.metadata["nbgrader"]["grade"]
