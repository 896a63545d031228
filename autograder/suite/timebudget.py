"""Wall-clock time budgets for work the grader does itself (sympy calls, comparisons).

Student code runs in a worker with hard OS limits; this module is for the *grader's* own
work that may be slow on hostile input, e.g. `sympy.simplify` of a 5000-term expression.

    with time_budget(2.0):
        sympy.simplify(expr)          # raises BudgetExceeded after ~2 s

`time_budget` arms `ITIMER_REAL`, and the `SIGALRM` handler raises `BudgetExceeded` in the
main thread. Rules:

- `BudgetExceeded` derives from `BaseException`, so library code's `except Exception`
  cannot swallow it.
- Budgets nest: an inner budget never extends an outer one. If the outer deadline comes
  first, the outer budget's exception is raised (check `exc.budget is my_budget`, or use
  `run_with_budget`, to tell your own timeout from an enclosing one).
- On exit the previous `SIGALRM` handler and timer are restored (the timer with the time
  spent inside deducted), so a budget inside e.g. pytest-timeout's signal mode is harmless.
- In a thread other than the main one (or without `setitimer`, e.g. Windows), signals cannot
  be used: the budget is *not enforced* (`budget.enforced` is False) and the block simply
  runs to completion.
- A signal is only handled between Python bytecodes: one long C-level call (a huge
  big-integer multiplication) finishes before the budget fires.
"""

from __future__ import annotations

import math
import signal
import threading
import time
from collections.abc import Callable
from types import TracebackType
from typing import Any, TypeVar

T = TypeVar("T")

__all__ = ["BudgetExceeded", "run_with_budget", "time_budget"]

_TINY = 1e-6  # seconds; used to re-arm an outer timer whose deadline already passed


class BudgetExceeded(BaseException):
    """The time budget `budget` ran out. A BaseException so `except Exception` won't catch it."""

    def __init__(self, budget: time_budget) -> None:
        super().__init__(f"time budget of {budget.seconds:g} s exceeded")
        self.budget = budget


class time_budget:  # noqa: N801 - used like a function: `with time_budget(2.0):`
    """Context manager: raise `BudgetExceeded` if the block runs longer than `seconds`.

    The instance is returned by `with ... as budget`; `budget.enforced` is False where the
    budget cannot be enforced (a non-main thread, or a platform without `setitimer`).
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = float(seconds)
        self.enforced = False
        self._previous_handler: Any = None
        self._previous_timer: tuple[float, float] = (0.0, 0.0)
        self._started = 0.0
        self._armed = False

    def _on_alarm(self, signum: int, frame: Any) -> None:
        raise BudgetExceeded(self)

    def __enter__(self) -> time_budget:
        if not _signals_usable():
            return self  # documented: no enforcement outside the main thread
        self._started = time.monotonic()
        self.enforced = True
        if self.seconds <= 0:
            raise BudgetExceeded(self)
        if math.isinf(self.seconds):
            return self
        old_mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        try:
            if signal.SIGALRM in signal.sigpending():
                return self  # an outer alarm is already due; let it fire on unmask
            outer_remaining, _ = signal.getitimer(signal.ITIMER_REAL)
            if 0 < outer_remaining <= self.seconds:
                return self  # the outer timer fires first; leave it alone
            self._previous_handler = signal.signal(signal.SIGALRM, self._on_alarm)
            self._previous_timer = signal.setitimer(signal.ITIMER_REAL, self.seconds)
            self._armed = True
        finally:
            try:
                signal.pthread_sigmask(signal.SIG_SETMASK, old_mask)
            except BaseException:
                self._disarm()  # an alarm delivered on unmask: leave no timer behind
                raise
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._disarm()

    def _disarm(self) -> None:
        """Stop our timer, restore the previous handler and re-arm the previous timer.

        Runs with SIGALRM blocked, so a late alarm of ours cannot fire half-way; such an
        alarm is consumed (the block finished anyway). An outer timer whose deadline passed
        meanwhile is re-armed with a tiny delay, so an outer budget always fires.
        """
        if not self._armed:
            return
        old_mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        try:
            signal.setitimer(signal.ITIMER_REAL, 0)
            self._armed = False
            handler = self._previous_handler
            signal.signal(signal.SIGALRM, handler if handler is not None else signal.SIG_DFL)
            if signal.SIGALRM in signal.sigpending():
                signal.sigwait({signal.SIGALRM})
            remaining, interval = self._previous_timer
            if remaining > 0:
                left = remaining - (time.monotonic() - self._started)
                signal.setitimer(signal.ITIMER_REAL, max(left, _TINY), interval)
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, old_mask)

    def remaining(self) -> float:
        """Seconds left in this budget (inf when it was never entered or is unbounded)."""
        if not self._started:
            return math.inf
        return self.seconds - (time.monotonic() - self._started)


def _signals_usable() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def run_with_budget(seconds: float, fn: Callable[[], T]) -> tuple[bool, T | None]:
    """Call `fn()` under `time_budget(seconds)`.

    Returns `(True, value)`, or `(False, None)` if *this* budget ran out. A timeout of an
    enclosing budget is re-raised, so an outer deadline is never swallowed.
    """
    budget = time_budget(seconds)
    try:
        with budget:
            return True, fn()
    except BudgetExceeded as exc:
        if exc.budget is not budget:
            raise
        return False, None
