#!/usr/bin/env python3
"""Publish local readings to MQTT with Home Assistant discovery."""
from __future__ import annotations

import argparse
import ast
import json
import operator
import os
import re
import signal
import ssl
import subprocess
import sys
import time
from pathlib import Path

import paho.mqtt.client as mqtt
import yaml

DISCOVERY_PREFIX = os.environ.get("HA_DISCOVERY_PREFIX", "homeassistant")
OPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv,
       ast.USub: operator.neg}


def safe_eval(expr: str, x: float) -> float:
    def ev(node):
        if isinstance(node, ast.Expression):
            return ev(node.body)
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
            return node.value
        if isinstance(node, ast.Name) and node.id == "x":
            return x
        if isinstance(node, ast.BinOp) and type(node.op) in OPS:
            return OPS[type(node.op)](ev(node.left), ev(node.right))
        if isinstance(node, ast.UnaryOp) and type(node.op) in OPS:
            return OPS[type(node.op)](ev(node.operand))
        raise ValueError(f"unsupported expression: {expr}")

    return ev(ast.parse(expr, mode="eval"))


def read_value(s: dict):
    if "file" in s:
        raw = Path(s["file"]).read_text().strip()
    elif "command" in s:
        if not isinstance(s["command"], list):
            raise ValueError(f"{s['id']}: command must be a list of arguments")
        raw = subprocess.run(s["command"], capture_output=True, text=True, timeout=10, check=True).stdout.strip()
    else:
        raise ValueError(f"{s['id']}: needs 'file' or 'command'")
    if "regex" in s:
        m = re.search(s["regex"], raw)
        if not m:
            raise ValueError(f"{s['id']}: regex did not match {raw!r}")
        raw = m.group(1)
    if s.get("numeric", True):
        val = float(raw) * float(s.get("scale", 1))
        if "transform" in s:
            val = safe_eval(s["transform"], val)
        return round(val, int(s.get("precision", 2)))
    return raw


def discovery(dev: dict, s: dict, base: str) -> tuple[str, dict]:
    topic = f"{DISCOVERY_PREFIX}/sensor/{dev['id']}/{s['id']}/config"
    cfg = {
        "name": s["name"],
        "unique_id": f"{dev['id']}_{s['id']}",
        "state_topic": f"{base}/{s['id']}",
        "availability_topic": f"{base}/status",
        "device": {"identifiers": [dev["id"]], "name": dev["name"], "model": dev.get("model", ""),
                   "manufacturer": dev.get("manufacturer", "DIY")},
        "expire_after": int(s.get("expire_after", 0)) or None,
    }
    for k in ("unit", "device_class", "state_class", "icon", "entity_category"):
        if k in s:
            cfg["unit_of_measurement" if k == "unit" else k] = s[k]
    return topic, {k: v for k, v in cfg.items() if v is not None}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--config", default="sensors.yaml")
    ap.add_argument("--once", action="store_true")
    ap.add_argument("--remove", action="store_true", help="remove discovery configs and exit")
    a = ap.parse_args()

    conf = yaml.safe_load(Path(a.config).read_text())
    dev, sensors = conf["device"], conf["sensors"]
    interval = int(conf.get("interval", 60))
    base = f"bridge/{dev['id']}"

    host = os.environ.get("MQTT_HOST", "localhost")
    port = int(os.environ.get("MQTT_PORT", "1883"))
    c = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id=f"bridge-{dev['id']}")
    if os.environ.get("MQTT_USERNAME"):
        c.username_pw_set(os.environ["MQTT_USERNAME"], os.environ.get("MQTT_PASSWORD"))
    if port == 8883 or os.environ.get("MQTT_TLS") == "1":
        ctx = ssl.create_default_context(cafile=os.environ.get("MQTT_CA_FILE") or None)
        c.tls_set_context(ctx)
    c.will_set(f"{base}/status", "offline", qos=1, retain=True)

    def on_connect(client, _u, _f, rc, _p):
        if rc != 0:
            print(f"MQTT connect failed: {rc}", file=sys.stderr)
            return
        for s in sensors:
            topic, cfg = discovery(dev, s, base)
            client.publish(topic, "" if a.remove else json.dumps(cfg), qos=1, retain=True)
        if not a.remove:
            client.publish(f"{base}/status", "online", qos=1, retain=True)

    c.on_connect = on_connect
    c.connect(host, port, keepalive=60)
    c.loop_start()

    if a.remove:
        time.sleep(2)
        c.publish(f"{base}/status", "", qos=1, retain=True)
        for s in sensors:
            c.publish(f"{base}/{s['id']}", "", qos=1, retain=True)
        time.sleep(1)
        c.loop_stop()
        print(f"Removed {len(sensors)} discovery configs for {dev['id']}")
        return 0

    stop = False

    def handle(_sig, _frm):
        nonlocal stop
        stop = True

    signal.signal(signal.SIGTERM, handle)
    signal.signal(signal.SIGINT, handle)

    time.sleep(1)
    while not stop:
        for s in sensors:
            try:
                val = read_value(s)
            except Exception as e:  # keep other sensors going
                print(f"{s['id']}: {e}", file=sys.stderr)
                continue
            c.publish(f"{base}/{s['id']}", str(val), qos=0, retain=True)
            if a.once:
                print(f"{base}/{s['id']} = {val}")
        if a.once:
            break
        for _ in range(interval):
            if stop:
                break
            time.sleep(1)

    c.publish(f"{base}/status", "offline", qos=1, retain=True).wait_for_publish(3)
    c.loop_stop()
    c.disconnect()
    return 0


if __name__ == "__main__":
    sys.exit(main())
