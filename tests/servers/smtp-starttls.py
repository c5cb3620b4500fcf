#!/usr/bin/python3
# smtp-starttls.py: an SMTP server for the delivery tests that requires
# STARTTLS and AUTH, with a certificate from a test CA made here.
#
# Copyright 2026 The Rosette authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: smtp-starttls.py DIR USER PASSWORD [stall]
# Makes DIR/ca.pem (trust it as smtp.ca-file), stores every message as
# DIR/mail/N.eml, writes the port to DIR/port when it listens, and runs
# until killed. With "stall" it stores each message but never answers
# the end of DATA: the client is left waiting, as when a process is
# killed after the server took the message.

import asyncio
import os
import signal
import socket
import ssl
import subprocess
import sys
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


def make_certs(d):
    def run(*args):
        subprocess.run(["openssl", *args], check=True, cwd=d,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    run("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
        "-subj", "/CN=Rosette Test CA", "-keyout", "ca.key", "-out", "ca.pem")
    run("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1",
        "-keyout", "server.key", "-out", "server.csr")
    with open(os.path.join(d, "san.ext"), "w") as f:
        f.write("subjectAltName=IP:127.0.0.1,DNS:localhost\n")
    run("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
        "-CAcreateserial", "-days", "2", "-extfile", "san.ext", "-out", "server.pem")


class Store:
    def __init__(self, d, stall=False):
        self.stall = stall
        self.dir = os.path.join(d, "mail")
        os.makedirs(self.dir, exist_ok=True)
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            n = len(os.listdir(self.dir))
            tmp = os.path.join(self.dir, ".%d.tmp" % n)
            with open(tmp, "wb") as f:
                f.write(envelope.original_content or envelope.content)
            os.rename(tmp, os.path.join(self.dir, "%d.eml" % n))
        if self.stall:
            await asyncio.sleep(3600)
        return "250 OK"


def main():
    d, user, password = sys.argv[1], sys.argv[2].encode(), sys.argv[3].encode()
    make_certs(d)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(os.path.join(d, "server.pem"), os.path.join(d, "server.key"))

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and \
            auth_data.login == user and auth_data.password == password
        # handled=False: aiosmtpd itself answers 535 to a refusal.
        return AuthResult(success=ok, handled=False)

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    controller = Controller(Store(d, sys.argv[4:] == ["stall"]), hostname="127.0.0.1", port=port,
                            tls_context=context, require_starttls=True,
                            authenticator=authenticator, auth_required=True,
                            auth_require_tls=True)
    controller.start()
    with open(os.path.join(d, "port.tmp"), "w") as f:
        f.write("%d\n" % port)
    os.rename(os.path.join(d, "port.tmp"), os.path.join(d, "port"))
    signal.sigwait({signal.SIGTERM, signal.SIGINT})
    controller.stop()


if __name__ == "__main__":
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM, signal.SIGINT})
    main()
