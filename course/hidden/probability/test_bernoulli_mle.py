"""Hidden tests for `bernoulli_mle(k, n)`: the theta in (0, 1) that maximises the likelihood
theta^k (1 - theta)^(n - k) of k heads in n tosses, as a sympy expression in the positive
symbols k and n (0 < k < n). Any form equal to k/n is right.
"""

import pytest
import sympy as sp

from autograder.suite.compare import assert_equivalent
from autograder.suite.mistakes import alternative, mistake


def reference(k, n):
    return k / n


def args(k_name="k", n_name="n"):
    return sp.Symbol(k_name, positive=True), sp.Symbol(n_name, positive=True)


@pytest.mark.points(3)
def test_equivalent_to_the_maximiser(student):
    k, n = args()
    assert_equivalent(student.bernoulli_mle(k, n), reference(k, n),
                      domain={k: (1.0, 9.0), n: (10.0, 50.0)}, inputs={"k": k, "n": n})


@pytest.mark.points(1)
def test_uses_its_arguments(student):
    heads, tosses = args("heads", "tosses")
    assert_equivalent(student.bernoulli_mle(heads, tosses), reference(heads, tosses),
                      domain={heads: (1.0, 9.0), tosses: (10.0, 50.0)},
                      inputs={"k": heads, "n": tosses})


# Known mistakes: each loses points here and is named in the feedback when it reproduces a
# student's answers; its docstring is the hint the student reads.


@mistake
def fraction_of_tails(k, n):
    """The likelihood theta^k (1 - theta)^(n - k) is largest at the fraction of *heads*."""
    return (n - k) / n


@mistake
def laplace_smoothing(k, n):
    """(k + 1) / (n + 2) is Laplace's rule of succession, the posterior mean under a uniform
    prior; the maximum-likelihood estimate has no pseudo-counts.
    """
    return (k + 1) / (n + 2)


@mistake
def solve_returns_a_list(k, n):
    """sp.solve returns a list of solutions: return the solution itself (the list's only
    element), not the list.
    """
    theta = sp.Symbol("theta", positive=True)
    log_likelihood = k * sp.log(theta) + (n - k) * sp.log(1 - theta)
    return sp.solve(sp.diff(log_likelihood, theta), theta)


@mistake
def tosses_over_heads(k, n):
    """The estimate is a probability between 0 and 1: heads divided by tosses."""
    return n / k


# Alternative solutions: right, written differently from the solution; each earns full
# marks (`mathgrade verify`).


@alternative
def fraction_of_heads(k, n):
    return k / n


@alternative
def solve_the_likelihood_itself(k, n):
    theta = sp.Symbol("theta", positive=True)
    solutions = sp.solve(sp.diff(theta**k * (1 - theta) ** (n - k), theta), theta)
    return solutions[0]


@alternative
def solve_balance_equation(k, n):
    theta = sp.Symbol("theta")
    return sp.solve(sp.Eq(k / theta, (n - k) / (1 - theta)), theta)[0]


@alternative
def solve_with_dict(k, n):
    theta = sp.Symbol("theta")
    log_likelihood = k * sp.log(theta) + (n - k) * sp.log(1 - theta)
    (solution,) = sp.solve(sp.diff(log_likelihood, theta), theta, dict=True)
    return solution[theta]
