"""Build the nbgrader source notebook `probability.ipynb` from the cells written below.

    .venv/bin/python solutions/probability/build_notebook.py

The notebook is generated rather than edited by hand so that it is reproducible and
reviewable as a plain diff: cell ids are fixed, outputs are empty, and the points of each
graded check cell are the total points of that exercise's hidden suite
(`course/hidden/probability/test_<exercise>.py`), counted from its `points` markers.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
ASSIGNMENT = "probability"
HIDDEN = ROOT / "course" / "hidden" / ASSIGNMENT
OUTPUT = HERE / f"{ASSIGNMENT}.ipynb"

INTRO = r"""# Probability for machine learning: pmfs, entropy and divergence

A classifier does not answer "cat"; it answers "cat with probability 0.9, dog with 0.1".
This notebook builds the tools for reasoning about such answers: probability mass functions,
the softmax that produces them, and three ways of measuring them — entropy, cross-entropy
and the Kullback–Leibler divergence — which are the losses behind most of deep learning.

**Conventions.** Logarithms are natural ($\ln$, `np.log`), so information is measured in
*nats*. Vectors are 1-D float NumPy arrays. Your functions must **not modify their input
arrays**: build new arrays instead of assigning into the arguments.

**Checking your work.** After each exercise, run the `check(...)` cell below it. It runs a few
quick public checks and tells you which input went wrong. Passing them is a good sign but not
a guarantee: the grader runs more tests, including edge cases mentioned in the text (zeros,
very large numbers) and randomly generated inputs."""

SETUP = """import numpy as np
import sympy as sp

from public_checks import check"""

PMF = r"""## 1. Probability mass functions

A *probability mass function* (pmf) on $n$ outcomes is a vector $p \in \mathbb{R}^n$ with

$$p_i \ge 0 \quad\text{for all } i, \qquad \sum_{i=1}^{n} p_i = 1 .$$

Outcomes with $p_i = 0$ are allowed: they are possible in principle but never happen.

Floating-point arithmetic makes the second condition delicate: `0.7 + 0.2 + 0.1` is
`0.9999999999999999`, not `1.0`. So never test a computed sum with `==`; ask whether it is
*close* to 1 with `np.isclose` (and its default tolerances).

**Exercise 1.** Write `array_is_pmf(array)` that returns `True` if the 1-D array is a pmf and
`False` otherwise."""

ARRAY_IS_PMF = '''def array_is_pmf(array):
    """Whether `array` (1-D) is a pmf: no negative entry, and a sum np.isclose to 1.

    Returns a bool (a Python bool or np.bool_).
    """
    ### BEGIN SOLUTION
    return bool(np.all(array >= 0) and np.isclose(np.sum(array), 1.0))
    ### END SOLUTION'''

SOFTMAX = r"""## 2. From scores to probabilities: softmax

A network's last layer produces arbitrary real scores $x \in \mathbb{R}^n$, called *logits*.
The softmax turns them into a pmf:

$$\operatorname{softmax}(x)_i = \frac{e^{x_i}}{\sum_{j=1}^{n} e^{x_j}} .$$

Every entry is positive and they sum to 1. Adding the same constant $c$ to every logit changes
nothing, because the factor $e^{c}$ cancels:

$$\operatorname{softmax}(x + c)_i = \frac{e^{c} e^{x_i}}{e^{c} \sum_j e^{x_j}}
= \operatorname{softmax}(x)_i .$$

This *shift invariance* is what makes softmax computable in practice. In float64, `np.exp(1000)`
overflows to `inf` (the largest float is about $e^{709.8}$) and `np.exp(-1000)` underflows to
`0`; either way the formula as written gives `nan`. Shift by $c = -\max_j x_j$ first: then the
largest exponent is $e^0 = 1$, nothing overflows, and the sum is at least 1, so it is never
zero.

**Exercise 2.** Write `softmax(xs)` returning the array $\operatorname{softmax}(x)$. It must
give finite, correct values for logits as large as $\pm 1000$, including mixed signs such as
`[-1000, 1000]`."""

SOFTMAX_CODE = '''def softmax(xs):
    """The pmf exp(xs) / sum(exp(xs)) for a 1-D array of logits `xs`.

    Must return finite, correct values for logits as large as +-1000.
    """
    ### BEGIN SOLUTION
    exps = np.exp(xs - np.max(xs))
    return exps / np.sum(exps)
    ### END SOLUTION'''

ENTROPY = r"""## 3. Surprise and entropy

How surprised should you be when an outcome of probability $p_i$ happens? A sure thing
($p_i = 1$) is no surprise at all, a rare event is a big one, and the surprise of two
independent events should add up. The one function with these properties (up to the base
of the log) is the *surprise*

$$s_i = -\ln p_i .$$

The *entropy* of $p$ is the average surprise, each outcome weighted by how often it happens:

$$H(p) = \sum_{i=1}^n p_i \,(-\ln p_i) = -\sum_{i=1}^n p_i \ln p_i .$$

A fair coin has $H = \ln 2 \approx 0.693$ nats; a uniform pmf on $n$ outcomes has $\ln n$,
the largest possible value; a pmf with a sure outcome has $0$, the smallest.

Outcomes with $p_i = 0$ never happen, so they contribute nothing: we set $0 \ln 0 = 0$, which
is also the limit of $p \ln p$ as $p \to 0^+$. NumPy does not know this convention:
`np.log(0.0)` is `-inf` and `0.0 * -inf` is `nan`. Leave such terms out of the sum.

**Exercise 3.** Write `entropy(p)` returning $H(p)$ in nats for a pmf `p`, which may contain
zeros."""

ENTROPY_CODE = '''def entropy(p):
    """The entropy -sum p ln p of the pmf `p`, in nats, with 0 ln 0 = 0."""
    ### BEGIN SOLUTION
    nonzero = p[p > 0]
    return -np.sum(nonzero * np.log(nonzero))
    ### END SOLUTION'''

CROSSENTROPY = r"""## 4. Cross-entropy

Suppose outcomes really come from $p$, but you believe a model $q$. You are then surprised
by $-\ln q_i$ when outcome $i$ happens, which it does with probability $p_i$. Your average
surprise is the *cross-entropy*

$$H(p, q) = -\sum_{i=1}^n p_i \ln q_i .$$

The order matters: $p$ is the *target* (the data, e.g. a one-hot label) and $q$ the *model*
(e.g. a softmax output). As a loss, it is small when the model puts high probability on the
outcomes that actually happen. You may assume every $q_i > 0$ (a model that gives probability
0 to something that happens is infinitely surprised); $p$ may contain zeros.

**Exercise 4.** Write `crossentropy(p, q)` returning $H(p, q)$ in nats."""

CROSSENTROPY_CODE = '''def crossentropy(p, q):
    """The cross-entropy -sum p ln q of the model `q` (all entries > 0) on the target `p`."""
    ### BEGIN SOLUTION
    return -np.sum(p * np.log(q))
    ### END SOLUTION'''

DIVERGENCE = r"""## 5. Kullback–Leibler divergence and Gibbs' inequality

How much *extra* surprise does believing $q$ cost, when the truth is $p$? That is the
Kullback–Leibler divergence:

$$D_{\mathrm{KL}}(p \,\|\, q) = H(p, q) - H(p) = \sum_{i=1}^n p_i \ln \frac{p_i}{q_i} .$$

**Gibbs' inequality.** $D_{\mathrm{KL}}(p \,\|\, q) \ge 0$, with equality exactly when
$q = p$. Proof: $\ln x \le x - 1$ for all $x > 0$, so summing over the outcomes with
$p_i > 0$,

$$-D_{\mathrm{KL}}(p \,\|\, q) = \sum_{p_i > 0} p_i \ln \frac{q_i}{p_i}
\le \sum_{p_i > 0} p_i \left(\frac{q_i}{p_i} - 1\right)
= \sum_{p_i > 0} q_i - 1 \le 0 .$$

So no model beats the truth: $H(p, q) \ge H(p)$. Minimising the cross-entropy over $q$
minimises the divergence, which is why cross-entropy is *the* classification loss.

The divergence is not symmetric, $D_{\mathrm{KL}}(p \,\|\, q) \ne D_{\mathrm{KL}}(q \,\|\, p)$
in general, so it is not a distance. As with entropy, terms with $p_i = 0$ contribute $0$ —
also where $q_i = 0$ (then $p_i / q_i$ is $0/0$, so handle those terms before dividing).

**Exercise 5.** Write `divergence(p, q)` returning $D_{\mathrm{KL}}(p \,\|\, q)$ in nats.
You may assume $q_i > 0$ wherever $p_i > 0$."""

DIVERGENCE_CODE = '''def divergence(p, q):
    """The KL divergence sum p ln(p / q) of `q` from `p`; terms with p_i = 0 contribute 0."""
    ### BEGIN SOLUTION
    mask = p > 0
    return np.sum(p[mask] * np.log(p[mask] / q[mask]))
    ### END SOLUTION'''

BERNOULLI = r"""## 6. The entropy of a coin, symbolically

A coin that shows heads with probability $p$ has the pmf $(p, 1 - p)$, so its entropy is

$$H(p) = -p \ln p - (1 - p) \ln (1 - p), \qquad 0 < p < 1 .$$

With SymPy we can treat $H$ as a formula rather than a number: differentiate it, find its
maximum, plot it. Use `sp.log` (the natural log) on the symbol you are given.

**Exercise 6.** Write `bernoulli_entropy(p)` that takes a SymPy symbol `p` and returns $H(p)$
as a SymPy expression in that symbol. Any form that equals $H(p)$ for $0 < p < 1$ is fine.

Once it passes, explore: `p = sp.Symbol("p")`, then
`sp.solve(sp.diff(bernoulli_entropy(p), p), p)` finds where $H$ is largest, and
`bernoulli_entropy(p).subs(p, sp.Rational(1, 2))` its value there. Is it what section 3
predicts for a fair coin?"""

BERNOULLI_CODE = '''def bernoulli_entropy(p):
    """The entropy in nats of a coin showing heads with probability `p` (a sympy Symbol).

    Returns a sympy expression in `p`, meant for 0 < p < 1.
    """
    ### BEGIN SOLUTION
    return -p * sp.log(p) - (1 - p) * sp.log(1 - p)
    ### END SOLUTION'''

CLOSING = r"""## Where next

These few functions carry a long way: logistic regression and every softmax classifier
minimise `crossentropy(label, softmax(logits))`, variational autoencoders minimise a
`divergence`, and decision trees split data where the `entropy` drops the most."""

# (exercise, markdown before it, solution code)
EXERCISES = [
    ("array_is_pmf", PMF, ARRAY_IS_PMF),
    ("softmax", SOFTMAX, SOFTMAX_CODE),
    ("entropy", ENTROPY, ENTROPY_CODE),
    ("crossentropy", CROSSENTROPY, CROSSENTROPY_CODE),
    ("divergence", DIVERGENCE, DIVERGENCE_CODE),
    ("bernoulli_entropy", BERNOULLI, BERNOULLI_CODE),
]


def suite_points(exercise: str) -> int:
    """Total points of `test_<exercise>.py`: the sum of its `@pytest.mark.points(n)` markers
    (a test without one is worth 1, as in the suite plugin)."""
    tree = ast.parse((HIDDEN / f"test_{exercise}.py").read_text(encoding="utf-8"))
    total = 0
    for node in tree.body:
        if not (isinstance(node, ast.FunctionDef) and node.name.startswith("test_")):
            continue
        points = 1
        for decorator in node.decorator_list:
            if (
                isinstance(decorator, ast.Call)
                and ast.unparse(decorator.func) == "pytest.mark.points"
            ):
                points = ast.literal_eval(decorator.args[0])
        total += points
    return total


def nbgrader(grade_id: str, *, grade: bool, solution: bool, locked: bool, points=None) -> dict:
    meta = {"grade": grade, "grade_id": grade_id, "locked": locked, "schema_version": 3,
            "solution": solution}
    if points is not None:
        meta["points"] = points
    return {"nbgrader": meta}


def markdown(cell_id: str, text: str) -> nbformat.NotebookNode:
    cell = new_markdown_cell(text)
    cell.id = cell_id
    return cell


def code(cell_id: str, source: str, metadata: dict) -> nbformat.NotebookNode:
    cell = new_code_cell(source, metadata=metadata)
    cell.id = cell_id
    return cell


def check_source(exercise: str) -> str:
    return (
        f'check("{exercise}")\n'
        "### BEGIN HIDDEN TESTS\n"
        f"# The hidden suite course/hidden/{ASSIGNMENT}/test_{exercise}.py; `mathgrade grade`\n"
        "# skips this cell, plain `nbgrader autograde` takes its value as partial credit.\n"
        "from autograder.inkernel import hidden_score\n\n"
        f'hidden_score("{ASSIGNMENT}", "{exercise}")\n'
        "### END HIDDEN TESTS"
    )


def build() -> nbformat.NotebookNode:
    cells = [
        markdown("intro", INTRO),
        code("setup", SETUP, nbgrader("setup", grade=False, solution=False, locked=True)),
    ]
    for exercise, prose, solution in EXERCISES:
        cells.append(markdown(f"about-{exercise}".replace("_", "-"), prose))
        cells.append(code(exercise.replace("_", "-"), solution,
                          nbgrader(exercise, grade=False, solution=True, locked=False)))
        cells.append(code(f"check-{exercise}".replace("_", "-"), check_source(exercise),
                          nbgrader(f"check_{exercise}", grade=True, solution=False,
                                   locked=True, points=suite_points(exercise))))
    cells.append(markdown("where-next", CLOSING))
    notebook = new_notebook(cells=cells)
    notebook.metadata = {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python", "version": "3.11"},
    }
    nbformat.validate(notebook)
    return notebook


def main() -> int:
    nbformat.write(build(), OUTPUT)
    print(f"wrote {OUTPUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
