"""A batch in and out: collecting submissions, loading notebooks, results and their sinks."""
