#!/usr/bin/env python3
"""Slowloris client: opens COUNT TCP connections from SOURCE to 127.0.0.1:PORT within SECONDS, sends every other
one the first 5 bytes of a TLS record (a ClientHello that never comes) and the rest nothing, prints one line
"opened N connected C refused R failed F", then holds every socket until stdin closes."""
import select
import socket
import sys
import time

count, port, source, seconds = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], float(sys.argv[4])
socks, failed = [], 0
start = time.monotonic()
while len(socks) + failed < count and time.monotonic() - start < seconds:
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setblocking(False)
    try:
        s.setsockopt(socket.SOL_IP, 24, 1)  # IP_BIND_ADDRESS_NO_PORT: the port is picked at connect, not bind
        s.bind((source, 0))
        err = s.connect_ex(("127.0.0.1", port))
    except OSError:
        err = -1
    if err not in (0, 115):  # 115: EINPROGRESS
        failed += 1
        s.close()
        continue
    socks.append(s)
connected = refused = 0
poller = select.poll()  # select() cannot watch descriptors above 1023
by_fd = {s.fileno(): s for s in socks}
for fd in by_fd:
    poller.register(fd, select.POLLOUT)
deadline = time.monotonic() + 10
while by_fd and time.monotonic() < deadline:
    for fd, _ in poller.poll(500):
        s = by_fd.pop(fd, None)
        if s is None:
            continue
        poller.unregister(fd)
        if s.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR) == 0:
            connected += 1
            if connected % 2 == 0:
                try:
                    s.send(b"\x16\x03\x01\x02\x00")
                except OSError:
                    pass
for s in socks:  # connections the server closed at once read as end of stream (or a reset)
    try:
        if s.recv(1, socket.MSG_PEEK) == b"":
            refused += 1
    except BlockingIOError:
        pass
    except OSError:
        refused += 1
print("opened %d connected %d refused %d failed %d" % (len(socks), connected, refused, failed), flush=True)
sys.stdin.read()
