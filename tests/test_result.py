"""Result: scores add up, JSON is deterministic, timings stay out of it."""

from __future__ import annotations

import json

from autograder.batch.result import ExerciseResult, Result


def make() -> Result:
    return Result(
        submission="a.ipynb", student="a", assignment="probability",
        exercises={"softmax": ExerciseResult(2.5, 9, ["msg"], "naive_exp_overflows", "hint"),
                   "entropy": ExerciseResult(9, 9)},
        timings={"softmax": 0.2, "entropy": 0.5},
    )


def test_scores_add_up_and_slowest_exercise():
    result = make()
    assert (result.score, result.max_score) == (11.5, 18)
    assert result.slowest_exercise == ("entropy", 0.5)


def test_json_round_trip_without_timings():
    data = make().to_dict()
    assert "timings" not in data
    assert list(data["exercises"]) == ["entropy", "softmax"]  # sorted, whatever the order
    again = Result.from_dict(json.loads(json.dumps(data)))
    assert again.to_dict() == data
