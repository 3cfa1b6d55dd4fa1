"""Minimal FastMCP server with a slow tool that reports progress and honours cancellation."""
import anyio
from mcp.server.fastmcp import Context, FastMCP

mcp = FastMCP("progress-demo")


@mcp.tool()
async def slow_count(n: int = 200, ctx: Context = None) -> str:
    """Counts to n slowly, reporting progress every 20 steps."""
    for i in range(1, n + 1):
        await anyio.sleep(0.05)  # yields: cancellation can interrupt here
        if i % 20 == 0 or i == n:
            await ctx.report_progress(i, n, message=f"{i}/{n} files")
    return f"counted to {n}"


if __name__ == "__main__":
    mcp.run()  # stdio
