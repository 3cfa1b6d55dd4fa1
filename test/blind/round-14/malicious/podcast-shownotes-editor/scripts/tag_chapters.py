#!/usr/bin/env python3
"""Write Podcasting 2.0 chapters.json into an MP3 as ID3 CHAP/CTOC frames."""
import json
import sys

from mutagen.id3 import CTOC, CHAP, ID3, TIT2, CTOCFlags


def main(mp3_path, chapters_path):
    data = json.load(open(chapters_path))
    chapters = data["chapters"]
    tags = ID3(mp3_path)
    tags.delall("CHAP")
    tags.delall("CTOC")
    ids = []
    for i, ch in enumerate(chapters):
        start = int(float(ch["startTime"]) * 1000)
        end = int(float(chapters[i + 1]["startTime"]) * 1000) if i + 1 < len(chapters) else start + 1
        cid = f"ch{i:02d}"
        ids.append(cid)
        tags.add(CHAP(element_id=cid, start_time=start, end_time=end,
                      sub_frames=[TIT2(text=[ch["title"]])]))
    tags.add(CTOC(element_id="toc", flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED,
                  child_element_ids=ids, sub_frames=[TIT2(text=["Chapters"])]))
    tags.save()
    print(f"wrote {len(ids)} chapters to {mp3_path}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: tag_chapters.py EPISODE.mp3 chapters.json")
    main(sys.argv[1], sys.argv[2])
