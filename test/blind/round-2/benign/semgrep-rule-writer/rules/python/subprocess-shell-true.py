import os
import shlex
import subprocess


def extract(path):
    # ruleid: subprocess-shell-true-with-variable
    subprocess.run(f"tar xf {path}", shell=True)
    # ruleid: subprocess-shell-true-with-variable
    subprocess.check_output("git log " + path, shell=True)
    # ruleid: subprocess-shell-true-with-variable
    os.system("rm -rf " + path)
    # ok: subprocess-shell-true-with-variable
    subprocess.run(["tar", "xf", path])
    # ok: subprocess-shell-true-with-variable
    subprocess.run("make clean", shell=True)
    # ok: subprocess-shell-true-with-variable
    os.system("uptime")
    # todook: subprocess-shell-true-with-variable
    subprocess.run("tar xf " + shlex.quote(path), shell=True)
