"""Hidden tests for `bernoulli_mle(k, n)`: the theta in (0, 1) that maximises the likelihood
theta^k (1 - theta)^(n - k) of k heads in n tosses, as a sympy expression in the positive
symbols k and n (0 < k < n). Any form equal to k/n is right.
"""

import pytest
import sympy as sp

from autograder.compare import assert_equivalent


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
