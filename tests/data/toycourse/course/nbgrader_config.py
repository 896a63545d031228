"""nbgrader configuration of this course (read by nbgrader run from course/, and by mathgrade).

The project root holds the nbgrader folders under the names docs/architecture.md gives them:
solutions/ is nbgrader's source, exercises/ its release; submissions, autograded copies,
feedback and the gradebook live under course/ and are git-ignored.
"""

from pathlib import Path

c = get_config()  # noqa: F821 - provided by traitlets when nbgrader loads this file

ROOT = Path(__file__).resolve().parent.parent
c.CourseDirectory.root = str(ROOT)
c.CourseDirectory.course_id = "math4ml"
c.CourseDirectory.source_directory = "solutions"
c.CourseDirectory.release_directory = "exercises"
c.CourseDirectory.submitted_directory = "course/submitted"
c.CourseDirectory.autograded_directory = "course/autograded"
c.CourseDirectory.feedback_directory = "course/feedback"
c.CourseDirectory.db_url = f"sqlite:///{ROOT / 'course' / 'gradebook.db'}"
c.Exchange.root = str(ROOT / "course" / "exchange")
# Never released: an assignment's text source solutions/<a>/<a>.py (it holds the solutions).
SOURCES = sorted(f"{p.name}.py" for p in (ROOT / "solutions").iterdir() if p.is_dir())
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", *SOURCES]
c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}
