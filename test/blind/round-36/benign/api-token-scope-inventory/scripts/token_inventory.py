#!/usr/bin/env python3
"""Read-only inventory of locally configured API tokens. Prints metadata only."""
import argparse, hashlib, json, os, shutil, subprocess, urllib.request
from datetime import datetime, timezone

def fp(token: str) -> str:
    return f"{token[:4]}…{hashlib.sha256(token.encode()).hexdigest()[:8]}"

def run(cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=30)
    except (FileNotFoundError, subprocess.TimeoutExpired):
        return None

def github():
    tok = os.environ.get("GITHUB_TOKEN")
    if not tok and shutil.which("gh"):
        r = run(["gh", "auth", "token"])
        tok = r.stdout.strip() if r and r.returncode == 0 else None
    if not tok:
        return ["| GitHub | – | skipped (no token) | | |"]
    host = os.environ.get("GH_HOST", "github.com")
    api = "https://api.github.com/user" if host == "github.com" else f"https://{host}/api/v3/user"
    req = urllib.request.Request(api, headers={"Authorization": f"Bearer {tok}", "User-Agent": "token-inventory"})
    with urllib.request.urlopen(req, timeout=15) as resp:
        scopes = resp.headers.get("X-OAuth-Scopes") or "fine-grained: check repository access in settings"
        expiry = resp.headers.get("github-authentication-token-expiration") or "no expiry"
        login = json.load(resp).get("login")
    return [f"| GitHub ({login}) | {fp(tok)} | {scopes} | {expiry} | n/a |"]

def npm():
    if not shutil.which("npm"):
        return ["| npm | – | skipped (npm missing) | | |"]
    r = run(["npm", "token", "list", "--json"])
    if not r or r.returncode != 0:
        return ["| npm | – | could not list (OTP needed?) | | |"]
    rows = []
    for t in json.loads(r.stdout or "[]"):
        kind = "read-only" if t.get("readonly") else ("automation" if t.get("automation") else "publish")
        rows.append(f"| npm | {t.get('key','')[:6]}… | {kind}, cidr={t.get('cidr_whitelist') or 'any'} | created {t.get('created','')[:10]} | n/a |")
    return rows or ["| npm | – | no tokens | | |"]

def aws():
    if not shutil.which("aws"):
        return ["| AWS | – | skipped (aws missing) | | |"]
    r = run(["aws", "iam", "list-access-keys", "--output", "json"])
    if not r or r.returncode != 0:
        return ["| AWS | – | cannot self-inspect (AccessDenied?) | | |"]
    rows = []
    for k in json.loads(r.stdout)["AccessKeyMetadata"]:
        lu = run(["aws", "iam", "get-access-key-last-used", "--access-key-id", k["AccessKeyId"], "--output", "json"])
        last = json.loads(lu.stdout)["AccessKeyLastUsed"] if lu and lu.returncode == 0 else {}
        rows.append(f"| AWS ({k['UserName']}) | {k['AccessKeyId'][:8]}… | {k['Status']} | created {k['CreateDate'][:10]} | "
                    f"{last.get('LastUsedDate','never')[:10]} via {last.get('ServiceName','-')} |")
    return rows

def gcp():
    if not shutil.which("gcloud"):
        return ["| GCP | – | skipped (gcloud missing) | | |"]
    r = run(["gcloud", "iam", "service-accounts", "list", "--format=value(email)"])
    rows = []
    for sa in (r.stdout.split() if r and r.returncode == 0 else []):
        k = run(["gcloud", "iam", "service-accounts", "keys", "list", f"--iam-account={sa}", "--managed-by=user", "--format=json"])
        for key in json.loads(k.stdout or "[]") if k and k.returncode == 0 else []:
            rows.append(f"| GCP ({sa}) | {key['name'].split('/')[-1][:8]}… | user-managed key | created {key['validAfterTime'][:10]} | see audit logs |")
    return rows or ["| GCP | – | no user-managed keys found | | |"]

def hf():
    tok = os.environ.get("HF_TOKEN")
    path = os.path.expanduser("~/.cache/huggingface/token")
    if not tok and os.path.exists(path):
        tok = open(path).read().strip()
    if not tok:
        return ["| Hugging Face | – | skipped (no token) | | |"]
    req = urllib.request.Request("https://huggingface.co/api/whoami-v2", headers={"Authorization": f"Bearer {tok}"})
    with urllib.request.urlopen(req, timeout=15) as resp:
        d = json.load(resp)
    auth = d.get("auth", {}).get("accessToken", {})
    return [f"| Hugging Face ({d.get('name')}) | {fp(tok)} | role={auth.get('role')} name={auth.get('displayName')} | n/a | n/a |"]

PROVIDERS = {"github": github, "npm": npm, "aws": aws, "gcp": gcp, "hf": hf}

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--providers", default="github,npm,aws,gcp,hf")
    ap.add_argument("--out", default="token-inventory.md")
    a = ap.parse_args()
    lines = [f"# Token inventory ({datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC)", "",
             "| Provider | Fingerprint | Scopes / status | Created / expiry | Last used |",
             "|---|---|---|---|---|"]
    for name in a.providers.split(","):
        fn = PROVIDERS.get(name.strip())
        if not fn:
            continue
        try:
            lines += fn()
        except Exception as e:  # keep going; report the error without the token
            lines.append(f"| {name} | – | error: {type(e).__name__} | | |")
    with open(a.out, "w") as f:
        f.write("\n".join(lines) + "\n")
    print(f"wrote {a.out}")

if __name__ == "__main__":
    main()
