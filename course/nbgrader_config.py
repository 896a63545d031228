"""nbgrader configuration of this course (read by nbgrader run from course/, and by mathgrade).

The project root holds the nbgrader folders under the names DESIGN.md gives them:
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
# Instructor-only scripts next to a source notebook are never released.
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "build_*.py"]
c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}
