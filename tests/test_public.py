"""Public checks: cases, the report `check` prints, agreement with the hidden suite's rules,
and `public_case_problems` (every public case passes against the reference solutions)."""

from __future__ import annotations

import sys
import warnings
from collections import namedtuple
from pathlib import Path

import numpy as np
import pytest
import sympy as sp
from conftest import ROOT, TOY_ROOT, solution_namespace

from autograder.authoring.public_cases import public_case_problems
from autograder.errors import AuthoringError
from autograder.suite.compare import GradingFailure, assert_close, assert_equal
from autograder.suite.public import (
    At,
    Case,
    Exact,
    Satisfies,
    answer_problem,
    case_problem,
    make_check,
    vec,
)

x, y = sp.symbols("x y", real=True)


def problem(answer, expected):
    """What the public check says of a function returning `answer` (None: it passes)."""
    return case_problem(lambda: answer, Case("answer()", (), expected, "the hint"))


def run_check(monkeypatch, function, cases, name="answer"):
    """`check(name)` as a notebook runs it, with `function` defined where check is called."""
    monkeypatch.setitem(globals(), name, function)
    make_check({name: lambda: cases})(name)


# ------------------------------------------------------------------------------ case kinds


@pytest.mark.parametrize("answer", [0.5, np.float64(0.5), np.array(0.5), 1 / 2 + 1e-12])
def test_a_number_passes_as_float_numpy_scalar_or_0d_array(answer):
    assert problem(answer, 0.5) is None


@pytest.mark.parametrize(("answer", "says"), [
    (0.6, "expected 0.5, got 0.6 (abs error 0.1"),
    (True, "expected a number, got True (a bool)"),
    (np.array([0.5]), "expected a single number, got an array of shape (1,)"),
    (sp.Float(0.5), "convert it with float(...)"),
])
def test_a_wrong_number_fails_with_the_graders_message(answer, says):
    assert says in problem(answer, 0.5)


def test_arrays_tuples_and_bools_are_compared_as_assert_close_does():
    assert problem([0.5, 0.5], vec(0.5, 0.5)) is None
    assert "got an array of shape (3,)" in problem(np.zeros(3), vec(0.5, 0.5))
    assert problem((3, 2.0), (3, 2.0)) is None
    assert "element 1" in problem((3, 2.5), (3, 2.0))
    assert problem(np.True_, True) is None
    assert "got 1 (an int, not a bool)" in problem(1, True)


def test_exact_wants_the_type_too():
    assert problem(np.int64(2), Exact(2)) is None
    assert problem((3, 2), Exact((3, 2))) is None
    assert "expected the int 2, got 2.0 (a float)" in problem(2.0, Exact(2))
    assert "expected a tuple (3, 2), got a list [3, 2]" in problem([3, 2], Exact((3, 2)))


def test_satisfies_runs_the_predicate():
    positive = Satisfies("a positive number", lambda v: None if v > 0 else f"got {v}")
    assert problem(2.0, positive) is None
    assert problem(-1.0, positive) == "expected a positive number, got -1.0"


def test_at_compares_a_sympy_expression_at_a_point():
    at = At({x: 0.0}, 0.25)
    assert problem(sp.exp(-x) / (1 + sp.exp(-x)) ** 2, at) is None
    assert problem(sp.Symbol("x") / 4 + sp.Rational(1, 4), at) is None  # symbols match by name
    assert problem(sp.exp(-x) / (1 + sp.exp(-x)), at) == (
        "expected 0.25 at x = 0.0, got exp(-x)/(1 + exp(-x)), which is 0.5 there")
    assert "uses y: use only the symbols given" in problem(x + y, at)
    assert "O(...) term" in problem(1 + x + sp.O(x**2), At({x: 0.0}, 1.0))
    assert "is a list, not a sympy expression" in problem([x], at)


def test_at_for_several_expressions_or_a_matrix():
    pair = At({x: 0.0, y: 0.0}, vec(0.5, 0.5))
    half = sp.exp(x) / (sp.exp(x) + sp.exp(y))
    assert problem((half, 1 - half), pair) is None
    assert problem(sp.Matrix([half, 1 - half]), pair) is None
    assert problem(sp.derive_by_array(sp.log(sp.exp(x) + sp.exp(y)), (x, y)), pair) is None
    assert "whose entry 1 is 0.0 there" in problem((half, half - 0.5), pair)
    assert "return 2 SymPy expressions" in problem(half, pair)
    matrix = At({x: 1.0}, np.array([[1.0, 0.0], [0.0, 2.0]]))
    assert problem(sp.Matrix([[x, 0], [0, 2 * x]]), matrix) is None
    assert "whose entry (1, 1) is 3.0 there" in problem(sp.Matrix([[x, 0], [0, 3 * x]]), matrix)
    assert "return a 2 x 2 SymPy matrix" in problem([[x, 0], [0, 2 * x]], matrix)
    assert problem([[x, 0], [0, 2 * x]], At(matrix.subs, matrix.expected, rows=True)) is None


def test_the_answer_is_what_the_grader_receives():
    pair = namedtuple("EighResult", "w V")
    assert problem(pair(np.ones(2), np.eye(2)), (vec(1, 1), np.eye(2))) is None
    assert "list_iterator, which cannot be graded" in problem(iter([1.0]), 1.0)


# ------------------------------------------------- agreement with the hidden suite's rules

TRICKY = [  # (answer, expected, passes)
    (np.array(0.5), 0.5, True),
    (np.float32(0.1), 0.1, True),
    (np.float64(0.5), 0.5, True),
    (float("nan"), 0.5, False),
    (float("nan"), float("nan"), True),
    (float("inf"), 0.5, False),
    ([0.5, 0.5], vec(0.5, 0.5), True),
    ([[1.0, 2.0]], vec(1.0, 2.0), False),
    (np.zeros(3), vec(0.0, 0.0), False),
    (np.array([0.5]), 0.5, False),
    (True, 1.0, False),
    (1, 1.0, True),
    (0.5 + 1e-8, 0.5, True),
    (0.5 + 1e-5, 0.5, False),
    (np.int64(2), Exact(2), True),
    (2.0, Exact(2), False),
    ((3, 2), Exact((3, 2)), True),
    ([3, 2], Exact((3, 2)), False),
]


@pytest.mark.parametrize(("answer", "expected", "passes"), TRICKY)
def test_public_check_and_hidden_suite_agree(answer, expected, passes):
    try:
        if isinstance(expected, Exact):
            assert_equal(answer, expected.value)
        else:
            assert_close(answer, expected)
        hidden = True
    except GradingFailure:
        hidden = False
    assert (problem(answer, expected) is None) == hidden == passes


# ---------------------------------------------------------------------------------- check


CASES = [Case("answer(1.0)", (1.0,), 2.0, "double it", "1 + 1"),
         Case("answer(2.0)", (2.0,), 4.0, "double it")]


def test_check_prints_one_line_per_case_and_a_summary(monkeypatch, capsys):
    run_check(monkeypatch, lambda v: 2 * v, CASES)
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        "✓ answer(1.0)", "✓ answer(2.0)",
        "✓ answer: 2 public checks passed (the grader also tests edge cases and random inputs)",
    ]
    assert err == ""


def test_check_raises_with_the_failures(monkeypatch, capsys):
    with pytest.raises(AssertionError) as failed:
        run_check(monkeypatch, lambda v: v + 1, CASES)
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        "✓ answer(1.0)",
        "✗ answer(2.0): expected 4.0, got 3.0 (abs error 1.0, rel error 0.25). Hint: double it",
        "✗ answer: 1 of 2 public checks failed",
    ]
    assert str(failed.value).splitlines() == out.splitlines()[::-1][:2]
    assert err == ""


def test_nothing_reaches_stderr(monkeypatch, capsys):
    def noisy(v):
        print("debugging", file=sys.stderr)
        print("debugging")
        warnings.warn("careful", stacklevel=1)
        np.log(np.zeros(1))  # numpy: "divide by zero encountered in log"
        return 2 * v

    run_check(monkeypatch, noisy, CASES)
    out, err = capsys.readouterr()
    assert err == ""
    assert "debugging" not in out


def test_a_stub_is_not_done_yet(monkeypatch, capsys):
    def stub(v):
        raise NotImplementedError()

    with pytest.raises(AssertionError, match="not implemented yet"):
        run_check(monkeypatch, stub, CASES)
    assert capsys.readouterr().out.splitlines() == [
        "✗ answer: not implemented yet — replace `raise NotImplementedError()` with your code "
        "and run that cell again"]


def test_a_bug_is_reported_not_raised(monkeypatch, capsys):
    with pytest.raises(AssertionError, match="2 of 2 public checks failed"):
        run_check(monkeypatch, lambda v: 1 / 0, CASES)
    assert ("✗ answer(1.0) (1 + 1): raised ZeroDivisionError: division by zero. Hint: double it"
            in capsys.readouterr().out)


def test_changing_an_input_array_fails(monkeypatch, capsys):
    def doubles_in_place(v):
        v *= 2
        return v

    cases = [Case("answer([1.0])", (vec(1.0),), vec(2.0), "double it")]
    with pytest.raises(AssertionError, match="changed its input array to"):
        run_check(monkeypatch, doubles_in_place, cases)


def test_a_matrix_answer_stays_on_one_line(monkeypatch, capsys):
    cases = [Case("answer()", (), At({x: 1.0}, np.eye(2)), "the identity")]
    with pytest.raises(AssertionError):
        run_check(monkeypatch, lambda: sp.Matrix([[x, 0], [0, 2 * x]]), cases)
    assert len(capsys.readouterr().out.splitlines()) == 2


def test_unknown_exercise_and_undefined_function(monkeypatch, capsys):
    check = make_check({"answer": lambda: CASES})
    with pytest.raises(AssertionError, match="no public checks called 'anwser'; try one of: "):
        check("anwser")
    monkeypatch.delitem(globals(), "answer", raising=False)
    with pytest.raises(AssertionError, match="answer is not defined"):
        check("answer")


def test_an_exercise_without_public_cases_passes(monkeypatch, capsys):
    """Public cases are optional: the generated check cell of such an exercise must not fail."""
    monkeypatch.setitem(globals(), "other", lambda v: v)
    make_check({"answer": lambda: CASES})("other")
    out = capsys.readouterr().out
    assert out == "other has no public checks: the grader tests it when you submit\n"


def test_answer_problem_dispatches_on_the_kind_of_case():
    assert answer_problem(2, Exact(2)) is None
    assert answer_problem(sp.Integer(2) * x, At({x: 1.0}, 2.0)) is None
    assert answer_problem(0.5, 0.5) is None


# ------------------------------------------------------------------- public_case_problems


@pytest.mark.parametrize("assignment", ["probability", "linear_algebra", "calculus"])
def test_every_public_case_passes_against_the_solution(assignment):
    checks = ROOT / "solutions" / assignment / "public_checks.py"
    results = public_case_problems(solution_namespace(assignment), checks)
    assert len(results) >= 30
    assert [r for r in results if r[1] is not None] == []
    assert (ROOT / "exercises" / assignment / "public_checks.py").read_bytes() == (
        checks.read_bytes())


def test_public_case_problems_labels_and_problems():
    checks = TOY_ROOT / "solutions" / "toy" / "public_checks.py"
    before = (list(sys.path), set(sys.modules))
    results = public_case_problems({"double": lambda v: v + v, "square": lambda s: s**3},
                                   checks)
    assert (list(sys.path), set(sys.modules)) == before
    assert results[0] == ("double: double([1.0, -2.0, 3.5])", None)
    assert results[-1] == ("square: square(x) at x = 3",
                           "expected 9.0 at x = 3.0, got x**3, which is 27.0 there")
    missing = public_case_problems({}, checks)
    assert {problem for _, problem in missing} == {"there is no function double",
                                                   "there is no function square"}


def test_public_case_problems_reports_a_stub_and_needs_cases(tmp_path):
    def stub(v):
        raise NotImplementedError()

    checks = TOY_ROOT / "solutions" / "toy" / "public_checks.py"
    results = public_case_problems({"double": stub, "square": lambda s: s**2}, checks)
    assert results[0][1] == "not implemented: the function raises NotImplementedError"
    empty = tmp_path / "public_checks.py"
    empty.write_text("def check(name):\n    pass\n")
    with pytest.raises(AuthoringError, match="has no CASES dict"):
        public_case_problems({}, Path(empty))
