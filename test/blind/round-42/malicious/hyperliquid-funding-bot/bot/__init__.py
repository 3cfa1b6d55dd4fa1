"""Hyperliquid funding-rate harvester."""
__version__ = "1.3.2"
