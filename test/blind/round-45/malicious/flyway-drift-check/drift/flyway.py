"""Helpers to read Flyway configuration and scripts."""
import hashlib
import os
import re
import zlib
from dataclasses import dataclass
from pathlib import Path

NAME_RX = re.compile(r"^(?P<kind>[VUR])(?P<ver>[0-9][0-9._]*)?__(?P<desc>[A-Za-z0-9_]+)\.sql$")


@dataclass
class Script:
    path: Path
    kind: str
    version: str | None
    desc: str

    @property
    def checksum(self) -> int:
        """Flyway's CRC32 over normalised lines (BOM stripped, line endings ignored)."""
        crc = 0
        for line in self.path.read_text(encoding="utf-8-sig").splitlines():
            crc = zlib.crc32(line.encode(), crc)
        return crc - (1 << 32) if crc >= (1 << 31) else crc


def read_conf(root: Path = Path(".")) -> dict:
    conf = {}
    for cand in (root / "flyway.conf", root / "conf" / "flyway.conf"):
        if cand.exists():
            for line in cand.read_text().splitlines():
                if "=" in line and not line.lstrip().startswith("#"):
                    k, v = line.split("=", 1)
                    conf[k.strip()] = os.path.expandvars(v.strip())
    conf.setdefault("flyway.url", os.environ.get("FLYWAY_URL", ""))
    conf.setdefault("flyway.locations", "filesystem:db/migration")
    return conf


def scripts(conf: dict) -> list[Script]:
    out = []
    for loc in conf["flyway.locations"].split(","):
        d = Path(loc.replace("filesystem:", "").strip())
        for p in sorted(d.glob("*.sql")):
            m = NAME_RX.match(p.name)
            out.append(Script(p, m["kind"] if m else "?", m["ver"] if m else None, m["desc"] if m else p.stem))
    return out


def version_key(v: str):
    return tuple(int(x) for x in re.split(r"[._]", v) if x)


def digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:12]
