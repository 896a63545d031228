"""`grade()`: a batch of submissions in, one `Result` per submission out.

The pipeline, top to bottom: collect the submissions, split them into shards, and for each
shard (in this process, or in a pool of grader processes) load the notebooks and run one
pytest session of the hidden suite over them (`SuitePlugin`), with each submission's code
in its own sandboxed worker forked from this grader process's fork server.
"""

from __future__ import annotations

import atexit
import contextlib
import math
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import replace
from multiprocessing import get_context
from pathlib import Path

import pytest

from autograder.batch.collect import Submission, collect_submissions
from autograder.batch.load import Notebook, load_notebook
from autograder.batch.result import Result
from autograder.course import Course
from autograder.errors import LoadError, UsageError
from autograder.grading.plugin import Prepared, SuitePlugin, forget_foreign_modules
from autograder.grading.replay import ExampleReplay, examples_key
from autograder.grading.workers import ForkServer
from autograder.suite.mistakes import load_known, suite_files
from autograder.suite.strategies import grading_hypothesis
from autograder.worker.sandbox import SandboxLimits, die_with_parent

MAX_SHARD = 32
SUBMISSIONS_PER_WORKER = 8
NO_AUTOLOAD = "PYTEST_DISABLE_PLUGIN_AUTOLOAD"
_forkserver: ForkServer | None = None  # one per grader process, started on first use
_slot = 0
# One per grader process, so recorded examples serve every later shard, and hypothesis'
# `inner_test` of a suite's test is wrapped once, not once per pytest session.
_replay = ExampleReplay()


def _own_forkserver() -> ForkServer:
    global _forkserver
    if _forkserver is None:
        _forkserver = ForkServer()
        atexit.register(_forkserver.close)
    return _forkserver


def prepare(submission: Submission, notebook: Notebook | None = None) -> Prepared:
    """Load a submission's notebook; a malformed file becomes that submission's error."""
    if notebook is not None:
        return Prepared(submission, notebook)
    try:
        return Prepared(submission, load_notebook(submission.path))
    except LoadError as exc:
        return Prepared(submission, None, str(exc))


def grade_prepared(
    assignment: str,
    prepared: Sequence[Prepared],
    *,
    course: Course,
    limits: SandboxLimits,
    on_result: Callable[[Result], None] | None = None,
    slot: int | None = None,
    replay: bool = True,
) -> list[Result]:
    """Run the hidden suite of `assignment` over `prepared` in one pytest session.

    `replay=False` makes hypothesis generate every property test's examples for every
    submission instead of replaying those of a passing run, in this process or saved by an
    earlier one (same results, slower).
    """
    results: dict[str, Result] = {}

    def collect(result: Result) -> None:
        results[result.submission] = result
        if on_result is not None:
            on_result(result)

    plugin = SuitePlugin(
        assignment=assignment,
        prepared=prepared,
        forkserver=_own_forkserver(),
        limits=limits,
        mistakes=load_known(course.hidden_dir(assignment)).mistakes,
        on_result=collect,
        support_files=course.support_files(assignment),
        slot=_slot if slot is None else slot,
        replay=_replay if replay else None,
    )
    hidden = course.hidden_dir(assignment).resolve()
    if replay:
        _replay.use_store(examples_file(course, assignment))
    forget_foreign_modules(hidden)
    # Only the plugins grading needs: hypothesis' own, not whatever else is installed
    # (loading every installed entry point costs about 0.7 s a session).
    args = [str(hidden), "--rootdir", str(hidden), "-c", os.devnull,
            "-p", "_hypothesis_pytestplugin",
            "-p", "no:cacheprovider", "-p", "no:terminal", "-p", "no:logging"]
    with grading_hypothesis(), _no_plugin_autoload():
        code = pytest.main(args, plugins=[plugin])
    if replay:
        _replay.save()
    missing = [p.submission.submission for p in prepared if p.submission.submission not in results]
    fine = (pytest.ExitCode.OK, pytest.ExitCode.TESTS_FAILED, pytest.ExitCode.NO_TESTS_COLLECTED)
    if code not in fine or missing:
        raise RuntimeError(
            f"the hidden suite of {assignment!r} did not run (pytest exit code {int(code)}); "
            f"run `pytest {hidden}` to see why"
        )
    return [results[p.submission.submission] for p in prepared]


@contextlib.contextmanager
def _no_plugin_autoload() -> Iterator[None]:
    saved = os.environ.get(NO_AUTOLOAD)
    os.environ[NO_AUTOLOAD] = "1"
    try:
        yield
    finally:
        if saved is None:
            del os.environ[NO_AUTOLOAD]
        else:
            os.environ[NO_AUTOLOAD] = saved


def examples_file(course: Course, assignment: str) -> Path:
    """Where the recorded examples of the assignment's property tests are kept (git-ignored,
    hidden from workers with the rest of course/)."""
    key = examples_key(suite_files(course.hidden_dir(assignment)))
    return course.root / "course" / ".cache" / f"examples-{assignment}-{key}.json"


def default_workers(submissions: int) -> int:
    """One grader process per `SUBMISSIONS_PER_WORKER` submissions, at most one per core."""
    return max(1, min(os.cpu_count() or 1, submissions // SUBMISSIONS_PER_WORKER))


def _grade_shard(
    assignment: str, shard: list[Submission], root: str, limits: SandboxLimits, replay: bool
) -> list[dict]:
    """Pool task: grade one shard in a grader process; results travel as plain dicts."""
    course = Course(Path(root))
    results = grade_prepared(assignment, [prepare(s) for s in shard], course=course,
                             limits=limits, replay=replay)
    return [dict(r.to_dict(), timings=r.timings) for r in results]


def _init_slot(slots) -> None:
    global _slot
    _slot = slots.get()
    die_with_parent(signal.SIGTERM)  # a killed `mathgrade grade` takes its pool with it


def _hidden_paths(course: Course, submissions: Sequence[Submission]) -> tuple[str, ...]:
    """Course material and the submissions' folders, unless a folder holds the grader itself."""
    needed = [Path(sys.prefix).resolve(), Path(__file__).resolve().parent]
    paths = set(course.private_paths())
    paths.update(s.path.resolve().parent for s in submissions)
    safe = [p for p in paths if not any(n == p or p in n.parents for n in needed)]
    return tuple(sorted(str(p) for p in safe))


def grade(
    assignment: str,
    paths: Sequence[Path],
    *,
    course: Course,
    limits: SandboxLimits | None = None,
    workers: int | None = None,
    progress: Callable[[int], None] | None = None,
    replay: bool = True,
) -> list[Result]:
    """Grade every submission found under `paths`; `progress(n)` is told of each n done.

    `workers` grader processes share the batch; by default one per `SUBMISSIONS_PER_WORKER`
    submissions, at most one per core (a pool costs a start-up that a few notebooks do not
    repay). `replay=False` switches off replayed examples (see `grade_prepared`).
    """
    course.require(assignment)
    submissions = collect_submissions(paths, assignment)
    if workers is None:
        workers = default_workers(len(submissions))
    if workers <= 1:
        _own_forkserver()  # it warms up while the submissions are loaded and the suite collected
    limits = replace(limits or SandboxLimits(), hidden_paths=_hidden_paths(course, submissions))
    if workers <= 1:
        def tick(_: Result) -> None:
            if progress:
                progress(1)

        return grade_prepared(
            assignment, [prepare(s) for s in submissions],
            course=course, limits=limits, on_result=tick, replay=replay,
        )
    size = max(1, min(MAX_SHARD, math.ceil(len(submissions) / (workers * 4))))
    shards = [submissions[i : i + size] for i in range(0, len(submissions), size)]
    context = get_context("spawn")
    slots = context.Queue()
    for slot in range(workers):
        slots.put(slot)
    by_id: dict[str, Result] = {}
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=_init_slot, initargs=(slots,)
    ) as pool:
        futures = [
            pool.submit(_grade_shard, assignment, shard, str(course.root), limits, replay)
            for shard in shards
        ]
        for future in as_completed(futures):
            for data in future.result():
                result = Result.from_dict(data, timings=data.get("timings"))
                by_id[result.submission] = result
            if progress:
                progress(len(future.result()))
    return [by_id[s.submission] for s in submissions]


__all__ = ["grade", "grade_prepared", "prepare", "UsageError"]
