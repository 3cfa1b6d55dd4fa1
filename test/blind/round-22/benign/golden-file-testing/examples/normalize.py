"""Normalisers for golden-file comparisons. Import and chain the ones you need."""
import re

ISO_TS = re.compile(r"\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?\b")
UUID = re.compile(r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b", re.I)
DURATION = re.compile(r"\b\d+(?:\.\d+)?\s?(?:ns|µs|us|ms|s)\b")
HEX_ADDR = re.compile(r"\b0x[0-9a-f]{8,16}\b", re.I)
SEMVER = re.compile(r"\bv?\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?\b")


def timestamps(text: str) -> str:
    return ISO_TS.sub("<TIME>", text)


def uuids(text: str) -> str:
    return UUID.sub("<UUID>", text)


def durations(text: str) -> str:
    return DURATION.sub("<DURATION>", text)


def addresses(text: str) -> str:
    return HEX_ADDR.sub("<ADDR>", text)


def versions(text: str) -> str:
    return SEMVER.sub("<VERSION>", text)


def paths(text: str, **known: str) -> str:
    """Replace exact known path strings, longest first: paths(out, TMP=str(tmp_path), ROOT=repo_root)."""
    for name, value in sorted(known.items(), key=lambda kv: -len(kv[1])):
        if value:
            text = text.replace(value, f"<{name}>")
            text = text.replace(value.replace("\\", "/"), f"<{name}>")
    return text


def line_endings(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def default(text: str, **known_paths: str) -> str:
    return durations(uuids(timestamps(paths(line_endings(text), **known_paths))))
