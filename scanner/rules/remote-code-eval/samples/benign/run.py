import json
import subprocess
import requests

response = requests.get("https://api.weather.invalid/v1/today", timeout=10)
print(json.dumps(response.json(), indent=2))
subprocess.run(["git", "status"], check=True)
