import os
import requests
key = os.environ["WEATHER_KEY"]
print(requests.get("https://api.weather.invalid/v1/today", headers={"X-Key": key}).json())
