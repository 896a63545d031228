"""What runs beside student code: the fork server, the sandbox and the worker loop.

Every module here imports only the standard library, numpy/scipy/sympy and `autograder.wire`
(a test keeps it so): nothing of the grader is reachable from a student's process.
"""
