"""The loop that runs inside a sandboxed worker: execute notebook cells, answer calls.

This module runs in the same process as student code, so nothing it sends can be trusted by
the grader (a notebook may patch this very module); it only has to be correct for honest
notebooks. The grader validates every reply with `autograder.wire` and enforces all
deadlines from outside. Requests and replies are JSON envelopes, one per framed message:

    {"op": "exec", "cell": 3, "source": "..."}
        -> {"ok": true} | {"ok": false, "kind": "raised", "error": "..."}
    {"op": "call", "name": "entropy", "args": <wire>, "kwargs": <wire>, "return_args": false}
    {"op": "call_handle", "handle": 2, "args": ..., "kwargs": ..., "return_args": false}
        -> {"ok": true, "value": <wire>[, "args_after": <wire>]}
         | {"ok": false, "kind": "missing|not_callable|raised|unencodable", "error": "..."}
"""

from __future__ import annotations

import builtins
import json
import os
import socket
import sys
import traceback
import types
from collections.abc import Callable
from typing import Any

from autograder import wire
from autograder.wire.framing import receive_message, send_message
from autograder.worker import sandbox

MAX_ERROR_CHARS = 500


def _describe_exception(exc: BaseException, *, in_cell: bool = False) -> str:
    """One line: the exception and where in the student's cells it happened."""
    try:
        # A SyntaxError's str() repeats the file and line, which `where` gives below.
        message = exc.msg if isinstance(exc, SyntaxError) else str(exc)
    except Exception:  # a hostile __str__ only hurts its own feedback
        message = "<unprintable>"
    text = f"{type(exc).__name__}: {message}" if message else type(exc).__name__
    where = ""
    if isinstance(exc, SyntaxError) and exc.filename and exc.filename.startswith("<cell"):
        cell, line = exc.filename[1:-1], exc.lineno
    else:
        frames = [
            f for f in traceback.extract_tb(exc.__traceback__) if f.filename.startswith("<cell")
        ]
        cell, line = (frames[-1].filename[1:-1], frames[-1].lineno) if frames else ("", None)
    if line is not None:
        where = f" (line {line})" if in_cell else f" ({cell}, line {line})"
    return (text[:MAX_ERROR_CHARS] + where).replace("\n", " ")


class Session:
    """The student's namespace and the callables they returned (kept here as handles)."""

    def __init__(self) -> None:
        main = types.ModuleType("__main__")
        main.__dict__["__builtins__"] = builtins
        sys.modules["__main__"] = main
        self.namespace = main.__dict__
        self.handles: dict[int, Callable] = {}

    def register(self, function: Callable) -> wire.Handle:
        handle_id = len(self.handles) + 1
        self.handles[handle_id] = function
        name = getattr(function, "__name__", "function")
        return wire.Handle(handle_id, f"<function {str(name)[:60]} returned by your code>")

    def exec_cell(self, request: dict) -> dict:
        try:
            code = compile(request["source"], f"<cell {request['cell']}>", "exec")
            exec(code, self.namespace)
        except BaseException as exc:  # the notebook goes on, as in Jupyter
            return {"ok": False, "kind": "raised", "error": _describe_exception(exc, in_cell=True)}
        return {"ok": True}

    def call(self, request: dict) -> dict:
        label = f"the result of {request.get('name', 'the function')}"
        if request["op"] == "call":
            name = request["name"]
            if name not in self.namespace:
                return {"ok": False, "kind": "missing", "error": name}
            function = self.namespace[name]
        else:
            function = self.handles.get(request["handle"])
        if not callable(function):
            return {"ok": False, "kind": "not_callable", "error": type(function).__name__}
        try:
            args = wire.from_data(request["args"], build_functions=True)
            kwargs = wire.from_data(request["kwargs"], build_functions=True)
        except wire.WireError as exc:
            return {"ok": False, "kind": "unencodable", "error": str(exc)}
        try:
            value = function(*args, **kwargs)
        except BaseException as exc:
            return {"ok": False, "kind": "raised", "error": _describe_exception(exc)}
        try:
            reply: dict[str, Any] = {
                "ok": True,
                "value": wire.to_data(value, register_callable=self.register, label=label),
            }
            if request.get("return_args"):
                # A function the grader passed in is not data to send back: None in its place.
                after = [None if isinstance(a, wire.SymbolicFunction | wire.NamedFunction) else a
                         for a in args]
                reply["args_after"] = wire.to_data(
                    after, register_callable=self.register, label="the arguments"
                )
        except wire.WireError as exc:
            return {"ok": False, "kind": "unencodable", "error": str(exc)}
        return reply


def _silence_output() -> None:
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    os.close(devnull)


def _write_support_files(files: dict[str, str]) -> None:
    for name, text in files.items():
        with open(os.path.basename(name), "w", encoding="utf-8") as handle:
            handle.write(text)


def serve(sock: socket.socket, spec: dict) -> None:
    """Enter the sandbox, then answer requests until the grader closes the socket."""
    isolation = sandbox.enter(spec)
    _write_support_files(spec.get("support_files", {}))
    sys.path.insert(0, os.getcwd())
    _silence_output()
    session = Session()
    max_bytes = int(spec.get("max_message_bytes", wire.MAX_BYTES))
    send_message(sock, json.dumps({"ok": True, "isolation": vars(isolation)}).encode())
    while True:
        try:
            request = json.loads(receive_message(sock, max_bytes=max_bytes))
        except Exception:
            return
        reply = session.exec_cell(request) if request["op"] == "exec" else session.call(request)
        try:
            payload = json.dumps(reply, allow_nan=False).encode()
        except (TypeError, ValueError) as exc:
            payload = json.dumps({"ok": False, "kind": "unencodable", "error": str(exc)}).encode()
        if len(payload) > max_bytes:
            payload = json.dumps(
                {"ok": False, "kind": "unencodable", "error": "the value is too large to grade"}
            ).encode()
        send_message(sock, payload)
