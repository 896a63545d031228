"""Grading throughput: the demo batch repeated to N notebooks, graded with 1 and 2 workers.

Prints a table of notebooks/s, median and p95 milliseconds per submission (time spent in
the submission's hidden tests, worker start included), and the peak memory of the grader
plus its fork servers and workers (sum of proportional set sizes, sampled every 10 ms, so
pages shared between forked workers are counted once).

    .venv/bin/python benchmarks/grade_throughput.py [--copies 16] [--assignment probability]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import threading
import time
from pathlib import Path

from autograder.course import Course
from autograder.grade import grade


def _tree(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def _pss_bytes(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


class PeakMemory(threading.Thread):
    """Samples the summed PSS of this process and all its descendants."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak = 0
        self._stop_event = threading.Event()

    def run(self) -> None:
        import os

        while not self._stop_event.wait(0.01):
            self.peak = max(self.peak, sum(_pss_bytes(p) for p in _tree(os.getpid())))

    def stop(self) -> int:
        self._stop_event.set()
        self.join()
        return self.peak


def make_batch(demo: Path, copies: int, into: Path) -> int:
    notebooks = sorted(demo.glob("*.ipynb"))
    for copy in range(copies):
        for notebook in notebooks:
            shutil.copy(notebook, into / f"{notebook.stem}-{copy:03d}.ipynb")
    return copies * len(notebooks)


def measure(assignment: str, batch: Path, course: Course, workers: int) -> dict:
    memory = PeakMemory()
    memory.start()
    started = time.perf_counter()
    results = grade(assignment, [batch], course=course, workers=workers)
    elapsed = time.perf_counter() - started
    peak = memory.stop()
    per_submission = sorted(sum(r.timings.values()) * 1000 for r in results if r.timings)
    p95 = per_submission[int(0.95 * (len(per_submission) - 1))]
    return {
        "workers": workers,
        "notebooks": len(results),
        "seconds": elapsed,
        "per_s": len(results) / elapsed,
        "median_ms": statistics.median(per_submission),
        "p95_ms": p95,
        "peak_mib": peak / 2**20,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--assignment", default="probability")
    parser.add_argument("--copies", type=int, default=16)
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parents[1])
    args = parser.parse_args()
    course = Course(args.root.resolve())
    with tempfile.TemporaryDirectory() as folder:
        batch = Path(folder)
        count = make_batch(course.root / "course" / "demo", args.copies, batch)
        rows = [measure(args.assignment, batch, course, workers) for workers in (1, 2)]
    print(f"grade_throughput: {count} notebooks ({args.assignment}, demo batch x{args.copies})")
    print(f"{'workers':>7} {'notebooks':>9} {'wall s':>8} {'nb/s':>7} {'median ms':>10} "
          f"{'p95 ms':>8} {'peak MiB':>9}")
    for row in rows:
        print(f"{row['workers']:>7} {row['notebooks']:>9} {row['seconds']:>8.1f} "
              f"{row['per_s']:>7.1f} {row['median_ms']:>10.1f} {row['p95_ms']:>8.1f} "
              f"{row['peak_mib']:>9.0f}")


if __name__ == "__main__":
    main()
