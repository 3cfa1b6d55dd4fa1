# Interactive helpers loaded via PYTHONSTARTUP (REPL only). Edit freely.
import cProfile
import pstats
import tracemalloc

_snap = None


def prof(stmt, sort="cumulative", limit=25):
    """Profile a statement string in the REPL's globals: prof("main()")."""
    p = cProfile.Profile()
    p.runctx(stmt, globals(), globals())
    pstats.Stats(p).sort_stats(sort).print_stats(limit)


def snap(limit=15):
    """First call starts tracemalloc; later calls show top allocation growth since the previous call."""
    global _snap
    if not tracemalloc.is_tracing():
        tracemalloc.start(25)
        _snap = tracemalloc.take_snapshot()
        print("tracemalloc started")
        return
    new = tracemalloc.take_snapshot()
    for stat in new.compare_to(_snap, "lineno")[:limit]:
        print(stat)
    _snap = new


print("pystartup: prof('expr') and snap() available")
