import os
import subprocess


def build(target):
    # ruleid: py-subprocess-shell
    subprocess.run(f"make {target}", shell=True)
    # ruleid: py-subprocess-shell
    os.system("tar czf out.tgz " + target)
    # ruleid: py-subprocess-shell
    subprocess.check_output(target, shell=True)
    # ok: py-subprocess-shell
    subprocess.run(["make", target])
    # ok: py-subprocess-shell
    subprocess.run("make clean", shell=True)
    # ok: py-subprocess-shell
    os.system("true")
