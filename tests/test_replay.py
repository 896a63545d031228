"""Replaying recorded examples gives exactly the results of generating them again."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from hypothesis import given, seed, settings
from hypothesis import strategies as st

from autograder.batch.collect import collect_submissions
from autograder.course import Course
from autograder.grading.grade import grade_prepared, prepare
from autograder.suite.strategies import pmfs
from autograder.worker.sandbox import SandboxLimits

ROOT = Path(__file__).resolve().parents[1]


def examples_seen_by(body) -> list:
    seen = []

    @seed(1234)
    @settings(derandomize=True, database=None, max_examples=25, deadline=None)
    @given(p=pmfs(allow_zeros=True), k=st.integers(0, 5))
    def test(p, k):
        seen.append((p.tolist(), k))
        body(p, k)

    test()
    return seen


def test_passing_runs_see_the_same_examples_whatever_the_body():
    # The premise of replay: for a pinned seed, generation does not depend on the code
    # under test as long as it passes.
    fast = examples_seen_by(lambda p, k: None)
    busy = examples_seen_by(lambda p, k: np.linalg.svd(np.outer(p, p)))
    assert fast == busy and len(fast) >= 10


def test_replay_changes_no_result_on_the_demo_batch():
    course = Course(ROOT)
    submissions = [s for s in collect_submissions([ROOT / "course" / "demo"], "probability")
                   if s.student != "euler"]  # the hang only costs time here
    prepared = [prepare(s) for s in submissions]
    limits = SandboxLimits(call_seconds=5.0)
    fresh = grade_prepared("probability", prepared, course=course, limits=limits, replay=False)
    replayed = grade_prepared("probability", prepared, course=course, limits=limits)
    as_json = [json.dumps([r.to_dict() for r in run]) for run in (fresh, replayed)]
    assert as_json[0] == as_json[1]


def test_sessions_share_one_recorder_per_test(toy_course, toy_notebook, tmp_path):
    import sys

    toy_notebook("ada")
    for _ in range(3):  # e.g. three shards graded by one pool process
        grade_prepared("toy", [prepare(s) for s in collect_submissions([tmp_path], "toy")],
                       course=toy_course, limits=SandboxLimits())
    inner = sys.modules["test_double"].test_property.hypothesis.inner_test
    assert hasattr(inner, "__wrapped__") and not hasattr(inner.__wrapped__, "__wrapped__")


def test_recordings_saved_by_one_run_are_replayed_by_the_next(toy_course, toy_notebook,
                                                               tmp_path, monkeypatch):
    from autograder.grading import grade as grading
    from autograder.grading.replay import ExampleReplay

    toy_notebook("ada")
    store = tmp_path / "store" / "examples.json"
    monkeypatch.setattr(grading, "examples_file", lambda course, assignment: store)
    monkeypatch.setattr(grading, "_replay", ExampleReplay())
    prepared = [prepare(s) for s in collect_submissions([tmp_path], "toy")]
    first = grade_prepared("toy", prepared, course=toy_course, limits=SandboxLimits())
    saved = json.loads(store.read_text())
    assert list(saved) == ["test_double.py::test_property"]

    # A new process: nothing in memory, hypothesis must not generate.
    fresh = ExampleReplay()
    monkeypatch.setattr(grading, "_replay", fresh)
    generated = []
    real_use_store = fresh.use_store

    def spy_store(path):
        real_use_store(path)
        generated.append(path)

    monkeypatch.setattr(fresh, "use_store", spy_store)
    replayed_tests = []
    real_replay = fresh.replay

    def spy_replay(item):
        done = real_replay(item)
        if done:
            replayed_tests.append(item.name)
        return done

    monkeypatch.setattr(fresh, "replay", spy_replay)
    second = grade_prepared("toy", prepared, course=toy_course, limits=SandboxLimits())
    assert generated == [store]
    assert replayed_tests == ["test_property[ada.ipynb]"]
    off = grade_prepared("toy", prepared, course=toy_course, limits=SandboxLimits(),
                         replay=False)
    as_json = [json.dumps([r.to_dict() for r in run]) for run in (first, second, off)]
    assert as_json[0] == as_json[1] == as_json[2]


def test_a_changed_suite_gets_another_store(tmp_path):
    from autograder.grading.replay import examples_key

    suite = tmp_path / "test_x.py"
    suite.write_text("def test_a(student):\n    pass\n")
    before = examples_key([suite])
    suite.write_text("def test_a(student):\n    assert True\n")
    assert examples_key([suite]) != before


def test_an_unreadable_store_is_generated_again(tmp_path):
    from autograder.grading.replay import ExampleReplay

    store = tmp_path / "examples.json"
    store.write_text("{not json")
    replay = ExampleReplay()
    replay.use_store(store)
    replay.save()  # nothing recorded: the broken file stays until a run records something
    assert store.read_text() == "{not json"
