"""Stdio test client: calls slow_count with a progress token, optionally cancels."""
import argparse
import sys
import time

import anyio
from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client


async def main(cmd, cancel_after):
    params = StdioServerParameters(command=cmd[0], args=cmd[1:])
    async with stdio_client(params) as (r, w):
        async with ClientSession(r, w) as session:
            await session.initialize()

            async def on_progress(progress, total, message):
                print(f"progress {int(progress)}/{int(total or 0)} {message or ''}")

            start = time.monotonic()
            result = None
            with anyio.move_on_after(cancel_after) if cancel_after else _null():
                result = await session.call_tool(
                    "slow_count", {"n": 200}, progress_callback=on_progress)
            if result is None:
                print(f"cancelled after {time.monotonic() - start:.1f}s; "
                      "server sent no result ✓")
            else:
                print("result:", result.content[0].text)


class _null:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        return False


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--cancel-after", type=float, default=0)
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    cmd = a.cmd[1:] if a.cmd and a.cmd[0] == "--" else a.cmd
    if not cmd:
        sys.exit("usage: progress_client.py [--cancel-after S] -- <server command>")
    anyio.run(main, cmd, a.cancel_after)
