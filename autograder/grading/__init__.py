"""The grader's side of one submission: workers, the run, the `student` proxy, the suite plugin,
replayed examples, naming misconceptions, and `grade()` over a batch."""
