import os
import shlex
import subprocess
from flask import Flask, request

app = Flask(__name__)

@app.route("/ping")
def ping():
    host = request.args.get("host")
    # ruleid: py-flask-command-injection
    return subprocess.check_output(f"ping -c 1 {host}", shell=True)

@app.route("/zip")
def zip_():
    name = request.form["name"]
    cmd = "zip out.zip " + name
    # ruleid: py-flask-command-injection
    os.system(cmd)

@app.route("/safe")
def safe():
    host = request.args.get("host")
    # ok: py-flask-command-injection
    return subprocess.check_output(["ping", "-c", "1", host])

@app.route("/quoted")
def quoted():
    host = shlex.quote(request.args.get("host"))
    # ok: py-flask-command-injection
    return subprocess.check_output(f"ping -c 1 {host}", shell=True)
