"""Sandbox spec and helpers (the walls themselves are exercised in test_isolation.py)."""

from __future__ import annotations

import sys
from pathlib import Path

from autograder.worker.sandbox import SandboxLimits, _closed_ancestor, runtime_paths


def test_spec_is_plain_data_with_resolved_paths_and_a_uid_per_slot(tmp_path):
    limits = SandboxLimits(hidden_paths=(str(tmp_path / "a" / ".." / "b"),))
    spec = limits.spec(slot=3)
    assert spec["hidden_paths"] == [str((tmp_path / "b").resolve())]
    assert spec["uid"] == 61003
    assert spec["call_seconds"] == 10.0 and spec["wall_seconds"] == 60.0
    assert spec["memory_bytes"] == 2 * 2**30 and spec["write_bytes"] == 10 * 2**20


def test_runtime_paths_include_python_and_this_package():
    paths = runtime_paths()
    assert str(Path(sys.base_prefix).resolve()) in paths
    assert any((Path(p) / "autograder" / "worker" / "sandbox.py").is_file() for p in paths)


def test_closed_ancestor_finds_the_topmost_untraversable_folder(tmp_path):
    closed = tmp_path / "closed"
    inner = closed / "inner" / "deeper"
    inner.mkdir(parents=True)
    closed.chmod(0o700)
    try:
        found = _closed_ancestor(inner)
        assert found is not None and found in (closed, *closed.parents)
        assert _closed_ancestor(Path("/usr/lib")) is None
    finally:
        closed.chmod(0o755)
