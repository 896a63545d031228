"""The outcome of grading one submission: the `Result` type every sink reads.

A `Result` holds only plain data (strings, numbers, lists, dicts), so that it can be
written as JSON, sent between grader processes and compared between regrades.
Timings are kept apart from the graded outcome (`timings`), because a regrade must give
byte-identical JSON while wall-clock times never repeat.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Status = Literal["ok", "error", "timeout"]


@dataclass
class ExerciseResult:
    """Score and feedback for one exercise (one hidden-suite file) of one submission."""

    score: float
    max_score: float
    feedback: list[str] = field(default_factory=list)
    misconception: str | None = None
    hint: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "score": self.score,
            "max_score": self.max_score,
            "feedback": list(self.feedback),
            "misconception": self.misconception,
            "hint": self.hint,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ExerciseResult:
        return cls(
            score=data["score"],
            max_score=data["max_score"],
            feedback=list(data.get("feedback", [])),
            misconception=data.get("misconception"),
            hint=data.get("hint"),
        )


@dataclass
class Result:
    """Everything the grader concluded about one submission."""

    submission: str
    student: str
    assignment: str
    status: Status = "ok"
    exercises: dict[str, ExerciseResult] = field(default_factory=dict)
    error: str | None = None
    notes: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)  # exercise -> seconds; not in JSON

    @property
    def score(self) -> float:
        return round(sum(e.score for e in self.exercises.values()), 6)

    @property
    def max_score(self) -> float:
        return round(sum(e.max_score for e in self.exercises.values()), 6)

    @property
    def slowest_exercise(self) -> tuple[str, float] | None:
        if not self.timings:
            return None
        name = max(self.timings, key=lambda k: (self.timings[k], k))
        return name, self.timings[name]

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: deterministic for a given submission and hidden suite."""
        return {
            "submission": self.submission,
            "student": self.student,
            "assignment": self.assignment,
            "status": self.status,
            "score": self.score,
            "max_score": self.max_score,
            "exercises": {name: self.exercises[name].to_dict() for name in sorted(self.exercises)},
            "error": self.error,
            "notes": list(self.notes),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], timings: dict[str, float] | None = None) -> Result:
        return cls(
            submission=data["submission"],
            student=data["student"],
            assignment=data["assignment"],
            status=data["status"],
            exercises={k: ExerciseResult.from_dict(v) for k, v in data["exercises"].items()},
            error=data.get("error"),
            notes=list(data.get("notes", [])),
            timings=dict(timings or {}),
        )
