"""Parity checks across coding-agent configurations."""
__version__ = "0.6.2"
