"""Small data utilities."""
