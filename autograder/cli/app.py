"""The `mathgrade` command line: thin adapters over grade(), build(), release(), verify()
and doctor().

Each verb parses its options, calls the library, and prints. Errors a user can cause (an
unknown assignment, a missing path, an unwritable output) end with one line on stderr and
exit code 2, before anything is written.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn
from rich.table import Table

from autograder.batch.collect import collect_submissions
from autograder.course import Course
from autograder.errors import UsageError
from autograder.worker.sandbox import SandboxLimits

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Grade math-for-ML notebooks in a sandbox with hidden pytest suites.",
)
# Logs and pipes get a table wide enough to read; a terminal keeps its own width.
console = Console(width=None if sys.stdout.isatty() else 120)
errors = Console(stderr=True)


def _fail(message: str) -> None:
    errors.print(f"mathgrade: error: {message}", markup=False, highlight=False)
    raise typer.Exit(2)


def _course(root: Path | None) -> Course:
    return Course(root.resolve()) if root else Course.find()


Root = Annotated[
    Path | None,
    typer.Option(help="Project root (holds course/); default: found upwards from here."),
]


@app.command()
def grade(
    assignment: Annotated[str, typer.Argument(help="Assignment name, e.g. probability.")],
    paths: Annotated[
        list[Path], typer.Argument(help="Notebooks, folders, or an nbgrader submitted/ tree.")
    ],
    json_out: Annotated[Path | None, typer.Option("--json", help="Write JSON here.")] = None,
    csv_out: Annotated[Path | None, typer.Option("--csv", help="Write CSV here.")] = None,
    workers: Annotated[int | None, typer.Option(
        min=1, help="Grader processes in parallel [default: one per 8 submissions, at most "
        "one per core].", show_default=False)] = None,
    timeout: Annotated[float, typer.Option(min=1, help="Wall seconds per submission.")] = 60.0,
    call_timeout: Annotated[
        float, typer.Option(min=0.1, help="Seconds per call into student code.")
    ] = 10.0,
    no_replay: Annotated[bool, typer.Option(
        "--no-replay", help="Generate every property test's examples anew instead of replaying "
        "recorded ones (slower; the same results).")] = False,
    root: Root = None,
) -> None:
    """Grade every submission found under PATHS and print a summary table."""
    from autograder.batch.sinks import check_writable, results_table, write_csv, write_json
    from autograder.grading.grade import grade as run_grade

    try:
        course = _course(root)
        course.require(assignment)
        for out in (json_out, csv_out):
            if out is not None:
                check_writable(out)
        total = len(collect_submissions(paths, assignment))
    except UsageError as exc:
        _fail(str(exc))
    limits = SandboxLimits(wall_seconds=timeout, call_seconds=min(call_timeout, timeout))
    with Progress(
        "[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
        TimeElapsedColumn(), console=console, transient=True,
    ) as bar:
        task = bar.add_task(f"grading {assignment}", total=total)
        results = run_grade(
            assignment, paths, course=course, limits=limits, workers=workers,
            progress=lambda n: bar.advance(task, n), replay=not no_replay,
        )
    console.print(results_table(results))
    if json_out is not None:
        write_json(results, json_out)
        console.print(f"wrote {json_out}")
    if csv_out is not None:
        write_csv(results, csv_out)
        console.print(f"wrote {csv_out}")


@app.command()
def verify(
    assignment: Annotated[str, typer.Argument(help="Assignment name, e.g. probability.")],
    root: Root = None,
) -> None:
    """Prove that the solution earns full marks and every known mistake is caught and named."""
    from autograder.authoring.verify import verify as run_verify

    try:
        checks = run_verify(assignment, course=_course(root))
    except UsageError as exc:
        _fail(str(exc))
    table = Table(title=f"mathgrade verify {assignment}")
    for column in ("subject", "claim", "result", "detail"):
        table.add_column(column, overflow="fold")
    failed = [c for c in checks if not c.passed]
    for check in checks:
        if not check.passed or len(checks) <= 80:
            mark = "[green]pass[/]" if check.passed else "[red]FAIL[/]"
            table.add_row(check.subject, check.claim, mark, check.detail[:300])
    console.print(table)
    console.print(f"verify {assignment}: {len(checks) - len(failed)} of {len(checks)} checks hold")
    if failed:
        raise typer.Exit(1)


@app.command()
def build(
    assignment: Annotated[str, typer.Argument(help="Assignment name, e.g. probability.")],
    root: Root = None,
) -> None:
    """Write solutions/ASSIGNMENT/ASSIGNMENT.ipynb from its text source ASSIGNMENT.py."""
    from autograder.authoring.notebook import build as run_build

    try:
        course = _course(root)
        course.require(assignment)
        path = run_build(assignment, course=course)
    except UsageError as exc:
        _fail(str(exc))
    console.print(f"built {path}")


@app.command()
def release(
    assignment: Annotated[str, typer.Argument(help="Assignment name, e.g. probability.")],
    root: Root = None,
) -> None:
    """Build the solution notebook, then generate the student release exercises/ASSIGNMENT/
    from solutions/ with nbgrader."""
    from autograder.authoring.notebook import build as run_build
    from autograder.authoring.release import release as run_release

    try:
        course = _course(root)
        course.require(assignment)
        console.print(f"built {run_build(assignment, course=course)}")
        folder = run_release(assignment, course=course)
    except UsageError as exc:
        _fail(str(exc))
    for path in sorted(folder.iterdir()):
        console.print(f"released {path}")


@app.command()
def doctor(root: Root = None) -> None:
    """Show which isolation mechanisms protect grading on this machine."""
    from autograder.cli.doctor import doctor as run_doctor

    try:
        course = _course(root)
    except UsageError:
        course = None
    findings, problems, spawn_ms = run_doctor(course)
    table = Table(title="mathgrade doctor: worker isolation on this machine")
    for column in ("mechanism", "active", "detail"):
        table.add_column(column, overflow="fold")
    for finding in findings:
        table.add_row(finding.mechanism, "[green]yes[/]" if finding.active else "[red]no[/]",
                      finding.detail)
    console.print(table)
    for problem in problems:
        console.print(f"[yellow]note:[/] {problem}")
    console.print(f"python {sys.version.split()[0]}; worker spawn {spawn_ms:.1f} ms")


if __name__ == "__main__":
    app()
