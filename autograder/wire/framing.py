"""Framing for the grader <-> worker socket: length-prefixed messages with deadlines and caps.

Each message is a 4-byte big-endian length followed by that many bytes (a JSON document
produced by `autograder.wire`). The reading side is the grader, so reading is defensive:
a length over the cap, a short read, a closed socket or a missed deadline each raise a
distinct exception, and the stream is never trusted again after one of them.
"""

from __future__ import annotations

import socket
import struct
import time

HEADER = struct.Struct(">I")


class ChannelClosed(Exception):
    """The other side closed the socket (a worker that exited or was killed)."""


class ChannelTimeout(Exception):
    """No complete message arrived before the deadline."""


class MessageTooLarge(Exception):
    """The announced message length is over the cap."""


def send_message(sock: socket.socket, payload: bytes) -> None:
    """Send one framed message (blocking)."""
    sock.sendall(HEADER.pack(len(payload)) + payload)


def _read_exactly(sock: socket.socket, size: int, deadline: float | None) -> bytes:
    chunks: list[bytes] = []
    remaining = size
    while remaining:
        if deadline is not None:
            left = deadline - time.monotonic()
            if left <= 0:
                raise ChannelTimeout()
            sock.settimeout(left)
        else:
            sock.settimeout(None)
        try:
            chunk = sock.recv(min(remaining, 1 << 20))
        except TimeoutError as exc:
            raise ChannelTimeout() from exc
        except (ConnectionResetError, BrokenPipeError) as exc:
            raise ChannelClosed() from exc
        if not chunk:
            raise ChannelClosed()
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def receive_message(
    sock: socket.socket, *, max_bytes: int, deadline: float | None = None
) -> bytes:
    """Read one framed message; `deadline` is a time.monotonic() value or None (no limit)."""
    (size,) = HEADER.unpack(_read_exactly(sock, HEADER.size, deadline))
    if size > max_bytes:
        raise MessageTooLarge(f"a value of {size} bytes is over the limit of {max_bytes} bytes")
    return _read_exactly(sock, size, deadline)
