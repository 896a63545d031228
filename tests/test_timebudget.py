"""Tests for autograder.suite.timebudget: budgets fire, nest, restore state, skip threads."""

from __future__ import annotations

import signal
import threading
import time

import pytest
import sympy

from autograder.suite.timebudget import BudgetExceeded, run_with_budget, time_budget


def _spin(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


@pytest.fixture(autouse=True)
def _no_timer_left_behind():
    yield
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_busy_loop_is_interrupted_on_time():
    start = time.monotonic()
    with pytest.raises(BudgetExceeded) as info, time_budget(0.2) as budget:
        _spin(5)
    assert info.value.budget is budget
    assert 0.15 < time.monotonic() - start < 0.7


def test_slow_sympy_call_is_interrupted_within_budget():
    x = sympy.Symbol("x")
    hard = sum(sympy.sin(x) ** i * sympy.cos(x) ** (40 - i) for i in range(40))
    start = time.monotonic()
    done, value = run_with_budget(0.5, lambda: sympy.simplify(hard))  # takes many seconds
    assert (done, value) == (False, None)
    assert time.monotonic() - start < 0.5 + 0.5


def test_fast_block_returns_normally():
    with time_budget(2.0) as budget:
        value = sum(range(1000))
    assert value == 499500
    assert budget.enforced
    assert run_with_budget(2.0, lambda: 42) == (True, 42)


def test_except_exception_cannot_swallow_the_timeout():
    def library_code() -> str:
        try:
            _spin(5)
        except Exception:  # what careless library code does
            return "swallowed"
        return "finished"

    start = time.monotonic()
    assert run_with_budget(0.2, library_code) == (False, None)
    assert time.monotonic() - start < 0.7


def test_zero_or_negative_budget_fires_immediately():
    assert run_with_budget(0, lambda: 1) == (False, None)
    assert run_with_budget(-1.0, lambda: 1) == (False, None)


def test_previous_handler_and_timer_are_restored():
    calls = []
    previous = signal.signal(signal.SIGALRM, lambda *_: calls.append("outer"))
    try:
        signal.setitimer(signal.ITIMER_REAL, 5.0)
        assert run_with_budget(0.1, lambda: _spin(2)) == (False, None)
        handler = signal.getsignal(signal.SIGALRM)
        remaining, _ = signal.getitimer(signal.ITIMER_REAL)
        assert handler is not None and handler.__name__ == "<lambda>"
        assert 4.0 < remaining < 5.0  # the time spent inside was deducted
        assert calls == []
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_inner_budget_cannot_extend_outer():
    start = time.monotonic()
    with pytest.raises(BudgetExceeded) as info, time_budget(0.2) as outer, time_budget(10.0):
        _spin(5)
    assert info.value.budget is outer
    assert time.monotonic() - start < 0.7


def test_run_with_budget_reraises_an_outer_timeout():
    start = time.monotonic()
    with pytest.raises(BudgetExceeded) as info, time_budget(0.2) as outer:
        run_with_budget(10.0, lambda: _spin(5))  # must not report the outer timeout as its own
    assert info.value.budget is outer
    assert time.monotonic() - start < 0.7


def test_shorter_inner_budget_fires_then_outer_still_fires():
    events = []
    start = time.monotonic()
    with pytest.raises(BudgetExceeded) as info, time_budget(0.6) as outer:
        done, _ = run_with_budget(0.1, lambda: _spin(5))
        events.append((done, time.monotonic() - start))
        _spin(5)
    assert info.value.budget is outer
    assert len(events) == 1 and events[0][0] is False and 0.05 < events[0][1] < 0.4
    assert 0.55 < time.monotonic() - start < 1.1


def test_outer_deadline_passing_inside_an_inner_block_fires_right_after_it():
    after_inner = []
    start = time.monotonic()
    with pytest.raises(BudgetExceeded) as info, time_budget(0.3) as outer:
        with time_budget(0.1):
            try:
                _spin(5)
            except BudgetExceeded:
                _spin(0.4)  # keeps running past the outer deadline (its timer is ours now)
        after_inner.append(time.monotonic() - start)
        _spin(5)
    assert info.value.budget is outer
    assert after_inner == [] or after_inner[0] < 0.6  # outer re-armed with a tiny delay
    assert time.monotonic() - start < 0.8


def test_not_enforced_outside_the_main_thread():
    outcome = {}

    def work() -> None:
        with time_budget(0.05) as budget:
            _spin(0.2)
        outcome["enforced"] = budget.enforced
        outcome["run"] = run_with_budget(0.05, lambda: "done")

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(5)
    assert outcome == {"enforced": False, "run": (True, "done")}


def test_remaining_counts_down():
    with time_budget(5.0) as budget:
        _spin(0.1)
        assert 4.0 < budget.remaining() < 4.95
    assert time_budget(1.0).remaining() == float("inf")
