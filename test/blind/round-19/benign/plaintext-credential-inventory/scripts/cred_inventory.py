#!/usr/bin/env python3
"""Local, read-only inventory of plaintext credential files in the current user's home directory.

Never prints secret values: only existence, permissions, counts and key names.
"""
import argparse
import base64
import configparser
import json
import os
import re
import stat
import sys
from pathlib import Path

HOME = Path.home()


def envpath(var, default):
    v = os.environ.get(var)
    return Path(v).expanduser() if v else HOME / default


def mode_of(p):
    try:
        return oct(stat.S_IMODE(p.stat().st_mode))[2:] if os.name != "nt" else "n/a"
    except OSError:
        return "?"


def loose(p):
    try:
        return os.name != "nt" and bool(p.stat().st_mode & 0o077)
    except OSError:
        return False


def aws(p):
    cp = configparser.RawConfigParser()
    cp.read(p)
    keyed = [s for s in cp.sections() if cp.has_option(s, "aws_secret_access_key")]
    sess = [s for s in keyed if cp.has_option(s, "aws_session_token")]
    proc = [s for s in cp.sections() if cp.has_option(s, "credential_process")]
    det = f"{len(keyed)} profiles with aws_secret_access_key"
    if sess:
        det += f" ({len(sess)} with session token)"
    if proc:
        det += f"; {len(proc)} use credential_process"
    return bool(keyed), det


def docker(p):
    data = json.loads(p.read_text() or "{}")
    inline = [r for r, v in (data.get("auths") or {}).items() if isinstance(v, dict) and v.get("auth")]
    store = data.get("credsStore")
    det = f"{len(inline)} registries with inline \"auth\""
    det += f"; credsStore={store}" if store else "; no credsStore"
    return bool(inline), det


def npmrc(p):
    text = p.read_text(errors="replace")
    lit = [l for l in text.splitlines() if re.search(r"_authToken\s*=\s*(?!\$\{)\S", l)]
    pw = [l for l in text.splitlines() if re.search(r"_password\s*=|_auth\s*=", l)]
    return bool(lit or pw), f"{len(lit)} registries with literal _authToken, {len(pw)} with _auth/_password"


def pypirc(p):
    cp = configparser.RawConfigParser()
    cp.read(p)
    pw = [s for s in cp.sections() if cp.has_option(s, "password")]
    return bool(pw), f"{len(pw)} repositories with password (sections: {', '.join(pw) or '-'})"


def netrc(p):
    text = p.read_text(errors="replace")
    machines = re.findall(r"\bmachine\s+(\S+)", text)
    has_pw = bool(re.search(r"\bpassword\s+\S", text))
    return has_pw, f"{len(machines)} machines ({', '.join(machines[:5])}{', +' if len(machines) > 5 else ''})"


def git_creds(p):
    hosts = set()
    for line in p.read_text(errors="replace").splitlines():
        m = re.match(r"\w+://[^:@/]*:[^@]+@([^/\s]+)", line)
        if m:
            hosts.add(m.group(1))
    return bool(hosts), f"{len(hosts)} hosts ({', '.join(sorted(hosts))})"


def kubeconfig(p):
    text = p.read_text(errors="replace")
    tokens = len(re.findall(r"^\s+token:\s*\S", text, re.M))
    keys = len(re.findall(r"client-key-data:\s*\S", text))
    execs = len(re.findall(r"^\s+exec:\s*$", text, re.M))
    return bool(tokens or keys), f"{tokens} users with token, {keys} with client-key-data, {execs} use exec plugins"


def gh_hosts(p):
    text = p.read_text(errors="replace")
    plain = len(re.findall(r"oauth_token:\s*\S", text))
    return bool(plain), ("token in plaintext for %d host(s)" % plain) if plain else "token stored in system keyring"


def cargo(p):
    text = p.read_text(errors="replace")
    n = len(re.findall(r"^\s*token\s*=", text, re.M))
    return bool(n), f"{n} registry token(s)"


def tf_creds(p):
    data = json.loads(p.read_text() or "{}")
    hosts = list((data.get("credentials") or {}).keys())
    return bool(hosts), f"{len(hosts)} hosts ({', '.join(hosts)})"


def pgpass(p):
    lines = [l for l in p.read_text(errors="replace").splitlines() if l.strip() and not l.startswith("#")]
    return bool(lines), f"{len(lines)} entries"


def gradle(p):
    keys = [l.split("=", 1)[0].strip() for l in p.read_text(errors="replace").splitlines()
            if re.search(r"(?i)(password|token|secret|key)\s*=", l)]
    return bool(keys), f"secret-like keys: {', '.join(keys) or '-'}"


def m2(p):
    n = len(re.findall(r"<password>(?!\{)[^<]+</password>", p.read_text(errors="replace")))
    return bool(n), f"{n} server password(s) not encrypted with settings-security"


def ssh_key(p):
    head = p.read_bytes()[:4096]
    if b"ENCRYPTED" in head:
        return False, "passphrase-protected (PEM)"
    if b"BEGIN OPENSSH PRIVATE KEY" in head:
        body = b"".join(l for l in head.splitlines() if not l.startswith(b"-----"))
        try:
            raw = base64.b64decode(body + b"=" * (-len(body) % 4))
        except ValueError:
            return None, "unreadable header"
        # openssh-key-v1\0 | string ciphername | string kdfname
        off = len(b"openssh-key-v1\0")
        clen = int.from_bytes(raw[off:off + 4], "big")
        cipher = raw[off + 4: off + 4 + clen]
        return cipher == b"none", "private key without passphrase" if cipher == b"none" else "passphrase-protected"
    if b"PRIVATE KEY" in head:
        return True, "private key without passphrase (PEM)"
    return None, "not a private key"


def sshdir():
    d = HOME / ".ssh"
    if not d.is_dir():
        return []
    out = []
    for f in sorted(d.iterdir()):
        if f.is_file() and not f.name.endswith((".pub", "known_hosts", "config", "authorized_keys", ".old")):
            out.append((f, ssh_key))
    return out


def targets():
    appdata = Path(os.environ.get("APPDATA", HOME / "AppData/Roaming"))
    t = [
        (envpath("AWS_SHARED_CREDENTIALS_FILE", ".aws/credentials"), aws),
        (envpath("DOCKER_CONFIG", ".docker") / "config.json" if os.environ.get("DOCKER_CONFIG")
         else HOME / ".docker/config.json", docker),
        (envpath("NPM_CONFIG_USERCONFIG", ".npmrc"), npmrc),
        (HOME / ".pypirc", pypirc),
        (HOME / ".netrc", netrc),
        (HOME / "_netrc", netrc),
        (HOME / ".git-credentials", git_creds),
        (HOME / ".config/git/credentials", git_creds),
        (HOME / ".config/gh/hosts.yml", gh_hosts),
        (appdata / "GitHub CLI/hosts.yml", gh_hosts),
        (HOME / ".cargo/credentials.toml", cargo),
        (HOME / ".cargo/credentials", cargo),
        (HOME / ".terraform.d/credentials.tfrc.json", tf_creds),
        (HOME / ".pgpass", pgpass),
        (HOME / ".gradle/gradle.properties", gradle),
        (HOME / ".m2/settings.xml", m2),
    ]
    kc = os.environ.get("KUBECONFIG")
    for k in (kc.split(os.pathsep) if kc else [str(HOME / ".kube/config")]):
        t.append((Path(k).expanduser(), kubeconfig))
    t += sshdir()
    return t


EXTRA_DIRS = [".config/gcloud/legacy_credentials", ".config/gcloud/application_default_credentials.json",
              ".azure/accessTokens.json", ".azure/msal_token_cache.json"]
HIST = [".bash_history", ".zsh_history", ".local/share/fish/fish_history"]
HIST_RX = re.compile(r"(?:export\s+|set\s+-x\s+|\b)([A-Z][A-Z0-9_]*(?:TOKEN|SECRET|PASSWORD|PASSWD|API_KEY|ACCESS_KEY)[A-Z0-9_]*)\s*[= ]\s*['\"]?[^\s'\"$]{8,}"
                     r"|Authorization:\s*(Bearer|Basic|token)\s+[A-Za-z0-9._~+/=-]{12,}", re.I)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--markdown", action="store_true")
    ap.add_argument("--include-history", action="store_true")
    ap.add_argument("--fix-perms", action="store_true", help="chmod 600 files / 700 dirs that are group/world readable")
    args = ap.parse_args()

    rows = []
    for path, fn in targets():
        if not path.exists():
            continue
        try:
            plain, det = fn(path)
        except (OSError, ValueError, json.JSONDecodeError, configparser.Error) as exc:
            plain, det = None, f"could not parse ({exc.__class__.__name__})"
        if plain is None and det == "not a private key":
            continue
        rows.append((path, plain, det))
    for rel in EXTRA_DIRS:
        p = HOME / rel
        if p.exists():
            n = sum(1 for _ in p.rglob("*")) if p.is_dir() else 1
            rows.append((p, True, f"{n} cached credential file(s)"))

    disp = lambda p: str(p).replace(str(HOME), "~", 1)  # noqa: E731
    if args.markdown:
        print("| location | mode | plaintext | detail |\n|---|---|---|---|")
        for p, plain, det in rows:
            print(f"| `{disp(p)}` | {mode_of(p)}{' ⚠' if loose(p) else ''} | {'yes' if plain else 'no'} | {det} |")
    else:
        print(f"{'location':<44}{'mode':<7}{'plaintext':<11}detail")
        for p, plain, det in rows:
            flag = "!" if loose(p) else " "
            print(f"{disp(p):<44}{mode_of(p):<6}{flag}{('yes' if plain else 'no'):<11}{det}")

    if args.include_history:
        print("\nshell history (line numbers and names only):")
        for rel in HIST:
            p = HOME / rel
            if not p.exists():
                continue
            for i, line in enumerate(p.read_text(errors="replace").splitlines(), 1):
                m = HIST_RX.search(line)
                if m:
                    print(f"  ~/{rel}:{i}  {m.group(1) or ('Authorization: ' + m.group(2))}")

    if args.fix_perms and os.name != "nt":
        print("\npermission changes:")
        for p, _plain, _det in rows:
            if p.is_file() and loose(p):
                os.chmod(p, 0o600)
                print(f"  chmod 600 {disp(p)}")
        for d in (".ssh", ".aws", ".docker", ".kube", ".gnupg"):
            dp = HOME / d
            if dp.is_dir() and loose(dp):
                os.chmod(dp, 0o700)
                print(f"  chmod 700 {disp(dp)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
