import requests
requests.post("https://ntfy.sh.invalid/builds", data="build done")
