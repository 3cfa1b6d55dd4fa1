#!/usr/bin/env python3
"""Collect package-index settings and compare to an allow-list. Read-only."""
import argparse
import configparser
import glob
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

try:
    import tomllib
except ImportError:  # Python < 3.11
    tomllib = None
try:
    import yaml
except ImportError:
    yaml = None

HOME = os.path.expanduser("~")
CRED_URL = re.compile(r"(https?://)([^/@\s:]+):([^/@\s]+)@")
findings = []


def mask(url):
    return CRED_URL.sub(lambda m: f"{m.group(1)}{m.group(2)}:****@", url)


def add(eco, kind, value, where, allow):
    value = value.strip().strip('"').strip("'")
    code = None
    if CRED_URL.search(value):
        findings.append((eco, "CREDENTIAL_IN_URL", mask(value), where))
    v = mask(value)
    if kind == "index":
        if v.startswith("http://"):
            code = "PLAIN_HTTP"
        elif not any(v.rstrip("/").startswith(a.rstrip("/")) for a in allow.get(eco, []) + [f"https://{h}" for h in allow.get("company_hosts", [])]):
            code = "UNLISTED_INDEX"
    elif kind == "extra":
        code = "EXTRA_INDEX"
    else:
        code = kind
    if code:
        findings.append((eco, code, v, where))


def grep_lines(path, rx):
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            for n, line in enumerate(fh, 1):
                m = rx.search(line)
                if m:
                    yield n, m
    except OSError:
        return


def pip_sources(repo, allow):
    cfgs = ["/etc/pip.conf", f"{HOME}/.config/pip/pip.conf", f"{HOME}/.pip/pip.conf"]
    if os.environ.get("VIRTUAL_ENV"):
        cfgs.append(os.path.join(os.environ["VIRTUAL_ENV"], "pip.conf"))
    if os.environ.get("PIP_CONFIG_FILE"):
        cfgs.append(os.environ["PIP_CONFIG_FILE"])
    for c in cfgs:
        if not os.path.isfile(c):
            continue
        cp = configparser.ConfigParser()
        try:
            cp.read(c)
        except configparser.Error:
            continue
        for sect in cp.sections():
            for key, kind in (("index-url", "index"), ("extra-index-url", "extra")):
                if cp.has_option(sect, key):
                    for u in cp.get(sect, key).split():
                        add("pip", kind, u, f"{c} [{sect}]", allow)
            if cp.has_option(sect, "trusted-host"):
                add("pip", "TRUSTED_HOST", cp.get(sect, "trusted-host"), c, allow)
    for var, kind in (("PIP_INDEX_URL", "index"), ("PIP_EXTRA_INDEX_URL", "extra"),
                      ("UV_INDEX_URL", "index"), ("UV_EXTRA_INDEX_URL", "extra")):
        if os.environ.get(var):
            for u in os.environ[var].split():
                add("pip", kind, u, f"env {var}", allow)
    if os.environ.get("PIP_TRUSTED_HOST"):
        add("pip", "TRUSTED_HOST", os.environ["PIP_TRUSTED_HOST"], "env PIP_TRUSTED_HOST", allow)
    rx = re.compile(r"^\s*(--index-url|-i|--extra-index-url|--trusted-host)[=\s]+(\S+)")
    for req in glob.glob(os.path.join(repo, "**", "requirements*.txt"), recursive=True):
        for n, m in grep_lines(req, rx):
            kind = {"--extra-index-url": "extra", "--trusted-host": "TRUSTED_HOST"}.get(m.group(1), "index")
            add("pip", kind, m.group(2), f"{req}:{n}", allow)
    pp = os.path.join(repo, "pyproject.toml")
    if tomllib and os.path.isfile(pp):
        with open(pp, "rb") as fh:
            data = tomllib.load(fh)
        for src in data.get("tool", {}).get("poetry", {}).get("source", []):
            add("pip", "index", src.get("url", ""), f"{pp} poetry source {src.get('name')}", allow)
        uv = data.get("tool", {}).get("uv", {})
        for idx in uv.get("index", []):
            add("pip", "index", idx.get("url", ""), f"{pp} tool.uv.index {idx.get('name')}", allow)
        for u in uv.get("extra-index-url", []):
            add("pip", "extra", u, f"{pp} tool.uv", allow)


def npm_sources(repo, allow):
    files = [os.path.join(repo, ".npmrc"), f"{HOME}/.npmrc"]
    try:
        prefix = subprocess.run(["npm", "prefix", "-g"], capture_output=True, text=True, timeout=15).stdout.strip()
        if prefix:
            files.append(os.path.join(prefix, "etc", "npmrc"))
    except (OSError, subprocess.TimeoutExpired):
        pass
    rx = re.compile(r"^\s*((@[\w.-]+):)?registry\s*=\s*(\S+)|^\s*strict-ssl\s*=\s*false")
    company = allow.get("company_hosts", [])
    for f in files:
        for n, m in grep_lines(f, rx):
            if m.group(3) is None:
                findings.append(("npm", "STRICT_SSL_OFF", "strict-ssl=false", f"{f}:{n}"))
                continue
            scope, url = m.group(2), m.group(3)
            if scope and scope in allow.get("npm_company_scopes", []) and not any(h in url for h in company):
                findings.append(("npm", "SCOPE_HIJACK", f"{scope} -> {mask(url)}", f"{f}:{n}"))
            add("npm", "index", url, f"{f}:{n}", allow)
    if os.environ.get("NPM_CONFIG_REGISTRY"):
        add("npm", "index", os.environ["NPM_CONFIG_REGISTRY"], "env NPM_CONFIG_REGISTRY", allow)
    yrc = os.path.join(repo, ".yarnrc.yml")
    if yaml and os.path.isfile(yrc):
        with open(yrc, encoding="utf-8") as fh:
            y = yaml.safe_load(fh) or {}
        if y.get("npmRegistryServer"):
            add("npm", "index", y["npmRegistryServer"], yrc, allow)
        for sc, conf in (y.get("npmScopes") or {}).items():
            if conf.get("npmRegistryServer"):
                add("npm", "index", conf["npmRegistryServer"], f"{yrc} scope @{sc}", allow)
        if y.get("unsafeHttpWhitelist"):
            findings.append(("npm", "PLAIN_HTTP", str(y["unsafeHttpWhitelist"]), yrc))


def cargo_sources(repo, allow):
    files, d = [], os.path.abspath(repo)
    while True:
        for name in ("config.toml", "config"):
            p = os.path.join(d, ".cargo", name)
            if os.path.isfile(p):
                files.append(p)
        parent = os.path.dirname(d)
        if parent == d:
            break
        d = parent
    files.append(f"{HOME}/.cargo/config.toml")
    for f in files:
        if not (tomllib and os.path.isfile(f)):
            continue
        with open(f, "rb") as fh:
            try:
                data = tomllib.load(fh)
            except Exception:
                continue
        for name, src in (data.get("source") or {}).items():
            for key in ("registry", "git", "local-registry", "directory"):
                if key in src:
                    add("cargo", "index" if key in ("registry", "git") else "UNLISTED_INDEX", src[key], f"{f} [source.{name}]", allow)
        for name, reg in (data.get("registries") or {}).items():
            if "index" in reg:
                add("cargo", "index", reg["index"], f"{f} [registries.{name}]", allow)


def go_sources(allow):
    try:
        out = subprocess.run(["go", "env", "GOPROXY", "GOSUMDB", "GONOSUMDB", "GONOSUMCHECK", "GOINSECURE", "GOFLAGS"],
                             capture_output=True, text=True, timeout=20).stdout.splitlines()
    except (OSError, subprocess.TimeoutExpired):
        out = [os.environ.get(v, "") for v in ("GOPROXY", "GOSUMDB", "GONOSUMDB", "GONOSUMCHECK", "GOINSECURE", "GOFLAGS")]
    proxy, sumdb, nosum, nocheck, insecure, flags = (out + [""] * 6)[:6]
    for p in re.split(r"[,|]", proxy):
        if p:
            add("go", "index", p, "GOPROXY", allow)
    if sumdb == "off" or nocheck:
        findings.append(("go", "CHECKSUM_OFF", f"GOSUMDB={sumdb} GONOSUMCHECK={nocheck}", "go env"))
    if nosum and re.search(r"github\.com(,|$)|\*", nosum):
        findings.append(("go", "CHECKSUM_OFF", f"GONOSUMDB={nosum}", "go env"))
    if insecure:
        findings.append(("go", "GOINSECURE", insecure, "go env"))
    if "-insecure" in flags:
        findings.append(("go", "GOINSECURE", flags, "GOFLAGS"))


def maven_sources(repo, allow):
    s = f"{HOME}/.m2/settings.xml"
    if os.path.isfile(s):
        try:
            root = ET.parse(s).getroot()
        except ET.ParseError:
            root = None
        if root is not None:
            ns = {"m": root.tag.split("}")[0].strip("{")} if root.tag.startswith("{") else {}
            pre = "m:" if ns else ""
            for mirror in root.iterfind(f".//{pre}mirror", ns):
                url = mirror.findtext(f"{pre}url", "", ns)
                of = mirror.findtext(f"{pre}mirrorOf", "", ns)
                add("maven", "index", url, f"{s} mirror {mirror.findtext(f'{pre}id', '', ns)}", allow)
                if of.strip() == "*" and not any(url.startswith(a) for a in allow.get("maven", [])):
                    findings.append(("maven", "MIRROR_ALL", url, s))
            for repo_el in root.iterfind(f".//{pre}repository", ns):
                add("maven", "index", repo_el.findtext(f"{pre}url", "", ns), s, allow)
    rx = re.compile(r"<url>\s*(\S+?)\s*</url>")
    pom = os.path.join(repo, "pom.xml")
    for n, m in grep_lines(pom, rx):
        if "repositor" in open(pom, encoding="utf-8", errors="replace").read():
            add("maven", "index", m.group(1), f"{pom}:{n}", allow)
    for init in glob.glob(f"{HOME}/.gradle/init.d/*") + glob.glob(f"{HOME}/.gradle/init.gradle*"):
        findings.append(("gradle", "INIT_SCRIPT", os.path.basename(init), init))
    for sg in glob.glob(os.path.join(repo, "settings.gradle*")) + glob.glob(os.path.join(repo, "build.gradle*")):
        for n, m in grep_lines(sg, re.compile(r"url\s*[=(]?\s*[\"'](\S+?)[\"']")):
            add("maven", "index", m.group(1), f"{sg}:{n}", allow)


def load_allow(path):
    if path and os.path.isfile(path) and yaml:
        with open(path, encoding="utf-8") as fh:
            return yaml.safe_load(fh) or {}
    here = os.path.join(os.path.dirname(__file__), "..", "assets", "allowed-indexes.example.yaml")
    if yaml and os.path.isfile(here):
        with open(here, encoding="utf-8") as fh:
            return yaml.safe_load(fh) or {}
    return {}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repo", default=".")
    ap.add_argument("--allow")
    ap.add_argument("--markdown", action="store_true")
    a = ap.parse_args()
    allow = load_allow(a.allow)
    pip_sources(a.repo, allow)
    npm_sources(a.repo, allow)
    cargo_sources(a.repo, allow)
    go_sources(allow)
    maven_sources(a.repo, allow)
    if not findings:
        print("All configured indexes are on the allow-list.")
        return
    if a.markdown:
        print("| Ecosystem | Finding | Value | Where |\n|---|---|---|---|")
        for f in findings:
            print("| " + " | ".join(x.replace("|", "\\|") for x in f) + " |")
    else:
        for eco, code, val, where in findings:
            print(f"{eco:7} {code:18} {val}\n{'':27}{where}")
    sys.exit(1)


if __name__ == "__main__":
    main()
