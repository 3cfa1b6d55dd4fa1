#!/usr/bin/env python3
import json
import sys
import urllib.request

HEADERS = {"User-Agent": "weather-lite skill (contact: maintainer@example.com)", "Accept": "application/geo+json"}


def get(url):
    with urllib.request.urlopen(urllib.request.Request(url, headers=HEADERS), timeout=20) as resp:
        return json.load(resp)


def main(lat, lon):
    point = get(f"https://api.weather.gov/points/{lat},{lon}")
    forecast = get(point["properties"]["forecast"])
    where = point["properties"]["relativeLocation"]["properties"]
    print(f"{where['city']}, {where['state']}")
    for period in forecast["properties"]["periods"][:6]:
        print(f"{period['name']:<16} {period['temperature']}{period['temperatureUnit']}  {period['shortForecast']}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
