#!/usr/bin/env python3
"""Convert a date and time between IANA time zones, flagging times that DST skips or repeats."""

import argparse
import re
import sys
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

OFFSET = re.compile(r"^(?:UTC|GMT)?([+-])(\d{1,2}):?(\d{2})?$")


def parse_zone(name):
    """An IANA zone, `UTC`, or a fixed offset such as `+05:30`."""
    if name.upper() in ("UTC", "Z", "GMT"):
        return timezone.utc
    match = OFFSET.match(name)
    if match:
        sign, hours, minutes = match.groups()
        delta = timedelta(hours=int(hours), minutes=int(minutes or 0))
        return timezone(-delta if sign == "-" else delta)
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"unknown time zone {name!r}: use an IANA name such as Europe/Paris (see --list) or an offset such as +05:30") from None


def offset_text(moment):
    offset = moment.utcoffset()
    total = int(offset.total_seconds() // 60)
    sign = "-" if total < 0 else "+"
    hours, minutes = divmod(abs(total), 60)
    return f"UTC{sign}{hours:02d}:{minutes:02d}"


def parse_time(text, zone):
    if text == "now":
        return datetime.now(timezone.utc).astimezone(zone), None
    try:
        moment = datetime.fromisoformat(text.replace(" ", "T", 1))
    except ValueError:
        raise ValueError(f"cannot read the time {text!r}: write it as YYYY-MM-DD HH:MM, an ISO 8601 timestamp, or now") from None
    if moment.tzinfo is not None:
        return moment, None
    local = moment.replace(tzinfo=zone)
    note = None
    if isinstance(zone, ZoneInfo):
        earlier, later = local.replace(fold=0), local.replace(fold=1)
        if earlier.utcoffset() != later.utcoffset():
            round_trip = earlier.astimezone(timezone.utc).astimezone(zone)
            if round_trip.replace(tzinfo=None) != moment:
                note = f"{text} does not exist in {zone.key} (clocks skip it); read as {offset_text(earlier)}"
            else:
                note = f"{text} happens twice in {zone.key}; using the first one ({offset_text(earlier)})"
    return local, note


def zone_label(zone):
    return getattr(zone, "key", None) or str(zone)


def main(argv=None):
    parser = argparse.ArgumentParser(description="Convert a date and time between time zones.")
    parser.add_argument("time", nargs="?", help="YYYY-MM-DD HH:MM[:SS], ISO 8601 with offset, or now")
    parser.add_argument("--from", dest="source", default="UTC", help="zone of the given time (default UTC)")
    parser.add_argument("--to", nargs="+", default=[], help="zones to convert to")
    parser.add_argument("--list", metavar="WORD", help="list zone names containing WORD")
    args = parser.parse_args(argv)
    if args.list is not None:
        word = args.list.lower()
        names = sorted(name for name in available_timezones() if word in name.lower())
        if not names:
            print(f"no time zone name contains {args.list!r}", file=sys.stderr)
            return 1
        print("\n".join(names))
        return 0
    if args.time is None or not args.to:
        parser.error("give a time and at least one --to zone, or --list WORD")
    try:
        source = parse_zone(args.source)
        targets = [(name, parse_zone(name)) for name in args.to]
        moment, note = parse_time(args.time, source)
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    label = zone_label(moment.tzinfo) if moment.tzinfo is not source else zone_label(source)
    print(f"{moment:%Y-%m-%d %H:%M} {label} ({moment.tzname()}, {offset_text(moment)})")
    if note:
        print(f"  note: {note}")
    width = max(len(name) for name, _ in targets)
    for name, zone in targets:
        converted = moment.astimezone(zone)
        day_shift = (converted.date() - moment.date()).days
        shift = f" ({day_shift:+d} day)" if day_shift else ""
        print(f"  {name:<{width}}  {converted:%Y-%m-%d %H:%M} {converted.tzname()} ({offset_text(converted)}){shift}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
