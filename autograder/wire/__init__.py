"""The wire: values crossing between the grader and a student's worker, as data only.

Both sides of the trust boundary import this package, and it imports nothing else of
`autograder`. `encode` (`to_data`, `dumps`) runs in the worker, `decode` (`from_data`,
`loads`) is the grader's security boundary, `sympy_tree` carries sympy expressions,
`framing` delimits messages on the socket, and `fixtures` lists the named functions the
grader may pass to student code.
"""

from autograder.wire.decode import from_data, loads, parse_json
from autograder.wire.encode import dumps, to_data
from autograder.wire.values import (
    MAX_BYTES,
    Handle,
    NamedFunction,
    SymbolicFunction,
    WireError,
    WireLimits,
)

__all__ = [
    "MAX_BYTES", "Handle", "NamedFunction", "SymbolicFunction", "WireError", "WireLimits",
    "dumps", "from_data", "loads", "parse_json", "to_data",
]
