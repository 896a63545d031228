"""Replaying a property test's examples instead of generating them again for each notebook.

Every submission in a shard runs the same derandomized property tests with the same pinned
seed, so hypothesis generates the same examples for every submission that passes them, and
generating them costs more than the student's code does. So the first time a property test
passes, its examples are recorded; for later submissions they are replayed directly. If all
of them pass, the test has passed exactly as hypothesis would have judged it; as soon as one
fails, the test runs under hypothesis for real, which finds and shrinks the failure.

Tests that draw inside their body (`st.data()`) are never replayed: their examples are not
plain values.

Recordings also outlive the process: `use_store(path)` reads those a previous run saved and
`save()` writes them back, encoded with the wire (plain JSON data, never pickle). The file's
name carries a hash of everything the examples depend on (`examples_key`), so a changed
suite, strategy or library version starts a new file instead of replaying stale examples.
`mathgrade verify`, which grades the solution, leaves every property test recorded; after it,
grading one notebook generates nothing.
"""

from __future__ import annotations

import copy
import functools
import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import hypothesis
import numpy as np
import pytest
import sympy
from hypothesis.errors import UnsatisfiedAssumption
from hypothesis.strategies import DataObject

from autograder import wire

NEVER = None  # marks a test whose examples cannot be replayed


def examples_key(files: Iterable[Path]) -> str:
    """A hash of what generated examples depend on: the suite files, this package's strategies
    and the versions of hypothesis, numpy and sympy."""
    from autograder.suite import strategies

    digest = hashlib.sha256()
    for version in (hypothesis.__version__, np.__version__, sympy.__version__):
        digest.update(version.encode() + b"\0")
    for path in [Path(strategies.__file__), *sorted(files)]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def _test_key(item: pytest.Item) -> str:
    """The test's name without its `student` parameter: the same for every submission."""
    return f"{Path(str(item.fspath)).name}::{getattr(item, 'originalname', item.name)}"


class ExampleReplay:
    """Records the examples of passing property tests and replays them."""

    def __init__(self) -> None:
        self._inner: dict[Callable, Callable] = {}
        self._recording: dict[Callable, list[dict[str, Any]]] = {}
        self._examples: dict[Callable, list[dict[str, Any]] | None] = {}
        self._keys: dict[Callable, str] = {}
        self._store: Path | None = None
        self._stored: dict[str, Any] = {}  # test key -> examples as wire data, from the file

    def use_store(self, path: Path | None) -> None:
        """Read recordings a previous run saved at `path` (if any), and save there later."""
        self._store = path
        self._stored = {}
        if path is not None and path.is_file():
            try:
                self._stored = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                self._stored = {}  # unreadable: generate again, and overwrite it

    def save(self) -> None:
        """Write every recording made or read so far to the store, atomically."""
        if self._store is None:
            return
        data = dict(self._stored)
        for test, examples in self._examples.items():
            key = self._keys.get(test)
            if key is None or not examples:
                continue
            try:
                data[key] = wire.to_data(examples)
            except wire.WireError:
                continue  # not plain data: this test is generated anew next time
        if data == self._stored:
            return
        self._store.parent.mkdir(parents=True, exist_ok=True)
        fd, scratch = tempfile.mkstemp(dir=self._store.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(data, out, sort_keys=True)
        os.replace(scratch, self._store)
        self._stored = data

    def install(self, item: pytest.Item) -> None:
        """Start recording the examples hypothesis passes to this item's test."""
        test = getattr(item, "obj", None)
        hypothesis_handle = getattr(test, "hypothesis", None)
        if hypothesis_handle is None or test in self._inner:
            return
        inner = hypothesis_handle.inner_test
        fixtures = set(item.fixturenames)
        self._inner[test] = inner
        self._keys[test] = key = _test_key(item)
        if key in self._stored and test not in self._examples:
            self._examples[test] = wire.from_data(self._stored[key], build_functions=True)

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
