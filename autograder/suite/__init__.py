"""What hidden suites import: comparisons, grading policies, symbolic equivalence, strategies,
time budgets, and the `mistake` / `alternative` markers. This is the instructors' API."""
