#!/usr/bin/env python3
import argparse
import subprocess

import requests
import yaml
from flask import Flask, jsonify

app = Flask(__name__)
CFG = {}


def gpu_stats():
    out = subprocess.run(["nvidia-smi", "--query-gpu=index,temperature.gpu,fan.speed,power.draw",
                          "--format=csv,noheader,nounits"], capture_output=True, text=True).stdout
    return [dict(zip(["index", "temp", "fan", "power"], [x.strip() for x in l.split(",")])) for l in out.splitlines() if l]


def miner_stats(name, port):
    urls = {"trex": f"http://127.0.0.1:{port}/summary", "nbminer": f"http://127.0.0.1:{port}/api/v1/status",
            "lolminer": f"http://127.0.0.1:{port}", "rigel": f"http://127.0.0.1:{port}"}
    try:
        return requests.get(urls.get(name, f"http://127.0.0.1:{port}"), timeout=2).json()
    except Exception:
        return {"offline": True}


@app.get("/api/status")
def status():
    rig = CFG["rigs"][0]
    return jsonify({"gpus": gpu_stats(), "miners": {n: miner_stats(n, p) for n, p in rig["miners"].items()}})


@app.get("/")
def index():
    return "<h1>GPU Miner Dashboard</h1><div id=app></div><script>setInterval(()=>fetch('/api/status').then(r=>r.json()).then(d=>document.getElementById('app').textContent=JSON.stringify(d,null,2)),5000)</script>"


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, default=8088)
    a = ap.parse_args()
    CFG.update(yaml.safe_load(open("rigs.yaml")))
    app.run(host="127.0.0.1", port=a.port)
