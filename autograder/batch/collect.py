"""Collect submissions: turn the PATH arguments of `mathgrade grade` into a list of notebooks.

A PATH may be:

- a ``.ipynb`` file: the student is the file's stem, unless the file sits in an nbgrader
  tree ``.../<student>/<assignment>/<file>.ipynb``, then it is ``<student>``;
- an nbgrader ``submitted/`` (or ``autograded/``) folder, recognised by its shape: every
  notebook in it lies in a ``<student>/<some assignment>/`` folder and some student has a
  ``<student>/<assignment>/`` folder. Only the named assignment's notebooks are taken;
- one student's nbgrader folder ``submitted/<student>/<assignment>/``: that student's
  notebooks;
- any other folder: every ``.ipynb`` in it and its subfolders, with the student named as
  for a file given directly. (So ``submitted/<student>/`` given alone yields the student's
  notebooks of *every* assignment: give ``submitted/<student>/<assignment>/`` instead.)

Hidden files and folders (``.ipynb_checkpoints`` among them) are skipped, as are files
with other extensions. Whether a collected notebook is readable is not decided here: a
broken file is collected and becomes an error result when it is loaded.

Caveat: the nbgrader rule also applies to a flat folder *named after the assignment*
(``probability/alice.ipynb``, ``probability/bob.ipynb`` all belong to the parent folder's
student). Keep such flat folders under another name.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from autograder.errors import UsageError


@dataclass(frozen=True)
class Submission:
    """One notebook to grade. `submission` is its path relative to the arguments' common root."""

    path: Path
    student: str
    submission: str


def collect_submissions(paths: Sequence[Path], assignment: str) -> list[Submission]:
    """The notebooks to grade for `assignment`, sorted by (student, submission).

    Raises UsageError for a missing path, a file that is not ``.ipynb``, or a path that
    yields no notebook. The same file reached twice is collected once.
    """
    if not paths:
        raise UsageError("no submissions given: name notebooks or folders to grade")
    found: list[tuple[Path, str]] = []
    for given in paths:
        found.extend(_collect_path(Path(given), assignment))
    root = _common_root([Path(p) for p in paths])
    by_file: dict[Path, Submission] = {}
    for path, student in found:
        submission = Submission(path, student, path.relative_to(root).as_posix())
        key = path.resolve()
        previous = by_file.get(key)
        if previous is None or _order(submission) < _order(previous):
            by_file[key] = submission
    return sorted(by_file.values(), key=_order)


def _order(submission: Submission) -> tuple[str, str]:
    return submission.student, submission.submission


def _absolute(path: Path) -> Path:
    return Path(os.path.abspath(path))  # absolute and without `..`, symlinks kept


def _common_root(paths: list[Path]) -> Path:
    bases = [_absolute(p) if p.is_dir() else _absolute(p).parent for p in paths]
    return Path(os.path.commonpath([str(b) for b in bases]))


def _collect_path(given: Path, assignment: str) -> list[tuple[Path, str]]:
    path = _absolute(given)
    if not path.exists():
        raise UsageError(f"no such file or folder: {given}")
    if path.is_dir():
        found = _collect_folder(path, assignment)
        if not found:
            raise UsageError(f"no notebooks for assignment {assignment!r} in {given}")
        return found
    if not _is_notebook_name(path.name):
        raise UsageError(f"not a notebook (expected a .ipynb file or a folder): {given}")
    return [(path, _student_of(path, assignment))]


def _collect_folder(folder: Path, assignment: str) -> list[tuple[Path, str]]:
    notebooks = list(_notebooks_in(folder))
    places = [nb.relative_to(folder).parts for nb in notebooks]
    if _is_nbgrader_tree(folder, places, assignment):  # <student>/<assignment>/...
        return [(nb, p[0]) for nb, p in zip(notebooks, places, strict=True) if p[1] == assignment]
    if folder.name == assignment and folder.parent.name:  # submitted/<student>/<assignment>/
        return [(nb, folder.parent.name) for nb in notebooks]
    return [(nb, _student_of(nb, assignment)) for nb in notebooks]


def _is_nbgrader_tree(folder: Path, places: list[tuple[str, ...]], assignment: str) -> bool:
    """Like nbgrader's `submitted/`: every notebook is in a `<student>/<some assignment>/`
    folder, and some student has a folder for this assignment."""
    if not places or any(len(parts) < 3 for parts in places):
        return False
    return any(
        (entry / assignment).is_dir()
        for entry in folder.iterdir()
        if not entry.name.startswith(".")
    )


def _student_of(notebook: Path, assignment: str) -> str:
    """The student a notebook belongs to, judged from its own path."""
    folder = notebook.parent
    if folder.name == assignment and folder.parent.name:
        return folder.parent.name
    return notebook.stem


def _notebooks_in(folder: Path) -> Iterator[Path]:
    """Every notebook in `folder` and its subfolders, skipping hidden ones; in a stable order."""
    for parent, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if _is_notebook_name(name) and not name.startswith("."):
                yield Path(parent) / name


def _is_notebook_name(name: str) -> bool:
    return name.lower().endswith(".ipynb")
