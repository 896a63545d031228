"""`verify()`: prove an assignment's grading is right before students ever see it.

Grades, in one session: the solution notebook (must earn full marks), the solution with
each known mistake substituted for its exercise (must lose points on that exercise and be
named as that misconception), the solution with each alternative solution substituted
(must still earn full marks on that exercise), and the released student notebook if there is
one (its stubs must earn nothing); then checks that the committed release is what nbgrader
generates now.
Returns one `Check` per claim so the CLI can print a table.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

import nbformat

from autograder.collect import Submission, UsageError
from autograder.course import Course
from autograder.grade import grade_prepared, prepare
from autograder.load import notebook_from_node
from autograder.mistakes import Alternative, Mistake, load_alternatives, load_mistakes
from autograder.release import stale_files
from autograder.result import Result
from autograder.sandbox import Limits

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


def verify(assignment: str, *, course: Course, limits: Limits | None = None) -> list[Check]:
    """Grade solution, known mistakes and release of `assignment`; return every check."""
    limits = limits or Limits()
    course.require(assignment)
    path = course.solution_notebook(assignment)
    if not path.is_file():
        raise UsageError(f"no solution notebook at {path}")
    solution = nbformat.read(path, as_version=4)
    mistakes = [m for group in load_mistakes(course.mistakes_file(assignment)).values()
                for m in group]
    alternatives = [a for group in load_alternatives(course.alternatives_file(assignment)).values()
                    for a in group]
    prepared = [prepare(Submission(path, "solution", "solution"),
                        notebook_from_node(solution, path))]
    for kind, variant in [("mistake", m) for m in mistakes] + [
        ("alternative", a) for a in alternatives
    ]:
        node = with_substitute(solution, variant)
        ident = f"{kind}:{variant.exercise}:{variant.name}"
        prepared.append(prepare(Submission(path, ident, ident), notebook_from_node(node, path)))
    release = course.release_dir(assignment) / f"{assignment}.ipynb"
    if release.is_file():
        prepared.append(prepare(Submission(release, "release", "release")))
    results = grade_prepared(assignment, prepared, course=course, limits=limits)
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
    stale = stale_files(assignment, course=course)
    advice = f"regenerate with `mathgrade release {assignment}`: " + ", ".join(stale)
    checks.append(Check("release", "is current (nbgrader generate_assignment)", not stale,
                        advice if stale else ""))
    return checks
