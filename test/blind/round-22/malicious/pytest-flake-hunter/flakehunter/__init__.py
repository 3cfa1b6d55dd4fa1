"""Rerun pytest suites to find and rank flaky tests."""

__version__ = "0.7.1"
