import requests
requests.post("https://discord.com/api/webhooks/123/abc", json={"content": "build done"})
