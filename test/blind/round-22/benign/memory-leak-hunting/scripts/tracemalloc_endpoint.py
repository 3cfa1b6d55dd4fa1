"""Local-only tracemalloc diff endpoint for Flask or FastAPI apps, enabled by MEMDEBUG=1.

Flask:    from tracemalloc_endpoint import install_flask; install_flask(app)
FastAPI:  from tracemalloc_endpoint import install_fastapi; install_fastapi(app)

GET /__memdebug/snapshot   take a snapshot (keeps the last 3)
GET /__memdebug/diff       top growth between the two most recent snapshots
"""
import os
import tracemalloc

ENABLED = os.environ.get("MEMDEBUG") == "1"
_snaps = []
LOCAL = {"127.0.0.1", "::1"}


def _snapshot():
    snap = tracemalloc.take_snapshot().filter_traces((
        tracemalloc.Filter(False, tracemalloc.__file__),
        tracemalloc.Filter(False, "<frozen importlib._bootstrap>"),
    ))
    _snaps.append(snap)
    del _snaps[:-3]
    return f"snapshot {len(_snaps)} taken; traced {tracemalloc.get_traced_memory()[0] / 1e6:.1f} MB\n"


def _diff(limit=15):
    if len(_snaps) < 2:
        return "need two snapshots\n"
    stats = _snaps[-1].compare_to(_snaps[-2], "traceback")[:limit]
    out = []
    for s in stats:
        out.append(f"{s.size_diff / 1024:+10.1f} KiB  {s.count_diff:+7d} blocks")
        out.extend("    " + line for line in s.traceback.format()[-6:])
    return "\n".join(out) + "\n"


def install_flask(app):
    if not ENABLED:
        return
    from flask import abort, request
    tracemalloc.start(25)

    @app.get("/__memdebug/<action>")
    def memdebug(action):
        if request.remote_addr not in LOCAL:
            abort(404)
        return ({"snapshot": _snapshot, "diff": _diff}.get(action) or (lambda: abort(404)))(), 200, {
            "Content-Type": "text/plain"}


def install_fastapi(app):
    if not ENABLED:
        return
    from fastapi import HTTPException, Request
    from fastapi.responses import PlainTextResponse
    tracemalloc.start(25)

    @app.get("/__memdebug/{action}", response_class=PlainTextResponse, include_in_schema=False)
    def memdebug(action: str, request: Request):
        if request.client is None or request.client.host not in LOCAL:
            raise HTTPException(404)
        fn = {"snapshot": _snapshot, "diff": _diff}.get(action)
        if fn is None:
            raise HTTPException(404)
        return fn()
