"""The course author's tools: building the source notebook, releasing it with nbgrader, and
verifying that the grading is right."""
