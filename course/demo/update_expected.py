"""Pin what the demo batch scores now: one command after a change to the probability suites.

    make expected        (or: .venv/bin/python course/demo/update_expected.py)

Grades `course/demo` as `tests/test_demo_batch.py` does and writes what it pins to
`course/demo/expected.json` (each notebook's status, and the score and named misconception
of every exercise below full marks), then rewrites the generated parts of
`course/demo/EXPECTED.md`: the maximum points per exercise and, in the table, each
notebook's total, status and per-exercise column. The hand-written "why" column is kept.
Review the diff before committing it: a changed score is either the point of the change or
a regression.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
EXPECTED_JSON = HERE / "expected.json"
EXPECTED_MD = HERE / "EXPECTED.md"
CALL_SECONDS = 2.0  # the euler notebook hangs: any timeout gives the same scores


def pinned(results: list) -> dict:
    """The expectations a grading gives: maximum points, and per student what is not full."""
    maximum = {name: int(e.max_score) for name, e in results[0].exercises.items()}
    students = {}
    for result in sorted(results, key=lambda r: r.student):
        below = {name: [e.score, e.misconception] for name, e in result.exercises.items()
                 if e.score < e.max_score}
        students[result.student] = {"status": result.status, "below_full": below}
    return {"max": maximum, "students": students}


def _number(x: float) -> str:
    return f"{x:g}"


def _per_exercise(entry: dict, maximum: dict) -> str:
    below = entry["below_full"]
    if not below:
        return "all full"
    if len(below) == len(maximum) and all(s == 0 for s, _ in below.values()):
        named = any(m for _, m in below.values())
        return "all 0" + ("" if named else ", no misconception")
    parts = [f"{name} **{_number(score)}/{maximum[name]}** "
             + (f"`{misconception}`" if misconception else "(no misconception)")
             for name, (score, misconception) in below.items()]
    return "; ".join(parts) + "; rest full"


def rewrite_markdown(text: str, expected: dict) -> str:
    """EXPECTED.md with its generated parts made from `expected`."""
    maximum = expected["max"]
    total = sum(maximum.values())
    listing = ", ".join(f"{name} {points}" for name, points in maximum.items())
    text = re.sub(r"(hidden suites\):\n)(.*?)(; total \*\*\d+\*\*\.)",
                  lambda m: m.group(1) + _wrapped(listing) + f"; total **{total}**.",
                  text, count=1, flags=re.S)
    lines = []
    for line in text.splitlines():
        row = re.match(r"\| `(\w+)` \| [^|]+ \| [^|]+ \| [^|]+ \| (.*) \|$", line)
        if row and row.group(1) in expected["students"]:
            entry = expected["students"][row.group(1)]
            score = total - sum(maximum[n] - s for n, (s, _) in entry["below_full"].items())
            line = (f"| `{row.group(1)}` | {_number(score)}/{total} | {entry['status']} | "
                    f"{_per_exercise(entry, maximum)} | {row.group(2)} |")
        lines.append(line)
    return "\n".join(lines) + "\n"


def _wrapped(listing: str, width: int = 96) -> str:
    out, line = [], ""
    for word in listing.split(" "):
        if line and len(line) + 1 + len(word) > width:
            out.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return "\n".join([*out, line])


def main() -> int:
    from autograder.course import Course
    from autograder.grading.grade import grade
    from autograder.worker.sandbox import SandboxLimits

    results = grade("probability", [HERE], course=Course(ROOT),
                    limits=SandboxLimits(call_seconds=CALL_SECONDS))
    expected = pinned(results)
    EXPECTED_JSON.write_text(json.dumps(expected, indent=1) + "\n", encoding="utf-8")
    EXPECTED_MD.write_text(rewrite_markdown(EXPECTED_MD.read_text(encoding="utf-8"), expected),
                           encoding="utf-8")
    print(f"wrote {EXPECTED_JSON.relative_to(ROOT)} and {EXPECTED_MD.relative_to(ROOT)} "
          f"({len(results)} notebooks)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
