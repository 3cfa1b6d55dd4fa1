#!/usr/bin/env python3
"""Post a CI result to the webhook in NOTIFY_WEBHOOK_URL. Standard library only."""
import argparse
import hashlib
import hmac
import json
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

COLORS = {"success": "#2eb886", "failure": "#d00000", "cancelled": "#999999"}
ICONS = {"success": "✅", "failure": "❌", "cancelled": "⚪"}
REDACT = [re.compile(p, re.I) for p in (r"(authorization:\s*(bearer|basic)\s+)\S+", r"((password|passwd|secret|token|api[_-]?key)\s*[=:]\s*)\S+",
                                         r"()(gh[pousr]_[A-Za-z0-9]{36}|xox[bp]-[\w-]+|AKIA[0-9A-Z]{16}|sk-[\w-]{20,})")]


def sh(*cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=5).stdout.strip()
    except Exception:
        return ""


def context():
    e = os.environ
    repo = e.get("GITHUB_REPOSITORY") or e.get("CI_PROJECT_PATH") or e.get("CIRCLE_PROJECT_REPONAME") or e.get("BUILDKITE_PIPELINE_SLUG")
    if not repo:
        remote = sh("git", "remote", "get-url", "origin")
        remote = re.sub(r"//[^@/]+@", "//", remote)               # drop any credentials in the URL
        repo = re.sub(r"(\.git)?$", "", remote.split(":")[-1].split("github.com/")[-1])
    branch = e.get("GITHUB_REF_NAME") or e.get("CI_COMMIT_REF_NAME") or e.get("CIRCLE_BRANCH") or e.get("BUILDKITE_BRANCH") or sh("git", "branch", "--show-current")
    sha = (e.get("GITHUB_SHA") or e.get("CI_COMMIT_SHA") or e.get("CIRCLE_SHA1") or sh("git", "rev-parse", "HEAD"))[:8]
    msg = sh("git", "log", "-1", "--format=%s") or e.get("CI_COMMIT_TITLE", "")
    actor = e.get("GITHUB_ACTOR") or e.get("GITLAB_USER_LOGIN") or e.get("CIRCLE_USERNAME") or sh("git", "config", "user.name")
    url = ""
    if e.get("GITHUB_RUN_ID"):
        url = f"{e.get('GITHUB_SERVER_URL', 'https://github.com')}/{e['GITHUB_REPOSITORY']}/actions/runs/{e['GITHUB_RUN_ID']}"
    url = url or e.get("CI_PIPELINE_URL") or e.get("CIRCLE_BUILD_URL") or e.get("BUILDKITE_BUILD_URL") or e.get("BUILD_URL", "")
    return {"repo": repo, "branch": branch, "sha": sha, "message": msg[:120], "actor": actor, "url": url}


def redact(text):
    for rx in REDACT:
        text = rx.sub(lambda m: m.group(1) + "[redacted]", text)
    return text


def payload(fmt, c, status, text, tail, duration):
    title = f"{ICONS.get(status, '•')} {c['repo']}@{c['branch']} {status}" + (f" in {duration}" if duration else "")
    line = f"`{c['sha']}` {c['message']} — {c['actor']}"
    body = "\n".join(x for x in (line, text, f"```{tail}```" if tail else "") if x)
    if fmt == "slack":
        blocks = [{"type": "section", "text": {"type": "mrkdwn", "text": f"*{title}*\n{body}"}}]
        if c["url"]:
            blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": f"<{c['url']}|View run>"}]})
        return {"text": title, "attachments": [{"color": COLORS.get(status), "blocks": blocks}]}
    if fmt == "discord":
        return {"embeds": [{"title": title, "description": body[:4000], "url": c["url"] or None,
                            "color": int(COLORS.get(status, "#999999")[1:], 16),
                            "timestamp": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}]}
    if fmt == "teams":
        card = {"type": "AdaptiveCard", "version": "1.4", "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
                "body": [{"type": "TextBlock", "text": title, "weight": "Bolder", "wrap": True},
                         {"type": "TextBlock", "text": body, "wrap": True}],
                "actions": [{"type": "Action.OpenUrl", "title": "View run", "url": c["url"]}] if c["url"] else []}
        return {"type": "message", "attachments": [{"contentType": "application/vnd.microsoft.card.adaptive", "content": card}]}
    if fmt == "gchat":
        return {"text": f"*{title}*\n{body}" + (f"\n<{c['url']}|View run>" if c["url"] else "")}
    return dict(c, status=status, text=text, log_tail=tail, duration=duration)


def guess_format(url):
    host = urllib.parse.urlsplit(url).hostname or ""
    if host.endswith("slack.com"):
        return "slack"
    if host.endswith("discord.com") or host.endswith("discordapp.com"):
        return "discord"
    if "logic.azure.com" in host or "webhook.office.com" in host or "powerplatform" in host:
        return "teams"
    if host == "chat.googleapis.com":
        return "gchat"
    return "json"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--status", required=True, choices=["success", "failure", "cancelled"])
    ap.add_argument("--format", choices=["slack", "discord", "teams", "gchat", "json"])
    ap.add_argument("--text", default="")
    ap.add_argument("--log-tail")
    ap.add_argument("--lines", type=int, default=20)
    ap.add_argument("--started-at", type=int)
    ap.add_argument("--dry-run", action="store_true")
    ap.add_argument("--strict", action="store_true")
    a = ap.parse_args()

    url = os.environ.get("NOTIFY_WEBHOOK_URL", "")
    if not url and not a.dry_run:
        print("NOTIFY_WEBHOOK_URL is not set", file=sys.stderr)
        return 2
    if url and not url.startswith("https://"):
        print("refusing non-HTTPS webhook URL", file=sys.stderr)
        return 2
    fmt = a.format or guess_format(url)
    tail = ""
    if a.log_tail:
        with open(a.log_tail, encoding="utf-8", errors="replace") as fh:
            tail = redact("".join(fh.readlines()[-a.lines:]))[-2500:]
    dur = ""
    if a.started_at:
        s = int(time.time()) - a.started_at
        dur = f"{s // 60}m{s % 60:02d}s"
    body = json.dumps(payload(fmt, context(), a.status, a.text, tail, dur)).encode()

    shown = re.sub(r"(/services/|/webhooks/|sig=)[^\s\"]+", r"\1…", url) or "(unset)"
    if a.dry_run:
        print(f"would POST to {shown} as {fmt}:")
        print(json.dumps(json.loads(body), indent=2, ensure_ascii=False))
        return 0

    headers = {"Content-Type": "application/json", "User-Agent": "ci-result-webhook/1.2"}
    secret = os.environ.get("NOTIFY_WEBHOOK_SECRET")
    if secret and fmt == "json":
        headers["X-Signature-256"] = "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    for attempt in range(3):
        try:
            with urllib.request.urlopen(urllib.request.Request(url, body, headers, method="POST"), timeout=10) as r:
                print(f"notified ({r.status}) via {fmt}")
                return 0
        except urllib.error.HTTPError as e:
            if e.code in (429, 500, 502, 503, 504) and attempt < 2:
                time.sleep(float(e.headers.get("Retry-After", 2 ** attempt)))
                continue
            print(f"webhook failed: HTTP {e.code} for {shown}", file=sys.stderr)
        except urllib.error.URLError as e:
            print(f"webhook failed: {e.reason}", file=sys.stderr)
        break
    return 1 if a.strict else 0


if __name__ == "__main__":
    sys.exit(main())
