"""End to end: the demo batch of the probability assignment, graded exactly as documented.

course/demo/EXPECTED.md explains each notebook; this test checks every status, every exercise
score and every named misconception against course/demo/expected.json, and that a regrade
gives identical JSON.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from autograder.course import Course
from autograder.grading.grade import grade
from autograder.worker.sandbox import SandboxLimits

ROOT = Path(__file__).resolve().parents[1]
# What the batch scores, pinned by `make expected` (course/demo/update_expected.py): each
# notebook's status, and the score and named misconception of every exercise below full
# marks. A change of a pinned value shows in review as a diff of this file.
PINNED = json.loads((ROOT / "course" / "demo" / "expected.json").read_text(encoding="utf-8"))
MAX = PINNED["max"]


def update_expected():
    """course/demo/update_expected.py, the command that writes the pins, as a module."""
    path = ROOT / "course" / "demo" / "update_expected.py"
    spec = importlib.util.spec_from_file_location("update_expected", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_pins_cover_the_whole_batch():
    assert len(MAX) == 21 and sum(MAX.values()) == 165
    assert sorted(PINNED["students"]) == sorted(
        p.stem for p in (ROOT / "course" / "demo").glob("*.ipynb"))


def test_expected_md_shows_the_pinned_scores():
    text = (ROOT / "course" / "demo" / "EXPECTED.md").read_text(encoding="utf-8")
    assert update_expected().rewrite_markdown(text, PINNED) == text, "run `make expected`"


@pytest.fixture(scope="module")
def results():
    course = Course(ROOT)
    limits = SandboxLimits(call_seconds=update_expected().CALL_SECONDS)
    first = grade("probability", [ROOT / "course" / "demo"], course=course, limits=limits)
    second = grade("probability", [ROOT / "course" / "demo"], course=course, limits=limits)
    return first, second


def test_every_notebook_is_graded_as_documented(results):
    first, _ = results
    assert sorted(r.student for r in first) == sorted(PINNED["students"])
    for result in first:
        pinned = PINNED["students"][result.student]
        assert result.status == pinned["status"], (result.student, result.error)
        for name, maximum in MAX.items():
            exercise = result.exercises[name]
            score, misconception = pinned["below_full"].get(name, (maximum, None))
            assert exercise.max_score == maximum
            assert (exercise.score, exercise.misconception) == (score, misconception), (
                result.student, name, exercise.feedback)


def test_errors_and_notes_say_what_happened(results):
    by_student = {r.student: r for r in results[0]}
    assert by_student["kolmogorov"].error.startswith("cell 21 raised SyntaxError")
    assert by_student["broken"].error.startswith("not a notebook: invalid JSON")
    assert "did not return within 2 s" in by_student["euler"].error
    assert any("%matplotlib inline" in note for note in by_student["markov"].notes)
    assert by_student["markov"].error is None
    missing = by_student["kolmogorov"].exercises["crossentropy"].feedback
    assert missing == ["`crossentropy` is not defined in your notebook"]
    hint = by_student["fermat"].exercises["entropy"].hint
    assert hint and "log" in hint


def test_the_pinning_command_reads_the_results_as_this_test_does(results):
    assert update_expected().pinned(results[0]) == PINNED


def test_regrade_gives_identical_json(results):
    first, second = results
    assert json.dumps([r.to_dict() for r in first]) == json.dumps([r.to_dict() for r in second])
