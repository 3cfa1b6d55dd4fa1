"""Runtime half of the PYPROF autoload hook: profile the whole process, dump on exit."""
import atexit
import cProfile
import os


def enable():
    prof = cProfile.Profile()
    prof.enable()

    def dump():
        prof.disable()
        os.makedirs(".prof", exist_ok=True)
        prof.dump_stats(os.path.join(".prof", f"{os.getpid()}.pstats"))

    atexit.register(dump)
