"""A pre-warmed server that forks one sandboxed worker per submission.

Started once per grader process (`python -m autograder.worker.forkserver FD`). It imports numpy,
scipy and sympy and exercises them once, because sympy loads much of itself lazily and a
child that pays for that costs ~60 ms instead of ~13 ms. Then, for each request on the
control socket (a JSON sandbox spec plus one end of a fresh socket pair passed with
SCM_RIGHTS on a SOCK_SEQPACKET socket, so one request is one message), it forks; the
child enters the sandbox and serves the grader on that socket, the server replies with the
child's pid. Children are reaped automatically (SIGCHLD ignored); the grader kills them
through a pidfd, so a recycled pid is never signalled.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import sys

MAX_SPEC_BYTES = 1 << 22


def warm_up() -> None:
    """Import and exercise what student code and the worker loop will need."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot  # noqa: F401  (notebooks plot; importing it costs ~0.3 s)
    import numpy as np
    import scipy.linalg  # noqa: F401
    import scipy.special  # noqa: F401
    import scipy.stats  # noqa: F401  (pulls in scipy.optimize and scipy.integrate)
    import sympy as sp

    from autograder import wire
    from autograder.worker import loop as worker_loop  # noqa: F401

    x = sp.Symbol("x")
    expr = sp.simplify(sp.diff(sp.log(1 + sp.exp(-x)), x) + sp.sin(x) ** 2 + sp.cos(x) ** 2)
    sp.lambdify(x, expr, "numpy")(np.linspace(0.0, 1.0, 3))
    sp.series(sp.exp(x), x, 0, 3)
    np.linalg.svd(np.eye(3))
    wire.to_data([np.zeros(2), expr, (1, 2.0)])


def _child(sock: socket.socket, spec: dict) -> None:
    from autograder.worker import loop as worker_loop

    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    code = 0
    try:
        worker_loop.serve(sock, spec)
    except BaseException:
        code = 70
    os._exit(code)


def serve(control: socket.socket) -> None:
    """Fork a worker for every request until the grader closes the control socket."""
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)
    control.send(b'{"ready": true}')
    while True:
        try:
            message, fds, _flags, _addr = socket.recv_fds(control, MAX_SPEC_BYTES, 1)
        except OSError:
            return
        if not message:
            return
        spec = json.loads(message)
        channel = socket.socket(fileno=fds[0])
        pid = os.fork()
        if pid == 0:
            control.close()
            _child(channel, spec)
        channel.close()
        control.send(json.dumps({"pid": pid}).encode())


def main() -> None:
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    control = socket.socket(fileno=int(sys.argv[1]))
    from autograder.worker.sandbox import die_with_parent

    die_with_parent()  # a fork server outliving its grader would serve no one
    warm_up()
    serve(control)


if __name__ == "__main__":
    main()
