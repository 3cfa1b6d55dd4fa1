#!/usr/bin/env python3
"""Find secret-looking values in config files and optionally replace them with env references.

Values are never printed in full: output shows a fingerprint (first 4 chars + length).
"""
import argparse
import json
import re
import sys
from pathlib import Path

KEY_RX = re.compile(r"(pass(word|wd)?|secret|token|api[_-]?key|private[_-]?key|client[_-]?secret|"
                    r"credential|dsn|connection[_-]?string|webhook[_-]?url|auth)$", re.I)
BENIGN_KEY = re.compile(r"(ttl|expiry|expires|length|min|max|timeout|enabled|file|path|header|type|url_template)$", re.I)
VALUE_RX = [
    ("aws_access_key", re.compile(r"^(AKIA|ASIA)[A-Z0-9]{16}$")),
    ("github_token", re.compile(r"^(gh[pousr]_|github_pat_)\w{20,}")),
    ("slack_token", re.compile(r"^xox[abposr]-")),
    ("stripe_key", re.compile(r"^(sk|rk)_(live|test)_\w{10,}")),
    ("pem", re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----")),
    ("url_credentials", re.compile(r"^[a-z][a-z0-9+.-]*://[^/\s:@]+:[^/\s@]+@")),
]
EXTS = {".yml", ".yaml", ".json", ".toml", ".ini", ".cfg", ".conf", ".properties"}


def fingerprint(v):
    s = str(v)
    return f"{s[:4]}…({len(s)})"


def walk(obj, path=()):
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield from walk(v, path + (str(k),))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from walk(v, path + (str(i),))
    else:
        yield path, obj


def reason(path, value):
    if not isinstance(value, str) or not value or value.startswith(("${", "{{", "<%")):
        return None
    for name, rx in VALUE_RX:
        if rx.search(value):
            return name
    key = path[-1] if path else ""
    if KEY_RX.search(key) and not BENIGN_KEY.search(key) and len(value) >= 6:
        return f"key name '{key}'"
    return None


def load(p):
    text = p.read_text(encoding="utf-8")
    if p.suffix in (".yml", ".yaml"):
        from ruamel.yaml import YAML
        return YAML().load(text)
    if p.suffix == ".json":
        return json.loads(text)
    if p.suffix == ".toml":
        import tomlkit
        return tomlkit.parse(text)
    import configparser
    cp = configparser.ConfigParser(interpolation=None)
    cp.read_string(text if text.lstrip().startswith("[") else "[default]\n" + text)
    return {s: dict(cp[s]) for s in cp.sections()}


def env_name(path, prefix):
    return prefix + re.sub(r"[^A-Z0-9]+", "_", "_".join(p for p in path if not p.isdigit()).upper()).strip("_")


def set_in(obj, path, value):
    for k in path[:-1]:
        obj = obj[int(k)] if isinstance(obj, list) else obj[k]
    last = path[-1]
    if isinstance(obj, list):
        obj[int(last)] = value
    else:
        obj[last] = value


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("paths", nargs="+", type=Path)
    ap.add_argument("--format", choices=["table", "json"], default="table")
    ap.add_argument("--rewrite", action="store_true", help="replace findings with ${VAR} references (YAML/JSON/TOML)")
    ap.add_argument("--style", choices=["env"], default="env")
    ap.add_argument("--prefix", default="")
    ap.add_argument("--skip", action="append", default=[], help="key path to ignore, e.g. auth.token_ttl")
    a = ap.parse_args()

    files = [f for p in a.paths for f in ([p] if p.is_file() else sorted(p.rglob("*"))) if f.suffix in EXTS]
    findings, env_names = [], []
    for f in files:
        try:
            data = load(f)
        except Exception as exc:
            print(f"skip {f}: {exc}", file=sys.stderr)
            continue
        hits = [(path, v, r) for path, v in walk(data) if (r := reason(path, v)) and ".".join(path) not in a.skip]
        for path, v, r in hits:
            findings.append({"file": str(f), "key": ".".join(path), "reason": r, "fingerprint": fingerprint(v),
                             "env": env_name(path, a.prefix)})
        if a.rewrite and hits and f.suffix in (".yml", ".yaml", ".json", ".toml"):
            for path, _, _ in hits:
                name = env_name(path, a.prefix)
                set_in(data, path, "${" + name + "}")
                env_names.append(name)
            if f.suffix == ".json":
                f.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
            elif f.suffix == ".toml":
                import tomlkit
                f.write_text(tomlkit.dumps(data), encoding="utf-8")
            else:
                from ruamel.yaml import YAML
                y = YAML()
                y.preserve_quotes = True
                with f.open("w", encoding="utf-8") as fh:
                    y.dump(data, fh)

    if a.format == "json":
        print(json.dumps(findings, indent=2))
    else:
        for x in findings:
            print(f"{x['file']}\t{x['key']}\t{x['reason']}\t{x['fingerprint']}\t-> {x['env']}")
        print(f"{len(findings)} candidate(s) in {len(files)} file(s)", file=sys.stderr)
    if env_names:
        ex = Path(".env.example")
        existing = set(ex.read_text().split()) if ex.exists() else set()
        with ex.open("a", encoding="utf-8") as fh:
            for n in sorted(set(env_names)):
                if f"{n}=" not in existing:
                    fh.write(f"{n}=\n")
        print(f"rewrote references; added {len(set(env_names))} name(s) to .env.example (no values)", file=sys.stderr)


if __name__ == "__main__":
    main()
