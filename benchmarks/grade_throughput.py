"""Grading throughput: the demo batch repeated to N notebooks, graded with 1 and 2 workers.

Prints a table of notebooks/s, median and p95 milliseconds per submission (time spent in
the submission's hidden tests, worker start included), and the peak memory of the grader
plus its fork servers and workers (sum of proportional set sizes, sampled every 20 ms from a
separate process, so pages shared between forked workers are counted once).

    .venv/bin/python benchmarks/grade_throughput.py [--copies 14] [--assignment probability]
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from autograder.course import Course
from autograder.grading.grade import grade


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


def _sample(root: int, stop, peak) -> None:
    while not stop.wait(0.02):
        peak.value = max(peak.value, sum(_pss_bytes(p) for p in _tree(root)))


class PeakMemory:
    """Samples the summed PSS of a process tree from a separate process (no GIL contention)."""

    def __init__(self) -> None:
        context = multiprocessing.get_context("spawn")
        self._stop = context.Event()
        self._peak = context.Value("q", 0)
        self._sampler = context.Process(
            target=_sample, args=(os.getpid(), self._stop, self._peak), daemon=True
        )

    def start(self) -> None:
        self._sampler.start()

    def stop(self) -> int:
        self._stop.set()
        self._sampler.join()
        return int(self._peak.value)


def make_batch(demo: Path, copies: int, into: Path) -> int:
    notebooks = sorted(demo.glob("*.ipynb"))
    for copy in range(copies):
        for notebook in notebooks:
            shutil.copy(notebook, into / f"{notebook.stem}-{copy:03d}.ipynb")
    return copies * len(notebooks)


def _p95(values: list[float]) -> float:
    return values[int(0.95 * (len(values) - 1))]


def measure(assignment: str, batch: Path, course: Course, workers: int) -> dict:
    memory = PeakMemory()
    memory.start()
    started = time.perf_counter()
    results = grade(assignment, [batch], course=course, workers=workers)
    elapsed = time.perf_counter() - started
    peak = memory.stop()
    per_submission = sorted(sum(r.timings.values()) * 1000 for r in results if r.timings)
    finished = sorted(
        sum(r.timings.values()) * 1000 for r in results if r.timings and r.status != "timeout"
    )
    return {
        "workers": workers,
        "notebooks": len(results),
        "seconds": elapsed,
        "per_s": len(results) / elapsed,
        "median_ms": statistics.median(per_submission),
        "p95_ms": _p95(per_submission),
        "p95_no_timeout_ms": _p95(finished),
        "peak_mib": peak / 2**20,
    }


def kernel_baseline(demo: Path, runs: int) -> list[float]:
    """Milliseconds to start a Jupyter kernel and run a correct notebook's cells with
    nbclient: what grading costs per notebook before any test when every notebook gets a
    kernel of its own (nbgrader autograde, Otter), for comparison with a forked worker."""
    import nbformat
    from nbclient import NotebookClient

    timings = []
    for _ in range(runs):
        notebook = nbformat.read(demo / "ada.ipynb", as_version=4)
        for cell in notebook.cells:  # the released check cells need files beside the notebook
            if cell.get("metadata", {}).get("nbgrader", {}).get("grade"):
                cell.source = ""
            cell.source = cell.source.replace("from public_checks import check", "")
        started = time.perf_counter()
        NotebookClient(notebook, timeout=60, kernel_name="python3").execute()
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--assignment", default="probability")
    parser.add_argument("--copies", type=int, default=14)
    parser.add_argument("--kernel-runs", type=int, default=10)
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parents[1])
    args = parser.parse_args()
    course = Course(args.root.resolve())
    with tempfile.TemporaryDirectory() as folder:
        batch = Path(folder)
        count = make_batch(course.root / "course" / "demo", args.copies, batch)
        rows = [measure(args.assignment, batch, course, workers) for workers in (1, 2)]
    print(f"grade_throughput: {count} notebooks ({args.assignment}, demo batch x{args.copies})")
    print(f"{'workers':>7} {'notebooks':>9} {'wall s':>8} {'nb/s':>7} {'median ms':>10} "
          f"{'p95 ms':>8} {'p95 ms*':>8} {'peak MiB':>9}")
    for row in rows:
        print(f"{row['workers']:>7} {row['notebooks']:>9} {row['seconds']:>8.1f} "
              f"{row['per_s']:>7.1f} {row['median_ms']:>10.1f} {row['p95_ms']:>8.1f} "
              f"{row['p95_no_timeout_ms']:>8.1f} {row['peak_mib']:>9.0f}")
    baseline = kernel_baseline(course.root / "course" / "demo", args.kernel_runs)
    print(f"kernel per notebook (nbclient, start + run cells of ada.ipynb, no tests): "
          f"median {statistics.median(baseline):.0f} ms over {len(baseline)} runs")
    print("p95 ms*: without the submissions that hit a time limit (the demo's endless loop "
          "costs its 10 s call timeout); peak MiB: summed PSS of grader, fork servers, workers")


if __name__ == "__main__":
    main()
