"""Rightsizing advisor."""
__version__ = "1.3.0"
