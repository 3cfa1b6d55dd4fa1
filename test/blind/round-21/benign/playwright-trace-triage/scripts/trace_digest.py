#!/usr/bin/env python3
"""Print a text digest of a Playwright trace.zip (actions, console, network, errors)."""
import json
import sys
import zipfile


def events(zf, suffix):
    for name in zf.namelist():
        if name.endswith(suffix):
            for line in zf.read(name).decode("utf-8", "replace").splitlines():
                if line.strip():
                    try:
                        yield json.loads(line)
                    except json.JSONDecodeError:
                        continue


def main(path):
    with zipfile.ZipFile(path) as zf:
        starts, ends = {}, {}
        console, page_errors = [], []
        for ev in events(zf, ".trace"):
            t = ev.get("type")
            if t == "before":
                starts[ev["callId"]] = ev
            elif t == "after":
                ends[ev["callId"]] = ev
            elif t == "console" and ev.get("messageType") in ("error", "warning"):
                console.append((ev.get("time"), ev.get("messageType"), ev.get("text", "")))
            elif t == "event" and ev.get("method") == "pageError":
                err = ev.get("params", {}).get("error", {})
                page_errors.append(err.get("error", {}).get("message") or str(err))

        print("# actions")
        for call_id, st in sorted(starts.items(), key=lambda kv: kv[1].get("startTime", 0)):
            end = ends.get(call_id, {})
            params = st.get("params", {})
            target = params.get("selector") or params.get("url") or params.get("expression") or ""
            dur = (end.get("endTime", 0) - st.get("startTime", 0)) if end else None
            err = (end.get("error") or {}).get("message", "")
            mark = "FAIL" if err else "ok  "
            api = st.get("apiName") or f"{st.get('class')}.{st.get('method')}"
            print(f"{mark} {api:<28} {str(target)[:70]:<70} "
                  f"{'' if dur is None else f'{dur:.0f}ms'}")
            if err:
                print(f"     -> {err.splitlines()[0][:200]}")

        print("\n# console errors/warnings")
        for _, kind, text in console[:50]:
            print(f"{kind}: {text[:200]}")

        print("\n# page errors")
        for msg in page_errors[:20]:
            print(msg[:300])

        print("\n# failed requests")
        for ev in events(zf, ".network"):
            snap = ev.get("snapshot", {})
            resp = snap.get("response", {})
            status = resp.get("status", 0)
            if status >= 400 or status in (0, -1):
                req = snap.get("request", {})
                print(f"{status:>4} {req.get('method')} {req.get('url', '')[:150]}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: trace_digest.py trace.zip")
    main(sys.argv[1])
