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
the softmax that produces them (computed stably with the log-sum-exp trick), and the ways of
measuring them — surprise, entropy, cross-entropy, the Kullback–Leibler and Jensen–Shannon
divergences — which are the losses behind most of deep learning.

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

LOGSUMEXP = r"""## 3. The log-sum-exp trick

The logarithm of softmax's denominator comes up so often that it has a name:

$$\operatorname{logsumexp}(x) = \ln \sum_{j=1}^{n} e^{x_j} .$$

With it, $\ln \operatorname{softmax}(x)_i = x_i - \operatorname{logsumexp}(x)$. It is a smooth
version of the maximum: $\max_j x_j \le \operatorname{logsumexp}(x) \le \max_j x_j + \ln n$.

Computed as written it has softmax's problem: `np.log(np.sum(np.exp([1000, 1000])))` is
`inf`, and for `[-1000, -1000]` it is `-inf`, although the answers are $1000 + \ln 2$ and
$-1000 + \ln 2$. The same shift rescues it, except that this time the shift does not cancel,
so it must be added back. With $c = \max_j x_j$,

$$\operatorname{logsumexp}(x) = \ln \Big( e^{c} \sum_{j} e^{x_j - c} \Big)
= c + \ln \sum_{j} e^{x_j - c} ,$$

where every exponent is $\le 0$ and the sum is at least 1. In general
$\operatorname{logsumexp}(x + c) = \operatorname{logsumexp}(x) + c$ for any constant $c$.

**Exercise 3.** Write `logsumexp(xs)` returning $\ln \sum_j e^{x_j}$ for a 1-D array `xs`.
It must give finite, correct values for entries as large as $\pm 1000$, including mixed
signs such as `[-1000, 1000]`."""

LOGSUMEXP_CODE = '''def logsumexp(xs):
    """ln sum exp(xs) of a 1-D array `xs`, finite for entries as large as +-1000."""
    ### BEGIN SOLUTION
    largest = np.max(xs)
    return largest + np.log(np.sum(np.exp(xs - largest)))
    ### END SOLUTION'''

SURPRISE = r"""## 4. Surprise

How surprised should you be when an outcome of probability $p_i$ happens? A sure thing
($p_i = 1$) is no surprise at all, a rare event is a big one, and the surprise of two
independent events should add up. The one function with these properties (up to the base
of the log) is the *surprise*

$$s_i = -\ln p_i .$$

Because $0 < p_i \le 1$, $\ln p_i \le 0$, so the minus sign makes the surprise $\ge 0$. An
outcome of probability $\tfrac12$ costs $\ln 2 \approx 0.693$ nats (one *bit*), one of
probability $\tfrac14$ twice as much.

**Exercise 4.** Write `surprise(p, i)` returning the surprise $-\ln p_i$ of outcome `i`
(an integer index) under the pmf `p`. It will only be asked for outcomes with $p_i > 0$."""

SURPRISE_CODE = '''def surprise(p, i):
    """The surprise -ln p[i], in nats, of outcome `i` under the pmf `p` (p[i] > 0)."""
    ### BEGIN SOLUTION
    return -np.log(p[i])
    ### END SOLUTION'''

ENTROPY = r"""## 5. Entropy

The *entropy* of $p$ is the average surprise $-\ln p_i$ of section 4, each outcome weighted
by how often it happens:

$$H(p) = \sum_{i=1}^n p_i \,(-\ln p_i) = -\sum_{i=1}^n p_i \ln p_i .$$

A fair coin has $H = \ln 2 \approx 0.693$ nats; a uniform pmf on $n$ outcomes has $\ln n$,
the largest possible value; a pmf with a sure outcome has $0$, the smallest.

Outcomes with $p_i = 0$ never happen, so they contribute nothing: we set $0 \ln 0 = 0$, which
is also the limit of $p \ln p$ as $p \to 0^+$. NumPy does not know this convention:
`np.log(0.0)` is `-inf` and `0.0 * -inf` is `nan`. Leave such terms out of the sum.

**Exercise 5.** Write `entropy(p)` returning $H(p)$ in nats for a pmf `p`, which may contain
zeros."""

ENTROPY_CODE = '''def entropy(p):
    """The entropy -sum p ln p of the pmf `p`, in nats, with 0 ln 0 = 0."""
    ### BEGIN SOLUTION
    nonzero = p[p > 0]
    return -np.sum(nonzero * np.log(nonzero))
    ### END SOLUTION'''

CROSSENTROPY = r"""## 6. Cross-entropy

Suppose outcomes really come from $p$, but you believe a model $q$. You are then surprised
by $-\ln q_i$ when outcome $i$ happens, which it does with probability $p_i$. Your average
surprise is the *cross-entropy*

$$H(p, q) = -\sum_{i=1}^n p_i \ln q_i .$$

The order matters: $p$ is the *target* (the data, e.g. a one-hot label) and $q$ the *model*
(e.g. a softmax output). As a loss, it is small when the model puts high probability on the
outcomes that actually happen. You may assume every $q_i > 0$ (a model that gives probability
0 to something that happens is infinitely surprised); $p$ may contain zeros.

**Exercise 6.** Write `crossentropy(p, q)` returning $H(p, q)$ in nats."""

CROSSENTROPY_CODE = '''def crossentropy(p, q):
    """The cross-entropy -sum p ln q of the model `q` (all entries > 0) on the target `p`."""
    ### BEGIN SOLUTION
    return -np.sum(p * np.log(q))
    ### END SOLUTION'''

SOFTMAX_CROSSENTROPY = r"""## 7. The cross-entropy of a softmax

A classifier's loss combines the last two sections: the network outputs logits $x$, the
model is $q = \operatorname{softmax}(x)$, and the loss is $H(p, q)$ for the target $p$.
Computing `softmax` first and its `np.log` afterwards throws away precision: for logits
`[-1000, 1000]`, softmax gives exactly `[0.0, 1.0]`, and $\ln 0 = -\infty$ although the true
loss for the target $[1, 0]$ is a finite 2000 nats. Take the logarithm symbolically instead:
$\ln \operatorname{softmax}(x)_i = x_i - \operatorname{logsumexp}(x)$, so, since
$\sum_i p_i = 1$,

$$H\big(p, \operatorname{softmax}(x)\big)
= -\sum_{i} p_i \big(x_i - \operatorname{logsumexp}(x)\big)
= \operatorname{logsumexp}(x) - \sum_i p_i x_i .$$

Deep-learning libraries compute their "cross-entropy with logits" losses exactly this way.
The loss is $\ge 0$ and, like softmax, unchanged when the same constant is added to every
logit.

**Exercise 7.** Write `softmax_crossentropy(logits, p)` returning
$H(p, \operatorname{softmax}(\text{logits}))$ in nats, for a target pmf `p` (zeros allowed).
It must be finite and correct for logits as large as $\pm 1000$, including mixed signs."""

SOFTMAX_CROSSENTROPY_CODE = '''def softmax_crossentropy(logits, p):
    """The cross-entropy of softmax(logits) on the target pmf `p`, stable for |logits| <= 1000."""
    ### BEGIN SOLUTION
    largest = np.max(logits)
    log_z = largest + np.log(np.sum(np.exp(logits - largest)))
    return log_z - np.sum(p * logits)
    ### END SOLUTION'''

BINARY_CROSSENTROPY = r"""## 8. Binary cross-entropy

With two classes, a model only needs one number per example: the predicted probability
$\hat p \in (0, 1)$ of class 1 (class 0 gets $1 - \hat p$). The target is a label
$y \in [0, 1]$: a hard 0 or 1, or a *soft* label such as 0.9 (label smoothing, or the
fraction of annotators who said "1"). The cross-entropy of the target pmf $(y, 1 - y)$ and
the model $(\hat p, 1 - \hat p)$, averaged over a batch of $N$ examples, is the *binary
cross-entropy* (the loss of logistic regression):

$$\mathrm{BCE}(y, \hat p) = -\frac{1}{N} \sum_{i=1}^{N}
\Big[ y_i \ln \hat p_i + (1 - y_i) \ln (1 - \hat p_i) \Big] .$$

Both terms matter for soft labels; for a hard label one of them vanishes. Note the *mean*
over examples (so the loss does not grow with the batch size), while the sum inside the
brackets runs over the two classes.

**Exercise 8.** Write `binary_crossentropy(y, p_hat)` for arrays `y` (labels in $[0, 1]$)
and `p_hat` (predictions strictly between 0 and 1) of the same length."""

BINARY_CROSSENTROPY_CODE = '''def binary_crossentropy(y, p_hat):
    """The mean over examples of -[y ln p_hat + (1 - y) ln(1 - p_hat)], in nats."""
    ### BEGIN SOLUTION
    return -np.mean(y * np.log(p_hat) + (1 - y) * np.log(1 - p_hat))
    ### END SOLUTION'''

DIVERGENCE = r"""## 9. Kullback–Leibler divergence and Gibbs' inequality

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

**Exercise 9.** Write `divergence(p, q)` returning $D_{\mathrm{KL}}(p \,\|\, q)$ in nats.
You may assume $q_i > 0$ wherever $p_i > 0$."""

DIVERGENCE_CODE = '''def divergence(p, q):
    """The KL divergence sum p ln(p / q) of `q` from `p`; terms with p_i = 0 contribute 0."""
    ### BEGIN SOLUTION
    mask = p > 0
    return np.sum(p[mask] * np.log(p[mask] / q[mask]))
    ### END SOLUTION'''

JS_DIVERGENCE = r"""## 10. Jensen–Shannon divergence

The KL divergence is asymmetric, and infinite as soon as $q_i = 0 < p_i$. The
*Jensen–Shannon divergence* repairs both by comparing each pmf with their average, the
mixture $m = \tfrac12 (p + q)$:

$$\mathrm{JS}(p, q) = \tfrac12 D_{\mathrm{KL}}(p \,\|\, m) + \tfrac12 D_{\mathrm{KL}}(q \,\|\, m),
\qquad m = \frac{p + q}{2} .$$

Swapping $p$ and $q$ leaves $m$ and the sum unchanged, so $\mathrm{JS}(p, q) = \mathrm{JS}(q, p)$.
Wherever $p_i > 0$, $m_i \ge p_i / 2 > 0$, so every term is finite; and since
$p_i / m_i \le 2$, each KL is at most $\ln 2$, which bounds the divergence:

$$0 \le \mathrm{JS}(p, q) \le \ln 2 ,$$

with 0 exactly when $p = q$ and $\ln 2$ when $p$ and $q$ have disjoint supports. (Its square
root is even a metric.) As in section 9, terms with $p_i = 0$ in the first KL, or $q_i = 0$
in the second, contribute 0.

**Exercise 10.** Write `js_divergence(p, q)` returning $\mathrm{JS}(p, q)$ in nats for pmfs
`p` and `q`, either of which may contain zeros."""

JS_DIVERGENCE_CODE = '''def js_divergence(p, q):
    """The Jensen-Shannon divergence of `p` and `q`, in nats; zero terms contribute 0."""
    ### BEGIN SOLUTION
    m = (p + q) / 2
    kl_p = np.sum(p[p > 0] * np.log(p[p > 0] / m[p > 0]))
    kl_q = np.sum(q[q > 0] * np.log(q[q > 0] / m[q > 0]))
    return 0.5 * kl_p + 0.5 * kl_q
    ### END SOLUTION'''

BERNOULLI = r"""## 11. The entropy of a coin, symbolically

A coin that shows heads with probability $p$ has the pmf $(p, 1 - p)$, so its entropy is

$$H(p) = -p \ln p - (1 - p) \ln (1 - p), \qquad 0 < p < 1 .$$

With SymPy we can treat $H$ as a formula rather than a number: differentiate it, find its
maximum, plot it. Use `sp.log` (the natural log) on the symbol you are given.

**Exercise 11.** Write `bernoulli_entropy(p)` that takes a SymPy symbol `p` and returns $H(p)$
as a SymPy expression in that symbol. Any form that equals $H(p)$ for $0 < p < 1$ is fine.

Once it passes, explore: `p = sp.Symbol("p")`, then
`sp.solve(sp.diff(bernoulli_entropy(p), p), p)` finds where $H$ is largest, and
`bernoulli_entropy(p).subs(p, sp.Rational(1, 2))` its value there. Is it what section 5
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
minimise `softmax_crossentropy(logits, label)` (two classes: `binary_crossentropy`),
variational autoencoders minimise a `divergence`, the original GANs a `js_divergence`, and
decision trees split data where the `entropy` drops the most."""

# (exercise, markdown before it, solution code)
EXERCISES = [
    ("array_is_pmf", PMF, ARRAY_IS_PMF),
    ("softmax", SOFTMAX, SOFTMAX_CODE),
    ("logsumexp", LOGSUMEXP, LOGSUMEXP_CODE),
    ("surprise", SURPRISE, SURPRISE_CODE),
    ("entropy", ENTROPY, ENTROPY_CODE),
    ("crossentropy", CROSSENTROPY, CROSSENTROPY_CODE),
    ("softmax_crossentropy", SOFTMAX_CROSSENTROPY, SOFTMAX_CROSSENTROPY_CODE),
    ("binary_crossentropy", BINARY_CROSSENTROPY, BINARY_CROSSENTROPY_CODE),
    ("divergence", DIVERGENCE, DIVERGENCE_CODE),
    ("js_divergence", JS_DIVERGENCE, JS_DIVERGENCE_CODE),
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
