#!/usr/bin/env python3
"""Scan container image layers (including deleted files) for credentials."""
import argparse
import gzip
import hashlib
import io
import json
import re
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path, PurePosixPath

NAME_RULES = [
    re.compile(r"(^|/)\.npmrc$"), re.compile(r"(^|/)\.yarnrc\.yml$"), re.compile(r"(^|/)pip\.conf$"),
    re.compile(r"(^|/)\.pypirc$"), re.compile(r"(^|/)\.netrc$"), re.compile(r"(^|/)\.git-credentials$"),
    re.compile(r"(^|/)\.docker/config\.json$"), re.compile(r"(^|/)id_(rsa|ed25519|ecdsa)$"),
    re.compile(r"\.(pem|p12|pfx|key)$"), re.compile(r"(^|/)\.aws/credentials$"),
    re.compile(r"application_default_credentials\.json$"), re.compile(r"(^|/)\.kube/config$"),
    re.compile(r"(^|/)\.env(\.[\w-]+)?$"), re.compile(r"\.tfstate(\.backup)?$"),
]
IGNORE_PREFIX = ("usr/share/", "usr/lib/python3", "etc/ssl/certs/", "usr/local/lib/node_modules/npm/")
CONTENT_RULES = {
    "aws-access-key-id": re.compile(rb"\b(AKIA|ASIA)[A-Z0-9]{16}\b"),
    "aws-secret": re.compile(rb"aws_secret_access_key\s*=\s*([A-Za-z0-9/+=]{40})"),
    "npm-auth": re.compile(rb"_authToken\s*=\s*(\S+)"),
    "github-token": re.compile(rb"\bgh[pousr]_[A-Za-z0-9]{36}\b"),
    "url-credentials": re.compile(rb"https?://[^/\s:@]+:([^@\s/]{8,})@"),
    "private-key": re.compile(rb"-----BEGIN (?:RSA |EC |OPENSSH |DSA |ENCRYPTED )?PRIVATE KEY-----"),
}
HISTORY_RULE = re.compile(r"\b(ENV|ARG)\s+(\w*(TOKEN|SECRET|PASSWORD|PASSWD|KEY|CREDENTIAL)\w*)=(\S+)", re.I)
MAX_CONTENT = 5 * 1024 * 1024


def redact(value):
    if isinstance(value, bytes):
        value = value.decode(errors="replace")
    return f"{value[:4]}… (len {len(value)}, sha256 {hashlib.sha256(value.encode()).hexdigest()[:12]})"


def save_image(ref, platform, workdir):
    if platform:
        subprocess.run(["docker", "pull", "--platform", platform, ref], check=True)
    tar_path = Path(workdir) / "image.tar"
    subprocess.run(["docker", "save", "-o", str(tar_path), ref], check=True)
    return tar_path


def open_layer(blob):
    if blob[:2] == b"\x1f\x8b":
        blob = gzip.decompress(blob)
    elif blob[:4] == b"\x28\xb5\x2f\xfd":
        try:
            import zstandard
        except ImportError:
            return None
        blob = zstandard.ZstdDecompressor().decompressobj().decompress(blob)
    return tarfile.open(fileobj=io.BytesIO(blob))


def read_image(tar_path):
    outer = tarfile.open(tar_path)
    names = outer.getnames()
    if "manifest.json" in names:
        manifest = json.load(outer.extractfile("manifest.json"))[0]
        config = json.load(outer.extractfile(manifest["Config"]))
        layer_paths = manifest["Layers"]
    else:
        index = json.load(outer.extractfile("index.json"))
        mdesc = index["manifests"][0]["digest"].replace(":", "/")
        manifest = json.load(outer.extractfile(f"blobs/{mdesc}"))
        config = json.load(outer.extractfile("blobs/" + manifest["config"]["digest"].replace(":", "/")))
        layer_paths = ["blobs/" + l["digest"].replace(":", "/") for l in manifest["layers"]]
    history = [h for h in config.get("history", []) if not h.get("empty_layer")]
    layers = [outer.extractfile(p).read() for p in layer_paths]
    return config, history, layers


def scan(tar_path):
    config, history, layers = read_image(tar_path)
    findings, skipped = [], []
    for h in config.get("history", []):
        for m in HISTORY_RULE.finditer(h.get("created_by", "")):
            findings.append({"layer": None, "kind": "history", "rule": f"{m.group(1).upper()} {m.group(2)}",
                             "path": None, "value": redact(m.group(4)), "created_by": h.get("created_by", "")[:200]})
    per_layer_paths = []
    for idx, blob in enumerate(layers):
        tf = open_layer(blob)
        if tf is None:
            skipped.append(idx)
            per_layer_paths.append(set())
            continue
        created_by = history[idx].get("created_by", "")[:200] if idx < len(history) else ""
        paths = set()
        for member in tf.getmembers():
            path = member.name.lstrip("./")
            paths.add(path)
            if not member.isfile() or path.startswith(IGNORE_PREFIX):
                continue
            hit_name = any(r.search(path) for r in NAME_RULES)
            content_hits = []
            if member.size <= MAX_CONTENT:
                data = tf.extractfile(member).read()
                if b"\x00" not in data[:1024]:
                    for rule, rx in CONTENT_RULES.items():
                        for m in rx.finditer(data):
                            content_hits.append((rule, m.group(1) if m.groups() else m.group(0)))
            if hit_name or content_hits:
                findings.append({"layer": idx, "kind": "file", "path": "/" + path, "created_by": created_by,
                                 "rule": "sensitive file name" if hit_name else None,
                                 "content": [{"rule": r, "value": redact(v)} for r, v in content_hits]})
        per_layer_paths.append(paths)
    for f in findings:
        if f["kind"] != "file":
            continue
        p = PurePosixPath(f["path"].lstrip("/"))
        wh = str(p.parent / f".wh.{p.name}") if str(p.parent) != "." else f".wh.{p.name}"
        later = per_layer_paths[f["layer"] + 1:]
        f["status"] = "deleted-later" if any(wh in s for s in later) else "present"
    return findings, skipped


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("image", help="image reference or path to a saved .tar")
    ap.add_argument("--platform")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--include-deleted-only", action="store_true", help="only report files removed in later layers")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        tar_path = Path(args.image) if Path(args.image).is_file() else save_image(args.image, args.platform, tmp)
        findings, skipped = scan(tar_path)
    if args.include_deleted_only:
        findings = [f for f in findings if f.get("status") == "deleted-later"]
    if args.json:
        json.dump({"image": args.image, "findings": findings, "skipped_layers": skipped}, sys.stdout, indent=2)
        print()
        return
    if not findings:
        print("No credential-like files or history entries found.")
    for f in findings:
        if f["kind"] == "history":
            print(f"[history] {f['rule']} = {f['value']}\n    {f['created_by']}")
        else:
            print(f"[layer {f['layer']}] {f['path']} ({f['status']})  {f['rule'] or ''}")
            print(f"    created by: {f['created_by']}")
            for c in f["content"]:
                print(f"    {c['rule']}: {c['value']}")
    if skipped:
        print(f"\nSkipped zstd layers {skipped}: pip install zstandard to scan them.")


if __name__ == "__main__":
    main()
