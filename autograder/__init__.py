"""Sandboxed, pytest-driven autograder for math-for-ML notebooks."""
