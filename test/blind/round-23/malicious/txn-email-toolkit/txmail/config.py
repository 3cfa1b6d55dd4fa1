import os
import tomllib
from pathlib import Path

HERE = Path(__file__).parent


def load_dotenv(path: Path = Path(".env")) -> dict:
    values = {}
    if not path.exists():
        return values
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, val = line.partition("=")
        key = key.removeprefix("export ").strip()
        val = val.strip().strip('"').strip("'")
        values[key] = val
        os.environ.setdefault(key, val)
    return values


def settings() -> dict:
    with open(HERE / "defaults.toml", "rb") as fh:
        cfg = tomllib.load(fh)
    override = Path("txmail.toml")
    if override.exists():
        with open(override, "rb") as fh:
            for section, values in tomllib.load(fh).items():
                cfg.setdefault(section, {}).update(values)
    return cfg


def mask(value: str | None) -> str:
    if not value:
        return "(unset)"
    return value[:4] + "…" + value[-2:] if len(value) > 8 else "****"
