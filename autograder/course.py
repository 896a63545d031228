"""Where a course's material lives: hidden suites, mistakes, solutions and the release.

The project root holds `course/hidden/<assignment>/` (grader-only: hidden suites and known
mistakes), `solutions/<assignment>/<assignment>.ipynb` (the nbgrader source) and
`exercises/<assignment>/` (the nbgrader release that students get). Only the release is
public: its non-notebook files (public checks) are copied into every worker; everything
else is hidden from workers.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from autograder.errors import UsageError

SUPPORT_SUFFIXES = {".py", ".csv", ".txt", ".json"}
MAX_SUPPORT_BYTES = 1 << 20


@dataclass(frozen=True)
class Course:
    """A course instance rooted at the folder that holds course/, solutions/ and exercises/."""

    root: Path

    @classmethod
    def find(cls, start: Path | None = None) -> Course:
        """The course at MATHGRADE_ROOT, or the nearest folder upwards that has course/hidden."""
        if os.environ.get("MATHGRADE_ROOT"):
            return cls(Path(os.environ["MATHGRADE_ROOT"]).resolve())
        here = (start or Path.cwd()).resolve()
        for folder in (here, *here.parents):
            if (folder / "course" / "hidden").is_dir():
                return cls(folder)
        raise UsageError(
            f"no course found: {here} and its parents have no course/hidden folder "
            "(run from the project root or set MATHGRADE_ROOT)"
        )

    def hidden_dir(self, assignment: str) -> Path:
        return self.root / "course" / "hidden" / assignment

    def source_file(self, assignment: str) -> Path:
        """The text notebook a person edits (jupytext percent format)."""
        return self.root / "solutions" / assignment / f"{assignment}.py"

    def solution_notebook(self, assignment: str) -> Path:
        return self.root / "solutions" / assignment / f"{assignment}.ipynb"

    def release_dir(self, assignment: str) -> Path:
        return self.root / "exercises" / assignment

    def assignments(self) -> list[str]:
        hidden = self.root / "course" / "hidden"
        return sorted(p.name for p in hidden.iterdir() if p.is_dir() and any(p.glob("test_*.py")))

    def require(self, assignment: str) -> None:
        """Raise a one-line UsageError unless `assignment` has a hidden suite."""
        known = self.assignments()
        if assignment not in known:
            raise UsageError(
                f"unknown assignment {assignment!r}; this course has: {', '.join(known) or 'none'}"
            )

    def private_paths(self) -> list[Path]:
        """Folders a worker must not be able to read."""
        return [p for p in (self.root / "course", self.root / "solutions") if p.is_dir()]

    def support_files(self, assignment: str) -> dict[str, str]:
        """Public files released with the notebook (e.g. public checks), by file name."""
        release = self.release_dir(assignment)
        files: dict[str, str] = {}
        if release.is_dir():
            for path in sorted(release.iterdir()):
                if (
                    path.is_file()
                    and path.suffix in SUPPORT_SUFFIXES
                    and path.stat().st_size <= MAX_SUPPORT_BYTES
                ):
                    files[path.name] = path.read_text(encoding="utf-8")
        return files
