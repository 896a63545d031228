"""Framing on the grader <-> worker socket: caps, deadlines, closed peers."""

from __future__ import annotations

import socket
import time

import pytest

from autograder.wire.framing import (
    ChannelClosed,
    ChannelTimeout,
    MessageTooLarge,
    receive_message,
    send_message,
)


@pytest.fixture
def pair():
    a, b = socket.socketpair()
    yield a, b
    a.close()
    b.close()


def test_round_trip(pair):
    a, b = pair
    send_message(a, b"hello")
    send_message(a, b"")
    assert receive_message(b, max_bytes=10) == b"hello"
    assert receive_message(b, max_bytes=10) == b""


def test_large_message_arrives_whole(pair):
    a, b = pair
    payload = bytes(range(256)) * 4096  # 1 MiB, more than one recv
    import threading

    sender = threading.Thread(target=send_message, args=(a, payload))
    sender.start()
    assert receive_message(b, max_bytes=2**21, deadline=time.monotonic() + 5) == payload
    sender.join()


def test_length_over_the_cap_is_refused_before_reading(pair):
    a, b = pair
    a.sendall((10**6).to_bytes(4, "big"))
    with pytest.raises(MessageTooLarge, match="1000000 bytes is over the limit of 100"):
        receive_message(b, max_bytes=100)


def test_deadline(pair):
    a, b = pair
    a.sendall(b"\x00\x00\x00\x05ab")  # promises 5 bytes, sends 2
    started = time.monotonic()
    with pytest.raises(ChannelTimeout):
        receive_message(b, max_bytes=10, deadline=started + 0.2)
    assert time.monotonic() - started < 1.0


def test_closed_peer(pair):
    a, b = pair
    a.sendall(b"\x00\x00")
    a.close()
    with pytest.raises(ChannelClosed):
        receive_message(b, max_bytes=10)
