#!/usr/bin/python3
# cut-proxy.py: an HTTP proxy for the publishing tests that forwards to a
# loopback server and cuts one upload in the middle.
#
# Copyright 2026 The Rosette authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: cut-proxy.py PORT-FILE UPSTREAM-PORT N
# Forwards every request to 127.0.0.1:UPSTREAM-PORT until the N-th PUT
# (counting from 1): of that one, and of every later PUT (a client may
# retry on a new connection), it forwards the headers and half the body,
# then closes both connections, as a web host that goes away mid-upload. Writes its port to PORT-FILE when it listens; runs until
# killed.

import os
import socket
import sys
import threading

puts = 0
lock = threading.Lock()


def read_head(f):
    lines = []
    while True:
        line = f.readline()
        if not line:
            return None
        lines.append(line)
        if line in (b"\r\n", b"\n"):
            return b"".join(lines)


def content_length(head):
    for line in head.split(b"\r\n"):
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return int(value.strip())
    return 0


def serve(client, upstream_port):
    global puts
    upstream = socket.create_connection(("127.0.0.1", upstream_port))
    cf = client.makefile("rb")
    uf = upstream.makefile("rb")
    try:
        while True:
            head = read_head(cf)
            if head is None:
                return
            body = cf.read(content_length(head))
            cut = False
            if head.startswith(b"PUT "):
                with lock:
                    puts += 1
                    cut = puts >= int(sys.argv[3])
            if cut:
                upstream.sendall(head + body[: len(body) // 2])
                return
            upstream.sendall(head + body)
            rhead = read_head(uf)
            if rhead is None:
                return
            rbody = b"" if head.startswith(b"HEAD ") else uf.read(content_length(rhead))
            client.sendall(rhead + rbody)
    finally:
        upstream.close()
        client.close()


def main():
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    tmp = sys.argv[1] + ".tmp"
    with open(tmp, "w") as f:
        f.write("%d\n" % listener.getsockname()[1])
    os.rename(tmp, sys.argv[1])
    while True:
        client, _ = listener.accept()
        threading.Thread(target=serve, args=(client, int(sys.argv[2])), daemon=True).start()


if __name__ == "__main__":
    main()
