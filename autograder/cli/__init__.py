"""The `mathgrade` command line (`app`), a thin layer over the library."""

from autograder.cli.app import app

__all__ = ["app"]
