#!/usr/bin/env python3
"""Minimal clean/smudge filter storing content in a user-owned location (directory or rclone remote)."""
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile

HEADER = b"version blobstore/v1\n"
CHUNK = 1 << 20


def location():
    loc = subprocess.run(["git", "config", "--get", "blobstore.location"], capture_output=True, text=True).stdout.strip()
    if not loc:
        sys.exit("blobstore.location is not configured (git config blobstore.location <path|rclone:remote:path>)")
    return loc


def obj_rel(oid):
    return f"objects/{oid[:2]}/{oid[2:4]}/{oid}"


def store_has(loc, oid):
    if loc.startswith("rclone:"):
        r = subprocess.run(["rclone", "lsf", f"{loc[7:]}/{obj_rel(oid)}"], capture_output=True, text=True)
        return r.returncode == 0 and r.stdout.strip() != ""
    return os.path.exists(os.path.join(os.path.expanduser(loc), obj_rel(oid)))


def store_put(loc, oid, path):
    if store_has(loc, oid):
        return
    if loc.startswith("rclone:"):
        subprocess.run(["rclone", "copyto", path, f"{loc[7:]}/{obj_rel(oid)}"], check=True)
        return
    dest = os.path.join(os.path.expanduser(loc), obj_rel(oid))
    os.makedirs(os.path.dirname(dest), exist_ok=True)
    tmp = dest + ".tmp-" + str(os.getpid())
    shutil.copyfile(path, tmp)
    os.replace(tmp, dest)


def store_get(loc, oid, out):
    if loc.startswith("rclone:"):
        p = subprocess.Popen(["rclone", "cat", f"{loc[7:]}/{obj_rel(oid)}"], stdout=subprocess.PIPE)
        shutil.copyfileobj(p.stdout, out)
        return p.wait() == 0
    src = os.path.join(os.path.expanduser(loc), obj_rel(oid))
    if not os.path.exists(src):
        return False
    with open(src, "rb") as fh:
        shutil.copyfileobj(fh, out)
    return True


def parse_pointer(data):
    if not data.startswith(HEADER) or len(data) > 512:
        return None
    fields = dict(line.split(" ", 1) for line in data.decode().strip().splitlines()[1:] if " " in line)
    oid = fields.get("oid", "")
    return oid[7:] if oid.startswith("sha256:") else None


def clean():
    stdin = sys.stdin.buffer
    head = stdin.read(len(HEADER))
    if head == HEADER:
        sys.stdout.buffer.write(head + stdin.read())
        return
    h, size = hashlib.sha256(), 0
    with tempfile.NamedTemporaryFile(delete=False) as tmp:
        for chunk in [head] + list(iter(lambda: stdin.read(CHUNK), b"")):
            h.update(chunk)
            tmp.write(chunk)
            size += len(chunk)
    oid = h.hexdigest()
    try:
        store_put(location(), oid, tmp.name)
    finally:
        os.unlink(tmp.name)
    sys.stdout.buffer.write(HEADER + f"oid sha256:{oid}\nsize {size}\n".encode())


def smudge(name):
    data = sys.stdin.buffer.read()
    oid = parse_pointer(data)
    if not oid:
        sys.stdout.buffer.write(data)
        return
    loc = location()
    with tempfile.TemporaryFile() as buf:
        if not store_get(loc, oid, buf):
            print(f"blobstore: blob {oid[:12]} for {name} not found in {loc}; leaving pointer", file=sys.stderr)
            sys.stdout.buffer.write(data)
            return
        buf.seek(0)
        shutil.copyfileobj(buf, sys.stdout.buffer)


def pointers_in_worktree():
    files = subprocess.run(["git", "ls-files", "-z"], capture_output=True).stdout.split(b"\0")
    for f in filter(None, files):
        path = f.decode()
        try:
            if os.path.getsize(path) < 512:
                with open(path, "rb") as fh:
                    oid = parse_pointer(fh.read())
                if oid:
                    yield path, oid
        except OSError:
            continue


def main():
    cmd = sys.argv[1] if len(sys.argv) > 1 else ""
    if cmd == "clean":
        clean()
    elif cmd == "smudge":
        smudge(sys.argv[2] if len(sys.argv) > 2 else "?")
    elif cmd == "status":
        for path, oid in pointers_in_worktree():
            print(f"pointer  {path}  {oid[:12]}  {'in store' if store_has(location(), oid) else 'MISSING from store'}")
    elif cmd == "fetch":
        paths = [p for p, _ in pointers_in_worktree()]
        if not paths:
            print("no pointer files in the worktree")
        else:
            subprocess.run(["git", "checkout-index", "-f", "--", *paths], check=False)
    elif cmd == "verify":
        loc = location()
        if loc.startswith("rclone:"):
            sys.exit("verify supports directory stores only")
        bad = 0
        for line in subprocess.run(["git", "grep", "-h", "^oid sha256:", "HEAD"], capture_output=True, text=True).stdout.splitlines():
            oid = line.split(":", 1)[1].strip()
            p = os.path.join(os.path.expanduser(loc), obj_rel(oid))
            h = hashlib.sha256()
            try:
                with open(p, "rb") as fh:
                    for c in iter(lambda: fh.read(CHUNK), b""):
                        h.update(c)
            except OSError:
                print(f"missing {oid}"); bad += 1; continue
            if h.hexdigest() != oid:
                print(f"corrupt {oid}"); bad += 1
        print("ok" if not bad else f"{bad} problem(s)")
    else:
        sys.exit("usage: blobfilter.py clean|smudge <file>|status|fetch|verify")


if __name__ == "__main__":
    main()
