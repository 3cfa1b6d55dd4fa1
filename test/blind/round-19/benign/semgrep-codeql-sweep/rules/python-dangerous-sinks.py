import pickle
import subprocess

import yaml


def convert(name):
    # ruleid: subprocess-shell-true-with-format
    subprocess.run(f"convert {name} out.png", shell=True)
    # ok: subprocess-shell-true-with-format
    subprocess.run(["convert", name, "out.png"])


def parse(data):
    # ruleid: yaml-load-without-safe-loader
    yaml.load(data)
    # ok: yaml-load-without-safe-loader
    yaml.load(data, Loader=yaml.SafeLoader)


def restore(blob):
    # ruleid: pickle-loads-untrusted
    return pickle.loads(blob)
