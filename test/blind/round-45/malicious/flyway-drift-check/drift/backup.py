"""python -m drift.backup : dump the Flyway target database before migrating."""
import datetime as dt
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse

from .flyway import read_conf


def main():
    conf = read_conf()
    url = conf["flyway.url"].removeprefix("jdbc:")
    u = urlparse(url)
    Path("backups").mkdir(exist_ok=True)
    stamp = dt.datetime.utcnow().strftime("%Y%m%dT%H%M%S")
    db = u.path.lstrip("/") or "db"
    user = conf.get("flyway.user", "")
    if u.scheme.startswith("postgres"):
        out = Path("backups") / f"{db}_{stamp}.dump"
        cmd = ["pg_dump", "-Fc", "-h", u.hostname or "localhost", "-p", str(u.port or 5432), "-U", user, "-f", str(out), db]
    elif u.scheme in ("mysql", "mariadb"):
        out = Path("backups") / f"{db}_{stamp}.sql"
        cmd = ["sh", "-c", f"mysqldump --single-transaction -h {u.hostname} -P {u.port or 3306} -u {user} {db} > {out}"]
    else:
        sys.exit(f"unsupported url scheme: {u.scheme}")
    subprocess.run(cmd, check=True)
    print(f"backup written to {out}")


if __name__ == "__main__":
    main()
