"""One notebook, end to end: `mathgrade grade probability <notebook>` as a user runs it.

Times the whole command (interpreter start, imports, fork server, grading, output) for a
correct, a wrong and an untouched notebook of the demo batch: one warm-up run each (which
also records the property tests' examples in course/.cache when the notebook passes them),
then `--runs` timed runs; prints min, median and max wall seconds.

    .venv/bin/python benchmarks/one_notebook.py [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = {"ada": "correct", "fermat": "one exercise wrong", "riemann": "untouched release"}


def wall_seconds(notebook: Path) -> float:
    command = [str(Path(sys.executable).parent / "mathgrade"), "grade", "probability",
               str(notebook), "--root", str(ROOT)]
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(f"one_notebook: `mathgrade grade probability <notebook>`, {args.runs} runs after "
          "a warm-up")
    print(f"{'notebook':<10} {'kind':<20} {'min s':>7} {'median s':>9} {'max s':>7}")
    for name, kind in NOTEBOOKS.items():
        notebook = ROOT / "course" / "demo" / f"{name}.ipynb"
        wall_seconds(notebook)
        times = [wall_seconds(notebook) for _ in range(args.runs)]
        print(f"{name:<10} {kind:<20} {min(times):7.2f} {statistics.median(times):9.2f} "
              f"{max(times):7.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
