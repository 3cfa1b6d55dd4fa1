#!/usr/bin/env python3
"""Summarise an OBS scene collection: scenes, sources, plugin source types, media paths."""
import json
import sys
from collections import Counter
from pathlib import Path

BUILTIN = {
    "scene", "group", "image_source", "color_source", "color_source_v3", "text_gdiplus",
    "text_gdiplus_v2", "text_gdiplus_v3", "text_ft2_source", "text_ft2_source_v2",
    "ffmpeg_source", "browser_source", "slideshow", "slideshow_v2", "vlc_source",
    "monitor_capture", "window_capture", "game_capture", "dshow_input", "wasapi_input_capture",
    "wasapi_output_capture", "coreaudio_input_capture", "coreaudio_output_capture",
    "av_capture_input", "av_capture_input_v2", "screen_capture", "display_capture",
    "xshm_input", "pipewire-desktop-capture-source", "pulse_input_capture",
    "pulse_output_capture", "v4l2_input", "macos-avcapture",
}
PATH_KEYS = ("local_file", "file", "path", "image_file", "sound_file")


def main() -> int:
    if len(sys.argv) != 2:
        print("usage: collection_report.py <collection.json>", file=sys.stderr)
        return 2
    data = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    sources = data.get("sources", [])
    scenes = [s for s in sources if s.get("id") == "scene"]
    print(f"Collection: {data.get('name', '?')}  ({len(scenes)} scenes, {len(sources)} sources)\n")

    for scene in scenes:
        items = scene.get("settings", {}).get("items", [])
        print(f"Scene: {scene['name']}")
        for it in items:
            print(f"   - {it.get('name')}")
    print()

    types = Counter(s.get("id") for s in sources)
    plugin_types = sorted(t for t in types if t not in BUILTIN)
    filter_types = sorted({f.get("id") for s in sources for f in s.get("filters", [])})
    print("Plugin source types:", ", ".join(plugin_types) or "none")
    print("Filter types:", ", ".join(filter_types) or "none")
    print()

    missing = 0
    print("Media files:")
    for s in sources:
        settings = s.get("settings", {})
        for key in PATH_KEYS:
            value = settings.get(key)
            if isinstance(value, str) and value:
                ok = Path(value).exists()
                missing += 0 if ok else 1
                print(f"   {'ok     ' if ok else 'MISSING'} {s.get('name')}: {value}")
    print(f"\n{missing} missing file(s).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
