import os
import pickle
import shlex
import subprocess

import yaml
from flask import request


def convert(user_path):
    # ruleid: subprocess-shell-true-with-input
    subprocess.run(f"convert {user_path} out.png", shell=True)
    # ok: subprocess-shell-true-with-input
    subprocess.run(["convert", user_path, "out.png"])
    # ok: subprocess-shell-true-with-input
    subprocess.run("make clean", shell=True)


def cleanup(name):
    # ruleid: os-system-non-literal
    os.system("rm -f /tmp/" + name)
    # ok: os-system-non-literal
    os.system("true")
    # ok: os-system-non-literal
    subprocess.run(["rm", "-f", "/tmp/" + shlex.quote(name)])


def calc(expr):
    # ruleid: eval-exec-non-literal
    return eval(expr)


def load_config(text):
    # ruleid: yaml-unsafe-load
    a = yaml.load(text)
    # ok: yaml-unsafe-load
    b = yaml.load(text, Loader=yaml.SafeLoader)
    # ok: yaml-unsafe-load
    c = yaml.safe_load(text)
    return a, b, c


def restore():
    data = request.data
    # ruleid: pickle-loads-request-data
    return pickle.loads(data)
