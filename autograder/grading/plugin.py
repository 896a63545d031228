"""The pytest plugin that runs a hidden suite against a shard of submissions.

A hidden suite is a folder of plain pytest files, `test_<exercise>.py`, whose tests take the
`student` fixture and carry `@pytest.mark.points(n)`. This plugin parametrizes `student`
over the shard's submissions (one pytest session grades many notebooks, so collection and
imports are paid once), orders the items submission by submission, scores each exercise as
the points of its passing tests, turns failures into feedback (naming a known mistake when
one reproduces the student's outputs), and hands a finished `Result` to `on_result` as soon
as a submission's last test has run.
"""

from __future__ import annotations

import sys
import time
import zlib
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import hypothesis
import pytest

from autograder.batch.collect import Submission
from autograder.batch.load import Notebook
from autograder.batch.result import ExerciseResult, Result
from autograder.grading.diagnose import (
    choose_misconception,
    exercise_calls,
    failure_feedback,
    reproducing_mistakes,
)
from autograder.grading.proxy import Call, CallLog, StudentProxy
from autograder.grading.replay import ExampleReplay
from autograder.grading.run import RunReport, SubmissionRun
from autograder.grading.workers import ForkServer
from autograder.suite.mistakes import Mistake
from autograder.worker.sandbox import SandboxLimits

NO_SUBMISSION = -1
MAX_PASSED_CALLS = 200  # per exercise of a submission, kept to break ties between mistakes


@dataclass
class Prepared:
    """A submission with its loaded notebook, or the reason it could not be loaded."""

    submission: Submission
    notebook: Notebook | None
    load_error: str | None = None


@dataclass
class _Outcome:
    """Test outcomes of one submission, accumulated as its items run."""

    passed: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    feedback: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    # per exercise, per failed test: the known mistakes that reproduce it
    mistakes: dict[str, list[list[Mistake]]] = field(
        default_factory=lambda: defaultdict(list))
    # per exercise: calls of the tests it passed (capped), to break ties between mistakes
    passed_calls: dict[str, list[Call]] = field(default_factory=lambda: defaultdict(list))
    seconds: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    done: int = 0


def forget_foreign_modules(hidden: Path) -> None:
    """Drop cached modules that share a name with this suite's files but live elsewhere.

    pytest imports suite files by their bare name (`test_entropy`), so a second course or
    assignment graded in the same process would otherwise hit pytest's import-mismatch error.
    """
    for path in hidden.glob("*.py"):
        module = sys.modules.get(path.stem)
        location = getattr(module, "__file__", None)
        if module is not None and (location is None or Path(location).parent != hidden):
            del sys.modules[path.stem]


def pin_hypothesis_seed(item: pytest.Item) -> None:
    """Give a property test the same examples for every submission.

    hypothesis' pytest plugin mixes the node id, which names the submission, into the seed
    of a derandomized test, so two students with identical code could be shown different
    examples and earn different scores. A seed from the test's own name (unless the suite
    set one with @seed) makes the examples a property of the test alone.
    """
    test = getattr(item, "obj", None)
    if getattr(test, "hypothesis", None) is None:
        return
    if getattr(test, "_hypothesis_internal_use_seed", None) is None:
        name = f"{Path(str(item.fspath)).name}::{item.originalname}"
        hypothesis.seed(zlib.crc32(name.encode()))(test)


def exercise_of(item: pytest.Item) -> str:
    return Path(str(item.fspath)).stem.removeprefix("test_")


def points_of(item: pytest.Item) -> float:
    marker = item.get_closest_marker("points")
    return float(marker.args[0]) if marker and marker.args else 1.0


class SuitePlugin:
    """Grades `prepared` submissions with the hidden suite of `assignment`."""

    def __init__(
        self,
        *,
        assignment: str,
        prepared: Sequence[Prepared],
        forkserver: ForkServer,
        limits: SandboxLimits,
        mistakes: dict[str, list[Mistake]],
        on_result: Callable[[Result], None],
        support_files: dict[str, str] | None = None,
        slot: int = 0,
        replay: ExampleReplay | None = None,
    ) -> None:
        self.assignment = assignment
        self.prepared = list(prepared)
        self.forkserver = forkserver
        self.limits = limits
        self.mistakes = mistakes
        self.on_result = on_result
        self.support_files = support_files or {}
        self.slot = slot
        self.max_points: dict[str, float] = {}
        self._expected: dict[int, int] = {}
        self._outcomes: dict[int, _Outcome] = defaultdict(_Outcome)
        self._runs: dict[int, SubmissionRun] = {}
        self._log = CallLog()
        self._replay = replay

    # -- configuration and collection ----------------------------------------------------
    def pytest_configure(self, config: pytest.Config) -> None:
        config.addinivalue_line("markers", "points(n): points earned when this test passes")

    def pytest_generate_tests(self, metafunc: pytest.Metafunc) -> None:
        if "student" not in metafunc.fixturenames:
            return
        indexes = [i for i, p in enumerate(self.prepared) if p.notebook is not None]
        indexes = indexes or [NO_SUBMISSION]
        ids = [self.prepared[i].submission.submission if i >= 0 else "none" for i in indexes]
        metafunc.parametrize("student", indexes, ids=ids, indirect=True, scope="session")

    @pytest.hookimpl(trylast=True)
    def pytest_collection_modifyitems(
        self, session: pytest.Session, config: pytest.Config, items: list[pytest.Item]
    ) -> None:
        keep, drop = [], []
        for position, item in enumerate(items):
            callspec = getattr(item, "callspec", None)
            index = callspec.params.get("student") if callspec else None
            (keep if isinstance(index, int) else drop).append((index, position, item))
        points: dict[str, float] = defaultdict(float)
        first = min((index for index, _, _ in keep), default=None)
        for index, _, item in keep:
            pin_hypothesis_seed(item)
            if self._replay is not None:
                self._replay.install(item)
            if index == first:
                points[exercise_of(item)] += points_of(item)
            self._expected[index] = self._expected.get(index, 0) + 1
        self.max_points = dict(points)
        keep.sort(key=lambda entry: (entry[0], entry[1]))
        runnable = [item for index, _, item in keep if index != NO_SUBMISSION]
        dropped = [item for _, _, item in drop] + [i for n, _, i in keep if n == NO_SUBMISSION]
        if dropped:
            config.hook.pytest_deselected(items=dropped)
        items[:] = runnable

    def pytest_collection_finish(self, session: pytest.Session) -> None:
        for index, prepared in enumerate(self.prepared):
            if prepared.notebook is None:
                self.on_result(self._result(index))

    # -- running -------------------------------------------------------------------------
    @pytest.fixture(scope="session")
    def student(self, request: pytest.FixtureRequest) -> StudentProxy:
        index = request.param
        if index not in self._runs:
            notebook = self.prepared[index].notebook
            assert notebook is not None
            self._runs[index] = SubmissionRun(
                self.forkserver, notebook.cells, self.limits,
                slot=self.slot, support_files=self.support_files,
            )
        return StudentProxy(self._runs[index], self._log)

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_protocol(self, item: pytest.Item, nextitem: pytest.Item | None):
        index = item.callspec.params["student"]
        self._log.reset()
        started = time.perf_counter()
        yield
        outcome = self._outcomes[index]
        outcome.seconds[exercise_of(item)] += time.perf_counter() - started
        outcome.done += 1
        if outcome.done == self._expected[index]:
            run = self._runs.pop(index, None)
            if run is not None:
                run.close()
            self.on_result(self._result(index, run.report if run else None))

    @pytest.hookimpl(tryfirst=True)
    def pytest_pyfunc_call(self, pyfuncitem: pytest.Function) -> bool | None:
        if self._replay is not None and self._replay.replay(pyfuncitem):
            return True
        return None

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_makereport(self, item: pytest.Item, call: pytest.CallInfo):
        report = (yield).get_result()
        if report.when == "teardown" or (report.when == "setup" and not report.failed):
            return
        index = item.callspec.params["student"]
        exercise = exercise_of(item)
        outcome = self._outcomes[index]
        if self._replay is not None and report.when == "call":
            self._replay.finished(item, report.passed)
        if report.passed:
            outcome.passed[exercise] += points_of(item)
            if report.when == "call" and self.mistakes.get(exercise):
                kept = outcome.passed_calls[exercise]
                kept += exercise_calls(exercise, self._log.calls)[: MAX_PASSED_CALLS - len(kept)]
        elif report.failed and call.excinfo is not None:
            message = failure_feedback(call.excinfo.value)
            if message not in outcome.feedback[exercise]:
                outcome.feedback[exercise].append(message)
            outcome.mistakes[exercise].append(reproducing_mistakes(
                exercise, self._log.calls, self.mistakes.get(exercise, [])))

    # -- results -------------------------------------------------------------------------
    def _result(self, index: int, report: RunReport | None = None) -> Result:
        prepared = self.prepared[index]
        outcome = self._outcomes.get(index, _Outcome())
        exercises = {}
        for exercise, max_points in self.max_points.items():
            top = choose_misconception(outcome.mistakes.get(exercise, []),
                                       outcome.passed_calls.get(exercise, []))
            exercises[exercise] = ExerciseResult(
                score=round(outcome.passed.get(exercise, 0.0), 6),
                max_score=max_points,
                feedback=list(outcome.feedback.get(exercise, [])),
                misconception=top.name if top else None,
                hint=top.hint if top else None,
            )
        result = Result(
            submission=prepared.submission.submission,
            student=prepared.submission.student,
            assignment=self.assignment,
            exercises=exercises,
            timings=dict(outcome.seconds),
        )
        if prepared.notebook is None:
            result.status, result.error = "error", prepared.load_error
            return result
        result.notes = list(prepared.notebook.notes)
        if report is not None:
            result.notes += report.problems
            if report.timed_out:
                result.status = "timeout"
            elif report.crashed or report.problems:
                result.status = "error"
            result.error = report.problems[0] if report.problems else None
        return result
