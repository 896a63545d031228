"""The package layout shows the trust boundary: what the worker side may import, and no circles."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import autograder

PACKAGE = Path(autograder.__file__).parent

# What each side may import of the package (besides itself).
ALLOWED = {
    "wire": {"wire"},
    "worker": {"wire", "worker"},
}


def modules() -> list[str]:
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def autograder_imports(path: Path) -> set[str]:
    """Every `autograder.*` module `path` imports, at any depth of the file."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("autograder")}
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("autograder"):
            found |= {f"{node.module}.{a.name}" if node.module == "autograder" else node.module
                      for a in node.names}
    return found


def test_worker_and_wire_import_nothing_of_the_grader():
    for side, allowed in ALLOWED.items():
        for path in sorted((PACKAGE / side).glob("*.py")):
            for name in autograder_imports(path):
                parts = name.split(".")
                assert len(parts) > 1 and parts[1] in allowed, (
                    f"{path.relative_to(PACKAGE.parent)} imports {name}: the {side} side may "
                    f"import only autograder.{{{', '.join(sorted(allowed))}}}"
                )


def test_the_fixtures_module_the_worker_imports_is_on_the_wire_side():
    from autograder.wire.values import FIXTURES_MODULE

    assert FIXTURES_MODULE.startswith("autograder.wire.")


def test_every_module_imports_alone_in_a_fresh_interpreter():
    # One interpreter that has imported nothing of the package forks a child per module,
    # so each import starts with none of autograder loaded (an import circle fails here).
    # The heavy third-party libraries are imported once, before forking, to save time.
    script = (
        "import importlib, os, sys\n"
        "import hypothesis, jupytext, matplotlib, nbformat, numpy, pytest, rich, scipy, sympy\n"
        "import typer\n"
        "assert not [m for m in sys.modules if m.startswith('autograder')]\n"
        "failed = []\n"
        "for name in sys.argv[1:]:\n"
        "    pid = os.fork()\n"
        "    if pid == 0:\n"
        "        try:\n"
        "            importlib.import_module(name)\n"
        "        except BaseException as e:\n"
        "            print(name, type(e).__name__, e, flush=True)\n"
        "            os._exit(1)\n"
        "        os._exit(0)\n"
        "    if os.waitpid(pid, 0)[1] != 0:\n"
        "        failed.append(name)\n"
        "sys.exit(1 if failed else 0)\n"
    )
    env = {**os.environ, "MPLBACKEND": "Agg"}
    done = subprocess.run([sys.executable, "-c", script, *modules()], capture_output=True,
                          text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_layout_test_sees_every_subpackage():
    assert {"autograder.wire", "autograder.worker", "autograder.grading", "autograder.suite",
            "autograder.batch", "autograder.authoring", "autograder.cli"} <= set(modules())
