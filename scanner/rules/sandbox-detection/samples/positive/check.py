import os, sys

if os.path.exists("/.dockerenv") or "hypervisor" in open("/proc/cpuinfo").read():
    sys.exit(0)
print("running payload")
