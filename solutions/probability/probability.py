# %% intro [markdown]
# # Probability for machine learning: pmfs, entropy and divergence
#
# A classifier does not answer "cat"; it answers "cat with probability 0.9, dog with 0.1".
# This notebook builds the tools for reasoning about such answers: probability mass functions,
# the softmax that produces them (computed stably with the log-sum-exp trick), and the ways of
# measuring them — surprise, entropy, cross-entropy, the Kullback–Leibler and Jensen–Shannon
# divergences — which are the losses behind most of deep learning.
#
# **Conventions.** Logarithms are natural ($\ln$, `np.log`), so information is measured in
# *nats*. Vectors are 1-D float NumPy arrays. Your functions must **not modify their input
# arrays**: build new arrays instead of assigning into the arguments.
#
# **Checking your work.** After each exercise, run the `check(...)` cell below it. It runs a few
# quick public checks and tells you which input went wrong. Passing them is a good sign but not
# a guarantee: the grader runs more tests, including edge cases mentioned in the text (zeros,
# very large numbers) and randomly generated inputs.

# %% setup
import numpy as np
import sympy as sp

from public_checks import check

# %% [markdown]
# ## 1. Probability mass functions
#
# A *probability mass function* (pmf) on $n$ outcomes is a vector $p \in \mathbb{R}^n$ with
#
# $$p_i \ge 0 \quad\text{for all } i, \qquad \sum_{i=1}^{n} p_i = 1 .$$
#
# Outcomes with $p_i = 0$ are allowed: they are possible in principle but never happen.
#
# Floating-point arithmetic makes the second condition delicate: `0.7 + 0.2 + 0.1` is
# `0.9999999999999999`, not `1.0`. So never test a computed sum with `==`; ask whether it is
# *close* to 1 with `np.isclose` (and its default tolerances).
#
# **Exercise 1.** Write `array_is_pmf(array)` that returns `True` if the 1-D array is a pmf and
# `False` otherwise.

# %% array_is_pmf
def array_is_pmf(array):
    """Whether `array` (1-D) is a pmf: no negative entry, and a sum np.isclose to 1.

    Returns a bool (a Python bool or np.bool_).
    """
    ### BEGIN SOLUTION
    return bool(np.all(array >= 0) and np.isclose(np.sum(array), 1.0))
    ### END SOLUTION


# %% [markdown]
# ## 2. From scores to probabilities: softmax
#
# A network's last layer produces arbitrary real scores $x \in \mathbb{R}^n$, called *logits*.
# The softmax turns them into a pmf:
#
# $$\operatorname{softmax}(x)_i = \frac{e^{x_i}}{\sum_{j=1}^{n} e^{x_j}} .$$
#
# Every entry is positive and they sum to 1. Adding the same constant $c$ to every logit changes
# nothing, because the factor $e^{c}$ cancels:
#
# $$\operatorname{softmax}(x + c)_i = \frac{e^{c} e^{x_i}}{e^{c} \sum_j e^{x_j}}
# = \operatorname{softmax}(x)_i .$$
#
# This *shift invariance* is what makes softmax computable in practice. In float64, `np.exp(1000)`
# overflows to `inf` (the largest float is about $e^{709.8}$) and `np.exp(-1000)` underflows to
# `0`; either way the formula as written gives `nan`. Shift by $c = -\max_j x_j$ first: then the
# largest exponent is $e^0 = 1$, nothing overflows, and the sum is at least 1, so it is never
# zero.
#
# **Exercise 2.** Write `softmax(xs)` returning the array $\operatorname{softmax}(x)$. It must
# give finite, correct values for logits as large as $\pm 1000$, including mixed signs such as
# `[-1000, 1000]`.

# %% softmax
def softmax(xs):
    """The pmf exp(xs) / sum(exp(xs)) for a 1-D array of logits `xs`.

    Must return finite, correct values for logits as large as +-1000.
    """
    ### BEGIN SOLUTION
    exps = np.exp(xs - np.max(xs))
    return exps / np.sum(exps)
    ### END SOLUTION


# %% [markdown]
# ### Picture: softmax temperature
#
# Dividing the logits by a *temperature* $T$ before the softmax controls how peaked the pmf
# is: $T \to 0$ puts all the mass on the largest logit (an "arg max"), large $T$ flattens it
# towards uniform. Language models sample with such a $T$.

# %% picture softmax-temperature
import matplotlib.pyplot as plt

logits = np.array([2.0, 1.0, 0.5, -1.0])
fig, axes = plt.subplots(1, 4, figsize=(12, 2.5), sharey=True)
for ax, temperature in zip(axes, [0.25, 1.0, 2.0, 10.0]):
    scaled = logits / temperature
    probs = np.exp(scaled - scaled.max())
    ax.bar(range(len(logits)), probs / probs.sum())
    ax.set_title(f"T = {temperature:g}")
    ax.set_xticks(range(len(logits)))
axes[0].set_ylabel("softmax(logits / T)")
plt.tight_layout()
plt.show()


# %% [markdown]
# ## 3. The log-sum-exp trick
#
# The logarithm of softmax's denominator comes up so often that it has a name:
#
# $$\operatorname{logsumexp}(x) = \ln \sum_{j=1}^{n} e^{x_j} .$$
#
# With it, $\ln \operatorname{softmax}(x)_i = x_i - \operatorname{logsumexp}(x)$. It is a smooth
# version of the maximum: $\max_j x_j \le \operatorname{logsumexp}(x) \le \max_j x_j + \ln n$.
#
# Computed as written it has softmax's problem: `np.log(np.sum(np.exp([1000, 1000])))` is
# `inf`, and for `[-1000, -1000]` it is `-inf`, although the answers are $1000 + \ln 2$ and
# $-1000 + \ln 2$. The same shift rescues it, except that this time the shift does not cancel,
# so it must be added back. With $c = \max_j x_j$,
#
# $$\operatorname{logsumexp}(x) = \ln \Big( e^{c} \sum_{j} e^{x_j - c} \Big)
# = c + \ln \sum_{j} e^{x_j - c} ,$$
#
# where every exponent is $\le 0$ and the sum is at least 1. In general
# $\operatorname{logsumexp}(x + c) = \operatorname{logsumexp}(x) + c$ for any constant $c$.
#
# **Exercise 3.** Write `logsumexp(xs)` returning $\ln \sum_j e^{x_j}$ for a 1-D array `xs`.
# It must give finite, correct values for entries as large as $\pm 1000$, including mixed
# signs such as `[-1000, 1000]`.

# %% logsumexp
def logsumexp(xs):
    """ln sum exp(xs) of a 1-D array `xs`, finite for entries as large as +-1000."""
    ### BEGIN SOLUTION
    largest = np.max(xs)
    return largest + np.log(np.sum(np.exp(xs - largest)))
    ### END SOLUTION


# %% [markdown]
# ## 4. Surprise
#
# How surprised should you be when an outcome of probability $p_i$ happens? A sure thing
# ($p_i = 1$) is no surprise at all, a rare event is a big one, and the surprise of two
# independent events should add up. The one function with these properties (up to the base
# of the log) is the *surprise*
#
# $$s_i = -\ln p_i .$$
#
# Because $0 < p_i \le 1$, $\ln p_i \le 0$, so the minus sign makes the surprise $\ge 0$. An
# outcome of probability $\tfrac12$ costs $\ln 2 \approx 0.693$ nats (one *bit*), one of
# probability $\tfrac14$ twice as much.
#
# **Exercise 4.** Write `surprise(p, i)` returning the surprise $-\ln p_i$ of outcome `i`
# (an integer index) under the pmf `p`. It will only be asked for outcomes with $p_i > 0$.

# %% surprise
def surprise(p, i):
    """The surprise -ln p[i], in nats, of outcome `i` under the pmf `p` (p[i] > 0)."""
    ### BEGIN SOLUTION
    return -np.log(p[i])
    ### END SOLUTION


# %% [markdown]
# ## 5. Entropy
#
# The *entropy* of $p$ is the average surprise $-\ln p_i$ of section 4, each outcome weighted
# by how often it happens:
#
# $$H(p) = \sum_{i=1}^n p_i \,(-\ln p_i) = -\sum_{i=1}^n p_i \ln p_i .$$
#
# A fair coin has $H = \ln 2 \approx 0.693$ nats; a uniform pmf on $n$ outcomes has $\ln n$,
# the largest possible value; a pmf with a sure outcome has $0$, the smallest.
#
# Outcomes with $p_i = 0$ never happen, so they contribute nothing: we set $0 \ln 0 = 0$, which
# is also the limit of $p \ln p$ as $p \to 0^+$. NumPy does not know this convention:
# `np.log(0.0)` is `-inf` and `0.0 * -inf` is `nan`. Leave such terms out of the sum.
#
# **Exercise 5.** Write `entropy(p)` returning $H(p)$ in nats for a pmf `p`, which may contain
# zeros.

# %% entropy
def entropy(p):
    """The entropy -sum p ln p of the pmf `p`, in nats, with 0 ln 0 = 0."""
    ### BEGIN SOLUTION
    nonzero = p[p > 0]
    return -np.sum(nonzero * np.log(nonzero))
    ### END SOLUTION


# %% [markdown]
# ## 6. Cross-entropy
#
# Suppose outcomes really come from $p$, but you believe a model $q$. You are then surprised
# by $-\ln q_i$ when outcome $i$ happens, which it does with probability $p_i$. Your average
# surprise is the *cross-entropy*
#
# $$H(p, q) = -\sum_{i=1}^n p_i \ln q_i .$$
#
# The order matters: $p$ is the *target* (the data, e.g. a one-hot label) and $q$ the *model*
# (e.g. a softmax output). As a loss, it is small when the model puts high probability on the
# outcomes that actually happen. You may assume every $q_i > 0$ (a model that gives probability
# 0 to something that happens is infinitely surprised); $p$ may contain zeros.
#
# **Exercise 6.** Write `crossentropy(p, q)` returning $H(p, q)$ in nats.

# %% crossentropy
def crossentropy(p, q):
    """The cross-entropy -sum p ln q of the model `q` (all entries > 0) on the target `p`."""
    ### BEGIN SOLUTION
    return -np.sum(p * np.log(q))
    ### END SOLUTION


# %% [markdown]
# ## 7. The cross-entropy of a softmax
#
# A classifier's loss combines the last two sections: the network outputs logits $x$, the
# model is $q = \operatorname{softmax}(x)$, and the loss is $H(p, q)$ for the target $p$.
# Computing `softmax` first and its `np.log` afterwards throws away precision: for logits
# `[-1000, 1000]`, softmax gives exactly `[0.0, 1.0]`, and $\ln 0 = -\infty$ although the true
# loss for the target $[1, 0]$ is a finite 2000 nats. Take the logarithm symbolically instead:
# $\ln \operatorname{softmax}(x)_i = x_i - \operatorname{logsumexp}(x)$, so, since
# $\sum_i p_i = 1$,
#
# $$H\big(p, \operatorname{softmax}(x)\big)
# = -\sum_{i} p_i \big(x_i - \operatorname{logsumexp}(x)\big)
# = \operatorname{logsumexp}(x) - \sum_i p_i x_i .$$
#
# Deep-learning libraries compute their "cross-entropy with logits" losses exactly this way.
# The loss is $\ge 0$ and, like softmax, unchanged when the same constant is added to every
# logit.
#
# **Exercise 7.** Write `softmax_crossentropy(logits, p)` returning
# $H(p, \operatorname{softmax}(\text{logits}))$ in nats, for a target pmf `p` (zeros allowed).
# It must be finite and correct for logits as large as $\pm 1000$, including mixed signs.

# %% softmax_crossentropy
def softmax_crossentropy(logits, p):
    """The cross-entropy of softmax(logits) on the target pmf `p`, stable for |logits| <= 1000."""
    ### BEGIN SOLUTION
    largest = np.max(logits)
    log_z = largest + np.log(np.sum(np.exp(logits - largest)))
    return log_z - np.sum(p * logits)
    ### END SOLUTION


# %% [markdown]
# ## 8. Binary cross-entropy
#
# With two classes, a model only needs one number per example: the predicted probability
# $\hat p \in (0, 1)$ of class 1 (class 0 gets $1 - \hat p$). The target is a label
# $y \in [0, 1]$: a hard 0 or 1, or a *soft* label such as 0.9 (label smoothing, or the
# fraction of annotators who said "1"). The cross-entropy of the target pmf $(y, 1 - y)$ and
# the model $(\hat p, 1 - \hat p)$, averaged over a batch of $N$ examples, is the *binary
# cross-entropy* (the loss of logistic regression):
#
# $$\mathrm{BCE}(y, \hat p) = -\frac{1}{N} \sum_{i=1}^{N}
# \Big[ y_i \ln \hat p_i + (1 - y_i) \ln (1 - \hat p_i) \Big] .$$
#
# Both terms matter for soft labels; for a hard label one of them vanishes. Note the *mean*
# over examples (so the loss does not grow with the batch size), while the sum inside the
# brackets runs over the two classes.
#
# **Exercise 8.** Write `binary_crossentropy(y, p_hat)` for arrays `y` (labels in $[0, 1]$)
# and `p_hat` (predictions strictly between 0 and 1) of the same length.

# %% binary_crossentropy
def binary_crossentropy(y, p_hat):
    """The mean over examples of -[y ln p_hat + (1 - y) ln(1 - p_hat)], in nats."""
    ### BEGIN SOLUTION
    return -np.mean(y * np.log(p_hat) + (1 - y) * np.log(1 - p_hat))
    ### END SOLUTION


# %% [markdown]
# ## 9. Kullback–Leibler divergence and Gibbs' inequality
#
# How much *extra* surprise does believing $q$ cost, when the truth is $p$? That is the
# Kullback–Leibler divergence:
#
# $$D_{\mathrm{KL}}(p \,\|\, q) = H(p, q) - H(p) = \sum_{i=1}^n p_i \ln \frac{p_i}{q_i} .$$
#
# **Gibbs' inequality.** $D_{\mathrm{KL}}(p \,\|\, q) \ge 0$, with equality exactly when
# $q = p$. Proof: $\ln x \le x - 1$ for all $x > 0$, so summing over the outcomes with
# $p_i > 0$,
#
# $$-D_{\mathrm{KL}}(p \,\|\, q) = \sum_{p_i > 0} p_i \ln \frac{q_i}{p_i}
# \le \sum_{p_i > 0} p_i \left(\frac{q_i}{p_i} - 1\right)
# = \sum_{p_i > 0} q_i - 1 \le 0 .$$
#
# So no model beats the truth: $H(p, q) \ge H(p)$. Minimising the cross-entropy over $q$
# minimises the divergence, which is why cross-entropy is *the* classification loss.
#
# The divergence is not symmetric, $D_{\mathrm{KL}}(p \,\|\, q) \ne D_{\mathrm{KL}}(q \,\|\, p)$
# in general, so it is not a distance. As with entropy, terms with $p_i = 0$ contribute $0$ —
# also where $q_i = 0$ (then $p_i / q_i$ is $0/0$, so handle those terms before dividing).
#
# **Exercise 9.** Write `divergence(p, q)` returning $D_{\mathrm{KL}}(p \,\|\, q)$ in nats.
# You may assume $q_i > 0$ wherever $p_i > 0$.

# %% divergence
def divergence(p, q):
    """The KL divergence sum p ln(p / q) of `q` from `p`; terms with p_i = 0 contribute 0."""
    ### BEGIN SOLUTION
    mask = p > 0
    return np.sum(p[mask] * np.log(p[mask] / q[mask]))
    ### END SOLUTION


# %% [markdown]
# ### Picture: KL is not symmetric
#
# Fit a single Gaussian $q$ to a two-bump target $p$ by minimising $D_{\mathrm{KL}}(p \| q)$
# and it spreads out to cover both bumps ("mass-covering"); minimise $D_{\mathrm{KL}}(q \| p)$
# instead and it settles on one bump ("mode-seeking"), because $q$ is punished wherever it
# puts mass where $p$ has little. Below, a grid search over the mean and width of $q$ for
# each direction, on a discretised line.

# %% picture kl-asymmetry
import matplotlib.pyplot as plt

xs = np.linspace(-6, 6, 601)


def bump(mu, sigma):
    weights = np.exp(-0.5 * ((xs - mu) / sigma) ** 2)
    return weights / weights.sum()


def kl(p, q):
    keep = p > 0
    return np.sum(p[keep] * np.log(p[keep] / q[keep]))


target = 0.5 * bump(-2.0, 0.6) + 0.5 * bump(2.0, 0.6)
candidates = [(mu, sigma) for mu in np.linspace(-3, 3, 61) for sigma in np.linspace(0.3, 3, 28)]
forward = min(candidates, key=lambda c: kl(target, bump(*c)))
reverse = min(candidates, key=lambda c: kl(bump(*c), target))
plt.figure(figsize=(7, 3))
plt.plot(xs, target, "k", label="target p")
plt.plot(xs, bump(*forward), label=f"argmin KL(p||q): mu={forward[0]:.1f}, sigma={forward[1]:.1f}")
plt.plot(xs, bump(*reverse), label=f"argmin KL(q||p): mu={reverse[0]:.1f}, sigma={reverse[1]:.1f}")
plt.legend(fontsize=8)
plt.show()


# %% [markdown]
# ## 10. Jensen–Shannon divergence
#
# The KL divergence is asymmetric, and infinite as soon as $q_i = 0 < p_i$. The
# *Jensen–Shannon divergence* repairs both by comparing each pmf with their average, the
# mixture $m = \tfrac12 (p + q)$:
#
# $$\mathrm{JS}(p, q) = \tfrac12 D_{\mathrm{KL}}(p \,\|\, m) + \tfrac12 D_{\mathrm{KL}}(q \,\|\, m),
# \qquad m = \frac{p + q}{2} .$$
#
# Swapping $p$ and $q$ leaves $m$ and the sum unchanged, so $\mathrm{JS}(p, q) = \mathrm{JS}(q, p)$.
# Wherever $p_i > 0$, $m_i \ge p_i / 2 > 0$, so every term is finite; and since
# $p_i / m_i \le 2$, each KL is at most $\ln 2$, which bounds the divergence:
#
# $$0 \le \mathrm{JS}(p, q) \le \ln 2 ,$$
#
# with 0 exactly when $p = q$ and $\ln 2$ when $p$ and $q$ have disjoint supports. (Its square
# root is even a metric.) As in section 9, terms with $p_i = 0$ in the first KL, or $q_i = 0$
# in the second, contribute 0.
#
# **Exercise 10.** Write `js_divergence(p, q)` returning $\mathrm{JS}(p, q)$ in nats for pmfs
# `p` and `q`, either of which may contain zeros.

# %% js_divergence
def js_divergence(p, q):
    """The Jensen-Shannon divergence of `p` and `q`, in nats; zero terms contribute 0."""
    ### BEGIN SOLUTION
    m = (p + q) / 2
    kl_p = np.sum(p[p > 0] * np.log(p[p > 0] / m[p > 0]))
    kl_q = np.sum(q[q > 0] * np.log(q[q > 0] / m[q > 0]))
    return 0.5 * kl_p + 0.5 * kl_q
    ### END SOLUTION


# %% [markdown]
# ## 11. The entropy of a coin, symbolically
#
# A coin that shows heads with probability $p$ has the pmf $(p, 1 - p)$, so its entropy is
#
# $$H(p) = -p \ln p - (1 - p) \ln (1 - p), \qquad 0 < p < 1 .$$
#
# With SymPy we can treat $H$ as a formula rather than a number: differentiate it, find its
# maximum, plot it. Use `sp.log` (the natural log) on the symbol you are given.
#
# **Exercise 11.** Write `bernoulli_entropy(p)` that takes a SymPy symbol `p` and returns $H(p)$
# as a SymPy expression in that symbol. Any form that equals $H(p)$ for $0 < p < 1$ is fine.
#
# Once it passes, explore: `p = sp.Symbol("p")`, then
# `sp.solve(sp.diff(bernoulli_entropy(p), p), p)` finds where $H$ is largest, and
# `bernoulli_entropy(p).subs(p, sp.Rational(1, 2))` its value there. Is it what section 5
# predicts for a fair coin?

# %% bernoulli_entropy
def bernoulli_entropy(p):
    """The entropy in nats of a coin showing heads with probability `p` (a sympy Symbol).

    Returns a sympy expression in `p`, meant for 0 < p < 1.
    """
    ### BEGIN SOLUTION
    return -p * sp.log(p) - (1 - p) * sp.log(1 - p)
    ### END SOLUTION


# %% [markdown]
# ### Picture: the entropy of a coin
#
# $H(p)$ is 0 for a coin that always lands the same way, and largest, $\ln 2$, for a fair
# coin: uncertainty is greatest when both outcomes are equally likely.

# %% picture coin-entropy
import matplotlib.pyplot as plt

p = np.linspace(0.001, 0.999, 500)
plt.figure(figsize=(5, 3))
plt.plot(p, -p * np.log(p) - (1 - p) * np.log(1 - p))
plt.axhline(np.log(2), ls=":", c="gray")
plt.xlabel("p (probability of heads)")
plt.ylabel("H(p) in nats")
plt.show()


# %% [markdown]
# ## 12. Continuous data: the surprise of a Gaussian
#
# For real-valued data we use a *density*. The standard choice, a Gaussian with mean $\mu$ and
# variance 1, has
#
# $$p(x \mid \mu) = \frac{1}{\sqrt{2\pi}} \, e^{-(x - \mu)^2 / 2},
# \qquad -\ln p(x \mid \mu) = \tfrac12 \ln(2\pi) + \tfrac12 (x - \mu)^2 .$$
#
# Independent data points multiply their densities, so their surprises add up. The total
# surprise of a data set $x_1, \dots, x_n$ — the *negative log-likelihood* of $\mu$ — is
#
# $$S(\mu) = \sum_{i=1}^n \Big[ \tfrac12 \ln(2\pi) + \tfrac12 (x_i - \mu)^2 \Big] .$$
#
# **Exercise 12.** Write `gaussian_surprise(mu, data)` returning $S(\mu)$ in nats for a float
# `mu` and a 1-D array `data`.

# %% gaussian_surprise
def gaussian_surprise(mu, data):
    """The total surprise, in nats, of `data` under a Gaussian with mean `mu` and variance 1."""
    ### BEGIN SOLUTION
    return np.sum(0.5 * np.log(2 * np.pi) + 0.5 * (data - mu) ** 2)
    ### END SOLUTION


# %% [markdown]
# ## 13. Maximum likelihood is least squares
#
# Look at $S(\mu)$ again: the first term does not depend on $\mu$, and the second is half the
# *sum of squared errors*
#
# $$\mathrm{SSE}(\mu) = \sum_{i=1}^n (x_i - \mu)^2, \qquad
# S(\mu) = \tfrac{n}{2} \ln(2\pi) + \tfrac12 \mathrm{SSE}(\mu) .$$
#
# So the $\mu$ that makes the data least surprising (the *maximum-likelihood* estimate) is the
# one with the smallest squared error. Setting the derivative to zero,
# $\frac{d}{d\mu}\mathrm{SSE} = -2 \sum_i (x_i - \mu) = 0$, gives $\mu = \bar x$, the sample
# mean. This is why regression with a squared-error loss is "Gaussian maximum likelihood".
#
# **Exercise 13.** Write `sum_squared_error(mu, data)` returning $\mathrm{SSE}(\mu)$.

# %% sum_squared_error
def sum_squared_error(mu, data):
    """The sum over `data` of the squared errors (x_i - mu)^2."""
    ### BEGIN SOLUTION
    return np.sum((data - mu) ** 2)
    ### END SOLUTION


# %% [markdown]
# ## 14. Mergeable statistics
#
# A mean and a variance over a billion rows are not computed in one pass over one array: the
# data arrive in chunks, on many machines. Each chunk keeps a small summary — its count $n$,
# its mean $\bar x$ and $M_2 = \sum_i (x_i - \bar x)^2$, the sum of squared deviations from its
# own mean (the variance is $M_2 / n$, or $M_2 / (n - 1)$ for the sample variance) — and
# summaries are merged.
#
# Merging two summaries $a$ and $b$ with $\delta = \bar x_b - \bar x_a$ and $n = n_a + n_b$:
#
# $$\bar x = \bar x_a + \delta \, \frac{n_b}{n}, \qquad
# M_2 = M_{2,a} + M_{2,b} + \delta^2 \, \frac{n_a n_b}{n} .$$
#
# The last term is the one that is easy to forget: each $M_2$ measures deviations from its
# own sample's mean, and the two means differ. This form (Chan, Golub and LeVeque's parallel
# algorithm) is also numerically stable: computing $\sum x^2 - n \bar x^2$ instead cancels
# catastrophically when the values are large and their spread small. An empty sample is
# $(0, 0, 0)$, and merging two empty samples must give an empty one, not a division by zero.
#
# **Exercise 14.** Write `merge_moments(a, b)` that takes two summaries `(count, mean, M2)` and
# returns the summary `(count, mean, M2)` of the union of the two samples. The count is an
# `int`.

# %% merge_moments
def merge_moments(a, b):
    """The (count, mean, M2) of the union of two samples summarised as (count, mean, M2)."""
    ### BEGIN SOLUTION
    n_a, mean_a, m2_a = a
    n_b, mean_b, m2_b = b
    n = n_a + n_b
    if n == 0:
        return 0, 0.0, 0.0
    delta = mean_b - mean_a
    mean = mean_a + delta * n_b / n
    m2 = m2_a + m2_b + delta**2 * n_a * n_b / n
    return n, mean, m2
    ### END SOLUTION


# %% [markdown]
# ## 15. The KL divergence of two Gaussians
#
# For densities the divergence is an integral, $D_{\mathrm{KL}}(p \,\|\, q) = \int p(x) \ln
# \frac{p(x)}{q(x)} \, dx$, and for two Gaussians it has a closed form. With
# $p = \mathcal N(\mu_1, \sigma_1^2)$ and $q = \mathcal N(\mu_2, \sigma_2^2)$,
#
# $$D_{\mathrm{KL}}(p \,\|\, q) = \ln \frac{\sigma_2}{\sigma_1}
# + \frac{\sigma_1^2 + (\mu_1 - \mu_2)^2}{2 \sigma_2^2} - \frac12 .$$
#
# (Write $\ln p - \ln q$ out and take the expectation under $p$: $E[(x - \mu_1)^2] =
# \sigma_1^2$ and $E[(x - \mu_2)^2] = \sigma_1^2 + (\mu_1 - \mu_2)^2$.) It is the regulariser
# of every variational autoencoder, where $q = \mathcal N(0, 1)$. Note the arguments are
# standard deviations, not variances.
#
# **Exercise 15.** Write `gaussian_kl(mu1, sigma1, mu2, sigma2)` returning
# $D_{\mathrm{KL}}(\mathcal N(\mu_1, \sigma_1^2) \,\|\, \mathcal N(\mu_2, \sigma_2^2))$ in nats.

# %% gaussian_kl
def gaussian_kl(mu1, sigma1, mu2, sigma2):
    """KL(N(mu1, sigma1^2) || N(mu2, sigma2^2)) in nats; sigma1, sigma2 > 0 are std devs."""
    ### BEGIN SOLUTION
    return (np.log(sigma2 / sigma1) + (sigma1**2 + (mu1 - mu2) ** 2) / (2 * sigma2**2)
            - 0.5)
    ### END SOLUTION


# %% [markdown]
# ## 16. The same divergence, symbolically
#
# SymPy can hold the closed form of section 15 as a formula, to differentiate it (how does
# the divergence change as $\sigma_1$ shrinks?) or to check it against an integral.
#
# **Exercise 16.** Write `gaussian_kl_formula(mu1, sigma1, mu2, sigma2)` that takes four SymPy
# symbols (the means real, the standard deviations positive) and returns
# $D_{\mathrm{KL}}(\mathcal N(\mu_1, \sigma_1^2) \,\|\, \mathcal N(\mu_2, \sigma_2^2))$ as a
# SymPy expression in them. Any equivalent form is fine (for instance
# $\tfrac12 \ln(\sigma_2^2 / \sigma_1^2)$ for the log term).
#
# Explore: `sp.diff(gaussian_kl_formula(*syms), syms[1])` — where is it zero?

# %% gaussian_kl_formula
def gaussian_kl_formula(mu1, sigma1, mu2, sigma2):
    """KL(N(mu1, sigma1^2) || N(mu2, sigma2^2)) as a sympy expression in the four symbols."""
    ### BEGIN SOLUTION
    return (sp.log(sigma2 / sigma1) + (sigma1**2 + (mu1 - mu2) ** 2) / (2 * sigma2**2)
            - sp.Rational(1, 2))
    ### END SOLUTION


# %% [markdown]
# ## 17. Maximum likelihood for a coin
#
# You toss a coin $n$ times and see $k$ heads. Which probability of heads $\theta$ makes this
# most likely? The likelihood is $L(\theta) = \theta^k (1 - \theta)^{n - k}$ (times a binomial
# coefficient that does not depend on $\theta$). Its logarithm has the same maximiser and is
# easier to differentiate:
#
# $$\ln L(\theta) = k \ln \theta + (n - k) \ln (1 - \theta), \qquad
# \frac{d}{d\theta} \ln L = \frac{k}{\theta} - \frac{n - k}{1 - \theta} .$$
#
# This is the same computation as sections 12–13: the maximum-likelihood estimate minimises
# the total surprise of the data.
#
# **Exercise 17.** Write `bernoulli_mle(k, n)` that takes positive SymPy symbols `k` and `n`
# ($0 < k < n$) and returns the maximiser $\hat\theta$ as a SymPy expression. You may find it by
# hand or let SymPy do the work with `sp.diff` and `sp.solve` (which returns a *list* of
# solutions).

# %% bernoulli_mle
def bernoulli_mle(k, n):
    """The theta maximising theta**k * (1 - theta)**(n - k), for sympy symbols k and n."""
    ### BEGIN SOLUTION
    theta = sp.Symbol("theta", positive=True)
    log_likelihood = k * sp.log(theta) + (n - k) * sp.log(1 - theta)
    (best,) = sp.solve(sp.diff(log_likelihood, theta), theta)
    return best
    ### END SOLUTION


# %% [markdown]
# ## 18. The gradient of the logistic loss
#
# Logistic regression predicts $\hat p = \sigma(z) = 1 / (1 + e^{-z})$ from a score $z$ and pays
# the binary cross-entropy of section 8 for the label $y$:
#
# $$\ell(z) = -\big[ y \ln \sigma(z) + (1 - y) \ln (1 - \sigma(z)) \big] .$$
#
# Training needs $d\ell / dz$. The chain rule gives $\frac{d\ell}{d\hat p} \cdot
# \frac{d\hat p}{dz}$ with $\sigma'(z) = \sigma(z)(1 - \sigma(z))$, and almost everything
# cancels, leaving the famous
#
# $$\frac{d\ell}{dz} = \sigma(z) - y ,$$
#
# the prediction's error. (Softmax with cross-entropy gives the same pattern: softmax minus the
# one-hot label.)
#
# **Exercise 18.** Write `logistic_loss_derivative(z, y)` that takes real SymPy symbols `z` and
# `y` and returns $d\ell/dz$ as a SymPy expression. Deriving it with `sp.diff` is fine; so is
# any equivalent form.

# %% logistic_loss_derivative
def logistic_loss_derivative(z, y):
    """d/dz of -[y ln sigmoid(z) + (1 - y) ln(1 - sigmoid(z))], for sympy symbols z and y."""
    ### BEGIN SOLUTION
    return 1 / (1 + sp.exp(-z)) - y
    ### END SOLUTION


# %% [markdown]
# ## 19. Change of variables: the idea behind normalizing flows
#
# A *normalizing flow* builds a complicated density by pushing a simple one through an
# invertible map: draw $x \sim \mathcal N(0, I_d)$, output $y = f(x)$. To *evaluate* the
# density of $y$ (for maximum-likelihood training), invert the map and correct for how it
# stretches space:
#
# $$\ln p_Y(y) = \ln p_X\big(f^{-1}(y)\big) - \ln \big| \det J_f\big(f^{-1}(y)\big) \big| .$$
#
# Stretching a region makes it bigger, so the same probability is spread thinner: the density
# goes *down* by the volume factor. The simplest flow is elementwise affine,
# $y = \text{scale} \odot x + \text{shift}$, with inverse $x = (y - \text{shift}) / \text{scale}$
# and a diagonal Jacobian, so $\ln |\det J| = \sum_i \ln |\text{scale}_i|$. A negative scale
# flips an axis; its volume factor is still $|\text{scale}_i|$. Real flows (RealNVP, Glow)
# stack many such layers whose scale and shift are computed by neural networks.
#
# **Exercise 19.** Write `affine_flow_log_density(y, scale, shift)` returning $\ln p_Y(y)$ for a
# point `y` in $\mathbb{R}^d$ (1-D arrays `y`, `scale`, `shift` of length $d$, every
# `scale[i]` nonzero) when $x \sim \mathcal N(0, I_d)$, whose log-density is
# $\sum_i \big(-\tfrac12 x_i^2 - \tfrac12 \ln 2\pi\big)$.

# %% affine_flow_log_density
def affine_flow_log_density(y, scale, shift):
    """ln p_Y(y) for y = scale * x + shift (elementwise), x ~ N(0, I); a single number."""
    ### BEGIN SOLUTION
    x = (y - shift) / scale
    log_base = np.sum(-0.5 * x**2 - 0.5 * np.log(2 * np.pi))
    return log_base - np.sum(np.log(np.abs(scale)))
    ### END SOLUTION


# %% [markdown]
# ## 20. The variance of a random estimator
#
# An *estimator* can be right on average and still useless if it is too noisy. An example from
# training networks without backpropagation: with one forward-mode derivative you can compute
# a directional derivative $g \cdot v$ of the loss for a random direction $v \sim \mathcal N(0,
# I_n)$ (here $g$ is the true gradient), and use
#
# $$\hat g = (g \cdot v)\, v$$
#
# as a *forward gradient*. It is unbiased, $E[\hat g] = E[v v^\top] g = g$, but each entry is
# noisy. With $E[v_i^2] = 1$ and $E[v_i^4] = 3$,
# $E[\hat g_i^2] = E[(g \cdot v)^2 v_i^2] = \lVert g \rVert^2 + 2 g_i^2$, so
#
# $$\operatorname{Var}[\hat g_i] = E[\hat g_i^2] - (E[\hat g_i])^2 = \lVert g \rVert^2 + g_i^2 .$$
#
# Every entry carries noise from the *whole* gradient: in a million-parameter model the noise
# on each entry is about a million times the signal, which is why such estimators need many
# directions (or tricks) to be useful.
#
# **Exercise 20.** Write `forward_gradient_variance(grad)` returning the array of per-entry
# variances $\operatorname{Var}[\hat g_i]$ for the gradient `grad` (a 1-D array).

# %% forward_gradient_variance
def forward_gradient_variance(grad):
    """Per-entry variance of (grad . v) v for v ~ N(0, I): ||grad||^2 + grad_i^2."""
    ### BEGIN SOLUTION
    return np.sum(grad**2) + grad**2
    ### END SOLUTION


# %% [markdown]
# ### Picture: measuring the variance
#
# A simulation agrees with the formula: 20 000 random directions for a gradient in
# $\mathbb{R}^{10}$, the empirical variance of each entry of $\hat g$, and
# $\lVert g \rVert^2 + g_i^2$.

# %% picture forward-gradient-simulation
import matplotlib.pyplot as plt

rng = np.random.default_rng(0)
g = rng.standard_normal(10)
v = rng.standard_normal((20_000, g.size))
estimates = (v @ g)[:, None] * v
plt.figure(figsize=(6, 3))
plt.bar(range(g.size), estimates.var(axis=0), label="simulated variance")
plt.plot(range(g.size), np.sum(g**2) + g**2, "ko", label="||g||^2 + g_i^2")
plt.plot(range(g.size), g**2, "r_", markersize=15, label="g_i^2 (signal)")
plt.xlabel("entry i")
plt.legend(fontsize=8)
plt.show()


# %% [markdown]
# ## 21. Where did the distribution shift?
#
# A model trained on data $p(x, y)$ (inputs $x$, labels $y$) is deployed where the data follow
# $q(x, y)$. Did the *inputs* change (covariate shift: $p(x) \ne q(x)$), or the *relation*
# between inputs and labels (concept shift: $p(y \mid x) \ne q(y \mid x)$)? The chain rule of
# the KL divergence splits the total shift exactly into these two parts:
#
# $$D_{\mathrm{KL}}\big(p(x, y) \,\|\, q(x, y)\big)
# = \underbrace{D_{\mathrm{KL}}\big(p(x) \,\|\, q(x)\big)}_{\text{marginal}}
# + \underbrace{\sum_x p(x)\, D_{\mathrm{KL}}\big(p(y \mid x) \,\|\, q(y \mid x)\big)}
# _{\text{conditional}} .$$
#
# (Write $p(x, y) = p(x) p(y \mid x)$, the same for $q$, and split the logarithm.) Both parts
# are $\ge 0$. Here a joint pmf is a 2-D array whose rows are indexed by $x$ and columns by
# $y$, so $p(x)$ is the row sums and $p(y \mid x)$ is row $x$ divided by its sum. Rows with
# $p(x) = 0$ get weight 0, and as always zero entries of $p$ contribute 0.
#
# **Exercise 21.** Write `shift_decomposition(p_joint, q_joint)` returning the tuple
# `(marginal, conditional)` for a joint pmf `p_joint` (zeros allowed) and a strictly positive
# joint pmf `q_joint` of the same shape.

# %% shift_decomposition
def shift_decomposition(p_joint, q_joint):
    """(KL(p(x) || q(x)), sum_x p(x) KL(p(y|x) || q(y|x))) for joint pmfs with rows x."""
    ### BEGIN SOLUTION
    p_x, q_x = p_joint.sum(axis=1), q_joint.sum(axis=1)
    seen = p_x > 0
    marginal = np.sum(p_x[seen] * np.log(p_x[seen] / q_x[seen]))
    conditional = 0.0
    for i in np.flatnonzero(seen):
        p_y, q_y = p_joint[i] / p_x[i], q_joint[i] / q_x[i]
        keep = p_y > 0
        conditional += p_x[i] * np.sum(p_y[keep] * np.log(p_y[keep] / q_y[keep]))
    return marginal, conditional
    ### END SOLUTION

# %% where-next [markdown]
# ## Where next
#
# These few functions carry a long way: logistic regression and every softmax classifier
# minimise `softmax_crossentropy(logits, label)` (two classes: `binary_crossentropy`),
# variational autoencoders minimise a `divergence`, the original GANs a `js_divergence`, and
# decision trees split data where the `entropy` drops the most.
