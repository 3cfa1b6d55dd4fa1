import requests
print(requests.get("https://api.weather.invalid/v1/today", timeout=10).json())
