#!/usr/bin/env python3
"""Report whether a GIF fits Slack's emoji / message limits."""
import os
import sys

from PIL import Image

EMOJI_BYTES = 128 * 1024
MESSAGE_BYTES = 2 * 1024 * 1024


def inspect(path):
    size = os.path.getsize(path)
    im = Image.open(path)
    frames = getattr(im, "n_frames", 1)
    w, h = im.size
    print(f"{path}: {w}x{h}, {frames} frames, {size / 1024:.1f} KB")
    ok_emoji = (w, h) == (128, 128) and size <= EMOJI_BYTES
    ok_msg = w <= 480 and size <= MESSAGE_BYTES
    print(f"  emoji-ready:   {'yes' if ok_emoji else 'no'}")
    print(f"  message-ready: {'yes' if ok_msg else 'no'}")
    return ok_emoji or ok_msg


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: check_slack_limits.py FILE.gif [...]")
    results = [inspect(p) for p in sys.argv[1:]]
    sys.exit(0 if all(results) else 1)
