"""End to end: the demo batch of the probability assignment, graded exactly as documented.

course/demo/EXPECTED.md explains each notebook; this test pins every status, every
exercise score and every named misconception, and that a regrade gives identical JSON.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from autograder.course import Course
from autograder.grade import grade
from autograder.sandbox import Limits

ROOT = Path(__file__).resolve().parents[1]
MAX = {"array_is_pmf": 9, "softmax": 9, "logsumexp": 9, "surprise": 8, "entropy": 9,
       "crossentropy": 8, "softmax_crossentropy": 10, "binary_crossentropy": 8, "divergence": 9,
       "js_divergence": 9, "bernoulli_entropy": 5, "gaussian_surprise": 8,
       "sum_squared_error": 8, "merge_moments": 10, "gaussian_kl": 8, "gaussian_kl_formula": 5,
       "bernoulli_mle": 4, "logistic_loss_derivative": 5, "affine_flow_log_density": 8,
       "forward_gradient_variance": 8, "shift_decomposition": 8}
ZERO = dict.fromkeys(MAX, 0)

# student: (status, {exercise: (score, misconception)} for exercises below full marks)
EXPECTED = {
    "ada": ("ok", {}),
    "bayes": ("ok", {}),
    "gauss": ("ok", {}),
    "noether": ("ok", {}),
    "markov": ("ok", {}),
    "fermat": ("ok", {"entropy": (1, "log_base_2")}),
    "hopper": ("ok", {"softmax": (4, "naive_exp_overflows"),
                      "logsumexp": (4, "logsumexp_naive_overflows"),
                      "divergence": (1, "divergence_swapped_arguments"),
                      "gaussian_kl": (1, "swapped_gaussians")}),
    "laplace": ("ok", {"crossentropy": (1, "swapped_arguments"),
                       "bernoulli_entropy": (0, "missing_tails_term"),
                       "merge_moments": (4, "m2_without_cross_term")}),
    "pascal": ("ok", {"array_is_pmf": (6, "exact_sum_equality"),
                      "entropy": (5, "no_zero_handling")}),
    "turing": ("ok", {"softmax": (1, "not_normalised"),
                      "divergence": (4, "divergence_no_zero_handling")}),
    "cantor": ("ok", {"array_is_pmf": (8, "tolerance_too_tight"),
                      "softmax": (8, "shift_in_place"),
                      "divergence": (5, "ratio_before_masking"),
                      "bernoulli_entropy": (4, "ignores_argument")}),
    "kolmogorov": ("error", {"crossentropy": (0, None)}),
    "euler": ("timeout", {"entropy": (0, None)}),
    "riemann": ("ok", {name: (0, None) for name in MAX}),
    "broken": ("error", {name: (0, None) for name in MAX}),
}


@pytest.fixture(scope="module")
def results():
    course = Course(ROOT)
    limits = Limits(call_seconds=2.0)
    first = grade("probability", [ROOT / "course" / "demo"], course=course, limits=limits)
    second = grade("probability", [ROOT / "course" / "demo"], course=course, limits=limits)
    return first, second


def test_every_notebook_is_graded_as_documented(results):
    first, _ = results
    assert sorted(r.student for r in first) == sorted(EXPECTED)
    for result in first:
        status, wrong = EXPECTED[result.student]
        assert result.status == status, (result.student, result.error)
        for name, maximum in MAX.items():
            exercise = result.exercises[name]
            score, misconception = wrong.get(name, (maximum, None))
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


def test_regrade_gives_identical_json(results):
    first, second = results
    assert json.dumps([r.to_dict() for r in first]) == json.dumps([r.to_dict() for r in second])
