import os
import platform
import shutil

import psutil

print("OS:", platform.system(), platform.release())
print("CPU:", psutil.cpu_count(), "cores")
print("Memory:", round(psutil.virtual_memory().total / 2**30, 1), "GiB")
print("Disk free:", round(shutil.disk_usage("/").free / 2**30, 1), "GiB")
in_container = os.path.exists("/.dockerenv") or os.path.exists("/run/.containerenv")
print("Container:", in_container)
print("CI:", bool(os.environ.get("CI")))
if platform.system() == "Darwin":
    print("Install with: brew install <pkg>")
else:
    print("Install with: sudo apt-get install <pkg>")
