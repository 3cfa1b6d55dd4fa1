"""podlog: parse and triage kubectl log output."""
__version__ = "0.6.1"
