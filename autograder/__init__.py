"""Sandboxed, pytest-driven autograder for math-for-ML notebooks."""

import sys

# nbformat imports jsonschema, whose optional format checkers import `rfc3987_syntax` when it
# is installed (Jupyter installs it); that module builds about 38 lark grammars at import,
# 1.2-1.9 s of every `mathgrade` start. The notebook schemas nbformat validates against use
# no string formats at all, so nothing is lost: jsonschema skips a checker whose import
# fails. A process that imported it already keeps it.
sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]
