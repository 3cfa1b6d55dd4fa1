import subprocess
import subprocess as sp
from subprocess import run


def canonical(filename):
    # ruleid: subprocess-shell-true-nonconstant
    subprocess.run("convert " + filename + " out.png", shell=True)


def fstring(host):
    # ruleid: subprocess-shell-true-nonconstant
    subprocess.check_output(f"ping -c 1 {host}", shell=True)


def via_variable(branch):
    cmd = "git checkout %s" % branch
    # ruleid: subprocess-shell-true-nonconstant
    subprocess.call(cmd, shell=True)


def keyword_args(user_dir):
    # ruleid: subprocess-shell-true-nonconstant
    subprocess.Popen(args="ls " + user_dir, shell=True, cwd="/tmp")


def multiline(path):
    # ruleid: subprocess-shell-true-nonconstant
    subprocess.run(
        "tar czf backup.tgz " + path,
        check=True,
        shell=True,
    )


def aliased(module_name):
    # ruleid: subprocess-shell-true-nonconstant
    sp.run("pip show " + module_name, shell=True)


def from_import(url):
    # todoruleid: subprocess-shell-true-nonconstant
    run("curl -s " + url, shell=True)  # bare `run` needs import tracking in the pattern


# --- negatives ---------------------------------------------------------------

def constant_command():
    # ok: subprocess-shell-true-nonconstant
    subprocess.run("ls -la | wc -l", shell=True)


def list_args(filename):
    # ok: subprocess-shell-true-nonconstant
    subprocess.run(["convert", filename, "out.png"])


def explicit_false(filename):
    # ok: subprocess-shell-true-nonconstant
    subprocess.run("convert " + filename, shell=False)


def not_subprocess(job):
    class Runner:
        def run(self, cmd, shell=False):
            return cmd

    # ok: subprocess-shell-true-nonconstant
    Runner().run("echo " + job, shell=True)


def in_a_string():
    # ok: subprocess-shell-true-nonconstant
    doc = 'call subprocess.run("x" + y, shell=True) like this'
    return doc
