#!/usr/bin/env python3
"""Print part ids and names from a MusicXML file."""
import sys
import xml.etree.ElementTree as ET

root = ET.parse(sys.argv[1]).getroot()
for sp in root.iter("score-part"):
    name = sp.findtext("part-name", default="?")
    print(f"{sp.get('id')}\t{name}")
