"""The probability solution passes the Math4ML course's own visible tests for the shared names.

CONTRACT.md promises that array_is_pmf, surprise, softmax, entropy, crossentropy, divergence,
softmax_crossentropy, gaussian_surprise and sum_squared_error keep the names, signatures and
meanings of the W&B Math4ML notebooks. Those notebooks are graded by okpy doctests; this module
reproduces them, paraphrased as data, against the reference solution notebook
(solutions/probability/probability.ipynb, via `conftest.solution_namespace`).

Source: github.com/wandb/edu at commit dbf299fda5fbe0fbeb794e04f4cb09291a32cefc,
`math-for-ml/03_probability/utils/tests/q01.py` ... `q10.py` (the notebook they grade is
`math-for-ml/03_probability/exercises.ipynb`). Reproduced: q01 array_is_pmf, q03 surprise,
q04 softmax, q05 entropy, q06 crossentropy, q07 divergence, q08 softmax_crossentropy,
q09 gaussian_surprise, q10 sum_squared_error. Not reproduced: q02 `my_pdf` and q11 `run_gd`,
which our assignment does not have.

How a case is run, as okpy's doctest would:
- Each question's `setup` draws its random inputs with `np.random`; here they come from a
  seeded generator, and every question runs for several seeds.
- A statement without an expected output (an assignment) is executed; a statement with one is
  evaluated in the same namespace (numpy as `np`, the solution's functions, the setup's
  variables) and its value compared with the expected output. Every expected output in these
  files is `True` or `False`: the value must be that bool, as a Python `bool` or `np.bool_`
  (under NumPy 1, which Math4ML used, `np.True_` printed as `True`; NumPy 2 prints
  `np.True_`, a difference of display only).
"""

from __future__ import annotations

import numpy as np
import pytest
from conftest import solution_namespace

SEEDS = range(10)


# The setup of each question, with np.random.rand -> rng.random, np.random.randn ->
# rng.standard_normal.
def setup_q01(rng: np.random.Generator) -> dict:
    rand_array = 1 / 5 * rng.random(4)
    return {"rand_array": rand_array, "rand_pmf": rand_array / np.sum(rand_array),
            "close_to_1": np.array([1 / 100 for _ in range(100)])}


def setup_q03(rng: np.random.Generator) -> dict:
    rand_array = 1 / 5 * rng.random(4) + 0.01
    return {"constant_pmf": np.array([1.0]), "simple_pmf": np.array([0.5, 0.5]),
            "rand_array": rand_array, "rand_pmf": rand_array / np.sum(rand_array)}


def setup_q04(rng: np.random.Generator) -> dict:
    return {"three_ones": np.ones(3), "rand_array": rng.random(10)}


def setup_two_state_pmfs(rng: np.random.Generator) -> dict:
    """q05, q06 and q07 share this setup (q05 also defines two variables it never uses)."""
    rand_array = rng.random(2) + 0.05
    return {"rand_array": rand_array, "rand_pmf": rand_array / np.sum(rand_array),
            "coin_pmf": np.array([0.5, 0.5]), "log_2": np.log(2)}


def setup_q08(rng: np.random.Generator) -> dict:
    rand_logits = rng.random(2) + 0.05
    return {"rand_logits": rand_logits, "rand_pmf": rand_logits / np.sum(rand_logits),
            "coin_logits": np.array([rand_logits[0]] * 2), "coin_pmf": np.array([0.5, 0.5]),
            "log_2": np.log(2.0)}


def setup_gaussian_data(rng: np.random.Generator) -> dict:
    """q09 and q10: five standard normal samples, their mean and a constant array at it."""
    rand_array = rng.standard_normal(5)
    mean = np.mean(rand_array)
    return {"rand_array": rand_array, "mean": mean, "constant_array": np.zeros(5) + mean,
            "log_Z": np.log(2.0 * np.pi), "variance": np.var(rand_array)}


# question -> (exercise, setup, [(statement, expected output or None), ...]), in file order.
QUESTIONS = {
    "q01": ("array_is_pmf", setup_q01, [
        ("callable(array_is_pmf)", True),
        ("isinstance(array_is_pmf(np.array([0.])), bool)", True),  # a Python bool
        ("array_is_pmf(np.array([-1.]))", False),                  # negative entry
        ("array_is_pmf(np.array([0.5, 0.4]))", False),             # sums to 0.9
        ("array_is_pmf(rand_array)", False),                       # sums to at most 0.8
        ("array_is_pmf(close_to_1)", True),                        # 1/100 summed 100 times
        ("array_is_pmf(rand_pmf)", True),
    ]),
    "q03": ("surprise", setup_q03, [
        ("callable(surprise)", True),
        ("isinstance(surprise(simple_pmf, 0), float)", True),      # np.float64 is a float
        ("surprise(simple_pmf, 0) == surprise(simple_pmf, 1)", True),
        ("np.isclose(surprise(constant_pmf, 0), 0.)", True),
        ("neg_exps = [np.exp(-1 * surprise(rand_pmf, ii)) for ii in range(4)]", None),
        ("np.allclose(rand_pmf, neg_exps)", True),
    ]),
    "q04": ("softmax", setup_q04, [
        ("callable(softmax)", True),
        ("isinstance(softmax(three_ones), np.ndarray)", True),
        ("np.all(np.greater_equal(softmax(rand_array), 0.))", True),
        ("np.isclose(np.sum(softmax(rand_array)), 1.)", True),
        ("np.argmax(rand_array) == np.argmax(softmax(rand_array))", True),
        ("np.allclose(softmax(three_ones), 1 / 3)", True),
    ]),
    "q05": ("entropy", setup_two_state_pmfs, [
        ("callable(entropy)", True),
        ("isinstance(entropy(rand_pmf), float)", True),
        ("np.greater_equal(entropy(rand_pmf), 0.)", True),
        ("np.isclose(entropy(coin_pmf), log_2)", True),
        ("entropy(coin_pmf) > entropy(rand_pmf)", True),
    ]),
    "q06": ("crossentropy", setup_two_state_pmfs, [
        ("callable(crossentropy)", True),
        ("isinstance(crossentropy(rand_pmf, rand_pmf), float)", True),
        ("np.greater_equal(crossentropy(rand_pmf, coin_pmf), 0.)", True),
        ("np.greater_equal(crossentropy(coin_pmf, rand_pmf), 0.)", True),
        ("crossentropy(coin_pmf, rand_pmf) != crossentropy(rand_pmf, coin_pmf)", True),
        ("crossentropy(coin_pmf, coin_pmf) > crossentropy(rand_pmf, rand_pmf)", True),
        ("crossentropy(rand_pmf, coin_pmf) > crossentropy(rand_pmf, rand_pmf)", True),
        ("np.isclose(crossentropy(coin_pmf, coin_pmf), log_2)", True),
    ]),
    "q07": ("divergence", setup_two_state_pmfs, [
        ("callable(divergence)", True),
        ("isinstance(divergence(rand_pmf, rand_pmf), float)", True),
        ("np.greater_equal(divergence(rand_pmf, coin_pmf), 0.)", True),
        ("np.greater_equal(divergence(coin_pmf, rand_pmf), 0.)", True),
        ("divergence(coin_pmf, rand_pmf) != divergence(rand_pmf, coin_pmf)", True),
        ("np.isclose(divergence(coin_pmf, coin_pmf), 0.)", True),
        ("np.isclose(divergence(rand_pmf, rand_pmf), 0.)", True),
    ]),
    "q08": ("softmax_crossentropy", setup_q08, [
        ("callable(softmax_crossentropy)", True),
        ("isinstance(softmax_crossentropy(rand_logits, rand_pmf), float)", True),
        ("np.greater_equal(softmax_crossentropy(rand_logits, coin_pmf), 0.)", True),
        ("np.isclose(softmax_crossentropy(coin_logits, coin_pmf), log_2)", True),
        ("np.isclose(softmax_crossentropy(coin_logits + 1., coin_pmf), log_2)", True),
        ("np.isclose(softmax_crossentropy(coin_logits * -1., coin_pmf), log_2)", True),
        # The order of arguments: logits first, target second.
        ("np.isclose(softmax_crossentropy(coin_logits, rand_pmf), log_2)", True),
    ]),
    "q09": ("gaussian_surprise", setup_gaussian_data, [
        ("callable(gaussian_surprise)", True),
        ("isinstance(gaussian_surprise(mean, rand_array), float)", True),
        ("np.greater_equal(gaussian_surprise(mean, rand_array), 0.)", True),
        # No squared error at mu = x: N ln(2 pi) / 2, the smallest possible surprise.
        ("np.isclose(gaussian_surprise(mean, constant_array), "
         "len(constant_array) * 0.5 * log_Z)", True),
        ("np.greater_equal(gaussian_surprise(mean, rand_array), "
         "len(rand_array) * 0.5 * log_Z)", True),
        ("np.greater_equal(gaussian_surprise(rand_array[0], rand_array), "
         "len(rand_array) * 0.5 * log_Z)", True),
    ]),
    "q10": ("sum_squared_error", setup_gaussian_data, [
        ("callable(sum_squared_error)", True),
        ("isinstance(sum_squared_error(mean, rand_array), float)", True),
        ("np.greater_equal(sum_squared_error(mean, rand_array), 0.)", True),
        ("np.isclose(sum_squared_error(mean, constant_array), 0.)", True),
        ("sse_with_mean = sum_squared_error(mean, rand_array)", None),
        ("np.greater_equal(sum_squared_error(rand_array[0], rand_array), sse_with_mean)", True),
        ("np.isclose(sum_squared_error(mean, rand_array), len(rand_array) * variance)", True),
    ]),
}


@pytest.fixture(scope="module")
def solution() -> dict:
    return solution_namespace("probability")


@pytest.mark.parametrize("seed", SEEDS, ids=lambda seed: f"seed{seed}")
@pytest.mark.parametrize("question", sorted(QUESTIONS),
                         ids=lambda q: f"{q}-{QUESTIONS[q][0]}")
def test_math4ml_okpy_cases(solution: dict, question: str, seed: int) -> None:
    exercise, setup, cases = QUESTIONS[question]
    # As in the okpy doctest: numpy, the notebook's functions, then the setup's variables.
    # A missing function is a NameError at its `callable(...)` case.
    namespace = {"np": np, **{k: v for k, v in solution.items() if not k.startswith("__")}}
    namespace.update(setup(np.random.default_rng(seed)))
    for statement, expected in cases:
        if expected is None:
            exec(statement, namespace)
            continue
        value = eval(statement, namespace)
        assert isinstance(value, bool | np.bool_) and value == expected, (
            f"{question} ({exercise}), seed {seed}: >>> {statement} gave {value!r}, "
            f"the okpy test expects {expected}"
        )
