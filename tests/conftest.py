"""Shared fixtures: the toy course (tests/data/toycourse) and notebook builders."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from autograder.authoring import public_cases
from autograder.course import Course
from autograder.grading.workers import ForkServer

ROOT = Path(__file__).resolve().parents[1]
TOY_ROOT = Path(__file__).parent / "data" / "toycourse"
IS_ROOT = os.getuid() == 0
GOOD_DOUBLE = "def double(x):\n    return 2 * x\n"
GOOD_SQUARE = "def square(x):\n    return x**2\n"


def write_notebook(path: Path, *sources: str) -> Path:
    """A Python notebook at `path` with one code cell per source."""
    notebook = new_notebook(cells=[new_code_cell(s) for s in sources])
    notebook.metadata["kernelspec"] = {
        "name": "python3", "language": "python", "display_name": "Python 3"
    }
    nbformat.write(notebook, path)
    return path


@pytest.fixture(scope="session")
def toy_course() -> Course:
    return Course(TOY_ROOT)


@pytest.fixture(scope="session")
def forkserver() -> ForkServer:
    with ForkServer() as server:
        yield server


@pytest.fixture
def toy_notebook(tmp_path: Path) -> Callable[..., Path]:
    """Write a toy submission: `toy_notebook("ada", double=..., square=..., extra=[...])`."""

    def make(name: str, double: str = GOOD_DOUBLE, square: str = GOOD_SQUARE,
             extra: tuple[str, ...] = ()) -> Path:
        return write_notebook(tmp_path / f"{name}.ipynb", "import numpy as np", double, square,
                              *extra)

    return make


def solution_namespace(assignment: str) -> dict:
    """The functions of `solutions/<assignment>/<assignment>.ipynb`, defined in this process."""
    return public_cases.solution_namespace(
        ROOT / "solutions" / assignment / f"{assignment}.ipynb")
