"""Plain `nbgrader autograde` grades with the hidden suite too (check cells' hidden region).

nbgrader runs each notebook in a kernel of its own and trusts it; the hidden region calls
`autograder.grading.inkernel.hidden_score`, whose value nbgrader takes as partial credit. A public
check that fails raises, so nbgrader gives that cell 0 (its all-or-nothing rule).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from nbgrader.api import Gradebook

ROOT = Path(__file__).resolve().parents[1]


def nbgrader(course: Path, *args: str) -> None:
    bin_dir = Path(sys.executable).parent
    env = dict(os.environ, PATH=f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}")
    subprocess.run([str(bin_dir / "nbgrader"), *args], cwd=course, env=env, check=True,
                   capture_output=True, timeout=300)


def test_nbgrader_autograde_uses_the_hidden_suite(tmp_path):
    root = tmp_path / "project"
    shutil.copytree(ROOT / "course" / "hidden", root / "course" / "hidden")
    shutil.copy(ROOT / "course" / "nbgrader_config.py", root / "course")
    shutil.copytree(ROOT / "solutions", root / "solutions")
    for student in ("ada", "fermat", "pascal"):
        folder = root / "course" / "submitted" / student / "probability"
        folder.mkdir(parents=True)
        shutil.copy(ROOT / "course" / "demo" / f"{student}.ipynb", folder / "probability.ipynb")
    nbgrader(root / "course", "generate_assignment", "probability", "--force")
    nbgrader(root / "course", "autograde", "probability", "--create", "--force")
    with Gradebook(f"sqlite:///{root / 'course' / 'gradebook.db'}") as gradebook:
        scores = {student: {g.name: g.score for g in
                            gradebook.find_submission("probability", student).notebooks[0].grades}
                  for student in ("ada", "fermat", "pascal")}
    assert sum(scores["ada"].values()) == 165
    assert scores["fermat"]["check_entropy"] == 0  # its public check fails: nbgrader gives 0
    assert scores["fermat"]["check_softmax"] == 9
    # Public checks pass, the hidden suite finds the mistakes: partial credit, as mathgrade.
    assert (scores["pascal"]["check_array_is_pmf"], scores["pascal"]["check_entropy"]) == (6, 5)
