"""Export Chromium bookmarks to Markdown, HTML or JSON."""
__version__ = "1.4.0"
