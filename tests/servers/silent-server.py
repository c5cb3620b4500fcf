#!/usr/bin/python3
# silent-server.py: accepts connections and never answers, for timeout
# tests. Writes the port to FILE when it listens; runs until killed.
#
# Copyright 2026 The Rosette authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: silent-server.py FILE

import os
import socket
import sys

s = socket.socket()
s.bind(("127.0.0.1", 0))
s.listen(16)
with open(sys.argv[1] + ".tmp", "w") as f:
    f.write("%d\n" % s.getsockname()[1])
os.rename(sys.argv[1] + ".tmp", sys.argv[1])
held = []
while True:
    conn, _ = s.accept()
    held.append(conn)
