# Test cases for python-command-injection. Parsed by `semgrep --test`; never executed.
import os
import shlex
import subprocess
import sys

import flask

app = flask.Flask(__name__)


@app.route("/ping")
def ping():
    host = flask.request.args.get("host")
    # ruleid: python-command-injection
    os.system("ping -c 1 " + host)
    # ok: python-command-injection
    subprocess.run(["ping", "-c", "1", host], check=False)
    # ok: python-command-injection
    os.system("ping -c 1 " + shlex.quote(host))
    return "ok"


@app.route("/convert")
def convert():
    name = flask.request.form.get("name")
    cmd = f"convert uploads/{name} out.png"
    # ruleid: python-command-injection
    subprocess.run(cmd, shell=True)
    return "done"


@app.route("/calc")
def calc():
    expr = flask.request.args.get("expr")
    # ruleid: python-command-injection
    return str(eval(expr))


def cli():
    target = sys.argv[1]
    # ruleid: python-command-injection
    os.popen("curl -s " + target + " | sh")
    # ok: python-command-injection
    os.system("make clean")
    count = int(sys.argv[2])
    # ok: python-command-injection
    os.system("seq %d" % count)
