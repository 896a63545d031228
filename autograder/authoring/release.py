"""Releasing an assignment with nbgrader, and checking that the committed release is current.

`release()` runs nbgrader's own `generate_assignment` (through `NbGraderAPI`) with the
course's `course/nbgrader_config.py`: solutions/<a>/ in, exercises/<a>/ out, solution
regions replaced by stubs and hidden-test regions removed. `stale_files()` generates the
release again into a scratch folder and lists every file that differs from exercises/<a>/,
so `mathgrade verify` can prove that what students get matches the solutions.
"""

from __future__ import annotations

import contextlib
import filecmp
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from traitlets.config import Config
from traitlets.config.loader import PyFileConfigLoader

from autograder.course import Course
from autograder.errors import UsageError

CONFIG_FILE = "nbgrader_config.py"


def nbgrader_config(course: Course) -> Config:
    """The course's nbgrader configuration (course/nbgrader_config.py)."""
    folder = course.root / "course"
    if not (folder / CONFIG_FILE).is_file():
        raise UsageError(f"no nbgrader configuration at {folder / CONFIG_FILE}")
    return PyFileConfigLoader(CONFIG_FILE, path=str(folder)).load_config()


@contextlib.contextmanager
def _alembic_on_path() -> Iterator[None]:
    """nbgrader runs the `alembic` command, installed next to this Python."""
    saved = os.environ.get("PATH", "")
    os.environ["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), saved])
    try:
        yield
    finally:
        os.environ["PATH"] = saved


def release(assignment: str, *, course: Course, into: Path | None = None) -> Path:
    """Generate the student release of `assignment`; returns the released folder."""
    from nbgrader.apps import NbGraderAPI

    course.require(assignment)
    config = nbgrader_config(course)
    # The config file finds its root through __file__, which follows symlinks; the course
    # we were given is the one to release.
    config.CourseDirectory.root = str(course.root)
    config.CourseDirectory.db_url = f"sqlite:///{course.root / 'course' / 'gradebook.db'}"
    # The text source holds the solutions: never released, whatever the config file says.
    ignored = list(config.CourseDirectory.get("ignore", []))
    config.CourseDirectory.ignore = [*ignored, course.source_file(assignment).name]
    if into is not None:
        config.CourseDirectory.release_directory = str(into)
        config.CourseDirectory.db_url = f"sqlite:///{into / 'gradebook.db'}"
    with _alembic_on_path():
        outcome = NbGraderAPI(config=config).generate_assignment(
            assignment, force=True, create=True
        )
    if not outcome["success"]:
        raise RuntimeError(f"nbgrader could not release {assignment!r}:\n{outcome.get('log')}")
    return (into or course.root / "exercises") / assignment


def stale_files(assignment: str, *, course: Course) -> list[str]:
    """Files of exercises/<assignment>/ that a fresh release would change, add or remove."""
    committed = course.release_dir(assignment)
    with tempfile.TemporaryDirectory() as scratch:
        fresh = release(assignment, course=course, into=Path(scratch))
        names = {p.name for p in fresh.iterdir()} | (
            {p.name for p in committed.iterdir()} if committed.is_dir() else set()
        )
        return sorted(
            name for name in names
            if not (fresh / name).is_file() or not (committed / name).is_file()
            or not filecmp.cmp(fresh / name, committed / name, shallow=False)
        )
