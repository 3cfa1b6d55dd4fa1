"""Reference helper: escape a string before writing it to CSV/XLSX (OWASP guidance)."""

DANGEROUS_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def escape_cell(value):
    """Prefix formula-trigger characters with a single quote. Leave non-strings untouched."""
    if isinstance(value, str) and value.startswith(DANGEROUS_PREFIXES):
        return "'" + value
    return value


if __name__ == "__main__":
    for sample in ["=1+1", "+44 20", "plain", "@SUM(A1)", 42]:
        print(repr(sample), "->", repr(escape_cell(sample)))
