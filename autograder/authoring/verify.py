"""`verify()`: prove an assignment's grading is right before students ever see it.

Grades, in one session: the solution notebook (must earn full marks), the solution with
each known mistake substituted for its exercise (must lose points on that exercise and be
named as that misconception), the solution with each alternative solution substituted
(must still earn full marks on that exercise), and the released student notebook if there is
one (its stubs must earn nothing); then checks that the committed release is what nbgrader
generates now, that the solution notebook is what its text source builds, and that
every public check passes the solution.
Returns one `Check` per claim so the CLI can print a table.
"""

from __future__ import annotations

import copy
import tempfile
from dataclasses import dataclass
from pathlib import Path

import nbformat

from autograder.authoring.notebook import notebook_is_current
from autograder.authoring.public_cases import public_case_problems, solution_namespace
from autograder.authoring.release import stale_files
from autograder.batch.result import Result
from autograder.course import Course
from autograder.errors import UsageError
from autograder.grading.grade import grade
from autograder.suite.mistakes import Alternative, Mistake, load_known
from autograder.worker.sandbox import SandboxLimits

PRELUDE = "import math\nimport numpy as np\nimport sympy as sp\n\n"


@dataclass(frozen=True)
class Check:
    """One verified claim about the assignment."""

    subject: str
    claim: str
    passed: bool
    detail: str = ""


def with_substitute(
    solution: nbformat.NotebookNode, substitute: Mistake | Alternative
) -> nbformat.NotebookNode:
    """The solution notebook with a known mistake or alternative defined as its exercise
    after everything else."""
    notebook = copy.deepcopy(solution)
    notebook.cells.append(nbformat.v4.new_code_cell(PRELUDE + substitute.source_as()))
    return notebook


def _check_solution(result: Result) -> list[Check]:
    checks = [Check("solution", "grades without problems", result.status == "ok",
                    result.error or "")]
    for name, exercise in sorted(result.exercises.items()):
        full = exercise.score == exercise.max_score
        checks.append(Check("solution", f"{name}: full marks", full,
                            f"{exercise.score:g}/{exercise.max_score:g} "
                            + " | ".join(exercise.feedback)))
    return checks


def _check_mistake(mistake: Mistake, result: Result) -> list[Check]:
    subject = f"{mistake.exercise}/{mistake.name}"
    exercise = result.exercises.get(mistake.exercise)
    if exercise is None:
        return [Check(subject, "names an exercise of the suite", False,
                      f"no hidden suite test_{mistake.exercise}.py")]
    loses = exercise.score < exercise.max_score
    named = exercise.misconception == mistake.name
    return [
        Check(subject, "loses points", loses, f"{exercise.score:g}/{exercise.max_score:g}"),
        Check(subject, "is named in the feedback", named,
              f"named: {exercise.misconception or 'nothing'}"),
    ]


def _check_alternative(alternative: Alternative, result: Result) -> list[Check]:
    subject = f"{alternative.exercise}/{alternative.name}"
    exercise = result.exercises.get(alternative.exercise)
    if exercise is None:
        return [Check(subject, "names an exercise of the suite", False,
                      f"no hidden suite test_{alternative.exercise}.py")]
    full = result.status == "ok" and exercise.score == exercise.max_score
    return [Check(subject, "alternative solution: full marks", full,
                  f"{exercise.score:g}/{exercise.max_score:g} " + " | ".join(exercise.feedback))]


def _check_public_cases(course: Course, assignment: str) -> list[Check]:
    """One check per exercise: every public case passes the solution."""
    checks_file = course.root / "solutions" / assignment / "public_checks.py"
    if not checks_file.is_file():
        return []
    namespace = solution_namespace(course.solution_notebook(assignment))
    by_exercise: dict[str, list[tuple[str, str | None]]] = {}
    for label, problem in public_case_problems(namespace, checks_file):
        by_exercise.setdefault(label.split(":")[0], []).append((label, problem))
    checks = []
    for exercise, outcomes in sorted(by_exercise.items()):
        failed = [f"{label}: {problem}" for label, problem in outcomes if problem]
        detail = " | ".join(failed) or f"{len(outcomes)} of {len(outcomes)} cases"
        checks.append(Check(f"public/{exercise}", "public checks pass the solution", not failed,
                            detail))
    return checks


def verify(assignment: str, *, course: Course, limits: SandboxLimits | None = None,
           workers: int | None = None) -> list[Check]:
    """Grade solution, known mistakes and release of `assignment`; return every check.

    The variants are written to a scratch folder and graded as one batch by `grade`, so
    they share its grader processes (`workers`, by default as for `mathgrade grade`).
    """
    course.require(assignment)
    path = course.solution_notebook(assignment)
    if not path.is_file():
        raise UsageError(f"no solution notebook at {path}")
    solution = nbformat.read(path, as_version=4)
    known = load_known(course.hidden_dir(assignment))
    mistakes, alternatives = known.all_mistakes(), known.all_alternatives()
    variants = [("solution", solution)] + [
        (f"{kind}--{variant.exercise}--{variant.name}", with_substitute(solution, variant))
        for kind, group in (("mistake", mistakes), ("alternative", alternatives))
        for variant in group
    ]
    release = course.release_dir(assignment) / f"{assignment}.ipynb"
    if release.is_file():
        variants.append(("release", nbformat.read(release, as_version=4)))
    with tempfile.TemporaryDirectory(prefix="mathgrade-verify-") as scratch:
        for name, node in variants:
            nbformat.write(node, Path(scratch) / f"{name}.ipynb")
        graded = grade(assignment, [Path(scratch)], course=course, limits=limits,
                       workers=workers)
    by_name = {result.student: result for result in graded}
    results = [by_name[name] for name, _ in variants]
    checks = _check_solution(results[0])
    for mistake, result in zip(mistakes, results[1 : 1 + len(mistakes)], strict=True):
        checks += _check_mistake(mistake, result)
    after = 1 + len(mistakes)
    for variant, result in zip(alternatives, results[after : after + len(alternatives)],
                               strict=True):
        checks += _check_alternative(variant, result)
    if release.is_file():
        stub = results[-1]
        checks.append(Check("release", "stubs earn nothing", stub.score == 0,
                            f"{stub.score:g}/{stub.max_score:g}"))
    checks += _check_public_cases(course, assignment)
    current = notebook_is_current(assignment, course=course)
    checks.append(Check("solution", f"notebook is current with {assignment}.py", current,
                        "" if current else f"rebuild with `mathgrade build {assignment}`"))
    stale = stale_files(assignment, course=course)
    advice = f"regenerate with `mathgrade release {assignment}`: " + ", ".join(stale)
    checks.append(Check("release", "is current (nbgrader generate_assignment)", not stale,
                        advice if stale else ""))
    return checks
