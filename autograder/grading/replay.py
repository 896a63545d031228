"""Replaying a property test's examples instead of generating them again for each notebook.

Every submission in a shard runs the same derandomized property tests with the same pinned
seed, so hypothesis generates the same examples for every submission that passes them, and
generating them costs more than the student's code does. So the first time a property test
passes, its examples are recorded; for later submissions they are replayed directly. If all
of them pass, the test has passed exactly as hypothesis would have judged it; as soon as one
fails, the test runs under hypothesis for real, which finds and shrinks the failure.

Tests that draw inside their body (`st.data()`) are never replayed: their examples are not
plain values.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis.errors import UnsatisfiedAssumption
from hypothesis.strategies import DataObject

NEVER = None  # marks a test whose examples cannot be replayed


class ExampleReplay:
    """Records the examples of passing property tests and replays them."""

    def __init__(self) -> None:
        self._inner: dict[Callable, Callable] = {}
        self._recording: dict[Callable, list[dict[str, Any]]] = {}
        self._examples: dict[Callable, list[dict[str, Any]] | None] = {}

    def install(self, item: pytest.Item) -> None:
        """Start recording the examples hypothesis passes to this item's test."""
        test = getattr(item, "obj", None)
        hypothesis_handle = getattr(test, "hypothesis", None)
        if hypothesis_handle is None or test in self._inner:
            return
        inner = hypothesis_handle.inner_test
        fixtures = set(item.fixturenames)
        self._inner[test] = inner

        @functools.wraps(inner)
        def recorder(*args: Any, **kwargs: Any) -> Any:
            if test not in self._examples:
                given = {k: v for k, v in kwargs.items() if k not in fixtures}
                self._recording.setdefault(test, []).append(copy.deepcopy(given))
            return inner(*args, **kwargs)

        # hypothesis documents `inner_test` as replaceable (pytest-trio wraps it the same way).
        hypothesis_handle.inner_test = recorder

    def finished(self, item: pytest.Item, passed: bool) -> None:
        """After a test ran for real: keep its examples if it passed."""
        test = getattr(item, "obj", None)
        recorded = self._recording.pop(test, None)
        if test not in self._inner or test in self._examples or recorded is None:
            return
        if passed:
            plain = not any(isinstance(v, DataObject) for ex in recorded for v in ex.values())
            self._examples[test] = recorded if plain else NEVER

    def replay(self, item: pytest.Function) -> bool:
        """Run the recorded examples; True if all passed (the test is done)."""
        test = item.obj
        examples = self._examples.get(test)
        if not examples:
            return False
        inner = self._inner[test]
        fixtures = {name: item.funcargs[name] for name in item._fixtureinfo.argnames}
        for example in examples:
            try:
                inner(**fixtures, **copy.deepcopy(example))
            except UnsatisfiedAssumption:
                continue
            except Exception:  # let hypothesis run for real: it finds and shrinks the failure
                return False
        return True
