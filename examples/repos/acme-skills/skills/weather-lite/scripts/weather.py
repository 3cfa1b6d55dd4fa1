#!/usr/bin/env python3
"""Current weather and a three-day outlook for a city, from wttr.in (one HTTPS request, no key)."""

import argparse
import json
import socket
import sys
import urllib.error
import urllib.parse
import urllib.request

DEFAULT_BASE_URL = "https://wttr.in"
# A forecast older than a few seconds is still useful; a hung connection is not.
TIMEOUT_SECONDS = 10
UNREACHABLE = 3


def fetch(place, base_url):
    url = f"{base_url.rstrip('/')}/{urllib.parse.quote(place)}?format=j1"
    request = urllib.request.Request(url, headers={"User-Agent": "weather-lite/1.0", "Accept": "application/json"})
    with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
        return json.load(response)


def describe(data, units):
    current = data["current_condition"][0]
    area = data.get("nearest_area", [{}])[0]
    name = ", ".join(part[0]["value"] for part in (area.get("areaName"), area.get("country")) if part)
    metric = units == "metric"
    temp_unit, wind_unit = ("°C", "km/h") if metric else ("°F", "mph")
    result = {
        "place": name,
        "condition": current["weatherDesc"][0]["value"].strip(),
        "temperature": current["temp_C" if metric else "temp_F"],
        "feelsLike": current["FeelsLikeC" if metric else "FeelsLikeF"],
        "wind": f"{current['windspeedKmph' if metric else 'windspeedMiles']} {wind_unit} {current['winddir16Point']}",
        "humidity": current["humidity"],
        "unit": temp_unit,
        "days": [],
    }
    for day in data.get("weather", [])[:3]:
        noon = day["hourly"][len(day["hourly"]) // 2]
        result["days"].append({
            "date": day["date"],
            "min": day["mintempC" if metric else "mintempF"],
            "max": day["maxtempC" if metric else "maxtempF"],
            "condition": noon["weatherDesc"][0]["value"].strip(),
        })
    return result


def main(argv=None):
    parser = argparse.ArgumentParser(description="Current weather and a three-day outlook for a city (wttr.in).")
    parser.add_argument("place", nargs="+", help="city or place name")
    parser.add_argument("--units", choices=["metric", "imperial"], default="metric")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--base-url", default=DEFAULT_BASE_URL, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    place = " ".join(args.place)
    host = urllib.parse.urlsplit(args.base_url).hostname
    try:
        data = fetch(place, args.base_url)
        report = describe(data, args.units)
    except urllib.error.HTTPError as error:
        print(f"error: {host} answered HTTP {error.code} for {place!r}. Check the place name and try again later.", file=sys.stderr)
        return UNREACHABLE
    except (urllib.error.URLError, socket.timeout, ConnectionError, OSError) as error:
        reason = getattr(error, "reason", error)
        print(f"error: could not reach {host} ({reason}). The weather service is unreachable from here: check the network connection.", file=sys.stderr)
        return UNREACHABLE
    except (ValueError, KeyError, IndexError, TypeError) as error:
        print(f"error: {host} sent an answer this script does not understand ({type(error).__name__}: {error}). Try again later.", file=sys.stderr)
        return UNREACHABLE
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
        return 0
    print(f"{report['place'] or place}: {report['condition']}, {report['temperature']} {report['unit']} "
          f"(feels like {report['feelsLike']} {report['unit']}), wind {report['wind']}, humidity {report['humidity']} %")
    for day in report["days"]:
        print(f"  {day['date']}  min {day['min']} {report['unit']}  max {day['max']} {report['unit']}  {day['condition']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
