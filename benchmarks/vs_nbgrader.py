"""`mathgrade grade` against `nbgrader autograde` on the same batch, as a new user runs them.

Builds a course in a scratch folder with N probability submissions in nbgrader's
`submitted/<student>/probability/` layout, made from the demo batch: correct notebooks
written in several ways, known mistakes, a syntax error, an untouched release, IPython
magics, notebooks that answer only some exercises, and exactly one endless loop (the first
copy of `euler`; later copies are made correct). Then, one after the other, it runs

    nbgrader autograde probability --create --force      (a kernel per notebook)
    mathgrade grade probability course/submitted --json  (forked sandboxed workers)

as whole commands, checks that both produced a grade for every submission, and prints
seconds per submission and the ratio.

    .venv/bin/python benchmarks/vs_nbgrader.py [--submissions 50] [--workers N]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbgrader.api import Gradebook

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "course" / "demo"
STUB = "# YOUR CODE HERE\nraise NotImplementedError()"
SOLUTION = re.compile(r"### BEGIN SOLUTION.*?### END SOLUTION", re.S)


def _partial(source: Path, keep_every: int) -> nbformat.NotebookNode:
    """A correct notebook in which only every `keep_every`-th exercise is answered."""
    notebook = nbformat.read(source, as_version=4)
    answered = 0
    for cell in notebook.cells:
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type == "code" and meta.get("solution"):
            answered += 1
            if answered % keep_every:
                head = cell.source.split("\n", 1)[0]  # keep the `def` line
                cell.source = f"{head}\n    {STUB.replace(chr(10), chr(10) + '    ')}"
    return notebook


def build_course(folder: Path, count: int) -> list[str]:
    """A course at `folder` with `count` submissions; returns the student ids."""
    shutil.copytree(ROOT / "course" / "hidden", folder / "course" / "hidden")
    shutil.copy(ROOT / "course" / "nbgrader_config.py", folder / "course")
    shutil.copytree(ROOT / "solutions", folder / "solutions")
    shutil.copytree(ROOT / "exercises", folder / "exercises")
    kinds = sorted(p.stem for p in DEMO.glob("*.ipynb") if p.stem != "broken")
    students = []
    for i in range(count):
        kind = kinds[i % len(kinds)]
        student = f"{kind}{i:03d}"
        target = folder / "course" / "submitted" / student / "probability" / "probability.ipynb"
        target.parent.mkdir(parents=True)
        if kind == "euler" and i >= len(kinds):
            shutil.copy(DEMO / "ada.ipynb", target)  # one endless loop in the batch, not more
        elif i % 7 == 3:
            nbformat.write(_partial(DEMO / "ada.ipynb", keep_every=2 + i % 3), target)
        else:
            shutil.copy(DEMO / f"{kind}.ipynb", target)
        students.append(student)
    return students


def _run(command: list[str], cwd: Path) -> float:
    bin_dir = Path(sys.executable).parent
    env = dict(os.environ, PATH=f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}")
    started = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return seconds


def nbgrader_grades(course: Path, students: list[str]) -> dict[str, float]:
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        return {s: gradebook.find_submission("probability", s).score for s in students}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--submissions", type=int, default=50)
    parser.add_argument("--workers", type=int, default=None,
                        help="passed to mathgrade grade (default: its own default)")
    args = parser.parse_args()
    bin_dir = Path(sys.executable).parent
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch) / "project"
        students = build_course(root, args.submissions)
        course = root / "course"
        _run([str(bin_dir / "nbgrader"), "generate_assignment", "probability", "--force"],
             course)
        nb_seconds = _run([str(bin_dir / "nbgrader"), "autograde", "probability", "--create",
                           "--force"], course)
        out = root / "results.json"
        command = [str(bin_dir / "mathgrade"), "grade", "probability", "course/submitted",
                   "--json", str(out), "--root", str(root)]
        if args.workers is not None:
            command += ["--workers", str(args.workers)]
        mg_seconds = _run(command, root)
        nb_scores = nbgrader_grades(course, students)
        mg_scores = {r["student"]: r["score"] for r in json.loads(out.read_text())}
    missing = sorted(set(students) - set(nb_scores) | set(students) - set(mg_scores))
    if missing:
        raise SystemExit(f"no grade for {', '.join(missing)}")
    n = len(students)
    print(f"vs_nbgrader: {n} probability submissions (nbgrader's submitted/ layout)")
    print(f"{'command':<40} {'wall s':>8} {'s/submission':>13}")
    print(f"{'nbgrader autograde probability':<40} {nb_seconds:8.1f} {nb_seconds / n:13.3f}")
    print(f"{'mathgrade grade probability':<40} {mg_seconds:8.1f} {mg_seconds / n:13.3f}")
    print(f"ratio nbgrader / mathgrade: {nb_seconds / mg_seconds:.1f}x")
    same = sum(abs(nb_scores[s] - mg_scores[s]) < 1e-9 for s in students)
    print(f"total scores equal in {same} of {n} submissions (they differ where a public check "
          "fails: nbgrader zeroes that cell)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
