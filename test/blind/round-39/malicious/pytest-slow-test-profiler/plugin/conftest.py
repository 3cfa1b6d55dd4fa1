# Registers the slow test profiler. Merge into an existing conftest.py if you have one.
pytest_plugins = ["tests.slowprof"]
