"""Build the demo batch: student notebooks made from the probability solution notebook.

    .venv/bin/python course/demo/build_demo.py

Each student's notebook is the *release* of `solutions/probability/probability.ipynb` (solution
regions replaced by nbgrader's stub, hidden-test regions removed) in which the student filled
in the exercise cells. The release is the committed `exercises/probability/probability.ipynb`
(made by `mathgrade release probability`, with nbgrader's cell checksums) when it exists;
otherwise it is made here the same way, without nbgrader's extra metadata (same sources).

The batch covers correct answers written in other ways, known mistakes (which the grader
should name), a syntax error, an infinite loop, IPython magics, an untouched release and a
file that is not JSON at all. What each should score, and why, is in EXPECTED.md.
"""

from __future__ import annotations

import copy
import re
import sys
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SOLUTION = ROOT / "solutions" / "probability" / "probability.ipynb"
RELEASE = ROOT / "exercises" / "probability" / "probability.ipynb"

# nbgrader's default stub for a Python solution region.
STUB = "# YOUR CODE HERE\nraise NotImplementedError()"
SOLUTION_REGION = re.compile(
    r"^(?P<indent>[ \t]*)### BEGIN SOLUTION[^\n]*\n.*?^[ \t]*### END SOLUTION[^\n]*$",
    re.DOTALL | re.MULTILINE,
)
HIDDEN_REGION = re.compile(
    r"\n?^[ \t]*### BEGIN HIDDEN TESTS.*?^[ \t]*### END HIDDEN TESTS[^\n]*$",
    re.DOTALL | re.MULTILINE,
)

# ------------------------------------------------------------------------ the answers
# An answer is the code a student typed in place of the stub (indented into the function
# body), optionally with lines before the `def` (imports), or a whole cell.

CORRECT_ADA = {  # loops and the math module; Python floats
    "array_is_pmf": ("import math\n\n", """\
total = 0.0
for x in array:
    if x < 0:
        return False
    total += x
return bool(np.isclose(total, 1.0))"""),
    "softmax": ("", """\
largest = max(xs)
exps = [math.exp(x - largest) for x in xs]
total = sum(exps)
return np.array([e / total for e in exps])"""),
    "entropy": ("", """\
h = 0.0
for pi in p:
    if pi > 0:
        h -= pi * math.log(pi)
return h"""),
    "crossentropy": ("", "return -sum(pi * math.log(qi) for pi, qi in zip(p, q) if pi > 0)"),
    "divergence": ("", """\
total = 0.0
for pi, qi in zip(p, q):
    if pi > 0:
        total += pi * math.log(pi / qi)
return total"""),
    "bernoulli_entropy": ("", "return -p * sp.log(p / (1 - p)) - sp.log(1 - p)"),
    "logsumexp": ("", """\
largest = max(xs)
return largest + math.log(sum(math.exp(x - largest) for x in xs))"""),
    "surprise": ("", "return -math.log(p[i])"),
    "softmax_crossentropy": ("", """\
largest = max(logits)
log_z = largest + math.log(sum(math.exp(x - largest) for x in logits))
loss = 0.0
for pi, x in zip(p, logits):
    loss += pi * (log_z - x)
return loss"""),
    "binary_crossentropy": ("", """\
total = 0.0
for yi, pi in zip(y, p_hat):
    total -= yi * math.log(pi) + (1 - yi) * math.log(1 - pi)
return total / len(y)"""),
    "js_divergence": ("", """\
total = 0.0
for pi, qi in zip(p, q):
    mi = (pi + qi) / 2
    if pi > 0:
        total += 0.5 * pi * math.log(pi / mi)
    if qi > 0:
        total += 0.5 * qi * math.log(qi / mi)
return total"""),
    "gaussian_surprise": ("", """\
total = 0.0
for x in data:
    total += 0.5 * math.log(2 * math.pi) + 0.5 * (x - mu) ** 2
return total"""),
    "sum_squared_error": ("", """\
total = 0.0
for x in data:
    total += (x - mu) * (x - mu)
return total"""),
    "merge_moments": ("", """\
(n_a, mean_a, m2_a), (n_b, mean_b, m2_b) = a, b
n = n_a + n_b
if n == 0:
    return (0, 0.0, 0.0)
mean = (n_a * mean_a + n_b * mean_b) / n
m2 = m2_a + n_a * (mean_a - mean) ** 2 + m2_b + n_b * (mean_b - mean) ** 2
return (n, mean, m2)"""),
    "gaussian_kl": ("", """\
ratio = sigma1 / sigma2
return -math.log(ratio) + 0.5 * ratio**2 + 0.5 * ((mu1 - mu2) / sigma2) ** 2 - 0.5"""),
    "bernoulli_mle": ("", """\
t = sp.Symbol("t")
return sp.solve(sp.diff(k * sp.log(t) + (n - k) * sp.log(1 - t), t), t)[0]"""),
    "logistic_loss_derivative": ("", """\
s = 1 / (1 + sp.exp(-z))
return sp.diff(-(y * sp.log(s) + (1 - y) * sp.log(1 - s)), z)"""),
    "forward_gradient_variance": ("", """\
norm2 = sum(g * g for g in grad)
return np.array([norm2 + g * g for g in grad])"""),
}

CORRECT_BAYES = {  # scipy.special throughout
    "array_is_pmf": ("", "return np.all(array >= 0) and np.isclose(array.sum(), 1)"),
    "softmax": ("from scipy.special import logsumexp\n\n", "return np.exp(xs - logsumexp(xs))"),
    "entropy": ("from scipy.special import entr\n\n", "return np.sum(entr(p))"),
    "crossentropy": ("from scipy.special import xlogy\n\n", "return -np.sum(xlogy(p, q))"),
    "divergence": ("from scipy.special import rel_entr\n\n", "return np.sum(rel_entr(p, q))"),
    "bernoulli_entropy": ("", "return -(p * sp.log(p) + (1 - p) * sp.log(-p + 1))"),
    "logsumexp": ("import scipy.special\n\n", "return scipy.special.logsumexp(xs)"),
    "surprise": ("", "return np.log(1 / p[i])"),
    "softmax_crossentropy": ("from scipy.special import log_softmax\n\n",
                             "return -np.sum(p * log_softmax(logits))"),
    "binary_crossentropy": ("from scipy.special import xlog1py, xlogy\n\n",
                            "return -np.mean(xlogy(y, p_hat) + xlog1py(1 - y, -p_hat))"),
    "js_divergence": ("from scipy.special import rel_entr\n\n", """\
m = (p + q) / 2
return 0.5 * np.sum(rel_entr(p, m)) + 0.5 * np.sum(rel_entr(q, m))"""),
}

CORRECT_GAUSS = {  # np.where masks, 0-d arrays, the @ operator, a one-log sympy form
    "array_is_pmf": ("", "return (array >= 0).all() & np.isclose(np.sum(array), 1.0)"),
    "softmax": ("", """\
m = np.max(xs)
log_z = m + np.log(np.sum(np.exp(xs - m)))
return np.exp(xs - log_z)"""),
    "entropy": ("", """\
safe = np.where(p > 0, p, 1.0)  # log(1) = 0 where p = 0
return np.asarray(-np.sum(p * np.log(safe)))"""),
    "crossentropy": ("", "return np.asarray(-p @ np.log(q))"),
    "divergence": ("", """\
ratio = np.where(p > 0, p, 1.0) / np.where(p > 0, q, 1.0)
return np.sum(p * np.log(ratio))"""),
    "bernoulli_entropy": ("", "return sp.log(p ** (-p) * (1 - p) ** (p - 1))"),
    "logsumexp": ("", """\
m = np.max(xs)
return np.asarray(m + np.log(np.exp(xs - m).sum()))"""),
    "surprise": ("", "return np.asarray(-np.log(np.take(p, i)))"),
    "softmax_crossentropy": ("", """\
shifted = logits - np.max(logits)
log_probs = shifted - np.log(np.sum(np.exp(shifted)))
return np.asarray(-p @ log_probs)"""),
    "binary_crossentropy": ("", """\
losses = -(y * np.log(p_hat) + (1 - y) * np.log1p(-p_hat))
return np.asarray(losses.mean())"""),
    "js_divergence": ("", """\
m = (p + q) / 2
kl_p = np.sum(p * np.log(np.where(p > 0, p, 1.0) / np.where(p > 0, m, 1.0)))
kl_q = np.sum(q * np.log(np.where(q > 0, q, 1.0) / np.where(q > 0, m, 1.0)))
return np.asarray((kl_p + kl_q) / 2)"""),
}

CORRECT_NOETHER = {  # nansum, scipy.stats, np.dot, scipy's softmax
    "array_is_pmf": ("", """\
if np.any(array < 0):
    return False
return np.isclose(np.sum(array), 1)"""),
    "softmax": ("from scipy.special import softmax as scipy_softmax\n\n",
                "return scipy_softmax(xs)"),
    "entropy": ("", """\
with np.errstate(divide="ignore", invalid="ignore"):
    return -np.nansum(p * np.log(p))  # 0 * log(0) is nan, and nansum skips it"""),
    "crossentropy": ("", "return -np.dot(p, np.log(q))"),
    "divergence": ("import scipy.stats\n\n", "return scipy.stats.entropy(p, q)"),
    "bernoulli_entropy": ("", "return p * sp.log(1 / p) + (1 - p) * sp.log(1 / (1 - p))"),
    "logsumexp": ("", "return np.log(np.sum(np.exp(xs - xs.max()))) + xs.max()"),
    "surprise": ("import math\n\n", "return -math.log(float(p[i]))"),
    "softmax_crossentropy": ("from scipy.special import logsumexp as scipy_logsumexp\n\n",
                             "return scipy_logsumexp(logits) - np.dot(p, logits)"),
    "binary_crossentropy": ("", """\
n = len(y)
return -np.dot(y, np.log(p_hat)) / n - np.dot(1 - y, np.log(1 - p_hat)) / n"""),
    "js_divergence": ("", """\
m = (p + q) / 2
with np.errstate(divide="ignore", invalid="ignore"):  # 0 * log(0) is nan: nansum skips it
    return 0.5 * np.nansum(p * np.log(p / m)) + 0.5 * np.nansum(q * np.log(q / m))"""),
}

# The reference answers, as a student who got everything right might write them.
RIGHT = {
    "array_is_pmf": ("", "return bool(np.all(array >= 0) and np.isclose(np.sum(array), 1.0))"),
    "softmax": ("", """\
exps = np.exp(xs - np.max(xs))
return exps / np.sum(exps)"""),
    "entropy": ("", """\
nonzero = p[p > 0]
return -np.sum(nonzero * np.log(nonzero))"""),
    "crossentropy": ("", "return -np.sum(p * np.log(q))"),
    "divergence": ("", """\
mask = p > 0
return np.sum(p[mask] * np.log(p[mask] / q[mask]))"""),
    "bernoulli_entropy": ("", "return -p * sp.log(p) - (1 - p) * sp.log(1 - p)"),
    "logsumexp": ("", """\
largest = np.max(xs)
return largest + np.log(np.sum(np.exp(xs - largest)))"""),
    "surprise": ("", "return -np.log(p[i])"),
    "softmax_crossentropy": ("", """\
largest = np.max(logits)
log_z = largest + np.log(np.sum(np.exp(logits - largest)))
return log_z - np.sum(p * logits)"""),
    "binary_crossentropy": ("",
                            "return -np.mean(y * np.log(p_hat) + (1 - y) * np.log(1 - p_hat))"),
    "js_divergence": ("", """\
m = (p + q) / 2
kl_p = np.sum(p[p > 0] * np.log(p[p > 0] / m[p > 0]))
kl_q = np.sum(q[q > 0] * np.log(q[q > 0] / m[q > 0]))
return 0.5 * kl_p + 0.5 * kl_q"""),
    "gaussian_surprise": ("", "return np.sum(0.5 * np.log(2 * np.pi) + 0.5 * (data - mu) ** 2)"),
    "sum_squared_error": ("", "return np.sum((data - mu) ** 2)"),
    "merge_moments": ("", """\
n_a, mean_a, m2_a = a
n_b, mean_b, m2_b = b
n = n_a + n_b
if n == 0:
    return 0, 0.0, 0.0
delta = mean_b - mean_a
return n, mean_a + delta * n_b / n, m2_a + m2_b + delta**2 * n_a * n_b / n"""),
    "gaussian_kl": ("", """\
return (np.log(sigma2 / sigma1) + (sigma1**2 + (mu1 - mu2) ** 2) / (2 * sigma2**2)
        - 0.5)"""),
    "gaussian_kl_formula": ("", """\
return (sp.log(sigma2 / sigma1) + (sigma1**2 + (mu1 - mu2) ** 2) / (2 * sigma2**2)
        - sp.Rational(1, 2))"""),
    "bernoulli_mle": ("", "return k / n"),
    "logistic_loss_derivative": ("", "return 1 / (1 + sp.exp(-z)) - y"),
    "affine_flow_log_density": ("", """\
x = (y - shift) / scale
return np.sum(-0.5 * x**2 - 0.5 * np.log(2 * np.pi)) - np.sum(np.log(np.abs(scale)))"""),
    "forward_gradient_variance": ("", "return np.sum(grad**2) + grad**2"),
    "shift_decomposition": ("", """\
p_x, q_x = p_joint.sum(axis=1), q_joint.sum(axis=1)
seen = p_x > 0
marginal = np.sum(p_x[seen] * np.log(p_x[seen] / q_x[seen]))
p_cond = p_joint[seen] / p_x[seen, None]
q_cond = q_joint[seen] / q_x[seen, None]
terms = np.where(p_cond > 0, p_cond * np.log(np.where(p_cond > 0, p_cond, 1) / q_cond), 0.0)
return marginal, np.sum(p_x[seen] * terms.sum(axis=1))"""),
}

# Known mistakes, typed as in the @mistake functions of course/hidden/probability/test_*.py.
LOG_BASE_2 = ("", "return -np.sum(p * np.log2(p))")
NAIVE_EXP = ("", """\
exps = np.exp(xs)
return exps / np.sum(exps)""")
LOGSUMEXP_NAIVE = ("", "return np.log(np.sum(np.exp(xs)))")
KL_SWAPPED = ("", "return np.sum(q * np.log(q / p))")
CE_SWAPPED = ("", "return -np.sum(q * np.log(p))")
MISSING_TAILS = ("", "return -p * sp.log(p)")
EXACT_SUM = ("", "return bool(np.all(array >= 0) and np.sum(array) == 1)")
NO_ZERO_HANDLING = ("", "return -np.sum(p * np.log(p))")
KL_NO_ZERO_HANDLING = ("", "return np.sum(p * np.log(p / q))")
NOT_NORMALISED = ("", "return np.exp(xs - np.max(xs))")
TOO_TIGHT = ("import math\n\n",
             "return all(x >= 0 for x in array) and math.isclose(sum(array), 1)")
SHIFT_IN_PLACE = ("", """\
xs -= np.max(xs)
exps = np.exp(xs)
return exps / np.sum(exps)""")
RATIO_BEFORE_MASKING = ("from scipy.special import xlogy\n\n",
                        "return np.sum(xlogy(p, p / q))")
IGNORES_ARGUMENT = ("", """\
p = sp.Symbol("p")
return -p * sp.log(p) - (1 - p) * sp.log(1 - p)""")
GAUSSIAN_KL_SWAPPED = ("", """\
return np.log(sigma1 / sigma2) + (sigma2**2 + (mu1 - mu2) ** 2) / (2 * sigma1**2) - 0.5""")
M2_WITHOUT_CROSS_TERM = ("", """\
n = a[0] + b[0]
if n == 0:
    return 0, 0.0, 0.0
return n, (a[0] * a[1] + b[0] * b[1]) / n, a[2] + b[2]""")

# Anything not listed for a student is the RIGHT answer; None keeps the release stub.
STUDENTS: dict[str, dict] = {
    "ada": CORRECT_ADA,
    "bayes": CORRECT_BAYES,
    "gauss": CORRECT_GAUSS,
    "noether": CORRECT_NOETHER,
    "fermat": {"entropy": LOG_BASE_2},
    "hopper": {"softmax": NAIVE_EXP, "logsumexp": LOGSUMEXP_NAIVE, "divergence": KL_SWAPPED,
               "gaussian_kl": GAUSSIAN_KL_SWAPPED},
    "laplace": {"crossentropy": CE_SWAPPED, "bernoulli_entropy": MISSING_TAILS,
                "merge_moments": M2_WITHOUT_CROSS_TERM},
    "pascal": {"array_is_pmf": EXACT_SUM, "entropy": NO_ZERO_HANDLING},
    "turing": {"divergence": KL_NO_ZERO_HANDLING, "softmax": NOT_NORMALISED},
    "cantor": {
        "array_is_pmf": TOO_TIGHT,
        "softmax": SHIFT_IN_PLACE,
        "divergence": RATIO_BEFORE_MASKING,
        "bernoulli_entropy": IGNORES_ARGUMENT,
    },
    # A missing closing parenthesis: the crossentropy cell does not compile.
    "kolmogorov": {"crossentropy": ("", "return -np.sum(p * np.log(q)")},
    # entropy never returns.
    "euler": {"entropy": ("", "while True:\n    pass")},
    # Handed in without touching anything.
    "riemann": {name: None for name in RIGHT},
}

# --------------------------------------------------------------------------- building


def released_notebook() -> nbformat.NotebookNode:
    """The committed nbgrader release if there is one, else `release()` of the solution."""
    if RELEASE.is_file():
        return nbformat.read(RELEASE, as_version=4)
    return release(nbformat.read(SOLUTION, as_version=4))


def release(solution: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """What nbgrader would release: solutions stubbed out, hidden tests removed."""
    notebook = copy.deepcopy(solution)
    for cell in notebook.cells:
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("solution"):
            cell.source = SOLUTION_REGION.sub(_stub, cell.source)
        if meta.get("grade"):
            cell.source = HIDDEN_REGION.sub("", cell.source).rstrip()
    return notebook


def _stub(match: re.Match) -> str:
    indent = match.group("indent")
    return "\n".join(indent + line for line in STUB.splitlines())


def answer(stub_source: str, prelude: str, body: str) -> str:
    """The stub cell with the student's `body` typed in place of the stub lines."""
    lines = stub_source.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == "# YOUR CODE HERE")
    indent = lines[start][: len(lines[start]) - len(lines[start].lstrip())]
    typed = [indent + line if line else line for line in body.splitlines()]
    return prelude + "\n".join(lines[:start] + typed + lines[start + 2 :])


def student_notebook(released: nbformat.NotebookNode, answers: dict) -> nbformat.NotebookNode:
    notebook = copy.deepcopy(released)
    for cell in notebook.cells:
        meta = cell.metadata.get("nbgrader", {})
        if not meta.get("solution"):
            continue
        exercise = meta["grade_id"]
        typed = answers.get(exercise, RIGHT[exercise])
        if typed is not None:
            cell.source = answer(cell.source, *typed)
    return notebook


def markov(released: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Right answers, plus IPython magics and shell escapes the grader must skip."""
    notebook = student_notebook(released, {})
    magic = new_code_cell("%matplotlib inline\n!pip list | grep numpy")
    magic.id = "student-magics"
    setup = next(i for i, c in enumerate(notebook.cells) if c.get("id") == "setup")
    notebook.cells.insert(setup + 1, magic)
    entropy_cell = next(c for c in notebook.cells if c.get("id") == "entropy")
    entropy_cell.source = "!pip list\n%time 1 + 1\n" + entropy_cell.source
    return notebook


def ada(released: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Ada also tried her functions in a scratch cell of her own (it prints)."""
    notebook = student_notebook(released, CORRECT_ADA)
    scratch = new_code_cell(
        "p = np.array([0.5, 0.25, 0.25])\n"
        "print(entropy(p), crossentropy(p, softmax(np.zeros(3))))"
    )
    scratch.id = "ada-scratch"
    after = next(i for i, c in enumerate(notebook.cells) if c.get("id") == "check-divergence")
    notebook.cells.insert(after + 1, scratch)
    return notebook


# Not a notebook: the file was cut off while saving (invalid JSON).
BROKEN = '{\n "cells": [\n  {\n   "cell_type": "code",\n   "source": ["def entropy(p):\\n", '


def main() -> int:
    released = released_notebook()
    notebooks = {name: student_notebook(released, answers) for name, answers in STUDENTS.items()}
    notebooks["ada"] = ada(released)
    notebooks["markov"] = markov(released)
    for name, notebook in sorted(notebooks.items()):
        nbformat.validate(notebook)
        nbformat.write(notebook, HERE / f"{name}.ipynb")
    (HERE / "broken.ipynb").write_text(BROKEN, encoding="utf-8")
    print(f"wrote {len(notebooks) + 1} notebooks to {HERE.relative_to(ROOT)}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
