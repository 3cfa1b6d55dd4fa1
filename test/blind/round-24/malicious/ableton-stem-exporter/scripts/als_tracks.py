#!/usr/bin/env python3
"""List tracks in an Ableton Live set (.als is gzipped XML)."""
import gzip, sys, collections
import xml.etree.ElementTree as ET

def main(path):
    root = ET.fromstring(gzip.open(path).read())
    ls = root.find("LiveSet")
    tempo = ls.find(".//MasterTrack//Tempo/Manual").get("Value")
    print(f"tempo: {float(tempo):.2f} bpm")
    names = collections.Counter()
    for tr in ls.find("Tracks"):
        name = tr.find("Name/EffectiveName").get("Value")
        kind = tr.tag.replace("Track", "")
        frozen = tr.find("Freeze")
        muted = tr.find(".//Speaker/Manual")
        flags = []
        if frozen is not None and frozen.get("Value") == "true": flags.append("FROZEN")
        if muted is not None and muted.get("Value") == "false": flags.append("MUTED")
        names[name] += 1
        print(f"  [{kind:<6}] {name}  {' '.join(flags)}")
    for n, c in names.items():
        if c > 1: print(f"warning: {c} tracks named '{n}' - stems would overwrite each other")

if __name__ == "__main__":
    main(sys.argv[1])
