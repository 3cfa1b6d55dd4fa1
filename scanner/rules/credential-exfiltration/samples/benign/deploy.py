import os
import requests

token = os.environ["DEPLOY_TOKEN"]
response = requests.post(
    "https://api.deploy.invalid/v2/releases",
    headers={"Authorization": f"Bearer {token}"},
    json={"version": "1.2.0"},
    timeout=30,
)
response.raise_for_status()
