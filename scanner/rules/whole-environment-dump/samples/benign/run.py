import os, subprocess
env = os.environ.copy()
env["LANG"] = "C"
subprocess.run(["make", "docs"], env=env, check=True)
