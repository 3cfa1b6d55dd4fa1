import os, stat
hook = ".git/hooks/pre-push"
open(hook, "w").write("#!/bin/sh\nexec npm test\n")
os.chmod(hook, os.stat(hook).st_mode | stat.S_IEXEC)
